package propaganda

import (
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/sift-news/sift"
)

// Techniques are the 18 technique names of the Propaganda Techniques
// Corpus, spelled as in propaganda-techniques-names.txt.
var Techniques = [...]string{
	"Appeal_to_Authority",
	"Appeal_to_fear-prejudice",
	"Bandwagon",
	"Black-and-White_Fallacy",
	"Causal_Oversimplification",
	"Doubt",
	"Exaggeration,Minimisation",
	"Flag-Waving",
	"Loaded_Language",
	"Name_Calling,Labeling",
	"Obfuscation,Intentional_Vagueness,Confusion",
	"Red_Herring",
	"Reductio_ad_hitlerum",
	"Repetition",
	"Slogans",
	"Straw_Men",
	"Thought-terminating_Cliches",
	"Whataboutism",
}

// numTech is the number of techniques.
const numTech = len(Techniques)

// techIndex maps a technique name to its index in Techniques.
var techIndex = func() map[string]int {
	m := make(map[string]int, numTech)
	for i, n := range Techniques {
		m[n] = i
	}
	return m
}()

// IsTechnique reports whether name is one of the 18 technique names.
func IsTechnique(name string) bool {
	_, ok := techIndex[name]
	return ok
}

// Model is a trained technique detector. For every technique it has two
// logistic regressions over hashed features: a token tagger (does this token
// belong to a span of the technique?) and a sentence classifier (does this
// sentence hold such a span?). Training picks, per technique, whichever of
// the two finds its spans better, and a probability threshold: short,
// word-level techniques (loaded language, name calling) come out as runs of
// tagged tokens, clause-level ones (doubt, causal oversimplification) as
// whole sentences. A technique classifier (classify.go) gives a second
// opinion on the technique of every span found, shown in its evidence. A
// Model is read-only after training and safe for concurrent use.
type Model struct {
	// token[b*numTech+k] is the token tagger's weight of feature bucket b
	// for technique k; sent is the same for the sentence classifier. They
	// hold the weights while training and are nil in a decoded model.
	token, sent []float32
	// any is a sentence classifier for "some technique is used here"
	// (a weight per feature bucket). A sentence whose probability, once
	// re-scored (rescore), is above anyThreshold and in which no
	// technique fired becomes a span of the sentence classifier's most
	// likely technique.
	any []float32
	// class is the technique classifier (classify.go), laid out like token.
	class []float32
	// q holds the weights as used and stored: signed bytes.
	q quantized
	// thresholds[k] is the probability above which technique k fires.
	thresholds [numTech]float32
	// bySentence[k] says technique k is found by the sentence classifier.
	bySentence   [numTech]bool
	anyThreshold float32
	// rescore re-scores the "any" classifier's sentences from the first
	// stage's scores (rescore.go); nil in the models that only produce
	// scores for tuning.
	rescore *rescorer
	// news is how often words occur in news reporting: token features.
	news *NewsWords
}

// quantized holds a model's weights as signed bytes times a scale per
// technique: a quarter of the memory of float32, so that the random
// lookups of hashed features mostly hit the cache. The tables hold the
// bytes as stored (a weight w is int8(table[i])), which lets addQRows
// read eight at a time.
type quantized struct {
	token, sent           []byte // [b*numTech+k]
	any                   []byte // [b]
	class                 []byte // [b*numTech+k]
	tokenScale, sentScale [numTech]float32
	anyScale              float32
	classScale            [numTech]float32
}

// magic starts every encoded model.
const magic = "siftptc6"

