package ner

import (
	"strings"
	"unicode"
)

// Rules applied to the tagger's output, for names the tagger has never
// seen (the tagger learnt the types of the names of CoNLL-2003; an unseen
// place may come out as a person). They change tags, not the model, and
// Evaluate applies them too, so `sift eval ner` measures them.

// leadWords are capitalised words that open a sentence but never a name:
// "Three Ardesian soldiers", "His Ardesian counterpart".
var leadWords = wordSet(`one two three four five six seven eight nine ten eleven twelve thirteen
	fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty hundred hundreds
	thousand thousands million millions dozens dozen several many some most all both few his her
	their its our my your these those this that another each every no`)

// orgHeads are the last words of names of organisations: "General
// Command", "Ministry", "Liberation Front".
var orgHeads = wordSet(`ministry army front council agency command committee commission party movement
	union forces brigade brigades battalion regiment corps guard guards police authority department
	directorate office bank court parliament assembly federation organisation organization association
	institute university company group network alliance coalition league bureau service services
	tribunal senate congress`)

// kindHeads are last words that say what kind of thing a name of two
// words or more names, with the type CoNLL-2003 gives such names
// (almost always, in its training data): "Marram Street", "Strait of
// Hormuz" as places, "Eras Tour" and "Digital Markets Act" as other
// names, "Heddle Partners" as an organisation.
var kindHeads = func() map[string]int {
	m := map[string]int{}
	for k, ws := range [4]string{
		typeORG: `party inc inc. corp corp. ltd ltd. plc co co. company holdings airlines airways association
			university college institute group partners ministry department commission council`,
		typeLOC: `street road avenue boulevard square river bridge valley strait canal dam bay gulf lake
			mountains sea ocean island islands`,
		typeMISC: `cup prize award awards championship championships tour act marathon festival trophy`,
	} {
		for _, w := range strings.Fields(ws) {
			m[w] = k
		}
	}
	return m
}()

// kindLeads are first words that say a name of two words or more names
// a place: "Lake Chad", "Mount Kenya", "Strait of Hormuz".
var kindLeads = wordSet(`lake mount mt mt. strait cape fort`)

// eventLeads open the names of storms and operations, other names
// (MISC) in CoNLL-2003: "Storm Babet", "Hurricane Ida", "Operation Desert
// Storm"; "Operation" the tagger left out of the name ("Operation" read as
// a title before a person's name) is put back.
var eventLeads = wordSet(`storm hurricane typhoon cyclone operation`)

// locCues are the words before a place: "in Tarsa", "near Tarsa".
var locCues = wordSet(`in near outside into towards toward across around inside`)

// placeNouns introduce a place with "of": "the village of Tarsa".
var placeNouns = wordSet(`town city village province region district governorate capital area suburb
	neighbourhood neighborhood outskirts county state republic island port valley`)

// corpNouns say what kind of organisation a name is, in apposition after
// it ("Brightloom Analytics, a startup based in Austin", "Norvane, a
// Korean maker of robots") or as the owner of shares, profits, a board
// (see ownedNouns).
var corpNouns = wordSet(`company firm startup start-up maker manufacturer producer retailer lender
	insurer carrier airline operator conglomerate subsidiary supplier developer provider chain
	broadcaster publisher newspaper charity automaker carmaker chipmaker miner brewer bank group`)

// corpBefore are the nouns of corpNouns, and a few more, that name a kind
// of organisation right before its name ("Danish drugmaker Nordvik",
// "the tabloid Informer", "ChatGPT maker OpenAI"); nouns that also name
// people's jobs (developer, publisher, producer) are left out.
var corpBefore = wordSet(`company firm startup start-up maker manufacturer retailer lender insurer airline
	conglomerate subsidiary supplier broadcaster newspaper tabloid charity automaker carmaker chipmaker
	drugmaker bank group giant`)

// founderWords follow the name of an organisation its head is named by
// ("Binance founder", "Tesla chief executive") or, with "of", precede
// it ("the founder of Binance").
var founderWords = wordSet(`founder co-founder founders ceo`)

