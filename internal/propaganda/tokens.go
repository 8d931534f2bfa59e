package propaganda

import (
	"math/bits"
	"strings"
	"unicode"
	"unicode/utf8"
)

// token is one word or punctuation mark of a text, with code point offsets.
type token struct {
	start, end int    // code points into the text, end exclusive
	at         int    // byte offset of text in the document's text
	text       string // as written
	lower      string // lower-cased
	word       bool   // letters or digits (not punctuation)
	quoted     bool   // inside double quotes
	hash       uint32 // hash of lower
	info       uint32 // lexicon classes and flags (wordInfo)
	shape      byte   // how it is written (see shape)
	// count is how often the word occurs in the document (case ignored)
	// if it is a content word (isContent), else 0.
	count int32
}

// sentence is a run of tokens [first, last) ending at a sentence boundary
// or a line break.
type sentence struct {
	first, last int
}

// document is a text split into tokens and sentences.
type document struct {
	text      string
	tokens    []token
	sentences []sentence
	wordIdx   *wordIndex // built on first use by words
	scratch   []int32    // countWords' memory, kept for reuse
}

// isWordRune reports whether r belongs inside a word.
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r|0x20 && r|0x20 <= 'z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// isJoiner reports whether r may join two word parts ("don't", "far-right").
func isJoiner(r rune) bool {
	return r == '\'' || r == '’' || r == '-'
}

// tokenize splits text into tokens and sentences. Offsets are code points.
func tokenize(text string) *document {
	return tokenizeInto(&document{tokens: make([]token, 0, len(text)/5)}, text)
}

// tokenizeInto is tokenize in the memory of d, which it returns.
func tokenizeInto(d *document, text string) *document {
	*d = document{text: text, tokens: d.tokens[:0], sentences: d.sentences[:0], scratch: d.scratch}
	cp := 0 // code point offset of byte i
	quoted := false
	sentStart := 0
	endSentence := func() {
		if len(d.tokens) > sentStart {
			d.sentences = append(d.sentences, sentence{sentStart, len(d.tokens)})
		}
		sentStart = len(d.tokens)
	}
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		if len(d.tokens)-sentStart >= maxSentenceTokens && !unicode.IsSpace(r) {
			endSentence() // text without sentence punctuation
		}
		switch {
		case r == '\n':
			endSentence()
			quoted = false
			i += n
			cp++
		case unicode.IsSpace(r):
			i += n
			cp++
		case isWordRune(r):
			bi, bc := i, cp
			for i < len(text) {
				r, n := utf8.DecodeRuneInString(text[i:])
				if isWordRune(r) {
					i += n
					cp++
					continue
				}
				if isJoiner(r) && i+n < len(text) {
					r2, _ := utf8.DecodeRuneInString(text[i+n:])
					if isWordRune(r2) {
						i += n
						cp++
						continue
					}
				}
				break
			}
			w := text[bi:i]
			d.tokens = append(d.tokens, token{start: bc, end: cp, at: bi, text: w, lower: lower(w), word: true, quoted: quoted})
		default:
			w := text[i : i+n]
			if r == '"' || r == '“' || r == '”' {
				if r == '“' {
					quoted = true
				} else if r == '”' {
					quoted = false
				} else {
					quoted = !quoted
				}
			}
			d.tokens = append(d.tokens, token{start: cp, end: cp + 1, at: i, text: w, lower: w, quoted: quoted})
			i += n
			cp++
			if r == '.' || r == '!' || r == '?' {
				// End the sentence unless the next word continues it
				// (lower-case start, as after "Mr." or "U.S.").
				j := i
				for j < len(text) {
					r2, n2 := utf8.DecodeRuneInString(text[j:])
					if r2 == '"' || r2 == '”' || r2 == '\'' || r2 == '’' || r2 == ')' {
						j += n2
						continue
					}
					break
				}
				if j < len(text) {
					r2, _ := utf8.DecodeRuneInString(text[j:])
					if !unicode.IsSpace(r2) {
						continue
					}
				}
				k := j
				for k < len(text) {
					r2, n2 := utf8.DecodeRuneInString(text[k:])
					if r2 == ' ' || r2 == '\t' {
						k += n2
						continue
					}
					break
				}
				if k < len(text) {
					r2, _ := utf8.DecodeRuneInString(text[k:])
					if unicode.IsLower(r2) || unicode.IsDigit(r2) {
						continue
					}
				}
				// Take closing quotes into the sentence.
				for i < j {
					r2, n2 := utf8.DecodeRuneInString(text[i:])
					q := quoted
					if r2 == '"' || r2 == '”' {
						quoted = false
					}
					d.tokens = append(d.tokens, token{start: cp, end: cp + 1, at: i, text: text[i : i+n2], lower: text[i : i+n2], quoted: q})
					i += n2
					cp++
				}
				if !quoted {
					endSentence()
				}
			}
		}
	}
	endSentence()
	info := wordInfo()
	for i := range d.tokens {
		t := &d.tokens[i]
		t.hash = hashString(fnvOffset, t.lower)
		t.shape = shape(t)
		if t.word {
			t.info = info.get(t.lower, t.hash)
		}
	}
	d.scratch = countWords(d.tokens, d.scratch)
	return d
}

