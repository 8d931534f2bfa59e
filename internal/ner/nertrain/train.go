// Package nertrain trains and scores the named-entity tagger of
// internal/ner on CoNLL-2003: it reads the corpus (ReadCoNLL), fits the
// averaged perceptron that `sift train ner` writes to internal/ner/model.gz
// (Train, deterministic: the same corpus gives the same file byte for
// byte) and scores a model with the CoNLL exact-span metric (Evaluate).
// It is training and evaluation code; nothing at run time imports it.
package nertrain

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"os"
	"slices"
	"strings"

	"github.com/sift-news/sift/internal/ner"
)

// Corpus is annotated text in the CoNLL-2003 layout: documents of sentences
// of tokens with IOB2 tags.
type Corpus struct {
	Docs []CorpusDoc
}

// CorpusDoc is one document of a Corpus.
type CorpusDoc struct {
	Sents [][]string // token texts
	Tags  [][]int    // tag indexes, parallel to Sents
}

// Tokens returns the number of tokens in c.
func (c *Corpus) Tokens() int {
	n := 0
	for _, d := range c.Docs {
		for _, s := range d.Sents {
			n += len(s)
		}
	}
	return n
}

// ReadCoNLL reads a CoNLL-2003 file (`token POS chunk NER` per line, blank
// lines between sentences, -DOCSTART- lines between documents, IOB2 or IOB1
// tags). Only the first and last columns are used.
func ReadCoNLL(path string) (*Corpus, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	c, err := parseCoNLL(f)
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", path, err)
	}
	return c, nil
}

// parseCoNLL reads a corpus in the layout ReadCoNLL describes.
func parseCoNLL(r io.Reader) (*Corpus, error) {
	c := &Corpus{}
	var doc *CorpusDoc
	var words []string
	var tags []iobTag
	flush := func() {
		if len(words) == 0 {
			return
		}
		if doc == nil {
			c.Docs = append(c.Docs, CorpusDoc{})
			doc = &c.Docs[len(c.Docs)-1]
		}
		doc.Sents = append(doc.Sents, words)
		doc.Tags = append(doc.Tags, toBILOU(tags))
		words, tags = nil, nil
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<16), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		fields := strings.Fields(sc.Text())
		if len(fields) == 0 {
			flush()
			continue
		}
		if fields[0] == "-DOCSTART-" {
			flush()
			c.Docs = append(c.Docs, CorpusDoc{})
			doc = &c.Docs[len(c.Docs)-1]
			continue
		}
		if len(fields) < 2 {
			return nil, fmt.Errorf("line %d: want token and tag", line)
		}
		t, ok := parseIOB(fields[len(fields)-1])
		if !ok {
			return nil, fmt.Errorf("line %d: unknown tag %q", line, fields[len(fields)-1])
		}
		words = append(words, fields[0])
		tags = append(tags, t)
	}
	flush()
	if err := sc.Err(); err != nil {
		return nil, err
	}
	// Drop empty documents.
	c.Docs = slices.DeleteFunc(c.Docs, func(d CorpusDoc) bool { return len(d.Sents) == 0 })
	return c, nil
}

// iobTag is a tag as read: position 'O', 'B' or 'I' and CoNLL type.
type iobTag struct {
	pos byte
	typ string
}

// parseIOB parses an IOB tag ("B-PER", "I-LOC", "O").
func parseIOB(s string) (iobTag, bool) {
	if s == "O" {
		return iobTag{pos: 'O'}, true
	}
	if len(s) < 3 || (s[0] != 'B' && s[0] != 'I') || s[1] != '-' {
		return iobTag{}, false
	}
	name := s[2:]
	if name == "PERSON" {
		name = "PER"
	}
	if _, ok := ner.TagIndex("U-" + name); !ok {
		return iobTag{}, false
	}
	return iobTag{pos: s[0], typ: name}, true
}

// tagOf returns the index of the BILOU tag of CoNLL type typ at position
// pos ('B', 'I', 'L', 'U'); typ is one parseIOB accepted.
func tagOf(typ string, pos byte) int {
	t, _ := ner.TagIndex(string(pos) + "-" + typ)
	return t
}

// toBILOU turns IOB1 or IOB2 tags into BILOU tag indexes. An I- tag that
// does not continue a name of its type starts one.
func toBILOU(in []iobTag) []int {
	out := make([]int, len(in))
	for i := 0; i < len(in); {
		t := in[i]
		if t.pos == 'O' {
			out[i], _ = ner.TagIndex("O")
			i++
			continue
		}
		j := i + 1
		for j < len(in) && in[j].pos == 'I' && in[j].typ == t.typ {
			j++
		}
		if j == i+1 {
			out[i] = tagOf(t.typ, 'U')
		} else {
			out[i] = tagOf(t.typ, 'B')
			for k := i + 1; k < j-1; k++ {
				out[k] = tagOf(t.typ, 'I')
			}
			out[j-1] = tagOf(t.typ, 'L')
		}
		i = j
	}
	return out
}

