package link

import (
	"testing"

	"github.com/sift-news/sift"
	"github.com/sift-news/sift/internal/analyze"
	"github.com/sift-news/sift/internal/dataset"
	"github.com/sift-news/sift/internal/link/ecbeval"
)

// prepareECB runs the ECB+ documents through the default pipeline.
func prepareECB(t *testing.T, dir string, docs []ecbeval.Doc) []*sift.Article {
	t.Helper()
	pipe := analyze.Default()
	arts := make([]*sift.Article, len(docs))
	for i, d := range docs {
		a, err := d.Article(pipe, dir)
		if err != nil {
			t.Fatal(err)
		}
		arts[i] = a
	}
	return arts
}

// clusterArticles clusters prepared ECB+ articles and scores them.
func clusterArticles(arts []*sift.Article, docs []ecbeval.Doc) (p, r, f float64, stories int) {
	c := NewClusterer()
	pred := make(map[string]string)
	gold := make(map[string]string)
	for i, d := range docs {
		as := c.Add(arts[i])
		pred[d.File] = as.Story.ID
		gold[d.File] = d.Story
	}
	p, r, f = BCubed(pred, gold)
	return p, r, f, len(c.Stories())
}

func TestECBStories(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the full pipeline over 413 documents")
	}
	dir := dataset.Require(t, "ecbplus-dev")
	docs, err := ecbeval.Read(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) < 100 {
		t.Fatalf("read %d ECB+ documents, want hundreds", len(docs))
	}
	arts := prepareECB(t, dir, docs)
	// Each split on its own, the one never tuned on first.
	for _, sp := range ecbeval.Splits {
		var ds []ecbeval.Doc
		var as []*sift.Article
		for i, d := range docs {
			if sp.Has(d) {
				ds, as = append(ds, d), append(as, arts[i])
			}
		}
		p, r, f, n := clusterArticles(as, ds)
		t.Logf("ECB+ %s: %d documents, %d stories, B-cubed P=%.3f R=%.3f F1=%.3f", sp.Name, len(ds), n, p, r, f)
		if f < 0.85 {
			t.Errorf("%s: B-cubed F1 = %.3f, want at least 0.85", sp.Name, f)
		}
	}
}

func TestECBSweep(t *testing.T) {
	if testing.Short() || !*sweep {
		t.Skip("tuning sweep: go test -run ECBSweep -sweep")
	}
	dir := dataset.Require(t, "ecbplus-dev")
	docs, err := ecbeval.Read(dir)
	if err != nil {
		t.Fatal(err)
	}
	all := prepareECB(t, dir, docs)
	// Tune on topics 1-10 only: topics 11-20 are the split never tuned on.
	tune := ecbeval.Splits[1]
	var ds []ecbeval.Doc
	var arts []*sift.Article
	for i, d := range docs {
		if tune.Has(d) {
			ds, arts = append(ds, d), append(arts, all[i])
		}
	}
	for _, yc := range []float64{1, 0.8, 0.6} {
		for _, es := range []float64{0.2, 0.4} {
			for _, th := range []float64{0.18, 0.2, 0.22, 0.26} {
				yearConflict, entityShare, JoinThreshold = yc, es, th
				p, r, f, n := clusterArticles(arts, ds)
				t.Logf("%s: years %.1f names %.1f join %.2f: %d stories P=%.3f R=%.3f F1=%.3f", tune.Name, yc, es, th, n, p, r, f)
			}
		}
	}
}
