package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime"
	"strings"
	"syscall"
	"time"

	"github.com/sift-news/sift"
	"github.com/sift-news/sift/internal/analyze"
	"github.com/sift-news/sift/internal/feed"
	"github.com/sift-news/sift/internal/fetch"
	"github.com/sift-news/sift/internal/ingest"
	"github.com/sift-news/sift/internal/plural"
)

func runWatch(args []string) error {
	fs := flag.NewFlagSet("watch", flag.ContinueOnError)
	dbPath := fs.String("db", "sift.db", "store: a SQLite file `path` or a postgres:// URL")
	interval := fs.Duration("interval", 15*time.Minute, "time between polls of the feeds")
	once := fs.Bool("once", false, "poll every feed once and exit")
	allowPrivate := fs.Bool("allow-private", false, "allow fetches from loopback, private and link-local addresses")
	ignoreRobots := fs.Bool("ignore-robots", false, "do not obey robots.txt (only for sites you run)")
	hostInterval := fs.Duration("host-interval", time.Second, "least time between requests to one host")
	maxItems := fs.Int("max-items", 50, "new items fetched per feed and poll")
	workers := fs.Int("workers", 4, "feeds polled at once (requests to one host stay spaced out)")
	quiet := fs.Bool("quiet", false, "log only errors")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "usage: sift watch --db PATH|postgres://… [--allow-private] [--interval D] [--once] FEEDS...\n\nFEEDS are feed URLs or files listing them (OPML, or one URL per line).")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return errors.New("no feeds")
	}
	feeds, err := feedURLs(fs.Args())
	if err != nil {
		return err
	}
	if *interval < time.Minute && !*once {
		return fmt.Errorf("--interval %s is too short to be polite (least 1m)", *interval)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	db, err := openStore(ctx, *dbPath)
	if err != nil {
		return err
	}
	defer db.Close()
	// Fetched pages go through the one ingest path, on either store: a
	// poll brings a few pages, analysed here (not queued for sift worker),
	// and the feed state records whether each was stored.
	store := watchIngest(ingest.New(db, analyze.Default()))

	var logw io.Writer = os.Stderr
	if *quiet {
		logw = nil
	}
	w := &feed.Watcher{
		Fetch: fetch.New(fetch.Options{
			AllowPrivate: *allowPrivate,
			IgnoreRobots: *ignoreRobots,
			HostInterval: *hostInterval,
		}),
		Store:    db,
		Ingest:   store,
		Log:      logw,
		Errors:   os.Stderr,
		MaxItems: *maxItems,
		Workers:  *workers,
	}
	for {
		st, err := w.Poll(ctx, feeds)
		fmt.Fprintf(os.Stderr, "sift watch: %s (%d unchanged, %d failed), %s, %d stored, %s\n",
			plural.Count(st.Feeds, "feed"), st.NotModified, st.Failed, plural.Count(st.NewItems, "new item"), st.Stored, plural.Count(st.ItemErrors, "item error"))
		if err != nil {
			if ctx.Err() != nil {
				return nil // interrupted: state is saved, a restart resumes
			}
			return err
		}
		if *once {
			if st.Failed > 0 || st.ItemErrors > 0 {
				return errFailed // like ingest: the failures were printed, the rest was stored
			}
			return nil
		}
		select {
		case <-ctx.Done():
			return nil
		case <-time.After(*interval):
		}
	}
}

// feedURLs expands the FEEDS arguments: URLs as given, files read as feed
// lists.
func feedURLs(args []string) ([]string, error) {
	var out []string
	seen := map[string]bool{}
	for _, a := range args {
		var urls []string
		if strings.HasPrefix(a, "http://") || strings.HasPrefix(a, "https://") {
			list, err := feed.ParseList([]byte(a))
			if err != nil {
				return nil, err
			}
			urls = list
		} else {
			list, err := feed.ReadList(a)
			if err != nil {
				return nil, err
			}
			urls = list
		}
		for _, u := range urls {
			if !seen[u] {
				seen[u] = true
				out = append(out, u)
			}
		}
	}
	if len(out) == 0 {
		return nil, errors.New("the feed lists name no feeds")
	}
	return out, nil
}

// watchIngest stores fetched pages through in and reports which of them
// failed (by Source). New articles are linked under the store's link lock.
func watchIngest(in *ingest.Ingester) func(ctx context.Context, docs []sift.Document) (map[string]error, error) {
	in.Workers = min(runtime.NumCPU(), 2)
	return func(ctx context.Context, docs []sift.Document) (map[string]error, error) {
		failed := map[string]error{}
		sink := &failureSink{docs: docs, failed: failed}
		_, _, err := in.Put(ctx, docs, func(err error) { fmt.Fprintf(sink, "sift ingest: %v\n", err) })
		return failed, err
	}
}

// failureSink receives ingest's one-line error messages ("sift ingest:
// SOURCE: reason") and files them under the document they name.
type failureSink struct {
	docs   []sift.Document
	failed map[string]error
}

func (f *failureSink) Write(p []byte) (int, error) {
	msg := strings.TrimSpace(strings.TrimPrefix(string(p), "sift ingest: "))
	for _, d := range f.docs {
		if strings.HasPrefix(msg, d.Source+":") {
			f.failed[d.Source] = errors.New(strings.TrimSpace(strings.TrimPrefix(msg, d.Source+":")))
			break
		}
	}
	fmt.Fprintf(os.Stderr, "sift watch: %s\n", msg)
	return len(p), nil
}
