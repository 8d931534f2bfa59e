package main

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/sift-news/sift/internal/demo"
	"github.com/sift-news/sift/internal/sqlite"
)

// Crash safety and concurrent writers, tested as an operator meets them:
// sift ingest killed with SIGKILL at several points and run again, and
// three sift ingest processes writing one store at once, each compared
// table by table (every row of every table, ordered, ignoring only the
// times rows were written) with a store that ran undisturbed.

// demoJSONL writes the bundled demo corpus as JSON Lines, copies times:
// copy k > 0 of each article comes from outlet "NAME k", so that every
// copy is an article of its own, linked to the others as a duplicate. It
// returns the path and the lines.
func demoJSONL(t *testing.T, dir string, copies int) (string, []string) {
	t.Helper()
	es, err := demo.Corpus()
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for k := range copies {
		for _, e := range es {
			d := e.Document
			outlet := d.Outlet
			if k > 0 {
				outlet = fmt.Sprintf("%s %d", outlet, k)
			}
			b, err := json.Marshal(map[string]string{"text": d.Body, "outlet": outlet, "published": d.Published,
				"url": d.URL, "source": d.Source})
			if err != nil {
				t.Fatal(err)
			}
			lines = append(lines, string(b))
		}
	}
	return writeLines(t, filepath.Join(dir, "demo.jsonl"), lines), lines
}

