package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/url"
	"os"
	"os/signal"
	"runtime"
	"strconv"
	"sync"
	"syscall"
	"time"

	"github.com/sift-news/sift"
	"github.com/sift-news/sift/internal/analyze"
	"github.com/sift-news/sift/internal/claim"
	"github.com/sift-news/sift/internal/ingest"
	"github.com/sift-news/sift/internal/plural"
	"github.com/sift-news/sift/internal/postgres"
	"github.com/sift-news/sift/internal/sqlite"
)

func runWorker(args []string) error {
	fs := flag.NewFlagSet("worker", flag.ContinueOnError)
	dbURL := fs.String("db", "", "PostgreSQL store `url` (postgres://user@host:port/db)")
	workers := fs.Int("workers", runtime.NumCPU(), "concurrent workers in this process")
	once := fs.Bool("once", false, "exit when the queue is empty instead of waiting for more work")
	batch := fs.Int("batch", 20, "documents claimed and stored at a time")
	lease := fs.Duration("lease", 5*time.Minute, "how long a claim lasts; unfinished documents then return to the queue")
	poll := fs.Duration("poll", 2*time.Second, "how often an idle worker looks for work")
	maxAttempts := fs.Int("max-attempts", 3, "claims of a document before it is marked failed")
	status := fs.Bool("status", false, "print the number of queued, running, done and failed documents and exit")
	quiet := fs.Bool("quiet", false, "no progress line")
	linking := fs.Bool("link", true, "link stored articles into stories (one worker at a time holds the link lock)")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "usage: sift worker --db postgres://… [--workers N] [--once] [flags]\n\n"+
			"Documents are queued by sift ingest --db postgres://…; run any number of workers, on any machines.")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		fs.Usage()
		return fmt.Errorf("unexpected arguments: %v", fs.Args())
	}
	if !postgres.IsURL(*dbURL) {
		fs.Usage()
		return errors.New("a PostgreSQL store is needed: --db postgres://…")
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	db, err := postgres.Open(ctx, withPoolSize(*dbURL, max(*workers, 1)+2))
	if err != nil {
		return err
	}
	defer db.Close()
	if *status {
		c, err := db.QueueCounts(ctx)
		if err != nil {
			return err
		}
		fmt.Printf("queued %d\nrunning %d\ndone %d\nfailed %d\n", c["queued"], c["running"], c["done"], c["failed"])
		return nil
	}

	host, _ := os.Hostname()
	var progress io.Writer = os.Stderr
	if *quiet {
		progress = nil
	}
	var mu sync.Mutex
	var total postgres.WorkerStats
	start, last := time.Now(), time.Now()
	report := func(st postgres.WorkerStats) {
		mu.Lock()
		defer mu.Unlock()
		total.Add(st)
		if progress != nil && time.Since(last) > time.Second {
			last = time.Now()
			fmt.Fprintf(progress, "\r%d done, %d stored, %d failed (%.0f/s)   ",
				total.Claimed, total.Added, total.Failed, float64(total.Claimed)/time.Since(start).Seconds())
		}
	}
	in := ingest.New(db, analyze.Default())
	if *linking {
		in.ClaimScores = claim.NewScores()
	}
	var wg sync.WaitGroup
	errs := make(chan error, max(*workers, 1)+1)
	for i := range max(*workers, 1) {
		w := &postgres.Worker{
			DB:          db,
			Name:        fmt.Sprintf("%s:%d:%d", host, os.Getpid(), i),
			Analyze:     queueAnalyzer(in),
			Batch:       *batch,
			Lease:       *lease,
			MaxAttempts: *maxAttempts,
		}
		if *linking {
			w.AfterStore = func(ctx context.Context, added []*sift.Article) error {
				// Score the new claims against the store as it is now,
				// outside the link lock: whoever links them takes the
				// scores instead of computing them under the lock. The
				// scores only save time: when they fail, linking scores
				// the pairs itself, and its own error is the one that
				// counts.
				if err := in.ClaimScores.Prescore(ctx, db, claim.KeysOf(added)); err != nil && ctx.Err() == nil {
					fmt.Fprintf(os.Stderr, "sift worker %s: scoring claims ahead: %v (linking scores them)\n", w.Name, err)
				}
				return in.Link(ctx, false)
			}
			w.Idle = func(ctx context.Context) error { return in.Link(ctx, false) }
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				_, err := w.Run(ctx, *once, *poll, report)
				if err == nil || ctx.Err() != nil {
					return
				}
				if *once {
					stop() // one failing worker stops the others
					errs <- err
					return
				}
				// A long-running worker outlives a database restart or a
				// network blip: its claimed jobs return to the queue when
				// their lease expires, and it tries again.
				fmt.Fprintf(os.Stderr, "sift worker %s: %v (retrying)\n", w.Name, err)
				select {
				case <-ctx.Done():
					return
				case <-time.After(max(*poll, 5*time.Second)):
				}
			}
		}()
	}
	wg.Wait()
	if *linking && *once && ctx.Err() == nil {
		// Articles stored while another process held the link lock may
		// be left: wait for the lock and link them.
		errs <- in.Link(ctx, true)
	}
	close(errs)
	if progress != nil && time.Since(start) > time.Second {
		fmt.Fprintln(progress)
	}
	fmt.Fprintf(os.Stderr, "sift worker: %s, %d stored, %d already stored, %d failed, %d lost to other workers (%.0f/s)\n",
		plural.Count(total.Claimed, "document"), total.Added, total.Skipped, total.Failed, total.Lost, float64(total.Claimed)/time.Since(start).Seconds())
	for err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// withPoolSize asks for a connection pool of n connections (one per
