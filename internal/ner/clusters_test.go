package ner

import (
	"strings"
	"testing"

	"github.com/sift-news/sift/internal/ner/cluster"
)

// TestClusterIndexFallbacks checks the ways a word finds its cluster: as
// written, by its lower-case form (a capitalised sentence opener), by its
// capitalised form (a headline in capitals), or not at all.
func TestClusterIndexFallbacks(t *testing.T) {
	var sents [][]string
	for range 5 {
		sents = append(sents,
			strings.Fields("the minister met Lavrov in Selvan on Monday ."),
			strings.Fields("reporters said the talks in Selvan would resume ."),
		)
	}
	tab := cluster.Train(sents, cluster.Options{MinCount: 2, Contexts: 10, MinLeaf: 1})
	x := newClusterIndex(tab)
	if x.len() != tab.Len() {
		t.Fatalf("indexed %d words of %d", x.len(), tab.Len())
	}
	want := func(w string) cluster.Entry {
		e, ok := tab.Lookup(w)
		if !ok {
			t.Fatalf("%q not in the table", w)
		}
		return e
	}
	for _, c := range []struct {
		form, as string
		own      bool
	}{
		{"Lavrov", "Lavrov", true},
		{"The", "the", false},       // sentence opener
		{"LAVROV", "Lavrov", false}, // headline in capitals
		{"SELVAN", "Selvan", false},
		{"said", "said", true},
	} {
		w := makeWord(c.form)
		e, own := clusterOf(x, &w)
		if e != want(c.as) || own != c.own {
			t.Errorf("%s: entry %+v (own %v), want %s's %+v (own %v)", c.form, e, own, c.as, want(c.as), c.own)
		}
	}
	w := makeWord("Okafor-Reyes")
	if e, own := clusterOf(x, &w); e != (cluster.Entry{}) || own {
		t.Errorf("a word never seen found %+v", e)
	}
	// Every word of the table is found under its own hash.
	tab.Each(func(s string, e cluster.Entry) {
		if got, ok := x.lookup(hs(fnvOffset, s)); !ok || got != e {
			t.Errorf("%q: lookup gave %+v, %v", s, got, ok)
		}
	})
}
