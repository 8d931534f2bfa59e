package link

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/sift-news/sift"
	"github.com/sift-news/sift/internal/analyze"
	"github.com/sift-news/sift/internal/dataset"
	"github.com/sift-news/sift/internal/link/ecbeval"
)

// devSet is one scored set of articles with its gold stories, linked as
// `sift eval stories` links it (one Linker, in order).
type devSet struct {
	Name  string
	Arts  []*sift.Article
	Keys  []string // the key each article is scored under
	Gold  map[string]string
	Tuned bool // a development set (false: only reported)
}

// devSets returns the development sets of the story stage (ECB+ topics
// 1-10, blindstories, blindstories2) and the sets only reported (ECB+
// topics 11-20, generated news of seed 2), analysed once and cached as
// JSON in $SIFT_DEV_CACHE when it is set.
func devSets(t *testing.T) []devSet {
	t.Helper()
	cache := os.Getenv("SIFT_DEV_CACHE")
	if cache != "" {
		if data, err := os.ReadFile(cache); err == nil {
			var sets []devSet
			if err := json.Unmarshal(data, &sets); err != nil {
				t.Fatal(err)
			}
			return sets
		}
	}
	pipe := analyze.Default()
	var sets []devSet
	ecbSet := func(name, dir string, keep func(ecbeval.Doc) bool, tuned bool) {
		docs, err := ecbeval.Read(dir)
		if err != nil {
			t.Fatal(err)
		}
		s := devSet{Name: name, Gold: map[string]string{}, Tuned: tuned}
		for _, d := range docs {
			if !keep(d) {
				continue
			}
			a, err := d.Article(pipe, dir)
			if err != nil {
				t.Fatal(err)
			}
			s.Arts, s.Keys = append(s.Arts, a), append(s.Keys, d.File)
			s.Gold[d.File] = d.Story
		}
		sets = append(sets, s)
	}
	ecb := dataset.Require(t, "ecbplus-dev")
	all := func(ecbeval.Doc) bool { return true }
	ecbSet("ECB+ 1-10", ecb, ecbeval.Splits[1].Has, true)
	ecbSet("blindstories", filepath.Join("testdata", "blindstories"), all, true)
	ecbSet("blindstories2", filepath.Join("testdata", "blindstories2"), all, true)
	ecbSet("ECB+ 11-20", ecb, ecbeval.Splits[0].Has, false)
	garts, ggold := genArticles(t, 2000, 2)
	g := devSet{Name: "gen seed 2", Arts: garts, Gold: ggold}
	for _, a := range garts {
		g.Keys = append(g.Keys, a.ID)
	}
	sets = append(sets, g)
	if cache != "" {
		data, err := json.Marshal(sets)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(cache, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return sets
}

// scoreDev links set s with a fresh Linker and scores it with B-cubed.
func scoreDev(t *testing.T, s devSet) (p, r, f float64) {
	t.Helper()
	l := NewLinker()
	pred := map[string]string{}
	for i, a0 := range s.Arts {
		a := *a0
		if l.Has(a.ID) {
			a.ID += "-" + s.Keys[i]
		}
		up, err := l.Add(&a)
		if err != nil {
			t.Fatal(err)
		}
		pred[s.Keys[i]] = up.Story.ID
	}
	return BCubed(pred, s.Gold)
}

// TestDevSets prints the story figures of every development set and of
// the sets only reported, for judging a change on all of them together:
// go test ./internal/link -run DevSets -sweep -v
func TestDevSets(t *testing.T) {
	if testing.Short() || !*sweep {
		t.Skip("development figures: go test -run DevSets -sweep")
	}
	sets := devSets(t)
	sum := 0.0
	for _, s := range sets {
		p, r, f := scoreDev(t, s)
		tag := "reported"
		if s.Tuned {
			tag = "development"
			sum += f
		}
		t.Logf("%-14s (%s) %4d articles: P %.3f R %.3f F1 %.3f", s.Name, tag, len(s.Arts), p, r, f)
	}
	t.Logf("mean F1 of the development sets %.3f", sum/3)
}
