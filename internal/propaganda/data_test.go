package propaganda

import (
	"testing"

	"github.com/sift-news/sift/internal/dataset"
)

// TestEmbeddedModelOnHeldOutFold scores the shipped model on the PTC
// articles it was not trained on (see HeldOut) and checks it stays above a
// floor well over the all-sentences baseline (span F1 about 0.21).
func TestEmbeddedModelOnHeldOutFold(t *testing.T) {
	dir := dataset.Require(t, "ptc")
	articles, err := LoadPTC(dir)
	if err != nil {
		t.Fatal(err)
	}
	m, err := DefaultModel()
	if err != nil {
		t.Fatal(err)
	}
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
