package analyze

import (
	"strings"
	"testing"

	"github.com/sift-news/sift/internal/gen"
)

// TestLanguageCountsEveryStopWord checks what Language's shortcuts (its
// own white space scan, no lookup of words too long to be stop words)
// must not change: stop words between any white space strings.Fields
// knows, inside edge punctuation, in capitals and in other scripts are
// counted, and long words, however they lower-case, are not.
func TestLanguageCountsEveryStopWord(t *testing.T) {
	for text, want := range map[string]string{
		"THE\u00a0cat AND\u2003the\u3000dog OF\u0085war": "en",
		"«le» ((((la)))) “les” chat":                     "fr",
		"Это\tи\nв на что":                               "ru",
		"Olarak VE çok BİR":                              "tr",
		// Words that lower-case into nothing like a stop word.
		"\u212a\u212a\u212a the extraordinarily \u0130\u0130\u0130\u0130\u0130\u0130\u0130\u0130 " + strings.Repeat("x", 40): "",
	} {
		if got := Language(text); got != want {
			t.Errorf("Language(%q) = %q, want %q", text, got, want)
		}
	}
}

// BenchmarkLanguage guesses the language of generated 600-word articles
// (Language reads the first 4,000 bytes).
//
//	go test ./internal/analyze -run XX -bench Language -benchtime 2000x
func BenchmarkLanguage(b *testing.B) {
	g := gen.New(gen.Options{Articles: 50, Seed: 7})
	var texts []string
	for g.More() {
		texts = append(texts, g.Next().Text)
	}
	b.ResetTimer()
	for i := range b.N {
		if Language(texts[i%len(texts)]) != "en" {
			b.Fatal("generated news not English")
		}
	}
}
