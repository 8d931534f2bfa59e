package ner

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

// TestDecoderTagSets checks the shape of the allowed transitions the
// decoder is written for: fresh tags follow exactly the closing tags (and
// the start), I and L exactly the B and I of their own type.
func TestDecoderTagSets(t *testing.T) {
	for p := range nTags + 1 {
		for tag := range nTags {
			var want bool
			switch pos := tagPos(tag); {
			case slices.Contains(freshTags[:], tag):
				want = p == startTag || slices.Contains(closingTags[:], p)
			case pos == 'I' || pos == 'L':
				want = p < nTags && (tagPos(p) == 'B' || tagPos(p) == 'I') && entityType(p) == entityType(tag)
			default:
				t.Fatalf("tag %d is neither fresh nor I or L", tag)
			}
			if allowed(p, tag) != want {
				t.Errorf("allowed(%d, %d) = %v, the decoder assumes %v", p, tag, allowed(p, tag), want)
			}
		}
	}
}

// randomScorer gives each token (named by its one feature) and each
// transition a score of a few values, so that ties are common.
type randomScorer struct {
	em    [][nTags]float32
	trans [nTags + 1][nTags]float32
}

func (r *randomScorer) emit(feats []uint64, _ *[nTags]int32, out *[nTags]float32) {
	*out = r.em[feats[0]]
}

func (r *randomScorer) transition(prev, t int) float32 { return r.trans[prev][t] }

// referenceViterbi is the textbook decoder over allowed: the best allowed
// tag sequence, of equal scores the lowest previous tag.
func referenceViterbi(s scorer, n int) []int {
	negInf := float32(math.Inf(-1))
	score := make([][nTags]float32, n)
	back := make([][nTags]int, n)
	for i := range n {
		var em [nTags]float32
		s.emit([]uint64{uint64(i)}, nil, &em)
		for t := range nTags {
			if i == 0 {
				score[0][t] = negInf
				if allowed(startTag, t) {
					score[0][t] = s.transition(startTag, t) + em[t]
				}
				continue
			}
			best, arg := negInf, 0
			for p := range nTags {
				if allowed(p, t) {
					if v := score[i-1][p] + s.transition(p, t); v > best {
						best, arg = v, p
					}
				}
			}
			score[i][t], back[i][t] = best+em[t], arg
		}
	}
	best := -1
	for t := range nTags {
		if !open(t) && score[n-1][t] != negInf && (best < 0 || score[n-1][t] > score[n-1][best]) {
			best = t
		}
	}
	tags := make([]int, n)
	for i := n - 1; i >= 0; i-- {
		tags[i] = best
		best = back[i][best]
	}
	return tags
}

// TestViterbiMatchesReference decodes random sentences, with many tied
// scores, and compares the tags with the textbook decoder's.
func TestViterbiMatchesReference(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	var l lattice
	var tags []int
	for round := range 300 {
		n := 1 + rng.IntN(12)
		r := &randomScorer{em: make([][nTags]float32, n)}
		for i := range r.em {
			for k := range nTags {
				r.em[i][k] = float32(rng.IntN(4))
			}
		}
		for p := range r.trans {
			for k := range nTags {
				r.trans[p][k] = float32(rng.IntN(3)) - 1
			}
		}
		buf, ends := make([]uint64, n), make([]int, n)
		for i := range n {
			buf[i], ends[i] = uint64(i), i+1
		}
		tags = l.viterbi(r, buf, ends, nil, tags)
		if want := referenceViterbi(r, n); !slices.Equal(tags, want) {
			t.Fatalf("round %d: viterbi %v, reference %v", round, tags, want)
		}
	}
}
