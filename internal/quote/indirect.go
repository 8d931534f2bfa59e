package quote

// Reported speech: a cue verb, its subject and the clause it reports.

import (
	"strings"

	"github.com/sift-news/sift"
)

// indirect handles the cue verb at token c: reported speech such as
// "Lavrov said that …", "…, the Pentagon said in a statement", "…, said X".
func (x *extractor) indirect(ui, c int, markers []marker) {
	a, b := x.units[ui][0], x.units[ui][1]
	t := &x.toks[c]
	if c > a && possessive(x.toks[c-1].lower) && c+1 < b && x.toks[c+1].lower == "that" && nominalCues[t.lower] {
		x.nominalClaim(ui, c, a, b)
		return
	}
	strength := cueVerbs[t.lower]
	if strength == 0 || x.notCueHere(c, a, b, strength) {
		return
	}
	if x.participle(c, a) {
		x.continuedStatement(ui, c, a, b)
		return
	}
	lw := t.lower
	if (lw == "cited" || lw == "quoted" || lw == "cites" || lw == "quotes") && c+1 < b && c > a {
		if ns, ne := x.walkRight(c+1, b); ne > ns && (x.toks[ns].cap && x.personIn(ns, ne) || determiners[x.toks[ns].lower] && x.namesSomeone(ns, ne) && !x.hasName(ns, ne)) {
			return // "RIA cited X": a marker; X's own cue follows
		}
	}
	s, e := x.subject(c, a)
	if x.quantifiedSubject(s, e, c, a, b) {
		return
	}
	hasThat := x.thatAfter(c, b) >= 0
	if x.notASource(c, s, e, hasThat) {
		return
	}
	if strength == weakCue || strength == positionCue {
		x.stanceCue(ui, c, a, b, s, e, strength, hasThat)
		return
	}
	if e <= s {
		x.invertedCue(ui, c, a, b, strength)
		return
	}
	// An appositive subject: "Staffan de Mistura, the UN’s envoy, said".
	s, e = x.subjectApposition(s, e, a)
	if x.statementBefore(ui, c, a, b, s, e, hasThat) {
		return
	}
	x.statementAfter(ui, c, a, b, s, e, markers)
}

// nominalClaim handles reported speech in a noun phrase: "Trump’s claim
// that …", the cue noun at c.
func (x *extractor) nominalClaim(ui, c, a, b int) {
	s, _ := x.walkLeft(c, a)
	if s < c && x.hasName(s, c) {
		spk := x.resolve(s, c)
		if i := x.nameFrom(c) - 1; i >= 0 && x.names[i].first >= s {
			spk = x.mentionRef(&x.names[i]) // the owner is the speaker here
		}
		x.use(s, c+1)
		x.addIndirect(ui, c+2, x.clauseEnd(c+2, b), c, spk)
	}
}

// notCueHere reports whether the cue verb at c (of the given strength) is
// not used as one where it stands: a missing particle, a passive, a noun,
// a preposition or determiner before it.
func (x *extractor) notCueHere(c, a, b int, strength cueStrength) bool {
	t := &x.toks[c]
	if p, ok := needsParticle[t.lower]; ok && (c+1 >= b || x.toks[c+1].lower != p) {
		return true
	}
	if c+1 < b && (x.toks[c+1].lower == "by" || x.toks[c+1].lower == "as" && c+2 < b &&
		(x.toks[c+2].lower == "saying" || x.toks[c+2].lower == "having" || x.toks[c+2].lower == "telling")) {
		return true // passive: "cited by X", "quoted as saying"
	}
	if c > a && (x.toks[c-1].lower == "to" || x.toks[c-1].lower == "the" || x.toks[c-1].lower == "a" || determiners[x.toks[c-1].lower] && x.toks[c-1].lower != "that") {
		return true // "wants to say", "the report"
	}
	lw := t.lower
	if c+1 < b && notCue(lw, x.toks[c+1], c > a && x.toks[c-1].word && !x.toks[c-1].cap && pronouns[x.toks[c-1].lower] == 0) {
		return true // "added up to", "found himself", "continues to", "a group called Black Votes Matter"
	}
	if c > a && (prepositions[x.toks[c-1].lower] || possessive(x.toks[c-1].lower)) {
		return true // "secretary of state", "McKinley's plan"
	}
	if nounLike[lw] && !x.afterName(c, a) {
		return true
	}
	if nounLike[lw] && c+2 < b && x.toks[c+1].word && !x.toks[c+1].cap && cueVerbs[x.toks[c+2].lower] == strongCue {
		return true // "Velmoran state television said": a noun before the cue
	}
	if !strings.HasSuffix(lw, "ing") && c > a && passiveAux[x.toks[x.gapStart(c, a)].lower] {
		return true // passive: "are believed to be", "was reported"
	}
	return false
}

