package propaganda

import (
	"slices"
)

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
	for si := sentenceOf(d, sp.first); si < len(d.sentences) && d.sentences[si].first < sp.last; si++ {
		s := d.sentences[si]
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
