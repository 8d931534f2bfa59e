// Package link finds what connects articles across outlets: exact and near
// duplicates (MinHash with an incremental LSH index), shared passages
// aligned with code-point offsets on both sides, spun copies (passages
// copied with systematic substitutions, listed as evidence), patchwork
// articles assembled from several sources, and stories (articles about one
// event) grown online, one article at a time, without reclustering.
//
// Nothing here does I/O: a Linker holds its state in memory, reports what
// each added article changed so a store can persist it, and can be restored
// from those records.
package link

import "unicode"

// Token is one word of an article's text: its folded form (lower case,
// letters and digits only, as in sift.Normalize) and its code-point span.
type Token struct {
	Norm  string
	Start int // code points into the text, inclusive
	End   int // exclusive
}

// Tokenize splits text into words: runs of letters and digits, with an
// apostrophe or hyphen kept inside a word ("Hay'at", "al-Sham" give one token
// each after folding drops the mark). Offsets are code points into text.
func Tokenize(text string) []Token {
	toks := make([]Token, 0, len(text)/6)
	var buf []rune
	start, pos := -1, 0
	flush := func() {
		if start >= 0 {
			toks = append(toks, Token{Norm: string(buf), Start: start, End: pos})
			buf = buf[:0]
			start = -1
		}
	}
	runes := []rune(text)
	for i, r := range runes {
		pos = i
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if start < 0 {
				start = i
			}
			buf = append(buf, unicode.ToLower(r))
		case (r == '\'' || r == '’' || r == '-') && start >= 0 && i+1 < len(runes) &&
			(unicode.IsLetter(runes[i+1]) || unicode.IsDigit(runes[i+1])):
			// inside a word: keep going, drop the mark
		default:
			flush()
		}
	}
	pos = len(runes)
	flush()
	return toks
}

// hashString hashes a folded word. Signatures and fingerprints are
// persisted, so hashes must be the same in every process: FNV-1a, mixed.
func hashString(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return mix64(h)
}

// mix64 is the SplitMix64 finaliser: a cheap, well-spread 64-bit mix.
func mix64(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}

// ShingleSize is the number of words in a shingle.
const ShingleSize = 5

// Shingles returns the hash of every run of ShingleSize consecutive words,
// in order: shingle i covers toks[i:i+ShingleSize]. Texts shorter than a
// shingle give one shingle of all their words (none for no words).
func Shingles(toks []Token) []uint64 {
	if len(toks) == 0 {
		return nil
	}
	hs := make([]uint64, len(toks))
	for i, t := range toks {
		hs[i] = hashString(t.Norm)
	}
	k := ShingleSize
	if len(toks) < k {
		k = len(toks)
	}
	out := make([]uint64, len(toks)-k+1)
	for i := range out {
		var h uint64
		for j := 0; j < k; j++ {
			h = mix64(h*0x9e3779b97f4a7c15 + hs[i+j])
		}
		out[i] = h
	}
	return out
}
