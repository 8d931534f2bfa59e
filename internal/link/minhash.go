package link

// NumHashes is the length of a MinHash signature; Bands × Rows must equal it.
const (
	NumHashes = 128
	Bands     = 32
	Rows      = NumHashes / Bands
)

// BucketCap bounds how many articles one LSH bucket remembers. Buckets keep
// their earliest members (the likely sources); past the cap a bucket only
// answers queries, so a text copied ten thousand times costs no more to
// look up than one copied sixty times.
const BucketCap = 64

// hashSeeds are the per-permutation keys of the MinHash family, derived
// deterministically so that persisted signatures stay comparable.
var hashSeeds = func() [NumHashes]uint64 {
	var s [NumHashes]uint64
	x := uint64(0x5157_4e45_5753) // "SIFTNEWS"-ish; any fixed value works
	for i := range s {
		x += 0x9e3779b97f4a7c15
		s[i] = mix64(x)
	}
	return s
}()

// Signature is the MinHash signature of a set of shingles: for each of
// NumHashes hash functions, the smallest value over the set (low 32 bits).
// The fraction of equal positions in two signatures estimates the Jaccard
// similarity of the two sets.
type Signature []uint32

// MinHash computes the signature of the given shingle hashes. An empty set
// gives a signature of all ones, which matches nothing but itself.
func MinHash(shingles []uint64) Signature {
	sig := make(Signature, NumHashes)
	for i := range sig {
		sig[i] = ^uint32(0)
	}
	for _, s := range shingles {
		for i, k := range hashSeeds {
			if v := uint32(mix64(s ^ k)); v < sig[i] {
				sig[i] = v
			}
		}
	}
	return sig
}

// Jaccard estimates the Jaccard similarity of the sets behind a and b.
func Jaccard(a, b Signature) float64 {
	if len(a) != len(b) || len(a) == 0 {
		return 0
	}
	same := 0
	for i := range a {
		if a[i] == b[i] {
			same++
		}
	}
	return float64(same) / float64(len(a))
}

// LSH is an incremental locality-sensitive hashing index over MinHash
// signatures: Bands buckets per signature, each keyed by Rows values. Two
// sets of Jaccard similarity J share a bucket with probability
// 1-(1-J^Rows)^Bands: about 0.87 at J=0.5, 0.23 at J=0.3. Adding a
// signature touches only its own buckets; nothing is ever rebuilt.
type LSH struct {
	bands [Bands]map[uint64][]int32
}

// NewLSH returns an empty index.
func NewLSH() *LSH {
	l := &LSH{}
	for i := range l.bands {
		l.bands[i] = make(map[uint64][]int32)
	}
	return l
}

// bandKey hashes the rows of band b of sig.
func bandKey(sig Signature, b int) uint64 {
	h := uint64(b + 1)
	for _, v := range sig[b*Rows : (b+1)*Rows] {
		h = mix64(h*0x9e3779b97f4a7c15 + uint64(v))
	}
	return h
}

// empty reports whether sig is the signature of an empty set.
func (sig Signature) empty() bool {
	for _, v := range sig {
		if v != ^uint32(0) {
			return false
		}
	}
	return true
}

// BandKeys returns the key of each band of sig, the buckets an Index files
// its article under (band b under keys[b]); nil for the signature of an
// empty set, which is filed nowhere.
func BandKeys(sig Signature) []uint64 {
	if len(sig) != NumHashes || sig.empty() {
		return nil
	}
	keys := make([]uint64, Bands)
	for b := range keys {
		keys[b] = bandKey(sig, b)
	}
	return keys
}

// Add files document doc under sig's buckets. Signatures of empty sets
// (texts without words) are not filed: they would all match each other.
func (l *LSH) Add(doc int32, sig Signature) {
	if len(sig) != NumHashes || sig.empty() {
		return
	}
	for b := range l.bands {
		k := bandKey(sig, b)
		if bucket := l.bands[b][k]; len(bucket) < BucketCap {
			l.bands[b][k] = append(bucket, doc)
		}
	}
}

// Query returns the documents sharing at least one bucket with sig, each
// once, in order of first appearance.
func (l *LSH) Query(sig Signature) []int32 {
	if len(sig) != NumHashes || sig.empty() {
		return nil
	}
	var out []int32
	seen := make(map[int32]bool)
	for b := range l.bands {
		for _, d := range l.bands[b][bandKey(sig, b)] {
			if !seen[d] {
				seen[d] = true
				out = append(out, d)
			}
		}
	}
	return out
}
