package propaganda

import (
	"encoding/binary"
	"math"
	"strings"
)

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
	return new(buffers).probabilities(d)
}

// sentenceProbs sets the probabilities of sentence si from its features.
// It returns the sentence features' share of the token tagger's sums.
func (m *Model) sentenceProbs(p *probabilities, si int, feats []uint32) [numTech]int32 {
	var base, sacc [numTech]int32
	addQRows(&base, m.q.token, feats)
	addQRows(&sacc, m.q.sent, feats)
	sent := (*[numTech]float32)(p.sent[si*numTech:])
	for k := range sacc {
		sent[k] = float32(sacc[k]) * m.q.sentScale[k]
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
	tok := (*[numTech]float32)(p.tok[i*numTech:])
	for k := range acc {
		tok[k] = float32(acc[k]) * m.q.tokenScale[k]
	}
}

// scores computes the probabilities of every technique for the tokens and
// sentences of f's document, in b's memory.
func (m *Model) scores(f *featurizer, b *buffers) probabilities {
	d := f.d
	p := b.probabilities(d)
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