// TrainOptions control training.
type TrainOptions struct {
	Epochs int       // passes over the data (default DefaultEpochs)
	Seed   uint64    // shuffling seed (default 1)
	Log    io.Writer // progress, may be nil
}

// trainer is an averaged perceptron over hashed features.
type trainer struct {
	rows map[uint64]int32
	hash []uint64 // feature hash of each row
	w    []int32  // current weights, row*ner.NumTags+tag
	acc  []int64  // sum of step*update, for averaging
	tw   [ner.NumTags + 1][ner.NumTags]int32
	tacc [ner.NumTags + 1][ner.NumTags]int64
	step int64
}

// rowScorer adapts the trainer to ner.Scorer: feature "hashes"
// are row numbers, as precomputed for the training set.
type rowScorer struct{ tr *trainer }

// Emit sums the weights of the rows feats for each tag.
func (s rowScorer) Emit(feats []uint64, out *[ner.NumTags]float32) {
	*out = [ner.NumTags]float32{}
	for _, f := range feats {
		r := int(f) * ner.NumTags
		w := s.tr.w[r : r+ner.NumTags]
		for t := range ner.NumTags {
			out[t] += float32(w[t])
		}
	}
}

// Transition is the weight of tag t after tag prev.
func (s rowScorer) Transition(prev, t int) float32 { return float32(s.tr.tw[prev][t]) }

// trainSentence is a training sentence with its features as row numbers.
type trainSentence struct {
	feats []uint64 // row numbers
	ends  []int
	gold  []int
}

// Train fits a model on c. Training is deterministic: the same corpus and
// options give the same model, byte for byte.
func Train(c *Corpus, opt TrainOptions) (*ner.Model, []byte, error) {
	if opt.Epochs <= 0 {
		opt.Epochs = DefaultEpochs
	}
	if opt.Seed == 0 {
		opt.Seed = 1
	}
	logf := func(format string, args ...any) {
		if opt.Log != nil {
			fmt.Fprintf(opt.Log, format, args...)
		}
	}
	tr := &trainer{rows: map[uint64]int32{}}
	row := func(h uint64) uint64 {
		r, ok := tr.rows[h]
		if !ok {
			r = int32(len(tr.hash))
			tr.rows[h] = r
			tr.hash = append(tr.hash, h)
		}
		return uint64(r)
	}
	// The history features depend on the model's own earlier predictions
	// in the document, so documents are trained in order, sentence by
	// sentence; only the other features are computed ahead.
	type trainDoc struct {
		d     *ner.Doc
		sents []trainSentence
	}
	var docs []trainDoc
	nsents := 0
	for _, cd := range c.Docs {
		td := trainDoc{d: ner.NewDoc(cd.Sents)}
		var buf []uint64
		var ends []int
		for si := range td.d.Len() {
			buf, ends = td.d.StaticFeatures(si, buf[:0], ends[:0])
			ts := trainSentence{feats: make([]uint64, len(buf)), ends: slices.Clone(ends), gold: cd.Tags[si]}
			for k, h := range buf {
				ts.feats[k] = row(h)
			}
			td.sents = append(td.sents, ts)
		}
		nsents += len(td.sents)
		docs = append(docs, td)
	}
	// Features seen in only one document are dropped: they fit the
	// names of one story (a name repeated through one article) and
	// generalise poorly to others.
	count := make([]int32, len(tr.hash))
	lastDoc := make([]int32, len(tr.hash))
	for di, td := range docs {
		for _, st := range td.sents {
			for _, f := range st.feats {
				if lastDoc[f] != int32(di+1) {
					lastDoc[f] = int32(di + 1)
					count[f]++
				}
			}
		}
	}
	for di := range docs {
		for si := range docs[di].sents {
			st := &docs[di].sents[si]
			kept, from := st.feats[:0], 0
			for i, end := range st.ends {
				for _, f := range st.feats[from:end] {
					if count[f] >= minCount {
						kept = append(kept, f)
					}
				}
				from = end
				st.ends[i] = len(kept)
			}
			st.feats = kept
		}
	}
	// Rows for every history feature, so the weight arrays never grow.
	for _, h := range ner.HistoryFeatureHashes() {
		row(h)
	}
	tr.w = make([]int32, len(tr.hash)*ner.NumTags)
	tr.acc = make([]int64, len(tr.hash)*ner.NumTags)
	logf("%d sentences, %d features\n", nsents, len(tr.hash))

	rng := rand.New(rand.NewPCG(opt.Seed, 0x5eed))
	order := make([]int, len(docs))
	for i := range order {
		order[i] = i
	}
	var pred []int
	var dec ner.Decoder
	var feats []uint64
	var ends []int
	for epoch := range opt.Epochs {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		errs, toks := 0, 0
		for _, di := range order {
			td := &docs[di]
			td.d.ResetHistory()
			for si := range td.sents {
				st := &td.sents[si]
				// Static rows plus history rows, token by token.
				feats, ends = feats[:0], ends[:0]
				from := 0
				for i := range st.gold {
					feats = append(feats, st.feats[from:st.ends[i]]...)
					from = st.ends[i]
					n := len(feats)
					feats = td.d.HistoryFeatures(si, i, feats)
					for k := n; k < len(feats); k++ {
						feats[k] = row(feats[k])
					}
					ends = append(ends, len(feats))
				}
				if need := len(tr.hash) * ner.NumTags; need > len(tr.w) {
					tr.w = append(tr.w, make([]int32, need-len(tr.w))...)
					tr.acc = append(tr.acc, make([]int64, need-len(tr.acc))...)
				}
				s := trainSentence{feats: feats, ends: ends, gold: st.gold}
				tr.step++
				pred = dec.Decode(rowScorer{tr}, s.feats, s.ends, pred)
				toks += len(s.gold)
				if !slices.Equal(pred, s.gold) {
					errs += tr.learn(&s, pred)
				}
				td.d.Record(si, pred)
			}
		}
		logf("epoch %d: %d/%d tokens wrong (%.2f%%)\n", epoch+1, errs, toks, 100*float64(errs)/float64(toks))
	}
	return tr.export(logf)
}

