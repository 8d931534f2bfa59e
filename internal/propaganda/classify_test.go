package propaganda

import (
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
