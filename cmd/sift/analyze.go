package main

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/sift-news/sift"
	"github.com/sift-news/sift/internal/analyze"
	"github.com/sift-news/sift/internal/fetch"
	"github.com/sift-news/sift/internal/propaganda"
	"github.com/sift-news/sift/internal/reader"
)

func runAnalyze(args []string) error {
	fs := flag.NewFlagSet("analyze", flag.ContinueOnError)
	raw := fs.Bool("raw", false, "skip cleaning: text is the input byte for byte")
	format := fs.String("format", "text", "output format: json or text")
	maxSize := fs.Int64("max-size", reader.DefaultMaxSize, "largest input in bytes")
	allowPrivate := fs.Bool("allow-private", false, "allow fetching URLs on loopback, private and link-local addresses")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "usage: sift analyze [--raw] [--format json|text] PATH... (PATH may be - for standard input, or an http(s) URL)")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	if err := checkFormat(*format); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return fmt.Errorf("no input")
	}
	analyze.Warm()
	p := analyze.Default()
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	enc := newJSONEncoder(out)
	failed := false
	fail := func(err error) {
		out.Flush()
		fmt.Fprintf(os.Stderr, "sift analyze: %v\n", err)
		failed = true
	}
	emit := func(doc sift.Document) error {
		a, err := p.Article(doc, *raw)
		if err != nil {
			fail(err)
			return nil
		}
		if *format == "json" {
			return enc.Encode(a)
		}
		writeText(out, a)
		return nil
	}
	opt := reader.Options{MaxSize: *maxSize, Warn: func(err error) {
		out.Flush()
		fmt.Fprintf(os.Stderr, "sift analyze: warning: %v\n", err)
	}}
	var client *fetch.Client
	for _, path := range fs.Args() {
		switch {
		case isURL(path):
			if client == nil {
				client = fetch.New(fetch.Options{AllowPrivate: *allowPrivate})
			}
			doc, err := fetchDocument(context.Background(), client, path)
			if err != nil {
				fail(fmt.Errorf("%s: %w", path, err))
				continue
			}
			if err := emit(doc); err != nil {
				return err
			}
		case isRecords(path):
			// A file of records (CSV, JSON Lines, WARC…) is read as ingest
			// reads it: one article per record.
			if err := reader.Walk([]string{path}, opt, emit, fail); err != nil {
				return err
			}
		default:
			doc, err := reader.File(path, opt)
			if err != nil {
				fail(err)
				continue
			}
			if err := emit(doc); err != nil {
				return err
			}
		}
	}
	if failed {
		return errFailed
	}
	return nil
}

// recordExtensions are the extensions (before an optional .gz) of files
// that hold records rather than one document, as package reader reads
// them.
var recordExtensions = map[string]bool{".jsonl": true, ".ndjson": true, ".json": true, ".csv": true, ".tsv": true, ".tab": true, ".warc": true}

// isRecords reports whether path names a file of records. Other files,
// whatever they hold, are one document each, so that --raw offsets of a
// text file stay those of the file.
func isRecords(path string) bool {
	return recordExtensions[strings.ToLower(filepath.Ext(strings.TrimSuffix(strings.ToLower(path), ".gz")))]
}

// writeText prints an article for a person to read.
func writeText(w *bufio.Writer, a *sift.Article) {
	fmt.Fprintf(w, "== %s\n", a.Source)
	fmt.Fprintf(w, "title:     %s\n", a.Title)
	fmt.Fprintf(w, "outlet:    %s\n", outletOr(a.Outlet))
	fmt.Fprintf(w, "published: %s\n", dateOr(a.Published))
	if a.Dateline != "" {
		fmt.Fprintf(w, "dateline:  %s\n", a.Dateline)
	}
	for _, c := range a.Captions {
		fmt.Fprintf(w, "caption:   %s\n", c)
	}
	fmt.Fprintf(w, "\n%s\n\n", a.Text)
	for _, e := range a.Entities {
		fmt.Fprintf(w, "entity     %-6s %s (%s)\n", e.Type, e.Text, e.Canonical)
	}
	for _, q := range a.Quotes {
		who := "?"
		if q.Speaker != nil {
			who = q.Speaker.Text
			if q.Speaker.Canonical != "" {
				who = q.Speaker.Canonical
			}
		}
		fmt.Fprintf(w, "quote      %-8s %s: %q", q.Kind, who, q.Text)
		for _, v := range q.Via {
			fmt.Fprintf(w, " via %s", v.Text)
		}
		fmt.Fprintln(w)
	}
	for _, t := range a.Techniques {
		fmt.Fprintf(w, "technique  %s %.2f %q\n", propaganda.Label(t.Technique), t.Score, t.Text)
	}
	for _, b := range a.Boilerplate {
		fmt.Fprintf(w, "removed    [%s] %s\n", b.Reason, b.Text)
	}
	for _, c := range a.Comments {
		fmt.Fprintf(w, "comment    %s: %s\n", c.Author, c.Text)
	}
	fmt.Fprintln(w)
}
