package feed

import (
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"golang.org/x/net/html/charset"

	"github.com/sift-news/sift"
	"github.com/sift-news/sift/internal/fetch"
)

// Watcher polls feeds, fetches the pages of new items and hands them to
// Ingest. All its state lives in Store, so a restarted watcher resumes:
// items already seen are not fetched again, and validators make an
// unchanged feed cost one 304.
type Watcher struct {
	Fetch *fetch.Client
	Store sift.FeedStore
	// Ingest analyses and stores documents. It returns the documents that
	// failed, by Source, and an error only when storing itself broke.
	Ingest   func(ctx context.Context, docs []sift.Document) (failed map[string]error, err error)
	Now      func() time.Time // [time.Now]
	Log      io.Writer        // one line per feed and poll, or nil
	Errors   io.Writer        // where failures are written when Log is nil (sift watch --quiet), or nil
	MaxItems int              // new items fetched per feed and poll [50]
	Workers  int              // feeds polled at once [4]; writes to the store stay one at a time

	mu sync.Mutex // serialises Ingest, store writes and the log
}

// Stats count what one poll did.
type Stats struct {
	Feeds, Failed, NotModified, NewItems, Stored, ItemErrors int
}

// Poll polls each feed once. Feed and page errors are recorded in the
// feed's state and counted; the returned error is for a broken store or a
// cancelled context.
func (w *Watcher) Poll(ctx context.Context, feeds []string) (Stats, error) {
	workers := w.Workers
	if workers <= 0 {
		workers = 4
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var (
		total    Stats
		firstErr error
		statsMu  sync.Mutex
		wg       sync.WaitGroup
	)
	jobs := make(chan string)
	for range min(workers, len(feeds)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for u := range jobs {
				var st Stats
				st.Feeds = 1
				err := w.pollOne(ctx, u, &st)
				statsMu.Lock()
				total.add(st)
				if err != nil && firstErr == nil {
					firstErr = err
					cancel()
				}
				statsMu.Unlock()
			}
		}()
	}
	for _, u := range feeds {
		if ctx.Err() != nil {
			break
		}
		jobs <- u
	}
	close(jobs)
	wg.Wait()
	if firstErr == nil {
		firstErr = ctx.Err()
	}
	return total, firstErr
}

func (s *Stats) add(o Stats) {
	s.Feeds += o.Feeds
	s.Failed += o.Failed
	s.NotModified += o.NotModified
	s.NewItems += o.NewItems
	s.Stored += o.Stored
	s.ItemErrors += o.ItemErrors
}

// locked runs fn holding the watcher's write lock.
func (w *Watcher) locked(fn func() error) error {
	w.mu.Lock()
	defer w.mu.Unlock()
	return fn()
}

func (w *Watcher) now() time.Time {
	if w.Now != nil {
		return w.Now()
	}
	return time.Now()
}

// errorf writes a failure to Log, or to Errors when there is no Log.
func (w *Watcher) errorf(format string, args ...any) {
	out := w.Log
	if out == nil {
		out = w.Errors
	}
	if out != nil {
		w.mu.Lock()
		fmt.Fprintf(out, format+"\n", args...)
		w.mu.Unlock()
	}
}

func (w *Watcher) logf(format string, args ...any) {
	if w.Log != nil {
		w.mu.Lock()
		fmt.Fprintf(w.Log, format+"\n", args...)
		w.mu.Unlock()
	}
}

