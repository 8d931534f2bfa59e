// Package reader reads inputs into sift.Documents: single files, standard
// input, directories, JSON Lines and CSV/TSV files (optionally gzipped) and
// HTML pages. It detects HTML, gzip, binary data and non-UTF-8 encodings,
// streams record-oriented files with bounded memory and enforces a size
// limit, so that a bad input yields a clear error naming it instead of bad
// text, and the other inputs are still read.
package reader

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/sift-news/sift"
)

// DefaultMaxSize is the default limit on one input's decoded size, and on
// one record (JSON line or CSV row) of a record-oriented input.
const DefaultMaxSize = 32 << 20

// Options control reading.
type Options struct {
	// MaxSize is the largest input (a text or HTML file), or the largest
	// record of a JSON Lines or CSV file, in bytes after decompression;
	// 0 means DefaultMaxSize.
	MaxSize int64
	// Columns maps a document field ("title", "text", "url", "outlet",
	// "published", "author", "language") to the CSV column or JSON key holding it, for
	// names the reader does not recognise by itself. Matching ignores case.
	Columns ColumnMap
	// Format forces the kind of every input instead of guessing it from the
	// extension and content: "text", "html", "jsonl", "json", "csv", "tsv"
	// or "warc". Mostly useful for standard input.
	Format string
	// DayFirst reads ambiguous numeric dates such as 6/12/2017 as
	// day/month/year (6 December) instead of month/day/year (12 June).
	DayFirst bool
	// Warn, if set, is told about inputs that were read but repaired, such
	// as a CSV converted from Windows-1252 or a text with invalid UTF-8.
	Warn func(error)
}

func (o Options) maxSize() int64 {
	if o.MaxSize <= 0 {
		return DefaultMaxSize
	}
	return o.MaxSize
}

func (o Options) warn(err error) {
	if o.Warn != nil {
		o.Warn(err)
	}
}

// Errors a reader reports for bad inputs; test for them with errors.Is.
var (
	ErrBinary   = errors.New("binary data, not text")
	ErrEmpty    = errors.New("empty input")
	ErrTooLarge = errors.New("exceeds size limit")
	ErrNoText   = errors.New("no text")
	ErrFormat   = errors.New("malformed record")
)

// Error is a problem with one input, or with one record of it.
type Error struct {
	Input string // the input as given: a path, or "-" for standard input
	Row   int    // CSV row (the header is row 1), or 0
	Line  int    // line of a JSON Lines record or first line of a CSV row, or 0
	Err   error
}

func (e *Error) Error() string {
	name := e.Input
	if name == "-" {
		name = "standard input"
	}
	switch {
	case e.Row > 0 && e.Line > 0 && e.Line != e.Row:
		return fmt.Sprintf("%s row %d (line %d): %v", name, e.Row, e.Line, e.Err)
	case e.Row > 0:
		return fmt.Sprintf("%s row %d: %v", name, e.Row, e.Err)
	case e.Line > 0:
		return fmt.Sprintf("%s line %d: %v", name, e.Line, e.Err)
	}
	return fmt.Sprintf("%s: %v", name, e.Err)
}

func (e *Error) Unwrap() error { return e.Err }

// openError turns an error from opening or reading path into an Error
// without repeating the path.
func openError(path string, err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		if errors.Is(pe.Err, fs.ErrNotExist) {
			err = pe.Err // "no such file or directory"
		} else {
			err = fmt.Errorf("cannot %s: %w", pe.Op, pe.Err)
		}
	}
	return &Error{Input: path, Err: err}
}

// File reads one file (or standard input for "-") as one document. HTML is
// recognised by extension (.html, .htm, optionally .gz) or content.
func File(path string, opt Options) (sift.Document, error) {
	var r io.Reader
	if path == "-" {
		r = os.Stdin
	} else {
		f, err := os.Open(path)
		if err != nil {
			return sift.Document{Source: path}, openError(path, err)
		}
		defer f.Close()
		if st, err := f.Stat(); err == nil && st.IsDir() {
			return sift.Document{Source: path}, &Error{Input: path, Err: errors.New("is a directory")}
		}
		r = f
	}
	data, err := readAll(r, opt.maxSize())
	if err != nil {
		return sift.Document{Source: path}, openError(path, err)
	}
	doc, note, err := document(path, data, opt.Format)
	if err == nil && note != "" {
		opt.warn(&Error{Input: path, Err: errors.New(note)})
	}
	return doc, err
}