// learn makes the perceptron update for a sentence predicted as pred and
// returns the number of wrong tokens.
func (tr *trainer) learn(s *trainSentence, pred []int) int {
	errs := 0
	from := 0
	for i, g := range s.gold {
		p := pred[i]
		if g != p {
			errs++
			for _, f := range s.feats[from:s.ends[i]] {
				tr.update(int(f)*ner.NumTags+g, 1)
				tr.update(int(f)*ner.NumTags+p, -1)
			}
		}
		from = s.ends[i]
		gp, pp := ner.StartTag, ner.StartTag
		if i > 0 {
			gp, pp = s.gold[i-1], pred[i-1]
		}
		if gp != pp || g != p {
			tr.tw[gp][g]++
			tr.tacc[gp][g] += tr.step
			tr.tw[pp][p]--
			tr.tacc[pp][p] -= tr.step
		}
	}
	return errs
}

// update adds d to weight i and its step-weighted sum.
func (tr *trainer) update(i int, d int32) {
	tr.w[i] += d
	tr.acc[i] += int64(d) * tr.step
}

// quantMax is the largest quantised weight: weights are stored as
// integers in [-quantMax, quantMax] times a scale.
const quantMax = 32767

// export averages the weights, quantises them, drops features whose
// weights all round to zero, and returns the model and its file.
func (tr *trainer) export(logf func(string, ...any)) (*ner.Model, []byte, error) {
	c := float64(tr.step + 1)
	avg := func(w int32, acc int64) float64 { return float64(w) - float64(acc)/c }
	maxAbs := 0.0
	for i := range tr.w {
		maxAbs = math.Max(maxAbs, math.Abs(avg(tr.w[i], tr.acc[i])))
	}
	scale := float32(quantMax / math.Max(maxAbs, 1e-9))
	var feats []ner.Feature
	for r, h := range tr.hash {
		var f ner.Feature
		f.Hash = h
		nz := false
		for t := range ner.NumTags {
			q := math.Round(avg(tr.w[r*ner.NumTags+t], tr.acc[r*ner.NumTags+t]) * float64(scale))
			q = math.Max(-quantMax, math.Min(quantMax, q))
			f.Weights[t] = int32(q)
			if q != 0 {
				nz = true
			}
		}
		if nz {
			if f.Hash == 0 {
				f.Hash = 1
			}
			feats = append(feats, f)
		}
	}
	slices.SortFunc(feats, func(a, b ner.Feature) int {
		switch {
		case a.Hash < b.Hash:
			return -1
		case a.Hash > b.Hash:
			return 1
		}
		return 0
	})
	var trans [ner.NumTags + 1][ner.NumTags]float32
	for p := range ner.NumTags + 1 {
		for t := range ner.NumTags {
			trans[p][t] = float32(avg(tr.tw[p][t], tr.tacc[p][t]))
		}
	}
	logf("%d of %d features kept\n", len(feats), len(tr.hash))
	return ner.BuildModel(feats, scale, &trans)
}

// DefaultEpochs is the number of training passes `sift train ner` makes.
const DefaultEpochs = 8

// minCount is in how many training documents a feature must occur to be
// used.
const minCount = 2
