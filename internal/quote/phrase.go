package quote

// Phrases: the subject before a cue, the noun phrase after it, and the
// name mentions inside them.

import (
	"iter"
	"sort"
	"strings"

	"github.com/sift-news/sift"
)

// hasName reports whether a name mention starts inside toks[s:e].
func (x *extractor) hasName(s, e int) bool {
	i := x.nameFrom(s)
	return i < len(x.names) && x.names[i].first < e
}

// nameFrom returns the index of the first name mention starting at or
// after token k (len(x.names) if none).
func (x *extractor) nameFrom(k int) int {
	return sort.Search(len(x.names), func(i int) bool { return x.names[i].first >= k })
}

// namesOver yields the name mentions, with their index, that overlap the
// code points [lo, hi) of a phrase starting at token s (the mention
// before s too, which may reach into it).
func (x *extractor) namesOver(s, lo, hi int) iter.Seq2[int, *mention] {
	return func(yield func(int, *mention) bool) {
		for i := max(0, x.nameFrom(s)-1); i < len(x.names); i++ {
			m := &x.names[i]
			if m.start >= hi {
				return
			}
			if m.end > lo && !yield(i, m) {
				return
			}
		}
	}
}

// subject returns the subject of the cue at c: the phrase before it, or
// the name before an apposition ("Staffan de Mistura, the UN’s envoy,
// said"); an adverbial phrase ("after talks on Monday") is passed over to
// the phrase before its comma.
func (x *extractor) subject(c, a int) (int, int) {
	s, e := x.walkLeft(c, a)
	k := c - 1
	for k >= a && x.toks[k].word && gapWords[x.toks[k].lower] && !x.toks[k].cap {
		k--
	}
	if e <= s && k > a && x.toks[k].text == "," {
		// "NAME, DESCRIPTION, said" and "NAME, who …, said"
		p := k - 1
		for p > a && p > k-30 && x.toks[p].text != "," && !isTerminal(&x.toks[p]) && x.inRegion[p] < 0 {
			p--
		}
		if p > a && x.toks[p].text == "," && p+1 < k {
			// "Rep. Chris Collins, R-NY, says": a short apposition.
			if k-(p+1) <= 3 && !x.personIn(p+1, k) {
				if ns, ne := x.walkLeft(p, a); ne > ns && x.hasName(ns, ne) {
					return ns, ne
				}
			}
			// "The state’s campaign chairman, Phil Lovas, said", "One pastor,
			// Darran Whiting of Liberty Baptist Church, said"
			if ns, ne := x.walkLeft(k, p+1); ns == p+1 && (ne-ns <= 5 && x.personIn(ns, ne) || x.personIn(ns, ns+1)) {
				return ns, ne
			}
			first := x.toks[p+1].lower
			if determiners[first] || first == "who" || first == "whose" || first == "which" || titles[first] {
				ns, ne := x.walkLeft(p, a)
				if ne > ns && x.hasName(ns, ne) {
					return ns, ne
				}
				// "Tarek, a 19-year-old apprentice who …, told": a first
				// name the entity stage missed, opening the unit before
				// the description of one person.
				if ne > ns && (first == "a" || first == "an" || first == "who") && x.bareName(ns, ne, a) {
					return ns, ne
				}
				// "“…,” an intelligence source, who was not authorised
				// to speak, told": someone described, whom "who" qualifies.
				if ne > ns && first == "who" && x.namesSomeone(ns, ne) {
					return ns, ne
				}
			}
		}
		// "NAME, 59, of Ashton, Md., who watched …, said": a short name
		// phrase opening the unit and set off by a comma.
		f := x.afterDateline(a, k)
		for f < k && (!x.toks[f].word || x.toks[f].cap && nonNames[x.toks[f].lower] && !x.hasName(f, f+1)) && x.toks[f].text != "," {
			f++
		}
		if ns, ne := x.walkRight(f, k); ne > ns && ne < k && x.toks[ne].text == "," && ne-ns <= 6 && x.hasName(ns, ne) {
			return ns, ne
		}
		return s, e
	}
	if e <= s && k >= a && x.toks[k].lower == "and" {
		// "McConnell was quick to embrace him and said …": the subject of
		// the sentence, after a dateline ("SELVAN (ANA) – Ardesia …").
		f := x.afterDateline(a, k)
		for f < k && !x.toks[f].word {
			f++
		}
		if f < k && (prepositions[x.toks[f].lower] || nonNames[x.toks[f].lower] && !pronounSubject(x.toks[f].lower)) {
			// "In regard to the US, Antonov said … and warned": past the
			// opening phrase.
			for f < k && x.toks[f].text != "," {
				f++
			}
			f++
		}
		ne := f
		for ne < k && ne-f < 6 && x.toks[ne].word && (x.toks[ne].cap || determiners[x.toks[ne].lower] ||
			titles[x.toks[ne].lower] || peopleNouns[x.toks[ne].lower]) {
			ne++
		}
		if ne > f && (x.hasName(f, ne) || x.isPronoun(f, ne) || x.namesSomeone(f, ne)) {
			return f, ne
		}
		return s, e
	}
	if e <= s {
		return s, e
	}
	// "Rebel commanders in Kasrin said", "Farmers near Tel Amrun say": a
	// place after a preposition is not the subject; the group before the
	// preposition is, and without one there is no subject ("a ceasefire
	// in Hadria agreed on March 3").
	if s > a && placePrepositions[x.toks[s-1].lower] && !x.toks[s-1].cap && x.hasName(s, e) {
		if ns, ne := x.walkLeft(s-1, a); ne == s-1 && ne > ns && x.groupHead(ne-1) {
			return ns, e
		}
		return e, e
	}
	// "Saturday at the party convention Sen. Elizabeth Warren said": a long
	// phrase holding a name starts at the name and its titles.
	if e-s > 6 {
		if i := x.nameFrom(e) - 1; i >= 0 && x.names[i].first > s && x.names[i].typ == sift.PERSON {
			ns := x.names[i].first
			for ns > s && x.toks[ns-1].word && (titles[x.toks[ns-1].lower] || isNationality(x.toks[ns-1].lower)) {
				ns--
			}
			if x.adverbialIn(s, ns) || x.toks[s].cap && timeWords[x.toks[s].lower] {
				return ns, e
			}
		}
	}
	adverbial := s > a && (x.toks[s-1].lower == "after" || x.toks[s-1].lower == "before" || x.toks[s-1].lower == "since" || x.toks[s-1].lower == "until")
	if !adverbial && !x.adverbialIn(s, e) {
		return s, e
	}
	j := s - 1
	for j > a && x.toks[j].text != "," {
		j--
	}
	if j > a && x.toks[j].text == "," {
		ns, ne := x.walkLeft(j, a)
		if ne > ns {
			return ns, ne
		}
	}
	return e, e
}

