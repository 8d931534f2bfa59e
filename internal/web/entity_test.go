package web

import (
	"fmt"
	"io"
	"log"
	"net/http/httptest"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/sift-news/sift"
	"github.com/sift-news/sift/internal/analyze"
)

// crowdNames are entities of a fictional digest that names many at once,
// some with long names, all alongside Kessel.
var crowdNames = []string{
	"Northern Districts Reconstruction Authority", "Mara Olsen", "Varno", "Dravia", "Ulmet", "Regional Council of Kessel",
	"Coastal Ferry Operators Association", "Ada Brunn", "Port Alma", "Kessel Island Harbour Board", "Tomas Reyl",
	"Varnese Republic Ministry of Transport", "Orlen", "Vell Valley Farmers Union", "Lina Sorvik", "Hadria",
}

// crowdArticle is an article naming Kessel with every crowd name, on date.
func crowdArticle(t testing.TB, n int, date string) *sift.Article {
	var b strings.Builder
	fmt.Fprintf(&b, "Digest %d. Kessel hosted a meeting.", n)
	for _, name := range crowdNames {
		fmt.Fprintf(&b, " %s attended.", name)
	}
	a := &sift.Article{Source: fmt.Sprintf("digest%d.txt", n), Title: fmt.Sprintf("Kessel digest %d", n), Text: b.String(),
		Outlet: "Kessel Wire", Published: date, Language: "en", Analyzer: map[string]string{"test": "1"}}
	a.Entities = append(a.Entities, sift.Entity{Span: spanOf(t, a.Text, "Kessel"), Type: sift.LOC, Canonical: "Kessel"})
	for _, name := range crowdNames {
		a.Entities = append(a.Entities, sift.Entity{Span: spanOf(t, a.Text, " "+name+" attended"), Type: sift.ORG, Canonical: name})
	}
	for i := range a.Entities {
		a.Entities[i].Start++ // past the space
		a.Entities[i].Text = strings.TrimPrefix(a.Entities[i].Text, " ")
		a.Entities[i].Text = strings.TrimSuffix(a.Entities[i].Text, " attended")
		a.Entities[i].End = a.Entities[i].Start + len([]rune(a.Entities[i].Text))
	}
	a.Entities[0] = sift.Entity{Span: spanOf(t, a.Text, "Kessel"), Type: sift.LOC, Canonical: "Kessel"}
	a.ID = sift.ArticleID(a.Outlet, a.Text)
	return a
}

// newCrowdServer serves the fixture with two digests naming Kessel with
// sixteen others, and one undated.
func newCrowdServer(t *testing.T) *httptest.Server {
	t.Helper()
	db, _ := fixtureWith(t, func(arts []*sift.Article) []*sift.Article {
		return append(arts, crowdArticle(t, 1, "2024-03-09"), crowdArticle(t, 2, "2024-03-09"), crowdArticle(t, 3, ""))
	})
	opt := Options{Pipeline: &analyze.Pipeline{}}
	if !testing.Verbose() {
		opt.ErrorLog = log.New(io.Discard, "", 0)
	}
	srv := httptest.NewServer(New(db, opt))
	t.Cleanup(srv.Close)
	return srv
}

var (
	rectRe = regexp.MustCompile(`<rect [^>]*><title>([^<]*)</title>`)
	nodeRe = regexp.MustCompile(`<text class="node" x="([0-9.]+)" y="[0-9.]+" text-anchor="(\w+)"[^>]*>([^<]*)</text>`)
)

// TestEntityPageChartAndGraph: the mentions chart has a bar for every day
// of a short stretch, empty days included, and says what it leaves out;
// the graph draws only the top neighbours, every label inside the
// drawing, and the page counts in words that agree with the numbers.
func TestEntityPageChartAndGraph(t *testing.T) {
	srv := newCrowdServer(t)
	_, body := get(t, srv, "/entities/Kessel")
	// Kessel is in fixture articles of 2 to 5 March and in digests of 9
	// March: eight days from the 2nd to the 9th, empty ones drawn as gaps.
	bars := rectRe.FindAllStringSubmatch(body[strings.Index(body, `id="over-time"`):strings.Index(body, `id="related"`)], -1)
	if len(bars) != 8 || !strings.HasPrefix(bars[0][1], "2024-03-02: 1") || bars[2][1] != "2024-03-04: 0" || bars[7][1] != "2024-03-09: 2" {
		t.Errorf("mention chart bars: %v; want one per day from 2024-03-02 to 2024-03-09", bars)
	}
	if !strings.Contains(body, "1 article with no date (date unknown) not shown") {
		t.Error("the chart does not say that an undated article is left out")
	}
	if !strings.Contains(body, "mentions in 6 articles") {
		t.Error("entity page meta lacks the article count")
	}
	graph := body[strings.Index(body, `<svg class="chart graph"`):]
	graph = graph[:strings.Index(graph, "</svg>")]
	nodes := nodeRe.FindAllStringSubmatch(graph, -1)
	if len(nodes) != maxGraphNodes {
		t.Fatalf("graph draws %d neighbours, want the top %d", len(nodes), maxGraphNodes)
	}
	for _, n := range nodes {
		x, _ := strconv.ParseFloat(n[1], 64)
		w := 6.8 * float64(len([]rune(n[3]))) // at most this wide at font size 12
		lo, hi := x-w/2, x+w/2
		switch n[2] {
		case "start":
			lo, hi = x, x+w
		case "end":
			lo, hi = x-w, x
		}
		if lo < 0 || hi > 760 {
			t.Errorf("label %q spans %.0f to %.0f, outside the drawing (0 to 760)", n[3], lo, hi)
		}
	}
	if links := strings.Count(graph, `class="link"`); links > maxGraphLinks {
		t.Errorf("%d links between neighbours drawn, want at most %d", links, maxGraphLinks)
	}
	if !strings.Contains(graph, "Mara Olsen (5)") {
		t.Errorf("graph labels do not give the shared articles: %s", graph)
	}
}

func TestMentionChartShapes(t *testing.T) {
	// One day: no single-bar chart, a sentence.
	chart, note := mentionChart("Kessel", []sift.Count{{Key: "2024-03-02", N: 1}}, []sift.Count{{Key: "2024-03", N: 1}})
	if chart != "" || note != "All 1 dated article on 2 March 2024." {
		t.Errorf("one day: chart %q, note %q", chart, note)
	}
	// A long stretch: months, the empty ones drawn.
	chart, note = mentionChart("Kessel", []sift.Count{{Key: "2023-11-20", N: 2}, {Key: "2024-03-02", N: 1}}, nil)
	bars := rectRe.FindAllStringSubmatch(string(chart), -1)
	if note != "" || len(bars) != 5 || bars[0][1] != "2023-11: 2" || bars[2][1] != "2024-01: 0" || bars[4][1] != "2024-03: 1" {
		t.Errorf("long stretch: bars %v, note %q; want five months, November to March", bars, note)
	}
	// No dates at all.
	if chart, note := mentionChart("Kessel", nil, nil); chart != "" || note != "" {
		t.Errorf("no dates: %q, %q", chart, note)
	}
}
