package sift

import "context"

// CopyStore is an optional store capability: which stored articles are
// whole copies (exact, near or spun copies covering most of the text) of
// which, as linking found them.
type CopyStore interface {
	// Originals returns, for each of ids that is a copy, the ID of the
	// original of its chain (the first article, which copies nothing).
	// IDs that are no copy are left out.
	Originals(ctx context.Context, ids []string) (map[string]string, error)
}

// FoldedHit is a search hit with the copies of it that the same page of
// results holds, folded under it.
type FoldedHit struct {
	Hit
	// CopyOf is the ID of the article the hit copies when it is a copy
	// itself (its original was not among the hits).
	CopyOf string `json:"copy_of,omitempty"`
	// Copies are the hits that copy the same original, best first.
	Copies []Hit `json:"copies,omitempty"`
}
