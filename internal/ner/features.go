package ner

import (
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/sift-news/sift/internal/ner/cluster"
	"unicode"
	"unicode/utf8"
)

// Features are 64-bit FNV-1a hashes of a template number and its values, so
// that extraction allocates nothing per feature and the model needs no
// feature dictionary.

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// hs mixes s into hash h.
func hs[S string | []byte](h uint64, s S) uint64 {
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	h ^= 0xff // separator, so ("ab","c") differs from ("a","bc")
	h *= fnvPrime
	return h
}

// hb mixes a byte into h.
func hb(h uint64, b byte) uint64 {
	h ^= uint64(b)
	h *= fnvPrime
	return h
}

// tpl starts the hash of template t.
func tpl(t byte) uint64 { return hb(fnvOffset, t) }

// word is what the feature extractor knows about one token.
type word struct {
	// wordType holds what the word's form alone decides, shared by all
	// its occurrences in a document.
	*wordType
	gz []gazMark
	// run says where the word stands in a run of capitalised words (see
	// markRuns).
	run uint8
}

// wordType is what a word's form decides, whatever its position: case,
// shape, hashes, cluster and the document's facts about it.
type wordType struct {
	form  string // as written (normalised punctuation)
	lower string
	cap   bool // starts with an upper-case letter
	upper bool // every letter upper case, at least two letters
	alpha bool // has a letter
	// Hashes of lower, the shape (Xxxx, dd-dd, X.X.), the short shape
	// (Xx, d-d, X.X.) and form, computed once per word (see shapeOf).
	hLower, hShape, hShort, hForm uint64
	// gazStarts are the gazetteer's names that start with the word
	// (gazIndex), looked up once per word.
	gazStarts []gazEntry
	// info is what the document says of the word (shared by all its
	// occurrences).
	info *lowerInfo
	// clu holds the hashes of the word's cluster at each depth of
	// cluDepths (see clusterHashes).
	clu [len(cluDepths)]uint64
	// caseClass is how the unlabelled news usually writes the word inside
	// sentences (cluster.CaseLower ...).
	caseClass uint8
	// sums holds the weight sums of the features the word decides
	// alone, shared by the word's occurrences in a document (see
	// tagDocument).
	sums *wordSums
}

// wordSums are the sums, for each tag, of the weights of the features a
// word decides alone, computed once: for the words of the cluster table
// once per model (Model.words), for others once per document. Integer
// sums, so adding them up in any order gives the same emission scores as
// summing the features one by one.
type wordSums struct {
	done atomic.Bool
	mu   sync.Mutex
	neighbourSums
}

// neighbourSums are the weight sums of a word's own features (self, see
// intrinsicFeatures) and of those it gives its neighbours (see
// neighbourFeatures): prev those of the word after it, next those of the
// word before it, prev2 and next2 those of the words two after and two
// before it.
type neighbourSums struct {
	self, prev, next, prev2, next2 [nTags]int32
}

