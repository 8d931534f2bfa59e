package feed

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/sift-news/sift"
	"github.com/sift-news/sift/internal/fetch"
)

const rssFeed = `<?xml version="1.0"?>
<rss version="2.0"><channel><title>Test Wire</title>
<item><title>First story</title><link>/a1</link><guid>id-1</guid><pubDate>Mon, 06 May 2024 10:00:00 GMT</pubDate><author>desk@example.org (Ann Writer)</author></item>
<item><title>Second story</title><link>https://example.org/a2</link><pubDate>Tue, 07 May 2024 10:00:00 GMT</pubDate></item>
<item><title>No link</title></item>
</channel></rss>`

const atomFeed = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Desk</title>
<entry><title>Atom story</title><id>urn:x:1</id><link href="https://example.org/atom1"/><updated>2024-05-08T09:00:00Z</updated><author><name>Bo Reporter</name></author></entry>
</feed>`

const jsonFeed = `{"version": "https://jsonfeed.org/version/1.1", "title": "JSON Desk",
 "items": [{"id": "j1", "url": "https://example.org/j1", "title": "JSON story", "date_published": "2024-05-09T08:00:00Z", "content_html": "<p>Hi</p>"}]}`

func TestParseFormats(t *testing.T) {
	f, err := Parse([]byte(rssFeed), "https://example.org/feed.xml")
	if err != nil {
		t.Fatal(err)
	}
	if f.Title != "Test Wire" || len(f.Items) != 2 {
		t.Fatalf("RSS: title %q, %d items (the item without link or guid must be dropped)", f.Title, len(f.Items))
	}
	if it := f.Items[0]; it.URL != "https://example.org/a1" || it.Key != "id-1" || it.Published != "2024-05-06" {
		t.Errorf("RSS item = %+v (relative link resolved, GUID as key, date)", it)
	}
	if it := f.Items[1]; it.Key != "https://example.org/a2" {
		t.Errorf("item without GUID keyed by %q, want its link", it.Key)
	}
	a, err := Parse([]byte(atomFeed), "https://example.org/atom")
	if err != nil || len(a.Items) != 1 || a.Items[0].Author != "Bo Reporter" || a.Items[0].Published != "2024-05-08" {
		t.Errorf("Atom: %+v, %v", a, err)
	}
	j, err := Parse([]byte(jsonFeed), "https://example.org/feed.json")
	if err != nil || len(j.Items) != 1 || j.Items[0].URL != "https://example.org/j1" || j.Items[0].Content != "<p>Hi</p>" {
		t.Errorf("JSON: %+v, %v", j, err)
	}
	if _, err := Parse([]byte("<html><body>not a feed</body></html>"), ""); err == nil {
		t.Error("an HTML page parsed as a feed")
	}
}

func TestParseList(t *testing.T) {
	opml := `<?xml version="1.0"?><opml version="2.0"><head><title>x</title></head><body>