// participle reports whether the cue at c is a present participle that is
// not part of a progressive verb: "…, adding that …".
func (x *extractor) participle(c, a int) bool {
	if !strings.HasSuffix(x.toks[c].lower, "ing") {
		return false
	}
	if c > a && (progressive(x.toks[x.gapStart(c, a)].lower) || x.toks[c-1].text != "," && x.afterName(c, a)) {
		return false // "is claiming", "he's saying", "with Mook arguing that"
	}
	return true
}

// continuedStatement handles a participle cue after a comma: "…, adding
// that …" continues the speaker of the unit's statement.
func (x *extractor) continuedStatement(ui, c, a, b int) {
	if c == a || x.toks[c-1].text != "," {
		return
	}
	var spk *ref
	for si := len(x.stmts) - 1; si >= 0 && x.stmts[si].unit == ui; si-- {
		if x.stmts[si].cueTok < c {
			spk = x.stmts[si].speaker
			break
		}
	}
	if spk == nil {
		return
	}
	cs, ce := x.contentAfter(c, a, b)
	if ce-cs < 2 {
		return
	}
	sp := *spk
	x.addIndirect(ui, cs, ce, c, &sp)
}

// quantifiedSubject reports whether the quantified subject s..e of the cue
// at c leaves the cue nothing to report (and uses the tokens it covers).
func (x *extractor) quantifiedSubject(s, e, c, a, b int) bool {
	neg, q := x.quantifier(s, e)
	if !q {
		return false
	}
	// "Someone told the council that …, the engineer added" is the
	// engineer's, whose cue takes the whole clause.
	if x.closedAfter(c, b) {
		return true
	}
	// "Nobody asked how the Green Scarves knew …" reports nothing
	// anyone said, nor does the clause it holds.
	if neg {
		_, ce := x.contentAfter(c, a, b)
		x.use(s, max(ce, c+1))
		return true
	}
	return false
}

// stanceCue handles a weak or position cue ("believes", "insisted") whose
// subject is s..e: stance verbs need a subject that names someone.
func (x *extractor) stanceCue(ui, c, a, b, s, e int, strength cueStrength, hasThat bool) {
	if e <= s || e-s > 16 || !hasThat && !x.namesSomeone(s, e) && !x.groupHead(e-1) {
		return
	}
	if !hasThat && (x.timeAfter(c, b) || articles[x.toks[s].lower] && !x.hasName(s, e) && x.participleClause(c, b)) {
		return // "a ceasefire agreed on March 3", "The ceasefire agreed in Selvan by …": a participle
	}
	cs, ce := x.contentAfter(c, a, b)
	if ce-cs < 1 && strength == weakCue && s > a && x.toks[s-1].text == "," && !x.colonAfter(c, b) {
		// "…, other studies have shown."
		cs, ce = x.clauseBefore(s-1, a)
	}
	var reported bool
	if cs, reported = x.cleftContent(s, e, c, a, cs, ce); !reported {
		x.use(s, max(ce, c+1))
		return
	}
	if ce-cs < 1 {
		return
	}
	x.use(s, c+1)
	x.addIndirectMin(ui, cs, ce, c, x.resolve(s, e), 1)
}

