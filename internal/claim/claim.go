// Package claim finds the statements of fact or allegation in an article
// and follows them across articles.
//
// A claim is either reported speech (the content of a quote from the quote
// stage, with its speaker and source chain) or a sentence the article
// states in its own voice that names someone, somewhere or a figure.
// Questions, opinion ("I think", "should", exclamations), boilerplate and
// reader comments are not claims.
//
// Claims are matched across articles by meaning (package match scores two
// statements; Linker keeps the store's claim threads up to date), and
// Changes tells what changed between two mentions of one claim: figures,
// hedges, attribution, actors.
package claim

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sift-news/sift"
)

// Version changes whenever the stage's output may change.
const Version = "4"

// Limits on what counts as one claim.
const (
	minWords = 5   // shorter sentences are headlines, fragments or captions
	maxRunes = 600 // longer spans are cut to their first sentence
	// maxClaims is the most claims of one article: each is looked up in
	// the store's claim index when it is linked, so a document of
	// megabytes (a dump, a book) would hold ingest for minutes. News
	// articles have tens of claims; a longer document keeps its first
	// maxClaims.
	maxClaims = 2000
)

// Stage is the analysis stage that fills Article.Claims. It runs after the
// entity and quote stages and uses their output.
type Stage struct{}

// NewStage returns the claims stage.
func NewStage() *Stage { return &Stage{} }

// Name is the stage's key in Article.Analyzer.
func (*Stage) Name() string { return "claims" }

// Version is the stage's version.
func (*Stage) Version() string { return Version }

// Apply fills a.Claims, in text order.
func (*Stage) Apply(a *sift.Article) { a.Claims = Extract(a.Text, a.Entities, a.Quotes) }

// Extract returns the claims of text, in text order, with offsets in code
// points. ents and quotes are the entity and quote stages' output for text
// (either may be empty).
func Extract(text string, ents []sift.Entity, quotes []sift.Quote) []sift.Claim {
	out := []sift.Claim{}
	runes := []rune(text)
	qx, ex := newQuoteIndex(quotes), newEntityIndex(ents)
	var starting []int
	for _, s := range sentences(runes) {
		if len(out) >= maxClaims {
			break
		}
		// Reported speech: the quotes whose content starts in this sentence.
		var reported bool
		starting = qx.startingIn(s[0], s[1], starting)
		for _, qi := range starting {
			q := quotes[qi]
			if !reportsSpeech(q) {
				continue
			}
			reported = true
			if c, ok := fromQuote(runes, q, ex.within(q.Start, q.End)); ok {
				out = append(out, c)
			}
		}
		if reported || qx.overlaps(s[0], s[1]) {
			continue
		}
		if c, ok := ownVoice(runes, s[0], s[1], ex.within(s[0], s[1])); ok {
			out = append(out, c)
		}
	}
	if len(out) > maxClaims {
		out = out[:maxClaims]
	}
	return out
}

// reportsSpeech reports whether q is someone's statement rather than what
// a picture, a video or a document "shows".
func reportsSpeech(q sift.Quote) bool {
	if q.Cue == nil {
		return true
	}
	switch strings.ToLower(q.Cue.Text) {
	case "think", "thinks", "thought", "believe", "believes", "feel", "feels", "hope", "hopes", "wonder", "guess", "fear", "fears":
		return false // a view, not a statement of fact
	case "show", "shows", "showed", "shown", "showing", "indicate", "indicates", "indicated", "suggest", "suggests", "suggested":
		return q.Speaker != nil && len(q.Via) > 0
	}
	return true
}

// fromQuote makes the claim of a quote: its content, trimmed of quote
// marks and closing punctuation, with the quote's speaker and source chain.
func fromQuote(runes []rune, q sift.Quote, ents []sift.Entity) (sift.Claim, bool) {
	start, end := trim(runes, q.Start, q.End)
	if end-start > maxRunes {
		end = firstSentenceEnd(runes, start, end)
	}
	if end <= start || words(runes[start:end]) < minWords || question(runes, start, end) {
		return sift.Claim{}, false
	}
	// Content in headline case is a name, not a statement: in text
	// without commas, "… in Deir Ezzor said the Syrian Observatory for
	// Human Rights" reads as a quote of the name.
	if titleCase(runes[start:end]) {
		return sift.Claim{}, false
	}
	c := sift.Claim{
		Span:       sift.Span{Start: start, End: end, Text: string(runes[start:end])},
		Speaker:    q.Speaker,
		Via:        q.Via,
		Attributed: q.Speaker != nil || len(q.Via) > 0,
	}
	if c.Via == nil {
		c.Via = []sift.Ref{}
	}
	c.Norm = Normalize(runes, start, end, ents)
	return c, true
}

