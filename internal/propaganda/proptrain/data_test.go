package proptrain

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/sift-news/sift/internal/dataset"
	"github.com/sift-news/sift/internal/propaganda"
)

// TestEmbeddedModelOnHeldOutFold scores the shipped model on the PTC
// articles it was not trained on (see HeldOut) and checks it stays above a
// floor well over the all-sentences baseline (span F1 about 0.21).
func TestEmbeddedModelOnHeldOutFold(t *testing.T) {
	articles, m := loadForHeldOut(t)
	var gold, pred []Annotation
	n := 0
	for i, a := range articles {
		if !HeldOut(i) {
			continue
		}
		n++
		gold = append(gold, a.Spans...)
		for _, x := range m.Detect(a.Text) {
			pred = append(pred, Annotation{Article: a.ID, Technique: x.Technique, Start: x.Start, End: x.End})
		}
	}
	spans, labelled := ScoreSpans(gold, pred), ScoreLabelled(gold, pred, "")
	t.Logf("held-out fold (%d articles): span F1 %.3f (P %.3f R %.3f), labelled F1 %.3f",
		n, spans.F1, spans.Precision, spans.Recall, labelled.F1)
	if spans.F1 < 0.28 {
		t.Errorf("span F1 %.3f below the floor 0.28", spans.F1)
	}
	if labelled.F1 < 0.12 {
		t.Errorf("labelled F1 %.3f below the floor 0.12", labelled.F1)
	}
}

// TestEmbeddedClassifierOnHeldOutFold names the techniques of the gold
// spans of the held-out articles (SemEval-2020 Task 11 TC) with the
// shipped classifier. Always answering the most frequent technique
// (Loaded_Language) scores about 0.35 there.
func TestEmbeddedClassifierOnHeldOutFold(t *testing.T) {
	articles, m := loadForHeldOut(t)
	var gold, pred []int
	for i := range articles {
		if !HeldOut(i) {
			continue
		}
		ex, err := featurize(&articles[i], m.News(), 0)
		if err != nil {
			t.Fatal(err)
		}
		g, p := m.ClassifyGold(ex.Example)
		gold, pred = append(gold, g...), append(pred, p...)
	}
	r := scoreClasses(gold, pred)
	t.Logf("held-out fold: technique classification micro F1 %.3f (%d of %d spans)", r.MicroF1, r.Correct, r.Spans)
	if r.MicroF1 < 0.45 {
		t.Errorf("micro F1 %.3f below the floor 0.45", r.MicroF1)
	}
}

// loadForHeldOut reads the PTC articles (skipping the test without them)
// and the embedded model.
func loadForHeldOut(t *testing.T) ([]CorpusArticle, *propaganda.Model) {
	t.Helper()
	articles, err := LoadPTC(dataset.Require(t, "ptc"))
	if err != nil {
		t.Fatal(err)
	}
	m, err := propaganda.DefaultModel()
	if err != nil {
		t.Fatal(err)
	}
	return articles, m
}

// TestTrainingRebuildsTheShippedModel retrains the model as `sift train
// techniques` does and checks it is the embedded one byte for byte, so a
// change to features or training cannot ship without its model. It takes
// a few minutes of CPU; -short skips it.
func TestTrainingRebuildsTheShippedModel(t *testing.T) {
	if testing.Short() {
		t.Skip("retraining takes minutes; skipped with -short")
	}
	articles, _ := loadForHeldOut(t)
	news, err := LoadNewsWords(dataset.Require(t, "conll2003"), dataset.Require(t, "polnear"))
	if err != nil {
		t.Fatal(err)
	}
	m, err := Train(articles, news, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := m.Encode(&buf); err != nil {
		t.Fatal(err)
	}
	// The embedded model is this file of the runtime package.
	shipped, err := os.ReadFile(filepath.Join("..", propaganda.ModelFile))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(buf.Bytes(), shipped) {
		t.Fatalf("retrained model (%d bytes) differs from the embedded %s (%d bytes): run `sift train techniques`",
			buf.Len(), propaganda.ModelFile, len(shipped))
	}
}
