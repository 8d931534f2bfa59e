package sift

import "sort"

// Views are the aggregates the stores compute for the web UI, the HTTP API
// and the commands that list what is stored: search facets here; story
// lists, entity and speaker profiles and outlet technique profiles beside
// the store interfaces that return them (store_*.go). Every backend
// (internal/sqlite, internal/postgres) returns these same types, so that
// callers need not know which store they read.

// Count is a value with the number of times it occurs.
type Count struct {
	Key string `json:"key"`
	N   int    `json:"n"`
}

// TopCounts returns the counts of m, most first (then by key), at most
// limit of them unless limit is 0. Both stores order facets with it.
func TopCounts(m map[string]int, limit int) []Count {
	out := make([]Count, 0, len(m))
	for k, n := range m {
		out = append(out, Count{Key: k, N: n})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].N != out[j].N {
			return out[i].N > out[j].N
		}
		return out[i].Key < out[j].Key
	})
	if limit > 0 && len(out) > limit {
		out = out[:limit]
	}
	return out
}

// Facets counts the articles matching a query by outlet, by month of
// publication (YYYY-MM) and by propaganda technique found in them.
type Facets struct {
	Outlets    []Count `json:"outlets"`
	Months     []Count `json:"months"`
	Techniques []Count `json:"techniques"`
	// NoOutlet and Undated count the articles whose outlet, or date, is
	// unknown (plain-text inputs that said neither).
	NoOutlet int `json:"no_outlet"`
	Undated  int `json:"undated"`
	// Sampled is non-zero when more articles matched than FacetSample: the
	// counts then cover only the first Sampled matches in store order.
	Sampled int `json:"sampled,omitempty"`
}

// FacetSample is the most matching articles stores count into facets,
// which keeps the cost of a broad query bounded on a large store. A query
// with no text and no filter is counted in full.
var FacetSample = 1000

// RankSample is the most matching articles a text search ranks. When more
// match, stores rank the RankSample most recently stored matches (and
// still count all of them), so that a word found in most of a large store
// costs no more to rank than one found in RankSample articles; the first
// pages then hold the best-ranked of those recent matches. A store of up
// to RankSample articles always ranks every match.
var RankSample = 100000
