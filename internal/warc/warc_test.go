package warc

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sift-news/sift"
)

// warcRecord builds one WARC record.
func warcRecord(version, typ, target, contentType, block string) string {
	return fmt.Sprintf("%s\r\nWARC-Type: %s\r\nWARC-Target-URI: %s\r\nWARC-Date: 2024-05-01T10:00:00Z\r\nWARC-Record-ID: <urn:uuid:%d>\r\nContent-Type: %s\r\nContent-Length: %d\r\n\r\n%s\r\n\r\n",
		version, typ, target, len(block), contentType, len(block), block)
}

func httpResponse(status, contentType, headers, body string) string {
	return fmt.Sprintf("HTTP/1.1 %s\r\nContent-Type: %s\r\n%sContent-Length: %d\r\n\r\n%s", status, contentType, headers, len(body), body)
}

func gzipped(s string) string {
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	zw.Write([]byte(s))
	zw.Close()
	return b.String()
}

// sampleRecords is a small crawl: one page of each kind a WARC holds.
func sampleRecords() []string {
	page := "<html><head><title>One</title></head><body><p>First page.</p></body></html>"
	chunked := "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nTransfer-Encoding: chunked\r\n\r\n" +
		"b\r\n<p>Chunked \r\n9\r\npage.</p>\r\n0\r\n\r\n"
	cyrillic := "<html><body><p>\xcf\xf0\xe8\xe2\xe5\xf2</p></body></html>" // "Привет" in windows-1251
	zipped := gzipped("<html><body><p>Zipped page.</p></body></html>")
	return []string{
		warcRecord("WARC/1.1", "warcinfo", "", "application/warc-fields", "software: test\r\n"),
		warcRecord("WARC/1.1", "request", "https://a.example/one", "application/http; msgtype=request", "GET /one HTTP/1.1\r\nHost: a.example\r\n\r\n"),
		warcRecord("WARC/1.1", "response", "https://a.example/one", "application/http; msgtype=response", httpResponse("200 OK", "text/html", "", page)),
		warcRecord("WARC/1.0", "response", "<https://a.example/two>", "application/http; msgtype=response", chunked),
		warcRecord("WARC/1.1", "response", "https://a.example/logo.png", "application/http; msgtype=response", httpResponse("200 OK", "image/png", "", "\x89PNG....")),
		warcRecord("WARC/1.1", "response", "https://a.example/gone", "application/http; msgtype=response", httpResponse("404 Not Found", "text/html", "", "<p>gone</p>")),
		warcRecord("WARC/1.1", "response", "https://b.example/ru", "application/http; msgtype=response", httpResponse("200 OK", "text/html; charset=windows-1251", "", cyrillic)),
		warcRecord("WARC/1.1", "response", "https://b.example/z", "application/http; msgtype=response", httpResponse("200 OK", "text/html", "Content-Encoding: gzip\r\n", zipped)),
		warcRecord("WARC/1.1", "metadata", "https://b.example/z", "application/warc-fields", "fetchTimeMs: 12\r\n"),
	}
}

