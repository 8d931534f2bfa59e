package fetch

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"
)

// testOptions are fast options for local test servers, which are loopback
// and so need AllowPrivate.
func testOptions() Options {
	return Options{AllowPrivate: true, HostInterval: time.Millisecond, Backoff: time.Millisecond, Timeout: 5 * time.Second}
}

func TestRefusesLoopbackWithoutAllowPrivate(t *testing.T) {
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		w.Write([]byte("secret"))
	}))
	defer srv.Close()
	_, port, _ := net.SplitHostPort(strings.TrimPrefix(srv.URL, "http://"))
	c := New(Options{HostInterval: time.Millisecond, Backoff: time.Millisecond})
	// By IP and by a name that resolves to loopback: both refused at dial time.
	for _, u := range []string{srv.URL + "/x", "http://localhost:" + port + "/x"} {
		_, err := c.Get(context.Background(), u, Conditional{})
		if !errors.Is(err, ErrPrivateAddress) {
			t.Errorf("Get(%s) error = %v, want ErrPrivateAddress", u, err)
		}
	}
	if hits.Load() != 0 {
		t.Errorf("server was reached %d times", hits.Load())
	}
}

func TestRedirectToLoopbackRefused(t *testing.T) {
	// The only server a test can run is loopback, so allow the first hop
	// by dialling through a custom Control that blocks only the target.
	target := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		t.Error("redirect target was reached")
	}))
	defer target.Close()
	front := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, target.URL+"/inner", http.StatusFound)
	}))
	defer front.Close()
	opt := testOptions()
	opt.IgnoreRobots = true
	c := New(opt)
	frontAddr := strings.TrimPrefix(front.URL, "http://")
	tr := c.http.Transport.(*http.Transport)
	d := &net.Dialer{Control: func(network, address string, rc syscall.RawConn) error {
		if address == frontAddr {
			return nil
		}
		return refusePrivate(network, address, rc)
	}}
	tr.DialContext = d.DialContext
	_, err := c.Get(context.Background(), front.URL+"/", Conditional{})
	if !errors.Is(err, ErrPrivateAddress) {
		t.Fatalf("error = %v, want ErrPrivateAddress", err)
	}
}

func TestBlocked(t *testing.T) {
	for _, tc := range []struct {
		ip      string
		blocked bool
	}{
		{"127.0.0.1", true}, {"10.1.2.3", true}, {"172.16.0.1", true}, {"192.168.1.1", true},
		{"169.254.169.254", true}, {"0.0.0.0", true}, {"100.64.0.1", true}, {"224.0.0.1", true},
		{"::1", true}, {"::", true}, {"fe80::1", true}, {"fc00::1", true}, {"::ffff:127.0.0.1", true},
		{"8.8.8.8", false}, {"93.184.216.34", false}, {"2606:4700::1111", false},
	} {
		if got := Blocked(net.ParseIP(tc.ip)); got != tc.blocked {
			t.Errorf("Blocked(%s) = %v, want %v", tc.ip, got, tc.blocked)
		}
	}
}

func TestUserAgentAndConditionalGet(t *testing.T) {
	var agents []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			http.NotFound(w, r)
			return
		}
		agents = append(agents, r.UserAgent())
		if r.Header.Get("If-None-Match") == `"v1"` {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", `"v1"`)
		w.Header().Set("Last-Modified", "Mon, 02 Jan 2006 15:04:05 GMT")
		w.Write([]byte("<p>hello</p>"))
	}))
	defer srv.Close()
	c := New(testOptions())
	r1, err := c.Get(context.Background(), srv.URL+"/page", Conditional{})
	if err != nil {
		t.Fatal(err)
	}
	if string(r1.Body) != "<p>hello</p>" || r1.ETag != `"v1"` || r1.NotModified {
		t.Fatalf("first response = %+v", r1)
	}
	r2, err := c.Get(context.Background(), srv.URL+"/page", Conditional{ETag: r1.ETag, LastModified: r1.LastModified})
	if err != nil {
		t.Fatal(err)
	}
	if !r2.NotModified || len(r2.Body) != 0 || r2.ETag != `"v1"` {
		t.Fatalf("conditional response = %+v, want NotModified keeping the ETag", r2)
	}
	for _, a := range agents {
		if !strings.HasPrefix(a, "sift/") || !strings.Contains(a, "+http") {
			t.Errorf("User-Agent %q does not name sift and a URL", a)
		}
	}
}

