// Package cluster learns word clusters from unlabelled text and stores
// them compactly, for the entity tagger's features: words that occur in
// the same contexts ("Quillmark", "Halvers" and "Barclays" before "Bank",
// "said", "shares") fall in the same cluster, so the tagger can treat a
// name it never saw in its labelled training data like the names it did
// see in the same company.
//
// The clusters are the leaves of a binary tree, as in Brown clustering,
// and a word's cluster is its path from the root: its prefixes of 4, 8 or
// 12 bits name coarser and finer clusters (Ratinov and Roth, "Design
// Challenges and Misconceptions in Named Entity Recognition", CoNLL 2009).
// The tree is built by recursive bisection (spherical 2-means) of the
// words' context vectors: positive pointwise mutual information with the
// commonest words, and the shape of rarer ones, just before and just
// after the word. Training is deterministic; the same sentences give the
// same table, byte for byte.
package cluster

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math/bits"
	"sort"
)

// A Path is a word's cluster: a node of the binary tree, numbered as in a
// heap (the root is 1, the children of n are 2n and 2n+1), so that its
// depth is its bit length less one and its ancestor d levels down from
// the root is Path >> (depth-d).
type Path uint32

// Depth is the number of branchings from the root to p.
func (p Path) Depth() int { return bits.Len32(uint32(p)) - 1 }

// Prefix returns p's ancestor at depth d, or p itself when it is no deeper
// than d.
func (p Path) Prefix(d int) Path {
	if k := p.Depth() - d; k > 0 {
		return p >> k
	}
	return p
}

// Case classes: how a word is usually written inside sentences of the
// unlabelled text, whatever its case here.
const (
	CaseUnknown = iota // seen too rarely inside sentences
	CaseLower          // capitalised less than one time in ten
	CaseMixed          // capitalised one to five times in ten
	CaseMostly         // five to nine
	CaseCapital        // nine or more: a name, or part of one
)

// Entry is what a Table knows of a word: its cluster and case class, and
// its index among the table's words (in byte order), 0 to Len()-1, for
// tables of facts about the words kept elsewhere.
type Entry struct {
	Path  Path
	Case  uint8
	Index int32
}

// Table maps words, as written, to their clusters and case classes.
type Table struct {
	words map[string]Entry
}

// Len is the number of words in t.
func (t *Table) Len() int { return len(t.words) }

// Each calls f with every word of t and its entry, in no set order.
func (t *Table) Each(f func(word string, e Entry)) {
	for w, e := range t.words {
		f(w, e)
	}
}

// Lookup returns the entry of word, and false when t does not hold it.
func (t *Table) Lookup(word string) (Entry, bool) {
	if t == nil {
		return Entry{}, false
	}
	e, ok := t.words[word]
	return e, ok
}

// File format (gzip-compressed): "siftclu1", the number of words
// (uvarint), then per word in byte order the length of the prefix it
// shares with the word before (uvarint), the length of the rest (uvarint),
// the rest, its path (uvarint) and its case class (one byte).
const magic = "siftclu2"

// Encode writes t in the file format, the same bytes for the same table.
func (t *Table) Encode(w io.Writer) error {
	words := make([]string, 0, len(t.words))
	for s := range t.words {
		words = append(words, s)
	}
	sort.Strings(words)
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return fmt.Errorf("writing clusters: %w", err)
	}
	bw := bufio.NewWriter(zw)
	var tmp [binary.MaxVarintLen64]byte
	uv := func(v uint64) { bw.Write(tmp[:binary.PutUvarint(tmp[:], v)]) }
	bw.WriteString(magic)
	uv(uint64(len(words)))
	prev := ""
	for _, s := range words {
		k := 0
		for k < len(s) && k < len(prev) && s[k] == prev[k] {
			k++
		}
		uv(uint64(k))
		uv(uint64(len(s) - k))
		bw.WriteString(s[k:])
		uv(uint64(t.words[s].Path))
		bw.WriteByte(t.words[s].Case)
		prev = s
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("writing clusters: %w", err)
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("writing clusters: %w", err)
	}
	return nil
}

// Decode reads a table written by Encode.
func Decode(data []byte) (*Table, error) {
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("reading clusters: %w", err)
	}
	br := bufio.NewReader(zr)
	head := make([]byte, len(magic))
	if _, err := io.ReadFull(br, head); err != nil || string(head) != magic {
		return nil, errors.New("reading clusters: not a sift cluster table")
	}
	n, err := binary.ReadUvarint(br)
	if err != nil || n > 1<<24 {
		return nil, fmt.Errorf("reading clusters: bad size (%v)", err)
	}
	t := &Table{words: make(map[string]Entry, n)}
	var prev []byte
	for i := range n {
		k, err1 := binary.ReadUvarint(br)
		m, err2 := binary.ReadUvarint(br)
		if err := errors.Join(err1, err2); err != nil {
			return nil, fmt.Errorf("reading clusters: word %d: %w", i, err)
		}
		if k > uint64(len(prev)) || m > 1<<16 || (i > 0 && k == uint64(len(prev)) && m == 0) {
			return nil, fmt.Errorf("reading clusters: word %d: bad lengths", i)
		}
		word := append(prev[:k:k], make([]byte, m)...)
		if _, err := io.ReadFull(br, word[k:]); err != nil {
			return nil, fmt.Errorf("reading clusters: word %d: %w", i, err)
		}
		p, err := binary.ReadUvarint(br)
		if err != nil || p == 0 || p > 1<<31 {
			return nil, fmt.Errorf("reading clusters: word %d: bad path", i)
		}
		c, err := br.ReadByte()
		if err != nil || c > CaseCapital {
			return nil, fmt.Errorf("reading clusters: word %d: bad case class", i)
		}
		if i > 0 && string(word) <= string(prev) {
			return nil, fmt.Errorf("reading clusters: word %d out of order", i)
		}
		t.words[string(word)] = Entry{Path: Path(p), Case: c, Index: int32(i)}
		prev = word
	}
	return t, nil
}
