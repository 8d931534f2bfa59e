package ner

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strings"
)

// The model predicts BILOU tags: the Beginning, Inside and Last token of a
// name of several tokens, a Unit-length name, or Outside any name. Tag 0 is
// O, in weight-row order; tag 1+4*k+j has type types[k] and position
// "BILU"[j] (1 is B-PER, 4 U-PER, 5 B-ORG, ..., 16 U-MISC).

// types are the CoNLL entity types in tag order.
var types = [4]string{"PER", "ORG", "LOC", "MISC"}

const (
	nTags    = 17
	tagO     = 0
	startTag = nTags // the "previous tag" before a sentence
)

// tagPos returns 'O', 'B', 'I', 'L' or 'U'.
func tagPos(t int) byte {
	if t == tagO || t == startTag {
		return 'O'
	}
	return "BILU"[(t-1)%4]
}

// tagOf returns the tag of type index k at position pos ('B', 'I', 'L', 'U').
func tagOf(k int, pos byte) int {
	return 1 + 4*k + strings.IndexByte("BILU", pos)
}

// entityType returns the CoNLL type of a tag ("PER", ...), or "".
func entityType(t int) string {
	if t == tagO || t == startTag {
		return ""
	}
	return types[(t-1)/4]
}

// span is a tagged name: tokens [start, end) of a sentence with a CoNLL type.
type span struct {
	start, end int
	typ        string
}

// spans returns the names in a BILOU tag sequence. A name broken off
// without its L tag (which the decoder never produces) ends where it breaks.
func spans(tags []int) []span {
	var out []span
	for i := 0; i < len(tags); {
		t := tags[i]
		if t == tagO {
			i++
			continue
		}
		typ := entityType(t)
		j := i + 1
		if tagPos(t) == 'B' || tagPos(t) == 'I' {
			for j < len(tags) && (tagPos(tags[j]) == 'I' || tagPos(tags[j]) == 'L') && entityType(tags[j]) == typ {
				j++
				if tagPos(tags[j-1]) == 'L' {
					break
				}
			}
		}
		out = append(out, span{i, j, typ})
		i = j
	}
	return out
}

// open reports tags after which the name must go on (B and I).
func open(t int) bool { p := tagPos(t); return p == 'B' || p == 'I' }

// allowed reports whether tag t may follow tag prev: I and L continue a
// name of their own type begun by B; nothing else may follow B or I.
func allowed(prev, t int) bool {
	p := tagPos(t)
	if p == 'I' || p == 'L' {
		return open(prev) && entityType(prev) == entityType(t)
	}
	return !open(prev)
}

// allowedTab[prev][t] caches allowed for the decoder.
var allowedTab = func() (tab [nTags + 1][nTags]bool) {
	for p := range nTags + 1 {
		for t := range nTags {
			tab[p][t] = allowed(p, t)
		}
	}
	return tab
}()

// The decoder works with the shape of allowed: a tag that leaves no name
// open (O, L or U: a closing tag) may be followed by O, B or U (a fresh
// tag), and an I or L tag only by the B or I of its own type
// (TestDecoderTagSets checks this against allowed).
var (
	closingTags = tagsWhere(func(t int) bool { return !open(t) })
	freshTags   = tagsWhere(func(t int) bool { p := tagPos(t); return p == 'O' || p == 'B' || p == 'U' })
)

// nFresh is the number of closing tags and the number of fresh tags.
const nFresh = 1 + 2*len(types)

// tagsWhere returns the tags for which keep is true, in order; there must
// be nFresh of them.
func tagsWhere(keep func(int) bool) (out [nFresh]int) {
	n := 0
	for t := range nTags {
		if keep(t) {
			out[n] = t
			n++
		}
	}
	return out
}

// Model is a trained linear sequence tagger: a weight per feature and tag,
// and a weight per tag transition, decoded with Viterbi.
type Model struct {
	// keys is an open-addressing hash table of features (key 0 marks an
	// empty slot), probed linearly: eight keys share a cache line, so a
	// feature the model lacks, the commonest case, costs about one line.
	// weights holds the quantised weights of the feature in each slot.
	keys    []uint64
	weights [][nTags]int16
	scale   float32 // weight = quantised weight / scale
	trans   [nTags + 1][nTags]float32
	shift   int    // 64 - log2(len(keys)), for slot
	size    int    // number of features
	digest  string // of the model file and the cluster table
	// clusters is the word cluster table the model was trained with.
	clusters *clusterIndex
	// words holds, for each word of clusters, the sums of the weights of
	// the features it decides alone, computed on first use.
	words []wordSums
	// edges holds the sums of the features the edges of a sentence give
	// its first and last words (edgeSums).
	edges neighbourSums
}

