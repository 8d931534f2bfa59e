package entity

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sift-news/sift"
)

// Resolve sets the Canonical name of every mention of one article, whose
// text is text and whose mentions ents are sorted by start:
//
//   - a name the alias table knows gets the table's canonical name (and
//     its type, when the table gives one: "PressTV" is an ORG whatever the
//     tagger thought);
//   - an acronym in brackets right after a name ("Hayat Tahrir al-Sham
//     (HTS)") becomes an alias of it for the rest of the article (a name
//     that is not an acronym of it, such as the news agency after a
//     dateline, "SELVAN, Ardesia (Meridian)", does not);
//   - an acronym of a name of the article ("HLF" with "Hadria Liberation
//     Front") takes that name's canonical name and type, and so does the
//     head noun of an organisation's name standing for it ("the Monitor"
//     in an article naming the Hadria Ceasefire Monitor);
//   - a person named by part of a longer name of the article ("Lavrov"
//     with "Sergey Lavrov", "Mr Smith" with "John Smith") takes the longer
//     name's canonical name and type;
//   - any other name gets Display of its text, or, written in capitals,
//     the canonical name of the same name written in mixed case.
//
// Mentions of one entity keep the types the tagger gave them in their
// contexts: a city is a place in a dateline and a team in a table of
// results of the same article. Only the alias table, an acronym or a
// surname joining the name it stands for set a mention's type.
//
// Roles found for one mention are copied to every mention with the same
// canonical name.
func Resolve(t *Table, text string, ents []sift.Entity) {
	if len(ents) == 0 {
		return
	}
	known, keys := lookupMentions(t, ents)
	capsAsMixed(ents, known, keys)
	bracketAliases(text, ents, known, keys)
	initialisms(ents, known, keys)
	genericHeads(text, ents, known)
	partialPersons(ents, known, keys)
	shareRoles(ents)
}

// lookupMentions keys every mention and gives the ones the alias table
// knows its canonical name (and type, if it has one), the others Display
// of their text. A currency ("US$", "A$") is no mention of the country
// or agency its letters spell, and a surname alone that the tagger did
// not take for a person ("Bolton 3 Norwich 1", a club) is no mention of
// the person the table knows by it; a surname of a person named in full
// in the article still joins that person (partialPersons). known[i] reports whether the canonical name of ents[i]
// is settled; keys[i] is its key.
func lookupMentions(t *Table, ents []sift.Entity) (known []bool, keys []string) {
	known = make([]bool, len(ents))
	keys = make([]string, len(ents))
	memo := map[string]string{} // names recur: key each once
	for i := range ents {
		e := &ents[i]
		k, ok := memo[e.Text]
		if !ok {
			k = Key(e.Text)
			memo[e.Text] = k
		}
		keys[i] = k
		if a, ok := t.lookupKey(keys[i]); ok && !isCurrency(e.Text) && !(a.Type == sift.PERSON && e.Type != sift.PERSON && isOneWord(e.Text)) {
			e.Canonical = a.Canonical
			if a.Type != "" {
				e.Type = a.Type
			}
			known[i] = true
		} else {
			e.Canonical = Display(e.Text)
		}
	}
	return known, keys
}

// capsAsMixed gives a name written in capitals (a dateline, a headline)
// the canonical name of the same name written in mixed case: "SELVAN" is
// "Selvan".
func capsAsMixed(ents []sift.Entity, known []bool, keys []string) {
	mixed := map[string]string{}
	for i, e := range ents {
		if !known[i] && !isCaps(e.Text) {
			if _, ok := mixed[keys[i]]; !ok {
				mixed[keys[i]] = e.Canonical
			}
		}
	}
	for i := range ents {
		if c, ok := mixed[keys[i]]; ok && !known[i] && isCaps(ents[i].Text) {
			ents[i].Canonical = c
		}
	}
}

