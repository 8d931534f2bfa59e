package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// ferry writes a plain-text scrape of our own with no metadata in it.
func ferry(t *testing.T, dir, name, town string) {
	t.Helper()
	text := "Ferry service resumes at " + town + "\n\nThe ferry to " + town + " ran again on Tuesday after a week of storms closed the harbour, the port authority said.\n\n" +
		"Passengers queued from dawn, and the first boat left twenty minutes late.\n"
	if err := os.MkdirAll(filepath.Join(dir, filepath.Dir(name)), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestPlainTextInputsGetOutletAndDate: a folder of .txt scrapes is stored
// with the outlet and date its sift.tsv, side-car files, flags and texts
// say, so that --outlet and --since find them; what stays unknown is said
// to be unknown.
func TestPlainTextInputsGetOutletAndDate(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "sift.db")
	in := filepath.Join(dir, "in")
	ferry(t, in, "courier/a.txt", "Kessel")
	ferry(t, in, "courier/b.txt", "Orlen")
	os.WriteFile(filepath.Join(in, "courier", "sift.tsv"), []byte("*\tIsland Courier\t2019-03-05\n"), 0o644)
	ferry(t, in, "loose/c.txt", "Port Alma")
	os.WriteFile(filepath.Join(in, "loose", "c.txt.json"), []byte(`{"outlet": "Harbour Post", "published": "2019-03-07"}`), 0o644)
	ferry(t, in, "loose/d.txt", "Ulmet")
	wire := "Storm closes Vell harbour\n\nVELL (Coast Wire) – A storm closed the harbour at Vell on Monday, the port authority said, and ferries will stay in port until Wednesday.\n"
	os.WriteFile(filepath.Join(in, "loose", "e.txt"), []byte(wire), 0o644)

	if _, stderr, code := run(t, "", "ingest", "--quiet", "--db", db, in); code != 0 {
		t.Fatalf("ingest: exit %d\n%s", code, stderr)
	}
	out, _, _ := run(t, "", "search", "--db", db, "--outlet", "Island Courier")
	if !strings.HasPrefix(out, "2 articles matching") {
		t.Errorf("--outlet from sift.tsv:\n%s", out)
	}
	out, _, _ = run(t, "", "search", "--db", db, "--since", "2019-03-06")
	if !strings.HasPrefix(out, "1 article matching") || !strings.Contains(out, "Harbour Post") {
		t.Errorf("--since from the side-car:\n%s", out)
	}
	out, _, _ = run(t, "", "search", "--db", db, "--outlet", "Coast Wire")
	if !strings.HasPrefix(out, "1 article matching") {
		t.Errorf("outlet from the wire lead:\n%s", out)
	}
	out, _, _ = run(t, "", "search", "--db", db, "Ulmet")
	if !strings.Contains(out, "date unknown") || !strings.Contains(out, "outlet unknown") {
		t.Errorf("an article with neither is not said to lack them:\n%s", out)
	}
	out, _, _ = run(t, "", "outlets", "--db", db)
	if !strings.Contains(out, "outlet unknown") || !strings.Contains(out, "1 article of 5 with outlet unknown") {
		t.Errorf("sift outlets does not count the articles with no outlet:\n%s", out)
	}

	// --outlet and --published for inputs whose files say nothing (the
	// flag, which the user gave, goes before the wire lead of e.txt).
	db2 := filepath.Join(dir, "flags.db")
	if _, stderr, code := run(t, "", "ingest", "--quiet", "--db", db2, "--outlet", "Vell Gazette", "--published", "March 9, 2019", filepath.Join(in, "loose")); code != 0 {
		t.Fatalf("ingest with flags: exit %d\n%s", code, stderr)
	}
	out, _, _ = run(t, "", "search", "--db", db2, "--outlet", "Vell Gazette", "--since", "2019-03-09")
	if !strings.HasPrefix(out, "2 articles matching") || !strings.Contains(out, "Ulmet") || strings.Contains(out, "Harbour Post") {
		t.Errorf("--outlet and --published:\n%s", out)
	}
	if _, stderr, code := run(t, "", "ingest", "--db", db2, "--published", "someday", in); code == 0 || !strings.Contains(stderr, "someday") {
		t.Errorf("an unreadable --published: exit %d, %q", code, stderr)
	}
}