// Encode writes m in its compact form: gzip of a header, the thresholds,
// the modes, the "any" threshold, the sentence re-scorer's weights, the
// weight tables as signed bytes, column by column, each column after its
// scale, and the news word list (count, then the word hashes in
// increasing order, then their frequency bins). Encoding the same model
// twice gives the same bytes. Only a trained model (Train) can be
// encoded: one without its re-scorer is an error.
func (m *Model) Encode(w io.Writer) error {
	if m.rescore == nil {
		return errors.New("encoding technique model: no sentence re-scorer (not made by Train)")
	}
	if m.q.token == nil {
		m.Quantize()
	}
	// Level 5: the higher levels spend long on the runs of zero weights
	// for a few per cent less.
	zw, err := gzip.NewWriterLevel(w, 5)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	buf.WriteString(magic)
	binary.Write(&buf, binary.LittleEndian, uint32(hashBits))
	binary.Write(&buf, binary.LittleEndian, uint32(numTech))
	binary.Write(&buf, binary.LittleEndian, m.thresholds)
	binary.Write(&buf, binary.LittleEndian, m.bySentence)
	binary.Write(&buf, binary.LittleEndian, m.anyThreshold)
	binary.Write(&buf, binary.LittleEndian, m.rescore.w)
	col := make([]byte, 1<<hashBits)
	for _, t := range m.q.tables() {
		for k := 0; k < t.width; k++ {
			binary.Write(&buf, binary.LittleEndian, t.scale[k])
			for b := range col {
				col[b] = t.w[b*t.width+k]
			}
			buf.Write(col)
		}
	}
	hs := m.news.sorted()
	binary.Write(&buf, binary.LittleEndian, uint32(len(hs)))
	binary.Write(&buf, binary.LittleEndian, hs)
	for _, h := range hs {
		buf.WriteByte(m.news.bins[h])
	}
	if _, err := zw.Write(buf.Bytes()); err != nil {
		return err
	}
	return zw.Close()
}

// qtable is one quantised weight table, width columns per feature bucket.
type qtable struct {
	w     []byte
	width int
	scale []float32
}

// tables lists q's tables in the order they are stored.
func (q *quantized) tables() []qtable {
	return []qtable{{q.token, numTech, q.tokenScale[:]}, {q.sent, numTech, q.sentScale[:]}, {q.any, 1, []float32{q.anyScale}},
		{q.class, numTech, q.classScale[:]}}
}

// quantizeTable rounds a float table to signed bytes, each column scaled
// so that its largest weight is 127.
func quantizeTable(table []float32, width int, scale []float32) []byte {
	out := make([]byte, len(table))
	for k := 0; k < width; k++ {
		var maxAbs float32
		for b := k; b < len(table); b += width {
			if a := float32(math.Abs(float64(table[b]))); a > maxAbs {
				maxAbs = a
			}
		}
		scale[k] = 1
		if maxAbs > 0 {
			scale[k] = maxAbs / 127
		}
		for b := k; b < len(table); b += width {
			v := math.Round(float64(table[b] / scale[k]))
			out[b] = byte(int8(max(-127, min(127, v))))
		}
	}
	return out
}

// Quantize sets the signed-byte weights the model predicts with (and
// stores) from its training weights.
func (m *Model) Quantize() {
	m.q.token = quantizeTable(m.token, numTech, m.q.tokenScale[:])
	m.q.sent = quantizeTable(m.sent, numTech, m.q.sentScale[:])
	var anyScale [1]float32
	m.q.any = quantizeTable(m.any, 1, anyScale[:])
	m.q.anyScale = anyScale[0]
	if m.class == nil {
		m.class = make([]float32, numTech<<hashBits)
	}
	m.q.class = quantizeTable(m.class, numTech, m.q.classScale[:])
}

