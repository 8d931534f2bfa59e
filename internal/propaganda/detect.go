package propaganda

import (
	"strconv"

	"github.com/sift-news/sift"
)

// Detect returns the technique spans of text, sorted by start, with
// code point offsets into text, scores in [0,1] and evidence.
func (m *Model) Detect(text string) []sift.Technique {
	return m.detect(tokenize(text), new(buffers))
}

// detect returns the technique spans of a tokenized text, scoring it in
// b's memory.
func (m *Model) detect(d *document, b *buffers) []sift.Technique {
	f := b.featurizer(d, m.news)
	spans := m.decode(d, m.scores(f, b))
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
