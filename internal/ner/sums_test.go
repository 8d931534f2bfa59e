package ner

import (
	"strings"
	"testing"
)

// TestWordSumsMatchFeatures checks that the tagger's shortcut, the weight
// sums of the features a word decides alone computed once per word
// (wordSumsOf), gives every token the same emission scores as summing all
// its features one by one, as training sees them: at the edges of
// sentences of one, two and many words, in headlines, for words of the
// cluster table and words outside it, with the history of earlier
// sentences.
func TestWordSumsMatchFeatures(t *testing.T) {
	m := mustModel(t)
	text := sample + "\n\nLAVROV MEETS ZQUARVIN IN ANKARA\n\nZquarvin.\n\nZquarvin\n\nYes said Zquarvin\n\n" + sample
	var sents [][]string
	for _, s := range Sentences(Tokenize(text)) {
		var ws []string
		for _, tok := range s {
			ws = append(ws, tok.Norm)
		}
		sents = append(sents, ws)
	}
	d := newDocument(sents, m.clusters, m.words)
	var base [][nTags]int32
	var sums []*neighbourSums
	var buf []uint64
	var l lattice
	lengths := map[int]bool{}
	for si := range d.sents {
		ws := d.sents[si]
		lengths[min(len(ws), 3)] = true
		full, fullEnds := d.sentenceFeatures(si, withHistory|withIntrinsic|withNeighbours, nil, nil)
		part, partEnds := d.sentenceFeatures(si, withHistory, nil, nil)
		base, sums = wordSumsOf(m, ws, base, sums, &buf)
		from, pfrom := 0, 0
		for i := range ws {
			var want, got [nTags]int32
			m.sum(full[from:fullEnds[i]], &want)
			got = base[i]
			m.sum(part[pfrom:partEnds[i]], &got)
			if got != want {
				t.Errorf("sentence %d token %d %q: word sums + context give %v, all features %v", si, i, ws[i].form, got, want)
			}
			from, pfrom = fullEnds[i], partEnds[i]
		}
		d.record(si, l.viterbi(m, part, partEnds, base, nil))
	}
	for n := 1; n <= 3; n++ {
		if !lengths[n] {
			t.Errorf("no sentence of %d words (3: or more) in the test text: %q", n, strings.Split(text, "\n\n"))
		}
	}
}
