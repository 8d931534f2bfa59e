package storetest_test

import (
	"context"
	"encoding/json"
	"path/filepath"
	"testing"

	"github.com/sift-news/sift"
	"github.com/sift-news/sift/internal/link"
	"github.com/sift-news/sift/internal/postgres"
	"github.com/sift-news/sift/internal/sqlite"
	"github.com/sift-news/sift/internal/storetest"
	"github.com/sift-news/sift/internal/web"
)

// viewStore is what the web UI and the read commands use of a store.
type viewStore interface {
	web.Store
	sift.QuoteStore
	sift.StoryStore
	sift.OutletStore
}

// viewArticles is a small corpus with several entities, speakers,
// techniques and outlets, and a copied article (so that linking makes a
// story of two).
func viewArticles() []*sift.Article {
	texts := []struct{ outlet, title, text, published string }{
		{"Varno Daily", "Kessel talks", "Kessel officials met Dravia envoys on Monday to discuss the convoy.", "2024-03-02"},
		{"Dravia Today", "Kessel talks", "Kessel officials met Dravia envoys on Monday to discuss the convoy.", "2024-03-03"},
		{"Varno Daily", "Ulmet strike", "Ulmet dockers stopped work as the curfew hit the port.", "2024-04-01"},
		{"Ulmet Post", "Sefara hospital", "Sefara doctors said supplies ran out after the siege.", "2024-04-15"},
		{"Ulmet Post", "Dravia denies", "Dravia denied the reports about the convoy near Kessel.", ""},
	}
	var out []*sift.Article
	for i, x := range texts {
		a := storetest.Article(x.outlet, x.title, x.text, x.published)
		a.Entities = append(a.Entities, sift.Entity{Span: sift.Span{Start: 0, End: 3, Text: x.text[:3]}, Type: sift.ORG, Canonical: "Dravia"})
		if i%2 == 0 {
			a.Entities[0].Role = "officials"
			a.Techniques = append(a.Techniques, sift.Technique{Start: 0, End: 3, Text: x.text[:3], Technique: "Doubt", Score: 0.5})
		}
		out = append(out, a)
	}
	return out
}

// TestViewsMatchSQLite stores the same articles in both stores, links them
// the same way, and checks that every query behind the web UI answers the
// same on both.
func TestViewsMatchSQLite(t *testing.T) {
	ctx := context.Background()
	pg, err := postgres.Open(ctx, storetest.PostgresURL(t))
	if err != nil {
		t.Fatal(err)
	}
	defer pg.Close()
	lite, err := sqlite.Open(filepath.Join(t.TempDir(), "sift.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer lite.Close()
	for _, s := range []storetest.LinkStore{pg, lite} {
		st := s.(storetest.Store)
		if _, err := st.PutArticles(ctx, viewArticles()); err != nil {
			t.Fatal(err)
		}
		l, err := s.LoadLinker(ctx)
		if err != nil {
			t.Fatal(err)
		}
		for _, a := range viewArticles() {
			up, err := l.Add(a)
			if err != nil {
				t.Fatal(err)
			}
			if err := s.SaveLinks(ctx, []link.Update{up}); err != nil {
				t.Fatal(err)
			}
		}
	}
	arts := viewArticles()
	storyID, err := lite.StoryOf(ctx, arts[0].ID)
	if err != nil || storyID == "" {
		t.Fatalf("no story for the first article (%v)", err)
	}
	same := func(what string, f func(s viewStore) (any, error)) {
		t.Helper()
		want, err := f(lite)
		if err != nil {
			t.Fatalf("%s on SQLite: %v", what, err)
		}
		got, err := f(pg)
		if err != nil {
			t.Fatalf("%s on PostgreSQL: %v", what, err)
		}
		w, _ := json.Marshal(want)
		g, _ := json.Marshal(got)
		if string(w) != string(g) {
			t.Errorf("%s differs:\nSQLite     %s\nPostgreSQL %s", what, w, g)
		}
	}
	for _, q := range []sift.Query{{}, {Text: "kessel"}, {Text: "convoy", Outlet: "Ulmet Post"}, {Technique: "Doubt"}, {Since: "2024-04-01"}} {
		same("SearchFacets", func(s viewStore) (any, error) { return s.SearchFacets(ctx, q) })
		same("Search IDs", func(s viewStore) (any, error) {
			hits, total, err := s.Search(ctx, q)
			ids := []string{}
			for _, h := range hits {
				ids = append(ids, h.ID+" "+h.Title+" "+h.Outlet+" "+h.Published+" "+h.Source)
			}
			return struct {
				IDs   []string
				Total int
			}{ids, total}, err
		})
	}
	same("ListStories", func(s viewStore) (any, error) {
		st, n, err := s.ListStories(ctx, 10, 0)
		return []any{st, n}, err
	})
	same("StoryMembers", func(s viewStore) (any, error) { return s.StoryMembers(ctx, storyID) })
	same("Stories", func(s viewStore) (any, error) { return s.Stories(ctx, sift.StoryQuery{}) })
	same("Reuse", func(s viewStore) (any, error) { return s.Reuse(ctx, arts[1].ID) })
	for _, typ := range []string{"", sift.ORG, sift.LOC} {
		for _, name := range []string{"", "ke", "DRA", "%"} {
			same("ListEntities "+typ+" "+name, func(s viewStore) (any, error) { return s.ListEntities(ctx, typ, name, 10) })
		}
	}
	same("EntityProfileOf", func(s viewStore) (any, error) { return s.EntityProfileOf(ctx, "Dravia") })
	same("ListSpeakers", func(s viewStore) (any, error) { return s.ListSpeakers(ctx, 10) })
	same("SpeakerStatements", func(s viewStore) (any, error) {
		st, n, err := s.SpeakerStatements(ctx, "Kessel Office", 10, 0)
		return []any{st, n}, err
	})
	same("OutletProfileOf", func(s viewStore) (any, error) { return s.OutletProfileOf(ctx, "Ulmet Post") })
	same("Outlets", func(s viewStore) (any, error) { return s.Outlets(ctx) })
	same("ArticleTechniques", func(s viewStore) (any, error) { return s.ArticleTechniques(ctx) })
	same("Quotes", func(s viewStore) (any, error) { return s.Quotes(ctx, sift.QuoteQuery{Since: "2024-03-03"}) })
}
