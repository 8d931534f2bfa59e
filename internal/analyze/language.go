package analyze

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// stopwords are frequent function words of the languages sift meets most in
// news about contested conflicts; enough to tell them apart, not a model.
var stopwords = map[string][]string{
	"en": {"the", "and", "of", "to", "in", "is", "that", "was", "for", "with", "on", "said"},
	"fr": {"le", "la", "les", "et", "des", "est", "une", "dans", "pour", "que", "qui", "du"},
	"de": {"der", "die", "und", "das", "ist", "nicht", "mit", "den", "ein", "eine", "von", "sich"},
	"es": {"el", "los", "las", "y", "que", "del", "por", "una", "con", "para", "en", "se"},
	"ru": {"и", "в", "не", "на", "что", "с", "по", "это", "как", "из", "за", "он"},
	"tr": {"ve", "bir", "bu", "için", "ile", "da", "de", "olarak", "çok", "daha", "gibi", "ama"},
}

// stopwordIndex maps each stop word to the set of languages (bits, in the
// order of langs) it belongs to, with the length in bytes of the longest;
// built once.
var stopwordIndex = sync.OnceValues(func() ([]string, stopwordSets) {
	var langs []string
	for lang := range stopwords {
		langs = append(langs, lang)
	}
	sets := stopwordSets{index: map[string]uint32{}}
	for i, lang := range langs {
		for _, w := range stopwords[lang] {
			sets.index[w] |= 1 << i
			sets.maxLen = max(sets.maxLen, len(w))
		}
	}
	return langs, sets
})

// stopwordSets is the stop word index of Language.
type stopwordSets struct {
	index  map[string]uint32
	maxLen int // bytes of the longest stop word
}

// Language guesses the ISO 639-1 code of text from function words; it
// returns "" when too few words match any language. Words too long to be
// a stop word are not looked up: lower-casing an ASCII word keeps its
// length, and lower-casing maps a code point to one of at least a quarter
// of its bytes.
func Language(text string) string {
	if len(text) > 4000 {
		text = text[:4000]
	}
	langs, sets := stopwordIndex()
	counts := make([]int, len(langs))
	var buf [32]byte
	for len(text) > 0 {
		// The next word as strings.Fields splits it.
		start := indexSpace(text, false)
		if start < 0 {
			break
		}
		text = text[start:]
		end := indexSpace(text, true)
		if end < 0 {
			end = len(text)
		}
		w := strings.TrimFunc(text[:end], isWordEdge)
		text = text[end:]
		if len(w) > 4*sets.maxLen {
			continue
		}
		var set uint32
		if ascii, lower := lowerASCII(w, buf[:0]); ascii {
			if len(lower) > sets.maxLen {
				continue
			}
			set = sets.index[string(lower)]
		} else {
			set = sets.index[strings.ToLower(w)]
		}
		for i := range langs {
			if set&(1<<i) != 0 {
				counts[i]++
			}
		}
	}
	best, bestN := "", 2
	for i, lang := range langs {
		if n := counts[i]; n > bestN || (n == bestN && best != "" && lang < best) {
			best, bestN = lang, n
		}
	}
	return best
}

// indexSpace returns the byte offset of the first code point of s that is
// white space (unicode.IsSpace) when space is set, or that is not when it
// is not; -1 if there is none. ASCII bytes are told without decoding.
func indexSpace(s string, space bool) int {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if asciiSpace[c] == space {
				return i
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) == space {
			return i
		}
		i += size
	}
	return -1
}

// asciiSpace[c] is unicode.IsSpace(rune(c)) for the ASCII bytes.
var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

// lowerASCII appends w lower-cased to buf when w is ASCII and short enough
// for buf's capacity; ascii is false otherwise.
func lowerASCII(w string, buf []byte) (ascii bool, lower []byte) {
	if len(w) > cap(buf) {
		return false, nil
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			return false, nil
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf = append(buf, c)
	}
	return true, buf
}

// isWordEdge reports whether r is punctuation trimmed off a word's ends.
func isWordEdge(r rune) bool {
	switch r {
	case '.', ',', ';', ':', '!', '?', '"', '\'', '(', ')', '[', ']', '«', '»', '“', '”':
		return true
	}
	return false
}
