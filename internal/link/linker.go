package link

import (
	"context"
	"fmt"
	"slices"
	"sort"

	"github.com/sift-news/sift"
)

// NearThreshold is the least estimated Jaccard similarity of two articles'
// word shingles for them to be near duplicates.
const NearThreshold = 0.5

// Limits on the work done for one article.
const (
	maxAligned = 8   // earlier articles aligned with a new one
	minHits    = 2   // shared fingerprints that make an article worth aligning
	docCache   = 512 // prepared texts kept for alignment
)

// Record is what a store keeps about one linked article so that a later run
// can restore the indexes without reading every text again.
type Record struct {
	ID        string
	Seq       int // order of arrival, from 0
	Outlet    string
	Published string
	Exact     uint64 // hash of the normalised text
	Signature Signature
	Prints    []uint32
	Story     string
}

// Update is what adding one article changed: its record, the story it
// joined or opened (the linker's own copy, current after the call; do not
// change it) and the reuse links found with earlier articles.
type Update struct {
	Record   Record
	Story    *StoryState
	NewStory bool
	Reuse    []sift.Reuse
	// DFKeys are the document-frequency keys the article incremented.
	DFKeys []string
	// Filed are the terms the article's story was newly filed under, in
	// order (Clusterer.RestoreFiling replays them).
	Filed []string
	// Norms are the stories' cached norms the article changed
	// (Clusterer.RestoreNorm puts them back).
	Norms []StoryNorm
	// Cut are the terms of Filed whose story postings were cut to the
	// most recent (Assignment.Cut).
	Cut []string
	// Room, from a linker on an Index, says which of the record's keys
	// were below their cap when the article was looked up, so that a
	// store files the record without counting each key again. Nil when
	// not known (a linker without an Index, or an exact copy, which is not
	// looked up): the store counts.
	Room *Room
}

// Room lists the keys of a record that its lookup tables had room for
// when it was linked: those a store files it under, with the rows of the
// records before it (in Seq order) filed already.
type Room struct {
	// Bands are the LSH bands (positions in BandKeys) whose buckets held
	// fewer than BucketCap records.
	Bands []int
	// Prints are the record's fingerprints held by fewer than PostingCap
	// records, in the record's order.
	Prints []uint32
}

// Index answers what a Linker asks about the articles linked before it
// was made: their records and the lookup tables over them. A store keeps
// these in tables queried by key for each new article, so that neither the
// linker's memory nor its start-up grows with the store; the linker keeps
// in memory only the articles it added since (until Saved). Every record
// of an Index has a Seq below those the linker gives.
type Index interface {
	// RecordByID returns the record of an article, without its
	// Signature and Prints; ok is false when the article is unknown.
	RecordByID(ctx context.Context, id string) (r Record, ok bool, err error)
	// Records returns the records with the given Seqs (those it has),
	// with their signatures (Prints may be left out).
	Records(ctx context.Context, seqs []int32) (map[int32]*Record, error)
	// FirstExact returns the smallest Seq of a record whose Exact is h.
	FirstExact(ctx context.Context, h uint64) (seq int32, ok bool, err error)
	// Buckets returns, for each band b, the Seqs of the records filed
	// under band b and keys[b] (see BandKeys), in increasing order, at
	// most BucketCap: the earliest.
	Buckets(ctx context.Context, keys []uint64) ([][]int32, error)
	// Postings returns, for each of fps, the Seqs of the records whose
	// Prints contain it, in increasing order, at most PostingCap: the
	// earliest.
	Postings(ctx context.Context, fps []uint32) (map[uint32][]int32, error)
}

// Linker links each new article to the articles before it and to a story.
// The articles it added are in its own in-memory indexes; those linked
// before it was made are asked of its Index, if it has one (NewLinkerOn).
type Linker struct {
	// Fetch returns an earlier article by ID, for aligning passages. The
	// linker keeps the texts of recently seen articles; Fetch is asked for
	// the others. When nil, only cached texts are aligned.
	Fetch func(id string) (*sift.Article, error)

	base  Index // nil: every record is in memory
	baseN int   // records in base
	start int32 // Seq of recs[0]

	recs    []Record
	byID    map[string]int32 // Seq
	exact   map[uint64]int32
	lsh     *LSH
	prints  *PassageIndex
	stories *Clusterer
	cache   map[int32]*Doc
}

