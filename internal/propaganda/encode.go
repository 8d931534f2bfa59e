package propaganda

import (
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
)

// magic starts every encoded model.
const magic = "siftptc6"

// Encode writes m in its compact form: gzip of a header, the thresholds,
// the modes, the "any" threshold, the sentence re-scorer's weights, the
// weight tables as signed bytes, column by column, each column after its
// scale, and the news word list (count, then the word hashes in
// increasing order, then their frequency bins). Encoding the same model
// twice gives the same bytes. Only a trained model (proptrain.Train) can be
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

// decodeModel reads a model written by Encode.
func decodeModel(r io.Reader) (*Model, error) {
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
	m.news.index()
	return m, nil
}
