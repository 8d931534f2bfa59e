package proptrain

import (
	"fmt"
	"io"
	"runtime"
	"sync"
	"text/tabwriter"

	"github.com/sift-news/sift/internal/propaganda"
)

// Report is the result of a cross-validation: span identification and
// labelled scores overall and per technique, over the pooled predictions of
// all folds.
type Report struct {
	Articles  int
	Folds     int
	Spans     PRF            // span identification (SemEval-2020 Task 11 SI)
	Labelled  PRF            // spans found and named: technique must match (FLC)
	Technique map[string]PRF // labelled score of each technique
	// Classes scores the technique classifier on the gold spans
	// (SemEval-2020 Task 11 TC).
	Classes *ClassReport
}

// CrossValidate splits the articles into folds (article i goes to fold
// i mod folds), trains on all folds but one with Train's procedure and the
// news word frequencies news, predicts the held-out fold, and scores the
// pooled predictions. A hashSeed other than 0 mixes a seed into every
// feature hash of the detector (the same features, other collisions), to
// measure how much the shipped hashing's luck is worth.
func CrossValidate(articles []CorpusArticle, news *propaganda.NewsWords, folds int, hashSeed uint32, progress io.Writer) (*Report, error) {
	if folds < 2 || folds > len(articles) {
		return nil, fmt.Errorf("cannot make %d folds of %d articles", folds, len(articles))
	}
	tds, err := featurizeAll(articles, news, hashSeed, nil)
	if err != nil {
		return nil, err
	}
	// Folds are independent: run as many at once as there are CPUs, and
	// pool their results in fold order so the report does not depend on
	// which finished first.
	type result struct {
		gold, pred           []Annotation
		goldClass, predClass []int
	}
	results := make([]result, folds)
	var mu sync.Mutex
	var wg sync.WaitGroup
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	for fold := 0; fold < folds; fold++ {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer func() { <-sem; wg.Done() }()
			var trainIdx, testIdx []int
			for i := range tds {
				if i%folds == fold {
					testIdx = append(testIdx, i)
				} else {
					trainIdx = append(trainIdx, i)
				}
			}
			m := train(tds, trainIdx, news, io.Discard)
			r := &results[fold]
			for _, i := range testIdx {
				td := tds[i]
				r.gold = append(r.gold, td.article.Spans...)
				r.pred = append(r.pred, annotations(td.article.ID, m.Spans(td.Example, m.Scores(td.Example)))...)
				g, p := m.ClassifyGold(td.Example)
				r.goldClass, r.predClass = append(r.goldClass, g...), append(r.predClass, p...)
			}
			mu.Lock()
			fmt.Fprintf(progress, "fold %d/%d: span F1 %.3f, classification F1 %.3f, found and named F1 %.3f\n", fold+1, folds,
				ScoreSpans(r.gold, r.pred).F1, scoreClasses(r.goldClass, r.predClass).MicroF1, ScoreLabelled(r.gold, r.pred, "").F1)
			mu.Unlock()
		}()
	}
	wg.Wait()
	var gold, pred []Annotation
	var goldClass, predClass []int
	for _, r := range results {
		gold, pred = append(gold, r.gold...), append(pred, r.pred...)
		goldClass, predClass = append(goldClass, r.goldClass...), append(predClass, r.predClass...)
	}
	r := &Report{Articles: len(articles), Folds: folds, Technique: map[string]PRF{}}
	r.Spans = ScoreSpans(gold, pred)
	r.Labelled = ScoreLabelled(gold, pred, "")
	r.Classes = scoreClasses(goldClass, predClass)
	for _, t := range propaganda.Techniques {
		r.Technique[t] = ScoreLabelled(gold, pred, t)
	}
	return r, nil
}

// Write prints the report: per technique, the classifier's scores on the
// gold spans (TC) and the scores of the spans found and named (FLC); then
// the three overall figures.
func (r *Report) Write(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "technique\tgold\tTC pred\tTC P\tTC R\tTC F1\tFLC pred\tFLC P\tFLC R\tFLC F1\t\n")
	for _, t := range propaganda.Techniques {
		c, f := r.Classes.Technique[t], r.Technique[t]
		fmt.Fprintf(tw, "%s\t%d\t%d\t%.3f\t%.3f\t%.3f\t%d\t%.3f\t%.3f\t%.3f\t\n", t, f.Gold,
			c.Pred, c.Precision, c.Recall, c.F1, f.Pred, f.Precision, f.Recall, f.F1)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	s, l := r.Spans, r.Labelled
	_, err := fmt.Fprintf(w, `TC: the classifier naming the technique of each gold span; FLC: the spans found, with their technique
span identification F1 %.3f (P %.3f, R %.3f; %d gold, %d predicted spans after merging)
labelled F1 %.3f (technique classification of the %d gold spans, micro-averaged: SemEval-2020 Task 11 TC)
found and named F1 %.3f (P %.3f, R %.3f: spans found with the right technique, FLC of Da San Martino et al. 2019)
%d articles, %d-fold cross-validation; partial-overlap P/R as in SemEval-2020 Task 11
`, s.F1, s.Precision, s.Recall, s.Gold, s.Pred, r.Classes.MicroF1, r.Classes.Spans, l.F1, l.Precision, l.Recall, r.Articles, r.Folds)
	return err
}

// ClassReport is the result of cross-validating the technique classifier
// on gold spans (SemEval-2020 Task 11, technique classification): micro
// F1 over all gold spans and P/R/F1 per technique.
type ClassReport struct {
	Spans     int
	Correct   int
	MicroF1   float64
	Technique map[string]PRF
}

// scoreClasses builds a ClassReport from paired gold and predicted
// techniques.
func scoreClasses(gold, pred []int) *ClassReport {
	r := &ClassReport{Spans: len(gold), Technique: map[string]PRF{}}
	var tp, np, ng [numTech]int
	for i, g := range gold {
		ng[g]++
		if p := pred[i]; p >= 0 {
			np[p]++
			if p == g {
				tp[g]++
				r.Correct++
			}
		}
	}
	if r.Spans > 0 {
		r.MicroF1 = float64(r.Correct) / float64(r.Spans)
	}
	for k, name := range propaganda.Techniques {
		p := PRF{Pred: np[k], Gold: ng[k]}
		if np[k] > 0 {
			p.Precision = float64(tp[k]) / float64(np[k])
		}
		if ng[k] > 0 {
			p.Recall = float64(tp[k]) / float64(ng[k])
		}
		if p.Precision+p.Recall > 0 {
			p.F1 = 2 * p.Precision * p.Recall / (p.Precision + p.Recall)
		}
		r.Technique[name] = p
	}
	return r
}
