// Package ingest is the one way articles enter a store: documents are
// cleaned (against their outlet's template lines) and analysed, stored in
// batches of one transaction each, their lines counted for the outlet's
// template, and then linked: into stories and reuse links, and their
// claims into claim threads. `sift ingest`, `sift watch`, `sift worker`
// and POST /api/v1/articles all go through an Ingester, on either store.
package ingest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"sync"
	"time"

	"github.com/sift-news/sift"
	"github.com/sift-news/sift/internal/analyze"
	"github.com/sift-news/sift/internal/claim"
	"github.com/sift-news/sift/internal/clean"
	"github.com/sift-news/sift/internal/link"
	"github.com/sift-news/sift/internal/parallel"
)

// Store is what ingestion reads and writes: articles, each outlet's line
// counts, and the state of the linkers (stories and claims). Both
// internal/sqlite and internal/postgres implement it.
type Store interface {
	PutArticles(ctx context.Context, as []*sift.Article) ([]*sift.Article, error)
	// PutArticlesWithLines stores the new articles of as and counts the
	// line keys of each (lines[i] for as[i]) for its outlet, in one
	// transaction.
	PutArticlesWithLines(ctx context.Context, as []*sift.Article, lines [][]int64) ([]*sift.Article, error)
	Article(ctx context.Context, id string) (*sift.Article, error)
	LineCounts(ctx context.Context, outlet string, keys []int64) (map[int64]int, error)
	AddLines(ctx context.Context, outlet string, keys []int64) error

	// WithLinkLock runs fn holding the store-wide link lock (linking is
	// sequential: each article is compared with those before it). With
	// wait unset it returns false at once when another process holds it.
	WithLinkLock(ctx context.Context, wait bool, fn func() error) (bool, error)
	LinkedCount(ctx context.Context) (int, error)
	UnlinkedArticles(ctx context.Context) ([]string, error)
	LoadLinker(ctx context.Context) (*link.Linker, error)
	SaveLinks(ctx context.Context, ups []link.Update) error
	sift.ClaimLinkStore
}

// Walk yields documents to fn and read errors to onErr; it stops at the
// first error fn returns.
type Walk func(fn func(sift.Document) error, onErr func(error)) error

// Stats counts what an ingest run did.
type Stats struct {
	Read, Added, Skipped, Failed int
}

// Ingester analyses, stores and links documents in one store. It is safe
// for concurrent use; linking is serialised in the process and, through
// the store's link lock, across processes.
type Ingester struct {
	Store    Store
	Pipeline *analyze.Pipeline
	// Outlet is given to documents that name none.
	Outlet string
	// Workers is the number of analysis goroutines (default 1).
	Workers int
	// Batch is the number of documents per transaction (default 200).
	Batch int
	// Progress receives a progress line now and then, or nil.
	Progress io.Writer
	// Fail receives each document that could not be analysed; nil
	// ignores them (they are still counted).
	Fail func(error)
	// ClaimScores, if set, holds claim similarities computed before
	// linking (claim.Scores.Prescore, outside the link lock), which
	// linking takes instead of computing them again.
	ClaimScores *claim.Scores

	mu     sync.Mutex // held while linking
	linker *link.Linker
	claims *claim.Linker // keeps candidate texts read between batches
}

// New returns an Ingester for st with pipeline p (analyze.Default() when
// nil).
func New(st Store, p *analyze.Pipeline) *Ingester {
	if p == nil {
		p = analyze.Default()
	}
	return &Ingester{Store: st, Pipeline: p}
}

