package ner

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Rules of stage version 8 for names an acronym in brackets defines:
// "The Front for the Defence of Azawagh ( FDA )", "Tamil Nagar Makkal
// Katchi ( TNMK )", "Chama cha Haki na Maendeleo ( CHAHAMA )". The
// acronym tells where the name starts, which the tagger, cut off by the
// small words inside it, often does not see.

// maxAcronymName is the most words a name an acronym defines may have.
const maxAcronymName = 10

// acronymNames tags the name before an acronym in brackets as one name,
// from the first word whose initials begin the acronym: each capitalised
// word gives the acronym a prefix of itself (one letter or more), small
// words in lower case ("for", "the", "cha") one or none. A name the
// tagger found ending there and starting no later is kept whole ("The
// U.N. Department of Humanitarian Affairs ( DHA )"). No person is named
// by an acronym in brackets: the name takes the type the tagger gave it
// or else the acronym, if the model knows it ("Bovine Spongiform
// Encephalopathy ( BSE )"), an organisation's if that is a person's or
// none; an acronym left untagged takes the name's.
func acronymNames(m *Model, d *document, tags [][]int) {
	for si, ws := range d.sents {
		t := tags[si]
		for b := 2; b+2 < len(ws); b++ {
			if ws[b-1].form != "(" || ws[b+1].form != ")" || !isAcronym(ws[b].form) {
				continue
			}
			close := b - 1
			start := acronymStart(ws[:close], strings.ToLower(ws[b].form))
			if start < 0 || close-start < 2 {
				continue
			}
			name := spanEndingAt(t, close)
			if name.typ != "" && name.start < start {
				start = name.start
			}
			k := typeORG
			if name.typ != "" && name.typ != "PER" && name.start == start {
				k = typeIndex(name.typ)
			} else if a := entityType(t[b]); a != "" && a != "PER" && !m.unseen(ws[b:b+1]) {
				k = typeIndex(a)
			}
			clearNames(t, start, close)
			setSpan(t, start, close, k)
			if t[b] == tagO {
				setSpan(t, b, b+1, k)
			}
		}
	}
}

// isAcronym reports a word of two to eight capital letters.
func isAcronym(s string) bool {
	n := 0
	for _, r := range s {
		if !unicode.IsUpper(r) {
			return false
		}
		n++
	}
	return n >= 2 && n <= 8
}

// isSmallWord reports a short word in lower case that may stand inside a
// name ("of", "for", "the", "cha", "na").
func isSmallWord(w word) bool {
	return !w.cap && isLetters(w.form) && utf8.RuneCountInString(w.form) <= 4
}

// acronymStart returns the first token of the name ending at the end of
// ws whose initials make up acr (lower case), or -1. The shortest such
// name wins.
func acronymStart(ws []word, acr string) int {
	for start := len(ws) - 1; start >= 0 && start >= len(ws)-maxAcronymName; start-- {
		w := ws[start]
		if !w.cap && !isSmallWord(w) {
			return -1
		}
		if !w.cap || !w.alpha || w.upper && utf8.RuneCountInString(w.form) > 1 {
			continue
		}
		if spells(ws[start:], acr) {
			return start
		}
	}
	return -1
}

// spells reports whether the words ws, the first of them capitalised,
// spell acr: each capitalised word a prefix of itself, each small word a
// prefix or nothing.
func spells(ws []word, acr string) bool {
	if len(ws) == 0 {
		return acr == ""
	}
	w := ws[0]
	if !w.cap && spells(ws[1:], acr) {
		return true
	}
	if !w.alpha {
		return false
	}
	for n := 1; n <= len(w.lower) && n <= len(acr); n++ {
		if w.lower[:n] != acr[:n] {
			break
		}
		if spells(ws[1:], acr[n:]) {
			return true
		}
	}
	return false
}

// spanEndingAt returns the name ending before token end, if any (typ ""
// if none).
func spanEndingAt(tags []int, end int) span {
	for _, sp := range spans(tags) {
		if sp.end == end {
			return sp
		}
	}
	return span{}
}

// clearNames sets to O every name that overlaps tokens i to j-1.
func clearNames(tags []int, i, j int) {
	for _, sp := range spans(tags) {
		if sp.end > i && sp.start < j {
			clear(tags[sp.start:sp.end])
		}
	}
}