// ownedNouns are what organisations have and people or places seldom do:
// "X's shares", "X's chief executive", "X's shareholders".
var ownedNouns = wordSet(`shares stock shareholders ceo founder board factory factories plant plants
	profit profits revenue revenues earnings sales app platform products customers subscribers
	headquarters chairman stake subsidiary subsidiaries brand executives`)

// postVerbs are the verbs of writing on a platform: "wrote on X".
var postVerbs = wordSet(`wrote posted said announced shared tweeted organised organized streamed`)

// regionNouns follow the name of a region in lower case: "Kiambu
// county", "Punjab province".
var regionNouns = wordSet(`province county district governorate prefecture oblast`)

// localOffices follow the name of the place they govern: "the Quillfort
// council", "the Hallowmere mayor".
var localOffices = wordSet(`mayor council councillors governor governorate municipality`)

// personCues are titles before a person's name.
var personCues = wordSet(`mr mr. mrs mrs. ms ms. dr dr. president general minister colonel major captain
	commander spokesman spokeswoman ambassador envoy senator governor mayor judge sheikh imam prince king
	queen lieutenant sergeant prof. professor gen. col.`)

// speechVerbs follow a person's name: "Lena Tarsova said".
var speechVerbs = wordSet(`said says told added stated wrote warned declared explained`)

// notNounAfter are lower-case words that may follow a name without the
// name being an adjective before them ("Kaplan said", "Kaplan and").
var notNounAfter = wordSet(`said says told added stated wrote warned declared explained is was are were
	has had have will would could should may might can did does do and or but who which that whose whom
	to of in on at for from with by as than into said, after before since while when where also is, also
	not never be been being the a an his her their its say report reports claim claims accuse accuses
	deny denies`)

// demonymSuffixes end nationality adjectives: "Ardesian", "Korean",
// "Japanese", "Kurdish". Adjectives in "-an" and "-i" ("Velmoran",
// "Iraqi") are told from names ("Tehran", "Tripoli") by the place they
// are made from, which the document must name too ("Velmora", "Iraq").
var demonymSuffixes = []string{"ian", "ean", "ese", "ish"}

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// typeIndex is the index in types of a CoNLL type, or -1.
func typeIndex(typ string) int {
	for k, t := range types {
		if t == typ {
			return k
		}
	}
	return -1
}

// setSpan tags tokens i to j-1 as one name of type index k.
func setSpan(tags []int, i, j, k int) {
	if j-i == 1 {
		tags[i] = tagOf(k, 'U')
		return
	}
	tags[i] = tagOf(k, 'B')
	for x := i + 1; x < j-1; x++ {
		tags[x] = tagOf(k, 'I')
	}
	tags[j-1] = tagOf(k, 'L')
}

// applyRules corrects the tags of a document (one slice per sentence of
// d): it trims words that never open a name, types datelines, nationality
// adjectives and names ending in an organisation's head word, drops
// common nouns tagged as people, and gives every name one type by a vote
// over its mentions in which contextual cues count more than the tagger.
//
// Rules that cost accuracy on CoNLL-2003 dev when applied to every name
// apply only to names with a word the model never saw in training
// (Model.unseen): the tagger is sure of the types it learnt.
func applyRules(m *Model, d *document, tags [][]int) {
	retagHeadlineRuns(m, d, tags)
	acronymNames(m, d, tags)
	unseen := m.unseen
	datelines := map[[2]int]bool{}
	for si, ws := range d.sents {
		t := tags[si]
		trimLeadWords(ws, t, unseen)
		theInNames(ws, t)
		for _, start := range dateline(ws, t, d.capsSent[si], unseen) {
			datelines[[2]int{si, start}] = true
		}
		for _, sp := range spans(t) {
			retype(d, ws, t, sp, unseen)
		}
	}
	dropMonths(d, tags)
	vote(d, tags, datelines, unseen)
	typeLanguages(d, tags)
}

