package link

import (
	"context"
	"fmt"
	"maps"
	"reflect"
	"slices"
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
	// Postings small enough to be cut among 300 articles.
	defer func(n int) { storyPostingCap = n }(storyPostingCap)
	storyPostingCap = 4
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
			// each save, read back when the clusterer lets them go, with
			// their norms and filings; document frequencies and story
			// postings too, read as the clusterer needs them, a few kept.
			saved := map[string]*StoryState{}
			st := newSavedState()
			loads := 0
			l.Clusterer().SetLoader(func(_ context.Context, ids []string) (map[string]*StoryState, error) {
				out := map[string]*StoryState{}
				for _, id := range ids {
					if s := saved[id]; s != nil {
						cp := copyStory(s)
						if n, ok := st.norms[id]; ok {
							cp.Norm = &n
						}
						out[id] = cp
						loads++
					}
				}
				return out, nil
			}, 3)
			l.Clusterer().SetDFLoader(st.loadDF, 0, 40)
			l.Clusterer().SetPostingLoader(st.loadPostings, func(_ context.Context, id string) ([]string, error) {
				return slices.Clone(st.filed[id]), nil
			}, 4)
			var pending []Update
			for i, a := range as {
				up := add(t, l, a)
				if !reflect.DeepEqual(up.Reuse, want[i].Reuse) || up.Record.Story != want[i].Record.Story || up.Record.Seq != i {
					t.Fatalf("article %d: links %v in story %s (seq %d), want %v in %s", i,
						up.Reuse, up.Record.Story, up.Record.Seq, want[i].Reuse, want[i].Record.Story)
				}
				// And the same state for a store to keep.
				if !slices.Equal(up.Filed, want[i].Filed) || !slices.Equal(up.Cut, want[i].Cut) ||
					!slices.Equal(up.DFKeys, want[i].DFKeys) || !reflect.DeepEqual(up.Norms, want[i].Norms) {
					t.Fatalf("article %d: filed %v cut %v norms %v, want %v, %v, %v", i,
						up.Filed, up.Cut, up.Norms, want[i].Filed, want[i].Cut, want[i].Norms)
				}
				pending = append(pending, up)
				if len(pending) == batch {
					for _, up := range pending {
						saved[up.Story.ID] = copyStory(up.Story)
					}
					st.save(pending)
					idx.Save(pending)
					l.Saved()
					if batch > 1 {
						// Everything read again from the store.
						c := l.Clusterer()
						c.dfOld, c.postOld = nil, nil
					}
					pending = nil
				}
			}
			for _, up := range pending {
				saved[up.Story.ID] = copyStory(up.Story)
			}
			st.save(pending)
			idx.Save(pending)
			l.Saved()
			t.Logf("%d cuts, %d df reads, %d posting reads", st.cuts, st.dfReads, st.postReads)
			if n := len(l.Clusterer().Stories()); n > 3 || loads == 0 {
				t.Errorf("%d stories in memory after saving, want at most 3; %d loaded back", n, loads)
			}
			if c := l.Clusterer(); len(c.df) > 40+batch*400 || len(c.postings) > 4+batch*24 || st.dfReads == 0 || st.postReads == 0 || st.cuts == 0 {
				t.Errorf("%d document frequencies and %d postings in memory after saving; %d and %d read back, %d cuts",
					len(c.df), len(c.postings), st.dfReads, st.postReads, st.cuts)
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

// savedState is the clusterer's state as a store keeps it, from the
// updates of each batch saved.
type savedState struct {
	df                 map[string]int
	postings           map[string][]string // story IDs in filing order
	filed              map[string][]string
	norms              map[string]StoryNorm
	dfReads, postReads int
	cuts               int
}

func newSavedState() *savedState {
	return &savedState{df: map[string]int{}, postings: map[string][]string{}, filed: map[string][]string{}, norms: map[string]StoryNorm{}}
}

// save applies a batch's updates as a store does.
func (s *savedState) save(ups []Update) {
	for _, up := range ups {
		for _, k := range up.DFKeys {
			s.df[k]++
		}
		for _, t := range up.Filed {
			s.postings[t] = append(s.postings[t], up.Story.ID)
			s.filed[up.Story.ID] = append(s.filed[up.Story.ID], t)
		}
		for _, t := range up.Cut {
			p := s.postings[t]
			s.postings[t] = slices.Clone(p[len(p)-storyPostingCap/2:])
			s.cuts++
		}
		for _, n := range up.Norms {
			s.norms[n.Story] = n
		}
	}
}

func (s *savedState) loadDF(_ context.Context, keys []string) (map[string]int, error) {
	out := map[string]int{}
	for _, k := range keys {
		if n, ok := s.df[k]; ok {
			out[k] = n
		}
		s.dfReads++
	}
	return out, nil
}

func (s *savedState) loadPostings(_ context.Context, terms []string) (map[string][]string, error) {
	out := map[string][]string{}
	for _, t := range terms {
		if p := s.postings[t]; p != nil {
			out[t] = slices.Clone(p)
		}
		s.postReads++
	}
	return out, nil
}

// copyStory returns a copy of st that shares no maps with it.
func copyStory(st *StoryState) *StoryState {
	cp := *st
	cp.Terms, cp.Names = maps.Clone(st.Terms), maps.Clone(st.Names)
	return &cp
}
