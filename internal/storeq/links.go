package storeq

import (
	"context"
	"fmt"

	"github.com/sift-news/sift"
	"github.com/sift-news/sift/internal/copies"
	"github.com/sift-news/sift/internal/link"
)

// LinkTx is what saving links decides with, in a store's transaction:
// each store implements it with its SQL, and the rules below (which
// articles and quotes are copies of which, what a story is titled) are
// written once.
type LinkTx interface {
	// TextLen returns the length of an article's text in code points.
	TextLen(ctx context.Context, id string) (int, error)
	// OriginalArticle returns the original of the chain an article
	// belongs to: the article itself unless it is a whole copy.
	OriginalArticle(ctx context.Context, id string) (string, error)
	// MarkArticleCopy records article id as a whole copy of original
	// (unless it is recorded already) and points the copies of id at
	// original.
	MarkArticleCopy(ctx context.Context, id, original string) error
	// OriginalQuote returns the original of the quote at start of an
	// article: that quote itself unless it repeats another.
	OriginalQuote(ctx context.Context, article string, start int) (string, int, error)
	// MarkQuoteCopy records the quote at start of article as repeating
	// the quote at origStart of origArticle (unless it is recorded
	// already) and points the repetitions of it at that one.
	MarkQuoteCopy(ctx context.Context, article string, start int, origArticle string, origStart int) error
	// Quotes returns an article's quotes as the copy rules see them, by
	// offset.
	Quotes(ctx context.Context, article string) ([]copies.Quote, error)
	// Headlines returns the headlines of a story's first limit articles
	// in timeline order (dated ones by date, then undated ones, each in
	// order of arrival).
	Headlines(ctx context.Context, story string, limit int) ([]link.Headline, error)
	// SetTitle gives a story its title, with link.TitleVersion.
	SetTitle(ctx context.Context, story, title string) error
}

// MaxTitleHeadlines bounds the headlines read to title one story (its
// earliest), so that titling costs the same for any story size.
const MaxTitleHeadlines = 400

// Retitle sets the neutral title (link.StoryTitle) of each story in ids.
func Retitle(ctx context.Context, tx LinkTx, ids []string) error {
	for _, id := range ids {
		heads, err := tx.Headlines(ctx, id, MaxTitleHeadlines)
		if err != nil {
			return fmt.Errorf("titling story %s: %w", id, err)
		}
		if t := link.StoryTitle(heads); t != "" {
			if err := tx.SetTitle(ctx, id, t); err != nil {
				return fmt.Errorf("titling story %s: %w", id, err)
			}
		}
	}
	return nil
}

// MarkCopies records the article and quote copies the batch's reuse links
// reveal.
func MarkCopies(ctx context.Context, tx LinkTx, ups []link.Update) error {
	// An article has reuse links with dozens of others in a batch, and
	// its length and quotes do not change while copies are marked.
	tx = &readOnce{LinkTx: tx, lens: map[string]int{}, quotes: map[string][]copies.Quote{}}
	for _, up := range ups {
		for _, r := range up.Reuse {
			if r.A == r.B {
				continue
			}
			if err := markCopy(ctx, tx, r); err != nil {
				return fmt.Errorf("marking copies of %s in %s: %w", r.B, r.A, err)
			}
		}
	}
	return nil
}

// readOnce is a LinkTx that reads each article's text length and quotes
// once.
type readOnce struct {
	LinkTx
	lens   map[string]int
	quotes map[string][]copies.Quote
}

func (r *readOnce) TextLen(ctx context.Context, id string) (int, error) {
	if n, ok := r.lens[id]; ok {
		return n, nil
	}
	n, err := r.LinkTx.TextLen(ctx, id)
	if err == nil {
		r.lens[id] = n
	}
	return n, err
}

func (r *readOnce) Quotes(ctx context.Context, article string) ([]copies.Quote, error) {
	if q, ok := r.quotes[article]; ok {
		return q, nil
	}
	q, err := r.LinkTx.Quotes(ctx, article)
	if err == nil {
		r.quotes[article] = q
	}
	return q, err
}

// markCopy records what one reuse link copies: article A is a whole copy
// of the original of B's chain when the link covers most of it, and each
// quote of A repeating one of B repeats that quote's original.
func markCopy(ctx context.Context, tx LinkTx, r sift.Reuse) error {
	aLen, err := tx.TextLen(ctx, r.A)
	if err != nil {
		return err
	}
	if copies.WholeCopy(r, aLen) {
		root, err := tx.OriginalArticle(ctx, r.B)
		if err != nil {
			return err
		}
		if root != r.A {
			if err := tx.MarkArticleCopy(ctx, r.A, root); err != nil {
				return err
			}
		}
	}
	aq, err := tx.Quotes(ctx, r.A)
	if err != nil || len(aq) == 0 {
		return err
	}
	bq, err := tx.Quotes(ctx, r.B)
	if err != nil || len(bq) == 0 {
		return err
	}
	for i, j := range copies.Match(aq, r.AStart, r.AEnd, bq, r.BStart, r.BEnd) {
		if j < 0 {
			continue
		}
		ra, rs, err := tx.OriginalQuote(ctx, r.B, bq[j].Start)
		if err != nil {
			return err
		}
		if ra == r.A && rs == aq[i].Start {
			continue // the source's quote already copies this one
		}
		if err := tx.MarkQuoteCopy(ctx, r.A, aq[i].Start, ra, rs); err != nil {
			return err
		}
	}
	return nil
}
