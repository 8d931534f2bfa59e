package propaganda

import (
	"math"
)

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
