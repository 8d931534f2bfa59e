package ecbeval

import (
	"fmt"
	"strconv"

	"github.com/sift-news/sift"
	"github.com/sift-news/sift/internal/gen"
)

// Generated returns n articles of generated news (internal/gen, seed
// seed) as the documents `sift ingest` would read from `sift gen`'s JSON
// Lines, with each one's gold story: its invented event. Events of the
// same kind (8 kinds) share their vocabulary and differ by their names,
// places and figures, so the set scores "same kind, different event".
func Generated(n int, seed uint64) (docs []sift.Document, gold []string) {
	g := gen.New(gen.Options{Articles: n, Seed: seed})
	for g.More() {
		a := g.Next()
		docs = append(docs, sift.Document{
			Source:    fmt.Sprintf("gen-%d:%d", seed, a.Index+1),
			Format:    sift.FormatText,
			Title:     a.Title,
			Body:      a.Text,
			URL:       a.URL,
			Outlet:    a.Outlet,
			Published: a.Published,
		})
		gold = append(gold, strconv.Itoa(a.Story))
	}
	return docs, gold
}