// lookup returns the weights of feature h, or nil.
func (m *Model) lookup(h uint64) *[nTags]int16 {
	if h == 0 {
		h = 1
	}
	mask := uint64(len(m.keys) - 1)
	for s := slot(h, m.shift); ; s = (s + 1) & mask {
		k := m.keys[s]
		if k == h {
			return &m.weights[s]
		}
		if k == 0 {
			return nil
		}
	}
}

// slot returns the home slot of hash h in a table of 1<<(64-shift) slots
// (Fibonacci hashing: FNV's low bits alone cluster).
func slot(h uint64, shift int) uint64 {
	if shift >= 64 {
		return 0
	}
	return (h * 0x9e3779b97f4a7c15) >> shift
}

// newTable builds a model's hash table for n features, at most two thirds
// full.
func (m *Model) newTable(n int) {
	size, bits := 1, 0
	for size < n+n/2+1 {
		size <<= 1
		bits++
	}
	m.shift = 64 - bits
	m.keys = make([]uint64, size)
	m.weights = make([][nTags]int16, size)
	m.size = 0
}

// insert adds feature h with quantised weights w.
func (m *Model) insert(h uint64, w *[nTags]int16) {
	if h == 0 {
		h = 1
	}
	mask := uint64(len(m.keys) - 1)
	s := slot(h, m.shift)
	for m.keys[s] != 0 && m.keys[s] != h {
		s = (s + 1) & mask
	}
	if m.keys[s] == 0 {
		m.size++
	}
	m.keys[s], m.weights[s] = h, *w
}

// scorer computes emission scores for tokens from their features, plus
// the integer weight sums of base when it is not nil.
type scorer interface {
	emit(feats []uint64, base *[nTags]int32, out *[nTags]float32)
	transition(prev, t int) float32
}

func (m *Model) emit(feats []uint64, base *[nTags]int32, out *[nTags]float32) {
	var acc [nTags]int32
	if base != nil {
		acc = *base
	}
	m.sum(feats, &acc)
	inv := 1 / m.scale
	for t := range nTags {
		out[t] = float32(acc[t]) * inv
	}
}

// sum adds the quantised weights of feats to acc.
func (m *Model) sum(feats []uint64, acc *[nTags]int32) {
	for _, f := range feats {
		w := m.lookup(f)
		if w == nil {
			continue
		}
		for t := range nTags {
			acc[t] += int32(w[t])
		}
	}
}

func (m *Model) transition(prev, t int) float32 { return m.trans[prev][t] }

// lattice is the decoder's scratch space, reused across sentences.
type lattice struct {
	score [][nTags]float32
	back  [][nTags]int8
}

// viterbi returns the best tag sequence for a sentence whose token i has
// features buf[ends[i-1]:ends[i]] and, if base is not nil, the weight
// sums base[i] besides, reusing the storage of tags. Of equal scores the
// lowest previous tag wins.
func (l *lattice) viterbi(s scorer, buf []uint64, ends []int, base [][nTags]int32, tags []int) []int {
	n := len(ends)
	tags = tags[:0]
	if n == 0 {
		return tags
	}
	negInf := float32(math.Inf(-1))
	if cap(l.score) < n {
		l.score = make([][nTags]float32, n+n/2)
		l.back = make([][nTags]int8, n+n/2)
	}
	score, back := l.score[:n], l.back[:n]
	var tr transitions
	tr.of(s)
	var em [nTags]float32
	from := 0
	for i := range n {
		var b *[nTags]int32
		if base != nil {
			b = &base[i]
		}
		s.emit(buf[from:ends[i]], b, &em)
		from = ends[i]
		if i == 0 {
			for t := range nTags {
				score[0][t] = tr.fromStart[t] + em[t]
				back[0][t] = startTag
			}
			continue
		}
		tr.step(&score[i-1], &em, &score[i], &back[i])
	}
	best := -1
	for t := range nTags {
		if open(t) || score[n-1][t] == negInf {
			continue
		}
		if best < 0 || score[n-1][t] > score[n-1][best] {
			best = t
		}
	}
	if best < 0 {
		best = tagO
	}
	for range n {
		tags = append(tags, 0)
	}
	for i := n - 1; i >= 0; i-- {
		tags[i] = best
		best = int(back[i][best])
	}
	return tags
}