<outline text="News"><outline text="A" type="rss" xmlUrl="https://a.example/rss"/>
<outline text="B" type="rss" xmlUrl="https://b.example/atom"/></outline>
<outline text="A again" xmlUrl="https://a.example/rss"/></body></opml>`
	got, err := ParseList([]byte(opml))
	if err != nil || strings.Join(got, " ") != "https://a.example/rss https://b.example/atom" {
		t.Errorf("OPML: %v, %v", got, err)
	}
	plain := "# my feeds\nhttps://a.example/rss\n\n  https://c.example/feed  # comment\n"
	got, err = ParseList([]byte(plain))
	if err != nil || strings.Join(got, " ") != "https://a.example/rss https://c.example/feed" {
		t.Errorf("plain list: %v, %v", got, err)
	}
	if _, err := ParseList([]byte("file:///etc/passwd\n")); err == nil {
		t.Error("a file: URL was accepted")
	}
}

func TestJudge(t *testing.T) {
	now := time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC)
	day := 24 * time.Hour
	window := 90 * day
	cases := []struct {
		name     string
		st       sift.FeedState
		articles int
		want     string
	}{
		{"busy and fresh", sift.FeedState{Added: now.Add(-60 * day), LastSuccess: now, LastItem: now.Add(-2 * time.Hour)}, 300, StatusOK},
		{"busy feed quiet for three days", sift.FeedState{Added: now.Add(-60 * day), LastSuccess: now, LastItem: now.Add(-3 * day)}, 300, StatusSilent},
		{"weekly feed quiet for five days", sift.FeedState{Added: now.Add(-60 * day), LastSuccess: now, LastItem: now.Add(-5 * day)}, 13, StatusOK},
		{"weekly feed quiet for a month", sift.FeedState{Added: now.Add(-90 * day), LastSuccess: now, LastItem: now.Add(-30 * day)}, 8, StatusSilent},
		{"failing", sift.FeedState{Added: now.Add(-10 * day), LastSuccess: now.Add(-day), ErrorStreak: 5}, 10, StatusFailing},
		{"never fetched", sift.FeedState{Added: now.Add(-time.Hour), ErrorStreak: 1}, 0, StatusNew},
	}
	for _, c := range cases {
		if h := Judge(&c.st, c.articles, window, now); h.Status != c.want {
			t.Errorf("%s: status %s (%+v), want %s", c.name, h.Status, h, c.want)
		}
	}
	h := Judge(&sift.FeedState{Added: now.Add(-30 * day), LastSuccess: now, LastItem: now}, 60, window, now)
	if h.PerDay != 2 {
		t.Errorf("60 articles in the 30 days since the feed was added: %.2f per day, want 2", h.PerDay)
	}
}

// memStore is an in-memory sift.FeedStore.
type memStore struct {
	mu    sync.Mutex
	feeds map[string]sift.FeedState
	items map[string]map[string]sift.SeenItem
}

func newMemStore() *memStore {
	return &memStore{feeds: map[string]sift.FeedState{}, items: map[string]map[string]sift.SeenItem{}}
}

func (m *memStore) Feed(_ context.Context, url string) (*sift.FeedState, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	f, ok := m.feeds[url]
	if !ok {
		return nil, sift.ErrNotFound
	}
	return &f, nil
}

func (m *memStore) PutFeed(_ context.Context, f *sift.FeedState) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.feeds[f.URL] = *f
	return nil
}

func (m *memStore) Feeds(context.Context) ([]sift.FeedState, error) { return nil, nil }

func (m *memStore) SeenItems(_ context.Context, feed string, keys []string) (map[string]bool, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	out := map[string]bool{}
	for _, k := range keys {
		if _, ok := m.items[feed][k]; ok {
			out[k] = true
		}
	}
	return out, nil
}

func (m *memStore) MarkSeen(_ context.Context, feed string, items []sift.SeenItem) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.items[feed] == nil {
		m.items[feed] = map[string]sift.SeenItem{}
	}
	for _, it := range items {
		m.items[feed][it.Key] = it
	}
	return nil
}

func (m *memStore) ArticlesSince(_ context.Context, feed string, since time.Time) (int, error) {
	return 0, nil
}

// newsSite is a local test site with a feed whose items can be added.
type newsSite struct {
	mu       sync.Mutex
	items    []string // paths of the articles in the feed
	requests map[string]int
	feedDown bool
}

func (s *newsSite) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.requests[r.URL.Path]++
	switch {
	case r.URL.Path == "/feed.xml":
		if s.feedDown {
			http.Error(w, "down", http.StatusInternalServerError)
			return
		}
		etag := fmt.Sprintf(`"%d"`, len(s.items))
		if r.Header.Get("If-None-Match") == etag {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", etag)
		w.Header().Set("Content-Type", "application/rss+xml")
		var b strings.Builder
		b.WriteString(`<?xml version="1.0"?><rss version="2.0"><channel><title>Local Wire</title>`)
		for _, p := range s.items {
			fmt.Fprintf(&b, `<item><title>Story %s</title><link>%s</link><pubDate>Mon, 06 May 2024 10:00:00 GMT</pubDate></item>`, p, p)
		}
		b.WriteString(`</channel></rss>`)
		w.Write([]byte(b.String()))
	case r.URL.Path == "/missing":
		http.NotFound(w, r)
	case strings.HasPrefix(r.URL.Path, "/story"):
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, "<html><body><article><h1>Story %s</h1><p>Body of %s.</p></article></body></html>", r.URL.Path, r.URL.Path)
	default:
		http.NotFound(w, r)
	}
}

func TestWatcherResumesFromStoredState(t *testing.T) {
	site := &newsSite{items: []string{"/story1", "/missing"}, requests: map[string]int{}}
	srv := httptest.NewServer(site)
	defer srv.Close()
	store := newMemStore()
	var ingested []sift.Document
	newWatcher := func() *Watcher {
		return &Watcher{
			Fetch: fetch.New(fetch.Options{AllowPrivate: true, HostInterval: time.Millisecond, Retries: -1}),
			Store: store,
			Ingest: func(_ context.Context, docs []sift.Document) (map[string]error, error) {
				ingested = append(ingested, docs...)
				return nil, nil
			},
		}
	}
	feedURL := srv.URL + "/feed.xml"
	ctx := context.Background()

	st, err := newWatcher().Poll(ctx, []string{feedURL})
	if err != nil {
		t.Fatal(err)
	}
	if st.NewItems != 2 || st.Stored != 1 || st.ItemErrors != 1 || len(ingested) != 1 {
		t.Fatalf("first poll: %+v, %d ingested; want 2 new, 1 stored, 1 error", st, len(ingested))
	}
	d := ingested[0]
	if d.URL != srv.URL+"/story1" || d.Title != "Story /story1" || d.Published != "2024-05-06" || d.Format != sift.FormatHTML || !strings.Contains(d.Body, "Body of /story1") {
		t.Errorf("ingested document = %+v", d)
	}

	// A restarted watcher sends the stored ETag and gets 304: no page is fetched again.
	st, err = newWatcher().Poll(ctx, []string{feedURL})
	if err != nil {
		t.Fatal(err)
	}
	if st.NotModified != 1 || len(ingested) != 1 || site.requests["/story1"] != 1 {
		t.Errorf("second poll: %+v, story1 fetched %d times", st, site.requests["/story1"])
	}

	// A new item: only it is fetched.
	site.mu.Lock()
	site.items = append(site.items, "/story2")
	site.mu.Unlock()
	st, err = newWatcher().Poll(ctx, []string{feedURL})
	if err != nil {
		t.Fatal(err)
	}
	if st.NewItems != 1 || len(ingested) != 2 || site.requests["/story1"] != 1 || site.requests["/missing"] != 1 {
		t.Errorf("third poll: %+v, requests %v", st, site.requests)
	}
	state, _ := store.Feed(ctx, feedURL)
	if state.Title != "Local Wire" || state.LastSuccess.IsZero() || state.LastItem.IsZero() || state.ErrorStreak != 0 {
		t.Errorf("state after success = %+v", state)
	}

	// Failures are counted in a streak and reset by the next success.
	site.mu.Lock()
	site.feedDown = true
	site.mu.Unlock()
	for range 2 {
		if _, err := newWatcher().Poll(ctx, []string{feedURL}); err != nil {
			t.Fatal(err)
		}
	}
	state, _ = store.Feed(ctx, feedURL)
	if state.ErrorStreak != 2 || state.LastError == "" {
		t.Errorf("after two failed polls: streak %d, last error %q", state.ErrorStreak, state.LastError)
	}
	site.mu.Lock()
	site.feedDown = false
	site.mu.Unlock()
	newWatcher().Poll(ctx, []string{feedURL})
	state, _ = store.Feed(ctx, feedURL)
	if state.ErrorStreak != 0 {
		t.Errorf("streak %d after recovery, want 0", state.ErrorStreak)
	}
}

func TestWatcherRefusesPrivateFeedsByDefault(t *testing.T) {
	site := &newsSite{items: []string{"/story1"}, requests: map[string]int{}}
	srv := httptest.NewServer(site)
	defer srv.Close()
	store := newMemStore()
	w := &Watcher{
		Fetch:  fetch.New(fetch.Options{HostInterval: time.Millisecond, Retries: -1}),
		Store:  store,
		Ingest: func(context.Context, []sift.Document) (map[string]error, error) { t.Error("ingested"); return nil, nil },
	}
	st, err := w.Poll(context.Background(), []string{srv.URL + "/feed.xml"})
	if err != nil {
		t.Fatal(err)
	}
	if st.Failed != 1 || len(site.requests) != 0 {
		t.Errorf("poll of a loopback feed: %+v, requests %v", st, site.requests)
	}
}

func FuzzParseList(f *testing.F) {
	f.Add([]byte("https://a.example/rss\n# c\n"))
	f.Add([]byte(`<opml><body><outline xmlUrl="https://a.example/x"><outline xmlUrl="http://b.example/y"/></outline></body></opml>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		urls, err := ParseList(data)
		if err != nil {
			return
		}
		for _, u := range urls {
			if !strings.HasPrefix(u, "http://") && !strings.HasPrefix(u, "https://") {
				t.Fatalf("accepted %q", u)
			}
		}
	})
}

