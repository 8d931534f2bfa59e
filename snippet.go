package sift

import (
	"strings"
	"unicode"
)

// SnippetLen is the length in code points of the opening of an article
// shown as its snippet when no words were searched for; stores read
// SnippetLen+SnippetSlack code points and Lead cuts them.
const (
	SnippetLen   = 240
	SnippetSlack = 20
)

// Lead shortens s to at most n code points, cutting at the end of a word
// and marking the cut with "…": a snippet never ends inside a word. An s
// of n code points or fewer is returned as it is.
func Lead(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	cut := n
	for cut > n*2/3 && !unicode.IsSpace(r[cut]) {
		cut--
	}
	if !unicode.IsSpace(r[cut]) {
		cut = n // one very long word: cut it
	}
	return strings.TrimRightFunc(string(r[:cut]), func(c rune) bool {
		return unicode.IsSpace(c) || unicode.IsPunct(c) && c != '.' && c != '?' && c != '!' && c != '"' && c != '”' && c != ')'
	}) + "…"
}
