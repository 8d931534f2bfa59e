package link

import (
	"testing"

	"github.com/sift-news/sift"
	"github.com/sift-news/sift/internal/analyze"
	"github.com/sift-news/sift/internal/demo"
)

// demoArticles runs the bundled demo corpus through the default pipeline
// and returns the articles with their gold events.
func demoArticles(t *testing.T) ([]*sift.Article, map[string]string) {
	t.Helper()
	entries, err := demo.Corpus()
	if err != nil {
		t.Fatal(err)
	}
	pipe := analyze.Default()
	var arts []*sift.Article
	gold := make(map[string]string)
	for _, e := range entries {
		a, err := pipe.Article(e.Document, false)
		if err != nil {
			t.Fatal(err)
		}
		a.ID = sift.ArticleID(a.Outlet, a.Text)
		arts = append(arts, a)
		gold[a.ID] = e.Event
	}
	return arts, gold
}

// clusterDemo links the demo articles and scores the stories.
func clusterDemo(t *testing.T, arts []*sift.Article, gold map[string]string) (p, r, f float64, stories int) {
	t.Helper()
	l := NewLinker()
	pred := make(map[string]string)
	for _, a := range arts {
		up, err := l.Add(a)
		if err != nil {
			t.Fatal(err)
		}
		pred[a.ID] = up.Story.ID
	}
	p, r, f = BCubed(pred, gold)
	return p, r, f, len(l.Clusterer().Stories())
}

// TestDemoStories checks the stories of the bundled corpus, whose events
// (a ceasefire, two air strikes, a chemical claim, a convoy, a border
// clash) share actors and places and follow each other by days.
func TestDemoStories(t *testing.T) {
	arts, gold := demoArticles(t)
	events := make(map[string]bool)
	for _, e := range gold {
		events[e] = true
	}
	p, r, f, n := clusterDemo(t, arts, gold)
	t.Logf("demo corpus: %d articles, %d events, %d stories, B-cubed P=%.3f R=%.3f F1=%.3f", len(arts), len(events), n, p, r, f)
	if f < 0.8 {
		t.Errorf("B-cubed F1 = %.3f on the demo corpus, want at least 0.8", f)
	}
}

func TestTimeSweep(t *testing.T) {
	if !*sweep {
		t.Skip("tuning sweep: go test -run TimeSweep -sweep")
	}
	arts, gold := demoArticles(t)
	for _, ts := range [][2]float64{{7, 14}, {3, 7}, {2, 4}, {1, 3}, {1, 2}, {0, 2}} {
		timeSlack, timeHalf = ts[0], ts[1]
		p, r, f, n := clusterDemo(t, arts, gold)
		t.Logf("slack %.0f half %.0f: %d stories P=%.3f R=%.3f F1=%.3f", ts[0], ts[1], n, p, r, f)
	}
}