// trimLeadWords removes capitalised number words, possessives and
// quantifiers from the start of names of several words.
func trimLeadWords(ws []word, tags []int, unseen func([]word) bool) {
	for _, sp := range spans(tags) {
		i := sp.start
		for i < sp.end-1 && ws[i].cap && !ws[i].upper && leadWords[ws[i].lower] {
			i++
		}
		if i > sp.start && unseen(ws[i:sp.end]) {
			for x := sp.start; x < i; x++ {
				tags[x] = tagO
			}
			setSpan(tags, i, sp.end, typeIndex(sp.typ))
		}
	}
}

// dateline types the dateline that opens a line: the words in capitals
// before a dash, and the country after a comma, as places; the news
// agency in brackets as an organisation: "SELVAN, Ardesia (Agency) - ",
// "SELVAN (Agency) - ", "SELVAN - " (this last form only for a word the
// model has not seen). It returns the first tokens of the places.
func dateline(ws []word, tags []int, caps bool, unseen func([]word) bool) []int {
	n := 0
	for n < len(ws) && ws[n].upper && ws[n].alpha && len(ws[n].form) >= 3 {
		n++
	}
	if n == 0 || n == len(ws) {
		return nil
	}
	i := n
	region := [2]int{}
	if ws[i].form == "," {
		j := i + 1
		for j < len(ws) && ws[j].cap && ws[j].alpha {
			j++
		}
		if j == i+1 {
			return nil
		}
		region = [2]int{i + 1, j}
		i = j
	}
	agency := [2]int{}
	if i < len(ws) && ws[i].form == "(" {
		j := i + 1
		for j < len(ws) && ws[j].cap && ws[j].alpha {
			j++
		}
		if j == i+1 || j >= len(ws) || ws[j].form != ")" {
			return nil
		}
		agency = [2]int{i + 1, j}
		i = j + 1
	}
	if i >= len(ws) || ws[i].form != "-" && ws[i].form != "--" {
		return nil
	}
	if region[1] == 0 && agency[1] == 0 && (!unseen(ws[:n]) || caps && i+1 < len(ws) && ws[i+1].upper) {
		// "WORD - ..." alone only for a word the tagger does not know,
		// and not in a headline in capitals.
		return nil
	}
	loc := typeIndex("LOC")
	clear(tags[:n])
	setSpan(tags, 0, n, loc)
	starts := []int{0}
	if region[1] > 0 {
		clear(tags[region[0]:region[1]])
		setSpan(tags, region[0], region[1], loc)
		starts = append(starts, region[0])
	}
	if agency[1] > 0 {
		clear(tags[agency[0]:agency[1]])
		setSpan(tags, agency[0], agency[1], typeIndex("ORG"))
	}
	return starts
}

// isDemonym reports a capitalised word shaped like a nationality
// adjective.
func (d *document) isDemonym(w word) bool {
	if !w.cap || w.upper || len(w.lower) < 5 || !isLetters(w.lower) {
		return false
	}
	for _, s := range demonymSuffixes {
		if strings.HasSuffix(w.lower, s) {
			return true
		}
	}
	var stem string
	switch {
	case strings.HasSuffix(w.lower, "an"):
		stem = w.lower[:len(w.lower)-1] // velmoran -> velmora
	case strings.HasSuffix(w.lower, "i"):
		stem = w.lower[:len(w.lower)-1] // iraqi -> iraq
	default:
		return false
	}
	_, ok := d.capSeen(stem)
	return ok
}

// hasDemonym reports a place name whose nationality adjective the
// document writes: "Ardesia" when it has "Ardesian", "Velmora" with
// "Velmoran".
func (d *document) hasDemonym(w word) bool {
	if !w.cap || w.upper || len(w.lower) < 4 || !isLetters(w.lower) {
		return false
	}
	for _, s := range []string{"n", "an", "ian", "i", "ese"} {
		if _, ok := d.capSeen(w.lower + s); ok {
			return true
		}
	}
	return false
}

// unseenOrCommon reports a word the model has never seen or the
// document also writes in lower case.
func unseenOrCommon(d *document, w word, unseen func([]word) bool) bool {
	return d.lowerSeen(w.lower) || unseen([]word{w})
}

