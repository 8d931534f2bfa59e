package ner

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/sift-news/sift"
	"github.com/sift-news/sift/internal/entity"
)

// Version is the version of the NER stage's rules; Stage.Version adds the
// model's and the alias table's digests to it.
const Version = "8"

// Stage finds the named entities of an article's text (people,
// organisations, places and other names, CoNLL-2003 conventions), gives
// each one canonical name and records the titles introduced with people.
// It implements analyze.Stage and is safe for concurrent use.
type Stage struct {
	once    sync.Once
	model   *Model
	aliases *entity.Table
	err     error
	lexicon *lexicon
	version string
	load    func() (*Model, *entity.Table, error)
}

// NewStage returns the stage with the embedded model and the built-in
// alias table extended with the alias file named by $SIFT_ALIASES. Both are
// loaded on first use; a bad alias file is reported on standard error
// once and the built-in table used.
func NewStage() *Stage {
	return &Stage{load: func() (*Model, *entity.Table, error) {
		m, err := Default()
		if err != nil {
			return nil, nil, err
		}
		t, err := entity.Default()
		if err != nil {
			fmt.Fprintf(os.Stderr, "sift: %v (using built-in aliases)\n", err)
		}
		return m, t, nil
	}}
}

// NewStageWith returns a stage with the given model and alias table.
func NewStageWith(m *Model, aliases *entity.Table) *Stage {
	return &Stage{load: func() (*Model, *entity.Table, error) { return m, aliases, nil }}
}

func (s *Stage) init() {
	s.once.Do(func() {
		s.model, s.aliases, s.err = s.load()
		if s.err != nil {
			fmt.Fprintf(os.Stderr, "sift: named entities disabled: %v\n", s.err)
		}
		s.lexicon = newLexicon(s.aliases)
		s.version = Version
		if s.model != nil {
			s.version += "-" + s.model.digest
		}
		if s.aliases != nil && s.aliases != entity.Builtin() {
			s.version += "-" + s.aliases.Digest()
		}
	})
}

// Name is the stage's key in Article.Analyzer.
func (s *Stage) Name() string { return "ner" }

// Version names the rules, the model and the alias table in use.
func (s *Stage) Version() string {
	s.init()
	return s.version
}

// Apply sets a.Entities to the entities of a.Text, sorted by start.
func (s *Stage) Apply(a *sift.Article) {
	a.Entities = s.Entities(a.Text)
}

// Entities returns the entities of text with code-point offsets, sorted by
// start, with canonical names and roles.
func (s *Stage) Entities(text string) []sift.Entity {
	s.init()
	ents := []sift.Entity{}
	if s.model == nil || text == "" {
		return ents
	}
	ents = lostApostrophes(s.aliases, s.model.entities(text, s.lexicon, nil))
	entity.Resolve(s.aliases, text, ents)
	return ents
}

// Title returns the entities of an article's title, with offsets into the
// title. The article's text, if given, tells how the title's words are
// usually written (headlines are often in capitals or title case); it is
// not tagged, so this costs little more than tagging the title.
func (s *Stage) Title(title, text string) []sift.Entity {
	s.init()
	ents := []sift.Entity{}
	if s.model == nil || title == "" {
		return ents
	}
	var context [][]string
	for _, sent := range Sentences(Tokenize(text)) {
		ws := make([]string, len(sent))
		for k, t := range sent {
			ws[k] = t.Norm
		}
		context = append(context, ws)
	}
	ents = lostApostrophes(s.aliases, s.model.entities(title, s.lexicon, context))
	entity.Resolve(s.aliases, title, ents)
	return ents
}

// digestOf returns a short hex digest of data.
func digestOf(data []byte) string {
	h := sha256.Sum256(data)
	return hex.EncodeToString(h[:4])
}

// Entities tags text and returns its names with code-point offsets, sorted
// by start; Canonical is left empty. People's titles ("Foreign Minister",
// "Major General") are kept out of their names and recorded as the Role.
func (m *Model) Entities(text string) []sift.Entity {
	return m.entities(text, nil, nil)
}

