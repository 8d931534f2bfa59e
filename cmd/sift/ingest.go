package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"

	"github.com/sift-news/sift"
	"github.com/sift-news/sift/internal/analyze"
	"github.com/sift-news/sift/internal/ingest"
	"github.com/sift-news/sift/internal/postgres"
	"github.com/sift-news/sift/internal/reader"
	"github.com/sift-news/sift/internal/sqlite"
)

func runIngest(args []string) error {
	fs := flag.NewFlagSet("ingest", flag.ContinueOnError)
	dbPath := fs.String("db", "sift.db", "store: a SQLite file `path`, or a postgres:// URL to queue the documents for sift worker")
	maxSize := fs.Int64("max-size", reader.DefaultMaxSize, "largest input or record in `bytes`")
	outlet := fs.String("outlet", "", "outlet `name` for inputs that do not name one (nor their side-car file, their folder's sift.tsv or their text)")
	published := fs.String("published", "", "publication `date` for inputs that do not give one (YYYY-MM-DD, or any date the reader understands)")
	workers := fs.Int("workers", runtime.NumCPU(), "analysis workers")
	batch := fs.Int("batch", 200, "documents stored per transaction (a killed run loses at most one batch)")
	quiet := fs.Bool("quiet", false, "no progress line")
	allowPrivate := fs.Bool("allow-private", false, "allow fetching URLs on loopback, private and link-local addresses")
	format := fs.String("format", "", "read every input as `kind`: text, html, jsonl, json, csv, tsv or warc (default: from extension and content; useful for -)")
	dayFirst := fs.Bool("day-first", false, "read ambiguous numeric dates such as 6/12/2017 as day/month/year")
	cols := map[string]*string{}
	for _, c := range []struct{ field, what string }{
		{"title", "the title"}, {"text", "the article text"}, {"url", "the article's URL"},
		{"outlet", "the outlet's name"}, {"published", "the publication date"},
		{"author", "the author"}, {"language", "the language code"},
	} {
		cols[c.field] = fs.String(c.field+"-col", "", "CSV `column` holding "+c.what)
	}
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "usage: sift ingest --db PATH [flags] INPUT... (files, directories, - for standard input, .jsonl, .csv, .warc, http(s) URLs)")
		fmt.Fprintln(fs.Output(), `
Inputs that do not say their outlet or date (plain-text scrapes) get them, first to last, from
a side-car file NAME.txt.json ({"outlet": "…", "published": "YYYY-MM-DD", "author": "…", …}),
a sift.tsv in their folder or a folder above (lines PATTERN<TAB>OUTLET<TAB>PUBLISHED, "*" for every file),
--outlet and --published, and their text ("MOSCOW (Reuters) -", "© 2018 TASS", a dateline with a date).
Articles still without one are shown as "outlet unknown" or "date unknown".

flags:`)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return errors.New("no input")
	}
	if *published != "" {
		d := reader.NormalizeDate(*published, *dayFirst)
		if d == "" {
			return fmt.Errorf("--published: cannot read the date %q (use YYYY-MM-DD)", *published)
		}
		*published = d
	}
	opt := reader.Options{MaxSize: *maxSize, Columns: map[string]string{}, Format: *format, DayFirst: *dayFirst,
		Warn: func(err error) { fmt.Fprintf(os.Stderr, "sift ingest: warning: %v\n", err) }}
	for f, c := range cols {
		if *c != "" {
			opt.Columns[f] = *c
		}
	}
	var progress io.Writer = os.Stderr
	if *quiet {
		progress = nil
	}
	urls, paths := splitURLs(fs.Args())
	walk := func(fn func(sift.Document) error, onErr func(error)) error {
		if *published != "" {
			given := fn
			fn = func(d sift.Document) error {
				reader.Meta{Published: *published}.Fill(&d)
				return given(d)
			}
		}
		if err := fetchAll(context.Background(), urls, *allowPrivate, fn, onErr); err != nil {
			return err
		}
		if len(paths) == 0 {
			return nil
		}
		return reader.Walk(paths, opt, fn, onErr)
	}
	if postgres.IsURL(*dbPath) {
		// A PostgreSQL store is fed through its work queue; sift worker
		// processes, on any machines, analyse and store.
		return ingestQueue(context.Background(), *dbPath, walk, ingestOptions{Outlet: *outlet, Progress: progress, Errors: os.Stderr})
	}
	db, err := sqlite.Open(*dbPath)
	if err != nil {
		return err
	}
	defer db.Close()
	in := newIngester(db, analyze.Default(), ingestOptions{Outlet: *outlet, Workers: *workers, Batch: *batch, Progress: progress, Errors: os.Stderr})
	st, err := in.Run(context.Background(), walk)
	fmt.Fprintf(os.Stderr, "sift ingest: %d read, %d stored, %d already stored, %d failed\n", st.Read, st.Added, st.Skipped, st.Failed)
	if err != nil {
		return err
	}
	if st.Failed > 0 {
		return errFailed
	}
	return nil
}

// ingestOptions tune an ingest run.
type ingestOptions struct {
	Outlet   string    // default outlet
	Workers  int       // analysis goroutines
	Batch    int       // documents per transaction (or per queue insert)
	Progress io.Writer // progress line, or nil
	Errors   io.Writer // one line per failed input, or nil
}

// newIngester returns the one ingest path over st, set up from o.
func newIngester(st ingest.Store, p *analyze.Pipeline, o ingestOptions) *ingest.Ingester {
	in := ingest.New(st, p)
	in.Outlet, in.Workers, in.Batch, in.Progress = o.Outlet, o.Workers, o.Batch, o.Progress
	if o.Errors != nil {
		in.Fail = func(err error) { fmt.Fprintf(o.Errors, "sift ingest: %v\n", err) }
	}
	return in
}
