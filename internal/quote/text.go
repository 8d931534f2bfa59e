package quote

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Quote mark kinds of a token.
const (
	notMark   = 0
	openMark  = 1 // “ «
	closeMark = 2 // ” »
	straight  = 3 // " (direction from context)
)

// token is a word or a punctuation mark with its byte offsets in the text.
type token struct {
	start, end int // byte offsets, end exclusive
	text       string
	lower      string
	word       bool // letters or digits
	cap        bool // starts with an upper-case letter
	mark       int8 // quote mark kind
	para       int  // paragraph number (lines separated by newlines)
}

// abbrevs keep their trailing period ("Mr.", "Gen.", "U.S.").
var abbrevs = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "gen": true, "sen": true, "rep": true,
	"gov": true, "st": true, "lt": true, "col": true, "maj": true, "jr": true, "sr": true,
	"inc": true, "corp": true, "co": true, "no": true, "vs": true, "capt": true, "prof": true,
	"sec": true, "rev": true, "jan": true, "feb": true, "aug": true, "sept": true, "sep": true,
	"oct": true, "nov": true, "dec": true, "gens": true, "adm": true, "sgt": true, "ft": true,
	"mt": true, "ltd": true, "dept": true, "est": true, "approx": true, "fig": true,
}

// tokenize splits text into tokens. Paragraphs are separated by newlines.
func tokenize(text string) []token {
	return tokenizeInto(text, nil)
}

// tokenizeInto is tokenize reusing the storage of toks.
func tokenizeInto(text string, toks []token) []token {
	toks = slices.Grow(toks[:0], len(text)/5+8)
	para := 0
	i := 0
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		switch {
		case r == '\n':
			para++
			i += n
			for i < len(text) {
				r2, n2 := utf8.DecodeRuneInString(text[i:])
				if !unicode.IsSpace(r2) {
					break
				}
				i += n2
			}
			continue
		case unicode.IsSpace(r):
			i += n
			continue
		case isWordRune(r):
			j := i + n
			for j < len(text) {
				r2, n2 := utf8.DecodeRuneInString(text[j:])
				if isWordRune(r2) {
					j += n2
					continue
				}
				// Inner hyphens, apostrophes, periods and ampersands join
				// when a letter or digit follows.
				if r2 == '-' || r2 == '\'' || r2 == '’' || r2 == '.' || r2 == '&' || r2 == '/' {
					if j+n2 < len(text) {
						r3, _ := utf8.DecodeRuneInString(text[j+n2:])
						if isWordRune(r3) {
							j += n2
							continue
						}
					}
				}
				break
			}
			// A period after an abbreviation or an initial stays with it.
			if j < len(text) && text[j] == '.' {
				w := text[i:j]
				lw := strings.ToLower(w)
				closes := j+1 < len(text) && text[j+1] == ')' // "(D-Wis.)"
				if abbrevs[lw] || closes || strings.Contains(w, ".") || (utf8.RuneCountInString(w) == 1 && unicode.IsUpper(r)) {
					j++
				}
			}
			w := text[i:j]
			toks = append(toks, token{start: i, end: j, text: w, lower: lowerWord(w), word: true, cap: unicode.IsUpper(r), para: para})
			i = j
		default:
			t := token{start: i, end: i + n, text: text[i : i+n], para: para}
			switch r {
			case '“', '«', '„':
				t.mark = openMark
			case '”', '»':
				t.mark = closeMark
			case '"':
				t.mark = straight
			case '\'', '`':
				// Two single marks stand for a double one ('' and ``).
				if i+1 < len(text) && text[i+1] == text[i] {
					t.end = i + 2
					t.text = text[i : i+2]
					t.mark = straight
					if r == '`' {
						t.mark = openMark
					}
				}
			case '.':
				// "..." is one token.
				j := i + 1
				for j < len(text) && text[j] == '.' {
					j++
				}
				t.end = j
				t.text = text[i:j]
			}
			t.lower = t.text
			toks = append(toks, t)
			i = t.end
		}
	}
	return toks
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// lowerWord lower-cases w and folds curly apostrophes to straight ones.
func lowerWord(w string) string {
	ascii := true
	for i := 0; i < len(w); i++ {
		if w[i] >= 0x80 || (w[i] >= 'A' && w[i] <= 'Z') {
			ascii = false
			break
		}
	}
	if ascii {
		return w
	}
	w = strings.ToLower(w)
	if strings.Contains(w, "’") {
		w = strings.ReplaceAll(w, "’", "'")
	}
	return w
}

// region is a stretch between double quote marks: open and close are token
// indexes of the marks (close is the last token of the paragraph when the
// quote was left open).
type region struct {
	open, close int
	closed      bool
	words       int
	direct      bool // taken as a direct quote
}

