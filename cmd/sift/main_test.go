package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/sift-news/sift"
)

// siftBin builds the command once for the tests that run it as a user would.
var siftBin string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "sift-test")
	if err != nil {
		panic(err)
	}
	siftBin = filepath.Join(dir, "sift")
	out, err := exec.Command("go", "build", "-o", siftBin, ".").CombinedOutput()
	if err != nil {
		os.Stderr.Write(out)
		panic(err)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

func run(t *testing.T, stdin string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	cmd := exec.Command(siftBin, args...)
	cmd.Stdin = strings.NewReader(stdin)
	var o, e bytes.Buffer
	cmd.Stdout, cmd.Stderr = &o, &e
	err := cmd.Run()
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return o.String(), e.String(), code
}

const article = `Bridge at Orlen reopens after repairs

ORLEN – The bridge over the Vell at Orlen reopened on Monday after six months of repairs, the regional roads office said.

“We are glad to have our bridge back,” said Mira Castell, the mayor of Orlen, according to the Orlen Herald.

Subscribe to our newsletter
`

// contractJSON is the contract of sift analyze --format json (DESIGN.md).
type contractJSON struct {
	Source      *string           `json:"source"`
	Title       *string           `json:"title"`
	Text        *string           `json:"text"`
	Outlet      *string           `json:"outlet"`
	Published   *string           `json:"published"`
	Language    *string           `json:"language"`
	Entities    []json.RawMessage `json:"entities"`
	Quotes      []json.RawMessage `json:"quotes"`
	Techniques  []json.RawMessage `json:"techniques"`
	Boilerplate []json.RawMessage `json:"boilerplate"`
	Comments    []json.RawMessage `json:"comments"`
}

type span struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

func checkSpan(t *testing.T, text []rune, what string, raw json.RawMessage) {
	t.Helper()
	var s span
	if err := json.Unmarshal(raw, &s); err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	if s.Start < 0 || s.End > len(text) || s.Start >= s.End {
		t.Fatalf("%s: offsets %d..%d outside text of %d code points", what, s.Start, s.End, len(text))
	}
	if s.Text != "" && string(text[s.Start:s.End]) != s.Text {
		t.Fatalf("%s: text[%d:%d] = %q, span says %q", what, s.Start, s.End, string(text[s.Start:s.End]), s.Text)
	}
}

func TestAnalyzeJSONContract(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.txt")
	os.WriteFile(good, []byte(article), 0o644)
	empty := filepath.Join(dir, "empty.txt")
	os.WriteFile(empty, nil, 0o644)
	binary := filepath.Join(dir, "photo.jpg")
	os.WriteFile(binary, []byte("\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x00\x00\x00"), 0o644)

	out, errOut, code := run(t, article, "analyze", "--format", "json", good, empty, binary, "-", filepath.Join(dir, "missing.txt"))
	if code == 0 {
		t.Errorf("exit status 0 although three inputs were bad")
	}
	for _, name := range []string{"empty.txt", "photo.jpg", "missing.txt"} {
		if !strings.Contains(errOut, name) {
			t.Errorf("standard error does not name %s:\n%s", name, errOut)
		}
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 2 {
		t.Fatalf("want one JSON line for each good input (2), got %d:\n%s", len(lines), out)
	}
	for i, l := range lines {
		var a contractJSON
		if err := json.Unmarshal([]byte(l), &a); err != nil {
			t.Fatalf("line %d is not JSON: %v", i, err)
		}
		if a.Source == nil || a.Title == nil || a.Text == nil || a.Outlet == nil || a.Published == nil || a.Language == nil ||
			a.Entities == nil || a.Quotes == nil || a.Techniques == nil || a.Boilerplate == nil || a.Comments == nil {
			t.Fatalf("line %d misses a field of the contract: %s", i, l)
		}
		if *a.Title != "Bridge at Orlen reopens after repairs" || strings.Contains(*a.Text, "Subscribe") || *a.Language != "en" {
			t.Errorf("line %d: title %q, language %q, text %q", i, *a.Title, *a.Language, *a.Text)
		}
		text := []rune(*a.Text)
		for j, e := range a.Entities {
			checkSpan(t, text, "entity "+string(rune('0'+j)), e)
		}
		for _, q := range a.Quotes {
			checkSpan(t, text, "quote", q)
			var qq struct {
				Kind    string          `json:"kind"`
				Speaker json.RawMessage `json:"speaker"`
				Cue     json.RawMessage `json:"cue"`
				Via     []json.RawMessage
			}
			json.Unmarshal(q, &qq)
			if qq.Kind != "direct" && qq.Kind != "indirect" && qq.Kind != "mixed" {
				t.Errorf("quote kind %q", qq.Kind)
			}
			if string(qq.Speaker) != "null" && qq.Speaker != nil {
				checkSpan(t, text, "speaker", qq.Speaker)
			}
			if string(qq.Cue) != "null" && qq.Cue != nil {
				checkSpan(t, text, "cue", qq.Cue)
			}
			for _, v := range qq.Via {
				checkSpan(t, text, "via", v)
			}
		}
		for _, tq := range a.Techniques {
			checkSpan(t, text, "technique", tq)
		}
	}
	if !strings.Contains(lines[1], `"source":"-"`) {
		t.Errorf("standard input not named -: %s", lines[1])
	}
}

func TestAnalyzeRawKeepsInputByteForByte(t *testing.T) {
	in := "  Odd   spacing\r\nand a line \u00e9\n\n- Advertisement -\n"
	out, _, code := run(t, in, "analyze", "--raw", "--format", "json", "-")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	var a struct{ Text string }
	if err := json.Unmarshal([]byte(out), &a); err != nil {
		t.Fatal(err)
	}
	if a.Text != in {
		t.Fatalf("raw text changed: %q", a.Text)
	}
}

func TestAnalyzeLatin1IsDecoded(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "latin1.txt")
	os.WriteFile(p, []byte("Caf\xe9 owners in Orlen protest new tax\n\nThe owners of every caf\xe9 in Orlen closed their doors on Monday to protest against the new tax on terraces, the association said.\n"), 0o644)
	out, _, code := run(t, "", "analyze", "--format", "json", p)
	if code != 0 || !utf8.ValidString(out) || !strings.Contains(out, "Café owners") {
		t.Fatalf("exit %d, output %q", code, out)
	}
}

func TestIngestIsIdempotentAndResumable(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	os.Mkdir(in, 0o755)
	for i, town := range []string{"Orlen", "Varno", "Kessel", "Dornach"} {
		body := strings.ReplaceAll(article, "Orlen", town)
		os.WriteFile(filepath.Join(in, string(rune('a'+i))+".txt"), []byte(body), 0o644)
	}
	// The same article under another name is stored once.
	os.WriteFile(filepath.Join(in, "copy.txt"), []byte(article), 0o644)
	os.WriteFile(filepath.Join(in, "bad.bin"), []byte{0, 1, 2, 3, 0, 0, 0}, 0o644)
	db := filepath.Join(dir, "s.db")

	// A first, partial run (as if killed after two files) ...
	_, _, code := run(t, "", "ingest", "--db", db, filepath.Join(in, "a.txt"), filepath.Join(in, "b.txt"))
	if code != 0 {
		t.Fatalf("partial ingest exit %d", code)
	}
	// ... then the full run: the rest is stored, nothing twice, and the bad file is named.
	_, errOut, code := run(t, "", "ingest", "--db", db, in)
	if code == 0 || !strings.Contains(errOut, "bad.bin") {
		t.Errorf("bad input: exit %d, stderr %q", code, errOut)
	}
	if !strings.Contains(errOut, "2 stored, 3 already stored") {
		t.Errorf("second run summary: %q", errOut)
	}
	out, _, _ := run(t, "", "search", "--db", db, "--format", "json", "--copies", "bridge")
	if n := len(strings.Split(strings.TrimSpace(out), "\n")); n != 4 {
		t.Errorf("store holds %d matching articles, want 4:\n%s", n, out)
	}
	// The four are spun copies of one report: search folds them under it.
	out, _, _ = run(t, "", "search", "--db", db, "--format", "json", "bridge")
	var folded sift.FoldedHit
	if lines := strings.Split(strings.TrimSpace(out), "\n"); len(lines) != 1 || json.Unmarshal([]byte(lines[0]), &folded) != nil || len(folded.Copies) != 3 {
		t.Errorf("search without --copies: want one hit with 3 copies folded under it:\n%s", out)
	}
	out, _, _ = run(t, "", "search", "--db", db, "bridge")
	if !strings.Contains(out, "and 3 copies (--copies lists them):") {
		t.Errorf("text search does not say how many copies it folded:\n%s", out)
	}
}

func TestStoriesContract(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "s.db")
	p := filepath.Join(dir, "a.txt")
	os.WriteFile(p, []byte(article), 0o644)
	if _, e, code := run(t, "", "ingest", "--db", db, p); code != 0 {
		t.Fatalf("ingest: %s", e)
	}
	out, e, code := run(t, "", "stories", "--db", db, "--format", "json")
	if code != 0 {
		t.Fatalf("stories exit %d: %s", code, e)
	}
	sc := bufio.NewScanner(strings.NewReader(out))
	n := 0
	for sc.Scan() {
		var s struct {
			ID       *string `json:"id"`
			Title    *string `json:"title"`
			Articles []struct {
				ID     *string `json:"id"`
				Source *string `json:"source"`
				Outlet *string `json:"outlet"`
			} `json:"articles"`
		}
		if err := json.Unmarshal(sc.Bytes(), &s); err != nil {
			t.Fatal(err)
		}
		if s.ID == nil || s.Title == nil || len(s.Articles) == 0 || s.Articles[0].ID == nil || s.Articles[0].Source == nil || s.Articles[0].Outlet == nil {
			t.Fatalf("story misses contract fields: %s", sc.Text())
		}
		if *s.Articles[0].Source != p {
			t.Errorf("source %q, want the path as given %q", *s.Articles[0].Source, p)
		}
		n++
	}
	if n != 1 {
		t.Fatalf("%d stories for one article, want 1", n)
	}
}

