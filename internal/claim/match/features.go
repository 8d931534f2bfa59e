package match

import (
	"math"
	"slices"
)

// FeatureNames names the features the model weighs, in the order of the
// vector Features returns. Every feature is symmetric in its two
// sentences: directional ratios enter as their minimum and maximum.
var FeatureNames = []string{
	"stem1.min", "stem1.max", "stem2.min", "stem2.max", "stem3.min", "stem3.max", "stem4.min", "stem4.max",
	"word1.min", "word1.max", "word2.min", "word2.max",
	"content.min", "content.max", "idf.min", "idf.max",
	"lcs.min", "lcs.max", "char3", "char4",
	"num.any", "num.matched", "num.mismatch", "num.one-side",
	"names.matched", "names.unmatched",
	"negation.mismatch",
	"length.diff", "content-length.ratio", "length.log-min",
	"content.all-matched",
	"synonym.min", "synonym.max", "unmatched-syn-idf.max", "unmatched-syn-idf.min",
	"num.unmatched.max", "num.unmatched.min", "names.unmatched.max", "names.unmatched.min",
	"loose.min", "loose.max",
	"edit", "frag.max", "frag.min", "unmatched-content.max", "unmatched-content.min",
	"content2.min", "content2.max",
}

// NumFeatures is len(FeatureNames).
const NumFeatures = 48

type featureVec [NumFeatures]float64

// scratch is the reusable working memory of one comparison.
type scratch struct {
	a, b sentence
	row  []int
}

// minMax returns the smaller and larger of m/na and m/nb, with 0/0 read as
// 1 (nothing to match, nothing missed) and m/0 as 0.
func minMax(m, na, nb int) (float64, float64) {
	x, y := ratio(m, na), ratio(m, nb)
	if x > y {
		x, y = y, x
	}
	return x, y
}

func ratio(m, n int) float64 {
	if n == 0 {
		if m == 0 {
			return 1
		}
		return 0
	}
	return float64(m) / float64(n)
}

// common counts the shared elements of the sorted multisets a and b.
func common(a, b []uint64) int {
	n, i, j := 0, 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] == b[j]:
			n++
			i++
			j++
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	return n
}

// The n-gram multisets of a sentence that features compares, each
// computed and sorted once per sentence (gramSet): a Scorer's sentence is
// compared with every candidate, so its sets are built once, not once a
// candidate.
const (
	gramStem1  = iota // stem n-grams, n = 1..4: gramStem1+n-1
	gramWord1  = 4    // word n-grams, n = 1, 2: gramWord1+n-1
	gramChar3  = 6    // character 3- and 4-grams: gramChar3+n-3
	gramBigram = 8    // pairs of consecutive content words
	numGrams   = 9
)

// gramSet returns the sorted multiset k of s (see gramStem1 ...).
func (s *sentence) gramSet(k int) []uint64 {
	if s.have&(1<<k) != 0 {
		return s.grams[k]
	}
	g := s.grams[k][:0]
	switch {
	case k < gramWord1:
		g = ngrams(g, s.toks, k-gramStem1+1, true)
	case k < gramChar3:
		g = ngrams(g, s.toks, k-gramWord1+1, false)
	case k < gramBigram:
		g = chargrams(g, s.chars, k-gramChar3+3)
	default:
		g = contentBigrams(g, s.toks)
	}
	slices.Sort(g)
	s.grams[k] = g
	s.have |= 1 << k
	return g
}

// ngrams appends the hashes of the n-grams of toks (by stem or by word).
func ngrams(dst []uint64, toks []token, n int, byStem bool) []uint64 {
	for i := 0; i+n <= len(toks); i++ {
		h := uint64(n)
		for k := 0; k < n; k++ {
			v := toks[i+k].word
			if byStem {
				v = toks[i+k].stem
			}
			h = (h^v)*1099511628211 + 0x9e3779b97f4a7c15
		}
		dst = append(dst, h)
	}
	return dst
}

