// Package plural writes counts of things in English: "1 article",
// "2 articles", "1 story", "3 stories", "0 copies".
package plural

import (
	"strconv"
	"strings"
)

// irregular are the plurals the rules below get wrong.
var irregular = map[string]string{
	"person": "people",
	"is":     "are",
	"was":    "were",
	"has":    "have",
}

// Noun returns noun in the form that goes with n: singular for 1 (and
// -1), plural otherwise ("0 articles").
func Noun(n int, noun string) string {
	if n == 1 || n == -1 || noun == "" {
		return noun
	}
	if p, ok := irregular[noun]; ok {
		return p
	}
	last := noun[len(noun)-1]
	switch {
	case last == 'y' && len(noun) > 1 && !strings.ContainsRune("aeiou", rune(noun[len(noun)-2])):
		return noun[:len(noun)-1] + "ies"
	case last == 's' || last == 'x' || last == 'z' || strings.HasSuffix(noun, "ch") || strings.HasSuffix(noun, "sh"):
		return noun + "es"
	}
	return noun + "s"
}

// Count returns n and the noun in the form that goes with it:
// Count(1, "article") is "1 article", Count(2, "story") "2 stories".
func Count(n int, noun string) string {
	return strconv.Itoa(n) + " " + Noun(n, noun)
}
