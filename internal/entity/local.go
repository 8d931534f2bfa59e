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
	var full []int // names of two words or more, not acronyms
	for i := range ents {
		if len(strings.Fields(ents[i].Text)) >= 2 && ents[i].Type != sift.PERSON {
			full = append(full, i)
		}
	}
	if len(full) == 0 {
		return
	}
	for i := range ents {
		e := &ents[i]
		if known[i] || !isAcronym(e.Text) {
			continue
		}
		want := strings.ToLower(strings.ReplaceAll(e.Text, ".", ""))
		for _, j := range full {
			if initialsMatch(ents[j].Text, want) {
				e.Canonical, e.Type = ents[j].Canonical, ents[j].Type
				known[i] = true
				break
			}
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

// initialsMatch reports whether want (lower case) is the initials of the
// words of name, with or without its small words.
func initialsMatch(name, want string) bool {
	var all, content strings.Builder
	for _, w := range strings.FieldsFunc(name, func(r rune) bool { return r == ' ' || r == '-' }) {
		r := []rune(strings.ToLower(w))
		if len(r) == 0 {
			continue
		}
		all.WriteRune(r[0])
		if !smallWords[string(r)] {
			content.WriteRune(r[0])
		}
	}
	return len(want) >= 2 && (all.String() == want || content.String() == want)
}

// genericHeads gives "the Monitor" or "the Observatory", the head noun of
// an organisation's name standing for the organisation already named
// ("the Hadria Ceasefire Monitor", "the Syrian Observatory for Human
// Rights", named anywhere in the article), that organisation's canonical
// name and type. The head is the last word of the name or the word before
// its "of" or "for".
func genericHeads(text string, ents []sift.Entity, known []bool) {
	heads := map[string]int{} // lower-case head -> index of the first organisation with it
	off := sift.NewOffsets(text)
	for i := range ents {
		e := &ents[i]
		words := strings.Fields(e.Text)
		if len(words) < 2 || e.Type != sift.ORG {
			continue
		}
		if j := firstSmallWord(words); j > 1 {
			words = words[:j]
		}
		h := strings.ToLower(words[len(words)-1])
		if _, ok := heads[h]; !ok {
			heads[h] = i
		}
	}
	for i := range ents {
		e := &ents[i]
		if known[i] || strings.ContainsRune(e.Text, ' ') {
			continue
		}
		j, ok := heads[strings.ToLower(e.Text)]
		if !ok || j == i {
			continue
		}
		before := strings.TrimRight(text[:off.Byte(e.Start)], " ")
		if !strings.HasSuffix(strings.ToLower(before), "the") {
			continue // "the Monitor" stands for it; "Monitor" alone may be another name
		}
		e.Canonical, e.Type = ents[j].Canonical, ents[j].Type
		known[i] = true
	}
}

// firstSmallWord returns the index of the first "of" or "for" in words, or
// -1.
func firstSmallWord(words []string) int {
	for i, w := range words {
		if lw := strings.ToLower(w); lw == "of" || lw == "for" {
			return i
		}
	}
	return -1
}
