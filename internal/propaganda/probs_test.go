package propaganda

import (
	"slices"
	"testing"
)

// scores sums a token's word features once per distinct word and its
// context features per token; the probabilities must be those of summing
// all of tokenFeatures for every token (what training uses), or detection
// would drift from the trained model. The text repeats words in other
// shapes ("Wall", "WALL"), lexicon phrases and contexts.
func TestScoresMatchAllFeatures(t *testing.T) {
	m, err := DefaultModel()
	if err != nil {
		t.Fatal(err)
	}
	text := "BUILD THE WALL\n\nThey will build the wall, and the Wall will stand. " +
		"Radical extremists hate the wall! Radical extremists fear it. " +
		"\"The wall is a disgrace,\" critics said; the WALL is a disgrace, they say again. " +
		"Make no mistake: the so-called experts are silent."
	for _, text := range []string{text, benchArticle(), loadedArticle} {
		checkScoresMatchAllFeatures(t, m, text)
	}
}

// checkScoresMatchAllFeatures is TestScoresMatchAllFeatures on one text.
func checkScoresMatchAllFeatures(t *testing.T, m *Model, text string) {
	t.Helper()
	d := tokenize(text)
	f := newFeaturizer(d, m.news)
	got := m.scores(f, new(buffers))
	want := newProbabilities(d)
	for si, s := range d.sentences {
		title := isTitle(d, si)
		base := m.sentenceProbs(&want, si, f.sentenceFeatures(nil, si, title))
		for i := s.first; i < s.last; i++ {
			m.tokenProbs(&want, i, base, f.tokenFeatures(nil, i, s, title))
		}
	}
	if !slices.Equal(got.tok, want.tok) {
		t.Errorf("token scores differ from summing all token features")
	}
	if !slices.Equal(got.sent, want.sent) {
		t.Errorf("sentence scores differ")
	}
	// Every token feature is either a word or a context feature.
	for _, s := range d.sentences {
		for i := s.first; i < s.last; i++ {
			all := f.tokenFeatures(nil, i, s, false)
			f.part = wordFeatures
			split := f.tokenFeatures(nil, i, s, false)
			f.part = contextFeatures
			split = f.tokenFeatures(split, i, s, false)
			f.part = allFeatures
			slices.Sort(all)
			slices.Sort(split)
			if !slices.Equal(all, split) {
				t.Fatalf("token %d %q: word and context features %v, all features %v", i, d.tokens[i].text, split, all)
			}
		}
	}
}