// NewLinker returns a linker with empty indexes, all kept in memory.
func NewLinker() *Linker {
	return &Linker{
		byID:    make(map[string]int32),
		exact:   make(map[uint64]int32),
		lsh:     NewLSH(),
		prints:  NewPassageIndex(),
		stories: NewClusterer(),
		cache:   make(map[int32]*Doc),
	}
}

// NewLinkerOn returns a linker that asks base about the n articles linked
// before, whose Seqs are all below next; the articles it adds get Seqs
// from next on. The clusterer starts empty (restore it before any Add).
func NewLinkerOn(base Index, n, next int) *Linker {
	l := NewLinker()
	l.base, l.baseN, l.start = base, n, int32(next)
	return l
}

// Saved tells a linker with an Index that the index now holds every
// article it added: it forgets its in-memory copies, and its clusterer
// lets go of stories beyond its bound (Clusterer.Saved). A linker
// without an Index keeps them.
func (l *Linker) Saved() {
	l.stories.Saved()
	if l.base == nil {
		return
	}
	l.baseN += len(l.recs)
	l.start += int32(len(l.recs))
	l.recs = nil
	clear(l.byID)
	clear(l.exact)
	l.lsh = NewLSH()
	l.prints = NewPassageIndex()
}

// Clusterer returns the linker's story clusterer.
func (l *Linker) Clusterer() *Clusterer { return l.stories }

// Len is the number of articles linked.
func (l *Linker) Len() int { return l.baseN + len(l.recs) }

// Has reports whether the article with the given ID was linked; an
// error of the Index counts as no.
func (l *Linker) Has(id string) bool {
	ok, _ := l.HasContext(context.Background(), id)
	return ok
}

// HasContext reports whether the article with the given ID was linked.
func (l *Linker) HasContext(ctx context.Context, id string) (bool, error) {
	_, ok, err := l.RecordContext(ctx, id)
	return ok, err
}

// Record returns the record of a linked article (from an Index, without
// its Signature and Prints).
func (l *Linker) Record(id string) (Record, bool) {
	r, ok, _ := l.RecordContext(context.Background(), id)
	return r, ok
}

// RecordContext returns the record of a linked article (from an Index,
// without its Signature and Prints).
func (l *Linker) RecordContext(ctx context.Context, id string) (Record, bool, error) {
	if i, ok := l.byID[id]; ok {
		return l.recs[i-l.start], true, nil
	}
	if l.base == nil {
		return Record{}, false, nil
	}
	r, ok, err := l.base.RecordByID(ctx, id)
	if err != nil {
		return Record{}, false, fmt.Errorf("looking up linked article %s: %w", id, err)
	}
	return r, ok, nil
}

// Restore puts back a persisted record, in Seq order, before any Add, into
// a linker without an Index. Stories and document frequencies are restored
// on the Clusterer.
func (l *Linker) Restore(r Record) {
	r.Seq = int(l.start) + len(l.recs)
	l.file(r)
}

// file adds record r (whose Seq follows the last) to the in-memory indexes.
func (l *Linker) file(r Record) {
	seq := int32(r.Seq)
	l.recs = append(l.recs, r)
	l.byID[r.ID] = seq
	if _, ok := l.exact[r.Exact]; !ok {
		l.exact[r.Exact] = seq
	}
	l.lsh.Add(seq, r.Signature)
	l.prints.Add(seq, r.Prints)
}

// earlier reports whether record x was published before y: by date when
// both have one, otherwise by order of arrival.
func earlier(x, y *Record) bool {
	if x.Published != "" && y.Published != "" && x.Published != y.Published {
		return x.Published < y.Published
	}
	return x.Seq < y.Seq
}