// Decode reads a model written by Encode.
func Decode(r io.Reader) (*Model, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("reading technique model: %w", err)
	}
	data, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("reading technique model: %w", err)
	}
	if !bytes.HasPrefix(data, []byte(magic)) {
		return nil, errors.New("reading technique model: not a sift technique model")
	}
	br := bytes.NewReader(data[len(magic):])
	var bits, nt uint32
	binary.Read(br, binary.LittleEndian, &bits)
	binary.Read(br, binary.LittleEndian, &nt)
	if bits != hashBits || nt != uint32(numTech) {
		return nil, fmt.Errorf("reading technique model: %d bits and %d techniques, want %d and %d", bits, nt, hashBits, numTech)
	}
	m := &Model{q: quantized{token: make([]byte, numTech<<hashBits), sent: make([]byte, numTech<<hashBits), any: make([]byte, 1<<hashBits),
		class: make([]byte, numTech<<hashBits)}}
	m.rescore = &rescorer{}
	for _, v := range []any{&m.thresholds, &m.bySentence, &m.anyThreshold, &m.rescore.w} {
		if err := binary.Read(br, binary.LittleEndian, v); err != nil {
			return nil, fmt.Errorf("reading technique model: %w", err)
		}
	}
	col := make([]byte, 1<<hashBits)
	var anyScale [1]float32
	tables := m.q.tables()
	tables[2].scale = anyScale[:]
	for _, t := range tables {
		for k := 0; k < t.width; k++ {
			if err := binary.Read(br, binary.LittleEndian, &t.scale[k]); err != nil {
				return nil, fmt.Errorf("reading technique model: %w", err)
			}
			if _, err := io.ReadFull(br, col); err != nil {
				return nil, fmt.Errorf("reading technique model: %w", err)
			}
			for b, v := range col {
				t.w[b*t.width+k] = v
			}
		}
	}
	m.q.anyScale = anyScale[0]
	var n uint32
	if err := binary.Read(br, binary.LittleEndian, &n); err != nil {
		return nil, fmt.Errorf("reading technique model: %w", err)
	}
	if int64(n)*5 != int64(br.Len()) {
		return nil, fmt.Errorf("reading technique model: %d news words in %d bytes", n, br.Len())
	}
	hs := make([]uint32, n)
	binary.Read(br, binary.LittleEndian, hs)
	m.news = &NewsWords{bins: make(map[uint32]uint8, n)}
	for _, h := range hs {
		b, _ := br.ReadByte()
		if b >= numFreqBins {
			return nil, fmt.Errorf("reading technique model: news frequency bin %d", b)
		}
		m.news.bins[h] = b
	}
	return m, nil
}

// logit is the inverse of sigmoid: the log-odds of probability p (+Inf
// for 1, so that a threshold of 1 is never reached).
func logit(p float32) float32 {
	return float32(math.Log(float64(p) / (1 - float64(p))))
}

// exp32 is math.Exp for float32.
func exp32(x float32) float32 { return float32(math.Exp(float64(x))) }

// sigmoid is the logistic function.
func sigmoid(x float32) float32 {
	return float32(1 / (1 + math.Exp(-float64(x))))
}

// isTitle reports whether sentence 0 of d is a headline: the first line,
// short, with no final full stop, followed by a line break.
func isTitle(d *document, si int) bool {
	if si != 0 || len(d.sentences) < 2 {
		return false
	}
	s := d.sentences[0]
	last := &d.tokens[s.last-1]
	if last.text == "." || s.last-s.first > 30 {
		return false
	}
	next := d.tokens[d.sentences[1].first]
	return strings.Contains(d.text[byteIndex(d.text, last.end):byteIndex(d.text, next.start)], "\n")
}

// byteIndex converts code point offset cp of s to a byte offset. It is
// linear, so it is used only on short prefixes or rarely.
func byteIndex(s string, cp int) int {
	n := 0
	for i := range s {
		if n == cp {
			return i
		}
		n++
	}
	return len(s)
}

// addRows adds the rows of table for the features feats to acc.
func addRows(acc *[numTech]float32, table []float32, feats []uint32) {
	for _, h := range feats {
		row := table[int(h)*numTech : int(h)*numTech+numTech]
		for k, w := range row {
			acc[k] += w
		}
	}
}

