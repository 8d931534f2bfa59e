package reader

import (
	"bufio"
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
	"github.com/sift-news/sift/internal/warc"
)

// The kinds of input Walk reads.
const (
	kindText  = "text"
	kindHTML  = "html"
	kindJSONL = "jsonl"
	kindJSON  = "json"
	kindCSV   = "csv"
	kindTSV   = "tsv"
	kindWARC  = "warc"
)

// kindByExtension maps file extensions (after removing .gz) to input kinds;
// anything else is read as one text or HTML document.
var kindByExtension = map[string]string{
	".jsonl":  kindJSONL,
	".ndjson": kindJSONL,
	".json":   kindJSON,
	".csv":    kindCSV,
	".tsv":    kindTSV,
	".tab":    kindTSV,
	".html":   kindHTML,
	".htm":    kindHTML,
	".xhtml":  kindHTML,
	".warc":   kindWARC,
}

// Walk reads every document in inputs and calls fn for each, in order.
// Inputs are files, directories (recursively, sorted, skipping hidden
// files), "-" for standard input, JSON Lines (.jsonl/.ndjson: one article
// per line with title, text (or content/body), url, outlet (or
// source/site), published (or date), author), CSV/TSV with a header, HTML
// (.html/.htm, optionally .gz) and plain text; also .json files holding an
// array of such objects, and WARC files (.warc, .warc.gz), whose HTML
// responses are read by package warc. An input or record that
// cannot be read is passed to onErr (an error whose message names the input
// and, for records, the line/row) and skipped; the others go on. Walk
// returns early only with the error fn returns.
//
// Text is decoded to UTF-8 as Decode does, and UTF-8 misread as
// Windows-1252 ("donâ€™t") is repaired with FixMojibake. Record-oriented
// inputs (JSON Lines, CSV) are streamed record by record,
// optionally gzipped, so memory stays bounded by opt.MaxSize whatever
// their size; directories are read one file at a time.
func Walk(inputs []string, opt Options, fn func(sift.Document) error, onErr func(error)) error {
	if onErr == nil {
		onErr = func(error) {}
	}
	if err := checkColumns(opt.Columns); err != nil {
		onErr(err)
		return nil
	}
	if opt.Format != "" && !knownFormat(opt.Format) {
		onErr(fmt.Errorf("unknown input format %q (want text, html, jsonl, json, csv, tsv or warc)", opt.Format))
		return nil
	}
	w := &walker{opt: opt, fn: fn, onErr: onErr}
	for _, in := range inputs {
		if err := w.input(in); err != nil {
			return err
		}
	}
	return nil
}

func knownFormat(f string) bool {
	switch f {
	case kindText, kindHTML, kindJSONL, kindJSON, kindCSV, kindTSV, kindWARC:
		return true
	}
	return false
}

// walker carries Walk's arguments through the inputs. Its methods return
// only errors from fn; everything else goes to onErr.
type walker struct {
	opt   Options
	fn    func(sift.Document) error
	onErr func(error)
	br    *bufio.Reader // reused from input to input
	zbr   *bufio.Reader // the same for decompressed input

	folders map[string][]folderLine // sift.tsv lines by folder, read once
}

// reader returns *b reset to read r, allocating it on first use.
func reader(b **bufio.Reader, r io.Reader) *bufio.Reader {
	if *b == nil {
		*b = bufio.NewReaderSize(r, 64<<10)
	} else {
		(*b).Reset(r)
	}
	return *b
}

func (w *walker) input(path string) error {
	if path == "-" {
		return w.stream(path, os.Stdin, w.opt.Format)
	}
	st, err := os.Stat(path)
	if err != nil {
		w.onErr(openError(path, err))
		return nil
	}
	if st.IsDir() {
		return w.dir(path)
	}
	if isMetaFile(path) {
		return nil
	}
	return w.file(path, "")
}

// dir reads the files under root in lexical order, skipping hidden files
// and directories (names starting with "."), symbolic links to directories
// and anything that is not a regular file.
func (w *walker) dir(root string) error {
	if st, err := os.Lstat(root); err == nil && st.Mode()&fs.ModeSymlink != 0 {
		root += string(filepath.Separator) // makes WalkDir follow a link given as the root
	}
	return filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			w.onErr(openError(path, err))
			if d != nil && d.IsDir() && path != root {
				return fs.SkipDir
			}
			return nil
		}
		if path != root && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		switch {
		case d.IsDir():
			return nil
		case d.Type()&fs.ModeSymlink != 0:
			st, err := os.Stat(path)
			if err != nil {
				w.onErr(openError(path, err))
				return nil
			}
			if !st.Mode().IsRegular() {
				return nil
			}
		case !d.Type().IsRegular():
			return nil
		}
		if isMetaFile(path) {
			return nil
		}
		return w.file(path, root)
	})
}