// transitions are the transition weights the decoder needs: fromStart
// from the start to any tag (-Inf where not allowed), fromClosing[t][k]
// from closingTags[k] to fresh tag t, inside[t] from the B and I of t's
// type to I or L tag t.
type transitions struct {
	fromStart   [nTags]float32
	fromClosing [nTags][nFresh]float32
	inside      [nTags][2]float32
}

// of sets the transition weights of s.
func (tr *transitions) of(s scorer) {
	for t := range nTags {
		tr.fromStart[t] = float32(math.Inf(-1))
		if allowedTab[startTag][t] {
			tr.fromStart[t] = s.transition(startTag, t)
		}
	}
	for _, t := range freshTags {
		for k, p := range closingTags {
			tr.fromClosing[t][k] = s.transition(p, t)
		}
	}
	for k := range types {
		b := tagOf(k, 'B')
		for _, t := range [2]int{b + 1, b + 2} { // I, L
			tr.inside[t] = [2]float32{s.transition(b, t), s.transition(b+1, t)}
		}
	}
}

// step sets the scores cur of the tags of a token with emission scores em
// after a token whose tags scored prev, and the best previous tag of each
// in back; of equal scores the lowest previous tag wins.
func (tr *transitions) step(prev, em, cur *[nTags]float32, back *[nTags]int8) {
	negInf := float32(math.Inf(-1))
	var closing [nFresh]float32
	for k, p := range closingTags {
		closing[k] = prev[p]
	}
	for _, t := range freshTags {
		best, arg := bestAfter(&closing, &tr.fromClosing[t])
		cur[t] = best + em[t]
		back[t] = int8(closingTags[arg])
	}
	for k := range types {
		b := tagOf(k, 'B')
		for _, t := range [2]int{b + 1, b + 2} { // I, L
			best, arg := negInf, 0
			if v := prev[b] + tr.inside[t][0]; v > best {
				best, arg = v, b
			}
			if v := prev[b+1] + tr.inside[t][1]; v > best {
				best, arg = v, b+1
			}
			cur[t] = best + em[t]
			back[t] = int8(arg)
		}
	}
}

// bestAfter returns the best score[k] + trans[k] and the first k that
// gives it (0 if every one is -Inf).
func bestAfter(score, trans *[nFresh]float32) (float32, int) {
	best, arg := float32(math.Inf(-1)), 0
	for k := range score {
		if v := score[k] + trans[k]; v > best {
			best, arg = v, k
		}
	}
	return best, arg
}

// tagDocument returns the tags of every sentence of d. The weights of the
// features a word decides alone, for itself (intrinsicFeatures) and for
// its neighbours (prevFeatures ...), are summed once per distinct word of
// the document, or once per model for the words of the cluster table
// (wordSums); only the features of a word in its context are looked up
// token by token.
func tagDocument(m *Model, d *document) [][]int {
	return new(tagScratch).tag(m, d)
}

// tagScratch is the storage tagDocument needs, reused from one document
// to the next (see docScratch): the tags it returns live until its next
// call.
type tagScratch struct {
	out       [][]int
	tags      []int // the tags of every sentence, one after the other
	buf, ibuf []uint64
	ends      []int
	base      [][nTags]int32
	sums      []*neighbourSums
	l         lattice
}

// tag is tagDocument in ts's storage.
func (ts *tagScratch) tag(m *Model, d *document) [][]int {
	ntok := 0
	for _, s := range d.sents {
		ntok += len(s)
	}
	out := slices.Grow(ts.out[:0], len(d.sents))[:len(d.sents)]
	ts.out = out
	ts.tags = slices.Grow(ts.tags[:0], ntok)[:ntok]
	buf, ibuf, ends, base, sums := ts.buf, ts.ibuf, ts.ends, ts.base, ts.sums
	from := 0
	for si := range d.sents {
		n := len(d.sents[si])
		var tags []int
		if n > 0 {
			tags = ts.tags[from : from : from+n]
		}
		from += n
		buf, ends = d.sentenceFeatures(si, withHistory, buf[:0], ends[:0])
		base, sums = wordSumsOf(m, d.sents[si], base, sums, &ibuf)
		out[si] = ts.l.viterbi(m, buf, ends, base, tags)
		d.record(si, out[si])
	}
	ts.buf, ts.ibuf, ts.ends, ts.base, ts.sums = buf, ibuf, ends, base, sums
	return out
}

