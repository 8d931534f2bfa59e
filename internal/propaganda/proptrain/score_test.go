package proptrain

import (
	"math"
	"testing"
)

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func TestScoreExactOverlapIsOne(t *testing.T) {
	gold := []Annotation{{"a", "Doubt", 10, 20}, {"a", "Loaded_Language", 30, 35}, {"b", "Slogans", 0, 8}}
	r := ScoreSpans(gold, gold)
	if !near(r.Precision, 1) || !near(r.Recall, 1) || !near(r.F1, 1) {
		t.Fatalf("identical spans: got %+v, want P=R=F1=1", r)
	}
	l := ScoreLabelled(gold, gold, "")
	if !near(l.F1, 1) {
		t.Fatalf("identical labelled spans: got %+v", l)
	}
}

func TestScoreHalfOverlapGivesPartialCredit(t *testing.T) {
	gold := []Annotation{{"a", "Doubt", 0, 10}}
	pred := []Annotation{{"a", "Doubt", 5, 15}}
	r := ScoreSpans(gold, pred)
	// 5 of the prediction's 10 characters are gold, and 5 of the gold's 10
	// are predicted.
	if !near(r.Precision, 0.5) || !near(r.Recall, 0.5) || !near(r.F1, 0.5) {
		t.Fatalf("half overlap: got %+v, want 0.5 each", r)
	}
	// A prediction inside a longer gold span is precise but recalls little.
	r = ScoreSpans([]Annotation{{"a", "", 0, 20}}, []Annotation{{"a", "", 0, 5}})
	if !near(r.Precision, 1) || !near(r.Recall, 0.25) {
		t.Fatalf("inner prediction: got %+v, want P=1 R=0.25", r)
	}
}

func TestScoreNoCreditAcrossArticlesOrTechniques(t *testing.T) {
	gold := []Annotation{{"a", "Doubt", 0, 10}}
	if r := ScoreSpans(gold, []Annotation{{"b", "Doubt", 0, 10}}); r.F1 != 0 {
		t.Fatalf("other article: got %+v, want 0", r)
	}
	pred := []Annotation{{"a", "Loaded_Language", 0, 10}}
	if r := ScoreSpans(gold, pred); !near(r.F1, 1) {
		t.Fatalf("span identification ignores techniques: got %+v", r)
	}
	if r := ScoreLabelled(gold, pred, ""); r.F1 != 0 {
		t.Fatalf("labelled score with the wrong technique: got %+v, want 0", r)
	}
	if r := ScoreLabelled(gold, pred, "Doubt"); r.Precision != 0 || r.Recall != 0 || r.Pred != 0 || r.Gold != 1 {
		t.Fatalf("per-technique score: got %+v", r)
	}
}

func TestScoreMergesOverlappingSpans(t *testing.T) {
	// Two overlapping gold spans of different techniques are one span for
	// span identification.
	gold := []Annotation{{"a", "Doubt", 0, 10}, {"a", "Loaded_Language", 5, 20}}
	r := ScoreSpans(gold, []Annotation{{"a", "", 0, 20}})
	if r.Gold != 1 || !near(r.F1, 1) {
		t.Fatalf("merged gold: got %+v, want one gold span and F1 1", r)
	}
	if r := ScoreSpans(nil, nil); r.F1 != 0 || r.Precision != 0 {
		t.Fatalf("empty: got %+v", r)
	}
}