// writeLines writes lines to path and returns it.
func writeLines(t *testing.T, path string, lines []string) string {
	t.Helper()
	if err := os.WriteFile(path, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// timestampColumns are the columns that say when a row was written, the
// only ones two runs may differ in.
var timestampColumns = map[string]bool{"ingested_at": true, "created_at": true, "applied_at": true}

// dumpTables reads every row of every table of the store at path (the
// full-text index through its content and an integrity check), ordered.
func dumpTables(t *testing.T, path string) map[string][]string {
	t.Helper()
	st, err := sqlite.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	db := st.SQL()
	ctx := context.Background()
	names, err := column[string](ctx, db, `SELECT name FROM sqlite_master WHERE type = 'table'
		AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'articles_fts%' ORDER BY name`)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]string{}
	for _, name := range names {
		cols, err := column[string](ctx, db, `SELECT name FROM pragma_table_info(?) ORDER BY cid`, name)
		if err != nil {
			t.Fatal(err)
		}
		var keep []string
		for _, c := range cols {
			if !timestampColumns[c] {
				keep = append(keep, `"`+c+`"`)
			}
		}
		list := strings.Join(keep, ", ")
		rows, err := db.QueryContext(ctx, `SELECT `+list+` FROM "`+name+`" ORDER BY `+list)
		if err != nil {
			t.Fatalf("dumping %s: %v", name, err)
		}
		vals := make([]any, len(keep))
		ptrs := make([]any, len(keep))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		for rows.Next() {
			if err := rows.Scan(ptrs...); err != nil {
				t.Fatal(err)
			}
			var b strings.Builder
			for i, v := range vals {
				if i > 0 {
					b.WriteString(" | ")
				}
				if bs, ok := v.([]byte); ok {
					v = fmt.Sprintf("%x", bs)
				}
				fmt.Fprintf(&b, "%v", v)
			}
			out[name] = append(out[name], b.String())
		}
		if err := rows.Close(); err != nil {
			t.Fatal(err)
		}
		if out[name] == nil {
			out[name] = []string{}
		}
	}
	if _, err := db.ExecContext(ctx, `INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')`); err != nil {
		t.Errorf("full-text index of %s: %v", path, err)
	}
	matches, err := column[string](ctx, db, `SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'ceasefire OR market' ORDER BY rowid`)
	if err != nil {
		t.Fatal(err)
	}
	out["(fts matches)"] = matches
	return out
}

// column reads the first column of a query's rows.
func column[T any](ctx context.Context, db *sql.DB, query string, args ...any) ([]T, error) {
	rows, err := db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []T
	for rows.Next() {
		var v T
		if err := rows.Scan(&v); err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

// diffTables reports the tables in which got differs from want, with the
// first differing rows of each.
func diffTables(want, got map[string][]string) []string {
	var names []string
	for n := range want {
		names = append(names, n)
	}
	for n := range got {
		if _, ok := want[n]; !ok {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	var out []string
	for _, n := range names {
		w, g := want[n], got[n]
		if strings.Join(w, "\n") == strings.Join(g, "\n") {
			continue
		}
		i := 0
		for i < len(w) && i < len(g) && w[i] == g[i] {
			i++
		}
		if i >= len(w) || i >= len(g) {
			out = append(out, fmt.Sprintf("%s: %d rows, want %d", n, len(g), len(w)))
			continue
		}
		// The columns in which the first differing rows differ.
		gc, wc := strings.Split(g[i], " | "), strings.Split(w[i], " | ")
		var cols []string
		for j := range max(len(gc), len(wc)) {
			cell := func(c []string) string {
				if j >= len(c) {
					return "(none)"
				}
				if len(c[j]) > 200 {
					return c[j][:200] + "…"
				}
				return c[j]
			}
			if cell(gc) != cell(wc) {
				cols = append(cols, fmt.Sprintf("column %d: got %s, want %s", j, cell(gc), cell(wc)))
			}
		}
		out = append(out, fmt.Sprintf("%s: %d rows, want %d; row %d (%.60s…) differs in %s",
			n, len(g), len(w), i, g[i], strings.Join(cols, "; ")))
	}
	return out
}

// ingestArgs are the arguments of every ingest of these tests: small
// batches, so that a kill can fall between them, and one worker each.
func ingestArgs(db string, inputs ...string) []string {
	return append([]string{"ingest", "--db", db, "--quiet", "--batch", "12", "--workers", "1"}, inputs...)
}

// finished reports whether an ingest ran to its end: exit 0, or 1 for
// inputs that failed (named on standard error) with the summary last.
func finished(code int, stderr string) bool {
	lines := strings.Split(strings.TrimSpace(stderr), "\n")
	last := lines[len(lines)-1]
	return code == 0 || code == 1 && strings.HasPrefix(last, "sift ingest: ") && strings.Contains(last, " failed")
}

// killAndResume kills an ingest of input into a fresh store at each of the
// given points (fractions of the undisturbed run's time), runs it again,
// and compares every table with the undisturbed store.
func killAndResume(t *testing.T, dir, input string, points []float64) {
	clean := filepath.Join(dir, "clean.db")
	start := time.Now()
	if _, e, code := run(t, "", ingestArgs(clean, input)...); !finished(code, e) {
		t.Fatalf("undisturbed ingest: exit %d: %s", code, e)
	}
	took := time.Since(start)
	want := dumpTables(t, clean)
	if len(want["articles"]) == 0 || len(want["story_articles"]) != len(want["articles"]) || len(want["reuse"]) == 0 {
		t.Fatalf("the undisturbed store has %d articles, %d in stories, %d reuse links: nothing to compare",
			len(want["articles"]), len(want["story_articles"]), len(want["reuse"]))
	}
	for _, at := range points {
		db := filepath.Join(dir, fmt.Sprintf("killed-%02.0f.db", 100*at))
		cmd := exec.Command(siftBin, ingestArgs(db, input)...)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Duration(at * float64(took)))
		cmd.Process.Signal(syscall.SIGKILL)
		cmd.Wait()
		state := "nothing stored"
		if _, err := os.Stat(db); err == nil {
			d := dumpTables(t, db)
			pending := 0
			for _, r := range d["article_claims"] {
				if strings.HasSuffix(r, "| <nil> | 0") {
					pending++
				}
			}
			state = fmt.Sprintf("%d articles, %d linked, %d claims to link", len(d["articles"]), len(d["link_articles"]), pending)
		}
		if _, e, code := run(t, "", ingestArgs(db, input)...); !finished(code, e) {
			t.Fatalf("rerun after a kill at %.0f%% (%s): exit %d: %s", 100*at, state, code, e)
		}
		diffs := diffTables(want, dumpTables(t, db))
		t.Logf("killed at %.0f%% of %s: %s; after the rerun %d tables differ", 100*at, took.Round(time.Millisecond), state, len(diffs))
		for _, d := range diffs {
			t.Errorf("killed at %.0f%% (%s), then rerun: %s", 100*at, state, d)
		}
	}
}

// An ingest killed at any point and run again gives the very store an
// undisturbed run gives: articles, their facts, template line counts,
// stories, reuse links, claims and the linker's own state.
func TestKilledIngestRerunGivesTheSameStore(t *testing.T) {
	if testing.Short() {
		t.Skip("runs sift ingest 9 times")
	}
	dir := t.TempDir()
	input, _ := demoJSONL(t, dir, 2)
	killAndResume(t, dir, input, []float64{0.15, 0.4, 0.65, 0.9})
}

// The same on the first 240 articles of FA-KES (../shared/data/fa-kes),
// when it is there: real scraped news, with its copies and its rows
// without text.
func TestKilledIngestOfFAKESRerunGivesTheSameStore(t *testing.T) {
	if testing.Short() {
		t.Skip("ingests part of FA-KES 5 times")
	}
	f, err := os.Open(filepath.Join("..", "..", "..", "shared", "data", "fa-kes", "FA-KES-Dataset.csv"))
	if err != nil {
		t.Skipf("FA-KES not found: %v", err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.LazyQuotes = true
	dir := t.TempDir()
	input := filepath.Join(dir, "fa-kes-part.csv")
	out, err := os.Create(input)
	if err != nil {
		t.Fatal(err)
	}
	w := csv.NewWriter(out)
	for range 241 { // the header and 240 articles
		rec, err := r.Read()
		if err != nil {
			t.Fatal(err)
		}
		w.Write(rec)
	}
	w.Flush()
	if err := errors.Join(w.Error(), out.Close()); err != nil {
		t.Fatal(err)
	}
	killAndResume(t, dir, input, []float64{0.3, 0.7})
}

// Three sift ingest processes of overlapping inputs, a sift watch and a
// sift serve taking POSTed articles, all writing one store at once, all
// succeed (migrations, batches and linking wait for each other instead of
// failing), store every article once and link them all: the store holds
// what the same runs one after the other store.
func TestConcurrentWritersOnOneStore(t *testing.T) {
	if testing.Short() {
		t.Skip("runs sift ingest, watch and serve twice each")
	}
	dir := t.TempDir()
	_, lines := demoJSONL(t, dir, 2)
	n := len(lines)
	inputs := []string{
		writeLines(t, filepath.Join(dir, "a.jsonl"), lines[:n/2]),
		writeLines(t, filepath.Join(dir, "b.jsonl"), lines[n/4:3*n/4]),
		writeLines(t, filepath.Join(dir, "c.jsonl"), lines[n/3:]),
	}
	docs := func(ls []string) []map[string]string {
		var out []map[string]string
		for _, l := range ls {
			var d map[string]string
			if err := json.Unmarshal([]byte(l), &d); err != nil {
				t.Fatal(err)
			}
			out = append(out, d)
		}
		return out
	}
	posted := docs(lines[10:18])    // also in a.jsonl
	fed := docs(lines[n-40 : n-34]) // also in c.jsonl, but fetched as pages: articles of their own
	feedURL := serveFeed(t, fed)

	writers := []func(db string) (string, error){
		func(db string) (string, error) { return siftRun(ingestArgs(db, inputs[0])...) },
		func(db string) (string, error) { return siftRun(ingestArgs(db, inputs[1])...) },
		func(db string) (string, error) { return siftRun(ingestArgs(db, inputs[2])...) },
		func(db string) (string, error) {
			return siftRun("watch", "--db", db, "--once", "--allow-private", "--host-interval", "1ms", "--workers", "2", "--quiet", feedURL)
		},
		func(db string) (string, error) { return postAll(t, db, posted) },
	}
	serial := filepath.Join(dir, "serial.db")
	shared := filepath.Join(dir, "shared.db")
	for i, w := range writers {
		if e, err := w(serial); err != nil {
			t.Fatalf("serial writer %d: %v: %s", i, err, e)
		}
	}
	errs := make(chan error, len(writers))
	for i, w := range writers {
		go func() {
			e, err := w(shared)
			if err != nil {
				err = fmt.Errorf("writer %d: %w: %s", i, err, e)
			}
			errs <- err
		}()
	}
	for range writers {
		if err := <-errs; err != nil {
			t.Errorf("concurrent %v", err)
		}
	}
	want, got := dumpTables(t, serial), dumpTables(t, shared)
	// The writers interleave their batches, so articles arrive (and are
	// linked) in another order than one run after the other: the stored
	// articles and everything analysed from them are the same, and every
	// article is linked once, into one story, with its claims linked.
	for _, table := range []string{"articles", "entities", "quotes", "techniques", "outlet_lines", "migrations"} {
		w, g := want[table], got[table]
		if table == "articles" {
			// rowid is the order of arrival and source the input that came
			// first; what the cleaner set aside (boilerplate, comments)
			// depends on the outlet's articles stored before, which the
			// interleaving changes.
			w, g = withoutColumns(w, 0, 2, 12, 13), withoutColumns(g, 0, 2, 12, 13)
		}
		if strings.Join(w, "\n") != strings.Join(g, "\n") {
			t.Errorf("%s differ from the serial runs': %v", table, diffTables(map[string][]string{table: w}, map[string][]string{table: g}))
		}
	}
	arts := len(got["articles"])
	if arts != len(want["articles"]) || arts < n/2 {
		t.Errorf("%d articles stored, want %d", arts, len(want["articles"]))
	}
	for _, table := range []string{"link_articles", "story_articles"} {
		if len(got[table]) != arts {
			t.Errorf("%d rows in %s for %d articles", len(got[table]), table, arts)
		}
	}
	seqs, err := seqsOf(shared)
	if err != nil {
		t.Fatal(err)
	}
	for i, s := range seqs {
		if s != i {
			t.Fatalf("link sequence numbers %v…: not 0..%d in order", seqs[:min(len(seqs), i+3)], arts-1)
		}
	}
	if len(got["article_claims"]) != len(want["article_claims"]) {
		t.Errorf("%d claims, want %d", len(got["article_claims"]), len(want["article_claims"]))
	}
	for _, r := range got["article_claims"] {
		if strings.HasSuffix(r, "| <nil> | 0") {
			t.Errorf("a claim was left unlinked: %s", r)
			break
		}
	}
	if len(got["reuse"]) == 0 || len(got["stories"]) == 0 || len(got["feed_items"]) != len(fed) {
		t.Errorf("%d reuse links, %d stories, %d feed items: not everything was stored and linked",
			len(got["reuse"]), len(got["stories"]), len(got["feed_items"]))
	}
}

// siftRun runs sift with args and returns its standard error, and an
// error unless it exited 0.
func siftRun(args ...string) (string, error) {
	cmd := exec.Command(siftBin, args...)
	var e strings.Builder
	cmd.Stderr = &e
	err := cmd.Run()
	return e.String(), err
}

// serveFeed serves an RSS feed of docs, each as an HTML page, and returns
// the feed's URL.
func serveFeed(t *testing.T, docs []map[string]string) string {
	t.Helper()
	mux := http.NewServeMux()
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	mux.HandleFunc("/feed.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Demo wire</title>`)
		for i := range docs {
			fmt.Fprintf(w, `<item><title>page %d</title><link>%s/page/%d</link></item>`, i, srv.URL, i)
		}
		fmt.Fprint(w, `</channel></rss>`)
	})
	for i, d := range docs {
		mux.HandleFunc(fmt.Sprintf("/page/%d", i), func(w http.ResponseWriter, r *http.Request) {
			title, body, _ := strings.Cut(d["text"], "\n")
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			fmt.Fprintf(w, "<html><head><title>%s</title></head><body><article><h1>%s</h1>", html.EscapeString(title), html.EscapeString(title))
			for _, p := range strings.Split(strings.TrimSpace(body), "\n\n") {
				fmt.Fprintf(w, "<p>%s</p>", html.EscapeString(p))
			}
			fmt.Fprint(w, "</article></body></html>")
		})
	}
	return srv.URL + "/feed.xml"
}

// postAll starts sift serve on db, POSTs docs to it one at a time, and
// stops it.
func postAll(t *testing.T, db string, docs []map[string]string) (string, error) {
	// sift serve opens a store that exists: the others, racing to create
	// and migrate it, make it.
	for deadline := time.Now().Add(30 * time.Second); ; time.Sleep(20 * time.Millisecond) {
		if _, err := os.Stat(db); err == nil {
			break
		}
		if time.Now().After(deadline) {
			return "", fmt.Errorf("no store at %s", db)
		}
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	addr := l.Addr().String()
	l.Close()
	const token = "concurrent-writers"
	cmd := exec.Command(siftBin, "serve", "--db", db, "--addr", addr, "--token", token)
	var e strings.Builder
	cmd.Stderr = &e
	if err := cmd.Start(); err != nil {
		return "", err
	}
	defer func() {
		cmd.Process.Signal(os.Interrupt)
		cmd.Wait()
	}()
	for deadline := time.Now().Add(30 * time.Second); ; {
		resp, err := http.Get("http://" + addr + "/api/v1/stories")
		if err == nil {
			resp.Body.Close()
			break
		}
		if time.Now().After(deadline) {
			return e.String(), fmt.Errorf("sift serve did not start: %w", err)
		}
		time.Sleep(50 * time.Millisecond)
	}
	for _, d := range docs {
		body, _ := json.Marshal(map[string]string{"text": d["text"], "outlet": d["outlet"], "published": d["published"], "url": d["url"]})
		req, _ := http.NewRequest("POST", "http://"+addr+"/api/v1/articles", bytes.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Authorization", "Bearer "+token)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			return e.String(), err
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode/100 != 2 {
			return e.String(), fmt.Errorf("POST: %s: %s", resp.Status, b)
		}
	}
	return e.String(), nil
}

// withoutColumns drops columns of dumped rows and sorts what is left.
func withoutColumns(rows []string, drop ...int) []string {
	out := make([]string, len(rows))
	for i, r := range rows {
		cols := strings.Split(r, " | ")
		var keep []string
		for j, c := range cols {
			if !slices.Contains(drop, j) {
				keep = append(keep, c)
			}
		}
		out[i] = strings.Join(keep, " | ")
	}
	sort.Strings(out)
	return out
}

// seqsOf returns the linker's sequence numbers in the store at path.
func seqsOf(path string) ([]int, error) {
	st, err := sqlite.Open(path)
	if err != nil {
		return nil, err
	}
	defer st.Close()
	return column[int](context.Background(), st.SQL(), `SELECT seq FROM link_articles ORDER BY seq`)
}
