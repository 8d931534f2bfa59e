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
// order of langs) it belongs to; built once.
var stopwordIndex = sync.OnceValues(func() ([]string, map[string]uint32) {
	var langs []string
	for lang := range stopwords {
		langs = append(langs, lang)
	}
	index := map[string]uint32{}
	for i, lang := range langs {
		for _, w := range stopwords[lang] {
			index[w] |= 1 << i
		}
	}
	return langs, index
})

// Language guesses the ISO 639-1 code of text from function words; it
// returns "" when too few words match any language.
func Language(text string) string {
	if len(text) > 4000 {
		text = text[:4000]
	}
	langs, index := stopwordIndex()
	counts := make([]int, len(langs))
	var buf [32]byte
	for len(text) > 0 {
		// The next word as strings.Fields splits it.
		start := strings.IndexFunc(text, func(r rune) bool { return !unicode.IsSpace(r) })
		if start < 0 {
			break
		}
		text = text[start:]
		end := strings.IndexFunc(text, unicode.IsSpace)
		if end < 0 {
			end = len(text)
		}
		w := strings.TrimFunc(text[:end], isWordEdge)
		text = text[end:]
		var set uint32
		if ascii, lower := lowerASCII(w, buf[:0]); ascii {
			set = index[string(lower)]
		} else {
			set = index[strings.ToLower(w)]
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
