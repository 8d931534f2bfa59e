package cleaneval

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sift-news/sift/internal/clean"
)

// Retraining the line model from the labelled sets gives the embedded
// weights byte for byte (`sift eval clean --retrain` writes them).
func TestLineModelRetrains(t *testing.T) {
	if testing.Short() {
		t.Skip("retraining takes a few seconds")
	}
	var dirs []string
	for _, s := range TrainingSets {
		dirs = append(dirs, filepath.Join("../testdata", s))
	}
	m, err := Train(dirs)
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile("../linemodel_weights.go")
	if err != nil {
		t.Fatal(err)
	}
	if got := WeightsSource(m); got != string(want) {
		t.Errorf("retrained weights differ from internal/clean/linemodel_weights.go; run `sift eval clean --retrain internal/clean/linemodel_weights.go`")
	}
}

// The line model, trained without a set, must not cost that set a clean
// article and must gain on the set the rules were not written from.
func TestLeaveOneSetOut(t *testing.T) {
	if testing.Short() {
		t.Skip("leave-one-set-out takes a few seconds")
	}
	folds, err := LeaveOneSetOut("../testdata", TrainingSets)
	if err != nil {
		t.Fatal(err)
	}
	rules, with := 0, 0
	for _, f := range folds {
		t.Logf("%-9s exactly clean %d -> %d of %d, body F1 %.3f -> %.3f", f.Set, f.Rules.Exact, f.With.Exact, f.Rules.Articles, f.Rules.WordF, f.With.WordF)
		if f.With.Exact < f.Rules.Exact {
			t.Errorf("%s: the line model trained without it cleans %d articles exactly, the rules alone %d", f.Set, f.With.Exact, f.Rules.Exact)
		}
		rules, with = rules+f.Rules.Exact, with+f.With.Exact
	}
	if with <= rules {
		t.Errorf("leave-one-set-out: %d articles exactly clean with the line model, %d with the rules alone", with, rules)
	}
}

// A credit line under the headline and an alerts widget after the
// article, which no rule describes, are set aside by the line model with its reason; the letters
// and the article's own short lines stay.
func TestLineModelSetsAsideFurniture(t *testing.T) {
	in := "Ferry returns to Skelda after repairs\n\nWords and pictures: Ivo Strand · Monday 3 March 2025\n\n" +
		"Good morning. The only car ferry to Skelda Island will return to service on Monday after six weeks in dry dock, the trust said.\n\n" +
		"The vessel was taken out of the water in January when inspectors found corrosion on two plates of its hull.\n\n" +
		"The first crossing leaves the mainland slipway at seven.\n\n" +
		"Get alerts on: ferries, Skelda, island transport\n"
	a, b := clean.Options{Lines: clean.RulesOnly}.Text(in), clean.Text(in)
	t.Logf("rules alone: %q", a.Paragraphs)
	want := []string{
		"Good morning. The only car ferry to Skelda Island will return to service on Monday after six weeks in dry dock, the trust said.",
		"The vessel was taken out of the water in January when inspectors found corrosion on two plates of its hull.",
		"The first crossing leaves the mainland slipway at seven.",
	}
	if strings.Join(b.Paragraphs, "\n") != strings.Join(want, "\n") {
		t.Errorf("got paragraphs %q, want %q", b.Paragraphs, want)
	}
	n := 0
	for _, bp := range b.Boilerplate {
		if bp.Reason == clean.ReasonUnlike {
			n++
		}
	}
	if n == 0 {
		t.Errorf("no line set aside by the line model: %+v", b.Boilerplate)
	}
}