// addQRows adds the rows of a quantised table for the features feats to
// acc: the same integer sums as adding the signed bytes one by one, but
// eight at a time, as this is where the lookups of every token go. A
// row's 18 bytes are read as two 64-bit words and a 16-bit one; flipping
// the top bit of every byte adds 128 to its weight (0 to 255); the even
// and the odd bytes of a word are added into words of four 16-bit sums,
// which hold up to 256 rows (256*255 < 1<<16) before they are moved to
// acc, less the 128s.
func addQRows(acc *[numTech]int32, table []byte, feats []uint32) {
	const (
		flip = 0x8080808080808080 // the top bit of every byte
		even = 0x00FF00FF00FF00FF // the even bytes of a word
	)
	for len(feats) > 0 {
		chunk := feats[:min(len(feats), 256)]
		feats = feats[len(chunk):]
		// Sums of the columns 0, 2, 4, 6 (even0), 1, 3, 5, 7 (odd0), 8,
		// 10, 12, 14 (even1), 9, 11, 13, 15 (odd1), and 16, 17 (last).
		var even0, odd0, even1, odd1, last uint64
		for _, h := range chunk {
			row := table[int(h)*numTech : int(h)*numTech+numTech]
			a := binary.LittleEndian.Uint64(row) ^ flip
			b := binary.LittleEndian.Uint64(row[8:]) ^ flip
			c := uint64(binary.LittleEndian.Uint16(row[16:]) ^ 0x8080)
			even0 += a & even
			odd0 += a >> 8 & even
			even1 += b & even
			odd1 += b >> 8 & even
			last += c&0xFF | c>>8<<16
		}
		offset := int32(128 * len(chunk))
		sum := func(sums uint64, i int) int32 { return int32(sums>>(16*i)&0xFFFF) - offset }
		for i := 0; i < 4; i++ {
			acc[2*i] += sum(even0, i)
			acc[2*i+1] += sum(odd0, i)
			acc[8+2*i] += sum(even1, i)
			acc[8+2*i+1] += sum(odd1, i)
		}
		acc[16] += sum(last, 0)
		acc[17] += sum(last, 1)
	}
}

// addQRows reads a row as 8 + 8 + 2 bytes: numTech must be 18.
var _ [numTech - 18]struct{}
var _ [18 - numTech]struct{}

// probabilities holds a document's technique scores as log-odds (the
// probabilities before the logistic function, which is applied only to
// the spans found): tok[i*numTech+k] for token i, sent[si*numTech+k] for
// sentence si, any[si] that sentence si uses some technique.
type probabilities struct {
	tok, sent, any []float32
	masks          []uint32 // lexicon classes of each token
}

// newProbabilities allocates the probabilities of d.
func newProbabilities(d *document) probabilities {
	return probabilities{tok: make([]float32, len(d.tokens)*numTech), sent: make([]float32, len(d.sentences)*numTech),
		any: make([]float32, len(d.sentences))}
}

// sentenceProbs sets the probabilities of sentence si from its features.
// It returns the sentence features' share of the token tagger's sums.
func (m *Model) sentenceProbs(p *probabilities, si int, feats []uint32) [numTech]int32 {
	var base, sacc [numTech]int32
	addQRows(&base, m.q.token, feats)
	addQRows(&sacc, m.q.sent, feats)
	for k := range sacc {
		p.sent[si*numTech+k] = float32(sacc[k]) * m.q.sentScale[k]
	}
	var x int32
	for _, h := range feats {
		x += int32(int8(m.q.any[h]))
	}
	p.any[si] = float32(x) * m.q.anyScale
	return base
}

// tokenProbs sets the probabilities of token i from its features and its
// sentence's share base.
func (m *Model) tokenProbs(p *probabilities, i int, base [numTech]int32, feats []uint32) {
	acc := base
	addQRows(&acc, m.q.token, feats)
	for k := range acc {
		p.tok[i*numTech+k] = float32(acc[k]) * m.q.tokenScale[k]
	}
}

// scores computes the probabilities of every technique for the tokens and
// sentences of f's document.
func (m *Model) scores(f *featurizer) probabilities {
	d := f.d
	p := newProbabilities(d)
	p.masks = f.masks
	feats := make([]uint32, 0, 256)
	for si, s := range d.sentences {
		title := isTitle(d, si)
		feats = f.sentenceFeatures(feats[:0], si, title)
		base := m.sentenceProbs(&p, si, feats)
		for i := s.first; i < s.last; i++ {
			feats = f.tokenFeatures(feats[:0], i, s, title)
			m.tokenProbs(&p, i, base, feats)
		}
	}
	if m.rescore != nil {
		m.rescore.apply(d, &p)
	}
	return p
}