// file reads one file of any kind, found under the directory root ("" for
// a file given by itself). What its side-car file and its folders'
// sift.tsv say fills the fields its documents leave empty.
func (w *walker) file(path, root string) error {
	meta, err := w.fileMeta(path, root)
	if err != nil {
		w.onErr(&Error{Input: path, Err: err})
		return nil
	}
	f, err := os.Open(path)
	if err != nil {
		w.onErr(openError(path, err))
		return nil
	}
	defer f.Close()
	kind := w.opt.Format
	if kind == "" {
		kind = kindByExtension[extension(path)]
	}
	if meta == (Meta{}) {
		return w.stream(path, f, kind)
	}
	fn := w.fn
	w.fn = func(d sift.Document) error {
		meta.Fill(&d)
		return fn(d)
	}
	defer func() { w.fn = fn }()
	return w.stream(path, f, kind)
}

// stream reads one input from r; kind is "" to decide from its content.
func (w *walker) stream(name string, r io.Reader, kind string) error {
	br := reader(&w.br, r)
	head, err := br.Peek(2)
	if err != nil && err != io.EOF {
		w.onErr(openError(name, err))
		return nil
	}
	gzipped := isGzip(head)
	if gzipped {
		zr, err := gzip.NewReader(br)
		if err != nil {
			w.onErr(&Error{Input: name, Err: fmt.Errorf("gzip: %w", err)})
			return nil
		}
		defer zr.Close()
		br = reader(&w.zbr, zr)
	}
	head, err = br.Peek(8192)
	if err != nil && err != io.EOF && err != bufio.ErrBufferFull {
		w.onErr(&Error{Input: name, Err: readError(err)})
		return nil
	}
	if kind == "" {
		kind = sniffKind(head)
	}
	switch kind {
	case kindJSONL, kindJSON, kindCSV, kindTSV:
		if len(bytes.TrimSpace(head)) == 0 {
			w.onErr(&Error{Input: name, Err: ErrEmpty})
			return nil
		}
		if isBinary(head) {
			w.onErr(&Error{Input: name, Err: ErrBinary})
			return nil
		}
		text, note := decodeStream(br)
		if note != "" {
			w.opt.warn(&Error{Input: name, Err: errors.New(note)})
		}
		switch kind {
		case kindJSONL:
			return readJSONL(name, text, w.opt, w.fn, w.onErr)
		case kindJSON:
			tbr, ok := text.(*bufio.Reader)
			if !ok {
				tbr = bufio.NewReaderSize(text, 64<<10)
			}
			return readJSON(name, tbr, w.opt, w.fn, w.onErr)
		case kindTSV:
			return readCSV(name, text, '\t', w.opt, w.fn, w.onErr)
		}
		return readCSV(name, text, sniffComma(head), w.opt, w.fn, w.onErr)
	case kindWARC:
		return w.warc(name, br)
	}
	data, err := readAll(br, w.opt.maxSize())
	if errors.Is(err, ErrTooLarge) && gzipped {
		err = fmt.Errorf("%w of %d bytes after decompression", ErrTooLarge, w.opt.maxSize())
	}
	if err != nil {
		w.onErr(openError(name, err))
		return nil
	}
	format := w.opt.Format
	if format == "" && kind == kindHTML {
		format = kindHTML
	}
	doc, note, err := document(name, data, format)
	if err != nil {
		w.onErr(err)
		return nil
	}
	if note != "" {
		w.opt.warn(&Error{Input: name, Err: errors.New(note)})
	}
	return w.fn(doc)
}

// sniffKind guesses the kind of an input without a telling extension from
// its first bytes: a WARC record, JSON Lines (starting with {"), or else
// a text or HTML document.
func sniffKind(head []byte) string {
	head = bytes.TrimPrefix(head, bomUTF8)
	if bytes.HasPrefix(head, []byte("WARC/")) {
		return kindWARC
	}
	t := bytes.TrimLeft(head, " \t\r\n")
	if len(t) > 0 && t[0] == '{' && bytes.HasPrefix(bytes.TrimLeft(t[1:], " \t"), []byte{'"'}) {
		return kindJSONL
	}
	return ""
}

// warc reads the HTML pages of a WARC file (already decompressed) with
// package warc. A problem with the file goes to onErr; an error from fn is
// returned.
func (w *walker) warc(name string, r io.Reader) error {
	var stop error
	err := warc.Read(r, name, func(d sift.Document) error {
		d.Body = FixMojibake(d.Body)
		stop = w.fn(d)
		return stop
	})
	if stop != nil {
		return stop
	}
	if err != nil {
		w.onErr(&Error{Input: name, Err: err})
	}
	return nil
}