// invertedCue handles a cue with no subject before it: "…, said X." The
// subject follows the cue.
func (x *extractor) invertedCue(ui, c, a, b int, strength cueStrength) {
	k := c - 1
	for k >= a && x.toks[k].word && gapWords[x.toks[k].lower] {
		k--
	}
	if k < a || x.toks[k].text != "," || strength != strongCue || tellVerbs[x.toks[c].lower] {
		return // "…, told Radio Castel" is no inversion: the one told is the listener
	}
	ns, ne := x.walkRight(c+1, b)
	if ne <= ns || !x.npEnds(ne, b) || x.isPronoun(ns, ne) {
		return
	}
	ns, ne = x.apposition(ns, ne, b)
	cs, ce := x.clauseBefore(k, a)
	if ce-cs < 2 {
		return
	}
	x.use(c, ne)
	x.addIndirect(ui, cs, ce, c, x.resolve(ns, ne))
}

// statementBefore handles the pattern "CLAUSE, X said [in a statement]."
// when a clause precedes the subject s..e and no that-clause follows the
// cue at c, and reports whether it took the cue.
func (x *extractor) statementBefore(ui, c, a, b, s, e int, hasThat bool) bool {
	restWords := x.wordsUntilEnd(c+1, b)
	restAdverbial := c+1 >= b || !x.toks[c+1].word && x.toks[c+1].mark == notMark || x.adverbialStart(c, c+1)
	if x.colonAfter(c, b) {
		restAdverbial = false // "At the time, X reported: …": the statement follows the colon
	}
	if x.toks[x.gapStart(c, a)].lower == "and" {
		restAdverbial = false // "… and warned against …": the subject is far back
	}
	if !restAdverbial || restWords > 8 || hasThat {
		return false
	}
	// “…,” X said on Friday. — a quote the direct pass left alone.
	if s-1 > a && x.quoteBefore(ui, c, a, s, e) {
		return true
	}
	if s > a && x.toks[s-1].text == "," {
		return x.clauseBeforeSubject(ui, c, a, s, e)
	}
	return false
}

// quoteBefore makes the quote mark region closing just before the subject
// s..e of the cue at c a direct statement of that subject, if there is
// one the direct pass left alone, and reports whether it did.
func (x *extractor) quoteBefore(ui, c, a, s, e int) bool {
	q := s - 1
	for q > a && x.inRegion[q] < 0 && (x.toks[q].text == "'" || x.toks[q].text == "’") {
		q-- // the third mark of a tripled quote mark
	}
	if x.toks[q].text == "," {
		q--
	}
	ri := x.inRegion[q]
	if ri < 0 || x.regions[ri].close != q || x.regions[ri].direct || x.regions[ri].words < 2 {
		return false
	}
	r := &x.regions[ri]
	if q+1 < s || x.toks[q-1].text == "," || isTerminal(&x.toks[q-1]) {
		r.direct = true
		x.use(s, c+1)
		x.add(stmt{start: x.toks[r.open].start, end: x.toks[r.close].end, kind: sift.Direct,
			cue: [2]int{x.toks[c].start, x.toks[c].end}, cueTok: c, speaker: x.resolve(s, e), unit: ui})
		return true
	}
	return false
}

// clauseBeforeSubject handles "CLAUSE, X said." after a comma before the
// subject s..e, and reports whether it took the cue at c. "Petrov said …,
// RIA Novosti reported": an outlet passed on a statement already found.
func (x *extractor) clauseBeforeSubject(ui, c, a, s, e int) bool {
	if spk := x.resolve(s, e); spk != nil && spk.media {
		for si := len(x.stmts) - 1; si >= 0 && x.stmts[si].unit == ui; si-- {
			if st := &x.stmts[si]; st.end <= x.toks[s-1].start && (st.speaker == nil || st.speaker.canonical != spk.canonical) {
				st.via = appendRef(st.via, *spk)
				x.use(s, c+1)
				return true
			}
		}
	}
	cs, ce := x.clauseBefore(s-1, a)
	if ce-cs >= 2 {
		x.use(s, c+1)
		x.addIndirect(ui, cs, ce, c, x.resolve(s, e))
		return true
	}
	return false
}

