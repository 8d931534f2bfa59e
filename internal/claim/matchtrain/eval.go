package matchtrain

import (
	"fmt"
	"io"
	"math"
	"path/filepath"

	"github.com/sift-news/sift/internal/claim/match"
)

// Scores counts a binary classification against gold labels.
type Scores struct {
	TP, FP, FN, TN int
}

// N is the number of pairs scored.
func (s Scores) N() int { return s.TP + s.FP + s.FN + s.TN }

// Accuracy is the share of pairs classified right.
func (s Scores) Accuracy() float64 { return div(s.TP+s.TN, s.N()) }

// Precision is the share of pairs called the same that are.
func (s Scores) Precision() float64 { return div(s.TP, s.TP+s.FP) }

// Recall is the share of pairs that are the same called so.
func (s Scores) Recall() float64 { return div(s.TP, s.TP+s.FN) }

// F1 is the harmonic mean of precision and recall of "same".
func (s Scores) F1() float64 { return div(2*s.TP, 2*s.TP+s.FP+s.FN) }

func div(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// String formats the scores for a report line.
func (s Scores) String() string {
	return fmt.Sprintf("accuracy %.4f  F1 %.4f  (precision %.4f recall %.4f; %d pairs)",
		s.Accuracy(), s.F1(), s.Precision(), s.Recall(), s.N())
}

// Classify scores m on labelled pairs at m.Threshold.
func Classify(m *match.Model, ps []Pair) Scores {
	var s Scores
	for _, p := range ps {
		same := m.Score(p.A, p.B) >= m.Threshold
		switch {
		case same && p.Same:
			s.TP++
		case same:
			s.FP++
		case p.Same:
			s.FN++
		default:
			s.TN++
		}
	}
	return s
}

// AlwaysSame is the baseline that calls every pair the same.
func AlwaysSame(ps []Pair) Scores {
	var s Scores
	for _, p := range ps {
		if p.Same {
			s.TP++
		} else {
			s.FP++
		}
	}
	return s
}

// Pearson is the correlation of m's score with the graded gold scores.
func Pearson(m *match.Model, ps []Pair) float64 {
	x := make([]float64, len(ps))
	y := make([]float64, len(ps))
	for i, p := range ps {
		x[i] = m.Score(p.A, p.B)
		y[i] = p.Gold
	}
	return pearson(x, y)
}

func pearson(x, y []float64) float64 {
	n := float64(len(x))
	if n < 2 {
		return 0
	}
	var mx, my float64
	for i := range x {
		mx += x[i]
		my += y[i]
	}
	mx /= n
	my /= n
	var sxy, sxx, syy float64
	for i := range x {
		dx, dy := x[i]-mx, y[i]-my
		sxy += dx * dy
		sxx += dx * dx
		syy += dy * dy
	}
	if sxx == 0 || syy == 0 {
		return 0
	}
	return sxy / math.Sqrt(sxx*syy)
}

// Evaluation is the full evaluation of a model on the shared data.
type Evaluation struct {
	HeldOut, Dev             Scores    // the held-out part of MSRP train; MSRP dev
	HeldOutBase, DevBase     Scores    // always "same" on them
	STSFiles                 []string  // the STS files scored
	STSPearson               []float64 // Pearson r per STS file
	STSPairs                 []int     // pairs per STS file
	STSOverall               float64   // Pearson r over all STS pairs
	Threshold                float64   // the model's threshold
	HeldOutPairs, TunedPairs int       // sizes of the two parts of MSRP train
}

// Evaluate scores m on the held-out part of MSRP train, on MSRP dev and on
// the STS files named in stsOrder (dev and sts may be empty).
func Evaluate(m *match.Model, train, dev []Pair, sts map[string][]Pair, stsOrder []string) Evaluation {
	tune, held := Split(train)
	e := Evaluation{Threshold: m.Threshold, HeldOutPairs: len(held), TunedPairs: len(tune)}
	e.HeldOut, e.HeldOutBase = Classify(m, held), AlwaysSame(held)
	e.Dev, e.DevBase = Classify(m, dev), AlwaysSame(dev)
	var all []Pair
	for _, f := range stsOrder {
		ps := sts[f]
		e.STSFiles = append(e.STSFiles, f)
		e.STSPearson = append(e.STSPearson, Pearson(m, ps))
		e.STSPairs = append(e.STSPairs, len(ps))
		all = append(all, ps...)
	}
	if len(all) > 0 {
		e.STSOverall = Pearson(m, all)
	}
	return e
}

// Print writes the evaluation: held-out figures first, then dev, then STS.
func (e Evaluation) Print(w io.Writer) {
	fmt.Fprintf(w, "claim matcher %s, threshold %.4f (chosen on the %d tuning pairs of MSRP train)\n", match.Version, e.Threshold, e.TunedPairs)
	fmt.Fprintf(w, "MSRP train, held-out part (never tuned on): %s\n", e.HeldOut)
	fmt.Fprintf(w, "  always \"same\":                           %s\n", e.HeldOutBase)
	if e.Dev.N() > 0 {
		fmt.Fprintf(w, "MSRP dev:                                   %s\n", e.Dev)
		fmt.Fprintf(w, "  always \"same\":                           %s\n", e.DevBase)
	}
	for i, f := range e.STSFiles {
		fmt.Fprintf(w, "STS %-28s Pearson r %.4f (%d pairs)\n", filepath.Base(f), e.STSPearson[i], e.STSPairs[i])
	}
	if len(e.STSFiles) > 0 {
		n := 0
		for _, k := range e.STSPairs {
			n += k
		}
		fmt.Fprintf(w, "STS %-28s Pearson r %.4f (%d pairs)\n", "all", e.STSOverall, n)
	}
}
