package propaganda

import (
	"math/bits"
	"slices"
)

// NewsWords records how often words occur in plain news reporting: the
// Reuters wire text of CoNLL-2003 and the newspaper articles of PolNeAR,
// about a million words. Loaded language is, by definition, not the
// language of a wire report: "skyrocketing", "swamped", "downright",
// "warmongering" are rare or absent there, "said", "percent", "officials"
// are everywhere. How often a word occurs in such text is a feature of
// every token, which lets the tagger judge words it never saw annotated.
// It is a word list, not labels: no propaganda annotation is used.
type NewsWords struct {
	// bins maps the hash of a lower-cased word (token.hash) to its
	// frequency bin (freqBin); words absent from the corpus are not in it.
	bins map[uint32]uint8
	// slots hold bins again for lookups (see index): open addressing
	// over the hashes, a slot with bin 0 free.
	slots []newsSlot
	shift uint // 32 - log2(len(slots))
}

// newsSlot is one entry of NewsWords.slots.
type newsSlot struct {
	hash uint32
	bin  uint8
}

// index builds nw.slots from nw.bins; the constructors call it once the
// bins are set. (Words of bin 0 need no slot: absent words have bin 0.)
// The hashes go in in order, so that equal bins make equal slots.
func (nw *NewsWords) index() {
	n := 1 << bits.Len(uint(2*len(nw.bins)|7)) // at most half full
	nw.slots, nw.shift = make([]newsSlot, n), uint(32-bits.TrailingZeros(uint(n)))
	for _, h := range nw.sorted() {
		b := nw.bins[h]
		if b == 0 {
			continue
		}
		i := int(h * 0x9E3779B1 >> nw.shift)
		for nw.slots[i].bin != 0 {
			i = (i + 1) & (n - 1)
		}
		nw.slots[i] = newsSlot{h, b}
	}
}

// Frequency bins of a word in the news corpus.
const (
	freqUnseen   = iota // not in the corpus
	freqRare            // 1–2 times
	freqFew             // 3–9
	freqSome            // 10–29
	freqCommon          // 30–99
	freqFrequent        // 100–999
	freqTop             // 1,000 or more
	numFreqBins
)

// freqNames describe the bins (feature names; hidden from evidence).
var freqNames = [numFreqBins]string{"never", "1-2 times", "3-9 times", "10-29 times", "30-99 times", "100-999 times", "1000+ times"}

// freqBin maps a count to its bin.
func freqBin(n int) uint8 {
	switch {
	case n == 0:
		return freqUnseen
	case n < 3:
		return freqRare
	case n < 10:
		return freqFew
	case n < 30:
		return freqSome
	case n < 100:
		return freqCommon
	case n < 1000:
		return freqFrequent
	}
	return freqTop
}

// bin returns the frequency bin of the word with hash h.
func (nw *NewsWords) bin(h uint32) uint8 {
	if nw == nil {
		return freqUnseen
	}
	for i := int(h * 0x9E3779B1 >> nw.shift); ; i = (i + 1) & (len(nw.slots) - 1) {
		if s := nw.slots[i]; s.bin == 0 || s.hash == h {
			return s.bin
		}
	}
}

// sorted returns the words' hashes in increasing order, for encoding.
func (nw *NewsWords) sorted() []uint32 {
	hs := make([]uint32, 0, len(nw.bins))
	for h := range nw.bins {
		hs = append(hs, h)
	}
	slices.Sort(hs)
	return hs
}