func TestRobotsDisallow(t *testing.T) {
	var private atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/robots.txt":
			w.Write([]byte("User-agent: *\nDisallow: /private/\nAllow: /private/ok.html\n"))
		case "/private/page.html":
			private.Add(1)
		}
		w.Write([]byte("page"))
	}))
	defer srv.Close()
	c := New(testOptions())
	if _, err := c.Get(context.Background(), srv.URL+"/private/page.html", Conditional{}); !errors.Is(err, ErrRobots) {
		t.Errorf("disallowed page: error = %v, want ErrRobots", err)
	}
	if private.Load() != 0 {
		t.Error("disallowed page was requested")
	}
	if _, err := c.Get(context.Background(), srv.URL+"/private/ok.html", Conditional{}); err != nil {
		t.Errorf("explicitly allowed page: %v", err)
	}
	if _, err := c.Get(context.Background(), srv.URL+"/public.html", Conditional{}); err != nil {
		t.Errorf("public page: %v", err)
	}
}

func TestParseRobotsPicksOwnGroup(t *testing.T) {
	text := "User-agent: *\nDisallow: /\n\nUser-agent: sift\nUser-agent: other\nDisallow: /search\nCrawl-delay: 2\n"
	rules, delay := parseRobots(text, "sift")
	e := &robotsEntry{rules: rules}
	if !e.allows("/news/a.html") || e.allows("/search?q=x") {
		t.Errorf("sift group not applied: rules %+v", rules)
	}
	if delay != 2*time.Second {
		t.Errorf("crawl delay = %v, want 2s", delay)
	}
}

func TestRobotsMatch(t *testing.T) {
	for _, tc := range []struct {
		pattern, path string
		want          bool
	}{
		{"/a", "/a/b", true}, {"/a", "/b", false}, {"/*.pdf$", "/x/y.pdf", true},
		{"/*.pdf$", "/x/y.pdf?z", false}, {"/p*q", "/p/x/q/r", true}, {"/end$", "/end", true}, {"/end$", "/ending", false},
	} {
		if got := robotsMatch(tc.pattern, tc.path); got != tc.want {
			t.Errorf("robotsMatch(%q, %q) = %v, want %v", tc.pattern, tc.path, got, tc.want)
		}
	}
}

func TestSizeLimit(t *testing.T) {
	big := bytes.Repeat([]byte("a"), 1<<20)
	var zipped bytes.Buffer
	zw := gzip.NewWriter(&zipped)
	for range 64 { // 64 MiB when inflated
		zw.Write(big)
	}
	zw.Close()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/big":
			w.Write(big)
		case "/bomb":
			w.Header().Set("Content-Encoding", "gzip")
			w.Write(zipped.Bytes())
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	opt := testOptions()
	opt.MaxBytes = 100 << 10
	c := New(opt)
	for _, p := range []string{"/big", "/bomb"} {
		if _, err := c.Get(context.Background(), srv.URL+p, Conditional{}); !errors.Is(err, ErrTooLarge) {
			t.Errorf("%s: error = %v, want ErrTooLarge", p, err)
		}
	}
}

func TestRedirectLimit(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			http.NotFound(w, r)
			return
		}
		http.Redirect(w, r, r.URL.Path+"x", http.StatusFound)
	}))
	defer srv.Close()
	c := New(testOptions())
	if _, err := c.Get(context.Background(), srv.URL+"/r", Conditional{}); !errors.Is(err, ErrRedirects) {
		t.Errorf("error = %v, want ErrRedirects", err)
	}
}

