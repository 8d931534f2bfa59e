package web

import (
	"context"
	"io"
	"log"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/sift-news/sift"
	"github.com/sift-news/sift/internal/analyze"
	"github.com/sift-news/sift/internal/ingest"
)

// Every query a user can type gets results or a 400 saying what to fix,
// on the API and on the search page, never a 500.
func TestSearchQueriesGiveResultsOr400(t *testing.T) {
	srv, _ := newTestServer(t, Options{})
	for _, q := range []string{"*", "**", "-", `""`, "()", "AND", "NOT", "title:"} {
		resp, body := get(t, srv, "/api/v1/search?q="+url.QueryEscape(q))
		var e apiError
		decode(t, body, &e)
		if resp.StatusCode != http.StatusBadRequest || !strings.Contains(e.Error, "Type at least one word") {
			t.Errorf("API search %q: status %d, error %q; want 400 saying what to type", q, resp.StatusCode, e.Error)
		}
		resp, body = get(t, srv, "/search?q="+url.QueryEscape(q))
		if resp.StatusCode != http.StatusBadRequest || !strings.Contains(body, "Type at least one word") {
			t.Errorf("search page %q: status %d; want 400 saying what to type", q, resp.StatusCode)
		}
	}
	for q, want := range map[string]int{
		"* convoys": 3, "convoys*": 3, `"aid convoys`: 3, "(convoys": 3, "NEAR(convoys": 3, "title:kessel": 2,
		"AND convoys": 3, "convoys -harvest": 0, "^convoys": 3, "outlet:convoys": 3,
	} {
		resp, body := get(t, srv, "/api/v1/search?q="+url.QueryEscape(q))
		var res SearchResult
		decode(t, body, &res)
		if resp.StatusCode != http.StatusOK || res.Total != want {
			t.Errorf("API search %q: status %d, total %d; want 200 with %d", q, resp.StatusCode, res.Total, want)
		}
		if resp, _ := get(t, srv, "/search?q="+url.QueryEscape(q)); resp.StatusCode != http.StatusOK {
			t.Errorf("search page %q: status %d, want 200", q, resp.StatusCode)
		}
	}
}

// Dates that do not exist are refused, and the month facet links only
// ever carry dates that do.
func TestImpossibleDatesAndMonthLinks(t *testing.T) {
	srv, _ := newTestServer(t, Options{})
	for _, q := range []string{"until=2017-04-31", "since=2023-02-29", "since=2024-13-01", "until=2024-00-10"} {
		resp, body := get(t, srv, "/api/v1/search?"+q)
		if resp.StatusCode != http.StatusBadRequest || !strings.Contains(body, "exists") {
			t.Errorf("API search %s: status %d, want 400 saying the date does not exist", q, resp.StatusCode)
		}
		if resp, _ := get(t, srv, "/search?"+q); resp.StatusCode != http.StatusBadRequest {
			t.Errorf("search page %s: status %d, want 400", q, resp.StatusCode)
		}
	}
	if resp, _ := get(t, srv, "/api/v1/search?since=2024-02-29"); resp.StatusCode != http.StatusOK {
		t.Errorf("a leap day: status %d, want 200", resp.StatusCode)
	}
	v := searchView{params: url.Values{"q": {"convoys"}, "page": {"3"}}}
	for month, want := range map[string]string{
		"2017-04": "since=2017-04-01&until=2017-04-30",
		"2024-02": "since=2024-02-01&until=2024-02-29",
		"2023-02": "since=2023-02-01&until=2023-02-28",
		"2024-12": "since=2024-12-01&until=2024-12-31",
		"2024-1x": "",
	} {
		link := v.MonthLink(month)
		if !strings.Contains(link, want) || strings.Contains(link, "page=") {
			t.Errorf("MonthLink(%s) = %s, want %s and no page", month, link, want)
		}
		if want == "" && strings.Contains(link, "until") {
			t.Errorf("MonthLink(%s) = %s: a filter from a date that is not a month", month, link)
		}
	}
	// Every month link the page shows leads somewhere.
	_, body := get(t, srv, "/search?q=convoys")
	for _, part := range strings.Split(body, `href="/search?`)[1:] {
		link := strings.ReplaceAll(part[:strings.IndexByte(part, '"')], "&amp;", "&")
		if resp, _ := get(t, srv, "/search?"+link); resp.StatusCode != http.StatusOK {
			t.Errorf("link /search?%s on the search page: status %d", link, resp.StatusCode)
		}
	}
}

