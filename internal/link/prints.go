package link

// Window is the winnowing window: of every Window consecutive shingles the
// one with the smallest hash is kept as a fingerprint, so any passage of at
// least Window+ShingleSize-1 words shared by two texts yields at least one
// shared fingerprint, while only about 2/(Window+1) of the shingles are
// indexed.
const Window = 4

// PostingCap bounds how many articles one fingerprint remembers (the
// earliest ones). A passage repeated in thousands of articles still finds
// its first sources, and lookups stay cheap.
const PostingCap = 32

// Winnow selects fingerprints from shingle hashes (Schleimer, Wilkerson and
// Aiken, SIGMOD 2003): the minimum of each window, each selected position
// once. It returns the 32-bit fingerprints, in text order, without
// repeats.
func Winnow(shingles []uint64) []uint32 {
	if len(shingles) == 0 {
		return nil
	}
	if len(shingles) <= Window {
		m := 0
		for i, h := range shingles {
			if h < shingles[m] {
				m = i
			}
		}
		return []uint32{uint32(shingles[m] >> 32)}
	}
	var out []uint32
	seen := make(map[uint32]bool)
	last := -1
	for start := 0; start+Window <= len(shingles); start++ {
		m := start
		for i := start + 1; i < start+Window; i++ {
			if shingles[i] <= shingles[m] { // rightmost minimum
				m = i
			}
		}
		if m != last {
			last = m
			fp := uint32(shingles[m] >> 32)
			if !seen[fp] {
				seen[fp] = true
				out = append(out, fp)
			}
		}
	}
	return out
}

// PassageIndex maps fingerprints to the articles that contain them. It grows
// one article at a time; nothing is rebuilt.
type PassageIndex struct {
	heads map[uint32]posting
	doc   []int32 // posting entries: article
	next  []int32 // next entry of the same fingerprint, -1 at the end
}

type posting struct {
	first, n int32
}

// NewPassageIndex returns an empty index.
func NewPassageIndex() *PassageIndex {
	return &PassageIndex{heads: make(map[uint32]posting)}
}

// Add records that doc contains prints.
func (x *PassageIndex) Add(doc int32, prints []uint32) {
	for _, fp := range prints {
		if x.heads[fp].n < PostingCap {
			x.file(doc, fp)
		}
	}
}

// file adds doc to the posting of fp, whatever its length.
func (x *PassageIndex) file(doc int32, fp uint32) {
	p, ok := x.heads[fp]
	if !ok {
		p.first = -1
	}
	x.doc = append(x.doc, doc)
	x.next = append(x.next, p.first)
	p.first = int32(len(x.doc) - 1)
	p.n++
	x.heads[fp] = p
}

// Query counts, for every article sharing a fingerprint with prints, how
// many of the fingerprints it shares.
func (x *PassageIndex) Query(prints []uint32) map[int32]int {
	hits := make(map[int32]int)
	for _, fp := range prints {
		p, ok := x.heads[fp]
		if !ok {
			continue
		}
		for e := p.first; e >= 0; e = x.next[e] {
			hits[x.doc[e]]++
		}
	}
	return hits
}

// posting returns the articles containing fp, in the order they were added.
func (x *PassageIndex) posting(fp uint32) []int32 {
	p, ok := x.heads[fp]
	if !ok {
		return nil
	}
	out := make([]int32, p.n)
	i := p.n - 1
	for e := p.first; e >= 0; e = x.next[e] {
		out[i] = x.doc[e]
		i--
	}
	return out
}
