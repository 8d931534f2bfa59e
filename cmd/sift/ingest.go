package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"sync"
	"time"

	"github.com/sift-news/sift"
	"github.com/sift-news/sift/internal/analyze"
	"github.com/sift-news/sift/internal/clean"
	"github.com/sift-news/sift/internal/postgres"
	"github.com/sift-news/sift/internal/reader"
	"github.com/sift-news/sift/internal/sqlite"
)

func init() {
	register("ingest", "read, clean, analyze and store articles (idempotent)", runIngest)
}

// afterStore lists what runs after each batch of newly stored articles
// (linking into stories, reuse detection); capabilities add theirs from
// their own files.
var afterStore []func(ctx context.Context, db *sqlite.DB, added []*sift.Article) error

// ingestStats counts what an ingest run did.
type ingestStats struct {
	read, added, skipped, failed int
}

func runIngest(args []string) error {
	fs := flag.NewFlagSet("ingest", flag.ContinueOnError)
	dbPath := fs.String("db", "sift.db", "store: a SQLite file `path`, or a postgres:// URL to queue the documents for sift worker")
	maxSize := fs.Int64("max-size", reader.DefaultMaxSize, "largest input or record in `bytes`")
	outlet := fs.String("outlet", "", "outlet for inputs that do not name one")
	workers := fs.Int("workers", runtime.NumCPU(), "analysis workers")
	quiet := fs.Bool("quiet", false, "no progress line")
	allowPrivate := fs.Bool("allow-private", false, "allow fetching URLs on loopback, private and link-local addresses")
	format := fs.String("format", "", "read every input as `kind`: text, html, jsonl, json, csv, tsv or warc (default: from extension and content; useful for -)")
	dayFirst := fs.Bool("day-first", false, "read ambiguous numeric dates such as 6/12/2017 as day/month/year")
	cols := map[string]*string{}
	for _, f := range []string{"title", "text", "url", "outlet", "published", "author", "language"} {
		cols[f] = fs.String(f+"-col", "", "CSV `column` holding the "+f)
	}
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "usage: sift ingest --db PATH [flags] INPUT... (files, directories, - for standard input, .jsonl, .csv, .warc, http(s) URLs)")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return errors.New("no input")
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
	st, err := ingest(context.Background(), db, analyze.Default(), walk, ingestOptions{
		Outlet: *outlet, Workers: *workers, Progress: progress, Errors: os.Stderr,
	})
	fmt.Fprintf(os.Stderr, "sift ingest: %d read, %d stored, %d already stored, %d failed\n", st.read, st.added, st.skipped, st.failed)
	if err != nil {
		return err
	}
	if st.failed > 0 {
		return errFailed
	}
	return nil
}

// ingestOptions tune an ingest run.
type ingestOptions struct {
	Outlet   string    // default outlet
	Workers  int       // analysis goroutines
	Batch    int       // articles per transaction
	Progress io.Writer // progress line, or nil
	Errors   io.Writer // one line per failed input, or nil
}

// ingest analyses every document walk yields and stores the new ones in
// batches, one transaction each. A run killed halfway loses at most the open
// batch; running it again skips what was stored, so every article ends up
// stored exactly once.
func ingest(ctx context.Context, db *sqlite.DB, p *analyze.Pipeline, walk func(fn func(sift.Document) error, onErr func(error)) error, o ingestOptions) (ingestStats, error) {
	if o.Workers < 1 {
		o.Workers = 1
	}
	if o.Batch < 1 {
		o.Batch = 200
	}
	var st ingestStats
	start := time.Now()
	lastProgress := start
	fail := func(err error) {
		st.failed++
		if o.Errors != nil {
			fmt.Fprintf(o.Errors, "sift ingest: %v\n", err)
		}
	}
	var docs []sift.Document
	flush := func() error {
		for i := range docs {
			if docs[i].Outlet == "" {
				docs[i].Outlet = o.Outlet
			}
		}
		added, skipped, err := storeBatch(ctx, db, p, docs, o.Workers, fail)
		docs = docs[:0]
		if err != nil {
			return err
		}
		st.added += len(added)
		st.skipped += skipped
		if len(added) > 0 {
			for _, f := range afterStore {
				if err := f(ctx, db, added); err != nil {
					return err
				}
			}
		}
		if o.Progress != nil && time.Since(lastProgress) > progressEvery(o.Progress) {
			lastProgress = time.Now()
			rate := float64(st.read) / time.Since(start).Seconds()
			end := "\n"
			if isTerminal(o.Progress) {
				end = "   \r"
			}
			fmt.Fprintf(o.Progress, "%d read, %d stored, %d failed (%.0f/s)%s", st.read, st.added, st.failed, rate, end)
		}
		return nil
	}
	err := walk(func(d sift.Document) error {
		st.read++
		docs = append(docs, d)
		if len(docs) >= o.Batch {
			return flush()
		}
		return nil
	}, fail)
	if err == nil {
		err = flush()
	}
	if o.Progress != nil && isTerminal(o.Progress) && time.Since(start) > time.Second {
		fmt.Fprintln(o.Progress)
	}
	return st, err
}

