package propaganda

import (
	"math/bits"
	"strconv"
	"unicode/utf8"
)

// Features are hashed into a table of 1<<hashBits buckets (the "hashing
// trick"), so the model needs no vocabulary and a lookup is one multiply.
const hashBits = 18

const hashMask = 1<<hashBits - 1

// FNV-1a, 32 bits.
const (
	fnvOffset = 2166136261
	fnvPrime  = 16777619
)

// hashString continues an FNV-1a hash h with s.
func hashString(h uint32, s string) uint32 {
	for i := 0; i < len(s); i++ {
		h ^= uint32(s[i])
		h *= fnvPrime
	}
	return h
}

// hashByte continues h with one byte.
func hashByte(h uint32, b byte) uint32 {
	h ^= uint32(b)
	return h * fnvPrime
}

// Feature templates: each feature is hashed from its template name and its
// value, so different templates with the same value do not collide (except
// by chance in the table).
var (
	tBias    = hashString(fnvOffset, "bias\x00")
	tW0      = hashString(fnvOffset, "w0\x00")
	tWm1     = hashString(fnvOffset, "w-1\x00")
	tWp1     = hashString(fnvOffset, "w+1\x00")
	tWm2     = hashString(fnvOffset, "w-2\x00")
	tWp2     = hashString(fnvOffset, "w+2\x00")
	tBiL     = hashString(fnvOffset, "w-1w0\x00")
	tBiR     = hashString(fnvOffset, "w0w+1\x00")
	tSuf     = hashString(fnvOffset, "suf3\x00")
	tShape   = hashString(fnvOffset, "shape\x00")
	tShapes  = hashString(fnvOffset, "shapes\x00")
	tLex0    = hashString(fnvOffset, "lex0\x00")
	tLexL    = hashString(fnvOffset, "lex-1\x00")
	tLexR    = hashString(fnvOffset, "lex+1\x00")
	tLexWin  = hashString(fnvOffset, "lexwin\x00")
	tQuoted  = hashString(fnvOffset, "quoted\x00")
	tPos     = hashString(fnvOffset, "pos\x00")
	tRep     = hashString(fnvOffset, "rep\x00")
	tRepBi   = hashString(fnvOffset, "repbi\x00")
	tTitle   = hashString(fnvOffset, "title\x00")
	tSBias   = hashString(fnvOffset, "sbias\x00")
	tSWord   = hashString(fnvOffset, "sword\x00")
	tSLex    = hashString(fnvOffset, "slex\x00")
	tSLex2   = hashString(fnvOffset, "slex2\x00")
	tSPunct  = hashString(fnvOffset, "spunct\x00")
	tSLen    = hashString(fnvOffset, "slen\x00")
	tSFirst  = hashString(fnvOffset, "sfirst\x00")
	tSQuote  = hashString(fnvOffset, "squote\x00")
	tSTitle  = hashString(fnvOffset, "stitle\x00")
	tSBigram = hashString(fnvOffset, "sbigram\x00")
	tSCtx    = hashString(fnvOffset, "sctx\x00")
	tSPlace  = hashString(fnvOffset, "splace\x00")
	tSHits   = hashString(fnvOffset, "shits\x00")
	tVal     = hashString(fnvOffset, "val\x00")
	tValL    = hashString(fnvOffset, "val-1\x00")
	tValR    = hashString(fnvOffset, "val+1\x00")
	tSVal    = hashString(fnvOffset, "sval\x00")
	tFreq    = hashString(fnvOffset, "freq\x00")
	tFreqVal = hashString(fnvOffset, "freqval\x00")
	tFreqSh  = hashString(fnvOffset, "freqshape\x00")
	tFreqL   = hashString(fnvOffset, "freq-1\x00")
	tFreqR   = hashString(fnvOffset, "freq+1\x00")
)