// ownVoice makes the claim of a sentence the article states itself, if it
// is one: long enough, not a question, not opinion, and naming someone,
// somewhere or a figure.
func ownVoice(runes []rune, start, end int, ents []sift.Entity) (sift.Claim, bool) {
	start, end = trim(runes, start, end)
	if end-start > maxRunes {
		end = firstSentenceEnd(runes, start, end)
	}
	if end <= start || words(runes[start:end]) < minWords || question(runes, start, end) {
		return sift.Claim{}, false
	}
	if runes[end-1] == '!' || end < len(runes) && runes[end] == '!' {
		return sift.Claim{}, false
	}
	text := string(runes[start:end])
	if opinion(text) || imperative(text) || titleCase(runes[start:end]) {
		return sift.Claim{}, false
	}
	if !hasEntity(ents, start, end) && !hasDigit(runes[start:end]) {
		return sift.Claim{}, false
	}
	return sift.Claim{
		Span: sift.Span{Start: start, End: end, Text: text},
		Via:  []sift.Ref{},
		Norm: Normalize(runes, start, end, ents),
	}, true
}

// titleCase reports whether rs is written in headline case: four words or
// more, at least 60 % of them capitalised (or figures), and no word in
// lower case but the small words headlines leave so ("Syrian Army Kills 48
// Terrorists in Deir Ezzor", "Watch Live TV Schedule Where to Watch"). It
// is a headline, a menu, a tag line or a credit written into the body, not
// a sentence of the article; such lines are short and formulaic, so that
// two of them about two events look alike. A sentence full of names still
// has a verb in lower case.
func titleCase(rs []rune) bool {
	words, capital := 0, 0
	for _, w := range strings.FieldsFunc(string(rs), func(r rune) bool {
		return !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '\'' || r == '’' || r == '-' || r == '.' || r == ',')
	}) {
		r, _ := utf8.DecodeRuneInString(w)
		words++
		switch {
		case unicode.IsUpper(r) || unicode.IsDigit(r):
			capital++
		case !headlineSmallWords[strings.ToLower(strings.Trim(w, ".,"))]:
			return false
		}
	}
	return words >= 4 && capital*10 >= words*6
}

// headlineSmallWords are the words headline case leaves in lower case.
var headlineSmallWords = map[string]bool{
	"a": true, "an": true, "the": true, "and": true, "or": true, "but": true, "nor": true, "of": true,
	"in": true, "on": true, "at": true, "to": true, "for": true, "by": true, "with": true, "from": true,
	"as": true, "into": true, "over": true, "after": true, "vs": true, "via": true, "amid": true, "per": true,
}

// trim narrows [start, end) to exclude white space, quote marks and the
// closing punctuation of a sentence.
func trim(runes []rune, start, end int) (int, int) {
	end = min(end, len(runes))
	for start < end && (unicode.IsSpace(runes[start]) || isQuoteMark(runes[start])) {
		start++
	}
	for end > start {
		r := runes[end-1]
		if unicode.IsSpace(r) || isQuoteMark(r) || r == '.' || r == ',' || r == ';' || r == ':' {
			end--
			continue
		}
		break
	}
	return start, end
}

func isQuoteMark(r rune) bool {
	switch r {
	case '"', '“', '”', '„', '«', '»', '\'', '‘', '’':
		return true
	}
	return false
}

// question reports whether the sentence of [start, end) asks something.
func question(runes []rune, start, end int) bool {
	for i := end; i < len(runes) && i < end+3; i++ {
		if runes[i] == '?' {
			return true
		}
		if !isQuoteMark(runes[i]) && runes[i] != '.' {
			break
		}
	}
	return end > start && runes[end-1] == '?'
}

// words counts the words of rs.
func words(rs []rune) int {
	n, in := 0, false
	for _, r := range rs {
		w := unicode.IsLetter(r) || unicode.IsDigit(r)
		if w && !in {
			n++
		}
		in = w
	}
	return n
}

