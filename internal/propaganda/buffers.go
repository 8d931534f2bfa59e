package propaganda

// buffers holds the memory of one article's analysis that the next
// article can reuse: its tokens and sentences, its features' inputs and
// its technique scores, about a hundred and fifty kilobytes for an
// article of 600 words. Stage keeps them in a sync.Pool; nothing an analysis returns
// points into them.
type buffers struct {
	doc   document
	probs probabilities
	// The featurizer and its slices; slot and hashes find the repeated
	// bigrams.
	feat     featurizer
	masks    []uint32
	repeated []bool
	freq     []uint8
	slot     []int32
	hashes   []uint32
}

// probabilities returns zeroed probabilities for d in b's memory.
func (b *buffers) probabilities(d *document) probabilities {
	p := &b.probs
	p.tok = resize(p.tok, len(d.tokens)*numTech)
	p.sent = resize(p.sent, len(d.sentences)*numTech)
	p.any = resize(p.any, len(d.sentences))
	p.masks = nil
	return *p
}

// resize returns s with length n, zeroed, reusing its memory if it can.
func resize[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	s = s[:n]
	clear(s)
	return s
}
