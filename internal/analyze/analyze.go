// Package analyze turns a Document into an analysed Article: it cleans the
// body (plain text through clean.Text, HTML through extract.HTML) and then
// runs the analysis stages (entities, quotes, techniques) in order.
package analyze

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/sift-news/sift"
	"github.com/sift-news/sift/internal/clean"
	"github.com/sift-news/sift/internal/credit"
	"github.com/sift-news/sift/internal/extract"
)

// Stage adds derived facts to an article whose Text is final. A stage must
// not change Text, must keep every offset in code points into Text, and must
// be safe for concurrent use on different articles.
type Stage interface {
	// Name is the stage's key in Article.Analyzer ("ner", "quotes", ...).
	Name() string
	// Version changes whenever the stage's output may change.
	Version() string
	// Apply adds the stage's facts to a.
	Apply(a *sift.Article)
}

// Pipeline cleans documents and runs stages over them.
type Pipeline struct {
	Stages []Stage
	// Budget bounds the analysis of each document by Article,
	// ArticleWith and ArticleContext (the zero Budget: no bound).
	Budget Budget
}

// ErrEmpty is returned for a document with no text left after cleaning
// (neither a body nor a headline).
var ErrEmpty = errors.New("no article text")

// Article cleans doc (unless raw is set, in which case Text is doc.Body byte
// for byte) and runs every stage over the result.
func (p *Pipeline) Article(doc sift.Document, raw bool) (*sift.Article, error) {
	return p.ArticleWith(doc, raw, clean.Options{})
}

// ArticleWith is Article with cleaner options for plain text, such as the
// outlet's template lines known to the store.
func (p *Pipeline) ArticleWith(doc sift.Document, raw bool, opt clean.Options) (*sift.Article, error) {
	return p.ArticleContext(context.Background(), doc, raw, opt)
}

// ArticleContext is ArticleWith within ctx and the pipeline's budget: a
// document whose text is over the budget's size, or whose analysis is
// still going when ctx ends or the budget's time is up, gives an error
// naming it (wrapping ErrBudget when over the budget) and no article.
func (p *Pipeline) ArticleContext(ctx context.Context, doc sift.Document, raw bool, opt clean.Options) (*sift.Article, error) {
	a, err := CleanWith(doc, raw, opt)
	if err != nil {
		return nil, err
	}
	if err := p.Budget.checkSize(doc.Source, len(a.Text), raw); err != nil {
		return nil, err
	}
	ctx, cancel := p.Budget.context(ctx)
	defer cancel()
	for _, s := range p.Stages {
		if ctx.Err() != nil {
			return nil, overTime(ctx, doc.Source, s.Name(), len(a.Text), p.Budget)
		}
		s.Apply(a)
		a.Analyzer[s.Name()] = s.Version()
	}
	return a, nil
}

// Run applies every stage to a and records their versions.
func (p *Pipeline) Run(a *sift.Article) {
	for _, s := range p.Stages {
		s.Apply(a)
		a.Analyzer[s.Name()] = s.Version()
	}
}

// Clean builds an Article from doc: metadata from the document, title, body,
// boilerplate and comments from the cleaner. With raw set the body is kept
// as is.
func Clean(doc sift.Document, raw bool) (*sift.Article, error) {
	return CleanWith(doc, raw, clean.Options{})
}

// CleanWith is Clean with cleaner options for plain text.
func CleanWith(doc sift.Document, raw bool, opt clean.Options) (*sift.Article, error) {
	if !utf8.ValidString(doc.Body) {
		return nil, fmt.Errorf("%s: body is not valid UTF-8", doc.Source)
	}
	a := &sift.Article{
		Source:    doc.Source,
		URL:       doc.URL,
		Title:     doc.Title,
		Outlet:    doc.Outlet,
		Author:    doc.Author,
		Published: doc.Published,
		Language:  doc.Language,
		Analyzer:  map[string]string{},
	}
	if raw {
		a.Text = doc.Body
		a.Analyzer["clean"] = "raw"
	} else {
		var r clean.Result
		if doc.Format == sift.FormatHTML {
			var err error
			r, err = extract.HTML(doc.Body, doc.URL)
			if err != nil {
				return nil, fmt.Errorf("%s: %w", doc.Source, err)
			}
			a.Analyzer["clean"] = "extract/" + extract.Version
		} else {
			r = opt.Text(doc.Body)
			a.Analyzer["clean"] = clean.Version
		}
		a.Text = strings.Join(r.Paragraphs, "\n\n")
		if a.Title == "" {
			a.Title = r.Title
		}
		if a.Published == "" {
			a.Published = r.Published
		}
		if a.Author == "" {
			a.Author = r.Author
		}
		if a.Outlet == "" {
			a.Outlet = r.Outlet
		}
		if a.Outlet == "" {
			// A text with no metadata may still say who published it.
			if f, ok := credit.Outlet(r.Paragraphs, r.Boilerplate); ok {
				a.Outlet = f.Outlet
			}
			a.Analyzer["credit"] = credit.Version
		}
		if a.Language == "" {
			a.Language = r.Language
		}
		a.Dateline = r.Dateline
		a.Captions = r.Captions
		a.Boilerplate = r.Boilerplate
		a.Comments = r.Comments
		if strings.TrimSpace(a.Text) == "" && clean.CountWords(a.Title) >= 3 {
			// A feed item or page that is only a headline is still an
			// article: its text is the headline, so that it is stored,
			// searched, analysed and linked like any other.
			a.Text = a.Title
		}
	}
	if strings.TrimSpace(a.Text) == "" {
		return nil, fmt.Errorf("%s: %w", doc.Source, ErrEmpty)
	}
	if a.Language == "" {
		a.Language = Language(a.Text)
	}
	a.Entities = []sift.Entity{}
	a.Quotes = []sift.Quote{}
	a.Techniques = []sift.Technique{}
	a.Claims = []sift.Claim{}
	if a.Boilerplate == nil {
		a.Boilerplate = []sift.Boilerplate{}
	}
	if a.Comments == nil {
		a.Comments = []sift.Comment{}
	}
	return a, nil
}