// batchStore is the part of a store that ingest writes to; both backends
// have it.
type batchStore interface {
	lineCounter
	PutArticles(ctx context.Context, as []*sift.Article) ([]*sift.Article, error)
	AddLines(ctx context.Context, outlet string, keys []int64) error
}

// storeBatch analyses docs with p (cleaning each against its outlet's
// template lines), stores the articles not stored yet in one transaction,
// and records their lines for the outlet's template. It returns the
// articles added and how many were stored already; each document that
// cannot be analysed goes to fail instead.
func storeBatch(ctx context.Context, db batchStore, p *analyze.Pipeline, docs []sift.Document, workers int, fail func(error)) ([]*sift.Article, int, error) {
	counts, keys, err := templateCounts(ctx, db, docs)
	if err != nil {
		return nil, 0, err
	}
	var batch []*sift.Article
	keysOf := map[*sift.Article][]int64{}
	for i, a := range analyzeAll(p, docs, workers, templateOptions(counts)) {
		if a.err != nil {
			fail(a.err)
			continue
		}
		a.art.ID = sift.ArticleID(a.art.Outlet, a.art.Text)
		batch = append(batch, a.art)
		keysOf[a.art] = keys[i]
	}
	if len(batch) == 0 {
		return nil, 0, nil
	}
	added, err := db.PutArticles(ctx, batch)
	if err != nil {
		return nil, 0, err
	}
	for _, a := range added {
		if a.Outlet != "" && len(keysOf[a]) > 0 {
			if err := db.AddLines(ctx, a.Outlet, keysOf[a]); err != nil {
				return nil, 0, err
			}
		}
	}
	return added, len(batch) - len(added), nil
}

// templateArticles is how many articles of one outlet (the one being
// cleaned included) must share a short line for it to count as the
// outlet's template text rather than the article's.
const templateArticles = 4

// lineCounter is the part of a store that counts an outlet's lines; both
// backends have it.
type lineCounter interface {
	LineCounts(ctx context.Context, outlet string, keys []int64) (map[int64]int, error)
}

// templateCounts returns, for the outlets of docs, how many articles
// (stored, or in this batch) contain each of their short lines, and each
// document's line keys.
func templateCounts(ctx context.Context, db lineCounter, docs []sift.Document) (map[string]map[int64]int, [][]int64, error) {
	keys := make([][]int64, len(docs))
	byOutlet := map[string][]int64{}
	counts := map[string]map[int64]int{}
	for i, d := range docs {
		if d.Outlet == "" || d.Format != sift.FormatText {
			continue
		}
		keys[i] = clean.TemplateCandidates(d.Body)
		byOutlet[d.Outlet] = append(byOutlet[d.Outlet], keys[i]...)
	}
	for outlet, ks := range byOutlet {
		c, err := db.LineCounts(ctx, outlet, ks)
		if err != nil {
			return nil, nil, err
		}
		for _, k := range ks { // occurrences within this batch (keys are distinct per document)
			c[k]++
		}
		counts[outlet] = c
	}
	return counts, keys, nil
}

// isTerminal reports whether w is a terminal, where a progress line can
// be rewritten in place.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

// progressEvery is how often progress is reported: every second on a
// terminal, every ten seconds in a log.
func progressEvery(w io.Writer) time.Duration {
	if isTerminal(w) {
		return time.Second
	}
	return 10 * time.Second
}

type analyzed struct {
	art *sift.Article
	err error
}

// templateOptions returns the cleaner options for a document: its outlet's
// template lines, from counts made by templateCounts.
func templateOptions(counts map[string]map[int64]int) func(sift.Document) clean.Options {
	return func(d sift.Document) clean.Options {
		c := counts[d.Outlet]
		if d.Outlet == "" || len(c) == 0 {
			return clean.Options{}
		}
		return clean.Options{Repeated: func(line string) bool { return c[clean.LineKey(line)] >= templateArticles }}
	}
}

// analyzeAll cleans and analyses docs on n goroutines, keeping their order.
func analyzeAll(p *analyze.Pipeline, docs []sift.Document, n int, opts func(sift.Document) clean.Options) []analyzed {
	out := make([]analyzed, len(docs))
	var wg sync.WaitGroup
	next := make(chan int)
	for w := 0; w < n; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				a, err := p.ArticleWith(docs[i], false, opts(docs[i]))
				out[i] = analyzed{a, err}
			}
		}()
	}
	for i := range docs {
		next <- i
	}
	close(next)
	wg.Wait()
	return out
}
