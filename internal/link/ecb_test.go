package link

import (
	"testing"

	"github.com/sift-news/sift"
	"github.com/sift-news/sift/internal/analyze"
	"github.com/sift-news/sift/internal/dataset"
	"github.com/sift-news/sift/internal/link/ecbeval"
)

// clusterECB runs the clusterer over the ECB+ documents in file order and
// returns the B-cubed scores.
func clusterECB(t *testing.T, dir string, docs []ecbeval.Doc) (p, r, f float64, stories int) {
	t.Helper()
	return clusterArticles(prepareECB(t, dir, docs), docs)
}

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
	p, r, f, n := clusterECB(t, dir, docs)
	t.Logf("ECB+ topics 1-20: %d documents, %d stories, B-cubed P=%.3f R=%.3f F1=%.3f", len(docs), n, p, r, f)
	if f < 0.85 {
		t.Errorf("B-cubed F1 = %.3f, want at least 0.85", f)
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
	arts := prepareECB(t, dir, docs)
	for _, tw := range []float64{1, 3, 5} {
		for _, es := range []float64{0, 0.2, 0.4, 0.6} {
			for _, th := range []float64{0.14, 0.18, 0.22, 0.26, 0.30} {
				titleWeight, entityShare, JoinThreshold = tw, es, th
				p, r, f, n := clusterArticles(arts, docs)
				t.Logf("title %.0f names %.1f join %.2f: %d stories P=%.3f R=%.3f F1=%.3f", tw, es, th, n, p, r, f)
			}
		}
	}
}