// span is a predicted or gold stretch of text with its technique index.
type span struct {
	start, end int
	tech       int
	score      float32
	first      int  // first token (predictions only)
	last       int  // one past the last token (predictions only)
	whole      bool // a whole sentence, found by the sentence classifiers
}

// decode turns token probabilities into spans: for every technique, the
// maximal runs of tokens of one sentence above the technique's threshold
// (a single token below it between two above is bridged), grown through
// their neighbours above a lower threshold (extendShare), without
// punctuation at either end.
func (m *Model) decode(d *document, probs probabilities) []span {
	var out []span
	for k := 0; k < numTech; k++ {
		out = m.decodeTech(d, probs, k, out)
	}
	out = m.decodeAny(d, probs, out)
	sort.Slice(out, func(i, j int) bool {
		if out[i].start != out[j].start {
			return out[i].start < out[j].start
		}
		if out[i].end != out[j].end {
			return out[i].end < out[j].end
		}
		return out[i].tech < out[j].tech
	})
	return out
}

// trimSentence narrows the tokens [a, b) of a sentence to its content:
// no punctuation at either end, and no attribution ("..., he said",
// "She said that ...") around the claim, since annotators mark the claim.
func trimSentence(d *document, masks []uint32, a, b int) (int, int) {
	isSpeech := func(i int) bool { return masks != nil && masks[i]&(1<<lexSpeech) != 0 }
	// Trailing ", officials said." or ", according to the ministry."
	for i := b - 1; i > a && i >= b-9; i-- {
		if d.tokens[i].text == "," {
			for j := i + 1; j < b; j++ {
				if isSpeech(j) {
					b = i
					break
				}
			}
			break
		}
	}
	// Leading "The minister said that" or "He told reporters:".
	for i := a; i < b && i < a+12; i++ {
		if !isSpeech(i) {
			continue
		}
		for j := i + 1; j < b && j <= i+4; j++ {
			t := d.tokens[j].lower
			if t == "that" || t == ":" || t == "\"" || t == "“" {
				if j+1 < b-2 {
					a = j + 1
				}
				break
			}
		}
		break
	}
	for a < b && !d.tokens[a].word {
		a++
	}
	for b > a && !d.tokens[b-1].word {
		b--
	}
	return a, b
}

// decodeAny appends a span for every sentence the "any technique"
// classifier scores above its threshold where no span was found yet,
// labelled with the sentence classifier's most likely technique among
// those switched on.
func (m *Model) decodeAny(d *document, p probabilities, out []span) []span {
	n := len(out)
	masks := p.masks
	anyTh := logit(m.anyThreshold)
	for si, s := range d.sentences {
		if p.any[si] < anyTh {
			continue
		}
		a, b := trimSentence(d, masks, s.first, s.last)
		if a == b {
			continue
		}
		start, end := d.tokens[a].start, d.tokens[b-1].end
		covered := false
		for _, sp := range out[:n] {
			if sp.start < end && sp.end > start {
				covered = true
				break
			}
		}
		if covered {
			continue
		}
		best := -1
		for k := 0; k < numTech; k++ {
			if m.thresholds[k] < 1 && (best < 0 || p.sent[si*numTech+k] > p.sent[si*numTech+best]) {
				best = k
			}
		}
		if best >= 0 {
			out = append(out, span{start: start, end: end, tech: best, score: sigmoid(p.any[si]), first: a, last: b, whole: true})
		}
	}
	return out
}

// extendShare sets the lower threshold of token runs: a run starts at
// tokens above the technique's threshold and grows through the tokens
// next to it above extendShare times that threshold (hysteresis, as in
// edge detection), so that "downright bizarre" is found whole when only
// "bizarre" is clearly loaded. Chosen by cross-validation: 0.3 gave about
// 0.002–0.003 more span F1 and 0.005 more found-and-named F1 than none.
const extendShare = 0.3

