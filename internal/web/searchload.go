package web

import (
	"container/list"
	"context"
	"errors"
	"net/http"
	"strconv"
	"sync"
	"time"

	"github.com/sift-news/sift"
)

// Searching is the costliest thing the server does, and many readers ask
// for the same few searches (the home page, a story in the news). So the
// server keeps the latest results in a small LRU cache, lets one request
// compute a result that several are waiting for, runs only a few store
// searches at once, and answers 503 with Retry-After rather than queueing
// without limit when more wait than it can serve soon.

// Search load defaults; Options override them.
const (
	// DefaultMaxSearches is how many store searches run at once.
	DefaultMaxSearches = 4
	// DefaultMaxWaiting is how many requests may wait for a search slot;
	// beyond, requests are shed at once.
	DefaultMaxWaiting = 64
	// searchWait is how long a request waits for a slot before it is shed.
	searchWait = 2 * time.Second
	// searchCacheSize is how many results the cache keeps.
	searchCacheSize = 512
	// searchCacheTTL bounds how long a result is reused: writes through
	// this server clear the cache at once, writes by other processes
	// (sift ingest, sift worker) show within this time.
	searchCacheTTL = 10 * time.Second
	// retryAfter is the Retry-After of a shed request, in seconds.
	retryAfter = 1
)

// errBusy reports a search shed under load.
var errBusy = errors.New("the server is busy with other searches; try again in a moment")

// searchKey identifies a cached result: the query and what was computed.
type searchKey struct {
	q      sift.Query
	facets bool // the facets of q rather than its hits
}

// searchResult is a cached result.
type searchResult struct {
	hits   []sift.Hit
	total  int
	facets *sift.Facets
}

// cacheEntry is one result in the cache, or one being computed.
type cacheEntry struct {
	key  searchKey
	gen  uint64
	at   time.Time
	done chan struct{} // closed when val and err are set
	val  searchResult
	err  error
	elem *list.Element
}

// searchLoad is the cache, the in-flight table and the slots.
type searchLoad struct {
	mu      sync.Mutex
	gen     uint64 // bumped by every write through the server
	entries map[searchKey]*cacheEntry
	lru     *list.List // of *cacheEntry, most recent first
	slots   chan struct{}
	waiting int
	maxWait int
	now     func() time.Time
}

// newSearchLoad returns a cache with max concurrent searches and at most
// maxWaiting requests waiting for one.
func newSearchLoad(max, maxWaiting int) *searchLoad {
	if max <= 0 {
		max = DefaultMaxSearches
	}
	if maxWaiting <= 0 {
		maxWaiting = DefaultMaxWaiting
	}
	return &searchLoad{entries: map[searchKey]*cacheEntry{}, lru: list.New(), slots: make(chan struct{}, max),
		maxWait: maxWaiting, now: time.Now}
}

// invalidate forgets every cached result: the store changed.
func (l *searchLoad) invalidate() {
	l.mu.Lock()
	l.gen++
	clear(l.entries)
	l.lru.Init()
	l.mu.Unlock()
}

// get returns the result for key, from the cache, from a request already
// computing it, or from compute run in a search slot.
func (l *searchLoad) get(ctx context.Context, key searchKey, compute func(context.Context) (searchResult, error)) (searchResult, error) {
	l.mu.Lock()
	if e, ok := l.entries[key]; ok {
		select {
		case <-e.done:
			if e.err == nil && l.now().Sub(e.at) < searchCacheTTL {
				l.lru.MoveToFront(e.elem)
				l.mu.Unlock()
				return e.val, nil
			}
			l.remove(e) // failed or stale: compute again
		default:
			l.mu.Unlock()
			select { // another request is computing it
			case <-e.done:
				return e.val, e.err
			case <-ctx.Done():
				return searchResult{}, ctx.Err()
			}
		}
	}
	e := &cacheEntry{key: key, gen: l.gen, done: make(chan struct{})}
	e.elem = l.lru.PushFront(e)
	l.entries[key] = e
	for l.lru.Len() > searchCacheSize {
		l.remove(l.lru.Back().Value.(*cacheEntry))
	}
	l.mu.Unlock()

	// The result is computed for every request waiting on it: it must not
	// fail because the first of them went away.
	e.val, e.err = l.run(context.WithoutCancel(ctx), compute)
	l.mu.Lock()
	e.at = l.now()
	if e.err != nil || e.gen != l.gen {
		l.remove(e) // not kept: an error, or the store changed meanwhile
	}
	l.mu.Unlock()
	close(e.done)
	return e.val, e.err
}

// remove drops e from the cache if it is there (l.mu held).
func (l *searchLoad) remove(e *cacheEntry) {
	if l.entries[e.key] == e {
		delete(l.entries, e.key)
		l.lru.Remove(e.elem)
	}
}

// run runs compute in a search slot, waiting for one at most searchWait,
// and only when fewer than maxWait requests wait already: errBusy
// otherwise.
func (l *searchLoad) run(ctx context.Context, compute func(context.Context) (searchResult, error)) (searchResult, error) {
	select {
	case l.slots <- struct{}{}:
	default:
		l.mu.Lock()
		if l.waiting >= l.maxWait {
			l.mu.Unlock()
			return searchResult{}, errBusy
		}
		l.waiting++
		l.mu.Unlock()
		t := time.NewTimer(searchWait)
		var err error
		select {
		case l.slots <- struct{}{}:
		case <-t.C:
			err = errBusy
		case <-ctx.Done():
			err = ctx.Err()
		}
		t.Stop()
		l.mu.Lock()
		l.waiting--
		l.mu.Unlock()
		if err != nil {
			return searchResult{}, err
		}
	}
	defer func() { <-l.slots }()
	return compute(ctx)
}

// search returns the hits of q through the cache.
func (s *server) search(ctx context.Context, q sift.Query) ([]sift.Hit, int, error) {
	r, err := s.load.get(ctx, searchKey{q: q}, func(ctx context.Context) (searchResult, error) {
		hits, total, err := s.store.Search(ctx, q)
		return searchResult{hits: hits, total: total}, err
	})
	return append([]sift.Hit(nil), r.hits...), r.total, err // callers may change their copy
}

// searchFacets returns the facets of q through the cache.
func (s *server) searchFacets(ctx context.Context, q sift.Query) (*sift.Facets, error) {
	q.Limit, q.Offset = 0, 0 // facets are the same on every page
	r, err := s.load.get(ctx, searchKey{q: q, facets: true}, func(ctx context.Context) (searchResult, error) {
		f, err := s.store.SearchFacets(ctx, q)
		return searchResult{facets: f}, err
	})
	return r.facets, err
}

// isBusy reports whether err says a search was shed, and if so answers
// 503 with Retry-After through answer.
func isBusy(w http.ResponseWriter, err error, answer func(status int, msg string)) bool {
	if !errors.Is(err, errBusy) {
		return false
	}
	w.Header().Set("Retry-After", strconv.Itoa(retryAfter))
	answer(http.StatusServiceUnavailable, errBusy.Error())
	return true
}
