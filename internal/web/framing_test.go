package web

import (
	"context"
	"encoding/json"
	"io"
	"log"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sift-news/sift"
	"github.com/sift-news/sift/internal/analyze"
	"github.com/sift-news/sift/internal/ingest"
	"github.com/sift-news/sift/internal/sqlite"
)

// The linked fixture is a story of our own writing, stored and linked the
// way sift ingest does: a wire's report of a shelling, a ministry's denial
// that two other outlets republish word for word, and a partisan account.
// Its title must be the report's, and search must fold the copies.

const (
	kesselReport = "Shelling hits market in Kessel, killing 12, medics say"
	kesselDenial = "Colonel Drask: our artillery struck a militant base near Kessel, not the market"
)

var kesselDenialText = strings.Join([]string{
	"Colonel Arvid Drask, the spokesman of the Dravian defence ministry, said on Saturday that Dravian artillery had struck a militant base on the northern edge of Kessel and that no shells fell on the market.",
	"The base held mortars and drones used against Dravian positions along the river, Drask said, adding that the strike was carried out with precision weapons after several checks.",
	"Reports of a market hit were staged by militants for foreign cameras, the colonel said, and the ministry had handed the coordinates of the base to the observers of the ceasefire commission.",
}, "\n\n")

func linkedDocs() []sift.Document {
	report := strings.Join([]string{
		"Shelling hit the covered market in Kessel on Saturday morning, killing at least 12 people and wounding dozens, medics at the town hospital said.",
		"Witnesses said several shells landed between the fruit stalls shortly after nine, when the market was at its busiest. Rescuers pulled survivors from a collapsed roof.",
		"The Dravian defence ministry said its artillery had struck a militant base near Kessel and denied hitting the market. The ceasefire commission said it would send observers.",
	}, "\n\n")
	partisan := strings.Join([]string{
		"Regime butchers massacred shoppers in the Kessel market on Saturday, the third such crime since the ceasefire, residents said.",
		"Shells rained on the fruit stalls as families bought food, and the market roof collapsed on the wounded. Medics at the Kessel hospital counted at least 12 dead.",
		"The Dravian defence ministry denied the strike and claimed its artillery hit a militant base, a lie nobody in Kessel believes.",
	}, "\n\n")
	return []sift.Document{
		{Source: "report.txt", Title: kesselReport, Body: report, Outlet: "Varno Wire", Published: "2024-03-02"},
		{Source: "denial.txt", Title: kesselDenial, Body: kesselDenialText, Outlet: "Dravia Today", Published: "2024-03-02"},
		{Source: "copy1.txt", Title: kesselDenial, Body: kesselDenialText, Outlet: "Echo News", Published: "2024-03-03"},
		{Source: "copy2.txt", Title: kesselDenial, Body: kesselDenialText, Outlet: "Ulmet Post", Published: "2024-03-03"},
		{Source: "partisan.txt", Title: "Regime butchers massacre shoppers in Kessel market", Body: partisan, Outlet: "Free Varno", Published: "2024-03-02"},
	}
}

// linkedServer serves a store holding linkedDocs, ingested and linked.
func linkedServer(t *testing.T) *httptest.Server {
	t.Helper()
	db, err := sqlite.Open(filepath.Join(t.TempDir(), "sift.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	docs := linkedDocs()
	in := ingest.New(db, &analyze.Pipeline{})
	walk := func(fn func(sift.Document) error, _ func(error)) error {
		for _, d := range docs {
			if err := fn(d); err != nil {
				return err
			}
		}
		return nil
	}
	if _, err := in.Run(context.Background(), walk); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(New(db, Options{Pipeline: &analyze.Pipeline{}, ErrorLog: log.New(io.Discard, "", 0)}))
	t.Cleanup(srv.Close)
	return srv
}

func TestStoryTitleAndFramingOnLinkedStore(t *testing.T) {
	srv := linkedServer(t)
	var list struct {
		Stories []sift.StorySummary `json:"stories"`
	}
	_, body := get(t, srv, "/api/v1/stories")
	decode(t, body, &list)
	if len(list.Stories) != 1 {
		t.Fatalf("stories: %s", body)
	}
	st := list.Stories[0]
	if st.Title != "Shelling hits market in Kessel, killing 12" {
		t.Errorf("story title %q, want the report without its attribution, not the denial three outlets ran", st.Title)
	}
	var d StoryDetail
	_, body = get(t, srv, "/api/v1/stories/"+st.ID)
	decode(t, body, &d)
	kinds := map[string][]string{}
	for _, g := range d.Framing {
		for _, h := range g.Heads {
			kinds[g.Kind] = append(kinds[g.Kind], strings.Join(h.Outlets, "+"))
		}
	}
	if got := strings.Join(kinds["denial"], ","); got != "Dravia Today+Echo News+Ulmet Post" {
		t.Errorf("denial headline outlets %q, want the three outlets that ran it", got)
	}
	if len(kinds["report"]) != 1 || len(kinds["loaded"]) != 1 {
		t.Errorf("framing groups %v, want one report and one loaded headline", kinds)
	}
	_, page := get(t, srv, "/stories/"+st.ID)
	for _, want := range []string{"<h1>Shelling hits market in Kessel, killing 12</h1>", "Where the outlets disagree",
		"Lead with a denial or rebuttal", "attributed to Colonel Drask", "loaded: Regime, butchers, massacre"} {
		if !strings.Contains(page, want) {
			t.Errorf("story page lacks %q", want)
		}
	}
}

func TestSearchFoldsCopies(t *testing.T) {
	srv := linkedServer(t)
	var res struct {
		Total int               `json:"total"`
		Hits  []json.RawMessage `json:"hits"`
	}
	_, body := get(t, srv, "/api/v1/search?q=artillery")
	decode(t, body, &res)
	var hits []APIHit
	for _, h := range res.Hits {
		var x APIHit
		if err := json.Unmarshal(h, &x); err != nil {
			t.Fatal(err)
		}
		hits = append(hits, x)
	}
	// Five articles match; the denial and its two copies fold into one.
	if res.Total != 5 || len(hits) != 3 {
		t.Fatalf("search artillery: total %d, %d hits; want 5 matching, 3 hits once copies fold: %s", res.Total, len(hits), body)
	}
	var denial *APIHit
	for i := range hits {
		if hits[i].Title == kesselDenial {
			denial = &hits[i]
		}
	}
	if denial == nil || denial.Outlet != "Dravia Today" || denial.CopyCount != 2 || len(denial.Copies) != 2 {
		t.Fatalf("the denial should head its 2 copies: %s", body)
	}
	for _, c := range denial.Copies {
		if c.Title != kesselDenial || c.ID == denial.ID {
			t.Errorf("copy %+v", c)
		}
	}
	_, body = get(t, srv, "/api/v1/search?q=artillery&copies=1")
	var flat SearchResult
	decode(t, body, &flat)
	if len(flat.Hits) != 5 {
		t.Errorf("copies=1: %d hits, want all 5", len(flat.Hits))
	}
	_, page := get(t, srv, "/search?q=artillery")
	if !strings.Contains(page, `<summary>and 2 copies</summary>`) || !strings.Contains(page, "copies=1") {
		t.Error("search page does not fold the copies with a way to list them")
	}
	_, page = get(t, srv, "/search?q=artillery&copies=1")
	if strings.Contains(page, `<summary>and 2 copies</summary>`) || !strings.Contains(page, "fold copies under their original") {
		t.Error("search page with copies=1 still folds, or offers no way back")
	}
}
