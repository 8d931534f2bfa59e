package matchtrain

import (
	"fmt"
	"hash/fnv"
	"io"
	"math"
	"sort"
	"strconv"

	"github.com/sift-news/sift/internal/claim/match"
)

// Lambdas are the L2 penalties tried; the one with the best
// cross-validated accuracy on the tuning part is used.
var Lambdas = []float64{0.01, 0.1, 1, 3, 10, 30}

// Folds is the number of cross-validation folds over the tuning part.
const Folds = 5

// Repeats is the number of different partitions into folds whose
// out-of-fold scores are pooled, so that the penalty and the threshold do
// not hang on one partition.
const Repeats = 3

// MinDF is the least document frequency a stem needs to be stored in the
// model; rarer stems count as seen once.
var MinDF = 10

// Fixed are the weights (on raw feature values, in logits) that are set
// by hand rather than learned: a statement and its denial are never the
// same claim, but MSRP holds too few such pairs to learn it.
var Fixed = map[string]float64{"negation.mismatch": -20}

// Options control Train.
type Options struct {
	// Log, if not nil, receives the cross-validation figures.
	Log io.Writer
	// WordNet is a WordNet dict folder to take synonyms from; none if
	// empty.
	WordNet string
}

// Report is what training found on the tuning part.
type Report struct {
	Lambda    float64
	Threshold float64
	// CV is the out-of-fold scoring of the tuning part at Threshold,
	// pooled over the Repeats partitions (so it counts every pair Repeats
	// times).
	CV Scores
}

// Train fits the matcher on the tuning pairs, with document frequencies
// counted over the tuning sentences and the extra sentences text (e.g.
// CoNLL-2003). It chooses the L2 penalty and the threshold by
// cross-validation on tune, and returns the model, its encoding (the model
// file) and the report. The result depends only on its inputs.
func Train(tune []Pair, text []string, opt Options) (*match.Model, []byte, Report, error) {
	if len(tune) < 10*Folds {
		return nil, nil, Report{}, fmt.Errorf("%d tuning pairs are too few", len(tune))
	}
	m := &match.Model{Weights: make([]float64, match.NumFeatures+1), DF: map[string]int{}}
	df := map[string]int{}
	docs := 0
	count := func(s string) {
		docs++
		seen := map[string]bool{}
		for _, w := range match.Stems(s) {
			if !seen[w] {
				seen[w] = true
				df[w]++
			}
		}
	}
	for _, s := range text {
		count(s)
	}
	for _, p := range tune {
		count(p.A)
		count(p.B)
	}
	for w, n := range df {
		if n >= MinDF {
			m.DF[w] = n
		}
	}
	m.Docs = docs
	if opt.WordNet != "" {
		lemmas, err := ReadWordNet(opt.WordNet, Senses)
		if err != nil {
			return nil, nil, Report{}, fmt.Errorf("WordNet: %w", err)
		}
		m.Synonyms = synonymGroups(lemmas, df)
	}
	// Round trip through the encoding so that training sees exactly the
	// idf table the shipped model will.
	m, err := match.Decode(m.Encode())
	if err != nil {
		return nil, nil, Report{}, err
	}

	X := make([][]float64, len(tune))
	y := make([]float64, len(tune))
	for i, p := range tune {
		X[i] = m.Features(p.A, p.B)
		if p.Same {
			y[i] = 1
		}
	}
	mean, scale := standardize(X)
	Z := make([][]float64, len(X))
	for i, x := range X {
		Z[i] = make([]float64, len(x)+1)
		for j, v := range x {
			Z[i][j] = (v - mean[j]) / scale[j]
		}
		Z[i][len(x)] = 1
	}

	// Unrelated pairs: sentences of different pairs, which never state
	// the same thing, added to every training set (never scored), so that
	// the regression also sees pairs of little overlap and very different
	// lengths, which MSRP, made of pairs chosen for their overlap, lacks.
	var negZ [][]float64
	for _, p := range unrelated(tune, RandomPairs) {
		x := m.Features(p.A, p.B)
		z := make([]float64, len(x)+1)
		for j, v := range x {
			z[j] = (v - mean[j]) / scale[j]
		}
		z[len(x)] = 1
		negZ = append(negZ, z)
	}
	negY := make([]float64, len(negZ))

	fixed := map[int]float64{}
	for j, name := range match.FeatureNames {
		if v, ok := Fixed[name]; ok {
			fixed[j] = v * scale[j]
		}
	}
	// Repeated cross-validation: Repeats partitions of the tuning part
	// into Folds folds; the out-of-fold scores of all of them are pooled
	// to choose the penalty and the threshold.
	fold := func(r, i int) int {
		if r == 0 {
			return i % Folds
		}
		h := fnv.New32a()
		fmt.Fprintf(h, "%d/%s/%s", r, tune[i].ID1, tune[i].ID2)
		return int(h.Sum32() % Folds)
	}
	ys := make([]float64, 0, Repeats*len(y))
	for r := 0; r < Repeats; r++ {
		ys = append(ys, y...)
	}
	var rep Report
	bestAcc := -1.0
	for _, lambda := range Lambdas {
		oof := make([]float64, Repeats*len(Z))
		for r := 0; r < Repeats; r++ {
			for k := 0; k < Folds; k++ {
				tz := append([][]float64(nil), negZ...)
				ty := append([]float64(nil), negY...)
				for i := range Z {
					if fold(r, i) != k {
						tz = append(tz, Z[i])
						ty = append(ty, y[i])
					}
				}
				w := fit(tz, ty, lambda, fixed)
				for i := range Z {
					if fold(r, i) == k {
						oof[r*len(Z)+i] = sigmoid(dot(w, Z[i]))
					}
				}
			}
		}
		th, sc := bestThreshold(oof, ys)
		if opt.Log != nil {
			fmt.Fprintf(opt.Log, "lambda %-5g cross-validated %d times on %d tuning pairs: threshold %.3f accuracy %.4f F1 %.4f\n",
				lambda, Repeats, len(Z), th, sc.Accuracy(), sc.F1())
		}
		if sc.Accuracy() >= bestAcc {
			bestAcc = sc.Accuracy()
			rep = Report{Lambda: lambda, Threshold: th, CV: sc}
		}
	}
	w := fit(append(append([][]float64(nil), Z...), negZ...), append(append([]float64(nil), y...), negY...), rep.Lambda, fixed)
	// Fold the standardisation into the weights: the model scores raw
	// features.
	raw := make([]float64, len(w))
	raw[match.NumFeatures] = w[match.NumFeatures]
	for j := 0; j < match.NumFeatures; j++ {
		raw[j] = w[j] / scale[j]
		raw[match.NumFeatures] -= w[j] * mean[j] / scale[j]
	}
	for j := range raw {
		raw[j] = round6(raw[j])
	}
	m.Weights = raw
	m.Threshold = round6(rep.Threshold)
	if opt.Log != nil {
		for j, name := range match.FeatureNames {
			fmt.Fprintf(opt.Log, "  %-22s %+.3f (standardised)\n", name, w[j])
		}
	}
	data := m.Encode()
	m, err = match.Decode(data)
	if err != nil {
		return nil, nil, Report{}, err
	}
	return m, data, rep, nil
}

