// Package storetest is a test suite for sift's stores, independent of the
// backend: each store package (internal/sqlite, internal/postgres) calls
// Run from its tests, so that both give the same results for the same
// writes and queries.
package storetest

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/sift-news/sift"
	"github.com/sift-news/sift/internal/link"
)

// Store is what the suite exercises: the store interfaces of package sift
// that every backend implements, articles and the listings read from them.
type Store interface {
	sift.ArticleStore
	sift.Reader
}

// Run runs the suite. open must return a new, empty store for each call
// and arrange for it to be closed when the test ends.
func Run(t *testing.T, open func(t *testing.T) Store) {
	t.Run("RoundTrip", func(t *testing.T) { testRoundTrip(t, open(t)) })
	t.Run("Idempotent", func(t *testing.T) { testIdempotent(t, open(t)) })
	t.Run("BatchIsAtomic", func(t *testing.T) { testBatchIsAtomic(t, open(t)) })
	t.Run("NotFound", func(t *testing.T) { testNotFound(t, open(t)) })
	t.Run("Search", func(t *testing.T) { testSearch(t, open(t)) })
	t.Run("Quotes", func(t *testing.T) { testQuotes(t, open(t)) })
	t.Run("Links", func(t *testing.T) {
		s := open(t)
		ls, ok := s.(LinkStore)
		if !ok {
			t.Skip("store does not keep links")
		}
		testLinks(t, s, ls)
	})
	t.Run("Copies", func(t *testing.T) {
		s := open(t)
		ls, ok := s.(LinkStore)
		if !ok {
			t.Skip("store does not keep links")
		}
		testCopies(t, s, ls)
	})
	t.Run("ArticleTechniques", func(t *testing.T) {
		s := open(t)
		testArticleTechniques(t, s, s)
	})
	t.Run("Entities", func(t *testing.T) {
		s := open(t)
		testEntities(t, s, s)
	})
	t.Run("Feeds", func(t *testing.T) {
		s, ok := open(t).(sift.FeedStore)
		if !ok {
			t.Skip("store does not implement sift.FeedStore")
		}
		testFeeds(t, s)
	})
	t.Run("ArticleBrief", func(t *testing.T) {
		s, ok := open(t).(sift.BriefStore)
		if !ok {
			t.Skip("store does not implement sift.BriefStore")
		}
		testArticleBrief(t, s.(Store), s)
	})
	t.Run("Claims", func(t *testing.T) {
		s, ok := open(t).(ClaimStore)
		if !ok {
			t.Skip("store does not implement sift.ClaimStore and sift.ClaimLinkStore")
		}
		testClaims(t, s)
	})
}