// Earlier reports whether article x came before article y (earliest
// publication date, then first linked). Unknown IDs come last.
func (l *Linker) Earlier(x, y string) bool {
	rx, okx := l.Record(x)
	ry, oky := l.Record(y)
	switch {
	case !okx || !oky:
		return okx && !oky
	default:
		return earlier(&rx, &ry)
	}
}

// doc returns the prepared text of article r, from the cache or Fetch.
func (l *Linker) doc(r *Record) (*Doc, error) {
	idx := int32(r.Seq)
	if d, ok := l.cache[idx]; ok {
		return d, nil
	}
	if l.Fetch == nil {
		return nil, nil
	}
	a, err := l.Fetch(r.ID)
	if err != nil {
		return nil, fmt.Errorf("fetching article %s: %w", r.ID, err)
	}
	d := NewDoc(a.Text)
	l.remember(idx, d)
	return d, nil
}

// remember caches a prepared text, forgetting all of them when full.
func (l *Linker) remember(idx int32, d *Doc) {
	if len(l.cache) >= docCache {
		clear(l.cache)
	}
	l.cache[idx] = d
}

// records returns the records of seqs, from memory or the Index, adding
// those looked up to known.
func (l *Linker) records(ctx context.Context, known map[int32]*Record, seqs []int32) error {
	var ask []int32
	for _, s := range seqs {
		if _, ok := known[s]; ok {
			continue
		}
		if s >= l.start {
			known[s] = &l.recs[s-l.start]
		} else {
			ask = append(ask, s)
		}
	}
	if len(ask) == 0 {
		return nil
	}
	got, err := l.base.Records(ctx, ask)
	if err != nil {
		return fmt.Errorf("reading linked articles: %w", err)
	}
	for _, s := range ask {
		r, ok := got[s]
		if !ok {
			return fmt.Errorf("reading linked articles: no record %d", s)
		}
		known[s] = r
	}
	return nil
}

// firstExact returns the Seq of the first record with exact hash h.
func (l *Linker) firstExact(ctx context.Context, h uint64) (int32, bool, error) {
	if l.base != nil {
		s, ok, err := l.base.FirstExact(ctx, h)
		if err != nil {
			return 0, false, fmt.Errorf("looking up exact copies: %w", err)
		}
		if ok {
			return s, true, nil
		}
	}
	s, ok := l.exact[h]
	return s, ok, nil
}

// nearCandidates returns the records sharing an LSH bucket with sig, each
// once: the Index's earliest members of each bucket, then the linker's own
// up to BucketCap.
// With an Index, it adds to room the bands whose buckets are not full.
func (l *Linker) nearCandidates(ctx context.Context, sig Signature, room *Room) ([]int32, error) {
	if l.base == nil {
		return l.lsh.Query(sig), nil
	}
	keys := BandKeys(sig)
	if keys == nil {
		return nil, nil
	}
	got, err := l.base.Buckets(ctx, keys)
	if err != nil {
		return nil, fmt.Errorf("reading LSH buckets: %w", err)
	}
	var out []int32
	seen := make(map[int32]bool)
	for b, k := range keys {
		var bucket []int32
		if b < len(got) {
			bucket = got[b]
		}
		for _, d := range l.lsh.bands[b][k] {
			if len(bucket) >= BucketCap {
				break
			}
			if !slices.Contains(bucket, d) {
				bucket = append(bucket, d)
			}
		}
		if len(bucket) < BucketCap {
			room.Bands = append(room.Bands, b)
		}
		for _, d := range bucket {
			if !seen[d] {
				seen[d] = true
				out = append(out, d)
			}
		}
	}
	return out, nil
}

