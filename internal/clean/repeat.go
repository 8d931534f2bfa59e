package clean

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// pullQuoteWindow is how many lines either side of a short body line are
// searched for the paragraph it repeats.
const pullQuoteWindow = 40

// markPullQuotes sets aside pull quotes: a body line of six to forty words
// whose text (without its quotation marks and closing punctuation) stands
// word for word inside a longer body paragraph nearby. Layouts repeat a
// striking sentence of the article in large type; a scrape keeps both.
func markPullQuotes(lines []line) {
	for i := range lines {
		l := &lines[i]
		if l.kind != kBody || l.words < 6 || l.words > 40 {
			continue
		}
		core := strings.TrimFunc(l.text, func(r rune) bool {
			return unicode.IsPunct(r) || unicode.IsSymbol(r) || unicode.IsSpace(r) // quotation ornaments ("❝ … ❞") are symbols
		})
		if CountWords(core) < 6 {
			continue
		}
		// The quote may capitalise a sentence taken from mid-sentence
		// ("… and they look at me as if …" printed as "They look at me …").
		lower := core
		if r, n := utf8.DecodeRuneInString(core); unicode.IsUpper(r) {
			lower = string(unicode.ToLower(r)) + core[n:]
		}
		for j := max(0, i-pullQuoteWindow); j < len(lines) && j <= i+pullQuoteWindow; j++ {
			if j == i || lines[j].kind != kBody || lines[j].words <= l.words {
				continue
			}
			if inside(lines[j].text, core) || lower != core && inside(lines[j].text, lower) {
				l.kind, l.reason = kNoise, ReasonPullQuote
				break
			}
		}
	}
}

// inside reports whether core stands in s between word boundaries.
func inside(s, core string) bool {
	k := strings.Index(s, core)
	return k >= 0 && wordEdge(s, k, k+len(core))
}

// wordEdge reports whether s[i:j] starts and ends at word boundaries.
func wordEdge(s string, i, j int) bool {
	before, _ := utf8.DecodeLastRuneInString(s[:i])
	after, _ := utf8.DecodeRuneInString(s[j:])
	return (i == 0 || !unicode.IsLetter(before) && !unicode.IsDigit(before)) &&
		(j == len(s) || !unicode.IsLetter(after) && !unicode.IsDigit(after))
}

// markNamedBio sets aside an author box printed as a bare name line over a
// biography opening with that name ("Mara Quist" / "Mara Quist is a family
// doctor in Tarnby."), above the article or under it; the name is the
// author when no byline gave one.
func markNamedBio(lines []line, r *Result) {
	for i := range lines {
		l := &lines[i]
		if l.kind != kBody || l.words < 2 || l.words > 3 || !isNameLike(l.text) {
			continue
		}
		j := nextNonBlank(lines, i)
		if j < 0 || lines[j].kind != kBody || lines[j].words > 45 || !opensWithName(lines[j].text, []string{l.text}) {
			continue
		}
		l.kind, l.reason = kNoise, ReasonByline
		lines[j].kind, lines[j].reason = kNoise, ReasonAuthorBox
		if r.Author == "" {
			r.Author = l.text
		}
	}
}

// joinPageBreaks rejoins a paragraph that a page break, an advertisement
// or a print header cut in two: a body line of eight words or more that
// stops mid-sentence (no closing punctuation, a letter or a comma last),
// and the next body line, after only blank lines and noise, going on in
// lower case.
func joinPageBreaks(lines []line) {
	for i := 0; i < len(lines); i++ {
		l := &lines[i]
		if l.kind != kBody || l.words < 8 || endsSentence(l.text) {
			continue
		}
		last, _ := utf8.DecodeLastRuneInString(l.text)
		if !unicode.IsLetter(last) && last != ',' {
			continue
		}
		j := i + 1
		for j < len(lines) && (lines[j].blank || lines[j].kind == kNoise) {
			j++
		}
		if j == len(lines) || lines[j].kind != kBody {
			continue
		}
		if first, _ := utf8.DecodeRuneInString(lines[j].text); !unicode.IsLower(first) {
			continue
		}
		l.text += " " + lines[j].text
		l.words += lines[j].words
		lines[j].kind = kJoined
		i-- // the joined line may go on again
	}
}