// statementAfter handles the content that follows the cue at c with
// subject s..e: "X said that …", "X told reporters:" closing a paragraph,
// or else a clause before the subject.
func (x *extractor) statementAfter(ui, c, a, b, s, e int, markers []marker) {
	t := &x.toks[c]
	cs, ce := x.contentAfter(c, a, b)
	if x.adverbialOnly(cs, ce) {
		ce = cs // "told journalists on Thursday": nothing reported
	}
	var reported bool
	if cs, reported = x.cleftContent(s, e, c, a, cs, ce); !reported {
		x.use(s, max(ce, c+1))
		return
	}
	if ce-cs < 2 {
		if b < len(x.toks) && x.toks[b].para != x.toks[c].para && x.toks[b-1].text == ":" && x.colonAfter(c, b) {
			// "Lena Vosk told reporters:", "At the time, Meridian
			// reported:" closing a paragraph introduces the next one.
			if spk := x.resolve(s, e); spk != nil {
				x.use(s, c+1)
				x.introduce(ui, c, spk, markers, spk.media || spk.canonical != "" && reportCues[t.lower] && (!writeCues[t.lower] || spk.typ == sift.ORG || spk.typ == sift.MISC))
			}
			return
		}
		if s > a && x.toks[s-1].text == "," && !x.colonAfter(c, b) {
			cs, ce = x.clauseBefore(s-1, a)
			if ce-cs >= 2 {
				x.use(s, c+1)
				x.addIndirect(ui, cs, ce, c, x.resolve(s, e))
			}
		}
		return
	}
	x.use(s, c+1)
	x.addIndirect(ui, cs, ce, c, x.resolve(s, e))
}

// cleftContent handles the subject s..e of the cue at c in a pseudo-cleft
// whose content cs..ce opens with a copula: "What the minister said was
// that taxes would rise" reports "taxes would rise", so cs moves past the
// copula (and "that"); "What the Western press will not tell you is who
// is behind it" reports nothing anyone said, and reported is false.
func (x *extractor) cleftContent(s, e, c, a, cs, ce int) (start int, reported bool) {
	if s <= a || x.toks[s-1].lower != "what" {
		return cs, true
	}
	k := c + 1 // the copula, after the one told: "tell you is"
	for k < ce && (objectPronouns[x.toks[k].lower] || x.toks[k].lower == "you") {
		k++
	}
	if k >= ce || !copulas[x.toks[k].lower] {
		return cs, true
	}
	for i := e; i < c; i++ { // the auxiliaries between subject and cue
		if w := x.toks[i].lower; w == "not" || w == "never" || w == "cannot" || strings.HasSuffix(w, "n't") || strings.HasSuffix(w, "n’t") {
			return cs, false
		}
	}
	cs = max(cs, k+1)
	if cs < ce && x.toks[cs].lower == "that" {
		cs++
	}
	return cs, true
}

// copulas open the second half of a pseudo-cleft ("What X said was …").
var copulas = map[string]bool{"is": true, "was": true, "are": true, "were": true}

// reportCues are the cues by which an outlet or a writer passes on what
// others said ("Brelpress reported:"), whatever the entity stage typed it;
// with writeCues ("Wallace wrote:") only an organisation passes words on,
// anyone else writes their own.
var reportCues = map[string]bool{"reported": true, "reports": true, "wrote": true, "writes": true}

var writeCues = map[string]bool{"wrote": true, "writes": true}

// colonAfter reports whether the cue at c is closed by a colon, directly or
// after a few words ("reported:", "said on Friday:"), so that what it
// introduces follows the colon, never the clause before the subject.
func (x *extractor) colonAfter(c, b int) bool {
	for k := c + 1; k < b && k <= c+5; k++ {
		if x.toks[k].text == ":" {
			return true
		}
		if !x.toks[k].word {
			return false
		}
	}
	return false
}

// timeAfter reports whether the cue at c is followed by a time phrase
// ("agreed on March 3", "found last week") and then a comma or the end.
func (x *extractor) timeAfter(c, b int) bool {
	k := c + 1
	if k < b && (x.toks[k].lower == "on" || x.toks[k].lower == "in" || x.toks[k].lower == "last") {
		k++
	}
	time := false
	for k < b && x.toks[k].word && (timeWords[x.toks[k].lower] || monthWords[x.toks[k].lower] || isDigits(x.toks[k].lower)) {
		time = time || !isDigits(x.toks[k].lower)
		k++
	}
	return time && (k >= b || !x.toks[k].word)
}

