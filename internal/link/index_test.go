package link

import (
	"context"
	"fmt"
	"maps"
	"reflect"
	"testing"

	"github.com/sift-news/sift"
	"github.com/sift-news/sift/internal/gen"
)

// generated returns n articles of internal/gen, with IDs, skipping
// repeats of the same outlet and text (ingest keys them as one).
func generated(n int, seed uint64) []*sift.Article {
	g := gen.New(gen.Options{Articles: n, Seed: seed})
	seen := map[string]bool{}
	var out []*sift.Article
	for g.More() {
		ga := g.Next()
		a := &sift.Article{Source: ga.URL, Title: ga.Title, Text: ga.Text, Outlet: ga.Outlet, Published: ga.Published}
		a.ID = sift.ArticleID(a.Outlet, a.Text)
		if !seen[a.ID] {
			seen[a.ID] = true
			out = append(out, a)
		}
	}
	return out
}

// A linker that asks an Index about the articles saved before, and keeps
// only the unsaved ones in memory, finds the same links and stories as one
// that keeps everything in memory, whatever the batch size.
func TestIndexLinksAsMemory(t *testing.T) {
	as := generated(300, 3)
	byID := map[string]*sift.Article{}
	for _, a := range as {
		byID[a.ID] = a
	}
	fetch := func(id string) (*sift.Article, error) {
		if a := byID[id]; a != nil {
			return a, nil
		}
		return nil, sift.ErrNotFound
	}
	mem := NewLinker()
	mem.Fetch = fetch
	var want []Update
	for _, a := range as {
		want = append(want, add(t, mem, a))
	}
	for _, batch := range []int{1, 37} {
		t.Run(fmt.Sprint("batch ", batch), func(t *testing.T) {
			idx := NewMemIndex()
			l := NewLinkerOn(idx, 0, 0)
			l.Fetch = fetch
			// Stories as a store keeps them: copies of their states at
			// each save, read back when the clusterer lets them go.
			saved := map[string]*StoryState{}
			loads := 0
			l.Clusterer().SetLoader(func(_ context.Context, ids []string) (map[string]*StoryState, error) {
				out := map[string]*StoryState{}
				for _, id := range ids {
					if st := saved[id]; st != nil {
						out[id] = copyStory(st)
						loads++
					}
				}
				return out, nil
			}, 3)
			var pending []Update
			for i, a := range as {
				up := add(t, l, a)
				if !reflect.DeepEqual(up.Reuse, want[i].Reuse) || up.Record.Story != want[i].Record.Story || up.Record.Seq != i {
					t.Fatalf("article %d: links %v in story %s (seq %d), want %v in %s", i,
						up.Reuse, up.Record.Story, up.Record.Seq, want[i].Reuse, want[i].Record.Story)
				}
				pending = append(pending, up)
				if len(pending) == batch {
					for _, up := range pending {
						saved[up.Story.ID] = copyStory(up.Story)
					}
					idx.Save(pending)
					l.Saved()
					pending = nil
				}
			}
			for _, up := range pending {
				saved[up.Story.ID] = copyStory(up.Story)
			}
			idx.Save(pending)
			l.Saved()
			if n := len(l.Clusterer().Stories()); n > 3 || loads == 0 {
				t.Errorf("%d stories in memory after saving, want at most 3; %d loaded back", n, loads)
			}
			if l.Len() != len(as) || !l.Has(as[0].ID) || !l.Has(as[len(as)-1].ID) || l.Has("nope") {
				t.Errorf("linker on an index: Len %d, has first %v, last %v", l.Len(), l.Has(as[0].ID), l.Has(as[len(as)-1].ID))
			}
			if _, err := l.Add(as[0]); err == nil {
				t.Errorf("adding a saved article again: no error")
			}
		})
	}
	copies := 0
	for _, up := range want {
		copies += len(up.Reuse)
	}
	if copies < len(as)/10 {
		t.Fatalf("only %d links among %d generated articles: the test checks little", copies, len(as))
	}
}

// copyStory returns a copy of st that shares no maps with it.
func copyStory(st *StoryState) *StoryState {
	cp := *st
	cp.Terms, cp.Names = maps.Clone(st.Terms), maps.Clone(st.Names)
	return &cp
}