// entities tags text; names of lex the tagger missed are added. The
// sentences of context only tell how words are usually written.
func (m *Model) entities(text string, lex *lexicon, context [][]string) []sift.Entity {
	sc := scratches.Get().(*entityScratch)
	defer sc.release()
	sc.toks = joinApartPossessives(tokenizeInto(text, sc.toks[:0]))
	sents := capSentences(Sentences(sc.toks), maxSentenceTokens)
	ntok := 0
	for _, s := range sents {
		ntok += len(s)
	}
	sc.norms = slices.Grow(sc.norms[:0], ntok)[:ntok]
	words := slices.Grow(sc.words[:0], len(sents))[:len(sents)]
	sc.words = words
	from := 0
	for i, s := range sents {
		ws := sc.norms[from : from+len(s) : from+len(s)]
		from += len(s)
		for k, t := range s {
			ws[k] = t.Norm
		}
		words[i] = ws
	}
	recase(words, context)
	d := sc.doc.document(words, m.clusters, m.words)
	tags := sc.doc.tags.tag(m, d)
	applyRules(m, d, tags)
	for si := range sents {
		if !d.capsSent[si] {
			lex.mark(words[si], tags[si])
			lex.splitPeople(words[si], tags[si])
		}
	}
	off := runeOffsets{text: text}
	var ents []sift.Entity
	for si, s := range sents {
		for _, sp := range spans(tags[si]) {
			start, end := sp.start, sp.end
			typ := sift.MISC
			switch sp.typ {
			case "PER":
				typ = sift.PERSON
			case "ORG":
				typ = sift.ORG
			case "LOC":
				typ = sift.LOC
			}
			role := ""
			if typ == sift.PERSON {
				// Titles tagged as part of the name.
				for start < end-1 && isTitleWord(d.sents[si][start].lower) {
					start++
				}
				role = roleBefore(d.sents[si], tags[si], sp.start, start)
				if role == "" {
					role = roleAfter(d.sents[si], tags[si], end)
				}
			}
			// Quotes and brackets at the edges are not part of names.
			for start < end && isEdgePunct(s[start].Norm) {
				start++
			}
			for end > start && isEdgePunct(s[end-1].Norm) {
				end--
			}
			if start >= end || allTitleWords(d.sents[si][start:end]) {
				continue
			}
			bs, be := s[start].Start, s[end-1].End
			cs, ce := off.at(bs), off.at(be)
			ents = append(ents, sift.Entity{
				Span: sift.Span{Start: cs, End: ce, Text: text[bs:be]},
				Type: typ,
				Role: role,
			})
		}
	}
	if ents == nil {
		ents = []sift.Entity{}
	}
	return ents
}

// entityScratch is the storage Model.entities needs for one text, kept
// in scratches for the next.
type entityScratch struct {
	toks  []Token
	norms []string
	words [][]string
	doc   docScratch
}

// scratches holds entityScratch values free for use.
var scratches = sync.Pool{New: func() any { return new(entityScratch) }}

// maxScratchTokens bounds the texts whose storage is kept for the next:
// that of a longer one is left to the garbage collector.
const maxScratchTokens = 1 << 14

// release returns sc to scratches.
func (sc *entityScratch) release() {
	if cap(sc.toks) > maxScratchTokens || cap(sc.doc.words) > maxScratchTokens {
		return
	}
	scratches.Put(sc)
}

// runeOffsets converts byte offsets into text, on code point boundaries,
// to code point offsets, counting on from the last offset asked for: the
// names of a text come in order, so a text is counted through once.
type runeOffsets struct {
	text        string
	byte, runes int // the last byte offset asked for and its code point offset
}

// at returns the code point offset of byte offset b.
func (o *runeOffsets) at(b int) int {
	if b < o.byte {
		o.byte, o.runes = 0, 0
	}
	o.runes += utf8.RuneCountInString(o.text[o.byte:b])
	o.byte = b
	return o.runes
}

func isEdgePunct(s string) bool {
	switch s {
	case `"`, "'", "(", ")", "[", "]", ",", ";", ":", "-", "--", ".":
		return true
	}
	return false
}

