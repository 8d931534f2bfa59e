package cluster

import (
	"cmp"
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Options control training. The zero value asks for the defaults.
type Options struct {
	MinCount int // words seen fewer times are left out (default 4)
	MaxWords int // at most this many words, the commonest (default 60,000)
	Contexts int // the commonest words used as contexts by name (default 1,000)
	MinLeaf  int // a cluster of fewer than 2*MinLeaf words is not split (default 12)
	MaxDepth int // the deepest a path goes (default 20)
	Iter     int // 2-means iterations per split (default 10)
}

func (o *Options) defaults() {
	def := func(v *int, d int) {
		if *v <= 0 {
			*v = d
		}
	}
	def(&o.MinCount, 4)
	def(&o.MaxWords, 60000)
	def(&o.Contexts, 1000)
	def(&o.MinLeaf, 12)
	def(&o.MaxDepth, 20)
	def(&o.Iter, 10)
}

// Context classes of the words that are not among the commonest: by shape.
const (
	ctxStart  = iota // beyond the sentence's start or end
	ctxCap           // capitalised
	ctxLower         // lower case
	ctxUpper         // all capitals
	ctxNumber        // has a digit
	ctxOther         // punctuation and the rest
	nShapes
)

// shapeClass returns the context class of a word that is not among the
// commonest.
func shapeClass(w string) int {
	r, _ := utf8.DecodeRuneInString(w)
	upper, lower := 0, 0
	for _, c := range w {
		switch {
		case unicode.IsDigit(c):
			return ctxNumber
		case unicode.IsUpper(c):
			upper++
		case unicode.IsLetter(c):
			lower++
		}
	}
	switch {
	case upper > 1 && lower == 0:
		return ctxUpper
	case unicode.IsUpper(r):
		return ctxCap
	case lower > 0:
		return ctxLower
	}
	return ctxOther
}

// nSides is the number of context positions: one before, one after, two
// before, two after.
const nSides = 4

// vec is a sparse vector: dimensions in increasing order and their values.
type vec struct {
	dim []int32
	val []float32
}

// Train clusters the words of sents (sentences of tokens, as written).
func Train(sents [][]string, opt Options) *Table {
	opt.defaults()
	// The vocabulary: words seen at least MinCount times, commonest first
	// (ties in byte order).
	counts := map[string]int{}
	// Inside sentences (not first, not after an opening quote or a
	// colon), how often each lower-case word is written capitalised.
	inside, capital := map[string]int{}, map[string]int{}
	for _, s := range sents {
		for i, w := range s {
			counts[w]++
			if i == 0 || !hasLetter(w) || opensSentence(s[i-1]) {
				continue
			}
			l := strings.ToLower(w)
			inside[l]++
			if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) {
				capital[l]++
			}
		}
	}
	type wc struct {
		w string
		n int
	}
	var vocab []wc
	for w, n := range counts {
		if n >= opt.MinCount {
			vocab = append(vocab, wc{w, n})
		}
	}
	slices.SortFunc(vocab, func(a, b wc) int {
		if c := cmp.Compare(b.n, a.n); c != 0 {
			return c
		}
		return cmp.Compare(a.w, b.w)
	})
	if len(vocab) > opt.MaxWords {
		vocab = vocab[:opt.MaxWords]
	}
	id := make(map[string]int32, len(vocab))
	for i, v := range vocab {
		id[v.w] = int32(i)
	}
	// A context is a word at one position: the commonest words by name,
	// the others by shape. Dimension of (position, context): position*nCtx
	// + context.
	nCtx := int32(min(opt.Contexts, len(vocab)) + nShapes)
	ctxOf := func(w string) int32 {
		if i, ok := id[w]; ok && int(i) < opt.Contexts {
			return nShapes + i
		}
		return int32(shapeClass(w))
	}
	// Co-occurrence pairs (word, dimension), counted after sorting: the
	// words one and two before and after.
	var pairs []uint64
	ctx := []int32{}
	for _, s := range sents {
		ctx = ctx[:0]
		for _, w := range s {
			ctx = append(ctx, ctxOf(w))
		}
		at := func(i int) int32 {
			if i < 0 || i >= len(s) {
				return ctxStart
			}
			return ctx[i]
		}
		for i, w := range s {
			wi, ok := id[w]
			if !ok {
				continue
			}
			k := uint64(wi) << 32
			pairs = append(pairs, k|uint64(at(i-1)), k|uint64(nCtx+at(i+1)),
				k|uint64(2*nCtx+at(i-2)), k|uint64(3*nCtx+at(i+2)))
		}
	}
	slices.Sort(pairs)
	// Positive pointwise mutual information, then unit length.
	dimTotal := make([]float64, nSides*nCtx)
	wordTotal := make([]float64, len(vocab))
	for _, p := range pairs {
		dimTotal[uint32(p)]++
		wordTotal[p>>32]++
	}
	total := float64(len(pairs))
	vecs := make([]vec, len(vocab))
	for i := 0; i < len(pairs); {
		j := i
		for j < len(pairs) && pairs[j] == pairs[i] {
			j++
		}
		w, d := pairs[i]>>32, uint32(pairs[i])
		pmi := math.Log(float64(j-i) * total / (wordTotal[w] * dimTotal[d]))
		if pmi > 0 {
			v := &vecs[w]
			v.dim = append(v.dim, int32(d))
			v.val = append(v.val, float32(pmi))
		}
		i = j
	}
	for i := range vecs {
		normalise(vecs[i].val)
	}
	paths := make([]Path, len(vocab))
	members := make([]int32, len(vocab))
	for i := range members {
		members[i] = int32(i)
	}
	b := bisector{vecs: vecs, paths: paths, opt: opt, c: [2][]float32{make([]float32, nSides*nCtx), make([]float32, nSides*nCtx)}}
	b.split(members, 1)
	t := &Table{words: make(map[string]Entry, len(vocab))}
	for i, v := range vocab {
		l := strings.ToLower(v.w)
		t.words[v.w] = Entry{Path: paths[i], Case: caseClass(inside[l], capital[l])}
	}
	sorted := make([]string, 0, len(t.words))
	for w := range t.words {
		sorted = append(sorted, w)
	}
	slices.Sort(sorted)
	for i, w := range sorted {
		e := t.words[w]
		e.Index = int32(i)
		t.words[w] = e
	}
	return t
}

