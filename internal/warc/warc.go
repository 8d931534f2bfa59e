// Package warc reads WARC files (ISO 28500, WARC/1.0 and WARC/1.1), as
// published by news crawls such as Common Crawl's CC-NEWS, and yields the
// HTML pages among their HTTP responses as sift.Documents.
//
// A file may be plain or gzipped (usually one gzip member per record; any
// member layout works). Records other than successful HTTP responses with
// an HTML content type are skipped. Bodies are un-chunked, un-gzipped and
// converted to UTF-8 from the charset the response declares or the page's
// <meta charset>.
package warc

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"os"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html/charset"

	"github.com/sift-news/sift"
)

// Limits on what Read accepts.
const (
	MaxRecord     = 32 << 20 // bytes of one record block; larger records are skipped
	MaxHeaderLine = 64 << 10 // bytes of one WARC header line
	MaxHeaders    = 256      // header lines per record
)

// ErrFormat reports a file that is not a WARC file, or is corrupt.
var ErrFormat = errors.New("not a valid WARC file")

// File reads the WARC file at path and calls fn for each HTML page in it.
// Documents are named "path#target-uri".
func File(path string, fn func(sift.Document) error) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	if err := Read(f, path, fn); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}

// IsWARC reports whether path has a WARC file name (.warc, .warc.gz).
func IsWARC(path string) bool {
	p := strings.ToLower(path)
	return strings.HasSuffix(p, ".warc") || strings.HasSuffix(p, ".warc.gz")
}

// Read reads WARC records from r and calls fn for each HTML page; an error
// from fn stops reading and is returned. source names r in the documents.
func Read(r io.Reader, source string, fn func(sift.Document) error) error {
	br := bufio.NewReaderSize(r, 64<<10)
	if head, err := br.Peek(2); err == nil && head[0] == 0x1f && head[1] == 0x8b {
		zr, err := gzip.NewReader(br)
		if err != nil {
			return fmt.Errorf("gzip: %w", err)
		}
		defer zr.Close()
		br = bufio.NewReaderSize(zr, 64<<10)
	}
	records := 0
	for {
		rec, err := nextRecord(br)
		if err == io.EOF {
			if records == 0 {
				return fmt.Errorf("%w: no records", ErrFormat)
			}
			return nil
		}
		if err != nil {
			return fmt.Errorf("record %d: %w", records+1, err)
		}
		records++
		doc, ok := document(rec, source)
		if !ok {
			continue
		}
		if err := fn(doc); err != nil {
			return err
		}
	}
}

// record is one WARC record; block is nil when the record was too large.
type record struct {
	header map[string]string // lower-cased names
	block  []byte
}

// nextRecord reads the next record, or returns io.EOF at the end.
func nextRecord(br *bufio.Reader) (*record, error) {
	// Skip the blank lines between records.
	var line string
	for {
		l, err := readLine(br)
		if err == io.EOF && l == "" {
			return nil, io.EOF
		}
		if err != nil && err != io.EOF {
			return nil, err
		}
		if strings.TrimSpace(l) != "" {
			line = strings.TrimSpace(l)
			break
		}
		if err == io.EOF {
			return nil, io.EOF
		}
	}
	if line != "WARC/1.0" && line != "WARC/1.1" && line != "WARC/0.18" {
		return nil, fmt.Errorf("%w: unexpected line %.40q", ErrFormat, line)
	}
	rec := &record{header: map[string]string{}}
	for n := 0; ; n++ {
		if n > MaxHeaders {
			return nil, fmt.Errorf("%w: more than %d header lines", ErrFormat, MaxHeaders)
		}
		l, err := readLine(br)
		if err != nil {
			return nil, fmt.Errorf("%w: truncated header", ErrFormat)
		}
		l = strings.TrimRight(l, "\r\n")
		if l == "" {
			break
		}
		name, val, ok := strings.Cut(l, ":")
		if !ok {
			continue // tolerate junk lines
		}
		rec.header[strings.ToLower(strings.TrimSpace(name))] = strings.TrimSpace(val)
	}
	size, err := strconv.ParseInt(rec.header["content-length"], 10, 64)
	if err != nil || size < 0 {
		return nil, fmt.Errorf("%w: bad Content-Length %q", ErrFormat, rec.header["content-length"])
	}
	if size > MaxRecord {
		if _, err := io.CopyN(io.Discard, br, size); err != nil {
			return nil, fmt.Errorf("%w: truncated record", ErrFormat)
		}
		return rec, nil
	}
	// Read rather than allocate up front: a corrupt Content-Length must
	// not cost memory the file does not back.
	block, err := io.ReadAll(io.LimitReader(br, size))
	if err != nil || int64(len(block)) != size {
		return nil, fmt.Errorf("%w: truncated record", ErrFormat)
	}
	rec.block = block
	return rec, nil
}

// readLine reads one line up to MaxHeaderLine bytes.
func readLine(br *bufio.Reader) (string, error) {
	var b []byte
	for {
		chunk, isPrefix, err := br.ReadLine()
		b = append(b, chunk...)
		if len(b) > MaxHeaderLine {
			return "", fmt.Errorf("%w: header line longer than %d bytes", ErrFormat, MaxHeaderLine)
		}
		if err != nil {
			return string(b), err
		}
		if !isPrefix {
			return string(b), nil
		}
	}
}

// document turns an HTTP response record holding an HTML page into a
// Document.
func document(rec *record, source string) (sift.Document, bool) {
	if rec.block == nil || !strings.EqualFold(rec.header["warc-type"], "response") {
		return sift.Document{}, false
	}
	if ct := rec.header["content-type"]; ct != "" && !strings.HasPrefix(strings.ToLower(ct), "application/http") {
		return sift.Document{}, false
	}
	target := strings.Trim(rec.header["warc-target-uri"], "<>")
	resp, err := http.ReadResponse(bufio.NewReader(bytes.NewReader(rec.block)), nil)
	if err != nil || resp.StatusCode != http.StatusOK {
		return sift.Document{}, false
	}
	defer resp.Body.Close()
	ctype := resp.Header.Get("Content-Type")
	mt, _, _ := mime.ParseMediaType(ctype)
	if mt != "text/html" && mt != "application/xhtml+xml" {
		return sift.Document{}, false
	}
	var body io.Reader = resp.Body
	if strings.EqualFold(resp.Header.Get("Content-Encoding"), "gzip") {
		zr, err := gzip.NewReader(resp.Body)
		if err != nil {
			return sift.Document{}, false
		}
		body = zr
	}
	raw, err := io.ReadAll(io.LimitReader(body, MaxRecord))
	if err != nil && len(raw) == 0 {
		return sift.Document{}, false
	}
	text := toUTF8(raw, ctype)
	if strings.TrimSpace(text) == "" {
		return sift.Document{}, false
	}
	return sift.Document{
		Source: source + "#" + target,
		Format: sift.FormatHTML,
		Body:   text,
		URL:    target,
	}, true
}

// toUTF8 converts an HTML body to UTF-8 using the declared or sniffed
// charset.
func toUTF8(raw []byte, contentType string) string {
	enc, name, _ := charset.DetermineEncoding(raw, contentType)
	if name == "utf-8" || enc == nil {
		return strings.ToValidUTF8(string(raw), string(utf8.RuneError))
	}
	out, err := enc.NewDecoder().Bytes(raw)
	if err != nil {
		return strings.ToValidUTF8(string(raw), string(utf8.RuneError))
	}
	return strings.ToValidUTF8(string(out), string(utf8.RuneError))
}
