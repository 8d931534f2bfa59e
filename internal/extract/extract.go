// Package extract recovers the main text and metadata of an HTML article
// page: title, body paragraphs, author, publication date, site name and
// language.
//
// The main text comes from go-trafilatura (with its go-readability and
// go-domdistiller fallbacks), cross-checked with a second,
// paragraph-density extractor of our own (density.go) for the pages where
// trafilatura keeps too little or too much. The result is then cut into
// one paragraph per block, and leftover boilerplate (newsletter boxes, share
// bars, related-links lists, a repeated headline) is set aside with the
// reason it was removed (boilerplate.go). Metadata is trafilatura's, cleaned
// up (metadata.go).
//
// Hostile input is bounded: pages over MaxPageSize bytes, with more than
// MaxElements elements or nested deeper than MaxDepth are refused with an
// error before the HTML parser builds a tree.
package extract

import (
	"errors"
	"fmt"
	nurl "net/url"
	"strings"

	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"

	"github.com/sift-news/sift/internal/clean"
)

// Version of the extractor; it changes whenever its output may change.
const Version = "3"

// Limits on the pages HTML accepts.
const (
	MaxPageSize = 8 << 20 // bytes of HTML
	MaxElements = 50_000  // start tags; real article pages have a few thousand
	MaxDepth    = 500     // open elements needing an end tag (the HTML parser itself stops at 512)
)

// Errors for pages the extractor refuses.
var (
	ErrTooLarge   = errors.New("page too large")
	ErrTooComplex = errors.New("page too complex")
	ErrNoText     = errors.New("no main text found")
	ErrExtractor  = errors.New("extractor failed")
)

// HTML extracts the article from an HTML page. pageURL, when known, helps
// resolve the site name and relative metadata; it may be empty.
func HTML(page, pageURL string) (clean.Result, error) {
	doc, err := Parse(page)
	if err != nil {
		return clean.Result{}, err
	}
	return Document(doc, pageURL)
}

// Parse checks page against the limits and parses it.
func Parse(page string) (*html.Node, error) {
	if len(page) > MaxPageSize {
		return nil, fmt.Errorf("%w: %d bytes (limit %d)", ErrTooLarge, len(page), MaxPageSize)
	}
	if err := checkShape(page); err != nil {
		return nil, err
	}
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		return nil, fmt.Errorf("parsing HTML: %w", err)
	}
	return doc, nil
}

// Document extracts the article from a parsed page. It does not modify doc.
// A panic in the third-party extractors (hostile HTML finds their bugs)
// becomes an ErrExtractor error for this page.
func Document(doc *html.Node, pageURL string) (r clean.Result, err error) {
	defer func() {
		if p := recover(); p != nil {
			r, err = clean.Result{}, fmt.Errorf("%w: %v", ErrExtractor, p)
		}
	}()
	var tr *trafilatura.ExtractResult
	if textOver(doc, maxTrafilaturaText) {
		err = fmt.Errorf("more than %d KB of text for go-trafilatura", maxTrafilaturaText>>10)
	} else {
		tr, err = trafilatura.ExtractDocument(doc, options(pageURL))
	}
	var main []block
	if err == nil {
		main = blocks(tr.ContentNode)
	}
	// Cross-check with the density extractor: it wins when trafilatura
	// found nothing or much less running text than it.
	if alt := densityBlocks(doc); betterAlternative(main, alt) {
		main = alt
	}
	if len(main) == 0 {
		if err != nil {
			return r, fmt.Errorf("%w: %v", ErrNoText, err)
		}
		return r, ErrNoText
	}
	var md trafilatura.Metadata
	if tr != nil {
		md = tr.Metadata
	}
	r = metadata(doc, md, pageURL)
	r.Paragraphs, r.Boilerplate = filter(main, r.Title)
	if len(r.Paragraphs) == 0 {
		return r, ErrNoText
	}
	return r, nil
}

// Trafilatura runs plain go-trafilatura (with its default options, or
// with its fallback extractors, go-readability and go-domdistiller, when
// fallback is set) and returns its text split into paragraphs and its
// metadata unchanged. These are the baselines `sift eval extract` compares
// HTML against.
func Trafilatura(page, pageURL string, fallback bool) (clean.Result, error) {
	doc, err := Parse(page)
	if err != nil {
		return clean.Result{}, err
	}
	opts := trafilatura.Options{ExcludeComments: true, EnableFallback: fallback}
	if u, err := nurl.Parse(pageURL); err == nil && u.Host != "" {
		opts.OriginalURL = u
	}
	tr, err := trafilatura.ExtractDocument(doc, opts)
	if err != nil {
		return clean.Result{}, fmt.Errorf("%w: %v", ErrNoText, err)
	}
	var r clean.Result
	for _, b := range blocks(tr.ContentNode) {
		r.Paragraphs = append(r.Paragraphs, b.text)
	}
	r.Title = tr.Metadata.Title
	r.Author = tr.Metadata.Author
	r.Outlet = tr.Metadata.Sitename
	r.Language = tr.Metadata.Language
	if !tr.Metadata.Date.IsZero() {
		r.Published = tr.Metadata.Date.Format("2006-01-02")
	}
	return r, nil
}

// options are the trafilatura options HTML uses: its fallback extractors
// on (they lift WCXB F1 from 0.910 to 0.937 for twice the time), its fast
// date search (the extensive one finds copyright years; see textDate).
// Keeping links in its output would let the filter see link lists, but
// costs main text.
func options(pageURL string) trafilatura.Options {
	opts := trafilatura.Options{ExcludeComments: true, EnableFallback: true, HtmlDateMode: trafilatura.Fast}
	if u, err := nurl.Parse(pageURL); err == nil && u.Host != "" {
		opts.OriginalURL = u
	}
	return opts
}

// checkShape scans page with the tokenizer, without building a tree, and
// refuses pages with too many elements or nesting too deep for the parser
// to handle in reasonable time (its work per tag grows with the depth).
func checkShape(page string) error {
	z := html.NewTokenizer(strings.NewReader(page))
	elements, depth := 0, 0
	for {
		switch z.Next() {
		case html.ErrorToken:
			return nil // io.EOF: the tokenizer reads from memory
		case html.StartTagToken:
			elements++
			if elements > MaxElements {
				return fmt.Errorf("%w: more than %d elements", ErrTooComplex, MaxElements)
			}
			name, _ := z.TagName()
			if needsEndTag(string(name)) {
				depth++
				if depth > MaxDepth {
					return fmt.Errorf("%w: elements nested deeper than %d", ErrTooComplex, MaxDepth)
				}
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			if needsEndTag(string(name)) && depth > 0 {
				depth--
			}
		}
	}
}

// needsEndTag reports whether an element stays open until its end tag, so
// that it counts towards the nesting depth. Void elements and those whose
// end tag is optional (p, li, td, ...) do not.
func needsEndTag(name string) bool {
	switch name {
	case "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
		"source", "track", "wbr", "p", "li", "dt", "dd", "option", "optgroup",
		"tr", "td", "th", "thead", "tbody", "tfoot", "colgroup", "rb", "rt", "rp",
		"html", "head", "body", "image", "frame", "param", "keygen", "basefont", "bgsound":
		return false
	}
	return true
}
