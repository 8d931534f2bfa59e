package ner

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Token is a word, number or punctuation mark of a natural text, with its
// byte offsets into that text (start inclusive, end exclusive).
type Token struct {
	Start, End int
	// Text is text[Start:End].
	Text string
	// Norm is Text with typographic quotes, apostrophes and dashes folded
	// to the ASCII forms the CoNLL-2003 corpus uses; the tagger reads Norm.
	Norm string
	// LineBreak is set when a line break separates the token from the one
	// before it.
	LineBreak bool
}

// abbreviations keep their final period when they end a chunk.
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "gen": true, "lt": true,
	"col": true, "maj": true, "capt": true, "sgt": true, "adm": true, "gov": true, "sen": true,
	"rep": true, "st": true, "jr": true, "sr": true, "inc": true, "ltd": true, "co": true,
	"corp": true, "no": true, "vs": true, "etc": true, "jan": true, "feb": true, "mar": true,
	"apr": true, "jun": true, "jul": true, "aug": true, "sep": true, "sept": true, "oct": true,
	"nov": true, "dec": true, "mt": true, "ft": true, "pres": true, "rev": true, "hon": true,
}

// isOpenPunct reports runes peeled off the front of a chunk.
func isOpenPunct(r rune) bool {
	switch r {
	case '"', '\'', '(', '[', '{', '“', '‘', '«', '„', '‹', '`', '<', '*', '•', '·', '¿', '¡':
		return true
	}
	return false
}

// isClosePunct reports runes peeled off the end of a chunk.
func isClosePunct(r rune) bool {
	switch r {
	case '"', '\'', ')', ']', '}', '”', '’', '»', '›', ',', ';', ':', '!', '?', '…', '*', '>':
		return true
	}
	return false
}

// isDash reports dashes that always stand alone.
func isDash(r rune) bool { return r == '—' || r == '–' || r == '―' }

// Tokenize splits text into tokens. Words keep inner hyphens and
// apostrophes ("al-Nusra", "Hay'at"), numbers keep inner commas, periods
// and hyphens ("20-30,000"), and dotted abbreviations keep their periods
// ("U.S."). Possessive "'s" and "n't" become tokens of their own, as in the
// CoNLL-2003 corpus the tagger was trained on.
func Tokenize(text string) []Token {
	return tokenizeInto(text, make([]Token, 0, len(text)/5))
}

// tokenizeInto is Tokenize appending to toks.
func tokenizeInto(text string, toks []Token) []Token {
	toks = slices.Grow(toks, len(text)/5)
	first := len(toks)
	lineBreak := false
	i := 0
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		if unicode.IsSpace(r) || r == utf8.RuneError && n <= 1 || unicode.IsControl(r) {
			if r == '\n' || r == '\r' || r == '\u2028' || r == '\u2029' {
				lineBreak = true
			}
			i += n
			continue
		}
		j := i
		for j < len(text) {
			r, n := utf8.DecodeRuneInString(text[j:])
			if unicode.IsSpace(r) || r == utf8.RuneError && n <= 1 || unicode.IsControl(r) {
				break
			}
			j += n
		}
		before := len(toks)
		toks = splitChunk(text, i, j, toks)
		if lineBreak && len(toks) > before {
			toks[before].LineBreak = true
		}
		lineBreak = false
		i = j
	}
	for k := first; k < len(toks); k++ {
		toks[k].Text = text[toks[k].Start:toks[k].End]
		toks[k].Norm = normalize(toks[k].Text)
	}
	return toks
}

// splitChunk appends the tokens of text[start:end], a run without spaces.
func splitChunk(text string, start, end int, toks []Token) []Token {
	// Leading punctuation, one token each.
	for start < end {
		r, n := utf8.DecodeRuneInString(text[start:end])
		if !isOpenPunct(r) && !isDash(r) {
			break
		}
		if (r == '\'' || r == '’') && start+n < end && isAlnumAt(text, start+n) && elision(text[start+n:end]) {
			break // 'em, '90s
		}
		toks = append(toks, Token{Start: start, End: start + n})
		start += n
	}
	// Trailing punctuation, collected in reverse.
	var tail []Token
	for end > start {
		r, n := utf8.DecodeLastRuneInString(text[start:end])
		switch {
		case isClosePunct(r) || isDash(r):
			if r == '.' {
				break
			}
			tail = append(tail, Token{Start: end - n, End: end})
			end -= n
			continue
		case r == '.':
			if strings.HasSuffix(text[start:end], "...") {
				tail = append(tail, Token{Start: end - 3, End: end})
				end -= 3
				continue
			}
			if keepsPeriod(text[start:end]) {
				break
			}
			tail = append(tail, Token{Start: end - n, End: end})
			end -= n
			continue
		}
		break
	}
	if start < end {
		toks = splitWord(text, start, end, toks)
	}
	for k := len(tail) - 1; k >= 0; k-- {
		toks = append(toks, tail[k])
	}
	return toks
}

// elision reports words that start with an apostrophe of their own.
func elision(s string) bool {
	l := strings.ToLower(s)
	return strings.HasPrefix(l, "em") && len(l) == 2 || len(l) >= 2 && l[0] >= '0' && l[0] <= '9'
}

