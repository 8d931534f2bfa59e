package quote

import (
	"strings"

	"github.com/sift-news/sift"
)

// resolve turns the phrase toks[s:e] naming a speaker into a ref: the name
// inside it, a pronoun resolved to the last fitting speaker, a description
// resolved through the roles the article introduced, or the phrase itself.
func (x *extractor) resolve(s, e int) *ref {
	for s < e && (!x.toks[s].word || leadingAdverbs[x.toks[s].lower]) {
		s++
	}
	for e > s && !x.toks[e-1].word {
		e--
	}
	if e <= s {
		return nil
	}
	phrase := &ref{start: x.toks[s].start, end: x.toks[e-1].end}
	if e-s == 1 {
		if g, ok := pronouns[x.toks[s].lower]; ok {
			return x.pronoun(s, g)
		}
	}
	// The strongest name inside the phrase: a person, then an organisation,
	// then a place.
	best, bestRank := -1, -1
	lo, hi := x.toks[s].start, x.toks[e-1].end
	for i := max(0, x.nameFrom(s)-1); i < len(x.names); i++ {
		m := &x.names[i]
		if m.start >= hi {
			break
		}
		if m.end <= lo {
			continue
		}
		rank := 0
		switch m.typ {
		case sift.PERSON:
			rank = 3
		case sift.ORG:
			rank = 2
		case sift.LOC:
			rank = 1
		}
		if rest := x.text[m.end:]; strings.HasPrefix(rest, "’s") || strings.HasPrefix(rest, "'s") || strings.HasPrefix(rest, "’ ") {
			continue // "Clinton’s campaign manager Robby Mook": the owner is not the speaker
		}
		if rank >= bestRank { // the head of a phrase comes last: "Air Force general Lloyd Newton"
			best, bestRank = i, rank
		}
	}
	if best >= 0 && bestRank >= 2 {
		return x.mentionRef(&x.names[best])
	}
	if d := x.describe(s, e, phrase); d != nil {
		return d
	}
	if best >= 0 && (bestRank == 1 || e-s <= 2) {
		return x.mentionRef(&x.names[best])
	}
	// A capitalised phrase that nothing else typed is still a name
	// ("Dunford has warned").
	if e-s <= 4 && allCaps(x.toks[s:e]) {
		for k := s; k < e; k++ {
			if nonNames[x.toks[k].lower] || titles[x.toks[k].lower] {
				return phrase
			}
		}
		phrase.canonical = x.text[phrase.start:phrase.end]
	}
	return phrase
}

func (x *extractor) mentionRef(m *mention) *ref {
	r := &ref{start: m.start, end: m.end, canonical: m.canonical, typ: m.typ, gender: m.gender, media: m.media}
	// A surname alone ("Lavrov", "Abdel Rahman") takes the full name of a
	// speaker met before.
	if r.typ == sift.PERSON && r.canonical != "" {
		suffix := " " + r.canonical
		for i := len(x.speakers) - 1; i >= 0 && i >= len(x.speakers)-maxLookBack; i-- {
			if strings.HasSuffix(x.speakers[i].canonical, suffix) {
				r.canonical = x.speakers[i].canonical
				break
			}
		}
	}
	return r
}

// pronoun resolves the pronoun at token k: he or she to the most recent
// speaker or sentence subject of that gender, who to the phrase before it.
func (x *extractor) pronoun(k int, g byte) *ref {
	r := &ref{start: x.toks[k].start, end: x.toks[k].end}
	switch g {
	case 'w':
		ui := x.unitOf(k)
		s, e := x.walkLeft(k, x.units[ui][0])
		if e > s {
			if p := x.resolve(s, e); p != nil {
				if p.canonical != "" {
					r.canonical, r.typ, r.gender = p.canonical, p.typ, p.gender
				} else if p.typ != "" {
					return p
				}
			}
		}
		return r
	case 'm', 'f':
	case 'n':
		// "it said": the last organisation that spoke, not long before.
		if x.toks[k].lower == "it" {
			for i := len(x.stmts) - 1; i >= 0 && i >= len(x.stmts)-6; i-- {
				if sp := x.stmts[i].speaker; sp != nil && sp.typ == sift.ORG && sp.canonical != "" {
					r.canonical, r.typ, r.media = sp.canonical, sift.ORG, sp.media
					break
				}
			}
		}
		return r
	default:
		return r
	}
	pos := x.toks[k].start
	para := x.toks[k].para
	fits := func(canonical string, gender byte) bool {
		if gender == 0 {
			gender = x.genders[canonical]
		}
		if gender == 0 {
			gender = firstNameGender(canonical)
		}
		return gender == 0 || gender == g
	}
	// The last person who spoke.
	var cand *ref
	for i := len(x.speakers) - 1; i >= 0 && i >= len(x.speakers)-maxLookBack; i-- {
		sp := &x.speakers[i]
		if sp.start < pos && fits(sp.canonical, sp.gender) {
			cand = sp
			break
		}
	}
	// A person who is the subject of a later sentence wins.
	first := x.nameFrom(k) - 1
	for i := first; i >= 0 && i > first-maxLookBack; i-- {
		m := &x.names[i]
		if m.start >= pos || m.typ != sift.PERSON || !fits(m.canonical, m.gender) {
			continue
		}
		if cand != nil && m.start <= cand.start {
			break
		}
		if x.isSubject(m.first) && para-x.toks[m.first].para <= 2 {
			cand = x.mentionRef(m)
			break
		}
	}
	if cand == nil {
		// Any earlier person.
		for i := first; i >= 0 && i > first-maxLookBack; i-- {
			m := &x.names[i]
			if m.start < pos && m.typ == sift.PERSON && fits(m.canonical, m.gender) {
				cand = x.mentionRef(m)
				break
			}
		}
	}
	if cand != nil {
		r.canonical, r.typ = cand.canonical, sift.PERSON
		r.gender = g
		if cand.canonical != "" && x.genders[cand.canonical] == 0 {
			x.genders[cand.canonical] = g
		}
	}
	return r
}