// roleWords may make up a title before or after a person's name.
var roleWords = wordSet(`president vice prime minister foreign defense defence interior finance
		economy energy health justice education deputy secretary state general chancellor king queen prince
		crown emir sheikh sultan ayatollah imam pope patriarch bishop archbishop cardinal major lieutenant
		brigadier colonel captain sergeant admiral rear marshal field commander chief of staff spokesman
		spokeswoman spokesperson ambassador envoy special representative permanent senator congressman
		congresswoman governor mayor judge director chairman chairwoman speaker leader head mp lawmaker
		official officer commissioner premier fm pm gen. gen maj. lt. lt col. capt. adm. sgt. brig. sen. rep.
		gov. prof. professor affairs ministry military army security council national assistant former
		acting top senior un us russian-born self-proclaimed presidential press minister's`)

// roleHeads are the words a title must contain.
var roleHeads = wordSet(`president minister secretary general chancellor king queen prince emir
		sheikh sultan ayatollah imam pope patriarch bishop archbishop cardinal major lieutenant colonel captain
		sergeant admiral marshal commander chief spokesman spokeswoman spokesperson ambassador envoy
		representative senator congressman congresswoman governor mayor judge director chairman chairwoman
		speaker leader head mp lawmaker official officer commissioner premier fm pm gen. gen maj. lt. lt col.
		capt. adm. sgt. brig. sen. rep. gov. prof. professor`)

// honorifics are stripped from names but are not roles.
var honorifics = map[string]bool{"mr": true, "mr.": true, "mrs": true, "mrs.": true, "ms": true, "ms.": true,
	"dr": true, "dr.": true, "sir": true, "dame": true, "madam": true, "mister": true}

// roleExpansions spell out abbreviated titles.
var roleExpansions = map[string]string{
	"fm": "foreign minister", "pm": "prime minister", "gen.": "general", "gen": "general", "maj.": "major",
	"lt.": "lieutenant", "lt": "lieutenant", "col.": "colonel", "capt.": "captain", "adm.": "admiral",
	"sgt.": "sergeant", "brig.": "brigadier", "sen.": "senator", "rep.": "representative", "gov.": "governor",
	"prof.": "professor", "mp": "mp", "un": "un", "us": "us",
}

// isTitleWord reports a word that starts a person's title and is never
// part of the name itself.
func isTitleWord(lower string) bool {
	return honorifics[lower] || roleWords[lower] && lower != "us" && lower != "un"
}

// roleBefore returns the title written right before a name at token start
// ("Foreign Minister Sergey Lavrov" -> "foreign minister").
// Title words the tagger put inside the name, spanStart to nameStart,
// count too.
func roleBefore(ws []word, tags []int, spanStart, nameStart int) string {
	isRole := func(k int) bool {
		return tags[k] == tagO && (roleWords[ws[k].lower] || honorifics[ws[k].lower])
	}
	i := spanStart
	for i > 0 && isRole(i-1) {
		i--
	}
	if i == spanStart && i > 0 && tags[i-1] != tagO {
		// A title naming what it is for: "Special Envoy for Syria James
		// Jeffrey", "Ambassador to the US Anatoly Antonov".
		j := i - 1
		for j > 0 && tags[j-1] != tagO && tagPos(tags[j]) != 'B' && tagPos(tags[j]) != 'U' {
			j--
		}
		if j > 0 && ws[j-1].lower == "the" {
			j--
		}
		if j > 0 && (ws[j-1].lower == "for" || ws[j-1].lower == "to" || ws[j-1].lower == "of") {
			k := j - 1
			for k > 0 && isRole(k-1) {
				k--
			}
			if k < j-1 {
				return makeRole(ws[k:nameStart])
			}
		}
	}
	return makeRole(ws[i:nameStart])
}

// roleAfter returns a title in apposition after a name ending before token
// end ("Sergey Lavrov, the Russian foreign minister,").
func roleAfter(ws []word, tags []int, end int) string {
	if end >= len(ws) || ws[end].form != "," {
		return ""
	}
	i := end + 1
	if i < len(ws) && (ws[i].lower == "the" || ws[i].lower == "a") {
		i++
	}
	for i < len(ws) && (tags[i] != tagO || ws[i].lower == "'s") {
		i++ // "Russia's", "Russian"
	}
	j := i
	for j < len(ws) && tags[j] == tagO && roleWords[ws[j].lower] {
		j++
	}
	if j == i || j < len(ws) && ws[j].form != "," && ws[j].form != "." && ws[j].lower != "said" && ws[j].lower != "says" {
		return ""
	}
	return makeRole(ws[i:j])
}