// featurizer computes the features of one document. Token features are
// local to a token; sentence features are shared by all tokens of a
// sentence, so their weights are summed once per sentence.
type featurizer struct {
	d     *document
	masks []uint32
	// names, when not nil, receives a readable name for every feature
	// emitted (for evidence); the hot path leaves it nil.
	names *[]featureName
	// repeated[i] is 1 when the bigram of tokens i and i+1 (both words,
	// not both function words) occurs more than once in the document.
	repeated []bool
	// freq[i] is how often token i occurs in news reporting (a freqBin).
	freq []uint8
	// seed, when not 0, is mixed into every feature hash: the same
	// features with other collisions (the shipped model uses 0; `sift
	// eval techniques --hash-seed` measures how much that choice matters).
	seed uint32
}

// newFeaturizer prepares the features of d, with the frequencies of its
// words in news reporting from news.
func newFeaturizer(d *document, news *NewsWords) *featurizer {
	return new(buffers).featurizer(d, news)
}

// featurizer is newFeaturizer in b's memory.
func (b *buffers) featurizer(d *document, news *NewsWords) *featurizer {
	n := len(d.tokens)
	b.masks, b.repeated, b.freq = resize(b.masks, n), resize(b.repeated, n), resize(b.freq, n)
	b.feat = featurizer{d: d, masks: lexMasks(b.masks, d), repeated: b.repeated, freq: b.freq}
	f := &b.feat
	for i := range d.tokens {
		if d.tokens[i].word {
			f.freq[i] = news.bin(d.tokens[i].hash)
		}
	}

	bigram := func(i int) (uint32, bool) {
		if i+1 >= len(d.tokens) {
			return 0, false
		}
		a, b := &d.tokens[i], &d.tokens[i+1]
		if !a.word || !b.word || a.info&stopBit != 0 && b.info&stopBit != 0 {
			return 0, false
		}
		return mix(a.hash, b.hash), true
	}
	// Which bigrams occur more than once: open addressing over the bigram
	// hashes (slot holds a hash's first token plus one, or 0).
	size := 1 << bits.Len(uint(2*len(d.tokens)|7)) // at most half full
	shift := uint(32 - bits.TrailingZeros(uint(size)))
	b.slot, b.hashes = resize(b.slot, size), resize(b.hashes, n)
	slot, hashes := b.slot, b.hashes
	for i := range d.tokens {
		h, ok := bigram(i)
		if !ok {
			continue
		}
		hashes[i] = h
		j := int(h * 0x9E3779B1 >> shift)
		for slot[j] != 0 && hashes[slot[j]-1] != h {
			j = (j + 1) & (size - 1)
		}
		if slot[j] == 0 {
			slot[j] = int32(i + 1)
		} else {
			// The bigram's second occurrence (or later): all repeat it.
			f.repeated[slot[j]-1] = true
			f.repeated[i] = true
		}
	}
	return f
}

// mix combines two hashes.
func mix(a, b uint32) uint32 {
	h := a ^ (b * 0x9E3779B1)
	h ^= h >> 15
	h *= 0x85EBCA6B
	h ^= h >> 13
	return h
}

// Hashes of the sentence boundary markers.
var (
	hashBOS = hashString(fnvOffset, "<s>")
	hashEOS = hashString(fnvOffset, "</s>")
)

// wordHash returns the hash of the lower-cased word at i, or of a
// boundary marker.
func (f *featurizer) wordHash(i int, s sentence) uint32 {
	if i < s.first {
		return hashBOS
	}
	if i >= s.last {
		return hashEOS
	}
	return f.d.tokens[i].hash
}

// byteString[b] is string(b), made once: converting a byte to a string
// allocates, and feature values are made for every token.
var byteString = func() (t [256]string) {
	for b := range t {
		t[b] = string(rune(b))
	}
	return t
}()

// featureName is the readable name of a feature: its kind and value.
type featureName struct {
	kind, value string
}

// String formats the name for evidence: `word "thugs"`.
func (n featureName) String() string {
	if n.value == "" {
		return n.kind
	}
	return n.kind + " " + strconv.Quote(n.value)
}