// bracketAliases makes an acronym in brackets right after a name
// ("Hayat Tahrir al-Sham (HTS)") an alias of it for the rest of the
// article.
func bracketAliases(text string, ents []sift.Entity, known []bool, keys []string) {
	local := map[string]int{} // key -> index of the defining mention
	off := byteOffsets{text: text}
	for i := 1; i < len(ents); i++ {
		prev, cur := &ents[i-1], &ents[i]
		if prev.End > cur.Start {
			continue // overlapping or out of order
		}
		between := text[off.at(prev.End):off.at(cur.Start)]
		if strings.TrimSpace(between) != "(" {
			continue
		}
		after := text[off.at(cur.End):]
		if !strings.HasPrefix(strings.TrimLeft(after, " "), ")") || known[i] || prev.Type == sift.PERSON ||
			!isAcronymOf(keys[i], keys[i-1], cur.Text) {
			continue
		}
		cur.Canonical, cur.Type = prev.Canonical, prev.Type
		known[i] = true
		local[keys[i]] = i
	}
	for i := range ents {
		if known[i] {
			continue
		}
		if j, ok := local[keys[i]]; ok {
			ents[i].Canonical, ents[i].Type = ents[j].Canonical, ents[j].Type
			known[i] = true
		}
	}
}

// byteOffsets converts code point offsets into text to byte offsets,
// counting on from the last offset asked for (mentions come in order), as
// sift.Offsets.Byte does without a table of every code point: offsets
// past the end give len(text), negative ones 0.
type byteOffsets struct {
	text        string
	runes, byte int // the last code point offset asked for and its byte offset
}

// at returns the byte offset of code point offset r.
func (o *byteOffsets) at(r int) int {
	if r < 0 {
		return 0
	}
	if r < o.runes {
		o.runes, o.byte = 0, 0
	}
	for o.runes < r && o.byte < len(o.text) {
		_, n := utf8.DecodeRuneInString(o.text[o.byte:])
		o.byte += n
		o.runes++
	}
	if o.runes < r {
		return len(o.text)
	}
	return o.byte
}

// partialPersons gives a mention whose key is the last words (or the
// whole) of a longer person's key that person's canonical name and type.
func partialPersons(ents []sift.Entity, known []bool, keys []string) {
	type person struct {
		words     []string
		canonical string
	}
	var people []person
	for i := range ents {
		if ents[i].Type == sift.PERSON {
			people = append(people, person{strings.Fields(keys[i]), ents[i].Canonical})
		}
	}
	names := make([][]string, len(people))
	for p := range people {
		names[p] = people[p].words
	}
	byEnd := newSuffixIndex(names)
	for i := range ents {
		e := &ents[i]
		if known[i] && e.Type != sift.PERSON || e.Type == sift.MISC {
			continue // a nationality ("Ardesian") is no one's surname
		}
		words := strings.Fields(keys[i])
		if len(words) == 0 || len(words) > 2 {
			continue
		}
		if best := byEnd.longest(words); best >= 0 {
			e.Canonical = people[best].canonical
			e.Type = sift.PERSON
		}
	}
}

// shareRoles copies the first role found for an entity to every mention
// of it without one: one role per entity and article.
func shareRoles(ents []sift.Entity) {
	roles := map[string]string{}
	for _, e := range ents {
		if e.Role != "" {
			if _, ok := roles[e.Canonical]; !ok {
				roles[e.Canonical] = e.Role
			}
		}
	}
	for i := range ents {
		if ents[i].Role == "" {
			ents[i].Role = roles[ents[i].Canonical]
		}
	}
}

// endsWith reports whether long ends with the words of short.
func endsWith(long, short []string) bool {
	d := len(long) - len(short)
	for i, w := range short {
		if long[d+i] != w {
			return false
		}
	}
	return true
}

// isAcronymOf reports whether short, written text, is an acronym that may
// stand for long (both keys): one word with at least two capitals, the
// same first letter, and its letters found in long in their order
// ("QRCS" in "qatar red crescent society"; not "PSV" in "philip cocu").
func isAcronymOf(short, long, text string) bool {
	if short == "" || long == "" || strings.ContainsRune(strings.TrimSpace(text), ' ') || short[0] != long[0] {
		return false
	}
	caps := 0
	for _, r := range text {
		if unicode.IsUpper(r) {
			caps++
		}
	}
	if caps < 2 {
		return false
	}
	j := 0
	for i := 0; i < len(short); i++ {
		c := short[i]
		if c == ' ' {
			continue
		}
		for j < len(long) && long[j] != c {
			j++
		}
		if j == len(long) {
			return false
		}
		j++
	}
	return true
}

// isCurrency reports a name written with a currency sign: "US$", "A$",
// "HK$".
func isCurrency(s string) bool { return strings.ContainsAny(s, "$£€¥") }

// isOneWord reports a name of one word.
func isOneWord(s string) bool { return !strings.ContainsAny(strings.TrimSpace(s), " ") }

// isCaps reports a name of at least four letters, all capitals.
func isCaps(s string) bool {
	n := 0
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n >= 4
}
