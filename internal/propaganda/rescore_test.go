package propaganda

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// rescoreDoc makes a ten-sentence document whose first-stage "any" scores
// are noise and in which each marked sentence holds one strongly tagged
// token of technique 3: only the token scores tell the marked sentences.
func rescoreDoc(rng *rand.Rand) (*Example, probabilities, []bool) {
	d := tokenize(strings.Repeat("Officials met in the capital on Monday. ", 10))
	p := newProbabilities(d)
	labels := make([]uint32, len(d.tokens))
	for i := range p.tok {
		p.tok[i] = -4
	}
	for i := range p.sent {
		p.sent[i] = -3
	}
	marked := make([]bool, len(d.sentences))
	for si, s := range d.sentences {
		p.any[si] = float32(rng.NormFloat64())
		if rng.IntN(2) == 0 {
			marked[si] = true
			labels[s.first+1] = 1 << 3
			p.tok[(s.first+1)*numTech+3] = 1.5
		}
	}
	return &Example{doc: d, labels: labels}, p, marked
}

// TestRescorerLearnsFromTokenScores checks that the sentence re-scorer
// learns what the first stage's own sentence score missed: after
// training, every marked sentence of unseen documents outscores every
// unmarked one, which their first-stage scores did not do.
func TestRescorerLearnsFromTokenScores(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	var tds []*Example
	var probs []probabilities
	var idx []int
	for i := 0; i < 30; i++ {
		td, p, _ := rescoreDoc(rng)
		tds, probs, idx = append(tds, td), append(probs, p), append(idx, i)
	}
	r := fitRescorer(tds, idx, probs)
	before, after := 0, 0
	for i := 0; i < 10; i++ {
		td, p, marked := rescoreDoc(rng)
		raw := append([]float32(nil), p.any...)
		r.apply(td.doc, &p)
		for a := range marked {
			for b := range marked {
				if marked[a] && !marked[b] {
					if raw[a] <= raw[b] {
						before++
					}
					if p.any[a] <= p.any[b] {
						after++
					}
				}
			}
		}
	}
	if before == 0 {
		t.Fatal("test data broken: the first-stage scores already separate the sentences")
	}
	if after != 0 {
		t.Errorf("%d marked/unmarked sentence pairs still out of order after re-scoring (%d before)", after, before)
	}
}