// pairQuotes finds the quoted regions of toks. Curly marks nest; straight
// marks open after a space and close after a word. A quote left open at
// the end of a paragraph continues when the next paragraph opens with a
// mark (news style for quotes of several paragraphs) and is closed at the
// paragraph end otherwise.
func pairQuotes(text string, toks []token) []region {
	var out []region
	depth, open := 0, -1
	var paraOpens []int // marks that went on with a quote in a new paragraph
	finish := func(close int, closed bool) {
		words := 0
		for k := open + 1; k < close; k++ {
			if toks[k].word {
				words++
			}
		}
		out = append(out, region{open: open, close: close, closed: closed, words: words})
		depth, open = 0, -1
		paraOpens = paraOpens[:0]
	}
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if i > 0 && t.para != toks[i-1].para && depth > 0 {
			if (t.mark == openMark || t.mark == straight) && !speakerLabel(toks, i+1) {
				paraOpens = append(paraOpens, i)
				continue // the quote goes on in this paragraph
			}
			finish(i-1, false)
		}
		kind := t.mark
		if kind == straight {
			kind = straightKind(text, toks, i, depth)
		}
		if kind == closeMark && depth == 0 && (i == 0 || toks[i-1].para != t.para) {
			kind = openMark // a paragraph opening with the wrong mark
		}
		switch kind {
		case openMark:
			if depth == 0 {
				open = i
			}
			depth++
		case closeMark:
			if depth > 0 {
				depth--
				if depth == 0 {
					finish(i, true)
				}
			}
		}
	}
	if depth > 0 {
		// Never closed: rather than one quote to the end of the text, take
		// each paragraph that opened with a mark as a quote of its own.
		starts := append([]int{open}, paraOpens...)
		for n, st := range starts {
			end := len(toks) - 1
			if n+1 < len(starts) {
				end = starts[n+1] - 1
			}
			for e := st + 1; e <= end; e++ {
				if toks[e].para != toks[st].para {
					end = e - 1
					break
				}
			}
			open = st
			finish(end, false)
		}
	}
	return out
}

// speakerLabel reports whether toks[i:] opens with a transcript label
// such as "WALLACE:" or "MR. TRUMP:".
func speakerLabel(toks []token, i int) bool {
	for k := i; k < len(toks) && k < i+3; k++ {
		t := &toks[k]
		if t.text == ":" {
			return k > i
		}
		if !t.word || len(t.text) < 2 || strings.ToUpper(t.text) != t.text || strings.ToLower(t.text) == t.text {
			return false
		}
	}
	return false
}

// straightKind decides whether the straight mark toks[i] opens or closes.
func straightKind(text string, toks []token, i, depth int) int8 {
	t := toks[i]
	spaceBefore := t.start == 0 || isSpaceBefore(text, t.start)
	spaceAfter := t.end >= len(text) || isSpaceAt(text, t.end)
	switch {
	case spaceBefore && !spaceAfter:
		return openMark
	case !spaceBefore && spaceAfter:
		return closeMark
	case depth > 0:
		return closeMark
	default:
		return openMark
	}
}

func isSpaceBefore(text string, b int) bool {
	r, _ := utf8.DecodeLastRuneInString(text[:b])
	return unicode.IsSpace(r) || r == '(' || r == '[' || r == '—' || r == '–' || r == ':'
}

func isSpaceAt(text string, b int) bool {
	r, _ := utf8.DecodeRuneInString(text[b:])
	return unicode.IsSpace(r) || r == ',' || r == '.' || r == ';' || r == ':' || r == ')' || r == '?' || r == '!'
}

// isTerminal reports whether t ends a sentence.
func isTerminal(t *token) bool {
	return !t.word && (t.text == "." || t.text == "!" || t.text == "?" || t.text == "...")
}

// units splits toks into sentence-like units. A boundary never falls inside
// a quoted region, so a quote of several sentences stays in the unit of its
// attribution. inRegion maps each token to the region holding it or -1.
func units(toks []token, inRegion []int) [][2]int {
	var out [][2]int
	start := 0
	for i := 0; i < len(toks); i++ {
		if i > start && toks[i].para != toks[i-1].para && (inRegion[i] < 0 || inRegion[i] != inRegion[i-1]) {
			out = append(out, [2]int{start, i})
			start = i
			continue
		}
		// A quote ending a sentence (“… over.” Then …) ends the unit.
		if inRegion[i] >= 0 && toks[i].mark != notMark && i > 0 && isTerminal(&toks[i-1]) &&
			i+1 < len(toks) && (i+1 >= len(inRegion) || inRegion[i+1] != inRegion[i]) &&
			toks[i+1].word && toks[i+1].cap && toks[i+1].para == toks[i].para {
			out = append(out, [2]int{start, i + 1})
			start = i + 1
			continue
		}
		if inRegion[i] >= 0 || !isTerminal(&toks[i]) {
			continue
		}
		j := i + 1
		for j < len(toks) && !toks[j].word && (toks[j].text == ")" || toks[j].mark == closeMark) && inRegion[j] < 0 {
			j++
		}
		if j >= len(toks) {
			break
		}
		n := &toks[j]
		if n.para != toks[i].para || n.cap || n.mark == openMark || n.mark == straight || (n.word && n.text[0] >= '0' && n.text[0] <= '9') {
			out = append(out, [2]int{start, j})
			start = j
			i = j - 1
		}
	}
	if start < len(toks) {
		out = append(out, [2]int{start, len(toks)})
	}
	return out
}