// caseClass is the case class of a word seen n times inside sentences,
// capitalised c times.
func caseClass(n, c int) uint8 {
	switch {
	case n < 3:
		return CaseUnknown
	case 10*c < n:
		return CaseLower
	case 2*c < n:
		return CaseMixed
	case 10*c < 9*n:
		return CaseMostly
	}
	return CaseCapital
}

// hasLetter reports whether w has a letter.
func hasLetter(w string) bool {
	return strings.IndexFunc(w, unicode.IsLetter) >= 0
}

// opensSentence reports tokens after which a capital says nothing of the
// word: quotes, colons, dashes and brackets.
func opensSentence(w string) bool {
	switch w {
	case `"`, "'", ":", "(", "-", "--", "``":
		return true
	}
	return false
}

// normalise scales v to unit length.
func normalise(v []float32) {
	var s float64
	for _, x := range v {
		s += float64(x) * float64(x)
	}
	if s == 0 {
		return
	}
	inv := float32(1 / math.Sqrt(s))
	for i := range v {
		v[i] *= inv
	}
}

// bisector builds the tree by splitting clusters in two.
type bisector struct {
	vecs  []vec
	paths []Path
	opt   Options
	c     [2][]float32 // the two centroids of the split under way (dense)
}

// dot is the inner product of sparse u and dense c.
func dot(u *vec, c []float32) float32 {
	var s float32
	for k, d := range u.dim {
		s += u.val[k] * c[d]
	}
	return s
}

// seedPool is how many of a cluster's commonest words the second seed of
// its split is chosen from.
const seedPool = 200

// split gives the words members the path p, then divides them between
// p's children when there are enough of them.
func (b *bisector) split(members []int32, p Path) {
	for _, m := range members {
		b.paths[m] = p
	}
	if len(members) < 2*b.opt.MinLeaf || p.Depth() >= b.opt.MaxDepth {
		return
	}
	// Seeds: the commonest member (members are in vocabulary order, the
	// commonest first) and the member least like it among the commoner
	// ones (a rare word's few contexts make it an outlier).
	first := &b.vecs[members[0]]
	far, farSim := members[1], float32(2)
	for _, m := range members[1:min(len(members), seedPool)] {
		if s := dotSparse(first, &b.vecs[m]); s < farSim {
			far, farSim = m, s
		}
	}
	b.setCentroid(0, []int32{members[0]})
	b.setCentroid(1, []int32{far})
	side := make([]bool, len(members))
	var left, right []int32
	for it := range b.opt.Iter {
		changed := false
		left, right = left[:0], right[:0]
		for k, m := range members {
			v := &b.vecs[m]
			r := dot(v, b.c[1]) > dot(v, b.c[0])
			if r != side[k] || it == 0 {
				changed = true
			}
			side[k] = r
			if r {
				right = append(right, m)
			} else {
				left = append(left, m)
			}
		}
		if len(left) == 0 || len(right) == 0 {
			return
		}
		if !changed {
			break
		}
		b.setCentroid(0, left)
		b.setCentroid(1, right)
	}
	left, right = slices.Clone(left), slices.Clone(right)
	b.split(left, 2*p)
	b.split(right, 2*p+1)
}

// setCentroid makes centroid k the normalised sum of the vectors of
// members.
func (b *bisector) setCentroid(k int, members []int32) {
	c := b.c[k]
	clear(c)
	for _, m := range members {
		v := &b.vecs[m]
		for j, d := range v.dim {
			c[d] += v.val[j]
		}
	}
	normalise(c)
}

// dotSparse is the inner product of two sparse vectors.
func dotSparse(u, v *vec) float32 {
	var s float32
	i, j := 0, 0
	for i < len(u.dim) && j < len(v.dim) {
		switch {
		case u.dim[i] < v.dim[j]:
			i++
		case u.dim[i] > v.dim[j]:
			j++
		default:
			s += u.val[i] * v.val[j]
			i++
			j++
		}
	}
	return s
}
