package propaganda

import (
	"cmp"
	"slices"
	"sort"
)

// Look-ups by position that used to scan the whole document for every
// span (occurrences, evidence, decodeAny) and so grew with the square of
// a document's length. Each gives the result of that scan.

// wordIndex lists, for each word hash, where its word tokens are, and for
// each word token its rank among the words: enough to find every place a
// run of words recurs from the positions of its rarest word.
type wordIndex struct {
	at    map[uint32][]int32 // word hash -> ranks of its word tokens, ascending
	token []int32            // rank -> token index
	rank  []int32            // token index -> rank, -1 for punctuation
}

// words returns d's word index, built on first use.
func (d *document) words() *wordIndex {
	if d.wordIdx != nil {
		return d.wordIdx
	}
	x := &wordIndex{at: map[uint32][]int32{}, rank: make([]int32, len(d.tokens))}
	for i := range d.tokens {
		t := &d.tokens[i]
		if !t.word {
			x.rank[i] = -1
			continue
		}
		x.rank[i] = int32(len(x.token))
		x.at[t.hash] = append(x.at[t.hash], int32(len(x.token)))
		x.token = append(x.token, int32(i))
	}
	d.wordIdx = x
	return x
}

// maxSentenceTokens is the most tokens of one sentence: a longer run
// without a sentence end (text without punctuation) is cut into sentences
// of this many tokens, so that the work on a sentence, such as featurizing
// a whole-sentence span for its evidence, stays bounded. The longest
// sentence of the PTC articles has fewer than 200 tokens.
const maxSentenceTokens = 512

// scanLimit is the most tokens below which occurrences scans the document
// directly rather than building the word index.
const scanLimit = 4096

// maxTries is the most places of its rarest word at which occurrences
// looks for a run of words: a run made only of words that occur thousands
// of times (text of a few words repeated) is counted among the first
// maxTries places of its rarest word only, so that the count costs at most
// this much per span. An article's rarest word of a span seldom recurs
// more than a few dozen times.
const maxTries = 1024

// occurrencesIndexed is occurrences through the word index: it tries the
// places of the rarest of the words only, at most maxTries of them.
func occurrencesIndexed(d *document, a int, words []uint32, limit int) int {
	x := d.words()
	rarest := 0
	for k, w := range words {
		if len(x.at[w]) < len(x.at[words[rarest]]) {
			rarest = k
		}
	}
	n := 0
	places := x.at[words[rarest]]
	for _, r := range places[:min(len(places), maxTries)] {
		s := int(r) - rarest // rank of the run's first word
		if s < 0 || s+len(words) > len(x.token) || int(x.token[s]) == a {
			continue
		}
		k := 0
		for k < len(words) && d.tokens[x.token[s+k]].hash == words[k] {
			k++
		}
		if k == len(words) {
			n++
			if n == limit {
				break
			}
		}
	}
	return n
}

// spanCover answers whether any of a set of spans overlaps a range of
// code points.
type spanCover struct {
	starts []int // span starts, ascending
	maxEnd []int // maxEnd[k]: the greatest end of the spans of starts[:k+1]
}

func newSpanCover(spans []span) spanCover {
	sorted := slices.Clone(spans)
	slices.SortFunc(sorted, func(a, b span) int { return cmp.Compare(a.start, b.start) })
	c := spanCover{starts: make([]int, len(sorted)), maxEnd: make([]int, len(sorted))}
	end := 0
	for k, sp := range sorted {
		end = max(end, sp.end)
		c.starts[k], c.maxEnd[k] = sp.start, end
	}
	return c
}

// overlaps reports whether a span of the set overlaps [start, end).
func (c spanCover) overlaps(start, end int) bool {
	k := sort.Search(len(c.starts), func(k int) bool { return c.starts[k] >= end })
	return k > 0 && c.maxEnd[k-1] > start
}