// maxLookBack bounds how many earlier name mentions a pronoun or a
// description is compared with, so that long texts stay linear.
const maxLookBack = 400

// firstNameGender guesses a gender from a common first name.
func firstNameGender(name string) byte {
	first, _, ok := strings.Cut(name, " ")
	if !ok {
		return 0
	}
	return firstNames[strings.ToLower(first)]
}

// isSubject reports whether the name starting at token k opens its unit
// (possibly after titles or an opening phrase ending in a comma).
func (x *extractor) isSubject(k int) bool {
	ui := x.unitOf(k)
	a := x.units[ui][0]
	if k-a > 6 {
		return false
	}
	for j := k - 1; j >= a; j-- {
		t := &x.toks[j]
		if t.text == "," {
			return true
		}
		if t.word && (titles[t.lower] || determiners[t.lower] || isNationality(t.lower) || possessive(t.lower)) {
			continue
		}
		return false
	}
	return true
}

// unitOf returns the unit holding token k.
func (x *extractor) unitOf(k int) int {
	lo, hi := 0, len(x.units)
	for lo < hi {
		m := (lo + hi) / 2
		if x.units[m][1] <= k {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo >= len(x.units) {
		return len(x.units) - 1
	}
	return lo
}

// describe resolves a description ("the foreign minister", "the FM", "the
// outlet") to the person named with that role or to the last outlet.
func (x *extractor) describe(s, e int, phrase *ref) *ref {
	var words []string
	for k := s; k < e; k++ {
		lw := x.toks[k].lower
		if !x.toks[k].word || determiners[lw] || possessive(lw) || isNationality(lw) {
			continue
		}
		if exp, ok := roleAbbrev[lw]; ok {
			lw = exp
		}
		words = append(words, lw)
	}
	if len(words) == 0 {
		return nil
	}
	desc := strings.Join(words, " ")
	head := words[len(words)-1]
	if outletNouns[head] && x.lastOutlet != nil && e-s <= 3 {
		r := *phrase
		r.canonical, r.typ, r.media = x.lastOutlet.canonical, sift.ORG, true
		return &r
	}
	first := x.nameFrom(s) - 1
	for i := first; i >= 0 && i > first-maxLookBack; i-- {
		m := &x.names[i]
		if m.start >= phrase.start || m.typ != sift.PERSON || m.role == "" {
			continue
		}
		if roleMatch(m.role, desc) {
			r := *phrase
			r.canonical, r.typ, r.gender = m.canonical, sift.PERSON, m.gender
			if len(x.speakers) > 0 {
				if c := x.mentionRef(m); c != nil {
					r.canonical = c.canonical
				}
			}
			return &r
		}
	}
	return nil
}

// roleMatch reports whether a description fits a role: they share their
// last word and one ends with the other ("foreign minister" and "deputy
// foreign minister" do not match; "minister" and "foreign minister" do).
func roleMatch(role, desc string) bool {
	if role == desc {
		return true
	}
	if strings.HasPrefix(role, "deputy ") && !strings.Contains(desc, "deputy") {
		return false
	}
	return strings.HasSuffix(role, " "+desc) || strings.HasSuffix(desc, " "+role) && len(strings.Fields(role)) >= 2
}

// leadingAdverbs are dropped from the front of a speaker phrase ("Even
// China", "But Lavrov").
var leadingAdverbs = map[string]bool{"even": true, "only": true, "also": true, "now": true, "but": true,
	"later": true, "earlier": true, "separately": true, "previously": true, "finally": true,
	"and": true, "so": true, "then": true, "meanwhile": true, "still": true, "however": true, "yet": true}