// passageHits counts, for every record sharing fingerprints with prints,
// how many it shares: the Index's earliest records of each fingerprint,
// then the linker's own up to PostingCap.
// With an Index, it adds to room the fingerprints whose postings are not
// full.
func (l *Linker) passageHits(ctx context.Context, prints []uint32, room *Room) (map[int32]int, error) {
	if l.base == nil {
		return l.prints.Query(prints), nil
	}
	got, err := l.base.Postings(ctx, prints)
	if err != nil {
		return nil, fmt.Errorf("reading passage fingerprints: %w", err)
	}
	hits := make(map[int32]int)
	for _, fp := range prints {
		post := got[fp]
		for _, d := range post {
			hits[d]++
		}
		n := len(post)
		for _, d := range l.prints.posting(fp) {
			if n >= PostingCap {
				break
			}
			if !slices.Contains(post, d) {
				hits[d]++
				n++
			}
		}
		if n < PostingCap {
			room.Prints = append(room.Prints, fp)
		}
	}
	return hits, nil
}

// Add links article a (its ID must be set) to the articles added before it
// and assigns it to a story. Adding an article already linked is an error.
func (l *Linker) Add(a *sift.Article) (Update, error) {
	return l.AddContext(context.Background(), a)
}

// AddContext is Add with a context for the linker's Index.
func (l *Linker) AddContext(ctx context.Context, a *sift.Article) (Update, error) {
	if a.ID == "" {
		return Update{}, fmt.Errorf("linking %s: article has no ID", a.Source)
	}
	if has, err := l.HasContext(ctx, a.ID); err != nil {
		return Update{}, fmt.Errorf("linking %s: %w", a.Source, err)
	} else if has {
		return Update{}, fmt.Errorf("linking %s: article %s is linked already", a.Source, a.ID)
	}
	d := NewDoc(a.Text)
	idx := l.start + int32(len(l.recs))
	rec := Record{
		ID:        a.ID,
		Seq:       int(idx),
		Outlet:    a.Outlet,
		Published: a.Published,
		Exact:     hashString(sift.Normalize(a.Text)),
		Signature: MinHash(d.Shingles),
		Prints:    Winnow(d.Shingles),
	}
	var up Update
	var hints []string
	known := make(map[int32]*Record)

	// Exact duplicates: one link to the first article with the same text.
	first, isCopy, err := l.firstExact(ctx, rec.Exact)
	if err != nil {
		return Update{}, err
	}
	if isCopy && sift.Normalize(a.Text) != "" {
		if err := l.records(ctx, known, []int32{first}); err != nil {
			return Update{}, err
		}
		src := known[first]
		od, err := l.doc(src)
		if err != nil {
			return Update{}, err
		}
		up.Reuse = append(up.Reuse, exactLink(&rec, src, d, od))
		hints = append(hints, src.Story)
	} else {
		// Near duplicates and shared passages with the best candidates.
		near := make(map[int32]float64)
		room := &Room{}
		similar, err := l.nearCandidates(ctx, rec.Signature, room)
		if err != nil {
			return Update{}, err
		}
		if err := l.records(ctx, known, similar); err != nil {
			return Update{}, err
		}
		for _, c := range similar {
			if j := Jaccard(rec.Signature, known[c].Signature); j >= NearThreshold {
				near[c] = j
			}
		}
		hits, err := l.passageHits(ctx, rec.Prints, room)
		if err != nil {
			return Update{}, err
		}
		if l.base != nil {
			up.Room = room
		}
		for c := range near {
			hits[c] += len(rec.Prints) // near duplicates are aligned first
		}
		cands := make([]int32, 0, len(hits))
		for c, h := range hits {
			if h >= minHits || (h >= 1 && len(rec.Prints) < 4) {
				cands = append(cands, c)
			}
		}
		sort.Slice(cands, func(i, j int) bool {
			if hits[cands[i]] != hits[cands[j]] {
				return hits[cands[i]] > hits[cands[j]]
			}
			return cands[i] < cands[j]
		})
		if len(cands) > maxAligned {
			cands = cands[:maxAligned]
		}
		if err := l.records(ctx, known, cands); err != nil {
			return Update{}, err
		}
		for _, c := range cands {
			links, err := l.links(&rec, known[c], d, near[c])
			if err != nil {
				return Update{}, err
			}
			if len(links) > 0 {
				up.Reuse = append(up.Reuse, links...)
				hints = append(hints, known[c].Story)
			}
		}
	}

	as, err := l.stories.AddContext(ctx, a, hints...)
	if err != nil {
		return Update{}, fmt.Errorf("linking %s: %w", a.Source, err)
	}
	rec.Story = as.Story.ID
	l.recs = append(l.recs, rec)
	l.byID[rec.ID] = idx
	if !isCopy {
		l.exact[rec.Exact] = idx
	}
	l.lsh.Add(idx, rec.Signature)
	l.prints.Add(idx, rec.Prints)
	l.remember(idx, d)
	up.Record = rec
	up.Story = as.Story
	up.NewStory = as.New
	up.DFKeys = as.Keys
	up.Filed = as.Filed
	up.Norms = as.Norms
	up.Cut = as.Cut
	return up, nil
}

