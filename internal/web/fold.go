package web

// Search results fold copies: a page of hits lists an article once with the
// copies of it found on the same page under it ("and 3 copies"), unless
// the request asks for copies=1, which lists every hit on its own.

import (
	"context"
	"net/http"
	"net/url"

	"github.com/sift-news/sift"
	"github.com/sift-news/sift/internal/copies"
)

// wantsCopies reports whether a search request asks for copies listed on
// their own (copies=1) instead of folded under their original.
func wantsCopies(r *http.Request) bool {
	return r.URL.Query().Get("copies") == "1"
}

// foldHits folds the copies among hits under their original
// (copies.FoldPage); a page of one hit, or flat, lists every hit alone.
func (s *server) foldHits(ctx context.Context, hits []sift.Hit, flat bool) ([]sift.FoldedHit, error) {
	return copies.FoldPage(ctx, s.store, hits, flat || len(hits) < 2)
}

// CopiesLink returns the search URL that lists copies on their own when
// they are folded, and folds them when they are listed.
func (v searchView) CopiesLink() string {
	p := url.Values{}
	for k, vs := range v.params {
		p[k] = vs
	}
	if v.Flat {
		p.Del("copies")
	} else {
		p.Set("copies", "1")
	}
	return "/search?" + p.Encode()
}

// FoldedCopies counts the hits of the page folded under another.
func (v searchView) FoldedCopies() int {
	n := 0
	for _, h := range v.Folded {
		n += len(h.Copies)
	}
	return n
}

// apiHit converts a store hit for the API.
func apiHit(h sift.Hit) APIHit {
	snip, m := plainSnippet(h.Snippet)
	return APIHit{ID: h.ID, Title: h.Title, Outlet: h.Outlet, Published: h.Published,
		Source: h.Source, Snippet: snip, Matches: m, Rank: h.Rank}
}

// apiFolded converts a folded hit for the API: the hit with its copies.
func apiFolded(f sift.FoldedHit) APIHit {
	h := apiHit(f.Hit)
	h.CopyOf = f.CopyOf
	h.CopyCount = len(f.Copies)
	h.Copies = []APIHit{}
	for _, c := range f.Copies {
		h.Copies = append(h.Copies, apiHit(c))
	}
	return h
}