// bucket returns the table bucket of feature hash h.
func (f *featurizer) bucket(h uint32) uint32 {
	if f.seed != 0 {
		h = mix(h, f.seed)
	}
	return h & hashMask
}

// add appends feature h (with readable name parts, if names are wanted).
func (f *featurizer) add(out []uint32, h uint32, kind, value string) []uint32 {
	if f.names != nil {
		*f.names = append(*f.names, featureName{kind, value})
	}
	return append(out, f.bucket(h))
}

// add2 is add for a value of two words, joined only if names are wanted.
func (f *featurizer) add2(out []uint32, h uint32, kind, a, b string) []uint32 {
	if f.names != nil {
		*f.names = append(*f.names, featureName{kind, a + " " + b})
	}
	return append(out, f.bucket(h))
}

// lexKinds names the lexicon features of a word, the previous and the
// next word, by class.
var lexKinds = func() (k [3][numLex]string) {
	for c, n := range lexNames {
		k[0][c] = "lexicon " + n
		k[1][c] = "previous word in lexicon " + n
		k[2][c] = "next word in lexicon " + n
	}
	return k
}()

// valenceKinds names the valence features of a word, the previous and
// the next word, by bin.
var valenceKinds = func() (k [3][len(valenceNames)]string) {
	for b, n := range valenceNames {
		k[0][b], k[1][b], k[2][b] = n, "after "+n, "before "+n
	}
	return k
}()

// word returns the lower-cased word at i, or a boundary marker.
func (f *featurizer) word(i int, s sentence) string {
	if i < s.first {
		return "<s>"
	}
	if i >= s.last {
		return "</s>"
	}
	return f.d.tokens[i].lower
}

