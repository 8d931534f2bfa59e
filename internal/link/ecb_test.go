package link

import (
	"testing"

	"github.com/sift-news/sift/internal/analyze"
	"github.com/sift-news/sift/internal/dataset"
)

// clusterECB runs the clusterer over the ECB+ documents in file order and
// returns the B-cubed scores.
func clusterECB(t *testing.T, dir string, docs []ECBDoc) (p, r, f float64, stories int) {
	t.Helper()
	c := NewClusterer()
	pred := make(map[string]string)
	gold := make(map[string]string)
	for _, d := range docs {
		a, err := d.Article(analyze.Default(), dir)
		if err != nil {
			t.Fatal(err)
		}
		as := c.Add(a)
		pred[d.File] = as.Story.ID
		gold[d.File] = d.Story
	}
	p, r, f = BCubed(pred, gold)
	return p, r, f, len(c.Stories())
}

func TestECBStories(t *testing.T) {
	dir := dataset.Require(t, "ecbplus-dev")
	docs, err := ReadECB(dir)
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
	docs, err := ReadECB(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, tw := range []float64{1, 3, 5} {
		for _, es := range []float64{0, 0.2, 0.4, 0.6} {
			for _, th := range []float64{0.14, 0.18, 0.22, 0.26, 0.30} {
				titleWeight, entityShare, JoinThreshold = tw, es, th
				p, r, f, n := clusterECB(t, dir, docs)
				t.Logf("title %.0f names %.1f join %.2f: %d stories P=%.3f R=%.3f F1=%.3f", tw, es, th, n, p, r, f)
			}
		}
	}
}
