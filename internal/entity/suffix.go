package entity

import "strings"

// suffixIndex finds, for a mention of one or two words, the longest
// person's name ending with those words (the first such person on a tie).
// partialPersons used to compare every mention with every person, work
// that grew with the square of an article's mentions.
type suffixIndex map[string]int

// newSuffixIndex indexes the last one and two words of every name in
// names (each a person's key split into words) that is longer than that.
func newSuffixIndex(names [][]string) suffixIndex {
	x := suffixIndex{}
	for p, ws := range names {
		for n := 1; n <= 2 && n < len(ws); n++ {
			k := strings.Join(ws[len(ws)-n:], "\x00")
			if b, ok := x[k]; !ok || len(ws) > len(names[b]) {
				x[k] = p
			}
		}
	}
	return x
}

// longest returns the index of the longest name longer than words that
// ends with them, or -1.
func (x suffixIndex) longest(words []string) int {
	if p, ok := x[strings.Join(words, "\x00")]; ok {
		return p
	}
	return -1
}
