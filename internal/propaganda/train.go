package propaganda

import (
	"fmt"
	"io"
	"math/rand/v2"
)

// Training settings. They were chosen by cross-validation on the PTC
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
	// tuneFolds is the number of folds of the training articles whose
	// out-of-fold predictions tune the thresholds. Five rather than three:
	// the models that make those predictions then see 80% of the articles,
	// closer to the final model the thresholds are used with.
	tuneFolds = 5
)

// thresholdGrid lists the thresholds tried for each technique.
var thresholdGrid = []float32{0.02, 0.03, 0.04, 0.05, 0.06, 0.08, 0.1, 0.12, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9}

// trainDoc is a corpus article turned into features and token labels.
type trainDoc struct {
	article *CorpusArticle
	doc     *document
	// sentFeats[si] are the sentence features of sentence si.
	sentFeats [][]uint32
	// tokFeats[i] are the token features of token i.
	tokFeats [][]uint32
	// masks are the lexicon classes of the tokens.
	masks []uint32
	// labels[i] has bit k set when token i overlaps a gold span of technique k.
	labels []uint32
}

// featurize prepares an article for training or scoring, with the news
// word frequencies news and the feature hash seed (0 as shipped; see
// featurizer.seed).
func featurize(a *CorpusArticle, news *NewsWords, seed uint32) *trainDoc {
	d := tokenize(a.Text)
	f := newFeaturizer(d, news)
	f.seed = seed
	td := &trainDoc{article: a, doc: d, masks: f.masks, sentFeats: make([][]uint32, len(d.sentences)), tokFeats: make([][]uint32, len(d.tokens))}
	for si, s := range d.sentences {
		title := isTitle(d, si)
		td.sentFeats[si] = f.sentenceFeatures(nil, si, title)
		for i := s.first; i < s.last; i++ {
			td.tokFeats[i] = f.tokenFeatures(nil, i, s, title)
		}
	}
	td.labels = make([]uint32, len(d.tokens))
	for _, sp := range a.Spans {
		k := techIndex[sp.Technique]
		for i := range d.tokens {
			t := &d.tokens[i]
			if t.start < sp.End && t.end > sp.Start {
				td.labels[i] |= 1 << k
			}
		}
	}
	return td
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

// fit trains a model on the documents tds[i] for i in idx, featurized
// with news. Thresholds are left at 0.5.
func fit(tds []*trainDoc, idx []int, news *NewsWords) *Model {
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
			td := tds[di]
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

// probs computes the probabilities of a featurized document.
func (m *Model) probs(td *trainDoc) probabilities {
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

// annotations converts predicted spans of an article to Annotations.
func annotations(id string, spans []span) []Annotation {
	out := make([]Annotation, len(spans))
	for i, sp := range spans {
		out[i] = Annotation{Article: id, Technique: Techniques[sp.tech], Start: sp.start, End: sp.end}
	}
	return out
}

// tune sets m's mode and thresholds from the documents tds[i] for i in
// idx, whose probabilities (from models that did not see them) are
// probs[j], in two steps that fit few numbers each:
//
//  1. Each technique gets the mode and threshold maximising its labelled
//     F1, averaged with the F1 at the neighbouring thresholds of the grid
//     (a threshold that is best only by a lucky spike on a handful of
//     spans is not chosen). A technique that scores nothing is switched
//     off (threshold 1).
//  2. Span identification scores the union of all techniques' spans, so
//     every threshold is then shifted by one common amount in log-odds
//     (shiftGrid), with the "any technique" sentence threshold, to
//     maximise the span F1.
//
// An earlier version refined each technique's threshold in turn for the
// span F1 (19 numbers fitted to one score); it scored 0.389 and 0.390 in
// cross-validation under two feature hashings where this scores 0.397 and
// 0.397 (docs/techniques.md).
func (m *Model) tune(tds []*trainDoc, idx []int, probs []probabilities) {
	var gold []Annotation
	for _, i := range idx {
		gold = append(gold, tds[i].article.Spans...)
	}
	// The spans of one technique depend only on its own mode and
	// threshold, so each setting is decoded once and reused.
	type setting struct {
		k    int
		mode bool
		th   float32
	}
	cache := map[setting][][]span{}
	techSpans := func(k int) [][]span {
		key := setting{k, m.bySentence[k], m.thresholds[k]}
		if spans, ok := cache[key]; ok {
			return spans
		}
		spans := make([][]span, len(idx))
		for j, i := range idx {
			spans[j] = m.decodeTech(tds[i].doc, probs[j], k, nil)
		}
		cache[key] = spans
		return spans
	}
	f1 := make([]float64, len(thresholdGrid))
	for k := 0; k < numTech; k++ {
		best, bestMode, bestF := float32(1), false, 0.0
		for _, mode := range []bool{false, true} {
			m.bySentence[k] = mode
			for t, th := range thresholdGrid {
				m.thresholds[k] = th
				var pred []Annotation
				for j, i := range idx {
					pred = append(pred, annotations(tds[i].article.ID, techSpans(k)[j])...)
				}
				f1[t] = ScoreLabelled(gold, pred, Techniques[k]).F1
			}
			for t, th := range thresholdGrid {
				if f := smoothed(f1, t); f > bestF {
					best, bestMode, bestF = th, mode, f
				}
			}
		}
		m.thresholds[k], m.bySentence[k] = best, bestMode
	}
	spanF1 := func() float64 {
		var pred []Annotation
		var out []span
		for j, i := range idx {
			out = out[:0]
			for k := 0; k < numTech; k++ {
				out = append(out, techSpans(k)[j]...)
			}
			out = m.decodeAny(tds[i].doc, probs[j], out)
			pred = append(pred, annotations(tds[i].article.ID, out)...)
		}
		return ScoreSpans(gold, pred).F1
	}
	chosen := m.thresholds
	shift := func(d float32) {
		for k, th := range chosen {
			if th < 1 {
				m.thresholds[k] = sigmoid(logit(th) + d)
			}
		}
	}
	bestShift, bestAny, bestF := float32(0), float32(1), -1.0
	for _, d := range shiftGrid {
		shift(d)
		for _, th := range append(thresholdGrid, 1) {
			m.anyThreshold = th
			if f := spanF1(); f > bestF {
				bestShift, bestAny, bestF = d, th, f
			}
		}
	}
	shift(bestShift)
	m.anyThreshold = bestAny
}

// shiftGrid lists the common shifts of all thresholds, in log-odds, tried
// for the span F1.
var shiftGrid = []float32{-1.5, -1.25, -1, -0.75, -0.5, -0.25, 0, 0.25, 0.5, 0.75, 1, 1.25, 1.5}

// smoothed returns the mean of f[t] and its neighbours f[t-1], f[t+1].
func smoothed(f []float64, t int) float64 {
	sum, n := f[t], 1.0
	for _, u := range []int{t - 1, t + 1} {
		if u >= 0 && u < len(f) {
			sum += f[u]
			n++
		}
	}
	return sum / n
}

// train fits a model on tds[i] for i in idx and tunes its thresholds on
// out-of-fold probabilities: tuneFolds models, each trained on all but one
// tuneFolds-th of the articles, score the part they did not see. The
// sentence re-scorer (rescore.go) is trained on the same probabilities.
// The weights are quantised as stored.
func train(tds []*trainDoc, idx []int, news *NewsWords, progress io.Writer) *Model {
	probs := make([]probabilities, len(idx))
	for fold := 0; fold < tuneFolds; fold++ {
		var fitIdx []int
		for j, i := range idx {
			if j%tuneFolds != fold {
				fitIdx = append(fitIdx, i)
			}
		}
		pre := fit(tds, fitIdx, news)
		pre.Quantize()
		for j, i := range idx {
			if j%tuneFolds == fold {
				probs[j] = pre.probs(tds[i])
			}
		}
	}
	m := fit(tds, idx, news)
	m.class = fitClassifier(tds, idx)
	m.Quantize()
	m.rescore = fitRescorer(tds, idx, probs)
	for j, i := range idx {
		m.rescore.apply(tds[i].doc, &probs[j])
	}
	m.tune(tds, idx, probs)
	fmt.Fprintf(progress, "tuned on %d articles: thresholds %v by sentence %v any %v\n", len(idx), m.thresholds, m.bySentence, m.anyThreshold)
	return m
}

// HeldOut reports whether the i-th article of the corpus (in LoadPTC's
// order) is kept out of the shipped model's training, so that tests can
// check that model on articles it has not seen: the fifth of the five
// cross-validation folds.
func HeldOut(i int) bool { return i%5 == 4 }

// Train builds the technique model from corpus articles (LoadPTC), leaving
// out the held-out ones (HeldOut), with the news word frequencies news
// (LoadNewsWords), deterministically: the same inputs give the same model,
// byte for byte once encoded. Progress messages go to progress.
func Train(articles []CorpusArticle, news *NewsWords, progress io.Writer) *Model {
	tds := make([]*trainDoc, len(articles))
	var idx []int
	for i := range articles {
		if HeldOut(i) {
			continue
		}
		tds[i] = featurize(&articles[i], news, 0)
		idx = append(idx, i)
	}
	return train(tds, idx, news, progress)
}
