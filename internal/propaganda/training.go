package propaganda

import (
	"fmt"
	"math"
	"math/rand/v2"

	"github.com/sift-news/sift"
)

// This file is what internal/propaganda/proptrain, which trains and scores
// the detector on the Propaganda Techniques Corpus, needs of the
// detector's insides: an article as the detector sees it (Example), the
// fitting of the weights the model predicts with (Fit, FitClassifier,
// FitRescorer), its scores and spans at given thresholds, and the news word
// list. Nothing at run time uses it.

// Settings of the fitting. They were chosen by cross-validation on the PTC
// training articles (see docs/techniques.md) and are fixed so that
// `sift train techniques` rebuilds the shipped model byte for byte.
const (
	trainEpochs = 30
	trainRate   = 0.02
	sentRate    = 0.05
	trainSeed   = 20191103 // EMNLP 2019, where PTC was published
	// dropRate is the share of an example's features left out at each
	// training step (dropout; the bias is always kept). With a word's
	// own features sometimes missing, the model learns to lean also on
	// what generalises to words it never saw annotated: lexicons,
	// valence, news frequency, context. Cross-validated span F1 +0.001
	// and +0.004, found-and-named +0.005 and +0.006, under two feature
	// hashings (see docs/techniques.md).
	dropRate = 0.2
)

// goldSpan is an annotated span of an Example: code points [start, end)
// of technique tech (an index into Techniques).
type goldSpan struct{ start, end, tech int }

// Example is a corpus article turned into the detector's features, with
// the token labels of its annotated spans.
type Example struct {
	doc  *document
	gold []goldSpan
	// sentFeats[si] are the sentence features of sentence si.
	sentFeats [][]uint32
	// tokFeats[i] are the token features of token i.
	tokFeats [][]uint32
	// masks are the lexicon classes of the tokens.
	masks []uint32
	// labels[i] has bit k set when token i overlaps a gold span of technique k.
	labels []uint32
}

// NewExample prepares the article text, annotated with the technique spans
// gold (code point offsets; only Start, End and Technique are read), for
// fitting or scoring, with the news word frequencies news and the feature
// hash seed hashSeed (0 as shipped; see featurizer.seed). A technique that
// is not one of Techniques is an error.
func NewExample(text string, gold []sift.Technique, news *NewsWords, hashSeed uint32) (*Example, error) {
	d := tokenize(text)
	f := newFeaturizer(d, news)
	f.seed = hashSeed
	ex := &Example{doc: d, masks: f.masks, sentFeats: make([][]uint32, len(d.sentences)), tokFeats: make([][]uint32, len(d.tokens))}
	for si, s := range d.sentences {
		title := isTitle(d, si)
		ex.sentFeats[si] = f.sentenceFeatures(nil, si, title)
		for i := s.first; i < s.last; i++ {
			ex.tokFeats[i] = f.tokenFeatures(nil, i, s, title)
		}
	}
	ex.labels = make([]uint32, len(d.tokens))
	for _, sp := range gold {
		k, ok := techIndex[sp.Technique]
		if !ok {
			return nil, fmt.Errorf("span %d-%d: unknown technique %q", sp.Start, sp.End, sp.Technique)
		}
		ex.gold = append(ex.gold, goldSpan{sp.Start, sp.End, k})
		for i := range d.tokens {
			t := &d.tokens[i]
			if t.start < sp.End && t.end > sp.Start {
				ex.labels[i] |= 1 << k
			}
		}
	}
	return ex, nil
}

// learner holds the weights being trained and their running sums for
// averaging (averaged SGD: the model returned is the mean of the weights
// over all steps, which generalises better than the last ones).
type learner struct {
	w, u []float32 // weights, and step-weighted sums of the updates
	c    float32   // steps taken
}

// update adds delta to the weights of feature h.
func (l *learner) update(h uint32, delta *[numTech]float32) {
	row := l.w[int(h)*numTech : int(h)*numTech+numTech]
	urow := l.u[int(h)*numTech : int(h)*numTech+numTech]
	for k, d := range delta {
		row[k] += d
		urow[k] += l.c * d
	}
}

// average returns the averaged weights.
func (l *learner) average() []float32 {
	out := make([]float32, len(l.w))
	for i := range out {
		out[i] = l.w[i] - l.u[i]/l.c
	}
	return out
}

// newLearner returns a learner with zero weights.
func newLearner() *learner {
	return &learner{w: make([]float32, numTech<<hashBits), u: make([]float32, numTech<<hashBits), c: 1}
}

