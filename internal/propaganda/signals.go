package propaganda

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sift-news/sift"
)

// Signal kinds.
const (
	HeadlineMismatch  = "headline_mismatch"  // the body does not support the headline
	UnattributedClaim = "unattributed_claim" // a claim asserted as fact with no source
	AnonymousSource   = "anonymous_source"   // "sources say", "an unnamed official"
)

// anonymousStrong matches sourcing to people who are not named.
var anonymousStrong = regexp.MustCompile(`(?i)\b(?:` +
	`(?:unnamed|anonymous|unidentified|undisclosed)\s+(?:\w+\s+)?(?:sources?|officials?|insiders?|diplomats?|persons?|people|witness(?:es)?|experts?|officers?|employees?)` +
	`|sources?\s+(?:say|said|says|told|tell|claim(?:ed|s)?|close\s+to|familiar\s+with|inside|within)` +
	`|(?:according\s+to|citing|cited)\s+(?:a\s+|an\s+|some\s+|several\s+|multiple\s+)?(?:\w+\s+)?(?:sources?|insiders?)\b` +
	`|(?:people|persons|officials?|sources?|insiders?)\s+(?:familiar|acquainted)\s+with\s+the\s+(?:matter|situation|plans?|talks|discussions?|case|investigation)` +
	`|(?:on|under)\s+(?:the\s+)?condition\s+of\s+anonymity` +
	`|(?:declined|refused|asked\s+not)\s+to\s+be\s+(?:named|identified)` +
	`)\b`)

// anonymousWeak matches vaguer hearsay.
var anonymousWeak = regexp.MustCompile(`(?i)\b(?:` +
	`(?:it\s+is|it\s+was|it's|it\s+has\s+been)\s+(?:said|reported|rumou?red|believed|alleged|claimed)\s+that` +
	`|(?:some|many)\s+(?:people\s+)?(?:say|believe|claim|suggest)` +
	`|rumou?rs\s+(?:say|have\s+it|suggest)` +
	`|reportedly` +
	`)\b`)

// factMarker matches phrases that present a statement as settled fact.
var factMarker = regexp.MustCompile(`(?i)\b(?:` +
	`it\s+is\s+(?:clear|obvious|evident|a\s+fact|well[\s-]known|undeniable|no\s+secret|beyond\s+doubt)\s+that` +
	`|the\s+(?:fact|truth|reality)\s+is` +
	`|there\s+(?:is|can\s+be)\s+no\s+(?:doubt|question)` +
	`|undeniabl[ey]|indisputabl[ey]|unquestionabl[ey]|irrefutabl[ey]` +
	`|every(?:one|body)\s+knows|as\s+we\s+all\s+know|we\s+all\s+know` +
	`|of\s+course|clearly|obviously|in\s+fact|in\s+reality|make\s+no\s+mistake` +
	`|without\s+(?:a\s+|any\s+)?doubt|it\s+is\s+proven|has\s+been\s+proven|proves?\s+that` +
	`)\b`)

// attributed reports whether sentence s names or reports a source: a
// reporting verb ("said", "according to" — the speech lexicon) or
// quotation marks.
func attributed(d *document, s sentence) bool {
	for i := s.first; i < s.last; i++ {
		t := &d.tokens[i]
		if t.info&(1<<lexSpeech) != 0 || t.text == "\"" || t.text == "“" || t.text == "”" || t.lower == "quoted" || t.lower == "cited" {
			return true
		}
	}
	return false
}

// Signals returns the article-level manipulation signals of a: headline and
// body mismatch, claims stated as fact without attribution, and anonymous
// sourcing, sorted by start. Offsets are code points into a.Text.
func Signals(a *sift.Article) []sift.Signal {
	return signals(a, tokenize(a.Text))
}

