package quote

import (
	"strings"
	"unicode/utf8"

	"github.com/sift-news/sift"
)

// mention is a name in the text: from the entity stage when it ran, from a
// capitalisation fallback otherwise. Offsets are bytes.
type mention struct {
	start, end int
	first      int // index of the first token
	typ        string
	canonical  string
	role       string // lower-case, abbreviations expanded
	gender     byte   // 'm', 'f' or 0
	media      bool   // a news outlet
}

// fromEntities converts entities (code point offsets) to mentions.
func fromEntities(ents []sift.Entity, off *sift.Offsets, toks []token) []mention {
	out := make([]mention, 0, len(ents))
	for _, e := range ents {
		if e.Start < 0 || e.End <= e.Start || e.End > off.Len() {
			continue
		}
		m := mention{start: off.Byte(e.Start), end: off.Byte(e.End), typ: e.Type, canonical: e.Canonical}
		if m.canonical == "" {
			m.canonical = e.Text
		}
		m.role = normRole(e.Role)
		m.first = tokenAt(toks, m.start)
		if m.first < 0 {
			continue
		}
		if m.typ == sift.ORG {
			m.media = isMedia(strings.ToLower(e.Text)) || isMedia(strings.ToLower(m.canonical))
		}
		if m.first > 0 {
			m.gender = honorifics[toks[m.first-1].lower]
		}
		if m.role == "" && m.typ == sift.PERSON {
			m.role = roleBefore(toks, m.first)
		}
		out = append(out, m)
	}
	return out
}

// isMedia reports whether a lower-case name looks like a news outlet.
func isMedia(name string) bool {
	for _, w := range strings.FieldsFunc(name, func(r rune) bool { return r == ' ' || r == '\'' || r == '’' }) {
		if mediaWords[w] {
			return true
		}
	}
	return false
}

// roleBefore collects lower-case title words just before a name the
// entity stage found without a role ("the foreign minister Sergey Lavrov").
func roleBefore(toks []token, first int) string {
	k := first
	for k > 0 && toks[k-1].word && titles[toks[k-1].lower] {
		k--
	}
	if k == first {
		return ""
	}
	var words []string
	for _, t := range toks[k:first] {
		words = append(words, t.lower)
	}
	return normRole(strings.Join(words, " "))
}

// normRole lower-cases a role, expands abbreviations and drops honorifics.
func normRole(role string) string {
	if role == "" {
		return ""
	}
	var words []string
	for _, w := range strings.Fields(strings.ToLower(role)) {
		if honorifics[w] != 0 {
			continue
		}
		if x, ok := roleAbbrev[w]; ok {
			w = x
		}
		words = append(words, w)
	}
	return strings.Join(words, " ")
}

