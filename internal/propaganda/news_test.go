package propaganda

import (
	"slices"
	"strings"
	"testing"
)

// TestNewNewsWords counts CoNLL-like words and PolNeAR-like texts: case
// folded, both summed, binned by frequency.
func TestNewNewsWords(t *testing.T) {
	words := append(strings.Split(strings.Repeat("Said ", 40)+"Minister", " "), strings.Fields(strings.Repeat("said ", 70))...)
	nw := NewNewsWords(words, []string{"The minister said the talks failed. The minister left.", "Officials said nothing."})
	for word, want := range map[string]uint8{"said": freqFrequent, "minister": freqFew, "officials": freqRare,
		"-docstart-": freqUnseen, "skyrocketing": freqUnseen} {
		if got := nw.bin(hashString(fnvOffset, word)); got != want {
			t.Errorf("%q: bin %d, want %d", word, got, want)
		}
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
	text := "Headline here\nThe corrupt regime lied again, officials said."
	example := func(seed uint32) *Example {
		ex, err := NewExample(text, nil, nil, seed)
		if err != nil {
			t.Fatal(err)
		}
		return ex
	}
	plain, same, seeded := example(0), example(0), example(12345)
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
	f := newFeaturizer(tokenize(text), nil)
	if got := f.tokenFeatures(nil, 0, f.d.sentences[0], true); !slices.Equal(got, plain.tokFeats[0]) {
		t.Error("seed 0 is not the hashing Detect uses")
	}
}
