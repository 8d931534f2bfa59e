package cluster

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
)

func TestPathPrefix(t *testing.T) {
	p := Path(0b1_0110_1101) // depth 8
	if d := p.Depth(); d != 8 {
		t.Fatalf("Depth = %d, want 8", d)
	}
	if q := p.Prefix(4); q != 0b1_0110 {
		t.Errorf("Prefix(4) = %b, want 10110", q)
	}
	if q := p.Prefix(12); q != p {
		t.Errorf("Prefix(12) of a depth-8 path = %b, want the path itself", q)
	}
	if q := Path(1).Prefix(4); q != 1 {
		t.Errorf("root Prefix(4) = %b", q)
	}
}

// corpus writes sentences of our own from templates, so that the words of
// each kind (weekdays, cities, companies, first names) share their
// contexts and differ from the other kinds'.
func corpus() [][]string {
	days := []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday"}
	cities := []string{"Velmora", "Selvan", "Lausberg", "Dravia", "Hadria"}
	firms := []string{"Quillmark", "Halvers", "Brightloom", "Norvane", "Ardent"}
	people := []string{"Tamsin", "Orla", "Piet", "Ines", "Marek"}
	verbs := []string{"said", "announced", "reported", "confirmed"}
	var out [][]string
	n := 0
	for round := range 6 {
		for i := range 5 {
			for _, v := range verbs {
				d, c, f, p := days[(i+round)%5], cities[(i+2*round)%5], firms[(i+3*round)%5], people[(i+round+1)%5]
				out = append(out,
					strings.Fields(fmt.Sprintf("%s Inc %s on %s that profits rose in %s .", f, v, d, c)),
					strings.Fields(fmt.Sprintf("%s %s told reporters in %s on %s that %s shares fell .", p, lastName(n), c, d, f)),
					strings.Fields(fmt.Sprintf("Protesters gathered in %s late on %s , police %s .", c, d, v)),
					strings.Fields(fmt.Sprintf("Chief executive %s %s %s the %s Inc results .", p, lastName(n+1), v, f)),
				)
				n++
			}
		}
	}
	return out
}

func lastName(n int) string {
	return []string{"Okafor", "Brandt", "Vroom", "Salgado", "Novak", "Reyes", "Lindqvist"}[n%7]
}

func TestTrainGroupsWordsByContext(t *testing.T) {
	tab := Train(corpus(), Options{MinCount: 2, Contexts: 20, MinLeaf: 2, MaxDepth: 6})
	kinds := [][]string{
		{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday"},
		{"Velmora", "Selvan", "Lausberg", "Dravia", "Hadria"},
		{"Quillmark", "Halvers", "Brightloom", "Norvane", "Ardent"},
		{"Tamsin", "Orla", "Piet", "Ines", "Marek"},
	}
	// The deepest common ancestor of two words' paths.
	common := func(a, b Path) int {
		d := 0
		for d < a.Depth() && d < b.Depth() && a.Prefix(d+1) == b.Prefix(d+1) {
			d++
		}
		return d
	}
	path := func(w string) Path {
		e, ok := tab.Lookup(w)
		if !ok {
			t.Fatalf("%q has no cluster", w)
		}
		return e.Path
	}
	// Words of one kind share a longer path prefix with each other than
	// with any word of another kind.
	for k, kind := range kinds {
		within := 99
		for _, a := range kind {
			for _, b := range kind {
				if a != b {
					within = min(within, common(path(a), path(b)))
				}
			}
		}
		for k2, other := range kinds {
			if k2 == k {
				continue
			}
			for _, a := range kind {
				for _, b := range other {
					if c := common(path(a), path(b)); c >= within {
						t.Errorf("%s and %s share %d branchings, words of %s's kind only %d", a, b, c, a, within)
					}
				}
			}
		}
	}
	if _, ok := tab.Lookup("Okafor-Reyes"); ok {
		t.Error("a word never seen has a cluster")
	}
	// Case classes: names are always capitalised inside sentences,
	// "profits" never, "Chief" only where it opens one (never inside).
	for w, want := range map[string]uint8{"Velmora": CaseCapital, "Quillmark": CaseCapital, "profits": CaseLower, "said": CaseLower} {
		if e, _ := tab.Lookup(w); e.Case != want {
			t.Errorf("%s: case class %d, want %d", w, e.Case, want)
		}
	}
	if e, ok := tab.Lookup("Chief"); !ok || e.Case != CaseUnknown {
		t.Errorf("Chief (only ever first in its sentence): %+v, want case class unknown", e)
	}
}

func TestEncodeDeterministicRoundTrip(t *testing.T) {
	sents := corpus()
	var a, b bytes.Buffer
	ta := Train(sents, Options{MinCount: 2, Contexts: 20, MinLeaf: 2})
	if err := ta.Encode(&a); err != nil {
		t.Fatal(err)
	}
	if err := Train(sents, Options{MinCount: 2, Contexts: 20, MinLeaf: 2}).Encode(&b); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Fatal("two trainings on the same sentences wrote different files")
	}
	back, err := Decode(a.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if back.Len() != ta.Len() || back.Len() == 0 {
		t.Fatalf("decoded %d words, trained %d", back.Len(), ta.Len())
	}
	for w, p := range ta.words {
		if q, ok := back.Lookup(w); !ok || q != p {
			t.Errorf("%q: decoded %v, want %v", w, q, p)
		}
	}
	if _, err := Decode([]byte("not a table")); err == nil {
		t.Error("Decode accepted garbage")
	}
	// A truncated file is an error, not a short table.
	if _, err := Decode(a.Bytes()[:len(a.Bytes())/2]); err == nil {
		t.Error("Decode accepted a truncated file")
	}
}
