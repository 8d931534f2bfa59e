// Package copies decides, from the reuse links the linking stage finds
// (internal/link), which articles are copies of which and which quotes in
// them repeat a statement made first elsewhere, so that counts of
// speakers, entities and search results count a statement or an article
// and its copies once. The stores (internal/sqlite, internal/postgres)
// record what it decides when they save the links.
package copies

import (
	"context"
	"fmt"
	"strings"

	"github.com/sift-news/sift"
)

// Version is the version of the copy rules; the stores record it with each
// copy they mark.
const Version = "1"

// wholeShare is the least share of the copying article's text a shared or
// spun passage must cover for the article to count as a copy as a whole.
const wholeShare = 0.6

// WholeCopy reports whether the reuse link r makes its copying article
// (r.A, of aLen code points) a copy of its source (r.B) as a whole: an
// exact or near duplicate, or a shared or spun passage covering most of its
// text.
func WholeCopy(r sift.Reuse, aLen int) bool {
	switch r.Kind {
	case sift.ReuseExact, sift.ReuseNear:
		return true
	case sift.ReuseSpun, sift.ReusePassage:
		return aLen > 0 && float64(r.AEnd-r.AStart) >= wholeShare*float64(aLen)
	}
	return false
}

// Quote is what the rules look at in a stored quote.
type Quote struct {
	Start, End int    // code points in the article's text
	Text       string // the quoted words
	Speaker    string // canonical name, or the text naming the speaker
}

// sameShare is the least share of words two quotes must have in common to
// be one statement (a spun copy swaps some words: "Russia" for "the
// Russian Federation").
const sameShare = 0.5

// SameStatement reports whether quote a, in a copying article, repeats
// quote b of its source: the same speaker and at least half of their
// distinct words in common.
func SameStatement(a, b Quote) bool {
	if !strings.EqualFold(strings.TrimSpace(a.Speaker), strings.TrimSpace(b.Speaker)) {
		return false
	}
	return overlap(a.Text, b.Text) >= sameShare
}

// overlap is the number of distinct words two texts share over the number
// of distinct words of the shorter one.
func overlap(a, b string) float64 {
	wa, wb := words(a), words(b)
	if len(wa) == 0 || len(wb) == 0 {
		return 0
	}
	if len(wa) > len(wb) {
		wa, wb = wb, wa
	}
	n := 0
	for w := range wa {
		if wb[w] {
			n++
		}
	}
	return float64(n) / float64(len(wa))
}

// words returns the distinct folded words of s.
func words(s string) map[string]bool {
	m := make(map[string]bool)
	for _, w := range strings.Fields(sift.Normalize(s)) {
		m[w] = true
	}
	return m
}

// Match returns, for each quote of a copying article that falls inside the
// copied stretch [aStart, aEnd) (code points), the index in src of the
// source quote inside [bStart, bEnd) it repeats, or -1. A source quote is
// matched at most once.
func Match(copyQuotes []Quote, aStart, aEnd int, src []Quote, bStart, bEnd int) []int {
	out := make([]int, len(copyQuotes))
	used := make([]bool, len(src))
	for i, q := range copyQuotes {
		out[i] = -1
		if q.Start < aStart || q.End > aEnd {
			continue
		}
		best, bestShare := -1, 0.0
		for j, s := range src {
			if used[j] || s.Start < bStart || s.End > bEnd || !SameStatement(q, s) {
				continue
			}
			if sh := overlap(q.Text, s.Text); sh > bestShare {
				best, bestShare = j, sh
			}
		}
		if best >= 0 {
			used[best] = true
			out[i] = best
		}
	}
	return out
}

// FoldQuotes keeps the first hit of each statement (hits sharing a Key)
// and lists the later ones as its copies, at most limit statements when
// limit is positive. Hits without a key stand alone.
func FoldQuotes(hits []sift.Statement, limit int) []sift.Statement {
	out := make([]sift.Statement, 0, len(hits))
	at := make(map[string]int)
	for _, h := range hits {
		if i, ok := at[h.Key]; ok && h.Key != "" {
			out[i].Copies = append(out[i].Copies, sift.StatementCopy{ArticleID: h.ArticleID, Title: h.Title,
				Outlet: h.Outlet, Published: h.Published, Start: h.Quote.Start, End: h.Quote.End, Text: h.Quote.Text})
			continue
		}
		if limit > 0 && len(out) == limit {
			continue
		}
		at[h.Key] = len(out)
		out = append(out, h)
	}
	return out
}

// FoldPage folds the copies among a page of search hits under their
// original (FoldHits), asking st which of them are copies. With flat, or a
// store that knows no copies (st not a sift.CopyStore), every hit stands
// alone.
func FoldPage(ctx context.Context, st any, hits []sift.Hit, flat bool) ([]sift.FoldedHit, error) {
	cs, ok := st.(sift.CopyStore)
	if flat || !ok {
		out := make([]sift.FoldedHit, len(hits))
		for i, h := range hits {
			out[i] = sift.FoldedHit{Hit: h}
		}
		return out, nil
	}
	ids := make([]string, len(hits))
	for i, h := range hits {
		ids[i] = h.ID
	}
	originals, err := cs.Originals(ctx, ids)
	if err != nil {
		return nil, fmt.Errorf("folding copies: %w", err)
	}
	return FoldHits(hits, originals), nil
}

// FoldHits folds search hits that are copies of one original under one
// hit: the original when it is among the hits, the best-ranked copy
// otherwise, at the place of the family's best-ranked hit. originals maps
// a copy's ID to its original's (as sift.CopyStore returns).
func FoldHits(hits []sift.Hit, originals map[string]string) []sift.FoldedHit {
	root := func(id string) string {
		if o, ok := originals[id]; ok {
			return o
		}
		return id
	}
	at := make(map[string]int)
	var out []sift.FoldedHit
	for _, h := range hits {
		r := root(h.ID)
		i, ok := at[r]
		if !ok {
			at[r] = len(out)
			f := sift.FoldedHit{Hit: h}
			if r != h.ID {
				f.CopyOf = r
			}
			out = append(out, f)
			continue
		}
		f := &out[i]
		if h.ID == r {
			// The original, ranked below one of its copies, heads the
			// family.
			f.Copies = append([]sift.Hit{f.Hit}, f.Copies...)
			f.Hit, f.CopyOf = h, ""
			continue
		}
		f.Copies = append(f.Copies, h)
	}
	return out
}
