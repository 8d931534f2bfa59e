package extract

import (
	"strings"
	"unicode"
)

// Tokens splits text into lower-cased words: runs of letters and digits.
// It is the tokenisation of the bag-of-words scores below.
func Tokens(text string) []string {
	return strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

// TokenF1 compares extracted text with the reference as bags of words, as
// the WCXB and trafilatura evaluations do: precision is the share of
// extracted tokens found in the reference (each counted at most as often as
// it occurs there), recall the share of reference tokens extracted. Two
// empty texts agree perfectly.
func TokenF1(got, want string) (precision, recall, f1 float64) {
	g, w := Tokens(got), Tokens(want)
	if len(g) == 0 && len(w) == 0 {
		return 1, 1, 1
	}
	if len(g) == 0 || len(w) == 0 {
		return 0, 0, 0
	}
	counts := make(map[string]int, len(w))
	for _, t := range w {
		counts[t]++
	}
	common := 0
	for _, t := range g {
		if counts[t] > 0 {
			counts[t]--
			common++
		}
	}
	precision = float64(common) / float64(len(g))
	recall = float64(common) / float64(len(w))
	if common == 0 {
		return precision, recall, 0
	}
	return precision, recall, 2 * precision * recall / (precision + recall)
}