// participleClause reports whether the cue at c is a past participle
// qualifying the noun before it: followed by "in", "on", "at" or "by" and
// no "to" or "that" within the next words ("The ceasefire agreed in
// Selvan on 3 March by the ministers has …", unlike "agreed on Monday to
// open a corridor").
func (x *extractor) participleClause(c, b int) bool {
	if !participle(&x.toks[c]) || c+1 >= b {
		return false
	}
	switch x.toks[c+1].lower {
	case "in", "on", "at", "by":
	default:
		return false
	}
	for k := c + 2; k < b && k <= c+10; k++ {
		if w := x.toks[k].lower; w == "to" || w == "that" {
			return false
		}
	}
	return true
}

// afterName reports whether the cue at c follows a pronoun or a name
// directly (skipping auxiliaries and adverbs), so that a form such as
// "plans" or "states" is a verb.
func (x *extractor) afterName(c, a int) bool {
	k := c - 1
	for k >= a && x.toks[k].word && gapWords[x.toks[k].lower] && !x.toks[k].cap {
		k--
	}
	if k < a || !x.toks[k].word {
		return false
	}
	if w := x.toks[k].lower; pronouns[w] != 0 && !objectPronouns[w] {
		return true
	}
	if peopleNouns[x.toks[k].lower] {
		return true
	}
	if !x.toks[k].cap {
		return false
	}
	if i := x.nameFrom(k+1) - 1; i >= 0 {
		if m := &x.names[i]; m.start <= x.toks[k].start && x.toks[k].end <= m.end {
			return m.typ != sift.LOC && m.typ != sift.MISC
		}
	}
	return k > a
}

// notCue reports whether a cue word w followed by next is used in another
// sense: a phrasal verb ("added up"), a reflexive ("found himself"), an
// infinitive of duration ("continues to"), an attributive ("pledged
// delegates") or, after a common noun, a naming ("a group called Black
// Votes Matter").
func notCue(w string, next token, afterNoun bool) bool {
	n := next.lower
	switch {
	case n == "up" && (w == "add" || w == "adds" || w == "added" || w == "adding"):
		return true
	case strings.HasPrefix(w, "f") && (n == "himself" || n == "herself" || n == "themselves" || n == "itself"):
		return true // "found himself"
	case (w == "continues" || w == "continued" || w == "continue") && n == "to":
		return true
	case n == "delegate" || n == "delegates":
		return true
	case w == "told" && n == "to":
		return true // "Foreign film crews told to be in town": an order, not speech
	case afterNoun && next.cap && (w == "called" || w == "named" || w == "dubbed" || w == "titled"):
		return true
	}
	return false
}

// pronounSubject reports whether w is a subject pronoun.
func pronounSubject(w string) bool { return pronouns[w] != 0 && !objectPronouns[w] }

// skipGap returns the first token from i that is not an adverb or an
// auxiliary ("also", "has").
func (x *extractor) skipGap(i, b int) int {
	for i < b-1 && x.toks[i].word && gapWords[x.toks[i].lower] {
		i++
	}
	return i
}

// gapStart returns the index of the token before the cue at c once
// adverbs such as "once again" are skipped.
func (x *extractor) gapStart(c, a int) int {
	k := c - 1
	for k > a && x.toks[k].word && !x.toks[k].cap && gapAdverbs[x.toks[k].lower] {
		k--
	}
	return k
}

// progressive reports whether w makes a following -ing form a finite verb.
func progressive(w string) bool {
	switch w {
	case "is", "are", "was", "were", "been", "be", "keeps", "kept":
		return true
	}
	return strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "'re")
}

// namesSomeone reports whether the phrase toks[s:e] is a pronoun, holds a
// name or is a description of people ("the campaign", "officials").
func (x *extractor) namesSomeone(s, e int) bool {
	if x.isPronoun(s, e) || x.hasName(s, e) {
		return true
	}
	for k := s; k < e; k++ {
		if t := &x.toks[k]; t.word && (t.cap || pronounSubject(t.lower) || titles[t.lower] || orgWords[t.lower] || peopleNouns[t.lower]) {
			return true
		}
	}
	return false
}

// articles open a noun phrase.
var articles = map[string]bool{"the": true, "a": true, "an": true}