// pollOne polls one feed and ingests its new items.
func (w *Watcher) pollOne(ctx context.Context, feedURL string, st *Stats) error {
	state, err := w.Store.Feed(ctx, feedURL)
	if errors.Is(err, sift.ErrNotFound) {
		state = &sift.FeedState{URL: feedURL, Added: w.now()}
	} else if err != nil {
		return err
	}
	state.LastPoll = w.now()
	fail := func(err error) error {
		st.Failed++
		state.ErrorStreak++
		state.LastError = err.Error()
		w.errorf("%s: %v (%d failures in a row)", feedURL, err, state.ErrorStreak)
		return w.locked(func() error { return w.Store.PutFeed(ctx, state) })
	}
	resp, err := w.Fetch.Get(ctx, feedURL, fetch.Conditional{ETag: state.ETag, LastModified: state.LastModified})
	if err != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		return fail(err)
	}
	if resp.NotModified {
		st.NotModified++
		w.succeeded(state)
		return w.locked(func() error { return w.Store.PutFeed(ctx, state) })
	}
	parsed, err := Parse(resp.Body, resp.URL)
	if err != nil {
		return fail(err)
	}
	keys := make([]string, len(parsed.Items))
	for i, it := range parsed.Items {
		keys[i] = it.Key
	}
	seen, err := w.Store.SeenItems(ctx, feedURL, keys)
	if err != nil {
		return err
	}
	var fresh []Item
	for _, it := range parsed.Items {
		if !seen[it.Key] {
			fresh = append(fresh, it)
			seen[it.Key] = true // feeds sometimes repeat an item
		}
	}
	maxItems := w.MaxItems
	if maxItems <= 0 {
		maxItems = 50
	}
	// Items left for a later poll (beyond MaxItems, or failed for now)
	// must keep the old validators, so that a 304 does not hide them.
	retryLater := false
	if len(fresh) > maxItems {
		fresh = fresh[:maxItems]
		retryLater = true
	}
	st.NewItems += len(fresh)

	var docs []sift.Document
	var marks []sift.SeenItem
	sources := map[string]int{} // document Source -> index in marks
	for _, it := range fresh {
		doc, err := w.page(ctx, it)
		mark := sift.SeenItem{Key: it.Key, URL: it.URL, Seen: w.now()}
		switch {
		case err == nil:
			docs = append(docs, doc)
			sources[doc.Source] = len(marks)
			mark.Status = "stored"
		case ctx.Err() != nil:
			return ctx.Err()
		case transient(err):
			// Leave it unseen; the next poll tries again.
			retryLater = true
			st.ItemErrors++
			w.errorf("%s: %v (will retry)", it.URL, err)
			continue
		default:
			st.ItemErrors++
			mark.Status = err.Error()
			w.errorf("%s: %v", it.URL, err)
		}
		marks = append(marks, mark)
	}
	if parsed.Title != "" {
		state.Title = parsed.Title
	}
	if len(fresh) > 0 {
		state.LastItem = w.now()
	}
	if !retryLater {
		state.ETag, state.LastModified = resp.ETag, resp.LastModified
	}
	w.succeeded(state)
	// Store the pages, then mark the items seen, then save the state: a
	// watcher killed in between fetches a page again at worst.
	err = w.locked(func() error {
		if len(docs) > 0 {
			failed, err := w.Ingest(ctx, docs)
			if err != nil {
				return err
			}
			for src, e := range failed {
				if i, ok := sources[src]; ok && e != nil {
					marks[i].Status = e.Error()
					st.ItemErrors++
				}
			}
		}
		if err := w.Store.MarkSeen(ctx, feedURL, marks); err != nil {
			return err
		}
		return w.Store.PutFeed(ctx, state)
	})
	if err != nil {
		return err
	}
	for _, m := range marks {
		if m.Status == "stored" {
			st.Stored++
		}
	}
	w.logf("%s: %d new items, %d stored", feedURL, len(fresh), st.Stored)
	return nil
}

func (w *Watcher) succeeded(state *sift.FeedState) {
	state.LastSuccess = w.now()
	state.ErrorStreak = 0
	state.LastError = ""
}

// ErrNotHTML reports an item link that leads to something other than an
// HTML page (a PDF, a video).
var ErrNotHTML = errors.New("not an HTML page")

// minFeedText is the least text (in bytes of HTML) a feed item must carry
// to stand in for a page that cannot be fetched.
const minFeedText = 500

// page fetches an item's article page as a Document. When the page cannot
// be had for good (robots.txt, 404, not HTML) but the feed carries the full
// text, the feed's content is used instead.
func (w *Watcher) page(ctx context.Context, it Item) (sift.Document, error) {
	doc := sift.Document{Source: it.URL, Format: sift.FormatHTML, URL: it.URL, Title: it.Title,
		Author: it.Author, Published: it.Published}
	if it.URL == "" {
		if len(it.Content) < minFeedText {
			return doc, errors.New("item has neither link nor content")
		}
		doc.Source = it.Key
		doc.Body = it.Content
		return doc, nil
	}
	resp, err := w.Fetch.Get(ctx, it.URL, fetch.Conditional{})
	if err == nil {
		mt, _, _ := mime.ParseMediaType(resp.ContentType)
		if mt != "" && mt != "text/html" && mt != "application/xhtml+xml" {
			err = fmt.Errorf("%s: %w (%s)", it.URL, ErrNotHTML, mt)
		}
	}
	if err != nil {
		if !transient(err) && len(it.Content) >= minFeedText {
			doc.Body = it.Content
			return doc, nil
		}
		return doc, err
	}
	doc.URL = resp.URL
	doc.Body = decode(resp.Body, resp.ContentType)
	return doc, nil
}

// transient reports whether a page fetch may succeed later.
func transient(err error) bool {
	var se *fetch.StatusError
	if errors.As(err, &se) {
		return se.Status == 429 || se.Status >= 500
	}
	switch {
	case errors.Is(err, fetch.ErrRobots), errors.Is(err, fetch.ErrPrivateAddress), errors.Is(err, fetch.ErrTooLarge),
		errors.Is(err, fetch.ErrRedirects), errors.Is(err, fetch.ErrScheme), errors.Is(err, ErrNotHTML):
		return false
	}
	return true
}

// decode converts a page to UTF-8 using the declared or sniffed charset.
func decode(raw []byte, contentType string) string {
	enc, name, _ := charset.DetermineEncoding(raw, contentType)
	if name != "utf-8" && enc != nil {
		if out, err := enc.NewDecoder().Bytes(raw); err == nil {
			raw = out
		}
	}
	return strings.ToValidUTF8(string(raw), string(utf8.RuneError))
}
