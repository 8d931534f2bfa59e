package gen

import (
	"math"
	"strings"
	"testing"

	"github.com/sift-news/sift"
	"github.com/sift-news/sift/internal/link"
)

func generate(n int, seed uint64) []Article {
	g := New(Options{Articles: n, Seed: seed})
	var out []Article
	for g.More() {
		out = append(out, g.Next())
	}
	return out
}

// The same seed gives the same articles; another seed other articles.
func TestDeterministic(t *testing.T) {
	a, b, c := generate(300, 1), generate(300, 1), generate(300, 2)
	for i := range a {
		a[i].st, b[i].st, a[i].outs, b[i].outs = nil, nil, nil, nil
		if a[i] != b[i] {
			t.Fatalf("article %d differs between two runs with seed 1", i)
		}
	}
	same := 0
	for i := range a {
		if a[i].Text == c[i].Text {
			same++
		}
	}
	if same > 0 {
		t.Errorf("%d of 300 articles identical with seeds 1 and 2", same)
	}
}

// Articles are about 600 words from 30 outlets, copies come in the
// requested shares, each copy is of an earlier article of the same story
// published by another outlet, and stories are shared by several outlets.
func TestShapeAndShares(t *testing.T) {
	as := generate(5000, 3)
	kinds := map[string]int{}
	outlets := map[string]bool{}
	storyOutlets := map[int]map[string]bool{}
	words := 0
	for i, a := range as {
		kinds[a.Kind]++
		outlets[a.Outlet] = true
		words += len(strings.Fields(a.Text))
		if storyOutlets[a.Story] == nil {
			storyOutlets[a.Story] = map[string]bool{}
		}
		storyOutlets[a.Story][a.Outlet] = true
		if a.Title == "" || a.Published == "" || a.URL == "" {
			t.Fatalf("article %d lacks a field: %+v", i, a)
		}
		if a.Kind == KindOriginal {
			if a.Of != -1 {
				t.Fatalf("original %d says it copies %d", i, a.Of)
			}
			continue
		}
		if a.Of < 0 || a.Of >= i {
			t.Fatalf("copy %d of article %d, not an earlier one", i, a.Of)
		}
		src := as[a.Of]
		if src.Story != a.Story || src.Outlet == a.Outlet {
			t.Fatalf("copy %d: story %d outlet %q, source story %d outlet %q", i, a.Story, a.Outlet, src.Story, src.Outlet)
		}
		switch a.Kind {
		case KindExact:
			if a.Text != src.Text {
				t.Fatalf("exact copy %d has other text than its source", i)
			}
		case KindNear, KindSpun:
			if a.Text == src.Text {
				t.Fatalf("%s copy %d has the text of its source", a.Kind, i)
			}
		}
	}
	if mean := words / len(as); mean < 500 || mean > 700 {
		t.Errorf("mean %d words per article, want about 600", mean)
	}
	if len(outlets) != 30 {
		t.Errorf("%d outlets, want 30", len(outlets))
	}
	for kind, want := range map[string]float64{KindExact: 0.04, KindNear: 0.04, KindSpun: 0.10} {
		if got := float64(kinds[kind]) / float64(len(as)); math.Abs(got-want) > 0.015 {
			t.Errorf("share of %s copies %.3f, want %.2f", kind, got, want)
		}
	}
	shared := 0
	for _, o := range storyOutlets {
		if len(o) >= 3 {
			shared++
		}
	}
	if shared < len(storyOutlets)/4 {
		t.Errorf("only %d of %d stories covered by 3 outlets or more", shared, len(storyOutlets))
	}
}

// Linked with the story linker, copies are found: an exact copy gets an
// exact link, near and spun copies a near or passage link, spun copies
// carry substitutions, and nearly every copy lands in its source's story.
func TestCopiesAreLinked(t *testing.T) {
	as := generate(2000, 5)
	l := link.NewLinker()
	byID := map[string]*sift.Article{}
	l.Fetch = func(id string) (*sift.Article, error) { return byID[id], nil }
	ids := make([]string, len(as))
	story := make([]string, len(as))
	linked := map[[2]string]sift.Reuse{}
	for i, a := range as {
		art := &sift.Article{Source: a.URL, Title: a.Title, Text: a.Text, Outlet: a.Outlet, Published: a.Published}
		art.ID = sift.ArticleID(art.Outlet, art.Text)
		ids[i] = art.ID
		byID[art.ID] = art
		up, err := l.Add(art)
		if err != nil {
			t.Fatal(err)
		}
		story[i] = up.Record.Story
		for _, r := range up.Reuse {
			k := [2]string{r.A, r.B}
			if old, ok := linked[k]; !ok || r.Kind == sift.ReuseSpun && old.Kind != sift.ReuseSpun {
				linked[k] = r
			}
		}
	}
	sameText := map[string][]int{}
	for i, a := range as {
		sameText[a.Text] = append(sameText[a.Text], i)
	}
	miss := map[string]int{}
	apart, copies := 0, 0
	for i, a := range as {
		if a.Kind == KindOriginal {
			continue
		}
		copies++
		// Linked to the source, or to an article with the source's text.
		var r sift.Reuse
		ok := false
		for _, j := range sameText[as[a.Of].Text] {
			if j == i {
				continue
			}
			if r, ok = linked[[2]string{ids[j], ids[i]}]; ok {
				break
			}
			if r, ok = linked[[2]string{ids[i], ids[j]}]; ok {
				break
			}
		}
		if !ok || (a.Kind == KindExact) != (r.Kind == sift.ReuseExact) {
			miss[a.Kind]++
			t.Logf("%s copy %d of %d: linked %v as %q", a.Kind, i, a.Of, ok, r.Kind)
		}
		if story[i] != story[a.Of] {
			apart++
		}
	}
	for kind, n := range miss {
		if n > 0 {
			t.Errorf("%d %s copies not linked to their source as such", n, kind)
		}
	}
	if apart > copies/50 {
		t.Errorf("%d of %d copies in another story than their source", apart, copies)
	}
}