// decodeTech appends the spans of technique k to out.
func (m *Model) decodeTech(d *document, p probabilities, k int, out []span) []span {
	th := logit(m.thresholds[k])
	masks := p.masks
	if m.bySentence[k] {
		for si, s := range d.sentences {
			ps := p.sent[si*numTech+k]
			if ps < th {
				continue
			}
			a, b := trimSentence(d, masks, s.first, s.last)
			if a < b {
				out = append(out, span{start: d.tokens[a].start, end: d.tokens[b-1].end, tech: k,
					score: sigmoid(ps), first: a, last: b, whole: true})
			}
		}
		return out
	}
	probs := p.tok
	low := logit(m.thresholds[k] * extendShare)
	for _, s := range d.sentences {
		i := s.first
		for i < s.last {
			if probs[i*numTech+k] < th {
				i++
				continue
			}
			j := i + 1
			for j < s.last {
				if probs[j*numTech+k] >= th {
					j++
					continue
				}
				if j+1 < s.last && probs[(j+1)*numTech+k] >= th {
					j += 2
					continue
				}
				break
			}
			// Grow the run through its neighbours above the lower
			// threshold.
			for i > s.first && probs[(i-1)*numTech+k] >= low {
				i--
			}
			for j < s.last && probs[j*numTech+k] >= low {
				j++
			}
			a, b := i, j
			for a < b && !d.tokens[a].word {
				a++
			}
			for b > a && !d.tokens[b-1].word {
				b--
			}
			if a < b {
				var sum float32
				for t := a; t < b; t++ {
					sum += sigmoid(probs[t*numTech+k])
				}
				out = append(out, span{start: d.tokens[a].start, end: d.tokens[b-1].end, tech: k,
					score: sum / float32(b-a), first: a, last: b})
			}
			i = j
		}
	}
	return out
}

// hiddenEvidence are feature kinds left out of evidence: they help the
// model but tell a reader nothing (the bias, word shapes, positions, how
// often news reporting uses a word).
var hiddenEvidence = map[string]bool{"bias": true, "sentence": true, "shape": true, "shapes": true,
	"position": true, "suffix": true, "word before previous": true, "word after next": true,
	"sentence length": true, "sentence number": true, "sentence starts with": true,
	"news frequency": true, "news frequency and valence": true, "news frequency and shape": true,
	"news frequency of the previous word": true, "news frequency of the next word": true}

// evidenceUnit is a token of a span (i), or its sentence (si, with i < 0)
// when the sentence classifiers found the span.
type evidenceUnit struct{ si, i int }

// evidenceCandidate is a feature that pushed a span towards its technique:
// its quantised weight (positive), its unit and its place in the unit's
// feature list.
type evidenceCandidate struct {
	w       int8
	unit, j int32
}

// evidenceBuffers are the buffers evidence reuses from span to span of a
// document, so that finding evidence allocates little.
type evidenceBuffers struct {
	units        []evidenceUnit
	cands, order []evidenceCandidate
	feats        []uint32
	// names holds the readable feature names of the units named so far:
	// unit u's start at names[nameStart[u]], or nameStart[u] is -1 when
	// the unit is not named yet.
	names     []featureName
	nameStart []int
	seen      []featureName
}