// /static/ serves files, never a listing of its directory.
func TestStaticDirectoryIsNotListed(t *testing.T) {
	srv, _ := newTestServer(t, Options{})
	for _, p := range []string{"/static/", "/static", "/static/./", "/static//"} {
		resp, body := get(t, srv, p)
		if resp.StatusCode != http.StatusNotFound || strings.Contains(body, `href="app.js"`) {
			t.Errorf("GET %s: status %d, listing %v; want a 404 page", p, resp.StatusCode, strings.Contains(body, `href="app.js"`))
		}
	}
	if resp, _ := get(t, srv, "/static/style.css"); resp.StatusCode != http.StatusOK {
		t.Errorf("GET /static/style.css: status %d", resp.StatusCode)
	}
}

// slowStore holds every search until released, counting the searches
// that reach it.
type slowStore struct {
	Store
	mu       sync.Mutex
	searches int
	release  chan struct{}
}

func (s *slowStore) Search(ctx context.Context, q sift.Query) ([]sift.Hit, int, error) {
	s.mu.Lock()
	s.searches++
	s.mu.Unlock()
	<-s.release
	return s.Store.Search(ctx, q)
}

func (s *slowStore) count() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.searches
}

// Under more concurrent searches than it runs, the server sheds the
// excess with 503 and Retry-After instead of queueing them, and requests
// for the same search share one store search.
func TestSearchLoadIsShed(t *testing.T) {
	db, _ := fixture(t)
	st := &slowStore{Store: db, release: make(chan struct{})}
	h := New(st, Options{MaxSearches: 1, MaxWaiting: 1, ErrorLog: log.New(io.Discard, "", 0)})
	type answer struct {
		status int
		retry  string
	}
	answers := make(chan answer, 10)
	for i := range 10 {
		go func() {
			// Three distinct searches: one runs, one waits, one is shed;
			// the repeats of each share it.
			req, _ := http.NewRequest("GET", "/api/v1/search?q=convoys&page="+string(rune('1'+i%3)), nil)
			w := httptest.NewRecorder()
			h.ServeHTTP(w, req)
			answers <- answer{w.Code, w.Header().Get("Retry-After")}
		}()
	}
	deadline := time.Now().Add(5 * time.Second)
	for st.count() < 1 && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	time.Sleep(200 * time.Millisecond) // let the others queue or be shed
	var shed int
	for range 3 { // the shed ones answer while the store is still held
		select {
		case a := <-answers:
			if a.status != http.StatusServiceUnavailable || a.retry == "" {
				t.Fatalf("answered %d (Retry-After %q) while the store was busy; want 503 with Retry-After", a.status, a.retry)
			}
			shed++
		case <-time.After(3 * time.Second):
			t.Fatalf("only %d requests were shed while the store was busy", shed)
		}
	}
	close(st.release)
	for range 10 - shed {
		if a := <-answers; a.status != http.StatusOK {
			t.Errorf("after release: status %d, want 200", a.status)
		}
	}
	if n := st.count(); n != 2 {
		t.Errorf("%d store searches for 2 distinct searches served", n)
	}
}

// A cached search is served again from memory until a write through the
// server changes the store.
func TestSearchCacheClearedByWrites(t *testing.T) {
	db, _ := fixture(t)
	st := &slowStore{Store: db, release: make(chan struct{})}
	close(st.release)
	in := ingest.New(db, &analyze.Pipeline{})
	srv := httptest.NewServer(New(st, Options{Token: testToken, Ingest: in.Add, ErrorLog: log.New(io.Discard, "", 0)}))
	t.Cleanup(srv.Close)
	for range 3 {
		get(t, srv, "/api/v1/search?q=harbour")
	}
	if n := st.count(); n != 1 {
		t.Fatalf("3 identical searches reached the store %d times, want 1", n)
	}
	resp, body := do(t, srv, "POST", "/api/v1/articles", "application/json", testToken,
		strings.NewReader(`{"title":"Harbour reopens","text":"The harbour of Orlen reopened on Friday after repairs, the port authority said.","outlet":"Orlen Post"}`))
	if resp.StatusCode/100 != 2 {
		t.Fatalf("post: %d %s", resp.StatusCode, body)
	}
	_, body = get(t, srv, "/api/v1/search?q=harbour")
	var res SearchResult
	decode(t, body, &res)
	if res.Total != 1 || st.count() != 2 {
		t.Fatalf("after a write: total %d from %d store searches; want the new article from a fresh search", res.Total, st.count())
	}
}