// Run analyses every document walk yields and stores and links the new
// ones in batches, one transaction each. A run killed halfway loses at
// most the open batch; running it again skips what was stored, and links
// whatever an earlier run stored without linking.
//
// Batches are pipelined: while batch N is linked (one goroutine: linking
// is sequential), batch N+1 is analysed on the Workers goroutines; it is
// stored once batch N is linked. Analysis reads only the outlets' line
// counts, which storing (not linking) writes, so the results are those of
// one batch after the other.
func (in *Ingester) Run(ctx context.Context, walk Walk) (Stats, error) {
	batch := in.Batch
	if batch < 1 {
		batch = 200
	}
	var st Stats
	start := time.Now()
	lastProgress := start
	fail := func(err error) {
		st.Failed++
		if in.Fail != nil {
			in.Fail(err)
		}
	}
	var linking chan error // the link of the last stored batch, while it runs
	waitLink := func() error {
		if linking == nil {
			return nil
		}
		err := <-linking
		linking = nil
		return err
	}
	var docs []sift.Document
	flush := func() error {
		ok, err := in.analyzeOK(ctx, docs, fail)
		docs = docs[:0]
		if lerr := waitLink(); lerr != nil {
			return lerr
		}
		if err != nil {
			return err
		}
		added, err := in.store(ctx, ok)
		if err != nil {
			return err
		}
		st.Added += len(added)
		st.Skipped += len(ok) - len(added)
		done := make(chan error, 1)
		linking = done
		go func() { done <- in.link(ctx, true, added) }()
		if in.Progress != nil && time.Since(lastProgress) > progressEvery(in.Progress) {
			lastProgress = time.Now()
			rate := float64(st.Read) / time.Since(start).Seconds()
			fmt.Fprintf(in.Progress, "%d read, %d stored, %d failed (%.0f/s)%s", st.Read, st.Added, st.Failed, rate, lineEnd(in.Progress))
		}
		return nil
	}
	err := walk(func(d sift.Document) error {
		st.Read++
		docs = append(docs, d)
		if len(docs) >= batch {
			return flush()
		}
		return nil
	}, fail)
	if err == nil {
		err = flush()
	}
	if lerr := waitLink(); err == nil {
		err = lerr
	}
	if in.Progress != nil && isTerminal(in.Progress) && time.Since(start) > time.Second {
		fmt.Fprintln(in.Progress)
	}
	return st, err
}

// Put analyses docs, stores the new articles in one transaction and links
// them. It returns the articles added and how many were stored already;
// documents that cannot be analysed go to fail.
func (in *Ingester) Put(ctx context.Context, docs []sift.Document, fail func(error)) ([]*sift.Article, int, error) {
	added, skipped, err := in.put(ctx, docs, fail)
	if err != nil {
		return nil, 0, err
	}
	return added, skipped, in.link(ctx, true, added)
}

// ErrEmpty is returned by Add for a document with no text left after
// cleaning.
var ErrEmpty = analyze.ErrEmpty

// Add analyses, stores and links one document and returns its article and
// whether it was new. An error from analysis (ErrEmpty, say) is returned
// as it is, before anything is stored.
func (in *Ingester) Add(ctx context.Context, doc sift.Document) (*sift.Article, bool, error) {
	var aerr error
	res, err := in.Analyze(ctx, []sift.Document{doc})
	if err != nil {
		return nil, false, err
	}
	if aerr = res[0].Err; aerr != nil {
		return nil, false, badDocument{aerr}
	}
	added, err := in.store(ctx, res)
	if err != nil {
		return nil, false, err
	}
	// The article is stored: linking it (and whatever other writers left
	// unlinked) is the store's work, not the caller's, and is not given
	// up when the caller goes away (a client closing its connection).
	if err := in.link(context.WithoutCancel(ctx), true, added); err != nil {
		return nil, false, err
	}
	return res[0].Article, len(added) == 1, nil
}

// Result is one analysed document: its article (with its ID set) or why it
// could not be analysed, and the keys of its short lines, to be counted
// for its outlet's template once it is stored.
type Result struct {
	Article *sift.Article
	Err     error
	Lines   []int64
}

// Analyze cleans and analyses docs, in order, each against the template
// lines its outlet's stored articles share (and those of this batch).
func (in *Ingester) Analyze(ctx context.Context, docs []sift.Document) ([]Result, error) {
	for i := range docs {
		if docs[i].Outlet == "" {
			docs[i].Outlet = in.Outlet
		}
	}
	counts, keys, err := templateCounts(ctx, in.Store, docs)
	if err != nil {
		return nil, err
	}
	out := make([]Result, len(docs))
	opts := templateOptions(counts)
	parallel.Each(len(docs), max(in.Workers, 1), func(i int) {
		a, err := in.Pipeline.ArticleContext(ctx, docs[i], false, opts(docs[i]))
		if err == nil {
			if a.Outlet == "" {
				a.Outlet = docs[i].Outlet
			}
			a.ID = sift.ArticleID(a.Outlet, a.Text)
		}
		out[i] = Result{Article: a, Err: err, Lines: keys[i]}
	})
	return out, nil
}

// put is Analyze and store, without linking.
func (in *Ingester) put(ctx context.Context, docs []sift.Document, fail func(error)) ([]*sift.Article, int, error) {
	ok, err := in.analyzeOK(ctx, docs, fail)
	if err != nil || len(ok) == 0 {
		return nil, 0, err
	}
	added, err := in.store(ctx, ok)
	if err != nil {
		return nil, 0, err
	}
	return added, len(ok) - len(added), nil
}