// countWords sets the count of every content word of tokens to how often
// it occurs among them (case ignored), by open addressing over the tokens'
// hashes, every hit checked against the word: slot holds one token of each
// word plus one, or 0, and that token's count is the word's running total.
// It works in scratch's memory, which it returns.
func countWords(tokens []token, scratch []int32) []int32 {
	n := 0
	for i := range tokens {
		if t := &tokens[i]; t.word && isContent(t) {
			n++
		}
	}
	size := 1 << bits.Len(uint(2*n|7)) // at most half full
	scratch = resize(scratch, size+len(tokens))
	slot, first := scratch[:size], scratch[size:]
	shift := uint(32 - bits.TrailingZeros(uint(size)))
	for i := range tokens {
		t := &tokens[i]
		if !t.word || !isContent(t) {
			continue
		}
		j := int(t.hash * 0x9E3779B1 >> shift)
		for slot[j] != 0 {
			if u := &tokens[slot[j]-1]; u.hash == t.hash && u.lower == t.lower {
				break
			}
			j = (j + 1) & (size - 1)
		}
		if slot[j] == 0 {
			slot[j] = int32(i + 1)
		}
		first[i] = slot[j] - 1
		tokens[first[i]].count++
	}
	for i := range tokens {
		if t := &tokens[i]; t.word && isContent(t) {
			t.count = tokens[first[i]].count
		}
	}
	return scratch
}

// textOf returns the text of tokens [a, b) of d, from the start of the
// first to the end of the last.
func textOf(d *document, a, b int) string {
	last := &d.tokens[b-1]
	return d.text[d.tokens[a].at : last.at+len(last.text)]
}

// isContent reports whether word t is counted (token.count): longer
// than three bytes and not a function word.
func isContent(t *token) bool {
	return len(t.lower) > 3 && t.info&stopBit == 0
}

// lower returns s lower-cased, without allocating when it already is.
func lower(s string) string {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf || 'A' <= c && c <= 'Z' {
			return strings.ToLower(s)
		}
	}
	return s
}

// shape summarises how a token is written: "X" capitalised, "A" all
// capitals, "d" digits, "x" lower case, "p" punctuation.
func shape(t *token) byte {
	if !t.word {
		return 'p'
	}
	r, _ := utf8.DecodeRuneInString(t.text)
	switch {
	case unicode.IsDigit(r):
		return 'd'
	case unicode.IsUpper(r):
		if len(t.text) > 1 && isUpper(t.text) {
			return 'A'
		}
		return 'X'
	}
	return 'x'
}

// isUpper reports whether s == strings.ToUpper(s), without building the
// upper-cased copy: every rune is its own upper case, and no byte is
// invalid UTF-8 (which ToUpper would replace).
func isUpper(s string) bool {
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 || unicode.ToUpper(r) != r {
			return false
		}
		i += n
	}
	return true
}
