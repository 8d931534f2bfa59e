package propaganda

import "math"

// The "any technique" sentence classifier sees only a sentence's own
// words. A second, small logistic regression (stacking) re-scores every
// sentence from what the first stage concluded about it and its article:
// the sentence's own "any" score, its 18 sentence-classifier scores, the
// strongest token score of each technique inside it, the "any" scores of
// the sentences before and after it, the mean and the highest "any" score
// in the article, and its length. An article whose other sentences look
// like propaganda makes a borderline sentence more likely to be marked,
// and a sentence holding one strongly tagged word more likely than its
// words alone suggest.
//
// It is trained on out-of-fold scores (the same ones that tune the
// thresholds), so it learns how far to trust the first stage on articles
// that stage did not see. Cross-validated span F1 0.397 → 0.401 and 0.397
// → 0.403 under two feature hashings (docs/techniques.md).

// rescoreInputs is the number of inputs of the sentence re-scorer,
// counting the constant 1 of the bias.
const rescoreInputs = 2 + 2*numTech + 5

// noToken stands for the strongest token score of a sentence without
// tokens: log-odds of about 1e-13, "no sign at all".
const noToken = -30.0

// rescoreL2 and rescoreSteps set the re-scorer's training: full-batch
// gradient descent with step 1 on standardised inputs, L2 penalty
// rescoreL2 (chosen by cross-validation among 0.0001, 0.001 and 0.01).
const (
	rescoreL2    = 0.01
	rescoreSteps = 300
)

// rescorer holds the re-scorer's weights over its raw inputs (w[0] is the
// bias).
type rescorer struct {
	w [rescoreInputs]float32
}

// articleAny returns the mean and the highest of the "any" scores.
func articleAny(any []float32) (mean, top float64) {
	top = math.Inf(-1)
	for _, a := range any {
		mean += float64(a)
		top = max(top, float64(a))
	}
	if len(any) > 0 {
		mean /= float64(len(any))
	}
	return mean, top
}

// rescoreFeatures sets x to the inputs of sentence si of d under the
// first-stage scores p (log-odds), with the article's mean and highest
// "any" scores and prev, the "any" score of sentence si-1 (0 for the
// first), passed in since apply overwrites p.any as it goes.
func rescoreFeatures(d *document, p *probabilities, si int, mean, top float64, prev float32, x *[rescoreInputs]float64) {
	s := d.sentences[si]
	x[0] = 1
	x[1] = float64(p.any[si])
	// The strongest token of the sentence per technique, read token by
	// token (the order of p.tok), in float32: converting to float64 after
	// the maximum gives what converting before it does.
	var strongest [numTech]float32
	for k := range strongest {
		x[2+k] = float64(p.sent[si*numTech+k])
		strongest[k] = noToken
	}
	for i := s.first; i < s.last; i++ {
		row := (*[numTech]float32)(p.tok[i*numTech:])
		for k := range strongest {
			strongest[k] = max(strongest[k], row[k])
		}
	}
	for k, v := range strongest {
		x[2+numTech+k] = float64(v)
	}
	b := 2 + 2*numTech
	x[b], x[b+1], x[b+2], x[b+3] = mean, top, float64(prev), 0
	if si+1 < len(d.sentences) {
		x[b+3] = float64(p.any[si+1])
	}
	x[b+4] = math.Log(float64(s.last-s.first) + 1)
}

// apply replaces the "any" scores of p with the re-scorer's.
func (r *rescorer) apply(d *document, p *probabilities) {
	mean, top := articleAny(p.any)
	var x [rescoreInputs]float64
	var prev float32
	for si := range d.sentences {
		rescoreFeatures(d, p, si, mean, top, prev, &x)
		var z float64
		for c, v := range x {
			z += float64(r.w[c]) * v
		}
		prev = p.any[si]
		p.any[si] = float32(z)
	}
}
