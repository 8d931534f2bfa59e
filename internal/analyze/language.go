package analyze

import "strings"

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

// Language guesses the ISO 639-1 code of text from function words; it
// returns "" when too few words match any language.
func Language(text string) string {
	if len(text) > 4000 {
		text = text[:4000]
	}
	counts := map[string]int{}
	sets := map[string]map[string]bool{}
	for lang, words := range stopwords {
		m := map[string]bool{}
		for _, w := range words {
			m[w] = true
		}
		sets[lang] = m
	}
	for _, w := range strings.Fields(strings.ToLower(text)) {
		w = strings.Trim(w, ".,;:!?\"'()[]«»“”")
		for lang, m := range sets {
			if m[w] {
				counts[lang]++
			}
		}
	}
	best, bestN := "", 2
	for lang, n := range counts {
		if n > bestN || (n == bestN && best != "" && lang < best) {
			best, bestN = lang, n
		}
	}
	return best
}