// analyzeOK analyses docs and returns the results that have an article;
// the documents that could not be analysed go to fail.
func (in *Ingester) analyzeOK(ctx context.Context, docs []sift.Document, fail func(error)) ([]Result, error) {
	if len(docs) == 0 {
		return nil, nil
	}
	res, err := in.Analyze(ctx, docs)
	if err != nil {
		return nil, err
	}
	ok := res[:0:0]
	for _, r := range res {
		if r.Err != nil {
			fail(r.Err)
			continue
		}
		ok = append(ok, r)
	}
	return ok, nil
}

// store writes the articles of res, and counts the lines of those that
// were new for their outlets, in one transaction.
func (in *Ingester) store(ctx context.Context, res []Result) ([]*sift.Article, error) {
	if len(res) == 0 {
		return nil, nil
	}
	batch := make([]*sift.Article, len(res))
	lines := make([][]int64, len(res))
	for i, r := range res {
		batch[i], lines[i] = r.Article, r.Lines
	}
	return in.Store.PutArticlesWithLines(ctx, batch, lines)
}

// Link links every stored article and claim not linked yet (stored by a
// run that stopped before linking, or by sift worker). With wait unset it
// returns at once if another goroutine or process is linking: that one
// links them.
func (in *Ingester) Link(ctx context.Context, wait bool) error { return in.link(ctx, wait, nil) }

// link links the stored articles and claims not linked yet; fresh holds
// articles just stored, which need not be read back.
func (in *Ingester) link(ctx context.Context, wait bool, fresh []*sift.Article) error {
	if !in.mu.TryLock() {
		if !wait {
			return nil
		}
		in.mu.Lock()
	}
	defer in.mu.Unlock()
	_, err := in.Store.WithLinkLock(ctx, wait, func() error {
		if err := in.linkStories(ctx, fresh); err != nil {
			return err
		}
		if in.claims == nil {
			in.claims = claim.NewLinker()
		}
		if _, err := in.claims.LinkPending(ctx, in.Store, in.ClaimScores); err != nil {
			return fmt.Errorf("linking claims: %w", err)
		}
		return nil
	})
	return err
}

// linkBatch is how many articles are linked per transaction.
const linkBatch = 200

// linkStories links the unlinked articles into stories and reuse links, in
// order of arrival. The linker's indexes stay in memory between calls and
// are reloaded when another process has linked articles since.
func (in *Ingester) linkStories(ctx context.Context, fresh []*sift.Article) error {
	ids, err := in.Store.UnlinkedArticles(ctx)
	if err != nil || len(ids) == 0 {
		return err
	}
	if in.linker != nil {
		n, err := in.Store.LinkedCount(ctx)
		if err != nil {
			return fmt.Errorf("linking: %w", err)
		}
		if n != in.linker.Len() {
			in.linker = nil
		}
	}
	if in.linker == nil {
		if in.linker, err = in.Store.LoadLinker(ctx); err != nil {
			return err
		}
	}
	byID := make(map[string]*sift.Article, len(fresh))
	for _, a := range fresh {
		byID[a.ID] = a
	}
	for len(ids) > 0 {
		n := min(linkBatch, len(ids))
		ups := make([]link.Update, 0, n)
		for _, id := range ids[:n] {
			if has, err := in.linker.HasContext(ctx, id); err != nil {
				in.linker = nil
				return fmt.Errorf("linking %s: %w", id, err)
			} else if has {
				continue
			}
			a := byID[id]
			if a == nil {
				if a, err = in.Store.Article(ctx, id); err != nil {
					in.linker = nil
					return fmt.Errorf("linking %s: %w", id, err)
				}
			}
			up, err := in.linker.AddContext(ctx, a)
			if err != nil {
				in.linker = nil
				return fmt.Errorf("linking %s: %w", id, err)
			}
			ups = append(ups, up)
		}
		if err := in.Store.SaveLinks(ctx, ups); err != nil {
			in.linker = nil // memory is ahead of the store: reload next time
			return err
		}
		in.linker.Saved() // the store answers for them now
		ids = ids[n:]
	}
	return nil
}

// templateArticles is how many articles of one outlet (the one being
// cleaned included) must share a short line for it to count as the
// outlet's template text rather than the article's.
const templateArticles = 4

// lineCounter is the part of a store that counts an outlet's lines.
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

// badDocument is an error of the document, not of the store.
type badDocument struct{ err error }

func (e badDocument) Error() string { return e.err.Error() }
func (e badDocument) Unwrap() error { return e.err }

// IsBadDocument reports whether err, from Add, says the document could not
// be analysed (rather than that the store failed).
func IsBadDocument(err error) bool {
	var b badDocument
	return errors.As(err, &b)
}

// IsEmpty reports whether err says a document had no text left after
// cleaning.
func IsEmpty(err error) bool { return errors.Is(err, analyze.ErrEmpty) }