// RandomPairs is how many unrelated pairs Train adds to its training sets.
var RandomPairs = 500

// unrelated returns up to n pairs of sentences of different pairs of ps
// that share at least two index keys (match.Keys), as the candidates a
// claim store scores do: for each sentence in turn, the sentence of
// another pair sharing most keys with it (ties: the earlier). They are
// taken as different statements.
func unrelated(ps []Pair, n int) []Pair {
	type sent struct {
		text string
		pair int
	}
	var ss []sent
	for i, p := range ps {
		ss = append(ss, sent{p.A, i}, sent{p.B, i})
	}
	byKey := map[string][]int{}
	keys := make([][]string, len(ss))
	for i, s := range ss {
		keys[i] = match.Keys(s.text)
		for _, k := range keys[i] {
			byKey[k] = append(byKey[k], i)
		}
	}
	var out []Pair
	count := map[int]int{}
	for i := 0; i < len(ss) && len(out) < n; i += 3 {
		clear(count)
		for _, k := range keys[i] {
			if l := byKey[k]; len(l) <= MaxShare {
				for _, j := range l {
					count[j]++
				}
			}
		}
		best, bestN := -1, 1
		for j, c := range count {
			if ss[j].pair != ss[i].pair && ss[j].text != ss[i].text && (c > bestN || c == bestN && j < best) {
				best, bestN = j, c
			}
		}
		if best >= 0 {
			out = append(out, Pair{A: ss[i].text, B: ss[best].text})
		}
	}
	return out
}

// MaxShare is the most sentences a key may be in and still count towards
// choosing unrelated pairs (commoner keys say little).
var MaxShare = 100

func round6(x float64) float64 {
	v, _ := strconv.ParseFloat(strconv.FormatFloat(x, 'g', 6, 64), 64)
	return v
}