func TestIngestLearnsAnOutletsTemplateLines(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "in")
	os.Mkdir(dir, 0o755)
	towns := []string{"Orlen", "Varno", "Kessel", "Dornach", "Selva", "Marn"}
	for i, town := range towns {
		body := "Market day returns to " + town + "\n\nThe weekly market in " + town + " reopened on Saturday after the winter break, with forty stalls and a brass band, the town council said.\n\nStalls will open from eight until two every Saturday until October.\n\nThe Orlen Herald is with you every morning.\n"
		os.WriteFile(filepath.Join(dir, string(rune('a'+i))+".txt"), []byte(body), 0o644)
	}
	db := filepath.Join(filepath.Dir(dir), "s.db")
	if _, e, code := run(t, "", "ingest", "--db", db, "--outlet", "Orlen Herald", dir); code != 0 {
		t.Fatalf("ingest: %s", e)
	}
	out, _, _ := run(t, "", "search", "--db", db, "--format", "json", "herald")
	if strings.TrimSpace(out) != "" {
		t.Fatalf("the outlet's repeated footer is still in article text:\n%s", out)
	}
}

func TestIngestURLRefusesLoopbackUnlessAllowed(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/story" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, `<html><head><title>Bridge reopens in Orlen</title></head><body><article><h1>Bridge reopens in Orlen</h1>
<p>The bridge over the Vell at Orlen reopened on Monday after six months of repairs, the regional roads office said.</p>
<p>“We are glad to have our bridge back,” said Mira Castell, the mayor of Orlen, who cut the ribbon in front of a small crowd.</p>
<p>Traffic was light in the morning, but buses were expected to return to their old route by the end of the week.</p></article></body></html>`)
	}))
	defer srv.Close()
	db := filepath.Join(t.TempDir(), "s.db")
	_, errOut, code := run(t, "", "ingest", "--db", db, srv.URL+"/story")
	if code == 0 || !strings.Contains(errOut, "private") && !strings.Contains(errOut, "loopback") {
		t.Fatalf("loopback fetch not refused: exit %d, %s", code, errOut)
	}
	if _, errOut, code = run(t, "", "ingest", "--db", db, "--allow-private", srv.URL+"/story"); code != 0 {
		t.Fatalf("allowed fetch failed: %s", errOut)
	}
	out, _, _ := run(t, "", "search", "--db", db, "--format", "json", "bridge")
	if !strings.Contains(out, "Bridge reopens in Orlen") || !strings.Contains(out, srv.URL) {
		t.Fatalf("fetched page not stored with its URL: %s", out)
	}
}