// worker, one for the link lock, one spare) unless the URL sets its own
// pool_max_conns.
func withPoolSize(dbURL string, n int) string {
	u, err := url.Parse(dbURL)
	if err != nil || u.Query().Has("pool_max_conns") {
		return dbURL
	}
	q := u.Query()
	q.Set("pool_max_conns", strconv.Itoa(n))
	u.RawQuery = q.Encode()
	return u.String()
}

// anyStore is what the commands that read a store need, whichever the
// backend: the whole store of package sift, and the ingest path's writes
// and link state (which the root package cannot name yet: they speak of
// the linker's types). *sqlite.DB and *postgres.DB both satisfy it.
type anyStore interface {
	sift.Store
	ingest.Store
}

var (
	_ anyStore = (*sqlite.DB)(nil)
	_ anyStore = (*postgres.DB)(nil)
)

// openStore opens the store a --db value names: a PostgreSQL database for
// a postgres:// or postgresql:// URL, otherwise a SQLite file.
func openStore(ctx context.Context, db string) (anyStore, error) {
	if postgres.IsURL(db) {
		s, err := postgres.Open(ctx, db)
		if err != nil {
			return nil, err
		}
		return s, nil
	}
	s, err := sqlite.Open(db)
	if err != nil {
		return nil, err
	}
	return s, nil
}

// linkStored links the stored articles and claims that no linking run has
// seen (stored before linking existed, or by a run that failed while
// linking), so that a listing of stories or claims is complete. If another
// process holds the link lock (a worker on PostgreSQL), that one links
// them.
func linkStored(ctx context.Context, db anyStore) error {
	return ingest.New(db, analyze.Default()).Link(ctx, false)
}

// queueAnalyzer returns the analysis of a worker: each batch of claimed
// documents goes through the ingest path's analysis (template lines
// recognised from what the store has counted for their outlets), one
// document at a time (run more workers for more cores).
func queueAnalyzer(in *ingest.Ingester) func(ctx context.Context, jobs []postgres.Job) ([]postgres.Result, error) {
	return func(ctx context.Context, jobs []postgres.Job) ([]postgres.Result, error) {
		docs := make([]sift.Document, len(jobs))
		for i, j := range jobs {
			docs[i] = j.Doc
		}
		res, err := in.Analyze(ctx, docs)
		if err != nil {
			return nil, err
		}
		out := make([]postgres.Result, len(res))
		for i, r := range res {
			out[i] = postgres.Result{Article: r.Article, Err: r.Err, Lines: r.Lines}
		}
		return out, nil
	}
}

// ingestQueue is sift ingest with --db postgres://…: it reads the inputs
// and queues their documents, in batches of o.Batch (default 500), for
// sift worker to analyse and store. Queueing is idempotent: a document
// already queued (same source and body) is not queued again.
func ingestQueue(ctx context.Context, dbURL string, walk func(fn func(sift.Document) error, onErr func(error)) error, o ingestOptions) error {
	db, err := postgres.Open(ctx, dbURL)
	if err != nil {
		return err
	}
	defer db.Close()
	if o.Batch < 1 {
		o.Batch = 500
	}
	var read, queued, failed int
	start, last := time.Now(), time.Now()
	var docs []sift.Document
	flush := func() error {
		n, err := db.Enqueue(ctx, docs, o.Outlet)
		if err != nil {
			return err
		}
		queued += n
		docs = docs[:0]
		if o.Progress != nil && time.Since(last) > time.Second {
			last = time.Now()
			fmt.Fprintf(o.Progress, "\r%d read, %d queued (%.0f/s)   ", read, queued, float64(read)/time.Since(start).Seconds())
		}
		return nil
	}
	err = walk(func(d sift.Document) error {
		read++
		docs = append(docs, d)
		if len(docs) >= o.Batch {
			return flush()
		}
		return nil
	}, func(err error) {
		failed++
		if o.Errors != nil {
			fmt.Fprintf(o.Errors, "sift ingest: %v\n", err)
		}
	})
	if err == nil {
		err = flush()
	}
	if o.Progress != nil && time.Since(start) > time.Second {
		fmt.Fprintln(o.Progress)
	}
	fmt.Fprintf(os.Stderr, "sift ingest: %d read, %d queued, %d already queued, %d failed; run sift worker --db URL to analyse them\n",
		read, queued, read-queued, failed)
	if err != nil {
		return err
	}
	if failed > 0 {
		return errFailed
	}
	return nil
}
