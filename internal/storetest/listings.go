package storetest

// Tests of what the listing commands read (sift entities, sift feeds,
// sift watch, sift stories): each backend must give exactly these
// answers, so that the commands print the same on every store.

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/sift-news/sift"
)

// mention returns an entity for the n-th occurrence (from 0) of text in
// a's Text.
func mention(a *sift.Article, text string, n int, typ, canonical, role string) sift.Entity {
	at := -1
	for range n + 1 {
		i := strings.Index(a.Text[at+1:], text)
		if i < 0 {
			panic("storetest: " + text + " not in " + a.Text)
		}
		at += 1 + i
	}
	start := len([]rune(a.Text[:at]))
	return sift.Entity{Span: sift.Span{Start: start, End: start + len([]rune(text)), Text: text},
		Type: typ, Canonical: canonical, Role: role}
}

// EntityArticles are three articles whose entities the suite counts:
// Dravia is tagged ORG three times and LOC once, Ödön Varga is written two
// ways, and one mention has no canonical name.
func EntityArticles() []*sift.Article {
	a1 := Article("Varno Daily", "Kessel talks", "Kessel officials met Dravian envoys from Dravia on Monday.", "2024-03-02")
	a1.Entities = append(a1.Entities, mention(a1, "Dravian", 0, sift.ORG, "Dravia", "envoys"),
		mention(a1, "Dravia", 1, sift.ORG, "Dravia", ""))
	a2 := Article("Dravia Today", "Dravia denies", "Dravia denied the reports about Kessel and Ödön Varga.", "2024-03-03")
	a2.Entities = append(a2.Entities, mention(a2, "Kessel", 0, sift.LOC, "Kessel", ""),
		mention(a2, "Ödön Varga", 0, sift.PERSON, "Ödön Varga", "mayor"))
	a3 := Article("Ulmet Post", "Ulmet strike", "Ulmet dockers stopped work as Dravia officials and Varga watched; Varga left.", "2024-04-01")
	a3.Entities = append(a3.Entities, mention(a3, "Dravia", 0, sift.ORG, "Dravia", ""),
		mention(a3, "dockers", 0, sift.MISC, "", ""),
		mention(a3, "Varga", 0, sift.PERSON, "Ödön Varga", "mayor"),
		mention(a3, "Varga", 1, sift.PERSON, "Ödön Varga", ""))
	return []*sift.Article{a1, a2, a3}
}

func testEntities(t *testing.T, s Store, es sift.EntityStore) {
	ctx := context.Background()
	if got, err := es.Entities(ctx, sift.EntityQuery{}); err != nil || len(got) != 0 {
		t.Fatalf("entities of an empty store: %v, %v", got, err)
	}
	mustPut(t, s, EntityArticles()...)
	const (
		dravia = `{"canonical":"Dravia","type":"ORG","mentions":4,"articles":3,"names":["Dravia","Dravian"],"roles":["envoys"],"related":[{"canonical":"Kessel","articles":2},{"canonical":"Ödön Varga","articles":2},{"canonical":"Ulmet","articles":1}]}`
		varga  = `{"canonical":"Ödön Varga","type":"PERSON","mentions":3,"articles":2,"names":["Varga","Ödön Varga"],"roles":["mayor"],"related":[{"canonical":"Dravia","articles":2},{"canonical":"Kessel","articles":1},{"canonical":"Ulmet","articles":1}]}`
		kessel = `{"canonical":"Kessel","type":"LOC","mentions":2,"articles":2,"names":["Kessel"],"related":[{"canonical":"Dravia","articles":2},{"canonical":"Ödön Varga","articles":1}]}`
		ulmet  = `{"canonical":"Ulmet","type":"LOC","mentions":1,"articles":1,"names":["Ulmet"],"related":[{"canonical":"Dravia","articles":1},{"canonical":"Ödön Varga","articles":1}]}`
	)
	for _, c := range []struct {
		what string
		q    sift.EntityQuery
		want []string
	}{
		{"all, most articles first", sift.EntityQuery{Related: 5}, []string{dravia, varga, kessel, ulmet}},
		{"one type (the commonest of each entity)", sift.EntityQuery{Type: sift.LOC, Related: 5}, []string{kessel, ulmet}},
		{"part of the name, any ASCII case", sift.EntityQuery{Name: "dRA", Related: 5}, []string{dravia}},
		{"type and name", sift.EntityQuery{Type: sift.PERSON, Name: "VARGA", Related: 5}, []string{varga}},
		{"non-ASCII letters as written", sift.EntityQuery{Name: "Ödön", Related: 5}, []string{varga}},
		{"non-ASCII case is not folded", sift.EntityQuery{Name: "ödön", Related: 5}, nil},
		{"a name with LIKE wildcards", sift.EntityQuery{Name: "%", Related: 5}, nil},
		{"fewer related", sift.EntityQuery{Name: "Dravia", Related: 1},
			[]string{strings.Replace(dravia, `,{"canonical":"Ödön Varga","articles":2},{"canonical":"Ulmet","articles":1}`, "", 1)}},
		{"limit, no related", sift.EntityQuery{Limit: 2},
			[]string{dravia[:strings.Index(dravia, `"related"`)] + `"related":[]}`, varga[:strings.Index(varga, `"related"`)] + `"related":[]}`}},
	} {
		got, err := es.Entities(ctx, c.q)
		if err != nil {
			t.Fatalf("%s: %v", c.what, err)
		}
		var have []string
		for _, e := range got {
			have = append(have, compact(t, e))
		}
		if strings.Join(have, "\n") != strings.Join(c.want, "\n") {
			t.Errorf("%s (%+v):\n got %s\nwant %s", c.what, c.q, strings.Join(have, "\n     "), strings.Join(c.want, "\n     "))
		}
	}
}