// tokenFeatures appends the features of token i of sentence s to out.
func (f *featurizer) tokenFeatures(out []uint32, i int, s sentence, title bool) []uint32 {
	d := f.d
	t := &d.tokens[i]
	w0, wm1, wp1 := t.lower, f.word(i-1, s), f.word(i+1, s)
	h0, hm1, hp1 := t.hash, f.wordHash(i-1, s), f.wordHash(i+1, s)
	out = f.add(out, tBias, "bias", "")
	out = f.add(out, mix(tW0, h0), "word", w0)
	out = f.add(out, mix(tWm1, hm1), "previous word", wm1)
	out = f.add(out, mix(tWp1, hp1), "next word", wp1)
	out = f.add(out, mix(tWm2, f.wordHash(i-2, s)), "word before previous", f.word(i-2, s))
	out = f.add(out, mix(tWp2, f.wordHash(i+2, s)), "word after next", f.word(i+2, s))
	if f.names != nil {
		out = f.add2(out, mix(mix(tBiL, hm1), h0), "bigram", wm1, w0)
		out = f.add2(out, mix(mix(tBiR, h0), hp1), "bigram", w0, wp1)
	} else {
		out = append(out, f.bucket(mix(mix(tBiL, hm1), h0)), f.bucket(mix(mix(tBiR, h0), hp1)))
	}
	if t.word && utf8.RuneCountInString(w0) > 4 {
		cut := len(w0)
		for n := 0; n < 3; n++ {
			_, size := utf8.DecodeLastRuneInString(w0[:cut])
			cut -= size
		}
		suf := w0[cut:]
		out = f.add(out, hashString(tSuf, suf), "suffix", suf)
	}

	sh := t.shape
	out = f.add(out, hashByte(tShape, sh), "shape", byteString[sh])
	shl, shr := byte('^'), byte('$')
	if i > s.first {
		shl = d.tokens[i-1].shape
	}
	if i+1 < s.last {
		shr = d.tokens[i+1].shape
	}
	out = f.add(out, hashByte(hashByte(hashByte(tShapes, shl), sh), shr), "shapes", "")
	if f.names != nil {
		(*f.names)[len(*f.names)-1].value = string([]byte{shl, sh, shr})
	}
	m := f.masks[i]
	var ml, mr, mwin uint32
	if i > s.first {
		ml = f.masks[i-1]
	}
	if i+1 < s.last {
		mr = f.masks[i+1]
	}
	for j := max(s.first, i-3); j < min(s.last, i+4); j++ {
		mwin |= f.masks[j]
	}
	// The window holds the word and its neighbours, so its classes are
	// all there are.
	for classes := mwin; classes != 0; classes &= classes - 1 {
		c := bits.TrailingZeros32(classes)
		bit := uint32(1) << c
		if m&bit != 0 {
			out = f.add(out, hashByte(tLex0, byte(c)), lexKinds[0][c], t.text)
		}
		if ml&bit != 0 {
			out = f.add(out, hashByte(tLexL, byte(c)), lexKinds[1][c], wm1)
		}
		if mr&bit != 0 {
			out = f.add(out, hashByte(tLexR, byte(c)), lexKinds[2][c], wp1)
		}
		if mwin&bit != 0 {
			out = f.add(out, hashByte(tLexWin, byte(c)), "near lexicon", lexNames[c])
		}
	}
	// How often news reporting uses the word and its neighbours.
	if t.word {
		fb := f.freq[i]
		out = f.add(out, hashByte(tFreq, fb), "news frequency", freqNames[fb])
		out = f.add(out, hashByte(hashByte(tFreqVal, fb), valenceBin(t)), "news frequency and valence", "")
		out = f.add(out, hashByte(hashByte(tFreqSh, fb), sh), "news frequency and shape", "")
		if i > s.first && d.tokens[i-1].word {
			out = f.add(out, hashByte(tFreqL, f.freq[i-1]), "news frequency of the previous word", freqNames[f.freq[i-1]])
		}
		if i+1 < s.last && d.tokens[i+1].word {
			out = f.add(out, hashByte(tFreqR, f.freq[i+1]), "news frequency of the next word", freqNames[f.freq[i+1]])
		}
	}
	// Sentiment of the word and its neighbours.
	if vb := valenceBin(t); vb != 0 {
		out = f.add(out, hashByte(tVal, vb), valenceKinds[0][vb], t.text)
	}
	if i > s.first {
		if vb := valenceBin(&d.tokens[i-1]); vb != 0 {
			out = f.add(out, hashByte(tValL, vb), valenceKinds[1][vb], wm1)
		}
	}
	if i+1 < s.last {
		if vb := valenceBin(&d.tokens[i+1]); vb != 0 {
			out = f.add(out, hashByte(tValR, vb), valenceKinds[2][vb], wp1)
		}
	}
	if t.quoted {
		out = f.add(out, tQuoted, "inside quotes", "")
	}
	// Position in the sentence.
	var pos byte
	switch n := s.last - s.first; {
	case i == s.first:
		pos = 'F'
	case i == s.first+1:
		pos = 'S'
	case i == s.last-1:
		pos = 'L'
	case i == s.last-2:
		pos = 'M'
	default:
		pos = byte('0' + 5*(i-s.first)/n)
	}
	out = f.add(out, hashByte(tPos, pos), "position", byteString[pos])
	// Repetition within the article.
	if n := t.count; n > 1 {
		b := byte('2')
		if n >= 4 {
			b = '4'
		}
		out = f.add(out, hashByte(hashByte(tRep, b), sh), "repeated word", w0)
	}
	if i+1 < s.last && f.repeated[i] {
		out = f.add2(out, tRepBi, "repeated phrase", w0, wp1)
	}
	if i > s.first && f.repeated[i-1] {
		out = f.add2(out, tRepBi+1, "repeated phrase", wm1, w0)
	}
	if title {
		out = f.add(out, tTitle, "headline", "")
	}
	return out
}

