package propaganda

import (
	"bufio"
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

// decodeModel reads a model written by Encode. It reads the gzip stream
// as it goes (no copy of the whole 19 MB decompressed model) and a
// table's columns together, so that it writes each row once: start-up of
// `sift analyze` is mostly this.
func decodeModel(r io.Reader) (*Model, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("reading technique model: %w", err)
	}
	br := bufio.NewReaderSize(zr, 64<<10)
	head := make([]byte, len(magic))
	if _, err := io.ReadFull(br, head); err != nil || string(head) != magic {
		return nil, errors.New("reading technique model: not a sift technique model")
	}
	var bits, nt uint32
	if err := binary.Read(br, binary.LittleEndian, &bits); err != nil {
		return nil, fmt.Errorf("reading technique model: %w", err)
	}
	if err := binary.Read(br, binary.LittleEndian, &nt); err != nil {
		return nil, fmt.Errorf("reading technique model: %w", err)
	}
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
	// The columns of one table, column k at cols[k<<hashBits:].
	cols := make([]byte, numTech<<hashBits)
	var anyScale [1]float32
	tables := m.q.tables()
	tables[2].scale = anyScale[:]
	for _, t := range tables {
		for k := 0; k < t.width; k++ {
			if err := binary.Read(br, binary.LittleEndian, &t.scale[k]); err != nil {
				return nil, fmt.Errorf("reading technique model: %w", err)
			}
			if _, err := io.ReadFull(br, cols[k<<hashBits:(k+1)<<hashBits]); err != nil {
				return nil, fmt.Errorf("reading technique model: %w", err)
			}
		}
		if t.width == 1 {
			copy(t.w, cols[:1<<hashBits])
			continue
		}
		// In blocks of 64 rows, whose 1,152 bytes stay in the cache
		// while each column's 64 bytes go in.
		const block = 64
		for b0 := 0; b0 < 1<<hashBits; b0 += block {
			dst := t.w[b0*numTech : (b0+block)*numTech]
			for k := range numTech {
				src := cols[k<<hashBits+b0 : k<<hashBits+b0+block]
				for j, v := range src {
					dst[j*numTech+k] = v
				}
			}
		}
	}
	m.q.anyScale = anyScale[0]
	var n uint32
	if err := binary.Read(br, binary.LittleEndian, &n); err != nil {
		return nil, fmt.Errorf("reading technique model: %w", err)
	}
	rest, err := io.ReadAll(io.LimitReader(br, int64(n)*5+1))
	if err != nil {
		return nil, fmt.Errorf("reading technique model: %w", err)
	}
	if int64(n)*5 != int64(len(rest)) {
		return nil, fmt.Errorf("reading technique model: %d news words in %d bytes", n, len(rest))
	}
	hs := make([]uint32, n)
	for i := range hs {
		hs[i] = binary.LittleEndian.Uint32(rest[4*i:])
	}
	binsOf := rest[4*n:]
	m.news = &NewsWords{bins: make(map[uint32]uint8, n)}
	for i, h := range hs {
		b := binsOf[i]
		if b >= numFreqBins {
			return nil, fmt.Errorf("reading technique model: news frequency bin %d", b)
		}
		m.news.bins[h] = b
	}
	m.news.index()
	return m, nil
}
