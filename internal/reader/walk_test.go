package reader

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/sift-news/sift"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// walkResult is what one Walk produced.
type walkResult struct {
	docs  []sift.Document
	errs  []error
	warns []error
}

func (r walkResult) errText() string {
	var b strings.Builder
	for _, e := range r.errs {
		b.WriteString(e.Error())
		b.WriteByte('\n')
	}
	return b.String()
}

func walk(t *testing.T, opt Options, inputs ...string) walkResult {
	t.Helper()
	var r walkResult
	opt.Warn = func(err error) { r.warns = append(r.warns, err) }
	err := Walk(inputs, opt, func(d sift.Document) error {
		if !utf8.ValidString(d.Body) || !utf8.ValidString(d.Title) || !utf8.ValidString(d.Outlet) {
			t.Errorf("%s: invalid UTF-8 in document", d.Source)
		}
		r.docs = append(r.docs, d)
		return nil
	}, func(err error) { r.errs = append(r.errs, err) })
	if err != nil {
		t.Fatalf("Walk returned %v, want nil (only fn's errors stop it)", err)
	}
	return r
}

func write(t *testing.T, dir, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func gz(data []byte) []byte {
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	zw.Write(data)
	zw.Close()
	return b.Bytes()
}

func cp1252Bytes(t *testing.T, s string) []byte {
	t.Helper()
	b, err := charmap.Windows1252.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

const good = "The council met on Tuesday and approved the budget.\n"

// Each bad input is reported once, by name and with a reason a user can act
// on, and the good input after it is still read.
func TestBadInputsAreReportedAndSkipped(t *testing.T) {
	dir := t.TempDir()
	cases := []struct {
		name    string
		data    []byte
		want    error
		message string
	}{
		{"empty.txt", nil, ErrEmpty, "empty input"},
		{"blank.txt", []byte(" \n\t\r\n  "), ErrEmpty, "empty input"},
		{"photo.jpg", append([]byte("\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01"), bytes.Repeat([]byte{0, 1, 2, 3}, 100)...), ErrBinary, "binary"},
		{"big.txt", bytes.Repeat([]byte("word "), 400), ErrTooLarge, "exceeds size limit"},
		{"big.txt.gz", gz(bytes.Repeat([]byte("word "), 400)), ErrTooLarge, "after decompression"},
		{"empty.csv", nil, ErrEmpty, "empty input"},
		{"empty.jsonl", []byte("\n\n"), ErrEmpty, "empty input"},
		{"binary.jsonl", bytes.Repeat([]byte{0, 0xff, 7, 1}, 50), ErrBinary, "binary"},
		{"notext.csv", []byte("id,title\n1,Hello\n"), ErrNoText, "name the column holding the text"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			bad := write(t, dir, c.name, c.data)
			ok := write(t, dir, "ok-"+c.name+".txt", []byte(good))
			r := walk(t, Options{MaxSize: 1000}, bad, ok)
			if len(r.errs) != 1 {
				t.Fatalf("got %d errors, want 1:\n%s", len(r.errs), r.errText())
			}
			err := r.errs[0]
			t.Log(err)
			if !errors.Is(err, c.want) {
				t.Errorf("error %q is not %v", err, c.want)
			}
			if !strings.Contains(err.Error(), bad) || !strings.Contains(err.Error(), c.message) {
				t.Errorf("error %q does not name %s and say %q", err, bad, c.message)
			}
			if len(r.docs) != 1 || r.docs[0].Source != ok {
				t.Errorf("the good input after the bad one was not read: %+v", r.docs)
			}
		})
	}
}

func TestMissingAndUnreadableInputs(t *testing.T) {
	dir := t.TempDir()
	missing := filepath.Join(dir, "missing.txt")
	ok := write(t, dir, "ok.txt", []byte(good))
	r := walk(t, Options{}, missing, ok)
	if len(r.errs) != 1 || !errors.Is(r.errs[0], fs.ErrNotExist) || !strings.Contains(r.errs[0].Error(), missing) {
		t.Fatalf("missing file: errors %q", r.errText())
	}
	if want := missing + ": no such file or directory"; r.errs[0].Error() != want {
		t.Errorf("message %q, want %q", r.errs[0], want)
	}
	if strings.Count(r.errs[0].Error(), missing) != 1 {
		t.Errorf("message repeats the path: %q", r.errs[0])
	}
	if len(r.docs) != 1 {
		t.Errorf("got %d documents, want 1", len(r.docs))
	}

	if os.Geteuid() == 0 {
		t.Skip("running as root: permissions do not stop reading")
	}
	locked := write(t, dir, "locked.txt", []byte(good))
	os.Chmod(locked, 0)
	lockedDir := filepath.Join(dir, "lockeddir")
	write(t, lockedDir, "a.txt", []byte(good))
	os.Chmod(lockedDir, 0)
	defer os.Chmod(lockedDir, 0o755)
	r = walk(t, Options{}, locked, lockedDir, ok)
	if len(r.errs) != 2 {
		t.Fatalf("got errors %q, want 2", r.errText())
	}
	for i, want := range []string{locked, lockedDir} {
		if !errors.Is(r.errs[i], fs.ErrPermission) || !strings.Contains(r.errs[i].Error(), want) {
			t.Errorf("error %q does not name %s as unreadable", r.errs[i], want)
		}
	}
	if len(r.docs) != 1 {
		t.Errorf("got %d documents, want 1", len(r.docs))
	}
}

// A text with a few invalid UTF-8 bytes is read (repaired) with a warning.
func TestInvalidUTF8IsRepairedWithWarning(t *testing.T) {
	dir := t.TempDir()
	p := write(t, dir, "mixed.txt", []byte("Caf\xc3\xa9 owners in Z\xc3\xbcrich said prices rose 5\x80 this year.\n"))
	r := walk(t, Options{}, p)
	if len(r.errs) != 0 || len(r.docs) != 1 {
		t.Fatalf("errors %q, %d documents", r.errText(), len(r.docs))
	}
	if want := "Café owners in Zürich said prices rose 5€ this year.\n"; r.docs[0].Body != want {
		t.Errorf("body %q, want %q", r.docs[0].Body, want)
	}
	if len(r.warns) != 1 || !strings.Contains(r.warns[0].Error(), p) || !strings.Contains(r.warns[0].Error(), "invalid UTF-8") {
		t.Errorf("warnings %v, want one naming %s and invalid UTF-8", r.warns, p)
	}
}

func TestLatin1CSV(t *testing.T) {
	dir := t.TempDir()
	csv := "title,content,source,date\r\n" +
		"Caf\u00e9 reopens,\"The owner said \u201cwe are back\u201d \u2014 and the caf\u00e9 was full.\",Daily Example,6/12/2017\r\n" +
		"Second,\"Plain text, with a comma.\",Other Paper,13/1/2018\r\n"
	p := write(t, dir, "latin1.csv", cp1252Bytes(t, csv))
	r := walk(t, Options{}, p)
	if len(r.errs) != 0 || len(r.docs) != 2 {
		t.Fatalf("errors %q, %d documents", r.errText(), len(r.docs))
	}
	d := r.docs[0]
	if d.Title != "Café reopens" || d.Body != "The owner said “we are back” — and the café was full." {
		t.Errorf("decoded %q / %q", d.Title, d.Body)
	}
	if d.Outlet != "Daily Example" || d.Published != "2017-06-12" || d.Source != p+":2" {
		t.Errorf("metadata %+v", d)
	}
	if r.docs[1].Published != "2018-01-13" || r.docs[1].Source != p+":3" {
		t.Errorf("second row %+v", r.docs[1])
	}
	if len(r.warns) != 1 || !strings.Contains(r.warns[0].Error(), "windows-1252") {
		t.Errorf("warnings %v, want one saying the file was converted from windows-1252", r.warns)
	}
}

func TestUTF16(t *testing.T) {
	dir := t.TempDir()
	text := "Ministers met in Genève on Monday — “a first step”.\n"
	csv := "headline\tbody\nGenève talks\t" + strings.TrimSpace(text) + "\n"
	for _, c := range []struct {
		name string
		e    *unicode.Endianness
		bom  unicode.BOMPolicy
		data string
	}{
		{"le.txt", ptr(unicode.LittleEndian), unicode.UseBOM, text},
		{"be.txt", ptr(unicode.BigEndian), unicode.UseBOM, text},
		{"nobom.txt", ptr(unicode.LittleEndian), unicode.IgnoreBOM, text},
		{"le.tsv", ptr(unicode.LittleEndian), unicode.UseBOM, csv},
	} {
		data, err := unicode.UTF16(*c.e, c.bom).NewEncoder().Bytes([]byte(c.data))
		if err != nil {
			t.Fatal(err)
		}
		p := write(t, dir, c.name, data)
		r := walk(t, Options{}, p)
		if len(r.errs) != 0 || len(r.docs) != 1 {
			t.Fatalf("%s: errors %q, %d documents", c.name, r.errText(), len(r.docs))
		}
		want := text
		if strings.HasSuffix(c.name, ".tsv") {
			want = strings.TrimSpace(text)
			if r.docs[0].Title != "Genève talks" {
				t.Errorf("%s: title %q", c.name, r.docs[0].Title)
			}
		}
		if r.docs[0].Body != want {
			t.Errorf("%s: body %q, want %q", c.name, r.docs[0].Body, want)
		}
	}
}

func ptr[T any](v T) *T { return &v }

func TestJSONLBrokenLineInTheMiddle(t *testing.T) {
	dir := t.TempDir()
	jsonl := `{"title": "One", "text": "First article.", "url": "https://example.org/1", "source": "Example Wire", "date": "2019-03-04T10:00:00Z", "author": ["A. Writer", "B. Writer"]}
{"title": "Two", "text": "Second article, cut off mid-wa
{"headline": "Three", "content": "Third article.", "source": {"name": "NewsAPI Outlet"}, "publishedAt": "Tue, 05 Mar 2019 08:00:00 GMT"}

["not", "an", "object"]
{"title": "Five"}
{"title": "Six", "body": "Sixth article."}
`
	p := write(t, dir, "articles.jsonl", []byte(jsonl))
	r := walk(t, Options{}, p)
	if len(r.docs) != 3 {
		t.Fatalf("got %d documents, want 3; errors:\n%s", len(r.docs), r.errText())
	}
	d := r.docs[0]
	want := sift.Document{Source: p + ":1", Format: sift.FormatText, Title: "One", Body: "First article.", URL: "https://example.org/1",
		Outlet: "Example Wire", Published: "2019-03-04", Author: "A. Writer, B. Writer"}
	if d != want {
		t.Errorf("line 1:\n got %+v\nwant %+v", d, want)
	}
	if d := r.docs[1]; d.Source != p+":3" || d.Title != "Three" || d.Outlet != "NewsAPI Outlet" || d.Published != "2019-03-05" {
		t.Errorf("line 3: %+v", d)
	}
	if d := r.docs[2]; d.Source != p+":7" || d.Body != "Sixth article." {
		t.Errorf("line 7: %+v", d)
	}
	if len(r.errs) != 3 {
		t.Fatalf("got errors:\n%s\nwant 3", r.errText())
	}
	for i, want := range []string{p + " line 2: malformed record: invalid JSON", p + " line 5: malformed record: not a JSON object", p + " line 6: no text"} {
		if !strings.HasPrefix(r.errs[i].Error(), want) {
			t.Errorf("error %d: %q, want it to start %q", i, r.errs[i], want)
		}
	}
}

// A JSON line longer than 64 KiB (bufio.Scanner's default) is read; one
// longer than MaxSize is reported and the next line still read.
func TestJSONLLongLines(t *testing.T) {
	dir := t.TempDir()
	long := strings.Repeat("word ", 40_000) // 200 KB
	huge := strings.Repeat("word ", 200_000)
	jsonl := fmt.Sprintf("{\"text\": %q}\n{\"text\": %q}\n{\"text\": \"after\"}\n", long, huge)
	p := write(t, dir, "long.jsonl.gz", gz([]byte(jsonl)))
	r := walk(t, Options{MaxSize: 500_000}, p)
	if len(r.docs) != 2 || r.docs[0].Body != long || r.docs[1].Body != "after" {
		t.Fatalf("got %d documents; errors:\n%s", len(r.docs), r.errText())
	}
	if len(r.errs) != 1 || !errors.Is(r.errs[0], ErrTooLarge) || !strings.Contains(r.errs[0].Error(), "line 2") {
		t.Errorf("errors:\n%s\nwant one for line 2 exceeding the limit", r.errText())
	}
}

func TestCSVQuotingAndBrokenRows(t *testing.T) {
	dir := t.TempDir()
	csv := "Title,Text,URL\n" +
		"\"Multi, line\",\"First paragraph.\r\n\r\nSecond \"\"quoted\"\" paragraph.\",https://example.org/a\n" +
		"Broken,Text with an extra, comma,https://example.org/b\n" +
		"\n" +
		"Plain,Plain text,https://example.org/c\n" +
		"Empty,,https://example.org/d\n" +
		"Late,\"Lenient \"quote\" inside\",https://example.org/e\n" +
		"Last,\"Unterminated quote runs to the end,https://example.org/f\n" +
		"Lost,Lost row,https://example.org/g\n"
	p := write(t, dir, "rows.csv", []byte(csv))
	r := walk(t, Options{}, p)
	var got []string
	for _, d := range r.docs {
		got = append(got, d.Source+" "+d.Title+" | "+d.Body)
	}
	want := []string{
		p + ":2 Multi, line | First paragraph.\n\nSecond \"quoted\" paragraph.",
		p + ":4 Plain | Plain text",
		p + ":6 Late | Lenient quote\" inside\"",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("documents:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	wantErrs := []string{
		p + " row 3 (line 5): malformed record: 4 fields, the header has 3",
		p + " row 5 (line 8): no text",
		p + " row 7 (line 10): quoted field not closed",
	}
	if len(r.errs) != len(wantErrs) {
		t.Fatalf("errors:\n%s\nwant %d", r.errText(), len(wantErrs))
	}
	for i, w := range wantErrs {
		if !strings.HasPrefix(r.errs[i].Error(), w) {
			t.Errorf("error %q, want it to start %q", r.errs[i], w)
		}
	}
}

// A row over MaxSize is skipped with a message and the rows after it read.
func TestCSVHugeField(t *testing.T) {
	dir := t.TempDir()
	huge := strings.Repeat("long line of text\n", 10_000)
	csv := "text\nfirst\n\"" + huge + "\"\nthird\n"
	p := write(t, dir, "huge.csv", []byte(csv))
	r := walk(t, Options{MaxSize: 4096}, p)
	if len(r.docs) != 2 || r.docs[0].Body != "first" || r.docs[1].Body != "third" || r.docs[1].Source != p+":4" {
		t.Fatalf("documents %+v", r.docs)
	}
	if len(r.errs) != 1 || !errors.Is(r.errs[0], ErrTooLarge) || !strings.Contains(r.errs[0].Error(), "row 3") {
		t.Errorf("errors:\n%s", r.errText())
	}
}

func TestColumnMapping(t *testing.T) {
	dir := t.TempDir()
	csv := "Story ID;Head Line;Story Text;Paper;When\n" +
		"7;Bridge opens;The new bridge opened to traffic.;The Gazette;2020-05-06\n"
	p := write(t, dir, "mapped.csv", []byte(csv))
	cols := ColumnMap{}
	for _, spec := range []string{"title=head line", "text=Story Text", "outlet=PAPER", "published=when"} {
		if err := cols.Set(spec); err != nil {
			t.Fatal(err)
		}
	}
	r := walk(t, Options{Columns: cols}, p)
	if len(r.errs) != 0 || len(r.docs) != 1 {
		t.Fatalf("errors %q, %d documents", r.errText(), len(r.docs))
	}
	d := r.docs[0]
	if d.Title != "Bridge opens" || d.Body != "The new bridge opened to traffic." || d.Outlet != "The Gazette" || d.Published != "2020-05-06" {
		t.Errorf("mapped document %+v", d)
	}

	// Without the mapping the file has no text column, and says so.
	r = walk(t, Options{}, p)
	if len(r.docs) != 0 || len(r.errs) != 1 || !strings.Contains(r.errs[0].Error(), "Story Text") {
		t.Errorf("unmapped: errors %q", r.errText())
	}
	// A mapping to a column that is not there is reported.
	r = walk(t, Options{Columns: ColumnMap{"text": "missing"}}, p)
	if len(r.docs) != 0 || len(r.errs) != 1 || !strings.Contains(r.errs[0].Error(), `no column "missing" for text`) {
		t.Errorf("missing column: errors %q", r.errText())
	}
	// JSON keys are mapped the same way.
	j := write(t, dir, "mapped.jsonl", []byte(`{"Head Line": "Bridge opens", "Story Text": "The bridge opened."}`+"\n"))
	r = walk(t, Options{Columns: cols}, j)
	if len(r.docs) != 1 || r.docs[0].Title != "Bridge opens" || r.docs[0].Body != "The bridge opened." {
		t.Errorf("mapped JSON: %+v %q", r.docs, r.errText())
	}
	var bad ColumnMap
	if err := bad.Set("body=x"); err == nil {
		t.Error("Set accepted an unknown field")
	}
	if err := bad.Set("text"); err == nil {
		t.Error("Set accepted a spec without =")
	}
}

// A directory of 10,000 files is read completely, in sorted order, skipping
// hidden files and directories.
func TestTenThousandFiles(t *testing.T) {
	dir := t.TempDir()
	start := time.Now()
	for i := range 37 {
		os.Mkdir(filepath.Join(dir, fmt.Sprintf("d%02d", i)), 0o755)
	}
	for i := range 10_000 {
		name := filepath.Join(dir, fmt.Sprintf("d%02d", i%37), fmt.Sprintf("f%05d.txt", i))
		if err := os.WriteFile(name, []byte(fmt.Sprintf("Article number %d.\n", i)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	t.Logf("wrote 10,000 files in %v", time.Since(start))
	start = time.Now()
	defer func() { t.Logf("read them in %v", time.Since(start)) }()
	write(t, dir, ".hidden.txt", []byte(good))
	write(t, dir, ".git/config", []byte(good))
	var n int
	prev := ""
	err := Walk([]string{dir}, Options{}, func(d sift.Document) error {
		n++
		if d.Source <= prev {
			t.Fatalf("%s after %s: not sorted", d.Source, prev)
		}
		if strings.Contains(d.Source, "/.") {
			t.Fatalf("hidden file %s read", d.Source)
		}
		prev = d.Source
		return nil
	}, func(err error) { t.Error(err) })
	if err != nil || n != 10_000 {
		t.Fatalf("read %d documents (err %v), want 10000", n, err)
	}
}

func TestHTMLAndFormats(t *testing.T) {
	dir := t.TempDir()
	page := "<!DOCTYPE html><html><head><meta charset=\"windows-1252\"><title>Caf\u00e9</title></head><body><p>\u201cHello\u201d</p></body></html>"
	p1 := write(t, dir, "page.html", cp1252Bytes(t, page))
	p2 := write(t, dir, "page.htm.gz", gz([]byte(page)))
	p3 := write(t, dir, "noext", []byte("  <html><body>x</body></html>"))
	p4 := write(t, dir, "notes.md", []byte("# Notes\n\nPlain text.\n"))
	r := walk(t, Options{}, p1, p2, p3, p4)
	if len(r.errs) != 0 || len(r.docs) != 4 {
		t.Fatalf("errors %q, %d documents", r.errText(), len(r.docs))
	}
	for i, want := range []sift.Format{sift.FormatHTML, sift.FormatHTML, sift.FormatHTML, sift.FormatText} {
		if r.docs[i].Format != want {
			t.Errorf("%s: format %s, want %s", r.docs[i].Source, r.docs[i].Format, want)
		}
	}
	if r.docs[0].Body != page || r.docs[1].Body != page {
		t.Errorf("HTML not decoded: %q", r.docs[0].Body)
	}
}

// Standard input and files without a telling extension are sniffed.
func TestSniffedStreams(t *testing.T) {
	var docs []sift.Document
	w := &walker{fn: func(d sift.Document) error { docs = append(docs, d); return nil }, onErr: func(err error) { t.Error(err) }}
	w.stream("-", strings.NewReader(`{"title":"A","text":"One."}`+"\n"+`{"title":"B","text":"Two."}`), "")
	w.stream("-", bytes.NewReader(gz([]byte("{\"text\":\"Zipped.\"}\n"))), "")
	w.stream("-", strings.NewReader("{Braces} start this plain text."), "")
	w.opt.Format = kindCSV
	w.stream("-", strings.NewReader("text\nFrom a CSV.\n"), kindCSV)
	var got []string
	for _, d := range docs {
		got = append(got, d.Source+" "+d.Body)
	}
	want := "-:1 One.|-:2 Two.|-:1 Zipped.|- {Braces} start this plain text.|-:2 From a CSV."
	if strings.Join(got, "|") != want {
		t.Errorf("got %q\nwant %q", strings.Join(got, "|"), want)
	}
}

// Walk stops at, and returns, the first error fn returns.
func TestWalkStopsOnCallbackError(t *testing.T) {
	dir := t.TempDir()
	p := write(t, dir, "a.jsonl", []byte("{\"text\":\"1\"}\n{\"text\":\"2\"}\n{\"text\":\"3\"}\n"))
	stop := errors.New("disk full")
	n := 0
	err := Walk([]string{p, p}, Options{}, func(sift.Document) error {
		n++
		if n == 2 {
			return stop
		}
		return nil
	}, nil)
	if err != stop || n != 2 {
		t.Errorf("Walk returned %v after %d documents, want %v after 2", err, n, stop)
	}
}

func TestJSONFiles(t *testing.T) {
	dir := t.TempDir()
	array := `[
  {"title": "One", "text": "First."},
  {
    "title": "Two",
    "text": "Second."
  },
  {"title": "No text"},
  {"title": "Four", "content": "Fourth."}
]`
	p1 := write(t, dir, "a.json", []byte(array))
	p2 := write(t, dir, "b.json", []byte("\n{\n  \"title\": \"Single\",\n  \"body\": \"Only one.\"\n}\n"))
	p3 := write(t, dir, "c.json", []byte(`[{"text": "Fine."}, {"text": "Cut off`))
	p4 := write(t, dir, "d.json", []byte(`[{"text": "Fine."}, {"text": "`+strings.Repeat("x", 5000)+`"}, {"text": "Lost."}]`))
	r := walk(t, Options{MaxSize: 1000}, p1, p2, p3, p4)
	var got []string
	for _, d := range r.docs {
		got = append(got, d.Source+" "+d.Body)
	}
	want := []string{p1 + ":2 First.", p1 + ":3 Second.", p1 + ":8 Fourth.", p2 + ":2 Only one.", p3 + ":1 Fine.", p4 + ":1 Fine."}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("documents:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	wantErrs := []string{p1 + " line 7: no text", p3 + " line 1: malformed record: JSON cut off", p4 + " line 1: JSON value exceeds size limit"}
	if len(r.errs) != len(wantErrs) {
		t.Fatalf("errors:\n%s", r.errText())
	}
	for i, w := range wantErrs {
		if !strings.HasPrefix(r.errs[i].Error(), w) {
			t.Errorf("error %q, want it to start %q", r.errs[i], w)
		}
	}
}

// A directory given through a symbolic link is read.
func TestSymlinkedDirectory(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "real/a.txt", []byte(good))
	link := filepath.Join(dir, "link")
	if err := os.Symlink(filepath.Join(dir, "real"), link); err != nil {
		t.Skip(err)
	}
	r := walk(t, Options{}, link)
	if len(r.docs) != 1 || r.docs[0].Source != filepath.Join(link, "a.txt") {
		t.Errorf("documents %+v, errors %q", r.docs, r.errText())
	}
}

// A gzip stream cut off halfway yields the records before the damage and
// one error naming the input.
func TestTruncatedGzip(t *testing.T) {
	dir := t.TempDir()
	var b strings.Builder
	for i := range 2000 {
		fmt.Fprintf(&b, "{\"text\": \"Article %d with some words to compress poorly %x.\"}\n", i, i*7919)
	}
	z := gz([]byte(b.String()))
	p := write(t, dir, "cut.jsonl.gz", z[:len(z)/2])
	r := walk(t, Options{}, p)
	if len(r.docs) == 0 || len(r.docs) >= 2000 {
		t.Errorf("read %d documents from half a gzip stream", len(r.docs))
	}
	if len(r.errs) != 1 || !strings.Contains(r.errs[0].Error(), p) || !strings.Contains(r.errs[0].Error(), "data cut off") {
		t.Errorf("errors:\n%s", r.errText())
	}
}

// Excel's "sep=;" line sets the delimiter and counts as row 1.
func TestCSVExcelSepLine(t *testing.T) {
	dir := t.TempDir()
	p := write(t, dir, "excel.csv", []byte("sep=;\r\nTitle;Text\r\nA, b;Body, with commas\r\n"))
	r := walk(t, Options{}, p)
	if len(r.errs) != 0 || len(r.docs) != 1 || r.docs[0].Title != "A, b" || r.docs[0].Body != "Body, with commas" || r.docs[0].Source != p+":3" {
		t.Errorf("documents %+v, errors %q", r.docs, r.errText())
	}
}

// Pages stored as HTML in a record keep Format html; language is read.
func TestRecordHTMLAndLanguage(t *testing.T) {
	dir := t.TempDir()
	p := write(t, dir, "pages.jsonl", []byte(`{"url": "https://example.org/a", "html": "<!DOCTYPE html><html><body><p>Hi</p></body></html>", "lang": "EN"}`+"\n"))
	r := walk(t, Options{}, p)
	if len(r.docs) != 1 || r.docs[0].Format != sift.FormatHTML || r.docs[0].Language != "en" || r.docs[0].URL != "https://example.org/a" {
		t.Errorf("documents %+v, errors %q", r.docs, r.errText())
	}
}

// UTF-8 misread as Windows-1252 and saved again is repaired, in files and
// in records.
func TestMojibakeRepairedInWalk(t *testing.T) {
	dir := t.TempDir()
	p1 := write(t, dir, "a.txt", []byte("The minister didnâ€™t say â€œnoâ€\u009d.\n"))
	p2 := write(t, dir, "b.jsonl", []byte(`{"title": "CafÃ© owners", "text": "Itâ€™s open."}`+"\n"))
	r := walk(t, Options{}, p1, p2)
	if len(r.docs) != 2 || r.docs[0].Body != "The minister didn’t say “no”.\n" || r.docs[1].Title != "Café owners" || r.docs[1].Body != "It’s open." {
		t.Errorf("documents %+v, errors %q", r.docs, r.errText())
	}
}

// warcResponse builds one WARC response record holding an HTML page.
func warcResponse(uri, page string) string {
	http := fmt.Sprintf("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: %d\r\n\r\n%s", len(page), page)
	return fmt.Sprintf("WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: %s\r\nWARC-Date: 2024-05-01T10:00:00Z\r\nWARC-Record-ID: <urn:uuid:%s>\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: %d\r\n\r\n%s\r\n\r\n",
		uri, uri, len(http), http)
}

// WARC files, plain, gzipped per record or sniffed, yield their HTML pages
// through Walk; a file that is not a WARC is reported by name.
func TestWARC(t *testing.T) {
	dir := t.TempDir()
	one := warcResponse("https://a.example/one", "<html><body><p>First page.</p></body></html>")
	two := warcResponse("https://a.example/two", "<html><body><p>Second page.</p></body></html>")
	p1 := write(t, dir, "crawl/a.warc.gz", append(gz([]byte(one)), gz([]byte(two))...))
	p2 := write(t, dir, "crawl/b.warc", []byte(one))
	p3 := write(t, dir, "crawl/c.dat", []byte(two))
	p4 := write(t, dir, "crawl/d.warc", []byte("WARC/1.1\r\nnot really\r\n"))
	r := walk(t, Options{}, filepath.Dir(p1))
	var got []string
	for _, d := range r.docs {
		if d.Format != sift.FormatHTML || !strings.Contains(d.Body, "page.") {
			t.Errorf("%s: %s %q", d.Source, d.Format, d.Body)
		}
		got = append(got, d.Source)
	}
	want := []string{p1 + "#https://a.example/one", p1 + "#https://a.example/two", p2 + "#https://a.example/one", p3 + "#https://a.example/two"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("documents:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if len(r.errs) != 1 || !strings.HasPrefix(r.errs[0].Error(), p4+": ") {
		t.Errorf("errors:\n%s\nwant one for %s", r.errText(), p4)
	}
}