// wordSumsOf sets base[i] to the weight sums of the features token i of
// ws is given by the words alone, its own and its neighbours', reusing
// the storage of base and sums (scratch space, as buf).
func wordSumsOf(m *Model, ws []word, base [][nTags]int32, sums []*neighbourSums, buf *[]uint64) ([][nTags]int32, []*neighbourSums) {
	sums = sums[:0]
	for i := range ws {
		sums = append(sums, ws[i].sums.get(m, &ws[i], buf))
	}
	base = slices.Grow(base[:0], len(ws))[:len(ws)]
	for i := range ws {
		b := &base[i]
		*b = sums[i].self
		addSums(b, &neighbour(sums, i-1, &m.edges).prev)
		addSums(b, &neighbour(sums, i+1, &m.edges).next)
		addSums(b, &neighbour(sums, i-2, &m.edges).prev2)
		addSums(b, &neighbour(sums, i+2, &m.edges).next2)
	}
	return base, sums
}

// neighbour returns sums[i], or edges beyond the sentence's ends.
func neighbour(sums []*neighbourSums, i int, edges *neighbourSums) *neighbourSums {
	if i < 0 || i >= len(sums) {
		return edges
	}
	return sums[i]
}

// addSums adds the weight sums b to a.
func addSums(a *[nTags]int32, b *[nTags]int32) {
	for t := range nTags {
		a[t] += b[t]
	}
}

// Model file format (gzip-compressed): "siftner1", the number of
// features (uvarint), the weight scale (float32), the transition weights
// ((nTags+1)*nTags float32), then per feature in increasing hash order the
// hash delta from the previous one (uvarint) and nTags weights as zig-zag
// varints of the quantised weight.
const modelMagic = "siftner1"

// encodeModel writes the model file for features sorted by hash.
func encodeModel(w io.Writer, feats []Feature, scale float32, trans *[nTags + 1][nTags]float32) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(zw)
	bw.WriteString(modelMagic)
	var tmp [binary.MaxVarintLen64]byte
	bw.Write(tmp[:binary.PutUvarint(tmp[:], uint64(len(feats)))])
	binary.Write(bw, binary.LittleEndian, scale)
	binary.Write(bw, binary.LittleEndian, trans)
	var prev uint64
	for _, f := range feats {
		bw.Write(tmp[:binary.PutUvarint(tmp[:], f.Hash-prev)])
		prev = f.Hash
		for _, q := range f.Weights {
			bw.Write(tmp[:binary.PutVarint(tmp[:], int64(q))])
		}
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	return zw.Close()
}

// decodeModel reads a model file.
func decodeModel(data []byte) (*Model, error) {
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("reading model: %w", err)
	}
	br := bufio.NewReader(zr)
	magic := make([]byte, len(modelMagic))
	if _, err := io.ReadFull(br, magic); err != nil || string(magic) != modelMagic {
		return nil, errors.New("reading model: not a sift NER model")
	}
	n, err := binary.ReadUvarint(br)
	if err != nil || n > 1<<26 {
		return nil, fmt.Errorf("reading model size: %v", err)
	}
	var scale float32
	if err := binary.Read(br, binary.LittleEndian, &scale); err != nil {
		return nil, fmt.Errorf("reading model scale: %w", err)
	}
	if !(scale > 0) {
		return nil, errors.New("reading model: bad weight scale")
	}
	clu, err := defaultClusters()
	if err != nil {
		return nil, err
	}
	m := &Model{digest: digestOf(append(slices.Clip(data), clusterData...)), scale: scale, clusters: clu,
		words: make([]wordSums, clu.len())}
	if err := binary.Read(br, binary.LittleEndian, &m.trans); err != nil {
		return nil, fmt.Errorf("reading model transitions: %w", err)
	}
	m.newTable(int(n))
	var h uint64
	var w [nTags]int16
	for range n {
		d, err := binary.ReadUvarint(br)
		if err != nil {
			return nil, fmt.Errorf("reading model features: %w", err)
		}
		h += d
		for t := range nTags {
			q, err := binary.ReadVarint(br)
			if err != nil {
				return nil, fmt.Errorf("reading model weights: %w", err)
			}
			if q < math.MinInt16 || q > math.MaxInt16 {
				return nil, errors.New("reading model: weight out of range")
			}
			w[t] = int16(q)
		}
		m.insert(h, &w)
	}
	m.edges = edgeSums(m)
	return m, nil
}