// links aligns the new article (record rec, text d) with an earlier one
// (record other) and returns the reuse links between them: a
// near-duplicate link when their signatures are close (jaccard > 0), and
// one link per shared passage, spun when the passage carries
// substitutions.
func (l *Linker) links(rec, other *Record, d *Doc, jaccard float64) ([]sift.Reuse, error) {
	od, err := l.doc(other)
	if err != nil || od == nil {
		return nil, err
	}
	// A is the copy (later), B the likely source (earlier).
	copyDoc, srcDoc := d, od
	if earlier(rec, other) {
		copyDoc, srcDoc = od, d
	}
	passages := Align(copyDoc, srcDoc)
	var out []sift.Reuse
	if jaccard > 0 {
		var subs []sift.Substitution
		for _, p := range passages {
			subs = append(subs, p.Substitutions...)
		}
		out = append(out, l.orient(sift.Reuse{
			Kind: sift.ReuseNear, AStart: 0, AEnd: len([]rune(copyDoc.Text)),
			BStart: 0, BEnd: len([]rune(srcDoc.Text)), Similarity: jaccard,
			Substitutions: dedupe(subs),
		}, rec, other))
	}
	for _, p := range passages {
		kind := sift.ReusePassage
		if len(p.Substitutions) > 0 {
			kind = sift.ReuseSpun
		}
		out = append(out, l.orient(sift.Reuse{
			Kind: kind, AStart: p.AStart, AEnd: p.AEnd, BStart: p.BStart, BEnd: p.BEnd,
			Similarity: p.Similarity, Substitutions: p.Substitutions,
		}, rec, other))
	}
	return out, nil
}

// orient fills the article IDs of a link between the new article rec and
// an earlier-linked article other, whose offsets were computed with the
// later one as A.
func (l *Linker) orient(r sift.Reuse, rec, other *Record) sift.Reuse {
	r.A, r.B = rec.ID, other.ID
	if earlier(rec, other) {
		r.A, r.B = other.ID, rec.ID
	}
	return r
}

// exactLink links the new article rec (text d) to src, the first article
// with the same normalised text (text od, nil when unavailable, in which
// case both texts are taken to have the same length).
func exactLink(rec, src *Record, d, od *Doc) sift.Reuse {
	n := len([]rune(d.Text))
	m := n
	if od != nil {
		m = len([]rune(od.Text))
	}
	r := sift.Reuse{Kind: sift.ReuseExact, A: rec.ID, B: src.ID, AEnd: n, BEnd: m, Similarity: 1}
	if earlier(rec, src) {
		r.A, r.B, r.AEnd, r.BEnd = src.ID, rec.ID, m, n
	}
	return r
}

// dedupe drops repeated substitutions, keeping the first of each.
func dedupe(subs []sift.Substitution) []sift.Substitution {
	if len(subs) == 0 {
		return nil
	}
	seen := make(map[sift.Substitution]bool)
	var out []sift.Substitution
	for _, s := range subs {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}
