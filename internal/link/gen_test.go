package link

import (
	"testing"

	"github.com/sift-news/sift"
	"github.com/sift-news/sift/internal/analyze"
	"github.com/sift-news/sift/internal/cputime"
	"github.com/sift-news/sift/internal/dataset"
	"github.com/sift-news/sift/internal/link/ecbeval"
)

// genArticles runs n articles of generated news (seed seed) through the
// default pipeline, as `sift ingest` of `sift gen`'s output would, and
// returns them with their invented events; an article whose outlet and
// text repeat one before it (one stored article) is left out.
func genArticles(t testing.TB, n int, seed uint64) ([]*sift.Article, map[string]string) {
	t.Helper()
	docs, events := ecbeval.Generated(n, seed)
	pipe := analyze.Default()
	var arts []*sift.Article
	gold := map[string]string{}
	for i, d := range docs {
		a, err := pipe.Article(d, false)
		if err != nil {
			t.Fatal(err)
		}
		a.ID = sift.ArticleID(a.Outlet, a.Text)
		if _, dup := gold[a.ID]; dup {
			continue
		}
		arts = append(arts, a)
		gold[a.ID] = events[i]
	}
	return arts, gold
}

// Events of one kind (generated news: 8 kinds, each event with its own
// invented people, places and figures, several outlets covering it over a
// few days, all in one week) must not merge because they are told in the
// same words. Seed 2 is never tuned on.
func TestGeneratedStories(t *testing.T) {
	if testing.Short() {
		t.Skip("analyses and links 1,000 generated articles")
	}
	arts, gold := genArticles(t, 1000, 2)
	events := map[string]bool{}
	for _, e := range gold {
		events[e] = true
	}
	p, r, f, n := clusterDemo(t, arts, gold)
	t.Logf("generated news, seed 2: %d articles, %d events, %d stories, B-cubed P=%.3f R=%.3f F1=%.3f", len(arts), len(events), n, p, r, f)
	if p < 0.9 || f < 0.9 {
		t.Errorf("B-cubed P=%.3f F1=%.3f on generated news, want both at least 0.9", p, f)
	}
}

// ecbTuning returns the ECB+ documents of the split the story parameters
// are tuned on (topics 1-10) and their articles, analysed once.
func ecbTuning(t *testing.T) ([]ecbeval.Doc, []*sift.Article) {
	t.Helper()
	dir := dataset.Require(t, "ecbplus-dev")
	docs, err := ecbeval.Read(dir)
	if err != nil {
		t.Fatal(err)
	}
	all := prepareECB(t, dir, docs)
	var ds []ecbeval.Doc
	var ecb []*sift.Article
	for i, d := range docs {
		if ecbeval.Splits[1].Has(d) {
			ds, ecb = append(ds, d), append(ecb, all[i])
		}
	}
	return ds, ecb
}

// TestEventSweep scores the event evidence's parameters on the tuning
// data only: ECB+ topics 1-10, generated news of seeds 1 and 3 and the
// demo corpus.
func TestEventSweep(t *testing.T) {
	if testing.Short() || !*sweep {
		t.Skip("tuning sweep: go test -run EventSweep -sweep")
	}
	ds, ecb := ecbTuning(t)
	garts, ggold := genArticles(t, 2000, 1)
	g3arts, g3gold := genArticles(t, 2000, 3)
	darts, dgold := demoArticles(t)
	for _, pc := range []float64{1, 0.6, 0.4} {
		for _, mc := range []int{1, 2} {
			playerConflict, minMentions = pc, mc
			p, r, f, n := clusterArticles(ecb, ds)
			gp, gr, gf, gn := clusterDemo(t, garts, ggold)
			_, _, df, dn := clusterDemo(t, darts, dgold)
			g3p, g3r, g3f, _ := clusterDemo(t, g3arts, g3gold)
			t.Logf("players %.2f mentions %d: ECB+ 1-10 %d P=%.3f R=%.3f F1=%.3f | gen %d P=%.3f R=%.3f F1=%.3f | demo %d F1=%.3f | gen3 P=%.3f R=%.3f F1=%.3f",
				pc, mc, n, p, r, f, gn, gp, gr, gf, dn, df, g3p, g3r, g3f)
		}
	}
}

// BenchmarkLinkTagged links 1,000 generated articles that went through
// the default pipeline (so that entity names, and the event evidence drawn
// from them, weigh in), each iteration into a fresh linker; only linking is
// timed: go test ./internal/link -run XX -bench LinkTagged -benchtime 3x
func BenchmarkLinkTagged(b *testing.B) {
	arts, _ := genArticles(b, 1000, 2)
	cpu0 := cputime.Seconds()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		l := NewLinker()
		for _, a := range arts {
			if _, err := l.Add(a); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(b.N*len(arts))/(cputime.Seconds()-cpu0), "articles/cpu-s")
}