// isNumber reports a word of digits.
func isNumber(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

// isLetters reports a word made of letters only.
func isLetters(s string) bool {
	for _, r := range s {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return s != ""
}

// isLowerWord reports a word of lower-case letters only: "soldiers", not
// "'s" or "said,".
func isLowerWord(s string) bool {
	return isLetters(s) && strings.ToLower(s) == s
}

// retype corrects the type of one name sp of a sentence.
func retype(d *document, ws []word, tags []int, sp span, unseen func([]word) bool) {
	last := ws[sp.end-1]
	if i := sp.start - 1; i >= 0 && tags[i] == tagO && ws[i].cap && !ws[i].upper && ws[i].lower == "operation" {
		// "Operation Marea Negra" tagged "Marea Negra" ("Storm" before a
		// name is left alone: in a line of headlines it is a word of its own).
		setSpan(tags, i, sp.end, typeMISC)
		return
	}
	if k := kindOf(ws[sp.start:sp.end]); k >= 0 && k != typeIndex(sp.typ) {
		// Applied to every name: CoNLL-2003 types such names by their
		// head almost without exception, the tagger not always.
		setSpan(tags, sp.start, sp.end, k)
		return
	}
	switch {
	case sp.end-sp.start == 1 && sp.typ != "MISC" && d.isDemonym(ws[sp.start]) && unseen(ws[sp.start:sp.end]) &&
		sp.end < len(ws) && isLowerWord(ws[sp.end].form) && !notNounAfter[ws[sp.end].lower]:
		// "Ardesian soldiers", "the Ardesian defence ministry".
		setSpan(tags, sp.start, sp.end, typeIndex("MISC"))
	case sp.typ == "PER" && orgHeads[last.lower]:
		// "Command", "General Command": an organisation, with the
		// capitalised words before it the tagger left out ("The General
		// Command").
		i := sp.start
		for i > 0 && tags[i-1] == tagO && ws[i-1].cap && !ws[i-1].upper && isLetters(ws[i-1].lower) &&
			!leadWords[ws[i-1].lower] && ws[i-1].lower != "the" {
			i--
		}
		setSpan(tags, i, sp.end, typeIndex("ORG"))
	case sp.typ == "PER" && sp.end-sp.start == 1 && d.lowerSeen(last.lower) && !last.upper:
		// A common noun the document also writes in lower case.
		tags[sp.start] = tagO
	case sp.typ == "PER" && sp.end-sp.start == 1 && sp.end < len(ws) && isNumber(ws[sp.end].form) &&
		sp.start > 0 && isLowerWord(ws[sp.start-1].form) && len(ws[sp.start-1].form) > 1 && unseenOrCommon(d, ws[sp.start], unseen):
		// "Route 7", "Resolution 2254": not a person.
		tags[sp.start] = tagO
	}
}

// kindOf returns the type index its words give a name of two words or
// more (kindHeads, kindLeads), or -1.
func kindOf(ws []word) int {
	if len(ws) < 2 {
		return -1
	}
	if last := ws[len(ws)-1]; last.cap && !last.upper {
		if k, ok := kindHeads[last.lower]; ok {
			return k
		}
	}
	if first := ws[0]; first.cap && !first.upper && kindLeads[first.lower] {
		return typeLOC
	} else if first.cap && !first.upper && eventLeads[first.lower] {
		return typeMISC
	}
	return -1
}

// vote gives all mentions of a name in the document (the same words) the
// type with the most votes: one for each mention's tag, three for each
// contextual cue ("near X", "the village of X" for a place, "Mr X" or
// "Jane X said" for a person, a head word such as "Ministry" for an
// organisation).
func vote(d *document, tags [][]int, datelines map[[2]int]bool, unseen func([]word) bool) {
	type mention struct{ si, start, end int }
	votes := map[string]*[4]int{}
	cueVotes := map[string]*[4]int{}
	cued := map[string]bool{}
	mentions := map[string][]mention{}
	var keys []string
	var retyped []mention
	for si, ws := range d.sents {
		if d.capsSent[si] {
			continue
		}
		for _, sp := range spans(tags[si]) {
			k := spanKey(ws[sp.start:sp.end])
			v := votes[k]
			if v == nil {
				v = &[4]int{}
				votes[k] = v
				keys = append(keys, k)
			}
			v[typeIndex(sp.typ)]++
			mentions[k] = append(mentions[k], mention{si, sp.start, sp.end})
			if !unseen(ws[sp.start:sp.end]) {
				if sp.typ == "ORG" && placeAfterPreposition(ws, sp) {
					retyped = append(retyped, mention{si, sp.start, sp.end})
				}
				continue
			}
			c := cue(d, ws, sp)
			if datelines[[2]int{si, sp.start}] || sp.end-sp.start == 1 && d.hasDemonym(ws[sp.start]) {
				c = typeIndex("LOC")
			}
			if c >= 0 {
				w := 3
				if c == typeMISC && sp.typ == "PER" && sp.end-sp.start > 1 {
					// A person's name of several words before which a
					// kind of work is named is a title only if it is
					// its one mention ("the concert film Taylor Swift:
					// The Eras Tour", after "Taylor Swift's concert
					// film"): the cue counts as one mention.
					w = 1
				}
				v[c] += w
				if cueVotes[k] == nil {
					cueVotes[k] = &[4]int{}
				}
				cueVotes[k][c]++
				cued[k] = true
			}
		}
	}
	for _, k := range keys {
		if !cued[k] {
			continue
		}
		v := votes[k]
		best := 0
		cv := cueVotes[k]
		for c := range v {
			if v[c] > v[best] || v[c] == v[best] && cv[c] > cv[best] {
				best = c
			}
		}
		for _, m := range mentions[k] {
			setSpan(tags[m.si], m.start, m.end, best)
		}
	}
	for _, m := range retyped {
		setSpan(tags[m.si], m.start, m.end, typeLOC)
	}
}

// placeAfterPreposition reports a name of one word after "in", "near",
// "outside", "across"... followed by no noun and no possessive ("in
// Bristol", not "in Bristol's defence"): a town the tagger learnt as a
// football club of 1996 results ("Bristol", "Leeds") is a place there,
// in that mention only.
func placeAfterPreposition(ws []word, sp span) bool {
	if sp.end-sp.start == 1 && sp.end < len(ws) && regionNouns[ws[sp.end].lower] && !orgHeads[ws[sp.start].lower] {
		return true
	}
	if sp.end-sp.start != 1 || sp.start == 0 || !locCues[ws[sp.start-1].lower] || orgHeads[ws[sp.start].lower] {
		// Not an organisation's head word: "in Congress", "in Parliament".
		return false
	}
	if sp.end == len(ws) {
		return true
	}
	next := ws[sp.end]
	if next.lower == "'s" || next.lower == "’s" {
		return false
	}
	return !isLowerWord(next.form) || notNounAfter[next.lower]
}

// spanKey joins the lower-case words of a name.
func spanKey(ws []word) string {
	var b strings.Builder
	for i, w := range ws {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(w.lower)
	}
	return b.String()
}

// cue returns the type index the context of name sp points to, or -1:
// a head word such as "Ministry" or "Command" for an organisation; "the
// village of X", or "in/near/from/outside X" not followed by a noun
// ("in Ardesian waters"), for a place; a person's name or a plural name
// after "the" ("the Green Hands") for an organisation; a title ("Mr X", "General X"),
// or "X said" after a first and last name the tagger took for a person,
// for a person.
func cue(d *document, ws []word, sp span) int {
	prev := func(k int) string {
		if sp.start-k < 0 {
			return ""
		}
		return ws[sp.start-k].lower
	}
	n := sp.end - sp.start
	last := ws[sp.end-1]
	nounAfter := sp.end < len(ws) && isLowerWord(ws[sp.end].form) && !notNounAfter[ws[sp.end].lower]
	switch {
	case orgHeads[last.lower] && last.cap:
		return typeIndex("ORG")
	case prev(1) == "of" && placeNouns[prev(2)] && !nounAfter:
		return typeIndex("LOC")
	case locCues[prev(1)] && n <= 2 && !nounAfter:
		return typeIndex("LOC")
	case prev(1) == "the" && n >= 2 && (sp.typ == "PER" || sp.typ == "MISC" && strings.HasSuffix(last.lower, "s")):
		// "the Green Hands": people are not named with an article, and a
		// plural name after one is a group.
		return typeIndex("ORG")
	case orgContext(ws, sp):
		return typeIndex("ORG")
	case productContext(ws, sp):
		return typeMISC
	case sp.end < len(ws) && ws[sp.end].form == "party":
		// "the ruling Morena party": a party named before the word.
		return typeIndex("ORG")
	case prev(1) == "on" && postVerbs[prev(2)]:
		// "wrote on Telegram", "posted on Quillbook": a platform.
		return typeIndex("ORG")
	case sp.end < len(ws) && regionNouns[ws[sp.end].lower] && !ws[sp.end].cap:
		// "Kenya's Kiambu county", "Punjab province": a region named
		// before its kind.
		return typeIndex("LOC")
	case sp.end < len(ws) && localOffices[ws[sp.end].lower] && !ws[sp.end].cap:
		// "the Hallowmere mayor", "Quillfort council": the place an
		// office governs.
		return typeIndex("LOC")
	case personCues[prev(1)] && sp.typ != "MISC":
		return typeIndex("PER")
	case n == 2 && sp.typ == "PER" && sp.end < len(ws) && speechVerbs[ws[sp.end].lower] &&
		isPersonWord(d, ws[sp.start]) && isPersonWord(d, last):
		return typeIndex("PER")
	}
	return -1
}

// isPersonWord reports a word that may be a first or last name: written
// in letters with a capital, never in lower case in the document.
func isPersonWord(d *document, w word) bool {
	return w.cap && !w.upper && isLetters(w.lower) && !d.lowerSeen(w.lower)
}

// unseen reports a name with a word the model has no weights for: a name
// the training data never had, whose type the tagger only guesses from
// its shape and context. Words that open sentences or name
// organisations' heads do not count.
func (m *Model) unseen(ws []word) bool {
	for i := range ws {
		w := &ws[i]
		if !w.alpha || leadWords[w.lower] || orgHeads[w.lower] {
			continue
		}
		if m.lookup(mix(tpl(fWord), w.hLower)) == nil {
			return true
		}
	}
	return false
}

// orgContext reports the context of a company or other organisation
// around name sp: in apposition ("X, a startup", "X, the Korean
// chipmaker", "X, a maker of"), owning what companies own ("X's shares",
// "X's chief executive"), or traded ("shares of X", "a stake in X", "X
// shares").
func orgContext(ws []word, sp span) bool {
	at := func(i int) string {
		if i < 0 || i >= len(ws) {
			return ""
		}
		return ws[i].lower
	}
	e := sp.end
	if at(e) == "," {
		k := e + 1
		if a := at(k); a == "a" || a == "an" || a == "the" {
			for j := k + 1; j <= k+3 && j < len(ws); j++ {
				if corpNouns[ws[j].lower] && !ws[j].cap {
					return true
				}
				if !ws[j].alpha {
					break
				}
			}
		}
	}
	if a := at(e); a == "'s" || a == "’s" {
		if ownedNouns[at(e+1)] || at(e+1) == "chief" && at(e+2) == "executive" {
			return true
		}
	}
	if at(e) == "shares" && !verbObjects[at(e+1)] {
		return true
	}
	if founderWords[at(e)] || (at(e) == "chief" || at(e) == "co-chief") && at(e+1) == "executive" {
		return true
	}
	switch p1, p2 := at(sp.start-1), at(sp.start-2); {
	case p1 == "of" && (p2 == "shares" || p2 == "stake" || founderWords[p2] || p2 == "executive" && at(sp.start-3) == "chief"):
		return true
	case p1 == "in" && p2 == "stake":
		return true
	case corpBefore[p1] && !ws[sp.start-1].cap:
		return true
	}
	return false
}

// verbObjects are words that follow "shares" used as a verb ("Maria Lopez
// shares her recipe"), where the name is not a company's ("Quillmark
// shares fell").
var verbObjects = map[string]bool{
	"a": true, "an": true, "the": true, "her": true, "his": true, "their": true, "its": true,
	"my": true, "our": true, "your": true, "this": true, "that": true, "these": true, "those": true,
	"with": true, "what": true, "how": true, "why": true, "some": true, "one": true,
}
