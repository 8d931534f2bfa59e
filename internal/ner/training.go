package ner

import (
	"strings"
)

// This file is what internal/ner/nertrain, which trains and scores the
// tagger, needs of the tagger's insides: the tag set, the features of a
// document as the tagger computes them, the decoder and the model file.
// Nothing at run time uses it.

// NumTags is the number of BILOU tags: O, then B, I, L and U of each of the
// CoNLL types PER, ORG, LOC and MISC, in weight-row order.
const NumTags = nTags

// StartTag is the "previous tag" of a sentence's first token, the extra
// row of the transition weights.
const StartTag = startTag

// TagIndex returns the index of the BILOU tag named name ("O", "B-PER",
// "L-ORG", "U-MISC" ...) and whether there is one.
func TagIndex(name string) (int, bool) {
	if name == "O" {
		return tagO, true
	}
	pos, typ, ok := strings.Cut(name, "-")
	if !ok || len(pos) != 1 || !strings.Contains("BILU", pos) {
		return 0, false
	}
	for k, t := range types {
		if t == typ {
			return tagOf(k, pos[0]), true
		}
	}
	return 0, false
}

// Span is a name in a sentence's tags: tokens [Start, End) with a CoNLL
// type ("PER", "ORG", "LOC", "MISC").
type Span struct {
	Start, End int
	Type       string
}

// Spans returns the names in a sequence of BILOU tag indexes, read as the
// tagger reads its own output.
func Spans(tags []int) []Span {
	var out []Span
	for _, s := range spans(tags) {
		out = append(out, Span{Start: s.start, End: s.end, Type: s.typ})
	}
	return out
}

// Doc is a document of tokenised sentences as the tagger sees it: its
// words and features, and the history of the tags given so far to its
// capitalised words (a feature of the words that follow).
type Doc struct{ d *document }

// NewDoc prepares a document given as sentences of token texts, with the
// embedded word clusters (none if they cannot be read, which Default
// reports).
func NewDoc(sents [][]string) *Doc {
	t, _ := defaultClusters()
	return &Doc{newDocument(sents, t, nil)}
}

// Len is the number of sentences of d.
func (d *Doc) Len() int { return len(d.d.sents) }

// StaticFeatures appends to buf the feature hashes of sentence si that do
// not depend on earlier tags, token by token: token i's end in buf is
// appended to ends.
func (d *Doc) StaticFeatures(si int, buf []uint64, ends []int) ([]uint64, []int) {
	return d.d.sentenceFeatures(si, withIntrinsic|withNeighbours, buf, ends)
}

// HistoryFeatures appends to buf the history features of token i of
// sentence si: the type most often given to the same word earlier in d.
func (d *Doc) HistoryFeatures(si, i int, buf []uint64) []uint64 {
	return d.d.historyFeatures(&d.d.sents[si][i], i == 0 || d.d.capsSent[si], buf)
}

// Record adds the tags of sentence si to d's history.
func (d *Doc) Record(si int, tags []int) { d.d.record(si, tags) }

// ResetHistory forgets the tags recorded so far.
func (d *Doc) ResetHistory() {
	for _, i := range d.d.infos {
		i.hist, i.histSeen = [5]uint16{}, false
	}
}

// TagDoc returns the tags of every sentence of d as the stage gives them:
// decoded with m, then corrected by the rules.
func (m *Model) TagDoc(d *Doc) [][]int {
	tags := tagDocument(m, d.d)
	applyRules(m, d.d, tags)
	return tags
}

// HistoryFeatureHashes returns the hashes of the history feature for each
// of its five values (O and the four types), in that order.
func HistoryFeatureHashes() []uint64 {
	out := make([]uint64, 5)
	for k := range out {
		out[k] = hb(tpl(fHist), byte(k))
	}
	return out
}

// Scorer gives the decoder its emission scores (the sums of the weights of
// a token's features for each tag) and transition scores.
type Scorer interface {
	Emit(feats []uint64, out *[NumTags]float32)
	Transition(prev, t int) float32
}

// Decoder finds the best tag sequence of a sentence (Viterbi) under a
// Scorer, with scratch space reused across sentences.
type Decoder struct{ l lattice }

// Decode returns the best allowed tag sequence of a sentence whose token i
// has features feats[ends[i-1]:ends[i]], reusing the storage of tags.
func (d *Decoder) Decode(s Scorer, feats []uint64, ends []int, tags []int) []int {
	return d.l.viterbi(scorerOf{s}, feats, ends, nil, tags)
}

// scorerOf adapts a Scorer to the decoder's scorer.
type scorerOf struct{ s Scorer }

func (a scorerOf) emit(feats []uint64, _ *[nTags]int32, out *[nTags]float32) { a.s.Emit(feats, out) }
func (a scorerOf) transition(prev, t int) float32                            { return a.s.Transition(prev, t) }

// Feature is one feature of a model being built: its hash (not 0) and its
// quantised weight for each tag.
type Feature struct {
	Hash    uint64
	Weights [NumTags]int32
}

// BuildModel writes the model file of feats (sorted by hash) with weight
// scale scale (weight = quantised weight / scale) and transition weights
// trans, and returns the model read back from it with the file.
func BuildModel(feats []Feature, scale float32, trans *[NumTags + 1][NumTags]float32) (*Model, []byte, error) {
	var out strings.Builder
	if err := encodeModel(&out, feats, scale, trans); err != nil {
		return nil, nil, err
	}
	data := []byte(out.String())
	m, err := decodeModel(data)
	if err != nil {
		return nil, nil, err
	}
	return m, data, nil
}
