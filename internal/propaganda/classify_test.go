package propaganda

import (
	"math"
	"strings"
	"testing"

	"github.com/sift-news/sift"
)

func TestOccurrencesCountsRepeatedPhrases(t *testing.T) {
	d := tokenize("Build the wall. We will build the wall! Build, the wall. The wall is long.")
	a, b := tokenRange(d, 0, len("Build the wall"))
	if got := occurrences(d, a, b, 5); got != 2 {
		t.Fatalf(`"Build the wall" recurs %d times, want 2 (case and punctuation ignored)`, got)
	}
	a, b = tokenRange(d, 0, len("Build"))
	if got := occurrences(d, a, b, 1); got != 1 {
		t.Fatalf("limit 1: got %d", got)
	}
	long := "one two three four five six seven"
	d = tokenize(long + ". " + long + ".")
	a, b = tokenRange(d, 0, len(long))
	if got := occurrences(d, a, b, 5); got != 0 {
		t.Fatalf("spans over six words are not looked up, got %d", got)
	}
}

func TestScoreClassesIsMicroAveraged(t *testing.T) {
	ll, nc, doubt := techIndex["Loaded_Language"], techIndex["Name_Calling,Labeling"], techIndex["Doubt"]
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

func TestEvidenceEndsWithClassifierOpinion(t *testing.T) {
	a := &sift.Article{Text: loadedArticle}
	NewStage().Apply(a)
	if len(a.Techniques) == 0 {
		t.Fatal("no techniques found")
	}
	for _, x := range a.Techniques {
		last := x.Evidence[len(x.Evidence)-1]
		rest, ok := strings.CutPrefix(last, "technique classifier: ")
		if !ok {
			t.Fatalf("%q: last evidence %q is not the classifier's opinion", x.Text, last)
		}
		name, _, _ := strings.Cut(rest, " ")
		if !IsTechnique(name) || !strings.Contains(rest, "%") {
			t.Fatalf("%q: opinion %q does not name a technique with a percentage", x.Text, rest)
		}
	}
}