func TestWatcherPollsFeedsInParallel(t *testing.T) {
	var feeds []string
	for range 3 {
		site := &newsSite{items: []string{"/story1", "/story2"}, requests: map[string]int{}}
		srv := httptest.NewServer(site)
		defer srv.Close()
		feeds = append(feeds, srv.URL+"/feed.xml")
	}
	store := newMemStore()
	var mu sync.Mutex
	ingested := map[string]bool{}
	w := &Watcher{
		Fetch: fetch.New(fetch.Options{AllowPrivate: true, HostInterval: time.Millisecond, Retries: -1}),
		Store: store,
		Ingest: func(_ context.Context, docs []sift.Document) (map[string]error, error) {
			mu.Lock()
			defer mu.Unlock()
			for _, d := range docs {
				ingested[d.URL] = true
			}
			// Report one page as failed, as ingest does for a page without text.
			return map[string]error{docs[0].Source: fmt.Errorf("no article text")}, nil
		},
		Workers: 3,
	}
	st, err := w.Poll(context.Background(), feeds)
	if err != nil {
		t.Fatal(err)
	}
	if st.Feeds != 3 || st.NewItems != 6 || len(ingested) != 6 || st.Stored != 3 || st.ItemErrors != 3 {
		t.Errorf("stats %+v, %d ingested; want 3 feeds, 6 new, 6 ingested, 3 stored, 3 failed in ingest", st, len(ingested))
	}
	for _, f := range feeds {
		statuses := map[string]int{}
		for _, it := range store.items[f] {
			statuses[it.Status]++
		}
		if statuses["stored"] != 1 || statuses["no article text"] != 1 {
			t.Errorf("%s: item statuses %v", f, statuses)
		}
	}
}