func testArticleTechniques(t *testing.T, s Store, outlets sift.OutletStore) {
	ctx := context.Background()
	arts := searchArticles()
	arts[0].Techniques = append(arts[0].Techniques, sift.Technique{Start: 7, End: 13, Text: "market", Technique: "Doubt", Score: 0.4},
		sift.Technique{Start: 0, End: 6, Text: "Kessel", Technique: "Doubt", Score: 0.3})
	arts[0].Signals = []sift.Signal{{Kind: "unattributed_claim", Score: 0.6}, {Kind: "unattributed_claim", Score: 0.5}, {Kind: "headline_mismatch"}}
	mustPut(t, s, arts...)
	got, err := outlets.ArticleTechniques(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(arts) {
		t.Fatalf("%d articles, want %d", len(got), len(arts))
	}
	for i := 1; i < len(got); i++ {
		if got[i-1].ID >= got[i].ID {
			t.Fatalf("not ordered by id: %s before %s", got[i-1].ID, got[i].ID)
		}
	}
	for _, a := range got {
		if a.ID != arts[0].ID {
			if a.Techniques["Loaded_Language"] != 1 || len(a.Techniques) != 1 || len(a.Signals) != 0 {
				t.Errorf("%s: %+v", a.ID, a)
			}
			continue
		}
		want := `{"id":"` + arts[0].ID + `","outlet":"Varno Daily","words":12,"techniques":{"Doubt":2,"Loaded_Language":1},"signals":{"headline_mismatch":1,"unattributed_claim":2}}`
		if have := compact(t, a); have != want {
			t.Errorf("counts\n got %s\nwant %s", have, want)
		}
	}
}

// Article builds a test article with one fact of each kind: an entity for
// its first word, a quote of its second word said by the first, and a
// technique on its first word. Texts are the suite's own invented news.
func Article(outlet, title, text, published string) *sift.Article {
	first := strings.Fields(text)[0]
	second := strings.Fields(text)[1]
	n1 := len([]rune(first))
	s2 := strings.Index(text, second)
	start2 := len([]rune(text[:s2]))
	end2 := start2 + len([]rune(second))
	return &sift.Article{
		ID: sift.ArticleID(outlet, text), Source: strings.ToLower(strings.ReplaceAll(title, " ", "-")) + ".txt",
		Title: title, Text: text, Outlet: outlet, Published: published, Language: "en",
		Analyzer: map[string]string{"ner": "t1", "quotes": "t1", "techniques": "t1"},
		Entities: []sift.Entity{{Span: sift.Span{Start: 0, End: n1, Text: first}, Type: sift.LOC, Canonical: first}},
		Quotes: []sift.Quote{{Span: sift.Span{Start: start2, End: end2, Text: second}, Kind: sift.Direct,
			Speaker: &sift.Ref{Span: sift.Span{Start: 0, End: n1, Text: first}, Canonical: first + " Office"},
			Via:     []sift.Ref{}}},
		Techniques: []sift.Technique{{Start: 0, End: n1, Text: first, Technique: "Loaded_Language", Score: 0.7}},
	}
}

func mustPut(t *testing.T, s Store, as ...*sift.Article) {
	t.Helper()
	if _, err := s.PutArticles(context.Background(), as); err != nil {
		t.Fatalf("storing %d articles: %v", len(as), err)
	}
}

func asJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.MarshalIndent(v, "", " ")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func testRoundTrip(t *testing.T, s Store) {
	ctx := context.Background()
	text := "Émile Várnö said \"the bridge at Kessel is open\" on Monday, according to Dravia Radio.\n\nThe ministry — citing 𝔘nnamed sources — denied it."
	a := &sift.Article{
		ID: sift.ArticleID("Varno Daily", text), Source: "in/ü/kessel.html", URL: "https://varno.example/kessel",
		Title: "Kessel bridge “open”", Text: text, Outlet: "Varno Daily", Author: "A. Writer", Published: "2024-03-02",
		Language: "en", Dateline: "KESSEL", Captions: []string{"The bridge. Photo: staff"},
		Analyzer: map[string]string{"clean": "2", "ner": "3", "quotes": "1", "techniques": "4"},
		Entities: []sift.Entity{
			{Span: sift.Span{Start: 0, End: 11, Text: "Émile Várnö"}, Type: sift.PERSON, Canonical: "Emile Varno", Role: "minister"},
			{Span: sift.Span{Start: 32, End: 38, Text: "Kessel"}, Type: sift.LOC, Canonical: "Kessel"},
		},
		Quotes: []sift.Quote{
			{Span: sift.Span{Start: 18, End: 46, Text: "the bridge at Kessel is open"}, Kind: sift.Direct,
				Speaker: &sift.Ref{Span: sift.Span{Start: 0, End: 11, Text: "Émile Várnö"}, Canonical: "Emile Varno"},
				Cue:     &sift.Span{Start: 12, End: 16, Text: "said"},
				Via:     []sift.Ref{{Span: sift.Span{Start: 72, End: 84, Text: "Dravia Radio"}, Canonical: "Dravia Radio"}}},
			{Span: sift.Span{Start: 87, End: 136, Text: "The ministry — citing 𝔘nnamed sources — denied it"}, Kind: sift.Indirect,
				Via: []sift.Ref{}},
		},
		Techniques: []sift.Technique{{Start: 109, End: 124, Text: "𝔘nnamed sources", Technique: "Doubt", Score: 0.25,
			Evidence: []string{"anonymous source", "hedge"}}},
		Claims: []sift.Claim{
			{Span: sift.Span{Start: 18, End: 46, Text: "the bridge at Kessel is open"}, Attributed: true,
				Speaker: &sift.Ref{Span: sift.Span{Start: 0, End: 11, Text: "Émile Várnö"}, Canonical: "Emile Varno"},
				Via:     []sift.Ref{{Span: sift.Span{Start: 72, End: 84, Text: "Dravia Radio"}, Canonical: "Dravia Radio"}},
				Norm:    "the bridge at Kessel is open"},
			{Span: sift.Span{Start: 87, End: 136, Text: "The ministry — citing 𝔘nnamed sources — denied it"}, Via: []sift.Ref{},
				Norm: "The ministry — citing unnamed sources — denied it"},
		},
		Signals:     []sift.Signal{{Kind: "anonymous_sourcing", Score: 0.5, Evidence: "unnamed sources"}},
		Boilerplate: []sift.Boilerplate{{Text: "Subscribe now", Reason: "newsletter prompt"}},
		Comments:    []sift.Comment{{Author: "reader1", Text: "First!"}, {Author: "reader2", Text: "Reply", Depth: 1}},
	}
	created, err := s.PutArticle(ctx, a)
	if err != nil || !created {
		t.Fatalf("PutArticle: created=%v err=%v, want a new article", created, err)
	}
	got, err := s.Article(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if want, have := asJSON(t, a), asJSON(t, got); want != have {
		t.Fatalf("round trip changed the article:\nstored %s\nread   %s", want, have)
	}
	if !reflect.DeepEqual(got.Claims, a.Claims) { // Norm is not in the JSON
		t.Fatalf("round trip changed the claims:\nstored %+v\nread   %+v", a.Claims, got.Claims)
	}
	// An article without facts reads back with empty, not missing, lists.
	bare := &sift.Article{ID: "bare", Source: "b.txt", Text: "Nothing derived here."}
	mustPut(t, s, bare)
	got, err = s.Article(ctx, "bare")
	if err != nil {
		t.Fatal(err)
	}
	if got.Entities == nil || got.Quotes == nil || got.Techniques == nil || got.Claims == nil || got.Text != bare.Text {
		t.Fatalf("bare article read back as %+v", got)
	}
}

func testIdempotent(t *testing.T, s Store) {
	ctx := context.Background()
	a := Article("Varno Daily", "Ceasefire holds", "Varno ceasefire holds for a third day, officials said.", "2024-03-02")
	b := Article("Varno Daily", "Talks resume", "Talks resume in Dravia after a week of shelling.", "2024-03-03")
	c := Article("Dravia Today", "Ceasefire holds", "Varno ceasefire holds for a third day, officials said.", "2024-03-02") // same text, other outlet
	for i, want := range []bool{true, false} {
		created, err := s.PutArticle(ctx, a)
		if err != nil || created != want {
			t.Fatalf("put %d: created=%v err=%v, want created=%v", i, created, err, want)
		}
	}
	added, err := s.PutArticles(ctx, []*sift.Article{a, b, b, c})
	if err != nil {
		t.Fatal(err)
	}
	if len(added) != 2 || added[0] != b || added[1] != c {
		t.Fatalf("PutArticles added %d articles, want b and c in order", len(added))
	}
	if n, err := s.CountArticles(ctx); err != nil || n != 3 {
		t.Fatalf("CountArticles = %d, %v; want 3", n, err)
	}
	got, err := s.Article(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Entities) != 1 || len(got.Quotes) != 1 || len(got.Techniques) != 1 {
		t.Fatalf("facts stored more than once: %d entities, %d quotes, %d techniques", len(got.Entities), len(got.Quotes), len(got.Techniques))
	}
	outlets, err := s.Outlets(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if want := `[{"outlet":"Varno Daily","articles":2},{"outlet":"Dravia Today","articles":1}]`; compact(t, outlets) != want {
		t.Fatalf("Outlets = %s, want %s", compact(t, outlets), want)
	}
}

func compact(t *testing.T, v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func testBatchIsAtomic(t *testing.T, s Store) {
	ctx := context.Background()
	good := Article("Wire", "Good", "Alpha bravo charlie delta echo.", "2024-01-01")
	bad := &sift.Article{Source: "no-id.txt", Text: "An article nobody gave an ID."}
	if _, err := s.PutArticles(ctx, []*sift.Article{good, bad}); err == nil {
		t.Fatal("storing an article without ID did not fail")
	}
	if n, _ := s.CountArticles(ctx); n != 0 {
		t.Fatalf("a failed batch stored %d articles, want 0", n)
	}
}

func testNotFound(t *testing.T, s Store) {
	ctx := context.Background()
	if _, err := s.Article(ctx, "0123456789abcdef"); !errors.Is(err, sift.ErrNotFound) {
		t.Fatalf("missing article: err = %v, want ErrNotFound", err)
	}
	mustPut(t, s, Article("Wire", "A", "Alpha bravo charlie.", "2024-01-01"))
	if _, err := s.Article(ctx, "0123456789abcdef"); !errors.Is(err, sift.ErrNotFound) {
		t.Fatalf("missing article in a non-empty store: err = %v, want ErrNotFound", err)
	}
}

// searchArticles is the corpus of the search tests.
func searchArticles() []*sift.Article {
	return []*sift.Article{
		Article("Varno Daily", "Strike on Kessel market", "Kessel market was hit by an air strike on Tuesday, witnesses said.", "2024-03-02"),
		Article("Dravia Today", "Talks in Varno", "Ceasefire talks opened in Varno between the ministers.", "2024-03-05"),
		Article("Varno Daily", "Ceasefire collapses", "Shelling resumed near Kessel and the ceasefire collapsed overnight.", "2024-04-01"),
		Article("Ulmet Post", "Café owners protest", "Owners of the Café Ulmet protested against the curfew; the pro-government mayor stayed away.", "2024-04-02"),
		Article("Ulmet Post", "Curfew", "Curfew extended in Ulmet as strikes spread to the port.", ""),
		Article("Dravia Today", "Ministers meet", "Dravia's ministers met; officials called the Kessel talks hopeful.", "2024-04-20"),
	}
}

func testSearch(t *testing.T, s Store) {
	ctx := context.Background()
	arts := searchArticles()
	// One at a time, so that the order of storage is the order of arts
	// (within a batch, PostgreSQL stores in ID order).
	for _, a := range arts {
		mustPut(t, s, a)
	}
	cases := []struct {
		q    sift.Query
		want int
	}{
		{sift.Query{Text: "kessel"}, 3},
		{sift.Query{Text: "KESSEL"}, 3},
		{sift.Query{Text: `"air strike"`}, 1},
		{sift.Query{Text: `"strike air"`}, 0},
		{sift.Query{Text: "cease*"}, 2},
		{sift.Query{Text: "strike*"}, 2},
		{sift.Query{Text: "strike"}, 1},
		{sift.Query{Text: "kessel NOT market"}, 2},
		{sift.Query{Text: "kessel AND talks"}, 1},
		{sift.Query{Text: "kessel talks"}, 1},
		{sift.Query{Text: "curfew OR ceasefire"}, 4},
		{sift.Query{Text: "(curfew OR ceasefire) NOT ulmet"}, 2},
		{sift.Query{Text: "title:ceasefire"}, 1},
		{sift.Query{Text: "title:curfew"}, 1},
		{sift.Query{Text: "cafe"}, 1},
		{sift.Query{Text: "café"}, 1},
		{sift.Query{Text: "pro-government"}, 1},
		{sift.Query{Text: "kessel", Outlet: "Dravia Today"}, 1},
		{sift.Query{Text: "kessel", Outlet: "Nobody"}, 0},
		{sift.Query{Text: "ceasefire", Since: "2024-03-10"}, 1},
		{sift.Query{Since: "2024-04-01", Until: "2024-04-02"}, 2},
		{sift.Query{Until: "2024-12-31"}, 5},
		{sift.Query{Outlet: "Varno Daily"}, 2},
		{sift.Query{}, 6},
		{sift.Query{Text: `"unbalanced quote AND (`}, 0},
		{sift.Query{Text: "kessel )"}, 3},
		{sift.Query{Text: "varno", Entity: "Ceasefire"}, 1},
		{sift.Query{Entity: "Kessel"}, 1},
		{sift.Query{Speaker: "Curfew Office"}, 1},
		{sift.Query{Technique: "Loaded_Language"}, 6},
		{sift.Query{Technique: "Doubt"}, 0},
		{sift.Query{Text: "kessel", Story: "no-such-story"}, 0},
	}
	for _, c := range cases {
		hits, total, err := s.Search(ctx, c.q)
		if err != nil {
			t.Errorf("%+v: %v", c.q, err)
			continue
		}
		if total != c.want || len(hits) != c.want {
			t.Errorf("%+v: %d hits (total %d), want %d", c.q, len(hits), total, c.want)
		}
	}

	// Above sift.RankSample matches, the most recently stored ones are
	// ranked (best first), the others are counted but not listed.
	stored := map[string]int{}
	for i, a := range arts {
		stored[a.ID] = i
	}
	for _, q := range []sift.Query{{Text: "curfew OR ceasefire"}, {Text: "curfew OR ceasefire", Since: "2024-01-01"}} {
		all, want, err := s.Search(ctx, q)
		if err != nil || want < 3 || len(all) != want {
			t.Fatalf("%+v: %d hits, total %d, %v", q, len(all), want, err)
		}
		var newest []int
		for _, h := range all {
			newest = append(newest, stored[h.ID])
		}
		sort.Sort(sort.Reverse(sort.IntSlice(newest)))
		saved := sift.RankSample
		sift.RankSample = 2
		hits, total, err := s.Search(ctx, q)
		more, moreTotal, _ := s.Search(ctx, sift.Query{Text: q.Text, Since: q.Since, Offset: 2})
		sift.RankSample = saved
		if err != nil || total != want || len(hits) != 2 {
			t.Fatalf("%+v with RankSample 2: total %d, %d hits, %v; want %d and 2", q, total, len(hits), err, want)
		}
		for _, h := range hits {
			if i := stored[h.ID]; i != newest[0] && i != newest[1] {
				t.Errorf("%+v with RankSample 2: hit %q is not one of the two newest matches", q, h.Title)
			}
		}
		if hits[0].Rank > hits[1].Rank {
			t.Errorf("%+v with RankSample 2: ranks %v, %v not best first", q, hits[0].Rank, hits[1].Rank)
		}
		if len(more) != 0 || moreTotal != want {
			t.Errorf("%+v with RankSample 2, offset 2: %d hits, total %d; want none and %d", q, len(more), moreTotal, want)
		}
	}

	// A match in the title ranks above a match in the text only.
	hits, _, err := s.Search(ctx, sift.Query{Text: "ceasefire"})
	if err != nil || len(hits) != 2 || hits[0].Title != "Ceasefire collapses" {
		t.Fatalf("ceasefire: want the title match first, got %+v (%v)", hits, err)
	}
	if !(hits[0].Rank < hits[1].Rank) {
		t.Errorf("ranks %v, %v: want lower is better, best first", hits[0].Rank, hits[1].Rank)
	}

	// Snippets mark the matches.
	hits, _, _ = s.Search(ctx, sift.Query{Text: "witnesses"})
	if len(hits) != 1 || !strings.Contains(hits[0].Snippet, "\x02witnesses\x03") {
		t.Fatalf("snippet does not mark the match: %+v", hits)
	}
	if h := hits[0]; h.Outlet != "Varno Daily" || h.Published != "2024-03-02" || h.Source != "strike-on-kessel-market.txt" || h.ID != arts[0].ID {
		t.Errorf("hit fields: %+v", h)
	}

	// Without text, newest first; pages do not overlap.
	hits, total, err := s.Search(ctx, sift.Query{Limit: 2})
	if err != nil || total != 6 || len(hits) != 2 || hits[0].Title != "Ministers meet" || hits[1].Title != "Café owners protest" {
		t.Fatalf("listing: total %d, %+v, %v", total, hits, err)
	}
	page2, _, _ := s.Search(ctx, sift.Query{Limit: 2, Offset: 2})
	if len(page2) != 2 || page2[0].ID == hits[0].ID || page2[0].ID == hits[1].ID || page2[0].Title != "Ceasefire collapses" {
		t.Fatalf("second page: %+v", page2)
	}
	if !strings.HasPrefix(hits[0].Snippet, "Dravia's ministers met") {
		t.Errorf("listing snippet %q, want the start of the text", hits[0].Snippet)
	}
}

func testQuotes(t *testing.T, s Store) {
	ctx := context.Background()
	arts := searchArticles()
	arts[1].Quotes[0].Via = []sift.Ref{{Span: sift.Span{Start: 0, End: 9, Text: "Ceasefire"}, Canonical: "Dravia Radio"}}
	mustPut(t, s, arts...)
	cases := []struct {
		q    sift.QuoteQuery
		want []string // titles, in order
	}{
		{sift.QuoteQuery{}, []string{"Curfew", "Strike on Kessel market", "Talks in Varno", "Ceasefire collapses", "Café owners protest", "Ministers meet"}},
		{sift.QuoteQuery{Speaker: "kessel office"}, []string{"Strike on Kessel market"}},
		{sift.QuoteQuery{Speaker: "Shelling"}, []string{"Ceasefire collapses"}},
		{sift.QuoteQuery{Via: "dravia radio"}, []string{"Talks in Varno"}},
		{sift.QuoteQuery{Via: "CEASEFIRE"}, []string{"Talks in Varno"}},
		{sift.QuoteQuery{Since: "2024-04-01"}, []string{"Ceasefire collapses", "Café owners protest", "Ministers meet"}},
		{sift.QuoteQuery{Since: "2024-04-01", Limit: 1}, []string{"Ceasefire collapses"}},
		{sift.QuoteQuery{Speaker: "nobody"}, nil},
	}
	for _, c := range cases {
		hits, err := s.Quotes(ctx, c.q)
		if err != nil {
			t.Errorf("%+v: %v", c.q, err)
			continue
		}
		var got []string
		for _, h := range hits {
			got = append(got, h.Title)
		}
		if fmt.Sprint(got) != fmt.Sprint(c.want) {
			t.Errorf("%+v: got %q, want %q", c.q, got, c.want)
		}
	}
	hits, err := s.Quotes(ctx, sift.QuoteQuery{Speaker: "Kessel Office"})
	if err != nil || len(hits) != 1 {
		t.Fatalf("quotes of Kessel Office: %v, %v", hits, err)
	}
	h := hits[0]
	if h.Quote.Text != "market" || h.Quote.Speaker == nil || h.Quote.Speaker.Text != "Kessel" || h.Quote.Cue != nil ||
		h.Quote.Via == nil || h.Outlet != "Varno Daily" || h.Published != "2024-03-02" || h.ArticleID != arts[0].ID {
		t.Errorf("quote hit: %+v", h)
	}
}

// LinkStore keeps the state of the linking stage (internal/link) and the
// stories and reuse links it finds.
type LinkStore interface {
	sift.StoryStore
	LoadLinker(ctx context.Context) (*link.Linker, error)
	SaveLinks(ctx context.Context, ups []link.Update) error
	UnlinkedArticles(ctx context.Context) ([]string, error)
	// LinkedCount returns how many articles linking has recorded.
	LinkedCount(ctx context.Context) (int, error)
}

// LinkAll links the unlinked articles of s with a linker loaded from it,
// as sift ingest does after storing a batch.
func LinkAll(t testing.TB, s Store, ls LinkStore) {
	t.Helper()
	ctx := context.Background()
	l, err := ls.LoadLinker(ctx)
	if err != nil {
		t.Fatal(err)
	}
	ids, err := ls.UnlinkedArticles(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var ups []link.Update
	for _, id := range ids {
		a, err := s.Article(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		up, err := l.Add(a)
		if err != nil {
			t.Fatal(err)
		}
		ups = append(ups, up)
	}
	if err := ls.SaveLinks(ctx, ups); err != nil {
		t.Fatal(err)
	}
}

func testLinks(t *testing.T, s Store, ls LinkStore) {
	ctx := context.Background()
	body := "Shelling resumed near Kessel overnight and the ceasefire agreed in Varno last week collapsed, " +
		"officials in the northern province said on Tuesday. Residents fled towards the Dravia border as the convoy waited. " +
		"The ministry said talks would resume once the shelling stopped and aid could reach the hospital."
	first := Article("Varno Daily", "Ceasefire collapses near Kessel", body, "2024-04-01")
	copied := Article("Dravia Today", "Kessel ceasefire collapses", body, "2024-04-02")
	spun := Article("Ulmet Post", "Truce fails at Kessel", strings.ReplaceAll(body, "ceasefire", "truce"), "2024-04-03")
	other := Article("Ulmet Post", "Port workers strike", "Dock workers in Ulmet walked out on Monday over unpaid wages, "+
		"halting grain exports for the second time this year. The union said the strike would last until Friday.", "2024-04-01")
	mustPut(t, s, first, copied)
	LinkAll(t, s, ls)
	mustPut(t, s, spun, other)
	LinkAll(t, s, ls) // a second run continues from the stored state
	if ids, err := ls.UnlinkedArticles(ctx); err != nil || len(ids) != 0 {
		t.Fatalf("unlinked after linking: %v, %v", ids, err)
	}
	l, err := ls.LoadLinker(ctx)
	if err != nil || l.Len() != 4 {
		t.Fatalf("reloaded linker holds %d articles (%v), want 4", l.Len(), err)
	}
	if n, err := ls.LinkedCount(ctx); err != nil || n != 4 {
		t.Fatalf("LinkedCount = %d (%v), want 4", n, err)
	}
	stories, err := ls.Stories(ctx, sift.StoryQuery{MinArticles: 1})
	if err != nil {
		t.Fatal(err)
	}
	if len(stories) != 2 || len(stories[0].Articles) != 3 || len(stories[1].Articles) != 1 {
		t.Fatalf("stories: %s", compact(t, stories))
	}
	var order []string
	for _, a := range stories[0].Articles {
		order = append(order, a.ID)
	}
	if fmt.Sprint(order) != fmt.Sprint([]string{first.ID, copied.ID, spun.ID}) {
		t.Errorf("story timeline %v, want first, copy, spun copy", order)
	}
	if big, err := ls.Stories(ctx, sift.StoryQuery{MinArticles: 2}); err != nil || len(big) != 1 {
		t.Errorf("stories with 2 or more articles: %d (%v), want 1", len(big), err)
	}
	st, err := ls.Story(ctx, stories[1].ID)
	if err != nil || len(st.Articles) != 1 || st.Articles[0].ID != other.ID {
		t.Errorf("Story(%s) = %+v, %v", stories[1].ID, st, err)
	}
	if _, err := ls.Story(ctx, "no-such-story"); !errors.Is(err, sift.ErrNotFound) {
		t.Errorf("missing story: err = %v, want ErrNotFound", err)
	}
	reuse, err := ls.Reuse(ctx, copied.ID)
	if err != nil {
		t.Fatal(err)
	}
	kinds := map[string]bool{}
	for _, r := range reuse {
		kinds[r.Kind] = true
	}
	if !kinds[sift.ReuseExact] {
		t.Errorf("reuse of the copy: %s, want an exact link", compact(t, reuse))
	}
	if reuse, err := ls.Reuse(ctx, other.ID); err != nil || len(reuse) != 0 {
		t.Errorf("reuse of an unrelated article: %v, %v", reuse, err)
	}
	hits, total, err := s.Search(ctx, sift.Query{Text: "kessel", Story: stories[0].ID})
	if err != nil || total != 3 || len(hits) != 3 {
		t.Errorf("search within the story: %d hits, %v", total, err)
	}
}
