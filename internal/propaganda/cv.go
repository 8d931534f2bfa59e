package propaganda

import (
	"fmt"
	"io"
	"text/tabwriter"
)

// Report is the result of a cross-validation: span identification and
// labelled scores overall and per technique, over the pooled predictions of
// all folds.
type Report struct {
	Articles  int
	Folds     int
	Spans     PRF            // span identification (SemEval-2020 Task 11 SI)
	Labelled  PRF            // technique must match
	Technique map[string]PRF // labelled score of each technique
}

// CrossValidate splits the articles into folds (article i goes to fold
// i mod folds), trains on all folds but one with Train's procedure,
// predicts the held-out fold, and scores the pooled predictions.
func CrossValidate(articles []CorpusArticle, folds int, progress io.Writer) (*Report, error) {
	if folds < 2 || folds > len(articles) {
		return nil, fmt.Errorf("cannot make %d folds of %d articles", folds, len(articles))
	}
	tds := make([]*trainDoc, len(articles))
	for i := range articles {
		tds[i] = featurize(&articles[i])
	}
	var gold, pred []Annotation
	for fold := 0; fold < folds; fold++ {
		var trainIdx, testIdx []int
		for i := range tds {
			if i%folds == fold {
				testIdx = append(testIdx, i)
			} else {
				trainIdx = append(trainIdx, i)
			}
		}
		m := train(tds, trainIdx, progress)
		var fg, fp []Annotation
		for _, i := range testIdx {
			td := tds[i]
			fg = append(fg, td.article.Spans...)
			fp = append(fp, annotations(td.article.ID, m.decode(td.doc, m.probs(td)))...)
		}
		fmt.Fprintf(progress, "fold %d/%d: span F1 %.3f, labelled F1 %.3f\n", fold+1, folds,
			ScoreSpans(fg, fp).F1, ScoreLabelled(fg, fp, "").F1)
		gold = append(gold, fg...)
		pred = append(pred, fp...)
	}
	r := &Report{Articles: len(articles), Folds: folds, Technique: map[string]PRF{}}
	r.Spans = ScoreSpans(gold, pred)
	r.Labelled = ScoreLabelled(gold, pred, "")
	for _, t := range Techniques {
		r.Technique[t] = ScoreLabelled(gold, pred, t)
	}
	return r, nil
}

// Write prints the report as a table.
func (r *Report) Write(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "technique\tgold\tpred\tP\tR\tF1\t\n")
	row := func(name string, p PRF) {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%.3f\t%.3f\t%.3f\t\n", name, p.Gold, p.Pred, p.Precision, p.Recall, p.F1)
	}
	for _, t := range Techniques {
		row(t, r.Technique[t])
	}
	row("labelled (all techniques)", r.Labelled)
	row("span identification", r.Spans)
	if err := tw.Flush(); err != nil {
		return err
	}
	_, err := fmt.Fprintf(w, "%d articles, %d-fold cross-validation; partial-overlap P/R as in SemEval-2020 Task 11\n", r.Articles, r.Folds)
	return err
}