// addIndirect records reported speech over tokens [cs, ce) with its cue at
// token c; quoted fragments inside make it mixed.
func (x *extractor) addIndirect(ui, cs, ce, c int, spk *ref) {
	x.addIndirectMin(ui, cs, ce, c, spk, 2)
}

// addIndirectMin is addIndirect for content of at least min tokens.
func (x *extractor) addIndirectMin(ui, cs, ce, c int, spk *ref, min int) {
	for cs < ce && !x.toks[cs].word && x.toks[cs].mark == notMark {
		cs++
	}
	for ce > cs && !x.toks[ce-1].word && x.toks[ce-1].mark == notMark {
		ce--
	}
	if ce-cs < min {
		return
	}
	s := stmt{start: x.toks[cs].start, end: x.toks[ce-1].end, kind: sift.Indirect,
		cue: [2]int{x.toks[c].start, x.toks[c].end}, cueTok: c, speaker: spk, unit: ui}
	if lw := x.toks[c].lower; (lw == "point" || lw == "pointed") && c+1 < len(x.toks) {
		s.cue[1] = x.toks[c+1].end
	}
	for k := cs; k < ce; k++ {
		if ri := x.inRegion[k]; ri >= 0 {
			if x.regions[ri].direct {
				return
			}
			s.kind = sift.Mixed
		}
	}
	x.add(s)
}

// clauseEnd returns where a clause starting at token i ends: the end of
// the unit, a source phrase or a direct quote.
func (x *extractor) clauseEnd(i, b int) int {
	for k := i; k < b; k++ {
		if ri := x.inRegion[k]; ri >= 0 && x.regions[ri].direct {
			return k
		}
		if x.toks[k].text == "," && k+1 < b && viaWords[x.toks[k+1].lower] {
			return k
		}
	}
	return b
}

// thatAfter returns the index of "that" opening the cue's clause, or -1.
func (x *extractor) thatAfter(c, b int) int {
	for k := c + 1; k < b && k <= c+16; k++ {
		t := &x.toks[k]
		if x.inRegion[k] >= 0 || t.text == "." || t.text == ";" {
			return -1
		}
		if t.lower == "that" {
			return k
		}
		if k == c+1 && needsParticle[x.toks[c].lower] == t.lower {
			continue // "pointed out that"
		}
		if k == c+1 && !x.adverbialStart(c, k) {
			return -1
		}
		if t.word && cueVerbs[t.lower] != 0 && k > c+1 {
			return -1
		}
	}
	return -1
}

// adverbialStart reports whether the token k right after the cue at c
// opens an adverbial or an object that may stand before "that": "said on
// Thursday that", "told reporters that", "said, however, that".
func (x *extractor) adverbialStart(c, k int) bool {
	t := &x.toks[k]
	if !t.word {
		return t.text == ","
	}
	switch t.lower {
	case "in", "on", "at", "during", "to", "after", "before", "via", "through", "from", "with",
		"last", "this", "earlier", "later", "today", "yesterday", "tonight", "recently", "repeatedly",
		"again", "also", "publicly", "privately", "separately", "previously", "however", "then",
		"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "twice", "once",
		"over", "under", "while", "in a", "late", "early", "when", "both", "first", "further":
		return true
	}
	switch x.toks[c].lower {
	case "told", "tell", "tells", "telling", "warned", "warn", "warns", "assured", "reminded",
		"informed", "convinced", "persuaded", "urged", "asked", "showed", "shown":
		return true
	}
	return false
}

// adverbialOnly reports whether toks[cs:ce] is a short time or place
// phrase ("on Thursday", "in a statement") rather than reported content.
func (x *extractor) adverbialOnly(cs, ce int) bool {
	if ce <= cs || ce-cs > 5 || !x.toks[cs].word {
		return false
	}
	t := &x.toks[cs]
	return !t.cap && prepositions[t.lower] && t.lower != "about" || timeWords[t.lower]
}

// wordsUntilEnd counts the words after a cue before the end of the unit or
// a source phrase.
func (x *extractor) wordsUntilEnd(i, b int) int {
	n := 0
	for k := i; k < b; k++ {
		t := &x.toks[k]
		if t.text == "," && k+1 < b && (x.toks[k+1].lower == "according" || x.toks[k+1].lower == "cited" ||
			x.toks[k+1].lower == "as" || strings.HasSuffix(x.toks[k+1].lower, "ing") && !x.toks[k+1].cap) {
			return n // "…, she said, referencing …"
		}
		if x.inRegion[k] >= 0 && x.regions[x.inRegion[k]].direct {
			return n
		}
		if t.word {
			n++
		}
	}
	return n
}

