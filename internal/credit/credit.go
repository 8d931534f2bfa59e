// Package credit reads an article's outlet from its own text, for inputs
// that come with no metadata (plain-text scrapes): a wire lead such as
// "MOSCOW (Reuters) -", a copyright line such as "© 2018 TASS" or
// "Copyright © Harbour Post. All rights reserved", or a credit line such
// as "Source: TASS" or "This article originally appeared on Harbour Post".
// A photo credit ("© Name/TASS", "Photo: AFP") names who took a picture,
// not who published the article, and is not read.
package credit

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sift-news/sift"
)

// Version of the reading; it changes whenever its output may change.
const Version = "1"

// Found is an outlet read from the text and the words that said it.
type Found struct {
	Outlet   string
	Evidence string
}

// Outlet returns the outlet the article's text names as its publisher:
// first a wire lead opening the first paragraph, then a copyright or
// credit line among the text set aside as boilerplate or the last
// paragraphs. ok is false when the text names none.
func Outlet(paras []string, boilerplate []sift.Boilerplate) (Found, bool) {
	if len(paras) > 0 {
		if o, ok := wireLead(paras[0]); ok {
			return Found{o, paras[0][:min(len(paras[0]), 80)]}, true
		}
	}
	var lines []string
	for _, b := range boilerplate {
		lines = append(lines, b.Text)
	}
	for i := max(0, len(paras)-2); i < len(paras); i++ {
		lines = append(lines, paras[i])
	}
	for _, l := range lines {
		if o, ok := creditLine(l); ok {
			return Found{o, l}, true
		}
	}
	return Found{}, false
}

// wireLead reads the agency of "PLACE (Agency) –" or "PLACE, DATE (Agency)
// -" opening a paragraph.
func wireLead(p string) (string, bool) {
	head := p[:min(len(p), 90)]
	open := strings.IndexByte(head, '(')
	if open <= 0 {
		return "", false
	}
	shut := strings.IndexByte(head[open:], ')')
	if shut < 0 {
		return "", false
	}
	shut += open
	rest := strings.TrimLeft(head[shut+1:], " ")
	if !(strings.HasPrefix(rest, "-") || strings.HasPrefix(rest, "–") || strings.HasPrefix(rest, "—") || strings.HasPrefix(rest, ":")) {
		return "", false
	}
	place := strings.TrimSpace(head[:open])
	if i := strings.IndexByte(place, ','); i > 0 {
		place = place[:i]
	}
	if !allUpper(place) {
		return "", false
	}
	return name(head[open+1 : shut])
}

// creditLine reads the outlet of a copyright or credit line.
func creditLine(l string) (string, bool) {
	t := strings.TrimSpace(l)
	if utf8.RuneCountInString(t) > 120 {
		return "", false
	}
	low := strings.ToLower(t)
	for _, p := range []string{"source:", "originally published by", "originally published on", "originally published at",
		"this article originally appeared on", "this article originally appeared at", "this article was originally published by",
		"this article was originally published on", "first published by", "first published on", "first published at"} {
		if strings.HasPrefix(low, p) {
			return name(t[len(p):])
		}
	}
	copyright := false
	for _, p := range []string{"copyright ©", "copyright (c)", "copyright", "©", "(c)"} {
		if strings.HasPrefix(low, p) {
			t, copyright = t[len(p):], true
			break
		}
	}
	if !copyright {
		return "", false
	}
	if strings.ContainsAny(t, "/") {
		return "", false // "© Name/Agency": a photo credit
	}
	// "© 2018 TASS. All rights reserved", "© 2009-2018 Harbour Post"
	t = strings.TrimLeft(t, " 0123456789-–,.")
	if i := strings.IndexAny(t, ".|;"); i > 0 {
		t = t[:i]
	}
	t = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(t), "All rights reserved"))
	t = strings.TrimRight(t, " 0123456789-–,")
	return name(t)
}

// name returns s as an outlet's name: one to five words, capitalised
// (function words aside), no sentence.
func name(s string) (string, bool) {
	s = strings.Trim(strings.TrimSpace(s), ".,:;!\"'“”")
	ws := strings.Fields(s)
	if len(ws) == 0 || len(ws) > 5 {
		return "", false
	}
	for _, w := range ws {
		switch strings.ToLower(w) {
		case "the", "of", "and", "de", "al", "for", "news", "&":
			continue
		}
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) && !unicode.IsDigit(r) {
			return "", false
		}
	}
	first, _ := utf8.DecodeRuneInString(ws[0])
	if !unicode.IsUpper(first) && !unicode.IsDigit(first) {
		return "", false
	}
	return strings.Join(ws, " "), true
}

// allUpper reports whether s has at least three letters, all upper-case:
// the place of a dateline ("MOSCOW", "NEW YORK").
func allUpper(s string) bool {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			n++
		}
	}
	return n >= 3
}