func FuzzParse(f *testing.F) {
	f.Add([]byte(rssFeed))
	f.Add([]byte(atomFeed))
	f.Add([]byte(jsonFeed))
	f.Fuzz(func(t *testing.T, data []byte) {
		feed, err := Parse(data, "https://example.org/feed")
		if err != nil {
			return
		}
		for _, it := range feed.Items {
			if it.Key == "" {
				t.Fatalf("item without key: %+v", it)
			}
		}
	})
}

func BenchmarkParse(b *testing.B) {
	var sb strings.Builder
	sb.WriteString(`<?xml version="1.0"?><rss version="2.0"><channel><title>Bench</title>`)
	for i := range 50 {
		fmt.Fprintf(&sb, `<item><title>Story %d</title><link>https://example.org/%d</link><pubDate>Mon, 06 May 2024 10:00:00 GMT</pubDate><description>Summary of story %d.</description></item>`, i, i, i)
	}
	sb.WriteString(`</channel></rss>`)
	data := []byte(sb.String())
	items := 0
	for b.Loop() {
		f, err := Parse(data, "https://example.org/feed")
		if err != nil {
			b.Fatal(err)
		}
		items += len(f.Items)
	}
	b.ReportMetric(float64(items)/b.Elapsed().Seconds(), "items/s")
}

func TestItemsBeyondMaxAreFetchedNextPoll(t *testing.T) {
	site := &newsSite{items: []string{"/story1", "/story2", "/story3"}, requests: map[string]int{}}
	srv := httptest.NewServer(site)
	defer srv.Close()
	n := 0
	w := &Watcher{
		Fetch: fetch.New(fetch.Options{AllowPrivate: true, HostInterval: time.Millisecond, Retries: -1}),
		Store: newMemStore(),
		Ingest: func(_ context.Context, docs []sift.Document) (map[string]error, error) {
			n += len(docs)
			return nil, nil
		},
		MaxItems: 2,
	}
	for range 2 {
		if _, err := w.Poll(context.Background(), []string{srv.URL + "/feed.xml"}); err != nil {
			t.Fatal(err)
		}
	}
	if n != 3 {
		t.Errorf("%d pages ingested after two polls with MaxItems 2, want 3 (the rest must not hide behind a 304)", n)
	}
}