// contentAfter returns the reported clause after the cue at c: from after
// "that" (or the cue and its object) to the end of the unit, stopping at a
// source phrase or a participle clause.
func (x *extractor) contentAfter(c, a, b int) (int, int) {
	start := c + 1
	if lw := x.toks[c].lower; lw == "point" || lw == "pointed" {
		start++
	}
	if th := x.thatAfter(c, b); th >= 0 {
		start = th + 1
	} else {
		switch x.toks[c].lower {
		case "told", "tell", "tells", "telling", "asked", "urged", "warned", "assured":
			// Skip the object: "told reporters", "warned Turkey"; a
			// subject pronoun opens the clause ("told Radio Castel he
			// heard …").
			_, e := x.walkRight(start, b)
			for k := start + 1; k < e; k++ {
				if g := pronouns[x.toks[k].lower]; g != 0 && g != 'w' && !objectPronouns[x.toks[k].lower] {
					e = k
					break
				}
			}
			if e > start && e-start <= 3 {
				start = e
			}
		}
		for start < b && !x.toks[start].word && x.toks[start].mark == notMark {
			start++
		}
	}
	if start < b && viaWords[x.toks[start].lower] {
		return start, start // "reported, citing TASS": a source, not content
	}
	if start > c+1 && x.toks[c+1].text == "," && start < b && strings.HasSuffix(x.toks[start].lower, "ing") {
		return start, start // "she said, referencing …": a participle clause
	}
	end := start
	for ; end < b; end++ {
		t := &x.toks[end]
		if ri := x.inRegion[end]; ri >= 0 && x.regions[ri].direct {
			break
		}
		if t.text == "," && end+1 < b {
			n := x.toks[end+1].lower
			if n == "according" || n == "adding" || n == "citing" || n == "cited" || n == "noting" ||
				n == "saying" || n == "quoted" || n == "stressing" || n == "insisting" ||
				(n == "as" && end+2 < b && (x.toks[end+2].lower == "reported" || x.toks[end+2].lower == "cited" || x.toks[end+2].lower == "quoted")) {
				break
			}
			// ", he said" ends the clause too, and so does ", and said".
			if x.closingAttribution(end+1, b) {
				break
			}
			if n == "and" && end+2 < b && cueVerbs[x.toks[x.skipGap(end+2, b)].lower] == strongCue {
				break
			}
		}
	}
	return start, end
}

// closedAfter reports whether a short "…, X said" tail closes the unit
// after the cue at c.
func (x *extractor) closedAfter(c, b int) bool {
	for k := c + 1; k < b; k++ {
		if x.toks[k].text == "," && x.closingAttribution(k+1, b) {
			return true
		}
	}
	return false
}

// closingAttribution reports whether toks[i:b] is a short "X said" tail.
func (x *extractor) closingAttribution(i, b int) bool {
	for k := i; k < b && k < i+8; k++ {
		t := &x.toks[k]
		if !t.word {
			return false
		}
		if cueVerbs[t.lower] == strongCue {
			s, _ := x.walkLeft(k, i)
			return s == i || k == i
		}
	}
	return false
}

// clauseBefore returns the clause that ends at the comma at token k: from
// the start of the unit (after a dateline) or the end of the last statement
// in it.
func (x *extractor) clauseBefore(k, a int) (int, int) {
	start := x.afterDateline(a, k) // "SELVAN (ANA) – …": the dateline is no content
	for si := len(x.stmts) - 1; si >= 0 && x.stmts[si].end > x.toks[a].start; si-- {
		s := &x.stmts[si]
		if s.end <= x.toks[k].start {
			e := tokenAt(x.toks, s.end)
			if e+1 > start {
				start = e + 1
			}
			if s.cueTok >= start && s.cueTok < k {
				start = s.cueTok + 1
			}
			break
		}
	}
	// Skip a leading "According to X," already told apart as a marker.
	return start, k
}