// makeRole joins title words, lower-cased, abbreviations spelt out, if
// they contain a head word.
func makeRole(ws []word) string {
	var parts []string
	head := false
	for _, w := range ws {
		if honorifics[w.lower] {
			continue
		}
		if roleHeads[w.lower] {
			head = true
		}
		if e, ok := roleExpansions[w.lower]; ok {
			parts = append(parts, e)
		} else {
			parts = append(parts, w.lower)
		}
	}
	for len(parts) > 0 && (parts[0] == "of" || parts[0] == "the") {
		parts = parts[1:]
	}
	if !head || len(parts) == 0 {
		return ""
	}
	return strings.Join(parts, " ")
}

// allTitleWords reports a name made only of title words ("Major General").
func allTitleWords(ws []word) bool {
	for _, w := range ws {
		if !isTitleWord(w.lower) || notTitleOnly[w.lower] {
			return false
		}
	}
	return true
}

// notTitleOnly are title words that also make up names of organisations
// ("Ministry of Defense", "Security Council").
var notTitleOnly = map[string]bool{"ministry": true, "council": true, "army": true, "security": true,
	"national": true, "affairs": true, "military": true, "state": true, "staff": true, "of": true, "un": true, "us": true}

// isHeadline reports a sentence written in capitals or title case: at
// least three words of two letters or more, 70% of them capitalised.
func isHeadline(s []string) bool {
	caps, alpha := 0, 0
	for _, w := range s {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsLetter(r) || len(w) < 2 {
			continue
		}
		alpha++
		if unicode.IsUpper(r) {
			caps++
		}
	}
	return alpha >= 3 && caps*10 >= alpha*7
}

// recase rewrites headline-style sentences (all capitals, or most words
// capitalised) the way the rest of the text writes their words: "LAVROV"
// as "Lavrov", "Proposals" as "proposals" when the text has "proposals".
// Words the text has in no other form are left as they are, and a
// headline in capitals with such a word is left whole. Sentences of
// context count as text but are not changed.
func recase(sents, context [][]string) {
	all := append(append([][]string(nil), sents...), context...)
	headline := make([]bool, len(all))
	any := false
	for si, s := range all {
		headline[si] = isHeadline(s)
		any = any || headline[si] && si < len(sents)
	}
	if !any {
		return
	}
	lower := map[string]int{}
	cased := map[string]string{}
	casedN := map[string]int{}
	for si, s := range all {
		if headline[si] {
			continue
		}
		for i, w := range s {
			lw := strings.ToLower(w)
			if w == lw {
				lower[lw]++
			} else if i > 0 {
				if _, ok := cased[lw]; !ok {
					cased[lw] = w
				}
				casedN[lw]++
			}
		}
	}
	for si, s := range sents {
		if !headline[si] {
			continue
		}
		// A headline in capitals is re-cased only when the text tells how
		// to write each of its words; otherwise it stays in capitals, as
		// the tagger learnt such headlines: half re-cased, the words left
		// in capitals ("KEANE SIGNS") read as one name.
		caps := inCapitals(s)
		var orig []string
		if caps {
			orig = append(orig, s...)
		}
		missing := 0
		for i, w := range s {
			lw := strings.ToLower(w)
			if c, ok := cased[lw]; ok && casedN[lw] >= lower[lw] {
				s[i] = c
			} else if lower[lw] > 0 && i > 0 {
				s[i] = lw
			} else if caps && lower[lw] > 0 {
				s[i] = titleCase(lw)
			} else if caps && w != lw && utf8.RuneCountInString(w) > 1 {
				missing++
			}
		}
		if caps && missing > 0 {
			copy(s, orig)
		}
	}
}

// inCapitals reports a sentence most of whose words (of two letters or
// more) are written in capitals.
func inCapitals(s []string) bool {
	upper, alpha := 0, 0
	for _, w := range s {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsLetter(r) || utf8.RuneCountInString(w) < 2 {
			continue
		}
		alpha++
		if strings.ToUpper(w) == w {
			upper++
		}
	}
	return upper >= 2 && upper*10 >= alpha*6
}

// titleCase returns lw with its first letter in upper case.
func titleCase(lw string) string {
	r, sz := utf8.DecodeRuneInString(lw)
	return string(unicode.ToUpper(r)) + lw[sz:]
}