// sentenceFeatures appends the features shared by the tokens of s.
func (f *featurizer) sentenceFeatures(out []uint32, si int, title bool) []uint32 {
	d := f.d
	s := d.sentences[si]
	out = f.add(out, tSBias, "sentence", "")
	// Neighbouring sentences' lexicon classes and the place in the article.
	for _, n := range [2]int{-1, 1} {
		j := si + n
		if j < 0 || j >= len(d.sentences) {
			continue
		}
		var m uint32
		for i := d.sentences[j].first; i < d.sentences[j].last; i++ {
			m |= f.masks[i]
		}
		for c := 0; c < numLex; c++ {
			if m&(1<<c) != 0 {
				out = f.add(out, hashByte(hashByte(tSCtx, byte(n+1)), byte(c)), "neighbouring sentence has lexicon", lexNames[c])
			}
		}
	}
	place := byte('0' + min(si, 5))
	out = f.add(out, hashByte(tSPlace, place), "sentence number", byteString[place])
	var lexAny, lexTwo uint32
	bang, ask, quote := false, false, false
	var prev *token
	for i := s.first; i < s.last; i++ {
		t := &d.tokens[i]
		if lexAny&f.masks[i] != 0 {
			lexTwo |= lexAny & f.masks[i]
		}
		lexAny |= f.masks[i]
		switch t.text {
		case "!":
			bang = true
		case "?":
			ask = true
		case "\"", "“", "”":
			quote = true
		}
		if t.word && t.info&stopBit == 0 {
			out = f.add(out, mix(tSWord, t.hash), "sentence word", t.lower)

			if prev != nil {
				out = f.add2(out, mix(mix(tSBigram, prev.hash), t.hash), "sentence bigram", prev.lower, t.lower)
			}
			prev = t
		} else if t.word {
			prev = nil
		}
	}
	hits := 0
	for i := s.first; i < s.last; i++ {
		if f.masks[i]&(1<<lexLoaded|1<<lexLabel|1<<lexAbsolute|1<<lexFear|1<<lexHitler) != 0 {
			hits++
		}
	}
	// How many clearly felt and how many negative words the sentence has.
	var strong, neg int
	for i := s.first; i < s.last; i++ {
		switch valenceBin(&d.tokens[i]) {
		case 2, 3:
			strong++
			neg++
		case 1:
			neg++
		case 5, 6:
			strong++
		}
	}
	sb, nb := byte('0'+min(strong, 4)), byte('0'+min(neg, 4))
	out = f.add(out, hashByte(hashByte(tSVal, 's'), sb), "emotive words in sentence", byteString[sb])
	out = f.add(out, hashByte(hashByte(tSVal, 'n'), nb), "negative words in sentence", byteString[nb])
	hb := byte('0' + min(hits, 4))
	out = f.add(out, hashByte(tSHits, hb), "loaded words in sentence", byteString[hb])
	for c := 0; c < numLex; c++ {
		bit := uint32(1) << c
		if lexAny&bit != 0 {
			out = f.add(out, hashByte(tSLex, byte(c)), "sentence has lexicon", lexNames[c])
		}
		if lexTwo&bit != 0 {
			out = f.add(out, hashByte(tSLex2, byte(c)), "sentence has lexicon twice", lexNames[c])
		}
	}
	if bang {
		out = f.add(out, hashByte(tSPunct, '!'), "sentence has", "!")
	}
	if ask {
		out = f.add(out, hashByte(tSPunct, '?'), "sentence has", "?")
	}
	if quote {
		out = f.add(out, tSQuote, "sentence has quotes", "")
	}
	n := s.last - s.first
	var lb byte
	switch {
	case n < 6:
		lb = 'a'
	case n < 12:
		lb = 'b'
	case n < 25:
		lb = 'c'
	case n < 40:
		lb = 'd'
	default:
		lb = 'e'
	}
	out = f.add(out, hashByte(tSLen, lb), "sentence length", byteString[lb])
	out = f.add(out, mix(tSFirst, d.tokens[s.first].hash), "sentence starts with", d.tokens[s.first].lower)
	if title {
		out = f.add(out, tSTitle, "headline sentence", "")
	}
	return out
}