func testFeeds(t *testing.T, fs sift.FeedStore) {
	ctx := context.Background()
	if _, err := fs.Feed(ctx, "https://b.example/feed"); !errors.Is(err, sift.ErrNotFound) {
		t.Fatalf("unknown feed: err = %v, want ErrNotFound", err)
	}
	if got, err := fs.Feeds(ctx); err != nil || len(got) != 0 {
		t.Fatalf("feeds of an empty store: %v, %v", got, err)
	}
	// Times are kept to the second, in UTC, whatever the zone given.
	zone := time.FixedZone("UTC+3", 3*3600)
	t0 := time.Date(2024, 5, 1, 13, 0, 0, 700_000_000, zone)
	b := &sift.FeedState{URL: "https://b.example/feed", Title: "B News", ETag: `"abc"`, LastModified: "Wed, 01 May 2024 10:00:00 GMT",
		Added: t0, LastPoll: t0.Add(time.Hour), LastSuccess: t0.Add(time.Hour)}
	a := &sift.FeedState{URL: "https://a.example/rss", Title: "A Wire", Added: t0, LastPoll: t0, ErrorStreak: 2, LastError: "fetching: timeout"}
	for _, f := range []*sift.FeedState{b, a} {
		if err := fs.PutFeed(ctx, f); err != nil {
			t.Fatal(err)
		}
	}
	got, err := fs.Feed(ctx, b.URL)
	if err != nil {
		t.Fatal(err)
	}
	const wantB = `{"URL":"https://b.example/feed","Title":"B News","ETag":"\"abc\"","LastModified":"Wed, 01 May 2024 10:00:00 GMT",` +
		`"Added":"2024-05-01T10:00:00Z","LastPoll":"2024-05-01T11:00:00Z","LastSuccess":"2024-05-01T11:00:00Z","LastItem":"0001-01-01T00:00:00Z","ErrorStreak":0,"LastError":""}`
	if have := compact(t, got); have != wantB {
		t.Errorf("feed round trip\n got %s\nwant %s", have, wantB)
	}
	if got.Added.Location() != time.UTC || !got.LastItem.IsZero() {
		t.Errorf("times: added in %v, last item %v; want UTC and zero", got.Added.Location(), got.LastItem)
	}
	// PutFeed replaces the whole state.
	b.LastItem, b.ErrorStreak, b.LastError, b.ETag = t0.Add(2*time.Hour), 1, "HTTP 503", ""
	if err := fs.PutFeed(ctx, b); err != nil {
		t.Fatal(err)
	}
	all, err := fs.Feeds(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != 2 || all[0].URL != a.URL || all[1].URL != b.URL {
		t.Fatalf("feeds not by URL: %s", compact(t, all))
	}
	if f := all[1]; f.ETag != "" || f.ErrorStreak != 1 || f.LastError != "HTTP 503" || !f.LastItem.Equal(t0.Add(2*time.Hour).Truncate(time.Second)) {
		t.Errorf("replaced feed: %s", compact(t, f))
	}

	keys := []string{"guid-1", "guid-2", "https://b.example/3", "guid-4"}
	if seen, err := fs.SeenItems(ctx, b.URL, keys); err != nil || len(seen) != 0 {
		t.Fatalf("seen items of a new feed: %v, %v", seen, err)
	}
	if err := fs.MarkSeen(ctx, b.URL, []sift.SeenItem{
		{Key: "guid-1", URL: "https://b.example/1", Seen: t0, Status: "stored"},
		{Key: "guid-2", URL: "https://b.example/2", Seen: t0.Add(time.Hour), Status: "stored"},
		{Key: "https://b.example/3", URL: "https://b.example/3", Seen: t0.Add(2 * time.Hour), Status: "HTTP 404"},
		{Key: "guid-5", URL: "https://b.example/5", Seen: t0.Add(3 * time.Hour), Status: "HTTP 500"},
		{Key: "guid-5", URL: "https://b.example/5", Seen: t0.Add(3 * time.Hour), Status: "stored"}, // twice in a batch: last status
	}); err != nil {
		t.Fatal(err)
	}
	// An item seen again keeps its first time and takes the new status.
	if err := fs.MarkSeen(ctx, b.URL, []sift.SeenItem{{Key: "https://b.example/3", URL: "https://b.example/3", Seen: t0.Add(5 * time.Hour), Status: "stored"}}); err != nil {
		t.Fatal(err)
	}
	seen, err := fs.SeenItems(ctx, b.URL, append(keys, "guid-5"))
	if err != nil {
		t.Fatal(err)
	}
	if len(seen) != 4 || !seen["guid-1"] || !seen["guid-2"] || !seen["https://b.example/3"] || !seen["guid-5"] || seen["guid-4"] {
		t.Errorf("seen items: %v", seen)
	}
	if other, err := fs.SeenItems(ctx, a.URL, keys); err != nil || len(other) != 0 {
		t.Errorf("items of another feed: %v, %v", other, err)
	}
	for _, c := range []struct {
		since time.Time
		want  int
	}{
		{time.Time{}, 4},
		{t0, 4},
		{t0.Add(90 * time.Minute), 2},
		{t0.Add(2 * time.Hour), 2},             // the same second as the third item's first sighting
		{t0.Add(2*time.Hour + time.Second), 1}, // only guid-5; the third item's later sighting does not count
		{t0.Add(4 * time.Hour), 0},
	} {
		if n, err := fs.ArticlesSince(ctx, b.URL, c.since); err != nil || n != c.want {
			t.Errorf("ArticlesSince(%v) = %d (%v), want %d", c.since, n, err, c.want)
		}
	}
	if n, err := fs.ArticlesSince(ctx, a.URL, time.Time{}); err != nil || n != 0 {
		t.Errorf("ArticlesSince of a feed with no items = %d (%v)", n, err)
	}
}

func testArticleBrief(t *testing.T, s Store, bs sift.BriefStore) {
	ctx := context.Background()
	a := EntityArticles()[1]
	mustPut(t, s, a)
	got, err := bs.ArticleBrief(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	want := &sift.Article{ID: a.ID, Source: a.Source, Title: a.Title, Text: a.Text, Outlet: a.Outlet, Published: a.Published}
	if have, w := compact(t, got), compact(t, want); have != w {
		t.Errorf("brief\n got %s\nwant %s", have, w)
	}
	if _, err := bs.ArticleBrief(ctx, "no-such-article"); !errors.Is(err, sift.ErrNotFound) {
		t.Errorf("missing article: err = %v, want ErrNotFound", err)
	}
}
