package storetest_test

import (
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"sort"
	"testing"
	"time"

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
	pg, lite := openBoth(t)
	for _, s := range []storetest.LinkStore{pg, lite} {
		st := s.(storetest.Store)
		// One at a time, so that both stores keep the same order of
		// storage (within a batch, PostgreSQL stores in ID order).
		for _, a := range viewArticles() {
			if _, err := st.PutArticles(ctx, []*sift.Article{a}); err != nil {
				t.Fatal(err)
			}
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
		sameOnBoth[viewStore](t, lite, pg, what, f)
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
	// Above sift.RankSample matches both rank the same most recent ones;
	// above sift.FacetSample both count the same first ones.
	rankSample, facetSample := sift.RankSample, sift.FacetSample
	defer func() { sift.RankSample, sift.FacetSample = rankSample, facetSample }()
	sift.RankSample, sift.FacetSample = 2, 2
	for _, q := range []sift.Query{{Text: "kessel"}, {Text: "convoy OR curfew"}, {Text: "dravia", Since: "2024-03-03"}} {
		same("SearchFacets, samples of 2", func(s viewStore) (any, error) { return s.SearchFacets(ctx, q) })
		same("Search IDs, samples of 2", func(s viewStore) (any, error) {
			hits, total, err := s.Search(ctx, q)
			ids := []string{}
			for _, h := range hits {
				ids = append(ids, h.ID+" "+h.Title)
			}
			// The same articles; BM25 and ts_rank may order them differently.
			sort.Strings(ids)
			return struct {
				IDs   []string
				Total int
			}{ids, total}, err
		})
	}
	sift.RankSample, sift.FacetSample = rankSample, facetSample
	same("ListStories", func(s viewStore) (any, error) {
		st, n, err := s.ListStories(ctx, 10, 0)
		return []any{st, n}, err
	})
	same("Story", func(s viewStore) (any, error) { return s.Story(ctx, storyID) })
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

// listingStore is what the listing commands read of a store.
type listingStore interface {
	storetest.Store
	web.Store
	sift.EntityStore
	sift.FeedStore
	sift.BriefStore
}

// TestListingsMatchSQLite stores the same articles (with names that are
// not ASCII) and feed state in both stores and checks that what sift
// entities, sift quotes, sift feeds and sift stories read answers the same.
func TestListingsMatchSQLite(t *testing.T) {
	ctx := context.Background()
	pg, lite := openBoth(t)
	arts := func() []*sift.Article {
		as := storetest.EntityArticles()
		a := storetest.Article("Ulmet Post", "Ödön speaks", "Ödön Varga said the talks had failed.", "2024-05-01")
		a.Quotes[0].Via = []sift.Ref{{Span: sift.Span{Start: 0, End: 4, Text: "Ödön"}, Canonical: "Radio Ödön"}}
		return append(as, a)
	}
	zone := time.FixedZone("UTC-5", -5*3600)
	t0 := time.Date(2024, 5, 1, 8, 30, 15, 999_999_999, zone)
	for _, s := range []listingStore{lite, pg} {
		if _, err := s.PutArticles(ctx, arts()); err != nil {
			t.Fatal(err)
		}
		for i, u := range []string{"https://z.example/feed", "https://a.example/feed", "https://Ä.example/feed"} {
			f := &sift.FeedState{URL: u, Title: "Feed " + u, Added: t0, LastPoll: t0.Add(time.Duration(i) * time.Minute), ErrorStreak: i}
			if err := s.PutFeed(ctx, f); err != nil {
				t.Fatal(err)
			}
			var items []sift.SeenItem
			for k := range 5 {
				status := "stored"
				if k == 3 {
					status = "HTTP 404"
				}
				items = append(items, sift.SeenItem{Key: fmt.Sprint(k), URL: u + "/" + fmt.Sprint(k), Seen: t0.Add(time.Duration(k*i) * time.Hour), Status: status})
			}
			if err := s.MarkSeen(ctx, u, items); err != nil {
				t.Fatal(err)
			}
		}
	}
	same := func(what string, f func(s listingStore) (any, error)) {
		t.Helper()
		sameOnBoth[listingStore](t, lite, pg, what, f)
	}
	for _, name := range []string{"", "Ödön", "ödön", "ÖDÖN", "varga", "a", "%", "_"} {
		for _, typ := range []string{"", sift.PERSON, sift.LOC} {
			q := sift.EntityQuery{Type: typ, Name: name, Related: 3}
			same(fmt.Sprintf("Entities %+v", q), func(s listingStore) (any, error) { return s.Entities(ctx, q) })
			same("ListEntities "+typ+" "+name, func(s listingStore) (any, error) { return s.ListEntities(ctx, typ, name, 10) })
		}
	}
	for _, q := range []sift.QuoteQuery{{Speaker: "Ödön"}, {Speaker: "ödön office"}, {Speaker: "ÖDÖN OFFICE"}, {Speaker: "office"},
		{Via: "radio ödön"}, {Via: "Radio Ödön"}, {Via: "RADIO"}, {Via: "ödön"}} {
		same(fmt.Sprintf("Quotes %+v", q), func(s listingStore) (any, error) { return s.Quotes(ctx, q) })
	}
	for _, a := range arts() {
		same("ArticleBrief "+a.Title, func(s listingStore) (any, error) { return s.ArticleBrief(ctx, a.ID) })
	}
	same("Feeds", func(s listingStore) (any, error) { return s.Feeds(ctx) })
	for _, since := range []time.Time{{}, t0, t0.Add(time.Hour), t0.Add(3*time.Hour + time.Second)} {
		for _, u := range []string{"https://z.example/feed", "https://a.example/feed", "https://Ä.example/feed", "https://none.example/"} {
			same(fmt.Sprintf("ArticlesSince %s %v", u, since), func(s listingStore) (any, error) { return s.ArticlesSince(ctx, u, since) })
		}
	}
	same("SeenItems", func(s listingStore) (any, error) {
		return s.SeenItems(ctx, "https://a.example/feed", []string{"0", "3", "4", "5", "x"})
	})
}

// sameOnBoth fails t unless f gives the same answer, as JSON, on the
// SQLite and the PostgreSQL store.
func sameOnBoth[S any](t *testing.T, lite, pg S, what string, f func(s S) (any, error)) {
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

// openBoth opens a throwaway PostgreSQL store (skipping the test without a
// server) and a new SQLite store, both closed when the test ends.
func openBoth(t *testing.T) (*postgres.DB, *sqlite.DB) {
	t.Helper()
	pg, err := postgres.Open(context.Background(), storetest.PostgresURL(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { pg.Close() })
	lite, err := sqlite.Open(filepath.Join(t.TempDir(), "sift.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { lite.Close() })
	return pg, lite
}

// TestClaimsMatchSQLite stores and links the claims of
// storetest.ClaimArticles in both stores and checks that every claim
// query answers the same, including those on names that are not ASCII.
func TestClaimsMatchSQLite(t *testing.T) {
	ctx := context.Background()
	pg, lite := openBoth(t)
	arts := storetest.ClaimArticles()
	first, second := storetest.ClaimLinks(arts)
	type claimStore interface {
		sift.ArticleStore
		sift.ClaimStore
		sift.ClaimLinkStore
	}
	same := func(what string, f func(s claimStore) (any, error)) {
		t.Helper()
		sameOnBoth[claimStore](t, lite, pg, what, f)
	}
	keys := [][]string{{"common"}, {"kessel", "sunday"}, {"curfew", "port", "common", "unknown"}, {"troops", "denied"}, nil}
	candidates := func(stage string) {
		for _, k := range keys {
			for _, maxDF := range []int{0, 1, 2, 4, 10} {
				for _, limit := range []int{1, 2, 10} {
					same(fmt.Sprintf("%s ClaimCandidates %q %d %d", stage, k, maxDF, limit), func(s claimStore) (any, error) {
						return s.ClaimCandidates(ctx, k, maxDF, limit)
					})
				}
			}
		}
		for _, limit := range []int{0, 1, 3, 100} {
			same(fmt.Sprintf("%s PendingClaims %d", stage, limit), func(s claimStore) (any, error) { return s.PendingClaims(ctx, limit) })
		}
	}
	for _, s := range []claimStore{lite, pg} {
		storetest.PutClaimArticles(t, s, arts)
	}
	for _, a := range arts {
		same("Article "+a.Title, func(s claimStore) (any, error) {
			got, err := s.Article(ctx, a.ID)
			if err != nil {
				return nil, err
			}
			norms := []string{}
			for _, c := range got.Claims {
				norms = append(norms, c.Norm)
			}
			return []any{got.Claims, norms}, nil
		})
	}
	candidates("unlinked")
	for _, links := range [][]sift.ClaimLink{first, second} {
		for _, s := range []claimStore{lite, pg} {
			if err := s.SaveClaimLinks(ctx, links); err != nil {
				t.Fatal(err)
			}
		}
		candidates(fmt.Sprintf("%d linked", len(links)))
	}
	queries := []sift.ClaimQuery{{}, {Text: "kessel"}, {Text: "KESSEL bridge"}, {Text: "curfew kessel"}, {Text: "%"},
		{Outlet: "ulmet post"}, {Outlet: "ULMET POST"}, {Since: "2024-03-05"}, {Since: ""},
		{Speaker: "Émile"}, {Speaker: "émile"}, {Speaker: "várnö"}, {Speaker: "EMILE"}, {Speaker: "_"},
		{Article: arts[2].ID}, {Laundered: true}, {Laundered: true, Outlet: "Ulmet Post"}, {Laundered: true, Outlet: "dravia today"},
		{MinMentions: 2}, {MinMentions: 1}, {Limit: 1}, {Limit: 1, Offset: 2}, {Offset: 1}, {Story: "none"}}
	for _, q := range queries {
		same(fmt.Sprintf("Claims %+v", q), func(s claimStore) (any, error) { return s.Claims(ctx, q) })
	}
	for _, id := range []string{first[0].Claim, first[1].Claim, second[2].Claim} {
		same("Claim "+id, func(s claimStore) (any, error) { return s.Claim(ctx, id) })
	}
}