// bareName reports whether toks[s:e], untyped by the entity stage, reads
// as a person's name opening unit a: one to three capitalised words, none
// of them a function word, title, time word or group noun ("Tarek",
// not "Officials" or "However").
func (x *extractor) bareName(s, e, a int) bool {
	if e-s > 3 || s != x.afterDateline(a, e) || !allCaps(x.toks[s:e]) || x.groupHead(e-1) {
		return false
	}
	for k := s; k < e; k++ {
		if w := x.toks[k].lower; nonNames[w] || titles[w] || timeWords[w] || pronouns[w] != 0 || orgWords[w] || mediaWords[w] {
			return false
		}
	}
	return true
}

// afterDateline returns the first token of unit a after a dateline
// ("SELVAN –", "SELVAN, Ardesia (Meridian) –"), or a when there is none. A
// dateline is an upper-case place opening a paragraph, possibly followed by
// a region and an outlet, and closed by a dash before token b.
func (x *extractor) afterDateline(a, b int) int {
	if a > 0 && x.toks[a-1].para == x.toks[a].para || !upperWords(x.toks[a:a+1]) {
		return a
	}
	for k := a + 1; k < b && k <= a+10; k++ {
		t := &x.toks[k]
		if isDash(t.text) {
			return k + 1
		}
		if !t.word && t.text != "," && t.text != "(" && t.text != ")" && t.text != "." || t.word && !t.cap {
			return a
		}
	}
	return a
}

// placePrepositions put a place after a noun ("residents of Ulmet",
// "farmers near Tel Amrun").
var placePrepositions = map[string]bool{"in": true, "near": true, "at": true, "around": true,
	"outside": true, "from": true, "of": true, "inside": true, "across": true}

// groupHead reports whether token k can head a phrase naming a group of
// people: a people noun ("residents", "officials"), a word for everyone
// ("everyone", "nobody") or a plural noun that is not part of a name.
func (x *extractor) groupHead(k int) bool {
	t := &x.toks[k]
	if !t.word || x.hasName(k, k+1) {
		return false
	}
	switch t.lower {
	case "everyone", "everybody", "nobody", "no-one", "anyone", "people", "many", "some", "others":
		return true
	}
	return peopleNouns[t.lower] || orgWords[t.lower] || len(t.lower) > 3 && strings.HasSuffix(t.lower, "s") && !strings.HasSuffix(t.lower, "ss")
}

