package propaganda

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestLoadNewsWords counts a small CoNLL file and PolNeAR-like texts:
// case folded, document markers ignored, both corpora summed.
func TestLoadNewsWords(t *testing.T) {
	dir := t.TempDir()
	conll, polnear := filepath.Join(dir, "conll"), filepath.Join(dir, "polnear")
	for _, d := range []string{conll, filepath.Join(polnear, "train", "text"), filepath.Join(polnear, "dev", "text")} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	write := func(path, text string) {
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(filepath.Join(conll, "train.txt"), "-DOCSTART- -X- -X- O\n\n"+strings.Repeat("Said VBD B-VP O\n", 40)+"Minister NNP B-NP O\n")
	write(filepath.Join(conll, "dev.txt"), strings.Repeat("said VBD B-VP O\n", 70))
	write(filepath.Join(polnear, "train", "text", "a.txt"), "The minister said the talks failed. The minister left.")
	write(filepath.Join(polnear, "dev", "text", "b.txt"), "Officials said nothing.")
	nw, err := LoadNewsWords(conll, polnear)
	if err != nil {
		t.Fatal(err)
	}
	for word, want := range map[string]uint8{"said": freqFrequent, "minister": freqFew, "officials": freqRare,
		"-docstart-": freqUnseen, "skyrocketing": freqUnseen} {
		if got := nw.bin(hashString(fnvOffset, word)); got != want {
			t.Errorf("%q: bin %d, want %d", word, got, want)
		}
	}
	if _, err := LoadNewsWords(filepath.Join(dir, "missing"), polnear); err == nil {
		t.Error("a missing CoNLL directory gave no error")
	}
	if _, err := LoadNewsWords(conll, conll); err == nil {
		t.Error("a PolNeAR directory without texts gave no error")
	}
}

// TestShippedModelKnowsNewsWords checks that the embedded model carries
// the news word frequencies its features were trained with: reporting
// words are common, loaded ones rare or absent.
func TestShippedModelKnowsNewsWords(t *testing.T) {
	m, err := DefaultModel()
	if err != nil {
		t.Fatal(err)
	}
	if n := len(m.news.bins); n < 10000 {
		t.Fatalf("the model knows %d news words, want tens of thousands", n)
	}
	said, loaded := m.news.bin(hashString(fnvOffset, "said")), m.news.bin(hashString(fnvOffset, "warmongering"))
	if said != freqTop || loaded > freqRare {
		t.Errorf(`"said" in bin %d (want %d), "warmongering" in bin %d (want at most %d)`, said, freqTop, loaded, freqRare)
	}
}

// TestRunsGrowThroughWeakerNeighbours: a run starts at tokens above the
// technique's threshold and takes in the neighbours above the lower one,
// but not the tokens below it.
func TestRunsGrowThroughWeakerNeighbours(t *testing.T) {
	d := tokenize("It was a downright bizarre claim.")
	k := techIndex["Loaded_Language"]
	m := &Model{}
	for i := range m.thresholds {
		m.thresholds[i] = 1
	}
	m.thresholds[k] = 0.2
	p := newProbabilities(d)
	for i := range d.tokens {
		prob := float32(0.01)
		switch d.tokens[i].text {
		case "bizarre":
			prob = 0.5
		case "downright":
			prob = 0.1 // below 0.2, above 0.3 × 0.2
		case "claim":
			prob = 0.05 // below both
		}
		p.tok[i*numTech+k] = logit(prob)
	}
	spans := m.decodeTech(d, p, k, nil)
	if len(spans) != 1 {
		t.Fatalf("got %d spans, want 1", len(spans))
	}
	if got := string([]rune(d.text)[spans[0].start:spans[0].end]); got != "downright bizarre" {
		t.Errorf("span %q, want %q", got, "downright bizarre")
	}
}

// TestHashSeedMovesBucketsOnly: a hash seed gives the same number of
// features in other buckets; seed 0 is the shipped hashing.
func TestHashSeedMovesBucketsOnly(t *testing.T) {
	a := &CorpusArticle{ID: "x", Text: "Headline here\nThe corrupt regime lied again, officials said."}
	plain, same, seeded := featurize(a, nil, 0), featurize(a, nil, 0), featurize(a, nil, 12345)
	moved := 0
	for i := range plain.tokFeats {
		p, q, s := plain.tokFeats[i], same.tokFeats[i], seeded.tokFeats[i]
		if len(p) != len(s) || !slices.Equal(p, q) {
			t.Fatalf("token %d: %d features, %d with a seed; unseeded runs differ: %v", i, len(p), len(s), !slices.Equal(p, q))
		}
		for j := range p {
			if p[j] != s[j] {
				moved++
			}
		}
	}
	if moved == 0 {
		t.Fatal("the seed moved no feature")
	}
	f := newFeaturizer(tokenize(a.Text), nil)
	if got := f.tokenFeatures(nil, 0, f.d.sentences[0], true); !slices.Equal(got, plain.tokFeats[0]) {
		t.Error("seed 0 is not the hashing Detect uses")
	}
}