// tokenAt returns the index of the token starting at or covering byte b.
func tokenAt(toks []token, b int) int {
	lo, hi := 0, len(toks)
	for lo < hi {
		m := (lo + hi) / 2
		if toks[m].end <= b {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(toks) && toks[lo].start <= b+1 {
		return lo
	}
	if lo < len(toks) {
		return lo
	}
	return -1
}

// isNationality reports whether a capitalised word is a nationality or a
// country adjective that may precede a title ("Russian FM", "US Envoy").
func isNationality(w string) bool {
	switch w {
	case "us", "u.s.", "u.s", "uk", "u.k.", "un", "u.n.", "eu", "american", "british", "french", "german":
		return true
	}
	return len(w) > 4 && (strings.HasSuffix(w, "ian") || strings.HasSuffix(w, "ish") ||
		strings.HasSuffix(w, "ese") || strings.HasSuffix(w, "can") || strings.HasSuffix(w, "i") && strings.HasSuffix(w, "qi") ||
		strings.HasSuffix(w, "ean") || strings.HasSuffix(w, "ani"))
}

// possessive reports whether a word ends in 's ("Russia’s").
func possessive(lower string) bool {
	if pronouns[lower] != 0 {
		return false // "he's" is "he is"
	}
	switch lower {
	case "that's", "there's", "what's", "who's", "here's", "let's", "where's":
		return false
	}
	return strings.HasSuffix(lower, "'s") || strings.HasSuffix(lower, "s'")
}

// fallbackMentions finds capitalised name sequences when the entity stage
// found nothing, types them with a few word lists and splits off the titles
// in front of person names as their role.
func fallbackMentions(toks []token, unitStart []bool) []mention {
	midCaps := map[string]bool{} // capitalised words seen inside sentences
	for i, t := range toks {
		if t.word && t.cap && !unitStart[i] {
			midCaps[t.lower] = true
		}
	}
	var out []mention
	surnames := map[string]int{} // last word of a person name -> index in out
	for i := 0; i < len(toks); {
		if !toks[i].word || !toks[i].cap || (nonNames[toks[i].lower] && !titles[toks[i].lower]) {
			i++
			continue
		}
		// Extend over capitalised words and joiners followed by one.
		j := i + 1
		for j < len(toks) && toks[j].para == toks[i].para && toks[j].word && !possessive(toks[j-1].lower) {
			if toks[j].cap && !nonNames[toks[j].lower] {
				j++
				continue
			}
			if (nameJoiners[toks[j].lower] || toks[j].lower == "on" && orgWords[toks[j-1].lower]) && j+1 < len(toks) && toks[j+1].word && toks[j+1].cap && toks[j+1].start-toks[j].end <= 1 &&
				(!prepJoiners[toks[j].lower] || institutional(toks[i:j])) {
				j += 2
				continue
			}
			break
		}
		// Split off titles and nationalities in front of a person's name:
		// the rest is the name. Organisations keep their words.
		k := i
		var role []string
		gender := byte(0)
		org := false
		for _, t := range toks[i:j] {
			if orgWords[strings.TrimSuffix(t.lower, "'s")] {
				org = true
			}
		}
		for k < j-1 && !org {
			lw := toks[k].lower
			if g := honorifics[lw]; g != 0 {
				gender = g
				k++
				continue
			}
			if titles[lw] {
				role = append(role, lw)
				k++
				continue
			}
			if isNationality(lw) && k+1 < j-1 && titles[toks[k+1].lower] {
				k++
				continue
			}
			break
		}
		// Titles followed by "for Syria", "to the UN" belong to the role.
		for k < j-2 && len(role) > 0 && (toks[k].lower == "for" || toks[k].lower == "of" || toks[k].lower == "to") && j-(k+2) >= 2 {
			role = append(role, toks[k].lower, toks[k+1].lower)
			k += 2
		}
		// A short country code before a name ("US Anatoly Antonov").
		if j-k >= 3 && isCountryCode(toks[k].lower) {
			k++
		}
		if allTitles(toks[k:j]) {
			i = j
			continue
		}
		// A sentence-initial single word is a name only when it also
		// appears capitalised inside a sentence.
		if j-k == 1 && unitStart[k] && !midCaps[toks[k].lower] {
			i = j
			continue
		}
		m := mention{start: toks[k].start, end: toks[j-1].end, first: k, gender: gender}
		name := make([]string, 0, j-k)
		for _, t := range toks[k:j] {
			lw := strings.TrimSuffix(strings.TrimSuffix(t.lower, "'s"), "'")
			name = append(name, strings.TrimSuffix(strings.TrimSuffix(t.text, "’s"), "'s"))
			if mediaWords[lw] && !titles[lw] {
				m.media = true
			}
		}
		switch lt := toks[j-1].text; {
		case strings.HasSuffix(lt, "’s"), strings.HasSuffix(lt, "'s"), strings.HasSuffix(lt, "’S"):
			_, n := utf8.DecodeLastRuneInString(lt[:len(lt)-1])
			m.end -= n + 1
		}
		m.canonical = strings.Join(name, " ")
		last := strings.ToLower(name[len(name)-1])
		switch {
		case org:
			m.typ = sift.ORG
		case len(role) > 0 || gender != 0:
			m.typ = sift.PERSON
		case j-k >= 2 && j-k <= 4:
			m.typ = sift.PERSON
		default:
			if p, ok := surnames[last]; ok {
				m.typ = sift.PERSON
				m.canonical = out[p].canonical
				m.gender = out[p].gender
			}
		}
		if m.typ == "" && isNationality(last) {
			m.typ = sift.MISC
		}
		m.role = normRole(strings.Join(role, " "))
		if m.role == "" && m.typ == sift.PERSON {
			m.role = roleBefore(toks, k)
		}
		if m.typ == sift.PERSON {
			if p, ok := surnames[last]; ok && j-k == 1 {
				m.canonical = out[p].canonical
				if m.gender == 0 {
					m.gender = out[p].gender
				}
			} else if !ok {
				surnames[last] = len(out)
			}
		}
		out = append(out, m)
		i = j
	}
	return out
}

// isCountryCode reports whether w is a short country or union code.
func isCountryCode(w string) bool {
	switch w {
	case "us", "u.s.", "u.s", "uk", "u.k.", "un", "u.n.", "eu", "un's", "u.n.'s", "us'":
		return true
	}
	return false
}

// allTitles reports whether every token is a title word ("Major General").
func allTitles(ts []token) bool {
	for _, t := range ts {
		if !titles[t.lower] && honorifics[t.lower] == 0 {
			return false
		}
	}
	return true
}

// prepJoiners join names only after an institution or a title ("Ministry
// of Defense", "Secretary of State"), not after a person ("Darran
// Whiting of Liberty Baptist Church").
var prepJoiners = map[string]bool{"of": true, "for": true, "on": true}

// institutional reports whether a name so far holds an organisation word
// or a title.
func institutional(ts []token) bool {
	for _, t := range ts {
		if orgWords[t.lower] || titles[t.lower] {
			return true
		}
	}
	return false
}
