package link

import (
	"fmt"
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
}

// Linker links each new article to the articles before it and to a story.
// It keeps every index in memory and grows them one article at a time.
type Linker struct {
	// Fetch returns an earlier article by ID, for aligning passages. The
	// linker keeps the texts of recently seen articles; Fetch is asked for
	// the others. When nil, only cached texts are aligned.
	Fetch func(id string) (*sift.Article, error)

	recs    []Record
	byID    map[string]int32
	exact   map[uint64]int32
	lsh     *LSH
	prints  *PassageIndex
	stories *Clusterer
	cache   map[int32]*Doc
}

// NewLinker returns a linker with empty indexes.
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

// Clusterer returns the linker's story clusterer.
func (l *Linker) Clusterer() *Clusterer { return l.stories }

// Len is the number of articles linked.
func (l *Linker) Len() int { return len(l.recs) }

// Has reports whether the article with the given ID was linked.
func (l *Linker) Has(id string) bool {
	_, ok := l.byID[id]
	return ok
}

// Record returns the record of a linked article.
func (l *Linker) Record(id string) (Record, bool) {
	i, ok := l.byID[id]
	if !ok {
		return Record{}, false
	}
	return l.recs[i], true
}

// Restore puts back a persisted record, in Seq order, before any Add.
// Stories and document frequencies are restored on the Clusterer.
func (l *Linker) Restore(r Record) {
	idx := int32(len(l.recs))
	r.Seq = int(idx)
	l.recs = append(l.recs, r)
	l.byID[r.ID] = idx
	if _, ok := l.exact[r.Exact]; !ok {
		l.exact[r.Exact] = idx
	}
	l.lsh.Add(idx, r.Signature)
	l.prints.Add(idx, r.Prints)
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
	i, okx := l.byID[x]
	j, oky := l.byID[y]
	switch {
	case !okx || !oky:
		return okx && !oky
	default:
		return earlier(&l.recs[i], &l.recs[j])
	}
}

// doc returns the prepared text of article idx, from the cache or Fetch.
func (l *Linker) doc(idx int32) (*Doc, error) {
	if d, ok := l.cache[idx]; ok {
		return d, nil
	}
	if l.Fetch == nil {
		return nil, nil
	}
	a, err := l.Fetch(l.recs[idx].ID)
	if err != nil {
		return nil, fmt.Errorf("fetching article %s: %w", l.recs[idx].ID, err)
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

// Add links article a (its ID must be set) to the articles added before it
// and assigns it to a story. Adding an article already linked is an error.
func (l *Linker) Add(a *sift.Article) (Update, error) {
	if a.ID == "" {
		return Update{}, fmt.Errorf("linking %s: article has no ID", a.Source)
	}
	if l.Has(a.ID) {
		return Update{}, fmt.Errorf("linking %s: article %s is linked already", a.Source, a.ID)
	}
	d := NewDoc(a.Text)
	idx := int32(len(l.recs))
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

	// Exact duplicates: one link to the first article with the same text.
	first, isCopy := l.exact[rec.Exact]
	if isCopy && sift.Normalize(a.Text) != "" {
		src := &l.recs[first]
		od, err := l.doc(first)
		if err != nil {
			return Update{}, err
		}
		up.Reuse = append(up.Reuse, exactLink(&rec, src, d, od))
		hints = append(hints, src.Story)
	} else {
		// Near duplicates and shared passages with the best candidates.
		near := make(map[int32]float64)
		for _, c := range l.lsh.Query(rec.Signature) {
			if j := Jaccard(rec.Signature, l.recs[c].Signature); j >= NearThreshold {
				near[c] = j
			}
		}
		hits := l.prints.Query(rec.Prints)
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
		for _, c := range cands {
			links, err := l.links(&rec, c, d, near[c])
			if err != nil {
				return Update{}, err
			}
			if len(links) > 0 {
				up.Reuse = append(up.Reuse, links...)
				hints = append(hints, l.recs[c].Story)
			}
		}
	}

	as := l.stories.Add(a, hints...)
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
	return up, nil
}

// links aligns the new article (record rec, text d) with earlier article c
// and returns the reuse links between them: a near-duplicate link when
// their signatures are close (jaccard > 0), and one link per shared
// passage, spun when the passage carries substitutions.
func (l *Linker) links(rec *Record, c int32, d *Doc, jaccard float64) ([]sift.Reuse, error) {
	other := &l.recs[c]
	od, err := l.doc(c)
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