// Fit trains the token taggers and sentence classifiers of a model on the
// examples exs[i] for i in idx, featurized with news, by averaged SGD in a
// fixed order: the same examples give the same weights. Thresholds are left
// at 0.5, and the model has no technique classifier (FitClassifier) nor
// re-scorer (FitRescorer) yet.
func Fit(exs []*Example, idx []int, news *NewsWords) *Model {
	tl, sl := newLearner(), newLearner()
	anyW, anyU, anyC := make([]float32, 1<<hashBits), make([]float32, 1<<hashBits), float32(1)
	order := append([]int(nil), idx...)
	rng := rand.New(rand.NewPCG(trainSeed, uint64(len(idx))))
	var delta, sentDelta [numTech]float32
	// Dropout draws come from their own source, so that they do not
	// change the order the articles are visited in.
	dropRng := rand.New(rand.NewPCG(trainSeed, dropSeed))
	var sentKept, tokKept []uint32
	for epoch := 0; epoch < trainEpochs; epoch++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, di := range order {
			td := exs[di]
			for si, s := range td.doc.sentences {
				sentKept = dropout(sentKept[:0], td.sentFeats[si], dropRng)
				sfeats := sentKept
				// Sentence classifier.
				var sacc [numTech]float32
				addRows(&sacc, sl.w, sfeats)
				var y uint32
				for i := s.first; i < s.last; i++ {
					y |= td.labels[i]
				}
				for k := range sacc {
					delta[k] = sentRate * (bit(y, k) - sigmoid(sacc[k]))
				}
				for _, h := range sfeats {
					sl.update(h, &delta)
				}
				sl.c++
				var x float32
				for _, h := range sfeats {
					x += anyW[h]
				}
				g := sentRate * (min(float32(y), 1) - sigmoid(x))
				for _, h := range sfeats {
					anyW[h] += g
					anyU[h] += anyC * g
				}
				anyC++
				// Token tagger.
				var base [numTech]float32
				addRows(&base, tl.w, sfeats)
				sentDelta = [numTech]float32{}
				for i := s.first; i < s.last; i++ {
					acc := base
					tokKept = dropout(tokKept[:0], td.tokFeats[i], dropRng)
					feats := tokKept
					addRows(&acc, tl.w, feats)
					y := td.labels[i]
					for k := range acc {
						g := trainRate * (bit(y, k) - sigmoid(acc[k]))
						delta[k] = g
						sentDelta[k] += g
					}
					for _, h := range feats {
						tl.update(h, &delta)
					}
					tl.c++
				}
				for _, h := range sfeats {
					tl.update(h, &sentDelta)
				}
			}
		}
	}
	m := &Model{token: tl.average(), sent: sl.average(), any: anyW, anyThreshold: 1, news: news}
	for h := range anyW {
		anyW[h] -= anyU[h] / anyC
	}
	for k := range m.thresholds {
		m.thresholds[k] = 0.5
	}
	return m
}

// dropSeed seeds the dropout draws (with trainSeed).
const dropSeed = 2

// dropout appends to out the features of feats that survive a draw with
// probability 1-dropRate; the first feature, the bias, always does.
func dropout(out, feats []uint32, rng *rand.Rand) []uint32 {
	for j, h := range feats {
		if j == 0 || rng.Float32() >= dropRate {
			out = append(out, h)
		}
	}
	return out
}

// bit returns 1 if bit k of y is set, else 0.
func bit(y uint32, k int) float32 {
	if y&(1<<k) != 0 {
		return 1
	}
	return 0
}

// Scores are the probabilities a model gives the tokens and sentences of
// an Example, before spans are decoded from them.
type Scores = probabilities

// Scores computes the probabilities of ex, re-scored when m has a
// re-scorer.
func (m *Model) Scores(ex *Example) Scores {
	td := ex
	d := td.doc
	p := newProbabilities(d)
	p.masks = td.masks
	for si, s := range d.sentences {
		base := m.sentenceProbs(&p, si, td.sentFeats[si])
		for i := s.first; i < s.last; i++ {
			m.tokenProbs(&p, i, base, td.tokFeats[i])
		}
	}
	if m.rescore != nil {
		m.rescore.apply(d, &p)
	}
	return p
}

// classExample is one gold span of a training article with its features.
type classExample struct {
	feats []uint32
	tech  int
}

