package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const harbourReport = "The harbour of Orlen reopened on Friday after three weeks of repairs, the port authority said. " +
	"Fishing boats returned to the inner basin by noon, and the mayor thanked the workers who rebuilt the pier."

const budgetReport = "The Kessel council approved the budget for the new school on Monday after a long debate. " +
	"The vote was close, with nine members for and seven against, and teachers welcomed the decision."

// sift analyze reads files of records as ingest does, one article per
// record, and warns about text that was not UTF-8 as ingest does; a text
// file stays one document whatever it looks like.
func TestAnalyzeReadsRecordsAndWarnsAboutEncodings(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	csvPath := write("two.csv", []byte("title,text,outlet\nHarbour reopens,\""+harbourReport+"\",Orlen Post\nBudget passed,\""+budgetReport+"\",Kessel Wire\n"))
	jsonlPath := write("one.jsonl", []byte(`{"title":"Harbour reopens","text":"`+harbourReport+`","outlet":"Orlen Post"}`+"\n"))
	// A text file that happens to start like JSON Lines is still text.
	textPath := write("looks.txt", []byte(`{"note": "not a record"}`+"\n\n"+budgetReport+"\n"))
	out, e, code := run(t, "", "analyze", "--format", "json", csvPath, jsonlPath, textPath)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, e)
	}
	type article struct{ Source, Title, Text, Outlet string }
	var got []article
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var c article
		if err := json.Unmarshal([]byte(line), &c); err != nil {
			t.Fatalf("%v: %s", err, line)
		}
		got = append(got, c)
	}
	if len(got) != 4 {
		t.Fatalf("%d articles from a CSV of 2 records, a JSONL of 1 and a text file; want 4:\n%s", len(got), out)
	}
	for i, want := range []struct{ title, outlet, text string }{
		{"Harbour reopens", "Orlen Post", "harbour of Orlen"},
		{"Budget passed", "Kessel Wire", "Kessel council"},
		{"Harbour reopens", "Orlen Post", "harbour of Orlen"},
		{`{"note": "not a record"}`, "", "Kessel council"}, // its first line is its title
	} {
		if got[i].Title != want.title || got[i].Outlet != want.outlet || !strings.Contains(got[i].Text, want.text) ||
			strings.Contains(got[i].Text, "title,text") {
			t.Errorf("article %d = %q from %q (outlet %q), want %q from %q holding %q", i, got[i].Title, got[i].Source,
				got[i].Outlet, want.title, want.outlet, want.text)
		}
	}
	if !strings.HasPrefix(got[0].Source, csvPath) || got[0].Source == got[1].Source {
		t.Errorf("record sources %q, %q: want each record named in its file", got[0].Source, got[1].Source)
	}

	latin1 := write("latin1.txt", []byte("Caf\xe9 owners in Orlen were pleased. "+harbourReport+"\n"))
	_, e, code = run(t, "", "analyze", "--format", "json", latin1)
	if code != 0 || !strings.Contains(e, "warning") || !strings.Contains(e, "not UTF-8") || !strings.Contains(e, "latin1.txt") {
		t.Errorf("Latin-1 input: exit %d, stderr %q; want a warning naming the file", code, e)
	}
}

// A query with nothing to search for is a usage error: exit 2 and a
// message saying what to type; a stray * among words is searched.
func TestSearchQueryErrorsExit2(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "s.db")
	p := filepath.Join(dir, "h.txt")
	os.WriteFile(p, []byte("Harbour reopens\n\n"+harbourReport+"\n"), 0o644)
	if _, e, code := run(t, "", "ingest", "--db", db, "--quiet", p); code != 0 {
		t.Fatalf("ingest: %s", e)
	}
	for _, q := range []string{"*", "**", "-", `"`, "AND", "()"} {
		if _, e, code := run(t, "", "search", "--db", db, q); code != 2 || !strings.Contains(e, "Type at least one word") {
			t.Errorf("sift search %q: exit %d, %q; want 2 and what to type", q, code, e)
		}
	}
	for _, q := range []string{"* harbour", `"harbour of`, "(harbour", "NEAR(harbour", "title:", "title:harbour"} {
		out, e, code := run(t, "", "search", "--db", db, q)
		if q == "title:" {
			if code != 2 {
				t.Errorf("sift search %q: exit %d, want 2", q, code)
			}
			continue
		}
		if code != 0 || !strings.Contains(out, "Harbour reopens") {
			t.Errorf("sift search %q: exit %d, %q %q; want the harbour article", q, code, out, e)
		}
	}
}