// signals returns the signals of a, whose text d is.
func signals(a *sift.Article, d *document) []sift.Signal {
	var out []sift.Signal
	if s, ok := headlineMismatch(a.Title, d); ok {
		out = append(out, s)
	}
	for _, s := range d.sentences {
		// The patterns are tried only on sentences with one of their
		// words, which keeps the regular expressions off most text.
		var strong, weak, fact, it, some, report, opinion bool
		for i := s.first; i < s.last; i++ {
			w, info := d.tokens[i].lower, d.tokens[i].info
			strong = strong || info&anonymousBit != 0
			fact = fact || info&factBit != 0
			it = it || w == "it" || w == "it's"
			some = some || w == "some" || w == "many"
			report = report || info&reportBit != 0
			opinion = opinion || w == "say" || w == "believe" || w == "claim" || w == "suggest"
			weak = weak || w == "reportedly" || strings.HasPrefix(w, "rumo")
		}
		weak = weak || it && report || some && opinion
		if !strong && !weak && !fact {
			continue
		}
		start, end := d.tokens[s.first].start, d.tokens[s.last-1].end
		text := textOf(d, s.first, s.last)
		// codePoint converts a byte offset into text to a code point
		// offset into the article.
		codePoint := func(b int) int { return start + utf8.RuneCountInString(text[:b]) }
		seen := -1
		for _, re := range []*regexp.Regexp{anonymousStrong, anonymousWeak} {
			if re == anonymousStrong && !strong || re == anonymousWeak && (!weak || !mayMatchWeak(text)) {
				continue
			}
			score := 0.8
			if re == anonymousWeak {
				score = 0.5
			}
			for _, m := range re.FindAllStringIndex(text, -1) {
				if m[0] == seen {
					continue
				}
				seen = m[0]
				match := text[m[0]:m[1]]
				out = append(out, sift.Signal{Start: codePoint(m[0]), End: codePoint(m[1]), Text: match,
					Kind: AnonymousSource, Score: score, Evidence: "source not named: " + strings.ToLower(match)})
			}
		}
		if fact && !attributed(d, s) && !insideQuote(a.Quotes, start, end) {
			if m := factMarker.FindStringIndex(text); m != nil {
				out = append(out, sift.Signal{Start: start, End: end, Text: text, Kind: UnattributedClaim, Score: 0.6,
					Evidence: fmt.Sprintf("asserted as fact (%q) with no source", strings.ToLower(text[m[0]:m[1]]))})
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	return out
}

// mayMatchWeak reports whether anonymousWeak may match text: every match
// holds "that", "some", "many", "rumo" or "reportedly", in any case. In
// text of ASCII only, (?i) matches only ASCII letters, so without those
// the expression cannot match; other text is left to the expression.
func mayMatchWeak(text string) bool {
	for i := 0; i < len(text); i++ {
		if text[i] >= utf8.RuneSelf {
			return true
		}
	}
	lt := strings.ToLower(text)
	for _, w := range [...]string{"that", "some", "many", "rumo", "reportedly"} {
		if strings.Contains(lt, w) {
			return true
		}
	}
	return false
}

// wordSet builds a set of lower-case words.
func wordSet(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// Words without which anonymousStrong, anonymousWeak and factMarker cannot
// match a sentence; wordInfo flags them (anonymousBit, reportBit, factBit).
var (
	anonymousWords = wordSet(`unnamed anonymous unidentified undisclosed source sources familiar acquainted
		anonymity named identified insider insiders`)
	reportWords = wordSet(`said reported rumoured rumored believed alleged claimed`)
	factWords   = wordSet(`clear obvious evident fact well-known known undeniable undeniably secret doubt truth
		reality question indisputable indisputably unquestionable unquestionably irrefutable irrefutably
		everyone everybody know course clearly obviously mistake proven prove proves beyond`)
)

// insideQuote reports whether [start, end) overlaps a quote's content.
func insideQuote(qs []sift.Quote, start, end int) bool {
	for _, q := range qs {
		if q.Start < end && q.End > start {
			return true
		}
	}
	return false
}

// headlineMismatch reports a headline whose key words the body barely uses.
// Key words are the headline's content words (four letters or more, not
// function words); a word counts as supported when the body has a word with
// the same first five letters (hyphenated body words count by their parts
// too). Body paragraphs that merely repeat the headline do not count. It
// fires when at least three key words exist and at most half of them are
// supported, or when none of the headline's names (capitalised words in a
// headline not written in Title Case) appears in the body.
func headlineMismatch(title string, d *document) (sift.Signal, bool) {
	title = strings.TrimSpace(title)
	if title == "" {
		return sift.Signal{}, false
	}
	type key struct {
		word, stem  string
		name, found bool
	}
	var keys []key
	caps := !isAllCapsTitle(title) && !titleCase(title)
	for _, w := range strings.FieldsFunc(title, notWord) {
		lw := strings.ToLower(w)
		if utf8.RuneCountInString(lw) < 4 || stopwords[lw] || headlineStop[lw] {
			continue
		}
		r, _ := utf8.DecodeRuneInString(w)
		keys = append(keys, key{word: lw, stem: stem(lw), name: caps && unicode.IsUpper(r)})
	}
	if len(keys) < 3 {
		return sift.Signal{}, false
	}
	// Body paragraphs that repeat the headline do not support it.
	var skip [][2]int
	normTitle := sift.Normalize(title)
	for _, p := range paragraphs(d.text) {
		if n := len(p.text); n >= len(title)/2 && n <= 2*len(title)+8 && sift.Normalize(p.text) == normTitle {
			skip = append(skip, [2]int{p.start, p.end})
		}
	}
	left := len(keys)
	// A stem is a prefix of its word, so a word can match a key only if
	// it starts with the first byte of that key's stem (or, for an empty
	// stem, as of "’s's", any word might).
	var firsts [256]bool
	for _, k := range keys {
		if k.stem == "" {
			for b := range firsts {
				firsts[b] = true
			}
			break
		}
		firsts[k.stem[0]] = true
	}
	for i := range d.tokens {
		t := &d.tokens[i]
		if !t.word || len(t.lower) < 4 {
			continue
		}
		inSkip := false
		for _, r := range skip {
			inSkip = inSkip || t.start >= r[0] && t.start < r[1]
		}
		if inSkip {
			continue
		}
		parts := []string{t.lower}
		if strings.Contains(t.lower, "-") {
			parts = append(parts, strings.Split(t.lower, "-")...)
		}
		for _, part := range parts {
			if part != "" && !firsts[part[0]] {
				continue
			}
			st := stem(part)
			for k := range keys {
				if !keys[k].found && keys[k].stem == st {
					keys[k].found = true
					left--
				}
			}
		}
		if left == 0 {
			break
		}
	}
	var missing []string
	names, namesFound := 0, 0
	for _, k := range keys {
		if !k.found {
			missing = append(missing, k.word)
		}
		if k.name {
			names++
			if k.found {
				namesFound++
			}
		}
	}
	support := float64(len(keys)-len(missing)) / float64(len(keys))
	namesGone := names > 0 && namesFound == 0
	if support > 0.5 && !namesGone {
		return sift.Signal{}, false
	}
	return sift.Signal{Text: title, Kind: HeadlineMismatch, Score: round2(1 - support),
		Evidence: fmt.Sprintf("headline words missing from the body: %s (%d of %d)",
			strings.Join(missing, ", "), len(missing), len(keys))}, true
}

// paragraph is a line of a text with its code point offsets.
type paragraph struct {
	start, end int
	text       string
}

// paragraphs splits text at line breaks.
func paragraphs(text string) []paragraph {
	var out []paragraph
	start, cp, bstart := 0, 0, 0
	for i, r := range text {
		if r == '\n' {
			out = append(out, paragraph{start, cp, text[bstart:i]})
			start, bstart = cp+1, i+1
		}
		cp++
	}
	return append(out, paragraph{start, cp, text[bstart:]})
}

// headlineStop are headline words that say nothing about the content.
var headlineStop = map[string]bool{"says": true, "said": true, "report": true, "reports": true, "news": true,
	"watch": true, "video": true, "live": true, "update": true, "breaking": true, "exclusive": true}

// notWord splits text into words.
func notWord(r rune) bool {
	return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\'' && r != '’'
}

// stem folds a lower-case word to its first five letters, dropping a
// possessive.
func stem(w string) string {
	w = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")
	n := 0
	for i := range w {
		if n == 5 {
			return w[:i]
		}
		n++
	}
	return w
}

// titleCase reports whether most words of s are capitalised (Headline Case),
// in which case capitals say nothing about names.
func titleCase(s string) bool {
	n, up := 0, 0
	for _, w := range strings.Fields(s) {
		r := []rune(w)
		if len(r) < 4 || !unicode.IsLetter(r[0]) {
			continue
		}
		n++
		if unicode.IsUpper(r[0]) {
			up++
		}
	}
	return n > 0 && up*10 >= n*8
}

// isAllCapsTitle reports whether s has no lower-case letters.
func isAllCapsTitle(s string) bool { return strings.ToUpper(s) == s }

// round2 rounds x to two decimals.
func round2(x float64) float64 { return float64(int(x*100+0.5)) / 100 }