// chargrams appends the character n-grams (n <= 8) of b, packed in a word.
func chargrams(dst []uint64, b []byte, n int) []uint64 {
	for i := 0; i+n <= len(b); i++ {
		var g uint64
		for k := 0; k < n; k++ {
			g = g<<8 | uint64(b[i+k])
		}
		dst = append(dst, g)
	}
	return dst
}

func hasStem(toks []token, st uint64) bool {
	for i := range toks {
		if toks[i].stem == st {
			return true
		}
	}
	return false
}

func hasNum(toks []token, n uint64) bool {
	for i := range toks {
		if toks[i].num == n && toks[i].flags&fNum != 0 {
			return true
		}
	}
	return false
}

// lcs is the length of the longest common subsequence of stems.
func (sc *scratch) lcs(a, b []token) int {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	if cap(sc.row) < 2*(len(b)+1) {
		sc.row = make([]int, 2*(len(b)+1))
	}
	prev, cur := sc.row[:len(b)+1], sc.row[len(b)+1:2*(len(b)+1)]
	clear(prev)
	for i := range a {
		cur[0] = 0
		for j := range b {
			if a[i].stem == b[j].stem {
				cur[j+1] = prev[j] + 1
			} else {
				cur[j+1] = max(cur[j], prev[j+1])
			}
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// side sums what one sentence has that the other may lack.
type side struct {
	content, matched int     // content words, those whose stem the other has
	synMatched       int     // content words the other has only a synonym of
	synIDF           float64 // their idf
	idf, matchedIDF  float64 // the same weighted by idf
	nums, numsIn     int     // numbers, those the other has
	names, namesIn   int     // names, those the other has
	looseMatched     int     // content words the other has only a word of the same prefix of
	looseIDF         float64 // their idf
	neg              int     // negations
	negAligned       bool    // has a negation whose next content word the other sentence has
}

// negates reports whether the token at i of x negates what follows.
func negates(x []token, i int) bool {
	t := &x[i]
	if t.flags&fNeg == 0 {
		return false
	}
	return t.flags&fNegTo == 0 || i+1 < len(x) && x[i+1].word == toHash
}

func tally(x, y []token) side {
	var s side
	for i := range x {
		t := &x[i]
		switch {
		case t.flags&fNum != 0:
			s.nums++
			if hasNum(y, t.num) {
				s.numsIn++
			}
			continue
		case negates(x, i):
			s.neg++
			for j := i + 1; j < len(x) && j <= i+3; j++ {
				if x[j].flags&(fStop|fNum) == 0 {
					if hasStem(y, x[j].stem) {
						s.negAligned = true
					}
					break
				}
			}
			if t.flags&fStop != 0 {
				continue
			}
		case t.flags&fStop != 0:
			continue
		}
		in := hasStem(y, t.stem)
		s.content++
		s.idf += float64(t.idf)
		switch {
		case in:
			s.matched++
			s.matchedIDF += float64(t.idf)
		case len(t.syn) > 0 && hasSynonym(y, t.syn):
			s.synMatched++
			s.synIDF += float64(t.idf)
		case t.pre != 0 && hasPrefix(y, t.pre):
			s.looseMatched++
			s.looseIDF += float64(t.idf)
		}
		if t.flags&fName != 0 {
			s.names++
			if in {
				s.namesIn++
			}
		}
	}
	return s
}

// features computes the feature vector of the tokenised sentences in sc.
func (sc *scratch) features(f *featureVec) { sc.featuresOf(&sc.a, &sc.b, f) }

// featuresOf computes the feature vector of the tokenised sentences x and
// y, with sc's buffers.
func (sc *scratch) featuresOf(x, y *sentence, f *featureVec) {
	a, b := x.toks, y.toks
	k := 0
	put := func(x, y float64) {
		f[k], f[k+1] = x, y
		k += 2
	}
	for k := gramStem1; k < gramChar3; k++ { // stems n = 1..4, words n = 1, 2
		ga, gb := x.gramSet(k), y.gramSet(k)
		put(minMax(common(ga, gb), len(ga), len(gb)))
	}
	sa, sb := tally(a, b), tally(b, a)
	put(minMax2(ratio(sa.matched, sa.content), ratio(sb.matched, sb.content)))
	put(minMax2(fratio(sa.matchedIDF, sa.idf), fratio(sb.matchedIDF, sb.idf)))
	l := sc.lcs(a, b)
	lo, hi := len(a), len(b)
	if lo > hi {
		lo, hi = hi, lo
	}
	f[k], f[k+1] = ratio(l, lo), ratio(l, hi)
	k += 2
	for g := gramChar3; g < gramBigram; g++ {
		ga, gb := x.gramSet(g), y.gramSet(g)
		f[k] = ratio(2*common(ga, gb), len(ga)+len(gb))
		k++
	}
	// Numbers.
	nums := sa.nums + sb.nums
	f[k] = b2f(nums > 0)
	f[k+1] = ratio(sa.numsIn+sb.numsIn, nums)
	f[k+2] = b2f(sa.nums > 0 && sb.nums > 0 && (sa.numsIn < sa.nums || sb.numsIn < sb.nums))
	f[k+3] = b2f((sa.nums > 0) != (sb.nums > 0))
	k += 4
	// Names.
	f[k] = ratio(sa.namesIn+sb.namesIn, sa.names+sb.names)
	f[k+1] = min(float64(sa.names-sa.namesIn+sb.names-sb.namesIn)/4, 2)
	k += 2
	// A denial of the same words: "had failed" / "had not failed".
	// ("failed" / "not failed" too; "failed to" / "did not" are equal.)
	f[k] = b2f(sa.neg > sb.neg && sa.negAligned || sb.neg > sa.neg && sb.negAligned)
	k++
	f[k] = ratio(hi-lo, hi)
	cl, ch := sa.content, sb.content
	if cl > ch {
		cl, ch = ch, cl
	}
	f[k+1] = ratio(cl, ch)
	f[k+2] = math.Log1p(float64(lo))
	f[k+3] = b2f(sa.matched == sa.content && sb.matched == sb.content)
	k += 4
	put(minMax2(ratio(sa.matched+sa.synMatched, sa.content), ratio(sb.matched+sb.synMatched, sb.content)))
	ua, ub := unmatchedIDF(sa.idf-sa.matchedIDF-sa.synIDF), unmatchedIDF(sb.idf-sb.matchedIDF-sb.synIDF)
	if ua < ub {
		ua, ub = ub, ua
	}
	put(ua, ub)
	ua, ub = float64(sa.nums-sa.numsIn), float64(sb.nums-sb.numsIn)
	put(min(max(ua, ub), 4), min(ua, ub, 4))
	ua, ub = float64(sa.names-sa.namesIn), float64(sb.names-sb.namesIn)
	put(min(max(ua, ub), 4), min(ua, ub, 4))
	put(minMax2(ratio(sa.matched+sa.synMatched+sa.looseMatched, sa.content), ratio(sb.matched+sb.synMatched+sb.looseMatched, sb.content)))
	f[k] = ratio(sc.edit(a, b), hi)
	k++
	put(maxMin(sc.frag(a, b), sc.frag(b, a)))
	ua, ub = float64(sa.content-sa.matched-sa.synMatched-sa.looseMatched), float64(sb.content-sb.matched-sb.synMatched-sb.looseMatched)
	put(min(max(ua, ub), 8)/4, min(ua, ub, 8)/4)
	ga, gb := x.gramSet(gramBigram), y.gramSet(gramBigram)
	put(minMax(common(ga, gb), len(ga), len(gb)))
}

func maxMin(x, y float64) (float64, float64) {
	if x < y {
		return y, x
	}
	return x, y
}

// edit is the word-level edit distance (insertions, deletions and
// substitutions of stems) between a and b.
func (sc *scratch) edit(a, b []token) int {
	if len(a) == 0 || len(b) == 0 {
		return max(len(a), len(b))
	}
	if cap(sc.row) < 2*(len(b)+1) {
		sc.row = make([]int, 2*(len(b)+1))
	}
	prev, cur := sc.row[:len(b)+1], sc.row[len(b)+1:2*(len(b)+1)]
	for j := range prev {
		prev[j] = j
	}
	for i := range a {
		cur[0] = i + 1
		for j := range b {
			c := prev[j]
			if a[i].stem != b[j].stem {
				c++
			}
			cur[j+1] = min(c, prev[j+1]+1, cur[j]+1)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// frag is the fragmentation of the matches of x's content words in y, as
// in METEOR: the number of runs of consecutive content words of x matched
// to consecutive content words of y, over the number matched (0 when none
// is matched; lower is more in the same order). Each word of x is aligned
// to the first unused content word of y with its stem.
func (sc *scratch) frag(x, y []token) float64 {
	var used [MaxTokens]bool
	matched, chunks, last := 0, 0, -2
	for i := range x {
		t := &x[i]
		if t.flags&(fStop|fNum) != 0 {
			continue
		}
		at := -1
		for j := range y {
			if !used[j] && y[j].stem == t.stem && y[j].flags&fStop == 0 {
				at = j
				break
			}
		}
		if at < 0 {
			last = -2
			continue
		}
		used[at] = true
		matched++
		if last < 0 || !nextContent(y, last, at) {
			chunks++
		}
		last = at
	}
	if matched == 0 {
		return 1
	}
	return float64(chunks) / float64(matched)
}

// nextContent reports whether at is the first content word of y after from.
func nextContent(y []token, from, at int) bool {
	for j := from + 1; j < len(y); j++ {
		if y[j].flags&(fStop|fNum) == 0 {
			return j == at
		}
	}
	return false
}

// contentBigrams appends the hashes of the pairs of consecutive content
// words (stop words and numbers skipped) of toks, by stem.
func contentBigrams(dst []uint64, toks []token) []uint64 {
	var prev uint64
	for i := range toks {
		if toks[i].flags&(fStop|fNum) != 0 {
			continue
		}
		if prev != 0 {
			dst = append(dst, (prev^toks[i].stem*31)*1099511628211+0x9e3779b97f4a7c15)
		}
		prev = toks[i].stem
	}
	return dst
}

// unmatchedIDF scales the idf of the words one sentence lacks, bounded so
// that a sentence far longer than any the model was trained on does not
// push a weight beyond what training saw: past about five rare words
// missing, more missing tells nothing more.
func unmatchedIDF(x float64) float64 { return min(x/10, 4) }

// hasPrefix reports whether a content word of toks begins with the same
// prefixLen letters.
func hasPrefix(toks []token, pre uint64) bool {
	for i := range toks {
		if toks[i].pre == pre && toks[i].flags&fStop == 0 {
			return true
		}
	}
	return false
}

// hasSynonym reports whether a content word of toks shares a synonym group
// with groups.
func hasSynonym(toks []token, groups []uint32) bool {
	for i := range toks {
		g := toks[i].syn
		if len(g) == 0 || toks[i].flags&(fStop|fNum) != 0 {
			continue
		}
		a, b := 0, 0
		for a < len(g) && b < len(groups) {
			switch {
			case g[a] == groups[b]:
				return true
			case g[a] < groups[b]:
				a++
			default:
				b++
			}
		}
	}
	return false
}

func minMax2(x, y float64) (float64, float64) {
	if x > y {
		return y, x
	}
	return x, y
}

func fratio(m, n float64) float64 {
	if n == 0 {
		if m == 0 {
			return 1
		}
		return 0
	}
	return m / n
}

func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}