// timeBefore skips a short time phrase ending at token k ("on Tuesday",
// "last week", "earlier this month") and returns the token before it, or
// k when there is none.
func (x *extractor) timeBefore(k, lo int) int {
	j, time := k, false
	for j >= lo && k-j < 4 && x.toks[j].word {
		lw := x.toks[j].lower
		switch {
		case timeWords[lw] || monthWords[lw]:
			time = true
		case lw == "on" || lw == "last" || lw == "this" || lw == "earlier" || lw == "late" || lw == "early" ||
			lw == "in" || lw == "at" || isDigits(lw):
		default:
			if time {
				return j
			}
			return k
		}
		j--
	}
	if time && j >= lo {
		return j
	}
	return k
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return len(s) > 2 && i >= len(s)-2 // "30th"
		}
	}
	return s != ""
}

// adverbialIn reports whether toks[s:e] holds a lower-case preposition of
// time or place, which makes it an adverbial rather than a subject.
func (x *extractor) adverbialIn(s, e int) bool {
	if s < e && prepositions[x.toks[s].lower] && !x.toks[s].cap {
		return true
	}
	for j := s; j < e; j++ {
		if timeWords[x.toks[j].lower] {
			return true
		}
	}
	return false
}

// walkLeft returns the subject phrase ending before the cue at token c
// (skipping auxiliaries and adverbs such as "also", "has"), not reaching
// before token lo.
func (x *extractor) walkLeft(c, lo int) (int, int) {
	k := c - 1
	// "Clinton on Tuesday said": a time phrase between subject and cue.
	if j := x.timeBefore(k, lo); j < k {
		k = j
		// "Satellite images taken on 15 March show": the participle and
		// its time phrase qualify the subject, which lies before them.
		if k > lo && participle(&x.toks[k]) {
			k--
		}
	}
	for k >= lo && x.toks[k].word && !x.toks[k].cap {
		if gapWords[x.toks[k].lower] {
			k--
			continue
		}
		// "he doesn't think", "they actually believe"
		if w := x.toks[k].lower; (strings.HasSuffix(w, "n't") || strings.HasSuffix(w, "ly")) && k > lo && pronounSubject(x.toks[k-1].lower) {
			k--
			continue
		}
		// "has several times warned"
		if x.toks[k].lower == "times" && k > lo && quantifiers[x.toks[k-1].lower] {
			k -= 2
			continue
		}
		break
	}
	e := k + 1
	// "the story we predicted", "a process he said was under way": a
	// subject pronoun takes no words in front of it, which belong to the
	// clause the pronoun's clause qualifies.
	if k >= lo && x.toks[c].word && x.toks[k].word && pronounSubject(x.toks[k].lower) && pronouns[x.toks[k].lower] != 'w' {
		if k > lo && x.toks[k-1].word && !x.toks[k-1].cap && gapWords[x.toks[k-1].lower] && (k-1 == lo || !x.toks[k-2].word) {
			return e, e // "Lordy, do we know how …": a question ("Nor did they note" is a statement)
		}
		return k, e
	}
	n := 0
	for k >= lo {
		t := &x.toks[k]
		if x.inRegion[k] >= 0 || !t.word {
			if t.text == "&" || t.text == "'" || t.text == "’" {
				k--
				continue
			}
			if t.text == ")" {
				// Skip "(D-Wis.)" after a name.
				j := k - 1
				for j >= lo && j > k-8 && x.toks[j].text != "(" && x.toks[j].text != ")" {
					j--
				}
				if j >= lo && x.toks[j].text == "(" && j > lo {
					if k == e-1 {
						e = j
					}
					k = j - 1
					continue
				}
			}
			break
		}
		if t.lower == "who" || t.lower == "which" {
			if k == e-1 {
				k--
			}
			break
		}
		if stopWords[t.lower] || (!t.cap && cueVerbs[t.lower] != 0 && k < e-1 && !titles[t.lower]) || beVerbs[t.lower] && !t.cap {
			break
		}
		if !t.cap && (t.lower == "and" && k == e-1) {
			break
		}
		if !t.cap && !determiners[t.lower] && !titles[t.lower] && strings.HasSuffix(t.lower, "ed") && k < e-1 && !edAdjectives[t.lower] && !strings.Contains(t.lower, "-") {
			break // a verb: the subject lies after it
		}
		n++
		if n > 20 {
			return e, e
		}
		k--
	}
	s := k + 1
	// Drop leading conjunctions and adverbs.
	for s < e && !x.toks[s].cap && (x.toks[s].lower == "and" || x.toks[s].lower == "but" || x.toks[s].lower == "also" || x.toks[s].lower == "then") {
		s++
	}
	return s, e
}

