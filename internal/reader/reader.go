// Package reader reads inputs into sift.Documents: single files, standard
// input, directories, JSON Lines and CSV files. It detects HTML, gzip,
// binary data and non-UTF-8 encodings, and enforces a size limit, so that a
// bad input yields a clear error naming it instead of bad text.
package reader

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/sift-news/sift"
)

// DefaultMaxSize is the default limit on one input's decoded size.
const DefaultMaxSize = 32 << 20

// Options control reading.
type Options struct {
	MaxSize int64 // bytes per input after decompression; 0 means DefaultMaxSize
}

func (o Options) maxSize() int64 {
	if o.MaxSize <= 0 {
		return DefaultMaxSize
	}
	return o.MaxSize
}

// Errors a reader reports for bad inputs.
var (
	ErrBinary   = errors.New("binary data, not text")
	ErrEmpty    = errors.New("empty input")
	ErrTooLarge = errors.New("input exceeds size limit")
)

// File reads one file (or standard input for "-") as one document. HTML is
// recognised by extension (.html, .htm, optionally .gz) or content.
func File(path string, opt Options) (sift.Document, error) {
	var r io.Reader
	if path == "-" {
		r = os.Stdin
	} else {
		f, err := os.Open(path)
		if err != nil {
			return sift.Document{}, err
		}
		defer f.Close()
		r = f
	}
	data, err := readAll(r, opt.maxSize())
	if err != nil {
		return sift.Document{}, fmt.Errorf("%s: %w", path, err)
	}
	return Bytes(path, data)
}

// Bytes makes a document from data read from source.
func Bytes(source string, data []byte) (sift.Document, error) {
	doc := sift.Document{Source: source, Format: sift.FormatText}
	if len(bytes.TrimSpace(data)) == 0 {
		return doc, fmt.Errorf("%s: %w", source, ErrEmpty)
	}
	if isBinary(data) {
		return doc, fmt.Errorf("%s: %w", source, ErrBinary)
	}
	text := Decode(data)
	name := strings.ToLower(strings.TrimSuffix(source, ".gz"))
	ext := filepath.Ext(name)
	if ext == ".html" || ext == ".htm" || ext == ".xhtml" || looksHTML(text) {
		doc.Format = sift.FormatHTML
	}
	doc.Body = text
	return doc, nil
}

// readAll reads r up to limit bytes, gunzipping gzip data, and fails with
// ErrTooLarge beyond the limit (so a gzip bomb stops at the limit).
func readAll(r io.Reader, limit int64) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("%w (%d bytes)", ErrTooLarge, limit)
	}
	if len(data) > 2 && data[0] == 0x1f && data[1] == 0x8b {
		zr, err := gzip.NewReader(bytes.NewReader(data))
		if err != nil {
			return nil, fmt.Errorf("gzip: %w", err)
		}
		data, err = io.ReadAll(io.LimitReader(zr, limit+1))
		if err != nil {
			return nil, fmt.Errorf("gzip: %w", err)
		}
		if int64(len(data)) > limit {
			return nil, fmt.Errorf("%w after decompression (%d bytes)", ErrTooLarge, limit)
		}
	}
	return data, nil
}

// isBinary reports whether data looks like a binary file: NUL bytes or many
// control characters in its first 8 KiB.
func isBinary(data []byte) bool {
	head := data
	if len(head) > 8192 {
		head = head[:8192]
	}
	if bytes.IndexByte(head, 0) >= 0 {
		// UTF-16 text has NULs too; Decode handles a BOM, so only refuse without one.
		return !(len(head) >= 2 && ((head[0] == 0xff && head[1] == 0xfe) || (head[0] == 0xfe && head[1] == 0xff)))
	}
	ctrl := 0
	for _, b := range head {
		if b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f' {
			ctrl++
		}
	}
	return ctrl*20 > len(head)
}

// looksHTML reports whether text starts like an HTML document.
func looksHTML(text string) bool {
	head := strings.ToLower(strings.TrimSpace(text))
	if len(head) > 512 {
		head = head[:512]
	}
	return strings.HasPrefix(head, "<!doctype html") || strings.HasPrefix(head, "<html") ||
		(strings.HasPrefix(head, "<") && (strings.Contains(head, "<head") || strings.Contains(head, "<body")))
}

// Decode returns data as valid UTF-8: UTF-8 as is (minus a BOM), UTF-16 with
// a BOM converted, and anything else read as Windows-1252, the usual
// encoding of "Latin-1" files.
func Decode(data []byte) string {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if utf8.Valid(data) {
		return string(data)
	}
	if len(data) >= 2 && (data[0] == 0xff && data[1] == 0xfe || data[0] == 0xfe && data[1] == 0xff) {
		return decodeUTF16(data)
	}
	var b strings.Builder
	b.Grow(len(data) + len(data)/8)
	for len(data) > 0 {
		r, n := utf8.DecodeRune(data)
		if r == utf8.RuneError && n <= 1 {
			b.WriteRune(cp1252[data[0]])
			data = data[1:]
			continue
		}
		b.WriteRune(r)
		data = data[n:]
	}
	return b.String()
}

func decodeUTF16(data []byte) string {
	le := data[0] == 0xff
	data = data[2:]
	u := make([]uint16, 0, len(data)/2)
	for i := 0; i+1 < len(data); i += 2 {
		if le {
			u = append(u, uint16(data[i])|uint16(data[i+1])<<8)
		} else {
			u = append(u, uint16(data[i])<<8|uint16(data[i+1]))
		}
	}
	var b strings.Builder
	for i := 0; i < len(u); i++ {
		c := rune(u[i])
		if c >= 0xd800 && c < 0xdc00 && i+1 < len(u) && u[i+1] >= 0xdc00 && u[i+1] < 0xe000 {
			c = (c-0xd800)<<10 + (rune(u[i+1]) - 0xdc00) + 0x10000
			i++
		} else if c >= 0xd800 && c < 0xe000 {
			c = utf8.RuneError
		}
		b.WriteRune(c)
	}
	return b.String()
}

// cp1252 maps each byte to its Windows-1252 character (Latin-1 with the
// 0x80–0x9f range holding curly quotes, dashes and the euro sign).
var cp1252 = func() [256]rune {
	var t [256]rune
	for i := range t {
		t[i] = rune(i)
	}
	hi := []rune{0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8d, 0x017d, 0x8f,
		0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x9d, 0x017e, 0x0178}
	copy(t[0x80:0xa0], hi)
	return t
}()
