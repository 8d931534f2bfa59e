package main

import (
	"os"
	"path/filepath"
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
	if _, stderr, code := run(t, "", "quotes", "--db", db, "--since", "yesterday"); code == 0 || !strings.Contains(stderr, "YYYY-MM-DD") {
		t.Errorf("bad --since accepted (code %d): %s", code, stderr)
	}
}