func hasDigit(rs []rune) bool {
	for _, r := range rs {
		if unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

func hasEntity(ents []sift.Entity, start, end int) bool {
	for _, e := range ents {
		if e.Start >= start && e.End <= end {
			return true
		}
	}
	return false
}

// opinionMarkers are phrases that make a sentence the writer's view or a
// prescription rather than a statement of fact.
var opinionMarkers = []string{
	"i think", "i believe", "we believe", "we think", "in my view", "in our view", "in my opinion",
	"in our opinion", "it seems", "seems to me", "i feel", "we feel", "let us", "let's",
	" should ", " ought to ", " must ", "we need to", "i hope", "we hope", "i wonder",
	"imagine ", "perhaps ", "arguably",
}

// opinion reports whether text is the writer's opinion or a prescription.
func opinion(text string) bool {
	l := " " + strings.ToLower(text) + " "
	for _, m := range opinionMarkers {
		if strings.Contains(l, m) {
			return true
		}
	}
	return false
}

// imperatives are the verbs that open calls to action ("Stop the war on
// Hadria", "Share this article").
var imperatives = map[string]bool{
	"stop": true, "join": true, "read": true, "watch": true, "share": true, "subscribe": true, "click": true,
	"help": true, "support": true, "donate": true, "sign": true, "tell": true, "call": true, "follow": true,
	"download": true, "listen": true, "see": true, "end": true, "save": true, "free": true, "defend": true,
}

// imperative reports whether text opens with a call to action.
func imperative(text string) bool {
	w, _, _ := strings.Cut(text, " ")
	return imperatives[strings.ToLower(w)]
}

// firstSentenceEnd returns the end of the first sentence of [start, end),
// or a word boundary near maxRunes when it has none.
func firstSentenceEnd(runes []rune, start, end int) int {
	if ss := sentences(runes[start:end]); len(ss) > 0 {
		if e := start + ss[0][1]; e-start <= maxRunes {
			_, e = trim(runes, start, e)
			return e
		}
	}
	e := start + maxRunes
	for e > start && !unicode.IsSpace(runes[e]) {
		e--
	}
	return e
}

// Normalize returns runes[start:end] with every entity mention inside it
// replaced by its canonical name ("Russian Federation" → "Russia"), which
// is what claims are matched on.
//
// It writes the code points into one buffer grown once to a close guess
// (a string per piece and a builder growing by doubling were 150
// allocations an article).
func Normalize(runes []rune, start, end int, ents []sift.Entity) string {
	var b strings.Builder
	b.Grow(end - start + 16)
	pos := start
	for _, e := range ents {
		if e.Start < pos || e.End > end || e.Start < start {
			continue
		}
		writeRunes(&b, runes[pos:e.Start])
		if e.Canonical != "" {
			b.WriteString(e.Canonical)
		} else {
			writeRunes(&b, runes[e.Start:e.End])
		}
		pos = e.End
	}
	writeRunes(&b, runes[pos:end])
	return b.String()
}

// writeRunes writes rs to b as string(rs) would (a code point that is
// not valid as U+FFFD).
func writeRunes(b *strings.Builder, rs []rune) {
	for _, r := range rs {
		if r < utf8.RuneSelf && r >= 0 {
			b.WriteByte(byte(r))
		} else {
			b.WriteRune(r)
		}
	}
}

// abbreviations end with a period that does not end a sentence.
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "gen": true, "lt": true, "col": true, "maj": true,
	"sgt": true, "capt": true, "st": true, "no": true, "vs": true, "jr": true, "sr": true, "prof": true,
	"gov": true, "sen": true, "rep": true, "rev": true, "hon": true, "u.s": true, "u.n": true, "u.k": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true, "sep": true,
	"sept": true, "oct": true, "nov": true, "dec": true, "inc": true, "corp": true, "ltd": true, "co": true,
	"e.g": true, "i.e": true, "approx": true, "est": true, "fig": true, "adm": true, "brig": true,
}

// sentences splits runes into sentences, as [start, end) code point
// offsets. A paragraph break always ends one; '.', '!' and '?' end one when
// followed by space and a capital, a digit or a quote mark, except after an
// abbreviation or an initial; a boundary never falls inside double quotes
// unless the quote runs past a paragraph.
func sentences(runes []rune) [][2]int {
	var out [][2]int
	start := 0
	inQuote := false
	emit := func(end int) {
		s, e := start, end
		for s < e && unicode.IsSpace(runes[s]) {
			s++
		}
		if e > s {
			out = append(out, [2]int{s, e})
		}
		start = end
	}
	for i := 0; i < len(runes); i++ {
		r := runes[i]
		switch {
		case r == '\n':
			if i+1 < len(runes) && runes[i+1] == '\n' {
				emit(i)
				inQuote = false
			}
		case r == '“':
			inQuote = true
		case r == '”':
			inQuote = false
		case r == '"':
			inQuote = !inQuote
		case r == '.' || r == '!' || r == '?':
			if inQuote {
				continue
			}
			j := i + 1
			for j < len(runes) && (isQuoteMark(runes[j]) || runes[j] == ')') {
				j++
			}
			if j >= len(runes) || !unicode.IsSpace(runes[j]) {
				continue
			}
			k := j
			for k < len(runes) && unicode.IsSpace(runes[k]) {
				k++
			}
			if k < len(runes) && !(unicode.IsUpper(runes[k]) || unicode.IsDigit(runes[k]) || isQuoteMark(runes[k])) {
				continue
			}
			if r == '.' && abbreviation(runes, i) {
				continue
			}
			emit(j)
		}
	}
	emit(len(runes))
	return out
}

// abbreviation reports whether the period at runes[i] closes an
// abbreviation or an initial.
func abbreviation(runes []rune, i int) bool {
	j := i
	for j > 0 && (unicode.IsLetter(runes[j-1]) || runes[j-1] == '.') {
		j--
	}
	w := strings.ToLower(string(runes[j:i]))
	if utf8.RuneCountInString(w) == 1 && unicode.IsUpper(runes[j]) {
		return true // an initial: "Joseph F. Dunford"
	}
	return abbreviations[w]
}
