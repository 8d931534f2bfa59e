package claim

import (
	"cmp"
	"slices"
	"sort"

	"github.com/sift-news/sift"
)

// Extract looks up, for every sentence, the quotes that start or overlap
// in it and the entities inside it. Scanning every quote and entity of
// the article for each sentence made its work grow with the square of the
// article's length; these indexes answer each look-up from the sentence's
// own neighbourhood, with the same results.

// quoteIndex finds quotes by position.
type quoteIndex struct {
	quotes []sift.Quote
	order  []int // indexes into quotes by Start, then by index
	maxEnd []int // maxEnd[k]: the greatest End of quotes[order[:k+1]]
	next   int   // the first entry of order not passed by startingIn yet
}

func newQuoteIndex(qs []sift.Quote) *quoteIndex {
	x := &quoteIndex{quotes: qs, order: make([]int, len(qs)), maxEnd: make([]int, len(qs))}
	for i := range qs {
		x.order[i] = i
	}
	slices.SortStableFunc(x.order, func(a, b int) int { return cmp.Compare(qs[a].Start, qs[b].Start) })
	end := 0
	for k, i := range x.order {
		end = max(end, qs[i].End)
		x.maxEnd[k] = end
	}
	return x
}

// startingIn returns, in index order, the quotes whose Start is in
// [start, end). Calls must come with ascending, disjoint ranges (the
// sentences of a text in order); quotes starting before a range are
// never returned again.
func (x *quoteIndex) startingIn(start, end int, buf []int) []int {
	buf = buf[:0]
	for x.next < len(x.order) && x.quotes[x.order[x.next]].Start < start {
		x.next++
	}
	for k := x.next; k < len(x.order) && x.quotes[x.order[k]].Start < end; k++ {
		buf = append(buf, x.order[k])
	}
	slices.Sort(buf)
	return buf
}

// overlaps reports whether any quote overlaps [start, end).
func (x *quoteIndex) overlaps(start, end int) bool {
	k := sort.Search(len(x.order), func(k int) bool { return x.quotes[x.order[k]].Start >= end })
	return k > 0 && x.maxEnd[k-1] > start
}

// entityIndex finds the entities that may lie inside a span.
type entityIndex struct {
	ents   []sift.Entity
	sorted bool // by Start: then a span's entities are one run of ents
}

func newEntityIndex(ents []sift.Entity) entityIndex {
	return entityIndex{ents: ents, sorted: slices.IsSortedFunc(ents, func(a, b sift.Entity) int { return cmp.Compare(a.Start, b.Start) })}
}

// within returns the entities that may lie inside [start, end): those
// starting in it, in their order, when the entities are sorted (every
// entity inside the span is among them), else all of them. hasEntity and
// Normalize give the same results on either.
func (x entityIndex) within(start, end int) []sift.Entity {
	if !x.sorted {
		return x.ents
	}
	i := sort.Search(len(x.ents), func(i int) bool { return x.ents[i].Start >= start })
	j := i + sort.Search(len(x.ents)-i, func(k int) bool { return x.ents[i+k].Start >= end })
	return x.ents[i:j]
}
