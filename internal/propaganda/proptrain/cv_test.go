package proptrain

import (
	"math"
	"testing"

	"github.com/sift-news/sift/internal/propaganda"
)

// techniqueIndex is the index of technique name in propaganda.Techniques.
func techniqueIndex(t *testing.T, name string) int {
	t.Helper()
	for i, n := range propaganda.Techniques {
		if n == name {
			return i
		}
	}
	t.Fatalf("no technique %q", name)
	return -1
}

func TestScoreClassesIsMicroAveraged(t *testing.T) {
	ll, nc, doubt := techniqueIndex(t, "Loaded_Language"), techniqueIndex(t, "Name_Calling,Labeling"), techniqueIndex(t, "Doubt")
	gold := []int{ll, ll, ll, nc, doubt}
	pred := []int{ll, ll, nc, nc, -1} // the last span could not be classified
	r := scoreClasses(gold, pred)
	if r.Correct != 3 || math.Abs(r.MicroF1-0.6) > 1e-9 {
		t.Fatalf("micro F1 %v (%d correct), want 0.6 (3 of 5)", r.MicroF1, r.Correct)
	}
	if p := r.Technique["Loaded_Language"]; math.Abs(p.Precision-1) > 1e-9 || math.Abs(p.Recall-2.0/3) > 1e-9 {
		t.Fatalf("Loaded_Language P %v R %v, want 1 and 2/3", p.Precision, p.Recall)
	}
	if p := r.Technique["Name_Calling,Labeling"]; math.Abs(p.Precision-0.5) > 1e-9 || p.Recall != 1 {
		t.Fatalf("Name_Calling P %v R %v, want 0.5 and 1", p.Precision, p.Recall)
	}
	if p := r.Technique["Doubt"]; p.Recall != 0 || p.Gold != 1 {
		t.Fatalf("Doubt %+v, want recall 0 of 1", p)
	}
}