func TestRetriesTransientFailuresOnly(t *testing.T) {
	var flaky, missing atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/flaky":
			if flaky.Add(1) < 3 {
				http.Error(w, "busy", http.StatusServiceUnavailable)
				return
			}
			w.Write([]byte("ok"))
		case "/missing":
			missing.Add(1)
			http.NotFound(w, r)
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	c := New(testOptions())
	r, err := c.Get(context.Background(), srv.URL+"/flaky", Conditional{})
	if err != nil || string(r.Body) != "ok" {
		t.Fatalf("flaky: %v", err)
	}
	if flaky.Load() != 3 {
		t.Errorf("flaky requested %d times, want 3", flaky.Load())
	}
	_, err = c.Get(context.Background(), srv.URL+"/missing", Conditional{})
	var se *StatusError
	if !errors.As(err, &se) || se.Status != 404 {
		t.Errorf("missing: error = %v, want a 404 StatusError", err)
	}
	if missing.Load() != 1 {
		t.Errorf("404 retried: %d requests", missing.Load())
	}
}

func TestPerHostInterval(t *testing.T) {
	var times []time.Time
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		times = append(times, time.Now())
		w.Write([]byte("ok"))
	}))
	defer srv.Close()
	opt := testOptions()
	opt.HostInterval = 50 * time.Millisecond
	opt.IgnoreRobots = true
	c := New(opt)
	for range 3 {
		if _, err := c.Get(context.Background(), srv.URL+"/", Conditional{}); err != nil {
			t.Fatal(err)
		}
	}
	// Slots are booked when a request starts, so measure over two gaps
	// to absorb the first request's connection set-up.
	if span := times[2].Sub(times[0]); span < 90*time.Millisecond {
		t.Errorf("three requests to one host within %v, want at least 2 × 50ms apart", span)
	}
}

func TestRefusesOtherSchemes(t *testing.T) {
	c := New(testOptions())
	for _, u := range []string{"file:///etc/passwd", "ftp://example.com/x", "gopher://x"} {
		if _, err := c.Get(context.Background(), u, Conditional{}); !errors.Is(err, ErrScheme) {
			t.Errorf("Get(%s) error = %v, want ErrScheme", u, err)
		}
	}
}

// A robots.txt that cannot be fetched keeps sift away from the host, as
// RFC 9309 asks, and says what happened rather than that robots.txt
// disallows the page; a missing one (4xx) allows everything.
func TestRobotsUnreachable(t *testing.T) {
	var pages atomic.Int32
	var status atomic.Int32
	status.Store(http.StatusServiceUnavailable)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			w.WriteHeader(int(status.Load()))
			return
		}
		pages.Add(1)
		w.Write([]byte("page"))
	}))
	defer srv.Close()
	c := New(testOptions())
	_, err := c.Get(context.Background(), srv.URL+"/news/a.html", Conditional{})
	if !errors.Is(err, ErrRobotsUnreachable) || errors.Is(err, ErrRobots) || !strings.Contains(err.Error(), "503") {
		t.Errorf("robots.txt answering 503: error = %v, want ErrRobotsUnreachable naming the status", err)
	}
	if pages.Load() != 0 {
		t.Error("a page was fetched while robots.txt could not be read")
	}

	// Nothing listens: connection refused.
	dead := httptest.NewServer(http.NotFoundHandler())
	deadURL := dead.URL
	dead.Close()
	_, err = New(testOptions()).Get(context.Background(), deadURL+"/news/a.html", Conditional{})
	t.Logf("no server: %v", err)
	if !errors.Is(err, ErrRobotsUnreachable) || errors.Is(err, ErrRobots) || !strings.Contains(err.Error(), "refused") {
		t.Errorf("no server: error = %v, want ErrRobotsUnreachable saying the connection was refused", err)
	}

	status.Store(http.StatusNotFound)
	if _, err := New(testOptions()).Get(context.Background(), srv.URL+"/news/a.html", Conditional{}); err != nil || pages.Load() != 1 {
		t.Errorf("robots.txt missing (404): error = %v, %d pages fetched; want the page", err, pages.Load())
	}
}