// classExamples returns the training examples of a featurized article:
// one per gold annotation (a span with two techniques gives two).
func classExamples(td *Example) []classExample {
	f := &featurizer{d: td.doc, masks: td.masks}
	var out []classExample
	for _, sp := range td.gold {
		a, b := tokenRange(td.doc, sp.start, sp.end)
		if a >= b {
			continue
		}
		out = append(out, classExample{feats: f.spanFeatures(nil, a, b), tech: sp.tech})
	}
	return out
}

// FitClassifier trains m's softmax technique classifier on the gold spans
// of exs[i] for i in idx (averaged weights, a fixed order). Quantize then
// makes it the one m predicts with.
func (m *Model) FitClassifier(exs []*Example, idx []int) {
	m.class = fitClassifier(exs, idx)
}

// fitClassifier trains the softmax technique classifier on the gold spans
// of tds[i] for i in idx and returns its averaged weights.
func fitClassifier(tds []*Example, idx []int) []float32 {
	var ex []classExample
	for _, i := range idx {
		ex = append(ex, classExamples(tds[i])...)
	}
	l := newLearner()
	rng := rand.New(rand.NewPCG(trainSeed, uint64(len(ex))))
	order := make([]int, len(ex))
	for i := range order {
		order[i] = i
	}
	var delta [numTech]float32
	for epoch := 0; epoch < classEpochs; epoch++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, e := range order {
			var acc [numTech]float32
			addRows(&acc, l.w, ex[e].feats)
			p := softmax(acc)
			for k := range p {
				y := float32(0)
				if k == ex[e].tech {
					y = 1
				}
				delta[k] = classRate * (y - p[k])
			}
			for _, h := range ex[e].feats {
				l.update(h, &delta)
			}
			l.c++
		}
	}
	return l.average()
}

// ClassifyGold predicts the techniques of the gold spans of td: a span
// annotated with n techniques gets the classifier's n most likely. It
// returns the gold and predicted technique (indexes into Techniques) of
// every annotation, paired; -1 is the prediction for a span with no
// token.
func (m *Model) ClassifyGold(td *Example) (gold, pred []int) {
	f := &featurizer{d: td.doc, masks: td.masks}
	type key struct{ start, end int }
	groups := map[key][]int{}
	var keys []key
	for _, sp := range td.gold {
		k := key{sp.start, sp.end}
		if _, ok := groups[k]; !ok {
			keys = append(keys, k)
		}
		groups[k] = append(groups[k], sp.tech)
	}
	var feats []uint32
	for _, k := range keys {
		g := groups[k]
		a, b := tokenRange(td.doc, k.start, k.end)
		if a >= b {
			for _, t := range g {
				gold = append(gold, t)
				pred = append(pred, -1)
			}
			continue
		}
		var rank [numTech]int
		rank, _, feats = m.classify(f, a, b, feats)
		// Pair gold techniques with the top len(g) predictions: matches
		// first, so the pairing gives the most credit.
		top := rank[:len(g)]
		used := make([]bool, len(top))
		var unmatched []int
		for _, t := range g {
			found := false
			for j, p := range top {
				if !used[j] && p == t {
					used[j], found = true, true
					gold, pred = append(gold, t), append(pred, p)
					break
				}
			}
			if !found {
				unmatched = append(unmatched, t)
			}
		}
		for j, p := range top {
			if !used[j] {
				gold, pred = append(gold, unmatched[0]), append(pred, p)
				unmatched = unmatched[1:]
			}
		}
	}
	return gold, pred
}

// FitRescorer trains m's sentence re-scorer on the examples exs[i] for i
// in idx with their out-of-fold first-stage scores scores[j] (from models
// that did not see them).
func (m *Model) FitRescorer(exs []*Example, idx []int, scores []Scores) {
	m.rescore = fitRescorer(exs, idx, scores)
}

// Rescore re-scores the sentences of ex in p with m's re-scorer.
func (m *Model) Rescore(ex *Example, p *Scores) { m.rescore.apply(ex.doc, p) }

