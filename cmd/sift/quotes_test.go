package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// TestQuotesCommand stores an article and lists its statements by speaker
// and by intermediary, as a user would.
func TestQuotesCommand(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "orlen.txt")
	if err := os.WriteFile(in, []byte(article), 0o644); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(dir, "sift.db")
	if _, stderr, code := run(t, "", "ingest", "--db", db, in); code != 0 {
		t.Fatalf("ingest failed: %s", stderr)
	}
	out, stderr, code := run(t, "", "quotes", "--db", db, "--speaker", "castell")
	if code != 0 {
		t.Fatalf("quotes failed: %s", stderr)
	}
	for _, want := range []string{"Mira Castell", "said", "glad to have our bridge back", "via Orlen Herald", in} {
		if !strings.Contains(out, want) {
			t.Errorf("sift quotes --speaker castell: missing %q in\n%s", want, out)
		}
	}
	if strings.Contains(out, "roads office") {
		t.Errorf("statement by another speaker listed:\n%s", out)
	}
	out, _, _ = run(t, "", "quotes", "--db", db, "--via", "herald", "--format", "json")
	if n := strings.Count(out, "\n"); n != 1 || !strings.Contains(out, `"canonical":"Mira Castell"`) {
		t.Errorf("sift quotes --via herald --format json: want one line by Mira Castell, got\n%s", out)
	}
	// The JSON line keeps its shape: the article, then the quote nested
	// under "quote", and no "copies" when nothing repeats it.
	var line map[string]json.RawMessage
	if err := json.Unmarshal([]byte(out), &line); err != nil {
		t.Fatalf("sift quotes --format json: %v\n%s", err, out)
	}
	var quote map[string]json.RawMessage
	if err := json.Unmarshal(line["quote"], &quote); err != nil {
		t.Fatalf("sift quotes --format json: quote: %v\n%s", err, out)
	}
	if got, want := keys(line), "article_id outlet published quote source title"; got != want {
		t.Errorf("sift quotes --format json: fields %q, want %q", got, want)
	}
	if got, want := keys(quote), "cue end kind speaker start text via"; got != want {
		t.Errorf("sift quotes --format json: quote fields %q, want %q", got, want)
	}
	if _, stderr, code := run(t, "", "quotes", "--db", db, "--since", "yesterday"); code == 0 || !strings.Contains(stderr, "YYYY-MM-DD") {
		t.Errorf("bad --since accepted (code %d): %s", code, stderr)
	}
}

// keys returns the keys of a JSON object, sorted and joined by spaces.
func keys(m map[string]json.RawMessage) string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return strings.Join(ks, " ")
}
