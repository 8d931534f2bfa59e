package main

import (
	"encoding/json"
	"fmt"
	"html"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCommandsPrintTheSameOnBothStores stores the same articles in a
// SQLite file (sift ingest) and in PostgreSQL (sift ingest, then sift
// worker), watches the same feed into both (sift watch), and checks that
// every listing command prints exactly the same on both stores.
func TestCommandsPrintTheSameOnBothStores(t *testing.T) {
	pg := postgresTestURL(t)
	dir := t.TempDir()
	lite := filepath.Join(dir, "sift.db")
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	inputs := []struct{ path, outlet string }{
		{write("wire.txt", wireReport), "Wire"},
		{write("spun.txt", strings.ReplaceAll(strings.ReplaceAll(wireReport, "Russia", "the Russian Federation"), "damaged", "destroyed")), "Spinner"},
		{write("other.txt", otherEvent), "Daily"},
		{write("bridge.txt", article), "Orlen Herald"},
	}
	must := func(args ...string) string {
		t.Helper()
		out, e, code := run(t, "", args...)
		if code != 0 {
			t.Fatalf("sift %s: exit %d: %s", strings.Join(args, " "), code, e)
		}
		return out
	}
	// One input at a time, so that both stores receive (and link) the
	// articles in the same order.
	for _, in := range inputs {
		must("ingest", "--db", lite, "--outlet", in.outlet, "--quiet", in.path)
		must("ingest", "--db", pg, "--outlet", in.outlet, "--quiet", in.path)
		must("worker", "--db", pg, "--once", "--workers", "1", "--quiet")
	}

	// A feed of two pages and a dead link, watched into both stores.
	mux := http.NewServeMux()
	srv := httptest.NewServer(mux)
	defer srv.Close()
	mux.HandleFunc("/feed.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Orlen Wire</title>`)
		for _, p := range []string{"/convoy", "/floods", "/gone"} {
			fmt.Fprintf(w, `<item><title>%s</title><link>%s%s</link><pubDate>Tue, 07 May 2024 10:00:00 GMT</pubDate></item>`, p, srv.URL, p)
		}
		fmt.Fprint(w, `</channel></rss>`)
	})
	page := func(text string) http.HandlerFunc {
		title, body, _ := strings.Cut(text, "\n\n")
		return func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			fmt.Fprintf(w, "<html><head><title>%s</title></head><body><article><h1>%s</h1>", html.EscapeString(title), html.EscapeString(title))
			for _, p := range strings.Split(strings.TrimSpace(body), "\n\n") {
				fmt.Fprintf(w, "<p>%s</p>", html.EscapeString(p))
			}
			fmt.Fprint(w, "</article></body></html>")
		}
	}
	mux.HandleFunc("/convoy", page(strings.ReplaceAll(wireReport, "forty", "forty-two")))
	mux.HandleFunc("/floods", page(otherEvent))
	for _, db := range []string{lite, pg} {
		// The dead link is an item error: counted, and the exit status
		// says something failed, as ingest's does.
		_, e, code := run(t, "", "watch", "--db", db, "--once", "--allow-private", "--host-interval", "1ms", "--quiet", srv.URL+"/feed.xml")
		if code != 1 || !strings.Contains(e, "2 stored, 1 item error") || !strings.Contains(e, "/gone") {
			t.Fatalf("sift watch --once with a dead link: exit %d, want 1 naming it: %s", code, e)
		}
	}

	for _, args := range [][]string{
		{"stories"},
		{"stories", "--format", "json"},
		{"stories", "--min", "2"},
		{"entities"},
		{"entities", "--format", "json", "--related", "3"},
		{"entities", "--type", "LOC", "--name", "or"},
		{"outlets"},
		{"outlets", "--format", "json"},
		{"quotes", "--format", "json"},
	} {
		want := must(append(args, "--db", lite)...)
		got := must(append(args, "--db", pg)...)
		if strings.TrimSpace(want) == "" {
			t.Errorf("sift %s printed nothing", strings.Join(args, " "))
		}
		if got != want {
			t.Errorf("sift %s differs:\n--- SQLite\n%s\n--- PostgreSQL\n%s", strings.Join(args, " "), want, got)
		}
	}

	// Feed health: the same but for the times of the two polls.
	feeds := func(db string) []feedReport {
		var out []feedReport
		for _, line := range strings.Split(strings.TrimSpace(must("feeds", "--db", db, "--format", "json")), "\n") {
			var r feedReport
			if err := json.Unmarshal([]byte(line), &r); err != nil {
				t.Fatalf("%v: %s", err, line)
			}
			if r.LastSuccess == "" || r.LastItem == "" {
				t.Errorf("feed never succeeded or never had an item: %s", line)
			}
			r.LastSuccess, r.LastItem, r.QuietHours = "", "", 0
			out = append(out, r)
		}
		return out
	}
	want, got := feeds(lite), feeds(pg)
	if len(want) != 1 || want[0].PerDay == 0 || want[0].Title != "Orlen Wire" {
		t.Errorf("feeds on SQLite: %+v, want one feed with the two stored pages counted", want)
	}
	if fmt.Sprintf("%+v", got) != fmt.Sprintf("%+v", want) {
		t.Errorf("sift feeds differs:\nSQLite     %+v\nPostgreSQL %+v", want, got)
	}
}

// TestStoriesOnPostgresLinksWhatWorkersLeft stores articles with workers
// that do not link (as when a worker dies between storing and linking) and
// checks that sift stories links them before listing, as it does on SQLite.
func TestStoriesOnPostgresLinksWhatWorkersLeft(t *testing.T) {
	pg := postgresTestURL(t)
	dir := t.TempDir()
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	wire, other, copied := write("wire.txt", wireReport), write("other.txt", otherEvent), write("copy.txt", wireReport)
	for _, args := range [][]string{
		{"ingest", "--db", pg, "--outlet", "Wire", "--quiet", wire, other},
		{"ingest", "--db", pg, "--outlet", "Copycat", "--quiet", copied},
		{"worker", "--db", pg, "--once", "--link=false", "--quiet"},
	} {
		if _, e, code := run(t, "", args...); code != 0 {
			t.Fatalf("sift %s: exit %d: %s", args[0], code, e)
		}
	}
	out, e, code := run(t, "", "stories", "--db", pg, "--format", "json")
	if code != 0 {
		t.Fatalf("stories: exit %d: %s", code, e)
	}
	var sizes []int
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var st struct {
			Articles []json.RawMessage `json:"articles"`
		}
		if err := json.Unmarshal([]byte(line), &st); err != nil {
			t.Fatalf("%v: %q", err, out)
		}
		sizes = append(sizes, len(st.Articles))
	}
	if fmt.Sprint(sizes) != "[2 1]" {
		t.Fatalf("story sizes %v, want [2 1] (the report and its copy, the other event):\n%s", sizes, out)
	}
}