// fitRescorer trains the re-scorer on the documents tds[i] for i in idx
// with their out-of-fold first-stage scores probs[j]: the target is
// whether the sentence holds any annotated span. Deterministic: sums run
// in a fixed order.
func fitRescorer(tds []*Example, idx []int, probs []probabilities) *rescorer {
	var xs [][rescoreInputs]float64
	var ys []float64
	for j, i := range idx {
		td, p := tds[i], &probs[j]
		mean, top := articleAny(p.any)
		for si, s := range td.doc.sentences {
			var x [rescoreInputs]float64
			var prev float32
			if si > 0 {
				prev = p.any[si-1]
			}
			rescoreFeatures(td.doc, p, si, mean, top, prev, &x)
			y := 0.0
			for t := s.first; t < s.last; t++ {
				if td.labels[t] != 0 {
					y = 1
				}
			}
			xs, ys = append(xs, x), append(ys, y)
		}
	}
	if len(xs) == 0 {
		return &rescorer{}
	}
	// Standardise the inputs, so that one step size suits all of them.
	var mu, sd [rescoreInputs]float64
	sd[0] = 1
	for c := 1; c < rescoreInputs; c++ {
		var s, s2 float64
		for _, x := range xs {
			s += x[c]
			s2 += x[c] * x[c]
		}
		mu[c] = s / float64(len(xs))
		sd[c] = math.Sqrt(max(s2/float64(len(xs))-mu[c]*mu[c], 1e-9))
	}
	for r := range xs {
		for c := 1; c < rescoreInputs; c++ {
			xs[r][c] = (xs[r][c] - mu[c]) / sd[c]
		}
	}
	var w [rescoreInputs]float64
	for step := 0; step < rescoreSteps; step++ {
		var g [rescoreInputs]float64
		for r, x := range xs {
			var z float64
			for c, v := range x {
				z += w[c] * v
			}
			e := 1/(1+math.Exp(-z)) - ys[r]
			for c, v := range x {
				g[c] += e * v
			}
		}
		for c := range w {
			g[c] /= float64(len(xs))
			if c > 0 {
				g[c] += rescoreL2 * w[c]
			}
			w[c] -= g[c]
		}
	}
	// Fold the standardisation into the weights of the raw inputs.
	r := &rescorer{}
	bias := w[0]
	for c := 1; c < rescoreInputs; c++ {
		r.w[c] = float32(w[c] / sd[c])
		bias -= w[c] * mu[c] / sd[c]
	}
	r.w[0] = float32(bias)
	return r
}

// Span is a span found by a model: a technique (Technique), code points
// [Start, End) of the text.
type Span = span

// Technique is the name of the technique of sp.
func (sp span) Technique() string { return Techniques[sp.tech] }

// Start is the code point offset of sp's first character.
func (sp span) Start() int { return sp.start }

// End is the code point offset just past sp's last character.
func (sp span) End() int { return sp.end }

// Spans decodes the technique spans of ex from its scores p at m's
// thresholds, as Detect finds them.
func (m *Model) Spans(ex *Example, p Scores) []Span { return m.decode(ex.doc, p) }

// TechniqueSpans decodes the spans of technique k of ex alone at its
// current mode and threshold.
func (m *Model) TechniqueSpans(ex *Example, p Scores, k int) []Span {
	return m.decodeTech(ex.doc, p, k, nil)
}

// AnySpans adds to spans (every technique's, from TechniqueSpans) the
// sentences of ex that the "any technique" classifier finds and no
// technique did, as Spans does.
func (m *Model) AnySpans(ex *Example, p Scores, spans []Span) []Span {
	return m.decodeAny(ex.doc, p, spans)
}

// Threshold returns the mode (found by sentence rather than by token) and
// the probability threshold of technique k.
func (m *Model) Threshold(k int) (bySentence bool, threshold float32) {
	return m.bySentence[k], m.thresholds[k]
}

// SetThreshold sets the mode and threshold of technique k (a threshold of
// 1 switches it off).
func (m *Model) SetThreshold(k int, bySentence bool, threshold float32) {
	m.bySentence[k], m.thresholds[k] = bySentence, threshold
}

// AnyThreshold is the threshold of the "any technique" sentence
// classifier.
func (m *Model) AnyThreshold() float32 { return m.anyThreshold }

// SetAnyThreshold sets the threshold of the "any technique" sentence
// classifier.
func (m *Model) SetAnyThreshold(threshold float32) { m.anyThreshold = threshold }

// NewNewsWords counts the words of news reporting: words are single
// tokens as given (CoNLL-2003's one per line), texts are tokenized as the
// tagger tokenizes articles; both are case folded.
func NewNewsWords(words, texts []string) *NewsWords {
	counts := map[uint32]int{}
	for _, w := range words {
		counts[hashString(fnvOffset, lower(w))]++
	}
	for _, text := range texts {
		for _, t := range tokenize(text).tokens {
			if t.word {
				counts[t.hash]++
			}
		}
	}
	nw := &NewsWords{bins: make(map[uint32]uint8, len(counts))}
	for h, n := range counts {
		nw.bins[h] = freqBin(n)
	}
	nw.index()
	return nw
}

// News is the news word list m's features are computed with.
func (m *Model) News() *NewsWords { return m.news }