// Bytes makes a document from data read from source.
func Bytes(source string, data []byte) (sift.Document, error) {
	doc, _, err := document(source, data, "")
	return doc, err
}

// document makes a document from data read from source, in format ("" to
// guess it), and says what repairs decoding needed, if any.
func document(source string, data []byte, format string) (sift.Document, string, error) {
	doc := sift.Document{Source: source, Format: sift.FormatText}
	if len(bytes.TrimSpace(data)) == 0 {
		return doc, "", &Error{Input: source, Err: ErrEmpty}
	}
	if isBinary(data) {
		return doc, "", &Error{Input: source, Err: ErrBinary}
	}
	html := format == "html" || format == "" && isHTMLName(source)
	var text, note string
	if html {
		text, note = decodeHTML(data)
	} else {
		text, note = decode(data)
	}
	// UTF-8 misread as Windows-1252 ("donâ€™t") is repaired here, so that
	// every entrance (files, records, fetched pages, posted text) gets
	// the same text.
	text = FixMojibake(stripNUL(text))
	if strings.TrimSpace(text) == "" {
		return doc, "", &Error{Input: source, Err: ErrEmpty}
	}
	if html || format == "" && looksHTML(text) {
		doc.Format = sift.FormatHTML
	}
	doc.Body = text
	return doc, note, nil
}

// isHTMLName reports whether a file name has an HTML extension, optionally
// followed by .gz.
func isHTMLName(name string) bool {
	switch extension(name) {
	case ".html", ".htm", ".xhtml":
		return true
	}
	return false
}

// extension returns the lower-cased extension of name, looking past a
// trailing .gz.
func extension(name string) string {
	name = strings.ToLower(name)
	name = strings.TrimSuffix(name, ".gz")
	return filepath.Ext(name)
}

// isGzip reports whether data starts with the gzip magic number.
func isGzip(data []byte) bool {
	return len(data) >= 2 && data[0] == 0x1f && data[1] == 0x8b
}

// readAll reads r up to limit bytes, gunzipping gzip data, and fails with
// ErrTooLarge beyond the limit (so a gzip bomb stops at the limit).
func readAll(r io.Reader, limit int64) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("%w of %d bytes", ErrTooLarge, limit)
	}
	if isGzip(data) {
		zr, err := gzip.NewReader(bytes.NewReader(data))
		if err != nil {
			return nil, fmt.Errorf("gzip: %w", err)
		}
		data, err = io.ReadAll(io.LimitReader(zr, limit+1))
		if err != nil {
			return nil, fmt.Errorf("gzip: %w", err)
		}
		if int64(len(data)) > limit {
			return nil, fmt.Errorf("%w of %d bytes after decompression", ErrTooLarge, limit)
		}
	}
	return data, nil
}

// isBinary reports whether data looks like a binary file: NUL bytes (unless
// it is UTF-16 text) or many control characters in its first 8 KiB.
func isBinary(data []byte) bool {
	head := data
	if len(head) > 8192 {
		head = head[:8192]
	}
	if bytes.IndexByte(head, 0) >= 0 {
		return utf16Encoding(head) == nil
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
	head := strings.TrimSpace(text)
	if len(head) > 512 {
		head = head[:512]
	}
	head = strings.ToLower(head)
	return strings.HasPrefix(head, "<!doctype html") || strings.HasPrefix(head, "<html") ||
		(strings.HasPrefix(head, "<") && (strings.Contains(head, "<head") || strings.Contains(head, "<body")))
}

// stripNUL removes NUL characters, which no text needs and which some
// databases truncate at.
func stripNUL(s string) string {
	if strings.IndexByte(s, 0) < 0 {
		return s
	}
	return strings.ReplaceAll(s, "\x00", "")
}