// isAlnumAt reports whether the rune at byte i of s is a letter or digit.
func isAlnumAt(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// isLetterBefore reports whether the rune ending at byte i of s is a letter.
func isLetterBefore(s string, i int) bool {
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return unicode.IsLetter(r)
}

// keepsPeriod reports whether word (ending in ".") is an abbreviation whose
// period belongs to it: "U.S.", "Mr.", "Gen.", single initials "J.".
func keepsPeriod(word string) bool {
	w := strings.TrimSuffix(word, ".")
	if w == "" {
		return false
	}
	if strings.Contains(w, ".") {
		// Dotted letters: U.S, U.N, e.g
		for _, part := range strings.Split(w, ".") {
			if utf8.RuneCountInString(part) > 2 {
				return false
			}
		}
		return true
	}
	if utf8.RuneCountInString(w) == 1 {
		r, _ := utf8.DecodeRuneInString(w)
		return unicode.IsUpper(r)
	}
	return abbreviations[strings.ToLower(w)]
}

// splitWord appends a word, splitting off "'s" and "n't" and standalone
// dashes inside it.
func splitWord(text string, start, end int, toks []Token) []Token {
	w := text[start:end]
	// Inner em and en dashes separate words: "Idlib—the".
	for k, r := range w {
		if isDash(r) && k > 0 {
			n := utf8.RuneLen(r)
			toks = splitWord(text, start, start+k, toks)
			toks = append(toks, Token{Start: start + k, End: start + k + n})
			if start+k+n < end {
				toks = splitChunk(text, start+k+n, end, toks)
			}
			return toks
		}
	}
	// A slash between letters separates words: "Sherbak/TASS".
	for k := 1; k < len(w)-1; k++ {
		if w[k] == '/' && isLetterBefore(w, k) && isAlnumAt(w, k+1) {
			toks = splitWord(text, start, start+k, toks)
			toks = append(toks, Token{Start: start + k, End: start + k + 1})
			return splitChunk(text, start+k+1, end, toks)
		}
	}
	lw := strings.ToLower(w)
	for _, suf := range []string{"'s", "’s"} {
		if len(lw) > len(suf) && strings.HasSuffix(lw, suf) {
			cut := end - len(suf)
			toks = append(toks, Token{Start: start, End: cut}, Token{Start: cut, End: end})
			return toks
		}
	}
	for _, suf := range []string{"n't", "n’t"} {
		if len(lw) > len(suf)+1 && strings.HasSuffix(lw, suf) {
			cut := end - len(suf)
			toks = append(toks, Token{Start: start, End: cut}, Token{Start: cut, End: end})
			return toks
		}
	}
	// A trailing apostrophe of a plural possessive: "rebels'".
	if len(w) > 1 && (strings.HasSuffix(w, "'") || strings.HasSuffix(w, "’")) {
		_, n := utf8.DecodeLastRuneInString(w)
		return append(toks, Token{Start: start, End: end - n}, Token{Start: end - n, End: end})
	}
	return append(toks, Token{Start: start, End: end})
}

// normalize folds typographic punctuation to ASCII.
func normalize(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			ascii = false
			break
		}
	}
	if ascii {
		return s
	}
	return typography.Replace(s)
}

var typography = strings.NewReplacer(
	"“", `"`, "”", `"`, "„", `"`, "«", `"`, "»", `"`, "‟", `"`,
	"‘", "'", "’", "'", "‚", "'", "‛", "'", "ʼ", "'", "′", "'",
	"—", "-", "–", "-", "―", "-", "‐", "-", "‑", "-", "…", "...",
	"\u00a0", " ",
)

// Sentences groups tokens into sentences. A sentence ends at ".", "!", "?"
// or "..." (with any closing quotes or brackets after it) when the next
// token starts a new sentence, and always at a line break.
func Sentences(toks []Token) [][]Token {
	var out [][]Token
	start := 0
	for i := 0; i < len(toks); i++ {
		if i > start && toks[i].LineBreak {
			out = append(out, toks[start:i])
			start = i
		}
		if !isTerminal(toks[i].Norm) {
			continue
		}
		j := i + 1
		for j < len(toks) && !toks[j].LineBreak && isCloser(toks[j].Norm) && toks[j].Start == toks[j-1].End {
			j++
		}
		if j >= len(toks) || toks[j].LineBreak || startsSentence(toks[j].Norm) {
			out = append(out, toks[start:j])
			start = j
			i = j - 1
		}
	}
	if start < len(toks) {
		out = append(out, toks[start:])
	}
	return out
}

func isTerminal(s string) bool { return s == "." || s == "!" || s == "?" || s == "..." }

func isCloser(s string) bool { return s == `"` || s == "'" || s == ")" || s == "]" }

// startsSentence reports whether a token can begin a sentence.
func startsSentence(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r) || unicode.IsDigit(r) || r == '"' || r == '(' || r == '\'' || r == '-'
}

// joinApartPossessives joins a possessive written apart from its word
// ("Swift 's", "People 's Daily", as in text tokenised elsewhere), which
// Tokenize splits into a quote and "s", into the one token "'s" Tokenize
// makes of "Swift's". Only the entity stage joins them: Tokenize leaves
// them apart, so that the word clusters learnt through it stay as they are.
func joinApartPossessives(toks []Token) []Token {
	out := toks[:0]
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if t.Norm == "'" && i > 0 && i+1 < len(toks) && !t.LineBreak && toks[i-1].End < t.Start &&
			toks[i+1].Start == t.End && (toks[i+1].Norm == "s" || toks[i+1].Norm == "S") && isAlnumBefore(toks[i-1].Text) {
			t.End = toks[i+1].End
			t.Text += toks[i+1].Text
			t.Norm += toks[i+1].Norm
			i++
		}
		out = append(out, t)
	}
	return out
}

// isAlnumBefore reports a token that ends in a letter or digit.
func isAlnumBefore(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}
