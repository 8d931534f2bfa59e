package entity

import (
	"strings"
	"unicode"

	"github.com/sift-news/sift"
)

// initialisms gives an acronym the article does not spell out in brackets
// the canonical name and type of the name of the article it abbreviates:
// "HLF" with "Hadria Liberation Front" elsewhere in the text, whatever
// type the tagger gave the acronym (an acronym takes the type of what it
// names). The initials are those of the name's words, small words such as
// "of" and "the" skipped or not.
func initialisms(ents []sift.Entity, known []bool, keys []string) {
	var byInitials map[string]int // initials -> index of the first name with them, made when needed
	for i := range ents {
		e := &ents[i]
		if known[i] || !isAcronym(e.Text) {
			continue
		}
		if byInitials == nil {
			byInitials = map[string]int{}
			for j := range ents {
				if ents[j].Type == sift.PERSON || !strings.ContainsRune(ents[j].Text, ' ') {
					continue
				}
				all, content := initials(ents[j].Text)
				for _, k := range []string{all, content} {
					if _, ok := byInitials[k]; !ok && len(k) >= 2 {
						byInitials[k] = j
					}
				}
			}
		}
		if j, ok := byInitials[strings.ToLower(strings.ReplaceAll(e.Text, ".", ""))]; ok {
			e.Canonical, e.Type = ents[j].Canonical, ents[j].Type
			known[i] = true
		}
	}
}

// isAcronym reports a word of two to six letters, all capitals (dots
// allowed: "H.L.F.").
func isAcronym(s string) bool {
	n := 0
	for _, r := range s {
		switch {
		case r == '.':
		case unicode.IsUpper(r):
			n++
		default:
			return false
		}
	}
	return n >= 2 && n <= 6
}

// smallWords may be left out of an acronym.
var smallWords = map[string]bool{"of": true, "the": true, "for": true, "and": true, "al": true, "el": true,
	"de": true, "du": true, "des": true, "la": true, "le": true, "in": true, "on": true, "&": true}

// initials returns the initials (lower case) of the words of name, with
// and without its small words.
func initials(name string) (all, content string) {
	var a, c strings.Builder
	for _, w := range strings.FieldsFunc(name, func(r rune) bool { return r == ' ' || r == '-' }) {
		r := []rune(strings.ToLower(w))
		if len(r) == 0 {
			continue
		}
		a.WriteRune(r[0])
		if !smallWords[string(r)] {
			c.WriteRune(r[0])
		}
	}
	return a.String(), c.String()
}

// genericHeads gives "the Monitor" or "the Observatory", the head noun of
// an organisation's name standing for the organisation already named
// ("the Hadria Ceasefire Monitor", "the Syrian Observatory for Human
// Rights", named anywhere in the article), that organisation's canonical
// name and type. The head is the last word of the name or the word before
// its "of" or "for".
func genericHeads(text string, ents []sift.Entity, known []bool) {
	var heads map[string]int // head as written -> index of the first organisation with it
	for i := range ents {
		e := &ents[i]
		if e.Type != sift.ORG || !strings.ContainsRune(e.Text, ' ') {
			continue
		}
		name := e.Text
		if j := strings.Index(name, " of "); j > 0 {
			name = name[:j]
		} else if j := strings.Index(name, " for "); j > 0 {
			name = name[:j]
		}
		h := name[strings.LastIndexByte(name, ' ')+1:]
		if h == name || h == "" {
			continue
		}
		if heads == nil {
			heads = map[string]int{}
		}
		if _, ok := heads[h]; !ok {
			heads[h] = i
		}
	}
	if heads == nil {
		return
	}
	off := byteOffsets{text: text}
	for i := range ents {
		e := &ents[i]
		if known[i] || strings.ContainsRune(e.Text, ' ') {
			continue
		}
		j, ok := heads[e.Text]
		if !ok || j == i {
			continue
		}
		before := strings.TrimRight(text[:off.at(e.Start)], " ")
		if !strings.HasSuffix(strings.ToLower(before), "the") {
			continue // "the Monitor" stands for it; "Monitor" alone may be another name
		}
		e.Canonical, e.Type = ents[j].Canonical, ents[j].Type
		known[i] = true
	}
}