func readAll(t *testing.T, data []byte) []sift.Document {
	t.Helper()
	var docs []sift.Document
	err := Read(bytes.NewReader(data), "crawl.warc.gz", func(d sift.Document) error {
		docs = append(docs, d)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return docs
}

func checkSample(t *testing.T, docs []sift.Document) {
	t.Helper()
	want := []struct{ url, text string }{
		{"https://a.example/one", "First page."},
		{"https://a.example/two", "Chunked page."},
		{"https://b.example/ru", "Привет"},
		{"https://b.example/z", "Zipped page."},
	}
	if len(docs) != len(want) {
		for _, d := range docs {
			t.Logf("got %s", d.Source)
		}
		t.Fatalf("got %d documents, want %d (HTML 200 responses only)", len(docs), len(want))
	}
	for i, w := range want {
		d := docs[i]
		if d.URL != w.url || d.Source != "crawl.warc.gz#"+w.url || d.Format != sift.FormatHTML {
			t.Errorf("doc %d = %s %s %s, want URL %s", i, d.Source, d.URL, d.Format, w.url)
		}
		if !strings.Contains(d.Body, w.text) {
			t.Errorf("doc %d body %q lacks %q", i, d.Body, w.text)
		}
	}
}

func TestReadPlain(t *testing.T) {
	checkSample(t, readAll(t, []byte(strings.Join(sampleRecords(), ""))))
}

func TestReadGzipPerRecord(t *testing.T) {
	var b bytes.Buffer
	for _, r := range sampleRecords() {
		b.WriteString(gzipped(r))
	}
	checkSample(t, readAll(t, b.Bytes()))
}

func TestFileAndIsWARC(t *testing.T) {
	path := filepath.Join(t.TempDir(), "crawl.warc.gz")
	if err := os.WriteFile(path, []byte(gzipped(strings.Join(sampleRecords(), ""))), 0o644); err != nil {
		t.Fatal(err)
	}
	if !IsWARC(path) || IsWARC("page.html") {
		t.Error("IsWARC misjudges file names")
	}
	n := 0
	if err := File(path, func(d sift.Document) error { n++; return nil }); err != nil {
		t.Fatal(err)
	}
	if n != 4 {
		t.Errorf("File yielded %d documents, want 4", n)
	}
}

func TestCorruptInput(t *testing.T) {
	full := strings.Join(sampleRecords(), "")
	for name, data := range map[string]string{
		"not warc":  "<html><body>hello</body></html>",
		"empty":     "",
		"truncated": full[:len(full)-200],
		"bad size":  "WARC/1.1\r\nWARC-Type: response\r\nContent-Length: -4\r\n\r\n",
	} {
		err := Read(strings.NewReader(data), "x.warc", func(sift.Document) error { return nil })
		if !errors.Is(err, ErrFormat) {
			t.Errorf("%s: error = %v, want ErrFormat", name, err)
		}
	}
}

func TestCallbackErrorStops(t *testing.T) {
	stop := errors.New("stop")
	n := 0
	err := Read(strings.NewReader(strings.Join(sampleRecords(), "")), "x.warc", func(sift.Document) error {
		n++
		return stop
	})
	if !errors.Is(err, stop) || n != 1 {
		t.Errorf("error = %v after %d documents, want stop after 1", err, n)
	}
}

func FuzzRead(f *testing.F) {
	recs := sampleRecords()
	f.Add([]byte(strings.Join(recs, "")))
	f.Add([]byte(gzipped(recs[2])))
	f.Add([]byte(recs[3]))
	f.Add([]byte("WARC/1.0\r\nContent-Length: 5\r\n\r\nabc"))
	f.Fuzz(func(t *testing.T, data []byte) {
		Read(bytes.NewReader(data), "f.warc", func(d sift.Document) error {
			if !strings.HasPrefix(d.Source, "f.warc#") || d.Format != sift.FormatHTML {
				t.Fatalf("bad document %q %q", d.Source, d.Format)
			}
			if !utf8Valid(d.Body) {
				t.Fatalf("body is not valid UTF-8")
			}
			return nil
		})
	})
}

func utf8Valid(s string) bool { return strings.ToValidUTF8(s, "\uFFFD") == s }

func BenchmarkRead(b *testing.B) {
	var buf bytes.Buffer
	page := "<html><body>" + strings.Repeat("<p>A paragraph of an article page, long enough to be realistic.</p>", 80) + "</body></html>"
	for i := range 100 {
		buf.WriteString(gzipped(warcRecord("WARC/1.1", "response", fmt.Sprintf("https://a.example/%d", i),
			"application/http; msgtype=response", httpResponse("200 OK", "text/html; charset=utf-8", "", page))))
	}
	data := buf.Bytes()
	b.SetBytes(int64(len(data)))
	docs := 0
	for b.Loop() {
		Read(bytes.NewReader(data), "b.warc.gz", func(sift.Document) error { docs++; return nil })
	}
	b.ReportMetric(float64(docs)/b.Elapsed().Seconds(), "articles/s")
}
