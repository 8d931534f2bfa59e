package propaganda

import "math/bits"

// wordTable maps lower-cased words to values by their token hash
// (hashString of the word), so that a lookup for a token costs no hashing:
// open addressing with linear probing, every hit checked against the word
// itself, so colliding hashes never mix words up. It replaces a
// map[string]uint32 on the path every token takes.
type wordTable struct {
	slots []wordSlot
	shift uint // 32 - log2(len(slots))
}

// wordSlot is one entry of a wordTable; an empty word marks a free slot.
type wordSlot struct {
	word string
	hash uint32
	val  uint32
}

// newWordTable returns a table holding the words of m (the empty word
// cannot be held: it marks free slots, and no token is empty).
func newWordTable(m map[string]uint32) *wordTable {
	n := 1 << bits.Len(uint(2*len(m)|7)) // at most half full
	t := &wordTable{slots: make([]wordSlot, n), shift: uint(32 - bits.TrailingZeros(uint(n)))}
	for w, v := range m {
		if w == "" {
			continue
		}
		h := hashString(fnvOffset, w)
		i := t.slot(h)
		for t.slots[i].word != "" {
			i = (i + 1) & (len(t.slots) - 1)
		}
		t.slots[i] = wordSlot{w, h, v}
	}
	return t
}

// slot is where the probe for hash h starts (Fibonacci hashing: FNV's low
// bits alone spread short words poorly).
func (t *wordTable) slot(h uint32) int {
	return int(h * 0x9E3779B1 >> t.shift)
}

// get returns the value of word w, whose hash is h, or 0 if w is absent.
func (t *wordTable) get(w string, h uint32) uint32 {
	for i := t.slot(h); ; i = (i + 1) & (len(t.slots) - 1) {
		s := &t.slots[i]
		if s.word == "" {
			return 0
		}
		if s.hash == h && s.word == w {
			return s.val
		}
	}
}
