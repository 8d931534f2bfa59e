package link

import (
	"context"
	"slices"
)

// MemIndex is an Index kept in memory, filled as a store would be from the
// updates a linker returns (Save). Tests use it to check that a linker on
// an Index links as one that keeps everything in memory.
type MemIndex struct {
	recs   []Record // in Seq order
	bySeq  map[int32]int
	byID   map[string]int
	exact  map[uint64]int32
	lsh    *LSH
	prints *PassageIndex
}

var _ Index = (*MemIndex)(nil)

// NewMemIndex returns an empty index.
func NewMemIndex() *MemIndex {
	return &MemIndex{
		bySeq:  make(map[int32]int),
		byID:   make(map[string]int),
		exact:  make(map[uint64]int32),
		lsh:    NewLSH(),
		prints: NewPassageIndex(),
	}
}

// Save files the records of ups, in order, under the keys of their Room
// when they have one.
func (m *MemIndex) Save(ups []Update) {
	for _, up := range ups {
		r := up.Record
		seq := int32(r.Seq)
		m.bySeq[seq] = len(m.recs)
		m.byID[r.ID] = len(m.recs)
		m.recs = append(m.recs, r)
		if _, ok := m.exact[r.Exact]; !ok {
			m.exact[r.Exact] = seq
		}
		if up.Room == nil {
			m.lsh.Add(seq, r.Signature)
			m.prints.Add(seq, r.Prints)
			continue
		}
		// As a store does: under the keys the linker found room in,
		// without counting (a wrong room overfills the index).
		keys := BandKeys(r.Signature)
		for _, b := range up.Room.Bands {
			m.lsh.bands[b][keys[b]] = append(m.lsh.bands[b][keys[b]], seq)
		}
		for _, fp := range up.Room.Prints {
			m.prints.file(seq, fp)
		}
	}
}

// Len is the number of records.
func (m *MemIndex) Len() int { return len(m.recs) }

// Next is the Seq after the last record's.
func (m *MemIndex) Next() int {
	if len(m.recs) == 0 {
		return 0
	}
	return m.recs[len(m.recs)-1].Seq + 1
}

// RecordByID implements Index.
func (m *MemIndex) RecordByID(_ context.Context, id string) (Record, bool, error) {
	i, ok := m.byID[id]
	if !ok {
		return Record{}, false, nil
	}
	r := m.recs[i]
	r.Signature, r.Prints = nil, nil
	return r, true, nil
}

// Records implements Index.
func (m *MemIndex) Records(_ context.Context, seqs []int32) (map[int32]*Record, error) {
	out := make(map[int32]*Record, len(seqs))
	for _, s := range seqs {
		if i, ok := m.bySeq[s]; ok {
			r := m.recs[i]
			r.Prints = nil
			out[s] = &r
		}
	}
	return out, nil
}

// FirstExact implements Index.
func (m *MemIndex) FirstExact(_ context.Context, h uint64) (int32, bool, error) {
	s, ok := m.exact[h]
	return s, ok, nil
}

// Buckets implements Index.
func (m *MemIndex) Buckets(_ context.Context, keys []uint64) ([][]int32, error) {
	out := make([][]int32, len(keys))
	for b, k := range keys {
		out[b] = slices.Clone(m.lsh.bands[b][k])
	}
	return out, nil
}

// Postings implements Index.
func (m *MemIndex) Postings(_ context.Context, fps []uint32) (map[uint32][]int32, error) {
	out := make(map[uint32][]int32)
	for _, fp := range fps {
		if p := m.prints.posting(fp); len(p) > 0 {
			out[fp] = p
		}
	}
	return out, nil
}
