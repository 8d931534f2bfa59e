package link

import (
	"github.com/sift-news/sift"
)

// Alignment limits.
const (
	// MinPassageWords is the fewest words two articles must share, in
	// order, for a passage to count as reused.
	MinPassageWords = 10
	// maxGap is the longest run of differing words (on either side) that
	// can sit inside one passage; longer differences end it.
	maxGap = 6
	// maxSubWords is the longest run (on either side) reported as a
	// substitution; longer differing runs are rewrites, not swaps.
	maxSubWords = 4
	// maxSeedPositions bounds the places in b tried for one shingle of a.
	maxSeedPositions = 8
)

// Passage is a stretch of text shared by two articles, A and B, aligned
// word by word. Offsets are code points into each article's text.
type Passage struct {
	AStart, AEnd int
	BStart, BEnd int
	// Matched is the number of words that are the same on both sides.
	Matched int
	// Similarity is Matched over the longer side's word count.
	Similarity float64
	// Substitutions lists the differing runs inside the passage where both
	// sides have words: From is B's wording, To is A's.
	Substitutions []sift.Substitution
}

// Doc is a text prepared for alignment: its words and their shingles.
type Doc struct {
	Text     string
	Tokens   []Token
	Shingles []uint64
	runes    []rune
	where    map[uint64][]int32 // shingle → positions, built on first use
}

// positions returns, for each shingle of d, where it occurs (at most
// maxSeedPositions places), building the table once per Doc.
func (d *Doc) positions() map[uint64][]int32 {
	if d.where == nil {
		d.where = make(map[uint64][]int32, len(d.Shingles))
		for j, h := range d.Shingles {
			if ps := d.where[h]; len(ps) < maxSeedPositions {
				d.where[h] = append(ps, int32(j))
			}
		}
	}
	return d.where
}

// NewDoc tokenizes text for alignment.
func NewDoc(text string) *Doc {
	toks := Tokenize(text)
	return &Doc{Text: text, Tokens: toks, Shingles: Shingles(toks)}
}

// slice returns the text of tokens [i, j) as written, or "" for none.
func (d *Doc) slice(i, j int) string {
	if i >= j {
		return ""
	}
	if d.runes == nil {
		d.runes = []rune(d.Text)
	}
	return string(d.runes[d.Tokens[i].Start:d.Tokens[j-1].End])
}

// block is a run of n equal words at a[i:i+n] and b[j:j+n].
type block struct{ i, j, n int }

// Align finds the passages a and b share, in a's order. Each word of a
// belongs to at most one passage.
func Align(a, b *Doc) []Passage {
	if len(a.Tokens) < ShingleSize || len(b.Tokens) < ShingleSize {
		return nil
	}
	where := b.positions()
	var blocks []block
	for i := 0; i < len(a.Shingles); {
		best := block{}
		for _, j32 := range where[a.Shingles[i]] {
			j := int(j32)
			n := 0
			for i+n < len(a.Tokens) && j+n < len(b.Tokens) && a.Tokens[i+n].Norm == b.Tokens[j+n].Norm {
				n++
			}
			// Prefer the longest run; on a tie, the one that continues
			// the previous block in b.
			if n > best.n || (n == best.n && n > 0 && len(blocks) > 0 && j >= blocks[len(blocks)-1].j && best.j < blocks[len(blocks)-1].j) {
				best = block{i, j, n}
			}
		}
		if best.n >= ShingleSize {
			blocks = append(blocks, best)
			i += best.n
		} else {
			i++
		}
	}
	var out []Passage
	for k := 0; k < len(blocks); {
		first, last := blocks[k], blocks[k]
		matched := first.n
		var subs []sift.Substitution
		k++
		for k < len(blocks) {
			nb := blocks[k]
			ga := nb.i - (last.i + last.n)
			gb := nb.j - (last.j + last.n)
			if gb < 0 || ga > maxGap || gb > maxGap {
				break
			}
			if ga > 0 && gb > 0 && ga <= maxSubWords && gb <= maxSubWords {
				subs = append(subs, sift.Substitution{
					From: b.slice(last.j+last.n, nb.j),
					To:   a.slice(last.i+last.n, nb.i),
				})
			}
			matched += nb.n
			last = nb
			k++
		}
		if matched < MinPassageWords {
			continue
		}
		na := last.i + last.n - first.i
		nb := last.j + last.n - first.j
		out = append(out, Passage{
			AStart:        a.Tokens[first.i].Start,
			AEnd:          a.Tokens[last.i+last.n-1].End,
			BStart:        b.Tokens[first.j].Start,
			BEnd:          b.Tokens[last.j+last.n-1].End,
			Matched:       matched,
			Similarity:    float64(matched) / float64(max(na, nb)),
			Substitutions: subs,
		})
	}
	return out
}
