package reader

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestFolderAndSidecarMetadata: a folder of plain-text scrapes, which say
// nothing of their outlet or date, gets them from the folder's sift.tsv and
// from side-car files; the metadata files are not read as articles, and a
// document's own metadata wins.
func TestFolderAndSidecarMetadata(t *testing.T) {
	dir := t.TempDir()
	body := []byte("The ferry to Kessel Island ran again on Tuesday after the storm.\n")
	write(t, dir, "a.txt", body)
	write(t, dir, "b.txt", body)
	write(t, dir, "b.txt.json", []byte(`{"outlet": "Kessel Courier", "published": "3 March 2019", "author": "Ada Brunn"}`))
	write(t, dir, "wire/c.txt", body)
	write(t, dir, "wire/d.jsonl", []byte(`{"title": "Ferry runs", "text": "The ferry ran again.", "outlet": "Harbour Post"}`+"\n"+`{"title": "Ferry late", "text": "The ferry was late."}`+"\n"))
	write(t, dir, FolderFile, []byte("# pattern\toutlet\tpublished\n*\tIsland Wire\n*.txt\t\t2019-03-01\n"))
	write(t, dir, "wire/"+FolderFile, []byte("*\tCoast Agency\n"))

	r := walk(t, Options{}, dir)
	if len(r.errs) > 0 {
		t.Fatalf("errors: %s", r.errText())
	}
	got := map[string][2]string{}
	for _, d := range r.docs {
		got[filepath.ToSlash(strings.TrimPrefix(d.Source, dir+string(filepath.Separator)))] = [2]string{d.Outlet, d.Published}
	}
	want := map[string][2]string{
		"a.txt":          {"Island Wire", "2019-03-01"},
		"b.txt":          {"Kessel Courier", "2019-03-03"},
		"wire/c.txt":     {"Coast Agency", "2019-03-01"},
		"wire/d.jsonl:1": {"Harbour Post", ""},
		"wire/d.jsonl:2": {"Coast Agency", ""},
	}
	if len(got) != len(want) {
		t.Errorf("read %d documents, want %d (the metadata files are not articles): %v", len(got), len(want), got)
	}
	for src, w := range want {
		if got[src] != w {
			t.Errorf("%s: outlet, published = %q, want %q", src, got[src], w)
		}
	}

	// A file given by itself still takes its side-car and its folder's file.
	r = walk(t, Options{}, filepath.Join(dir, "b.txt"), filepath.Join(dir, "b.txt.json"))
	if len(r.docs) != 1 || r.docs[0].Outlet != "Kessel Courier" || r.docs[0].Author != "Ada Brunn" {
		t.Errorf("b.txt alone: %+v", r.docs)
	}
}

// TestBadMetadataNamesTheFile: a side-car that is not JSON, or a date no
// one can read, is an error for that input, naming the file; the others go on.
func TestBadMetadataNamesTheFile(t *testing.T) {
	dir := t.TempDir()
	body := []byte("The ferry to Kessel Island ran again on Tuesday after the storm.\n")
	write(t, dir, "a.txt", body)
	write(t, dir, "a.txt.json", []byte(`{"outlet": `))
	write(t, dir, "b.txt", body)
	write(t, dir, "b.txt.json", []byte(`{"published": "sometime soon"}`))
	write(t, dir, "c.txt", body)
	r := walk(t, Options{}, dir)
	if len(r.docs) != 1 || !strings.HasSuffix(r.docs[0].Source, "c.txt") {
		t.Errorf("read %d documents, want only c.txt", len(r.docs))
	}
	msg := r.errText()
	if !strings.Contains(msg, "a.txt.json") || !strings.Contains(msg, "sometime soon") {
		t.Errorf("errors do not name the bad side-cars:\n%s", msg)
	}
}
