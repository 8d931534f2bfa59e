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
	if _, q := x.quantifier(s, e); q {
		return nil // "Nobody", "Everyone in the region": no one in particular
	}
	phrase := &ref{start: x.toks[s].start, end: x.toks[e-1].end}
	if e-s == 1 {
		if g, ok := pronouns[x.toks[s].lower]; ok {
			return x.pronoun(s, g)
		}
	}
	if r := x.ofOrganisation(s, e); r != nil {
		return r
	}
	// The strongest name inside the phrase: a person, then an organisation,
	// then a place.
	best, bestRank := -1, -1
	lo, hi := x.toks[s].start, x.toks[e-1].end
	for i, m := range x.namesOver(s, lo, hi) {
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
		if x.modifier(m, e) || x.complement(m, s) {
			continue // "the Ardesian defence ministry", "residents of Ulmet": not the head
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
	if d := x.issuer(s, e, phrase); d != nil {
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

// ofOrganisation returns the organisation that toks[s:e] names as a whole
// when the phrase is a capitalised organisation word followed by "of" and
// a capitalised name ("The General Command of the Velmoran Army", "the
// Supreme Council of Ardesia"): the head comes before "of", whatever the
// names inside were typed. It returns nil for any other phrase, and when a
// single name found by the entity stage already covers the phrase or a
// person is named after "of".
func (x *extractor) ofOrganisation(s, e int) *ref {
	h := s
	for h < e && determiners[x.toks[h].lower] && !x.toks[h].cap || h < e && x.toks[h].lower == "the" {
		h++
	}
	k := h
	for k < e && x.toks[k].word && x.toks[k].cap && x.toks[k].lower != "of" {
		k++
	}
	if k == h || k+1 >= e || x.toks[k].lower != "of" || !orgHeads[x.toks[k-1].lower] && !orgWords[x.toks[k-1].lower] {
		return nil
	}
	for j := k + 1; j < e; j++ {
		t := &x.toks[j]
		if !t.word || !t.cap && t.lower != "the" && t.lower != "and" && t.lower != "of" && t.lower != "for" {
			return nil
		}
	}
	if !x.toks[e-1].cap {
		return nil
	}
	lo, hi := x.toks[h].start, x.toks[e-1].end
	for _, m := range x.namesOver(h, lo, hi) {
		if m.start <= lo && m.end >= hi || m.typ == sift.PERSON && m.first > k {
			return nil
		}
	}
	return &ref{start: lo, end: hi, canonical: x.text[lo:hi], typ: sift.ORG}
}

// orgHeads are words that, capitalised and followed by "of", head the name
// of an organisation besides the organisation words ("the General Command
// of the Army", "the General Staff of the Armed Forces").
var orgHeads = map[string]bool{"command": true, "staff": true, "headquarters": true,
	"directorate": true, "secretariat": true, "authority": true, "board": true}

// modifier reports whether the mention m is followed, inside a phrase
// ending before token e, by a lower-case noun it qualifies ("Ardesian
// defence ministry", "Trump supporters").
func (x *extractor) modifier(m *mention, e int) bool {
	k := tokenAt(x.toks, m.end) // the first token after the mention
	if k < 0 || k >= e || x.toks[k].start < m.end {
		return false
	}
	noun := func(t *token) bool {
		return t.word && !t.cap && !prepositions[t.lower] && !placePrepositions[t.lower] && !determiners[t.lower] &&
			t.lower != "and" && t.lower != "or" && !gapWords[t.lower] && !participle(t) && pronouns[t.lower] == 0
	}
	if !noun(&x.toks[k]) {
		return false
	}
	if m.typ != sift.ORG {
		return true
	}
	// "the UN special envoy": an organisation's official speaks for it.
	for k+1 < e && noun(&x.toks[k+1]) {
		k++
	}
	return !titles[x.toks[k].lower]
}

// complement reports whether the mention m follows a lower-case
// preposition of place inside a phrase starting at token s ("residents of
// Ulmet", "farmers near Tel Amrun").
func (x *extractor) complement(m *mention, s int) bool {
	k := m.first - 1
	for k > s && determiners[x.toks[k].lower] {
		k--
	}
	if k < s || !x.toks[k].word || x.toks[k].cap {
		return false
	}
	if x.toks[k].lower == "for" {
		return m.typ != sift.ORG // "the UN envoy for Velmora", "a spokesman for Kalinov"
	}
	if !placePrepositions[x.toks[k].lower] {
		return false
	}
	// "officials of the ministry" name the ministry's people: an
	// organisation after "of", "at" or "from" still speaks.
	return m.typ != sift.ORG || !orgPrepositions[x.toks[k].lower]
}

// orgPrepositions link people to the organisation they speak for.
var orgPrepositions = map[string]bool{"of": true, "at": true, "from": true}

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
	if firstPerson[x.toks[k].lower] {
		return x.firstPersonRef(k, r)
	}
	switch g {
	case 'w':
		return x.relative(k, r)
	case 'm', 'f':
	case 'n':
		return x.itRef(k, r)
	case 'p':
		return x.theyRef(k, r)
	default:
		return nil
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
	// "he" and "she" are people: never an outlet, whatever the entity stage
	// typed it, nor the one told ("Tarek told Radio Castel he …").
	person := func(m *mention) bool {
		return m.typ == sift.PERSON && !m.media && !isMedia(strings.ToLower(m.canonical)) && !x.addressee(m.first)
	}
	// The last person who spoke.
	var cand *ref
	for i := len(x.speakers) - 1; i >= 0 && i >= len(x.speakers)-maxLookBack; i-- {
		sp := &x.speakers[i]
		if sp.media || isMedia(strings.ToLower(sp.canonical)) {
			continue
		}
		if sp.start < pos && fits(sp.canonical, sp.gender) {
			cand = sp
			break
		}
	}
	// A person who is the subject of a later sentence wins.
	first := x.nameFrom(k) - 1
	for i := first; i >= 0 && i > first-maxLookBack; i-- {
		m := &x.names[i]
		if m.start >= pos || !person(m) || !fits(m.canonical, m.gender) {
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
			if m.start < pos && person(m) && fits(m.canonical, m.gender) {
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

// addressee reports whether the name at token k is the one told: the
// object of "told", "tell" ("told the Castel Herald").
func (x *extractor) addressee(k int) bool {
	j := k - 1
	if j >= 0 && x.toks[j].lower == "the" {
		j--
	}
	return j >= 0 && tellVerbs[x.toks[j].lower]
}

// groupType marks a speaker that is a group or a description named by its
// phrase ("Rebel commanders"), never a person a later "he" or "she" may
// refer to.
const groupType = "group"

// firstPerson are the pronouns of the one who speaks.
var firstPerson = map[string]bool{"i": true, "i'm": true, "i've": true, "me": true, "we": true,
	"we're": true, "we've": true, "us": true}

// firstPersonRef resolves "we" or "I" at token k: inside a quotation it is
// the quotation's speaker; outside, it is the writer (the article's author
// or outlet), and no speaker when the writer is unknown.
func (x *extractor) firstPersonRef(k int, r *ref) *ref {
	if x.inRegion[k] < 0 {
		// "Lena Vosk wrote:⏎⏎I think …": the paragraph is hers.
		if in := x.intro; in != nil && !in.outlet && in.para == x.toks[k].para {
			c := in.speaker
			c.start, c.end = r.start, r.end
			if c.canonical == "" {
				c.canonical, c.typ = x.text[in.speaker.start:in.speaker.end], groupType
			}
			return &c
		}
		if x.writer == "" {
			return nil
		}
		r.canonical, r.typ = x.writer, groupType
		return r
	}
	pos := x.toks[k].start
	for i := len(x.stmts) - 1; i >= 0; i-- {
		st := &x.stmts[i]
		if st.kind == sift.Indirect || st.start > pos || st.end <= pos {
			continue
		}
		if sp := st.speaker; sp != nil {
			if sp.canonical == "" {
				c := *sp
				return &c
			}
			r.canonical, r.typ, r.gender, r.media = sp.canonical, sp.typ, sp.gender, sp.media
			return r
		}
		return nil
	}
	return nil
}

// relative resolves "who" or "which" at token k to the phrase before it
// ("Dravia, which had promised", "an architect who said"); a phrase that
// names nobody gives no speaker.
func (x *extractor) relative(k int, r *ref) *ref {
	a := x.units[x.unitOf(k)][0]
	j := k
	for j > a && (x.toks[j-1].text == "," || isDash(x.toks[j-1].text)) {
		j--
	}
	s, e := x.walkLeft(j, a)
	if e <= s || e == k && s == k {
		return nil
	}
	if x.isPronoun(s, e) {
		return nil
	}
	p := x.resolve(s, e)
	if p == nil {
		return nil
	}
	if p.canonical != "" {
		r.canonical, r.typ, r.gender, r.media = p.canonical, p.typ, p.gender, p.media
		return r
	}
	if p.typ != "" {
		return p
	}
	// The noun phrase nearest the pronoun: "paying an architect who",
	// "a retort to both Democrats and Republicans, who".
	for j := e - 1; j > s; j-- {
		if w := x.toks[j-1].lower; (prepositions[w] || w == "to") && !x.toks[j-1].cap {
			s = j
			break
		}
		if articles[x.toks[j-1].lower] {
			s = j - 1
			break
		}
	}
	// A restrictive "who" (no comma) makes any noun a person: "an
	// architect who said".
	who := x.toks[k].lower == "who" && j == k && !x.toks[e-1].cap && pronouns[x.toks[e-1].lower] == 0
	if x.groupHead(e-1) || titles[x.toks[e-1].lower] || who {
		p.start = x.toks[s].start
		// "an architect who said", "Democrats on Capitol Hill, who":
		// the group or description is the speaker.
		r.canonical, r.typ = x.text[p.start:p.end], groupType
		return r
	}
	return nil
}

// itRef resolves "it" at token k to the organisation or country that spoke
// last, not long before, when no other organisation or place was named
// in between as the subject of a sentence or in the pronoun's own sentence
// ("If the West can paint Dravia as the aggressor, it can demand …" is not
// the ministry that spoke before). Without one there is no speaker.
func (x *extractor) itRef(k int, r *ref) *ref {
	if x.toks[k].lower != "it" && x.toks[k].lower != "it's" {
		return nil
	}
	pos, para := x.toks[k].start, x.toks[k].para
	a := x.units[x.unitOf(k)][0]
	// "The FBI needs to stay out unless it wants …": an organisation named
	// earlier in the sentence.
	for i := x.nameFrom(k) - 1; i >= 0 && x.names[i].first >= a; i-- {
		if m := &x.names[i]; m.typ != sift.PERSON && m.start < pos && x.inRegion[m.first] < 0 {
			if m.typ != sift.ORG {
				return nil
			}
			mr := x.mentionRef(m)
			r.canonical, r.typ, r.media = mr.canonical, sift.ORG, mr.media
			return r
		}
	}
	// "The city sent a letter on Thursday. It says …": an organisation or
	// a document opening the previous sentence.
	if ui := x.unitOf(k); ui > 0 && para-x.toks[x.units[ui-1][0]].para <= 1 && !x.spokeIn(ui-1) {
		if g := x.thingRef(x.units[ui-1][0], x.units[ui-1][1]); g != nil {
			r.canonical, r.typ, r.media = g.canonical, g.typ, g.media
			return r
		}
	}
	var sp *ref
	for i := len(x.stmts) - 1; i >= 0 && i >= len(x.stmts)-6; i-- {
		c := x.stmts[i].speaker
		if c == nil || c.canonical == "" || c.start >= pos || para-x.toks[tokenAt(x.toks, c.start)].para > 2 {
			continue
		}
		if c.typ == sift.PERSON {
			return nil // a person spoke last: "it" is something else
		}
		if c.typ == sift.ORG || c.typ == sift.LOC {
			sp = c
			break
		}
	}
	// "…, the congressional report said. It accused …": a document or an
	// organisation named by a description spoke last.
	for i := len(x.stmts) - 1; i >= 0 && i >= len(x.stmts)-2; i-- {
		c := x.stmts[i].speaker
		if c == nil || c.start >= pos {
			continue
		}
		if c.canonical == "" && c.typ == "" && (sp == nil || c.start > sp.end) {
			if head := strings.ToLower(x.text[c.start:c.end]); strings.LastIndexByte(head, ' ') >= 0 {
				head = head[strings.LastIndexByte(head, ' ')+1:]
				if (orgWords[head] || peopleNouns[head]) && !strings.HasSuffix(head, "s") {
					r.canonical, r.typ = x.text[c.start:c.end], groupType
					return r
				}
			}
		}
		break
	}
	if sp == nil {
		return nil
	}
	for i := x.nameFrom(k) - 1; i >= 0 && x.names[i].start >= sp.end; i-- {
		m := &x.names[i]
		if m.typ == sift.PERSON || m.canonical == sp.canonical || m.start >= pos || x.inRegion[m.first] >= 0 {
			continue
		}
		if m.first >= a || x.isSubject(m.first) {
			return nil
		}
	}
	r.canonical, r.typ, r.media = sp.canonical, sp.typ, sp.media
	return r
}

// spokeIn reports whether a statement of unit ui has a speaker.
func (x *extractor) spokeIn(ui int) bool {
	for i := len(x.stmts) - 1; i >= 0 && x.stmts[i].unit >= ui; i-- {
		if x.stmts[i].unit == ui && x.stmts[i].speaker != nil {
			return true
		}
	}
	return false
}

// thingRef returns the organisation or document ("the ad", "the
// report") opening the unit [a, b) as its subject, or nil. A statement's
// speaker found there keeps its canonical name.
func (x *extractor) thingRef(a, b int) *ref {
	s, e := x.openingSubject(a, b)
	if e <= s {
		return nil
	}
	lo, hi := x.toks[s].start, x.toks[e-1].end
	for i := len(x.stmts) - 1; i >= 0 && x.stmts[i].end > lo-1000; i-- {
		if sp := x.stmts[i].speaker; sp != nil && overlaps(sp.start, sp.end, lo, hi) {
			if sp.typ == sift.ORG && sp.canonical != "" {
				return sp
			}
			break
		}
	}
	g := x.resolve(s, e)
	if g == nil {
		return nil
	}
	if g.typ == sift.ORG && g.canonical != "" {
		return g
	}
	head := x.toks[e-1].lower
	if g.canonical == "" && g.typ == "" && (orgWords[head] || peopleNouns[head]) && !strings.HasSuffix(head, "s") {
		return &ref{start: lo, end: hi, canonical: x.text[lo:hi], typ: groupType}
	}
	return nil
}

// theyRef resolves "they" at token k to a group named just before: the
// subject of its own sentence when the pronoun comes later in it
// ("Proponents, …, have urged Congress …, although they say"), else the
// subject of the previous sentence ("Voting rights advocates have
// expressed concern. They cite …"), when that subject is a group
// ("Rebel commanders", "Mr. Grassley and Mr. Leahy", an organisation).
// Without one there is no speaker.
func (x *extractor) theyRef(k int, r *ref) *ref {
	if x.toks[k].lower != "they" && x.toks[k].lower != "they're" && x.toks[k].lower != "they've" {
		return nil
	}
	ui := x.unitOf(k)
	if s, e := x.openingSubject(x.units[ui][0], k); e > s {
		if g := x.groupRef(s, e); g != nil {
			r.canonical, r.typ, r.media = g.canonical, g.typ, g.media
			return r
		}
	}
	if ui == 0 || x.toks[k].para-x.toks[x.units[ui-1][0]].para > 1 {
		return nil
	}
	p := x.units[ui-1]
	if s, e := x.openingSubject(p[0], p[1]); e > s {
		if g := x.groupRef(s, e); g != nil {
			r.canonical, r.typ, r.media = g.canonical, g.typ, g.media
			return r
		}
	}
	return nil
}

// openingSubject returns the short noun phrase opening the unit that
// starts at token a, before token b: after a dateline and leading adverbs,
// up to an auxiliary, a verb, a clause word or a preposition of place.
func (x *extractor) openingSubject(a, b int) (int, int) {
	f := x.afterDateline(a, b)
	for f < b && (!x.toks[f].word || leadingAdverbs[x.toks[f].lower]) {
		f++
	}
	e := f
	for e < b && e-f < 6 && x.toks[e].word && x.inRegion[e] < 0 && !gapWords[x.toks[e].lower] &&
		!stopWords[x.toks[e].lower] && !beVerbs[x.toks[e].lower] && cueVerbs[x.toks[e].lower] == 0 &&
		!(participle(&x.toks[e]) && e > f) && !placePrepositions[x.toks[e].lower] {
		e++
	}
	if e > f && x.isPronoun(f, e) {
		return f, f
	}
	return f, e
}

// groupRef returns the group that toks[s:e] names, or nil: a plural phrase
// ("aid workers", "Democrats"), names joined by "and", or an organisation.
func (x *extractor) groupRef(s, e int) *ref {
	last := x.toks[e-1].lower
	plural := len(last) > 3 && strings.HasSuffix(last, "s") && !strings.HasSuffix(last, "ss")
	joined := false
	for k := s + 1; k < e-1; k++ {
		if x.toks[k].lower == "and" {
			joined = true
		}
	}
	if _, q := x.quantifier(s, e); q {
		return nil
	}
	g := x.resolve(s, e)
	if g != nil && g.canonical != "" && g.typ == sift.ORG {
		return g
	}
	if !plural && !joined && !x.groupHead(e-1) {
		return nil
	}
	return &ref{start: x.toks[s].start, end: x.toks[e-1].end, canonical: x.text[x.toks[s].start:x.toks[e-1].end], typ: groupType}
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
	// "the ministry", "the army": the organisation of that kind that spoke
	// last, not long before.
	if orgWords[head] && len(words) == 1 && x.toks[s].lower == "the" {
		for i := len(x.stmts) - 1; i >= 0 && i >= len(x.stmts)-10; i-- {
			sp := x.stmts[i].speaker
			if sp != nil && sp.start < phrase.start && sp.typ == sift.ORG && sp.canonical != "" &&
				strings.Contains(" "+strings.ToLower(sp.canonical)+" ", " "+head+" ") {
				r := *phrase
				r.canonical, r.typ, r.media = sp.canonical, sift.ORG, sp.media
				return &r
			}
		}
	}
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

// documentNouns name a document that speaks for its issuer ("the
// statement said").
var documentNouns = map[string]bool{"statement": true, "communique": true, "communiqué": true,
	"release": true, "letter": true, "declaration": true}

// issuer resolves "the statement" to whoever the article said issued one
// shortly before ("In a written statement, the ministry said …"): the
// speaker of the sentence that introduced "a statement". It returns nil
// when there is none.
func (x *extractor) issuer(s, e int, phrase *ref) *ref {
	if e-s != 2 || x.toks[s].lower != "the" || !documentNouns[x.toks[s+1].lower] {
		return nil
	}
	noun := x.toks[s+1].lower
	para := x.toks[s].para
	for k := s - 1; k >= 0 && k >= s-400 && para-x.toks[k].para <= 2; k-- {
		if x.toks[k].lower != noun || x.inRegion[k] >= 0 {
			continue
		}
		introduced := false
		for j := k - 1; j >= 0 && j >= k-3; j-- {
			if articles[x.toks[j].lower] && x.toks[j].lower != "the" {
				introduced = true
			}
		}
		if !introduced {
			continue
		}
		ui := x.unitOf(k)
		for i := len(x.stmts) - 1; i >= 0; i-- {
			st := &x.stmts[i]
			if st.unit < ui {
				break
			}
			if st.unit == ui && st.speaker != nil {
				r := *phrase
				r.canonical, r.typ, r.media = st.speaker.canonical, st.speaker.typ, st.speaker.media
				if r.canonical == "" {
					r.canonical, r.typ = x.text[st.speaker.start:st.speaker.end], groupType
				}
				return &r
			}
		}
		return nil
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