// participle reports whether t is a lower-case past participle ("taken",
// "published", "agreed").
func participle(t *token) bool {
	if !t.word || t.cap {
		return false
	}
	w := t.lower
	return strings.HasSuffix(w, "ed") && !edAdjectives[w] || irregularParticiples[w]
}

// irregularParticiples are past participles that do not end in -ed.
var irregularParticiples = map[string]bool{"taken": true, "made": true, "seen": true, "shown": true,
	"given": true, "held": true, "written": true, "done": true, "sent": true, "found": true,
	"built": true, "caught": true, "brought": true, "drawn": true, "struck": true, "shot": true,
	"hit": true, "set": true, "put": true, "known": true, "heard": true, "told": true, "signed": true}

// walkRight returns the noun phrase starting at token i: a name or a
// description up to a comma, a clause word or an adverbial preposition.
func (x *extractor) walkRight(i, b int) (int, int) {
	k := i
	for k < b {
		t := &x.toks[k]
		if x.inRegion[k] >= 0 {
			break
		}
		if !t.word {
			if t.text == "&" || t.text == "'" || t.text == "’" {
				k++
				continue
			}
			break
		}
		if k > i && !t.cap {
			switch t.lower {
			case "in", "on", "at", "during", "after", "before", "while", "when", "that", "who", "which",
				"could", "would", "should", "will", "can", "may", "might", "must", "be", "been", "did", "does",
				"said", "says", "told", "as", "to", "from", "with", "about", "over", "last", "this", "was", "is",
				"has", "had", "have", "were", "are", "and", "but", "because", "since", "earlier", "later", "yesterday", "today":
				if t.lower == "and" && k+1 < b && x.toks[k+1].cap {
					k++
					continue
				}
				return i, k
			}
			if cueVerbs[t.lower] != 0 && !titles[t.lower] && !x.nounInPhrase(k, i, b) {
				return i, k
			}
		}
		if k == i && stopWords[t.lower] {
			return i, i
		}
		if k-i >= 14 {
			break
		}
		k++
	}
	return i, k
}

// nounInPhrase reports whether the cue form at token k, inside a noun
// phrase starting at token i, is a noun: "the observation post near the
// town" (after a common noun, before a preposition or the phrase's end).
func (x *extractor) nounInPhrase(k, i, b int) bool {
	if !nounLike[x.toks[k].lower] || k-1 <= i {
		return false
	}
	p := &x.toks[k-1]
	if !p.word || p.cap || determiners[p.lower] || gapWords[p.lower] || prepositions[p.lower] {
		return false
	}
	return k+1 >= b || !x.toks[k+1].word || placePrepositions[x.toks[k+1].lower] || participle(&x.toks[k+1])
}

// apposition prefers a name in an apposition after the phrase s..e:
// "said the official representative of the Ministry, Major General Igor
// Konashenkov".
func (x *extractor) apposition(s, e, b int) (int, int) {
	if x.personIn(s, e) || e+1 >= b || x.toks[e].text != "," {
		return s, e
	}
	s2, e2 := x.walkRight(e+1, b)
	if e2 > s2 && x.personIn(s2, e2) {
		return s2, e2
	}
	return s, e
}

// subjectApposition handles "NAME, DESCRIPTION, said": when the subject
// is a description set off by commas after a name, the name is the subject.
func (x *extractor) subjectApposition(s, e, a int) (int, int) {
	if x.hasName(s, e) && x.personIn(s, e) || s-2 < a || x.toks[s-1].text != "," {
		return s, e
	}
	if !determiners[x.toks[s].lower] {
		return s, e
	}
	// The name must open the unit: in "…, near the village of Tel Amrun,
	// the defence ministry said" the phrase before the comma ends a clause.
	ns, ne := x.walkLeft(s-1, a)
	f := a
	for f < ns && !x.toks[f].word {
		f++
	}
	if ne > ns && ns == f && x.personIn(ns, ne) {
		return ns, ne
	}
	return s, e
}

// personIn reports whether a PERSON mention starts inside toks[s:e].
func (x *extractor) personIn(s, e int) bool {
	for i := x.nameFrom(s); i < len(x.names) && x.names[i].first < e; i++ {
		if x.names[i].typ == sift.PERSON {
			return true
		}
	}
	return false
}

// isPronoun reports whether toks[s:e] is a single pronoun.
func (x *extractor) isPronoun(s, e int) bool {
	return e-s == 1 && pronouns[x.toks[s].lower] != 0
}