func standardize(X [][]float64) (mean, scale []float64) {
	d := len(X[0])
	mean = make([]float64, d)
	scale = make([]float64, d)
	for _, x := range X {
		for j, v := range x {
			mean[j] += v
		}
	}
	for j := range mean {
		mean[j] /= float64(len(X))
	}
	for _, x := range X {
		for j, v := range x {
			scale[j] += (v - mean[j]) * (v - mean[j])
		}
	}
	for j := range scale {
		scale[j] = math.Sqrt(scale[j] / float64(len(X)))
		if scale[j] < 1e-9 {
			scale[j] = 1
		}
	}
	return mean, scale
}

func sigmoid(z float64) float64 { return 1 / (1 + math.Exp(-z)) }

func dot(w, x []float64) float64 {
	s := 0.0
	for i, v := range x {
		s += w[i] * v
	}
	return s
}

// fit is L2-regularised logistic regression by Newton's method; the last
// column of Z is the bias, which is not penalised. The weights in fixed
// keep their values.
func fit(Z [][]float64, y []float64, lambda float64, fixed map[int]float64) []float64 {
	d := len(Z[0])
	w := make([]float64, d)
	for j, v := range fixed {
		w[j] = v
	}
	for it := 0; it < 50; it++ {
		g := make([]float64, d)
		H := make([][]float64, d)
		for j := range H {
			H[j] = make([]float64, d)
		}
		for i, z := range Z {
			p := sigmoid(dot(w, z))
			r := p - y[i]
			s := p * (1 - p)
			for j, zj := range z {
				g[j] += r * zj
				if zj == 0 {
					continue
				}
				hj := H[j]
				for k := j; k < d; k++ {
					hj[k] += s * zj * z[k]
				}
			}
		}
		for j := 0; j < d; j++ {
			for k := 0; k < j; k++ {
				H[j][k] = H[k][j]
			}
			if j < d-1 {
				g[j] += lambda * w[j]
				H[j][j] += lambda
			} else {
				H[j][j] += 1e-9
			}
		}
		for j := range fixed {
			g[j] = 0
			for k := 0; k < d; k++ {
				H[j][k], H[k][j] = 0, 0
			}
			H[j][j] = 1
		}
		step := solve(H, g)
		change := 0.0
		for j := range w {
			w[j] -= step[j]
			change = math.Max(change, math.Abs(step[j]))
		}
		if change < 1e-10 {
			break
		}
	}
	return w
}

// solve solves A x = b by Gaussian elimination with partial pivoting; A
// and b are overwritten.
func solve(A [][]float64, b []float64) []float64 {
	n := len(b)
	for c := 0; c < n; c++ {
		p := c
		for r := c + 1; r < n; r++ {
			if math.Abs(A[r][c]) > math.Abs(A[p][c]) {
				p = r
			}
		}
		A[c], A[p] = A[p], A[c]
		b[c], b[p] = b[p], b[c]
		if A[c][c] == 0 {
			continue
		}
		for r := c + 1; r < n; r++ {
			f := A[r][c] / A[c][c]
			if f == 0 {
				continue
			}
			for k := c; k < n; k++ {
				A[r][k] -= f * A[c][k]
			}
			b[r] -= f * b[c]
		}
	}
	x := make([]float64, n)
	for r := n - 1; r >= 0; r-- {
		s := b[r]
		for k := r + 1; k < n; k++ {
			s -= A[r][k] * x[k]
		}
		if A[r][r] != 0 {
			x[r] = s / A[r][r]
		}
	}
	return x
}

// bestThreshold returns the threshold between scores that classifies y
// most accurately (ties: the lower threshold), and the scores there.
func bestThreshold(p, y []float64) (float64, Scores) {
	idx := make([]int, len(p))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return p[idx[a]] < p[idx[b]] })
	// Threshold below everything: all "same".
	var s Scores
	for _, v := range y {
		if v == 1 {
			s.TP++
		} else {
			s.FP++
		}
	}
	best, bestS := 0.0, s
	for n := 0; n < len(idx); n++ {
		i := idx[n]
		if y[i] == 1 {
			s.TP--
			s.FN++
		} else {
			s.FP--
			s.TN++
		}
		if n+1 < len(idx) && p[idx[n+1]] == p[i] {
			continue
		}
		if s.TP+s.TN > bestS.TP+bestS.TN {
			th := 1.0
			if n+1 < len(idx) {
				th = (p[i] + p[idx[n+1]]) / 2
			}
			best, bestS = th, s
		}
	}
	return best, bestS
}