// evidence lists the features that pushed the tokens of sp towards its
// technique most, strongest first, at most n. Features are hashed, so
// their readable names come from featurizing again with names on: only
// for the tokens (or sentences) the strongest features come from.
func (m *Model) evidence(f *featurizer, sp span, n int, buf *evidenceBuffers) []string {
	table := m.q.token
	if sp.whole {
		table = m.q.sent
	}
	d := f.d
	units := buf.units[:0]
	for si, s := range d.sentences {
		if s.last <= sp.first || s.first >= sp.last {
			continue
		}
		if sp.whole {
			units = append(units, evidenceUnit{si, -1})
			continue
		}
		for i := max(s.first, sp.first); i < min(s.last, sp.last); i++ {
			units = append(units, evidenceUnit{si, i})
		}
	}
	buf.units = units
	// featuresOf computes a unit's features into out.
	featuresOf := func(u evidenceUnit, out []uint32) []uint32 {
		title := isTitle(d, u.si)
		if u.i < 0 {
			return f.sentenceFeatures(out[:0], u.si, title)
		}
		return f.tokenFeatures(out[:0], u.i, d.sentences[u.si], title)
	}
	// Every feature that pushed towards the technique. The weights are
	// compared as stored: the technique's scale is positive, so the order
	// of the quantised weights is that of the weights.
	cands := buf.cands[:0]
	feats := buf.feats
	for ui, u := range units {
		feats = featuresOf(u, feats)
		for j, h := range feats {
			if w := int8(table[int(h)*numTech+sp.tech]); w > 0 {
				cands = append(cands, evidenceCandidate{w, int32(ui), int32(j)})
			}
		}
	}
	buf.cands = cands
	buf.order = byWeight(buf.order, cands)
	buf.nameStart = slices.Grow(buf.nameStart[:0], len(units))[:len(units)]
	for u := range units {
		buf.nameStart[u] = -1
	}
	buf.names = buf.names[:0]
	seen := buf.seen[:0]
	var out []string
	for _, c := range buf.order {
		if len(out) == n {
			break
		}
		if buf.nameStart[c.unit] < 0 {
			buf.nameStart[c.unit] = len(buf.names)
			f.names = &buf.names
			feats = featuresOf(units[c.unit], feats)
			f.names = nil
		}
		name := buf.names[buf.nameStart[c.unit]+int(c.j)]
		if hiddenEvidence[name.kind] || slices.Contains(seen, name) {
			continue
		}
		seen = append(seen, name)
		out = append(out, name.String())
	}
	buf.feats, buf.seen = feats, seen
	return out
}

// byWeight returns cands ordered from the largest weight down, equal
// weights in their order in cands, in dst's memory: a counting sort, as
// the weights are 1 to 127.
func byWeight(dst, cands []evidenceCandidate) []evidenceCandidate {
	var next [128]int
	for _, c := range cands {
		next[c.w]++
	}
	// next[w] becomes the place of the first candidate of weight w.
	place := 0
	for w := 127; w > 0; w-- {
		count := next[w]
		next[w] = place
		place += count
	}
	dst = slices.Grow(dst[:0], len(cands))[:len(cands)]
	for _, c := range cands {
		dst[next[c.w]] = c
		next[c.w]++
	}
	return dst
}

// Detect returns the technique spans of text, sorted by start, with
// code point offsets into text, scores in [0,1] and evidence.
func (m *Model) Detect(text string) []sift.Technique {
	return m.detect(tokenize(text))
}

// detect returns the technique spans of a tokenized text.
func (m *Model) detect(d *document) []sift.Technique {
	f := newFeaturizer(d, m.news)
	spans := m.decode(d, m.scores(f))
	out := make([]sift.Technique, 0, len(spans))
	var feats []uint32
	var buf evidenceBuffers
	for _, sp := range spans {
		var opinion string
		opinion, feats = m.opinion(f, sp, feats)
		out = append(out, sift.Technique{
			Start:     sp.start,
			End:       sp.end,
			Text:      textOf(d, sp.first, sp.last),
			Technique: Techniques[sp.tech],
			Score:     float64(sp.score),
			Evidence:  append(m.evidence(f, sp, 4, &buf), opinion),
		})
	}
	return out
}

// opinion is the technique classifier's reading of span sp, for its
// evidence: "technique classifier: Doubt 64%, Loaded_Language 21%" (the
// second technique only when it has at least 10%).
func (m *Model) opinion(f *featurizer, sp span, feats []uint32) (string, []uint32) {
	rank, p, feats := m.classify(f, sp.first, sp.last, feats)
	s := "technique classifier: " + Techniques[rank[0]] + " " + percent(p[rank[0]])
	if p[rank[1]] >= 0.1 {
		s += ", " + Techniques[rank[1]] + " " + percent(p[rank[1]])
	}
	return s, feats
}

// percent formats probability p as a whole percentage, "64%" (as
// fmt's "%.0f%%" would, without its cost for every span).
func percent(p float32) string {
	return strconv.FormatFloat(float64(100*p), 'f', 0, 32) + "%"
}

// ModelFile is the name of the embedded model file in this package's
// directory, written by `sift train techniques`.
const ModelFile = "techniques.model.gz"