// get returns the sums for w under m, computing them the first time with
// buf as scratch space.
func (s *wordSums) get(m *Model, w *word, buf *[]uint64) *neighbourSums {
	if s.done.Load() {
		return &s.neighbourSums
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.done.Load() {
		*buf = w.intrinsicFeatures((*buf)[:0])
		m.sum(*buf, &s.self)
		s.neighbourSums.of(m, w.hLower, w.hShort, w.clu[1])
		s.done.Store(true)
	}
	return &s.neighbourSums
}

// of sets the neighbour sums (all but self) of a word whose lower-case
// form, short shape and cluster at depth cluDepths[1] hash to lower, short
// and clu.
func (s *neighbourSums) of(m *Model, lower, short, clu uint64) {
	p := prevFeatures(lower, short, clu)
	m.sum(p[:], &s.prev)
	n := nextFeatures(lower, short, clu)
	m.sum(n[:], &s.next)
	m.sum([]uint64{prev2Feature(lower)}, &s.prev2)
	m.sum([]uint64{next2Feature(lower)}, &s.next2)
}

// edgeSums returns the neighbour sums of the edges of a sentence: prev
// and prev2 those of the start (what a sentence's first words are told of
// the words before them), next and next2 those of the end.
func edgeSums(m *Model) neighbourSums {
	var start, end neighbourSums
	start.of(m, edgeStart, edgeStart, edgeStart)
	end.of(m, edgeEnd, edgeEnd, edgeEnd)
	return neighbourSums{prev: start.prev, prev2: start.prev2, next: end.next, next2: end.next2}
}

// The features a word gives its neighbours whatever they are: its lower-case
// form, short shape and cluster, as the word before (prevFeatures, and
// prev2Feature two before) or after (nextFeatures, next2Feature).
func prevFeatures(lower, short, clu uint64) [3]uint64 {
	return [3]uint64{mix(tpl(fPrev), lower), mix(tpl(fPrevShort), short), mix(tpl(fCluPrev), clu)}
}

func nextFeatures(lower, short, clu uint64) [3]uint64 {
	return [3]uint64{mix(tpl(fNext), lower), mix(tpl(fNextShort), short), mix(tpl(fCluNext), clu)}
}

func prev2Feature(lower uint64) uint64 { return mix(tpl(fPrev2), lower) }

func next2Feature(lower uint64) uint64 { return mix(tpl(fNext2), lower) }

// intrinsicFeatures appends the features of a word that depend on nothing
// but the word as written: the bias, the word, its shape, prefixes and
// suffixes, length and clusters.
func (w *word) intrinsicFeatures(buf []uint64) []uint64 {
	buf = append(buf, tpl(fBias), mix(tpl(fWord), w.hLower), mix(tpl(fShape), w.hShape))
	buf = appendAffixes(buf, w.lower)
	l := utf8.RuneCountInString(w.form)
	if l > 8 {
		l = 8
	}
	buf = append(buf, hb(tpl(fLen), byte(l)))
	return append(buf, w.clu[:]...)
}

// cluDepths are the depths of a word's cluster path the features name:
// coarse to fine.
var cluDepths = [...]int{4, 8, 12, 16}

// clusterIndex is a cluster table indexed by the hashes of its words
// (hs), so that a word's entry is found from the hash its features use
// anyway, in an open-addressing table of keys probed linearly.
type clusterIndex struct {
	keys    []uint64 // 0: empty
	entries []cluster.Entry
	shift   int
	n       int
}

// newClusterIndex indexes the words of t.
func newClusterIndex(t *cluster.Table) *clusterIndex {
	size, bits := 1, 0
	for size < 2*t.Len()+1 {
		size <<= 1
		bits++
	}
	x := &clusterIndex{keys: make([]uint64, size), entries: make([]cluster.Entry, size), shift: 64 - bits, n: t.Len()}
	mask := uint64(size - 1)
	t.Each(func(w string, e cluster.Entry) {
		h := hs(fnvOffset, w) | 1
		s := slot(h, x.shift)
		for x.keys[s] != 0 && x.keys[s] != h {
			s = (s + 1) & mask
		}
		x.keys[s], x.entries[s] = h, e
	})
	return x
}

// len is the number of words indexed.
func (x *clusterIndex) len() int {
	if x == nil {
		return 0
	}
	return x.n
}

// lookup returns the entry of the word whose hash (hs) is h.
func (x *clusterIndex) lookup(h uint64) (cluster.Entry, bool) {
	if x == nil {
		return cluster.Entry{}, false
	}
	h |= 1
	mask := uint64(len(x.keys) - 1)
	for s := slot(h, x.shift); ; s = (s + 1) & mask {
		switch x.keys[s] {
		case h:
			return x.entries[s], true
		case 0:
			return cluster.Entry{}, false
		}
	}
}

// clusterOf returns the table's entry for a word as written, and true,
// or failing that the entry of its lower-case form, or for a word in
// capitals of its capitalised form ("LAVROV" as "Lavrov"), or the zero
// entry.
func clusterOf(x *clusterIndex, w *word) (cluster.Entry, bool) {
	if e, ok := x.lookup(w.hForm); ok {
		return e, true
	}
	if w.lower == w.form {
		return cluster.Entry{}, false
	}
	if e, ok := x.lookup(w.hLower); ok {
		return e, false
	}
	if r, sz := utf8.DecodeRuneInString(w.lower); w.upper && sz > 0 {
		if e, ok := x.lookup(hs(fnvOffset, string(unicode.ToUpper(r))+w.lower[sz:])); ok {
			return e, false
		}
	}
	return cluster.Entry{}, false
}

// clusterHashes sets w.clu and w.caseClass from the word's entry in the
// cluster table.
func (w *word) clusterHashes(e cluster.Entry) {
	for k, d := range cluDepths {
		w.clu[k] = mix(hb(tpl(fCluster), byte(d)), uint64(e.Path.Prefix(d)))
	}
	w.caseClass = e.Case
}

// Hashes standing for the words beyond the sentence's edges.
var (
	edgeStart = hs(fnvOffset, "<s>")
	edgeEnd   = hs(fnvOffset, "</s>")
)

// mix combines hash a with value b (order matters).
func mix(a, b uint64) uint64 {
	h := (a ^ b) * 0x9e3779b97f4a7c15
	return h ^ h>>29
}

// document is the unit the tagger sees: sentences of words with
// document-wide statistics for the non-local features.
type document struct {
	sents [][]word
	// infos holds what the document says of each lower-case word; every
	// word of sents points at its own (word.info).
	infos map[string]*lowerInfo
	// capsSent flags sentences written in capitals (headlines).
	capsSent []bool
}

// lowerInfo is what a document says of a word, whatever its case.
type lowerInfo struct {
	// lowerSeen is set when the word occurs in lower case.
	lowerSeen bool
	// capForm is the first form the word has where it is capitalised in
	// the middle of a sentence not written in capitals, or "".
	capForm string
	// hist counts the types (O, PER, ORG, LOC, MISC) the tagger gave the
	// word's capitalised occurrences in the sentences tagged so far.
	hist     [5]uint16
	histSeen bool
	// runs gathers the positions of the word in runs of capitalised words
	// in the body (markRuns).
	runs uint8
	// aggN counts its capitalised occurrences in the body; agg holds the
	// features of their contexts (aggregateContexts).
	aggN int
	agg  []uint64
}

// lowerSeen reports whether d writes the word s (in lower case) in lower
// case.
func (d *document) lowerSeen(s string) bool {
	i := d.infos[s]
	return i != nil && i.lowerSeen
}

// capSeen returns the form in which d writes the word s (in lower case)
// capitalised in the middle of a sentence, and whether it does.
func (d *document) capSeen(s string) (string, bool) {
	i := d.infos[s]
	if i == nil || i.capForm == "" {
		return "", false
	}
	return i.capForm, true
}

// newDocument analyses the words of sents (normalised token texts), with
// the word clusters of t; shared, if not nil, holds the weight sums of
// t's words (Model.words).
func newDocument(sents [][]string, t *clusterIndex, shared []wordSums) *document {
	return new(docScratch).document(sents, t, shared)
}

// docScratch is the storage of a document and of its tagging, reused from
// one document to the next (see Model.entities): a document built in it
// lives until the next one is.
type docScratch struct {
	d     document
	cache map[string]*wordType
	words []word // the words of every sentence of d, one after the other
	types slab[wordType]
	infos slab[lowerInfo]
	sums  slab[wordSums]
	tags  tagScratch
}

// document is newDocument building the document in sc's storage.
func (sc *docScratch) document(sents [][]string, t *clusterIndex, shared []wordSums) *document {
	ntok := 0
	for _, s := range sents {
		ntok += len(s)
	}
	d := &sc.d
	if d.infos == nil {
		d.infos = make(map[string]*lowerInfo, ntok/3)
		sc.cache = make(map[string]*wordType, ntok/3)
	} else {
		clear(d.infos)
		clear(sc.cache)
	}
	d.sents = slices.Grow(d.sents[:0], len(sents))[:len(sents)]
	d.capsSent = slices.Grow(d.capsSent[:0], len(sents))[:len(sents)]
	sc.words = slices.Grow(sc.words[:0], ntok)[:ntok]
	cache := sc.cache
	// Most words are in the cluster table and have their sums in shared:
	// the others' are handed out a few at a time.
	sc.sums.reset(32)
	sc.infos.reset(ntok/4 + 8)
	sc.types.reset(ntok/4 + 8)
	sums, infos, types := &sc.sums, &sc.infos, &sc.types
	from := 0
	for si, s := range sents {
		ws := sc.words[from : from+len(s) : from+len(s)]
		from += len(s)
		upperN, alphaN := 0, 0
		for i, f := range s {
			c := cache[f]
			if c == nil {
				w := makeWordIn(f, types.next())
				e, own := clusterOf(t, &w)
				w.clusterHashes(e)
				if own && int(e.Index) < len(shared) {
					w.sums = &shared[e.Index]
				} else {
					w.sums = sums.next()
				}
				w.info = d.infos[w.lower]
				if w.info == nil {
					w.info = infos.next()
					d.infos[w.lower] = w.info
				}
				c = w.wordType
				cache[f] = c
			}
			ws[i] = word{wordType: c}
			if ws[i].alpha && len(f) > 1 {
				alphaN++
				if ws[i].upper {
					upperN++
				}
			}
		}
		markGazetteer(ws)
		d.sents[si] = ws
		caps := upperN >= 2 && upperN*10 >= alphaN*6
		d.capsSent[si] = caps
		markRuns(ws, caps)
		for i := range ws {
			w := &ws[i]
			if !w.alpha {
				continue
			}
			if w.form == w.lower {
				w.info.lowerSeen = true
			} else if !caps && i > 0 && w.cap && !isQuoteOrOpen(s[i-1]) {
				if w.info.capForm == "" {
					w.info.capForm = w.form
				}
			}
		}
	}
	aggregateContexts(d)
	return d
}

// slab hands out pointers to zero values allocated n at a time, and hands
// the same storage out again, zeroed, after reset.
type slab[T any] struct {
	chunks [][]T
	c, i   int // the next value is chunks[c][i]
	n      int
}

// next returns a pointer to a fresh zero T.
func (s *slab[T]) next() *T {
	if s.c < len(s.chunks) && s.i == len(s.chunks[s.c]) {
		s.c, s.i = s.c+1, 0
	}
	if s.c == len(s.chunks) {
		s.chunks = append(s.chunks, make([]T, max(s.n, 1)))
	}
	p := &s.chunks[s.c][s.i]
	s.i++
	return p
}

// reset zeroes the values handed out so far and hands them out again;
// chunks allocated from then on hold n values.
func (s *slab[T]) reset(n int) {
	for k := 0; k < s.c && k < len(s.chunks); k++ {
		clear(s.chunks[k])
	}
	if s.c < len(s.chunks) {
		clear(s.chunks[s.c][:s.i])
	}
	s.c, s.i, s.n = 0, 0, n
}

// maxAgg is the most contexts per side aggregateContexts keeps for a word.
const maxAgg = 2

// aggregateContexts gives each capitalised word that is capitalised more
// than once in the body of the document the features of the words before
// and after it at each of those occurrences (Ratinov and Roth's context
// aggregation): "Halvers" after "of" in one sentence and before "said"
// in another is told both at both.
func aggregateContexts(d *document) {
	for si, ws := range d.sents {
		if d.capsSent[si] {
			continue
		}
		for i := range ws {
			w := &ws[i]
			if !w.cap || !w.alpha {
				continue
			}
			o := w.info
			o.aggN++
			prev, next := edgeStart, edgeEnd
			if i > 0 {
				prev = ws[i-1].hLower
			}
			if i+1 < len(ws) {
				next = ws[i+1].hLower
			}
			o.agg = addAgg(o.agg, mix(tpl(fAggPrev), prev))
			o.agg = addAgg(o.agg, mix(tpl(fAggNext), next))
		}
	}
}

// addAgg adds feature f to feats unless it is there or feats holds
// 2*maxAgg features already.
func addAgg(feats []uint64, f uint64) []uint64 {
	if len(feats) >= 2*maxAgg || slices.Contains(feats, f) {
		return feats
	}
	return append(feats, f)
}

// Positions of a capitalised word in a run of capitalised words, as bits
// of word.runs and values of word.run.
const (
	runAlone  = 1 << iota // a run of one word, not opening a sentence
	runFirst              // the first of several
	runLast               // the last of several
	runMiddle             // inside
	runOpen               // opening a sentence or in a headline (run only)
)

// markRuns sets the run position of the capitalised words of a sentence
// and adds those of words in the body of sentences to runs (the lower-case
// word's positions seen in the document): the same name's other mentions
// say whether it is usually a first name, a surname, the head of a
// longer name or a name alone.
func markRuns(ws []word, caps bool) {
	for i := 0; i < len(ws); {
		if !ws[i].cap || !ws[i].alpha {
			i++
			continue
		}
		j := i + 1
		for j < len(ws) && ws[j].cap && ws[j].alpha {
			j++
		}
		for k := i; k < j; k++ {
			var pos uint8
			switch {
			case j == i+1:
				pos = runAlone
			case k == i:
				pos = runFirst
			case k == j-1:
				pos = runLast
			default:
				pos = runMiddle
			}
			if caps || i == 0 {
				ws[k].run = pos | runOpen
				continue
			}
			ws[k].run = pos
			ws[k].info.runs |= pos
		}
		i = j
	}
}

func isQuoteOrOpen(s string) bool {
	return s == `"` || s == "'" || s == "(" || s == "-" || s == ":" || s == "--"
}

// makeWord computes the case and shape facts of form.
func makeWord(form string) word { return makeWordIn(form, new(wordType)) }

// makeWordIn is makeWord storing the facts in t.
func makeWordIn(form string, t *wordType) word {
	*t = wordType{form: form, lower: strings.ToLower(form)}
	w := word{wordType: t}
	var longBuf, shortBuf [32]byte
	sh := shapeOf(form, longBuf[:0], shortBuf[:0])
	w.cap = sh.capFirst
	w.alpha = sh.letters > 0
	w.upper = sh.letters >= 2 && sh.uppers == sh.letters
	w.hLower = hs(fnvOffset, w.lower)
	w.hShape = hs(fnvOffset, sh.long)
	w.hShort = hs(fnvOffset, sh.short)
	w.hForm = hs(fnvOffset, w.form)
	w.gazStarts = gazIndex()[w.lower]
	return w
}

// shape is the shape of a word: each letter as X or x, digit as d, other
// ASCII as itself and other characters as ~; long cuts runs of a class at
// four, short at one.
type shape struct {
	long, short     []byte
	letters, uppers int
	capFirst        bool // starts with an upper-case letter
}

// shapeOf returns the shape of form, appending to long and short.
func shapeOf(form string, long, short []byte) shape {
	var sh shape
	var last byte
	run := 0
	for i, r := range form {
		var c byte
		switch {
		case unicode.IsUpper(r):
			c = 'X'
			sh.letters++
			sh.uppers++
			if i == 0 {
				sh.capFirst = true
			}
		case unicode.IsLetter(r):
			c = 'x'
			sh.letters++
		case unicode.IsDigit(r):
			c = 'd'
		case r < utf8.RuneSelf:
			c = byte(r)
		default:
			c = '~'
		}
		if c == last {
			run++
		} else {
			run = 1
		}
		if run <= 4 {
			long = append(long, c)
		}
		if c != last {
			short = append(short, c)
		}
		last = c
	}
	sh.long, sh.short = long, short
	return sh
}

// appendAffixes appends the prefix and suffix features of a lower-cased
// word: its first and last 1 to 4 runes, hashed incrementally (suffixes
// from the end backwards).
func appendAffixes(buf []uint64, lower string) []uint64 {
	pre := tpl(fPre)
	runes := 0
	for k := 0; k < len(lower) && runes < 4; {
		_, sz := utf8.DecodeRuneInString(lower[k:])
		for _, c := range []byte(lower[k : k+sz]) {
			pre = hb(pre, c)
		}
		k += sz
		runes++
		buf = append(buf, hb(pre, 0xff))
	}
	suf := tpl(fSuf)
	runes = 0
	for k := len(lower); k > 0 && runes < 4; {
		_, sz := utf8.DecodeLastRuneInString(lower[:k])
		for j := k - 1; j >= k-sz; j-- {
			suf = hb(suf, lower[j])
		}
		k -= sz
		runes++
		buf = append(buf, hb(suf, 0xff))
	}
	return buf
}

// Feature templates.
const (
	fBias byte = iota
	fWord
	fForm
	fPre
	fSuf
	fShape
	fShort
	fPrev
	fNext
	fPrev2
	fNext2
	fPrevShort
	fNextShort
	fPrevWord
	fWordNext
	fShapes
	fInitial
	fCaps
	fGaz
	fDocLower
	fTrueCase
	fTrueWord
	fLen
	fPrevShortWord
	fGazNeighbour
	fCapsPrev
	fNextShape
	fHist
	fHistShape
	fHistInitial
	fCluster
	fCluPrev
	fCluNext
	fRuns
	fAggPrev
	fAggNext
	fCase
)

// Parts of a token's features that sentenceFeatures leaves out unless
// asked, because the tagger sums their weights once per word (wordSums)
// or because they depend on the tags of earlier sentences.
const (
	withHistory    = 1 << iota // the types given to the same word earlier (historyFeatures)
	withIntrinsic              // the features of the word alone (intrinsicFeatures)
	withNeighbours             // the features of the neighbours alone (prevFeatures ...)
)

// sentenceFeatures appends the features of every token of sentence si of d
// to buf and returns the flat buffer and the end offset of each token's
// features in it. parts (withHistory | ...) says which of the optional
// parts of the features to include; the rest are always there.
func (d *document) sentenceFeatures(si int, parts int, buf []uint64, ends []int) ([]uint64, []int) {
	ws := d.sents[si]
	caps := d.capsSent[si]
	n := len(ws)
	history, intrinsic, neighbours := parts&withHistory != 0, parts&withIntrinsic != 0, parts&withNeighbours != 0
	// Hashes of the lower-cased word and the short shape at i, with
	// sentence edges beyond.
	lowerAt := func(i int) uint64 {
		switch {
		case i < 0:
			return edgeStart
		case i >= n:
			return edgeEnd
		}
		return ws[i].hLower
	}
	shortAt := func(i int) uint64 {
		switch {
		case i < 0:
			return edgeStart
		case i >= n:
			return edgeEnd
		}
		return ws[i].hShort
	}
	for i := range ws {
		w := &ws[i]
		var p, nx *word
		if i > 0 {
			p = &ws[i-1]
		}
		if i+1 < n {
			nx = &ws[i+1]
		}
		pl, nl, ps, ns := lowerAt(i-1), lowerAt(i+1), shortAt(i-1), shortAt(i+1)
		if intrinsic {
			buf = w.intrinsicFeatures(buf)
		}
		// In this order (prevFeatures and nextFeatures interleaved), so
		// that training sees the features in the order it always has.
		pc, nc := edgeStart, edgeEnd
		if p != nil {
			pc = p.clu[1]
		}
		if nx != nil {
			nc = nx.clu[1]
		}
		pf, nf := prevFeatures(pl, ps, pc), nextFeatures(nl, ns, nc)
		if neighbours {
			buf = append(buf, pf[0], nf[0], prev2Feature(lowerAt(i-2)), next2Feature(lowerAt(i+2)), pf[1], nf[1])
		}
		buf = append(buf,
			mix(mix(tpl(fPrevWord), pl), w.hLower),
			mix(mix(tpl(fWordNext), w.hLower), nl),
			mix(mix(mix(tpl(fShapes), ps), w.hShort), ns),
			mix(mix(tpl(fPrevShortWord), ps), w.hLower),
			mix(mix(tpl(fNextShape), w.hShort), nl),
		)
		if !caps {
			buf = append(buf, mix(tpl(fForm), w.hForm))
		}
		if w.cap && w.alpha && !caps && w.info.aggN > 1 {
			buf = append(buf, w.info.agg...)
		}
		if w.alpha {
			buf = append(buf, hb(hb(hb(tpl(fCase), w.caseClass), boolByte(w.cap)), boolByte(i == 0 || caps)))
		}
		if w.run != 0 {
			buf = append(buf, hb(tpl(fRuns), w.info.runs), hb(hb(tpl(fRuns), w.info.runs), w.run))
		}
		if neighbours {
			buf = append(buf, pf[2])
		}
		if p != nil {
			buf = append(buf, mix(mix(tpl(fCluPrev), p.clu[1]), w.hShort))
		}
		if neighbours {
			buf = append(buf, nf[2])
		}
		if i == 0 {
			buf = append(buf, mix(tpl(fInitial), w.hShort))
		}
		if caps {
			buf = append(buf,
				mix(tpl(fCaps), w.hLower),
				mix(mix(tpl(fCapsPrev), pl), w.hShort))
		}
		for _, g := range w.gz {
			buf = append(buf,
				hb(hb(tpl(fGaz), g.kind), g.pos),
				hb(hb(hb(tpl(fGaz), g.kind), g.pos), boolByte(w.cap)))
		}
		if p != nil {
			for _, g := range p.gz {
				buf = append(buf, hb(hb(hb(tpl(fGazNeighbour), g.kind), g.pos), 'p'))
			}
		}
		if nx != nil {
			for _, g := range nx.gz {
				buf = append(buf, hb(hb(hb(tpl(fGazNeighbour), g.kind), g.pos), 'n'))
			}
		}
		if w.alpha && w.form != w.lower {
			// Non-local evidence: the same word in lower case elsewhere in
			// the document, and its usual written form when this one is at
			// the start of a sentence or in a headline.
			buf = append(buf, hb(hb(tpl(fDocLower), boolByte(w.info.lowerSeen)), boolByte(i == 0 || caps)))
			if i == 0 || caps {
				if tc := w.info.capForm; tc != "" {
					var longBuf, shortBuf [32]byte
					sh := shapeOf(tc, longBuf[:0], shortBuf[:0])
					buf = append(buf, hs(tpl(fTrueCase), sh.short), hs(tpl(fTrueWord), tc))
				} else {
					buf = append(buf, hs(tpl(fTrueCase), "none"))
				}
			}
		}
		if history {
			buf = d.historyFeatures(w, i == 0 || caps, buf)
		}
		ends = append(ends, len(buf))
	}
	return buf, ends
}

// historyFeatures appends the type the tagger gave most often to w
// earlier in the document, if w is capitalised and was seen before.
func (d *document) historyFeatures(w *word, initial bool, buf []uint64) []uint64 {
	if !w.alpha || w.form == w.lower {
		return buf
	}
	if !w.info.histSeen {
		return buf
	}
	h := &w.info.hist
	best := 0
	for k := 1; k < 5; k++ {
		if h[k] > h[best] {
			best = k
		}
	}
	return append(buf, hb(tpl(fHist), byte(best)), mix(hb(tpl(fHistShape), byte(best)), w.hShort),
		hb(hb(tpl(fHistInitial), byte(best)), boolByte(initial)))
}

// record adds the tags of sentence si to the document's history.
func (d *document) record(si int, tags []int) {
	for i := range d.sents[si] {
		w := &d.sents[si][i]
		if !w.alpha || w.form == w.lower {
			continue
		}
		w.info.histSeen = true
		h := &w.info.hist
		k := 0
		if tags[i] != tagO {
			k = 1 + (tags[i]-1)/4
		}
		if h[k] < 1<<15 {
			h[k]++
		}
	}
}

func boolByte(b bool) byte {
	if b {
		return 1
	}
	return 0
}
