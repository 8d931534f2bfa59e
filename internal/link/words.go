package link

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// stopwords are English function words and reporting verbs that say nothing
// about which event an article covers.
var stopwords = func() map[string]bool {
	m := make(map[string]bool)
	for _, w := range strings.Fields(`a about above after again against all also am an and any are aren
	as at be because been before being below between both but by can cannot could did do does doing
	down during each few for from further had has have having he her here hers herself him himself his
	how i if in into is it its itself just me more most my myself no nor not now of off on once only or
	other our ours ourselves out over own same she should so some such than that the their theirs them
	themselves then there these they this those through to too under until up very was we were what
	when where which while who whom why will with would you your yours yourself yourselves
	said says say told according reported report reports news mr mrs ms one two three four five
	six seven eight nine ten first last new year years day days week weeks month months time
	may might must shall since still yet via per us upon among around another many much however
	whose within without across along already although though ago get got made make told like
	monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow
	s t don didn doesn isn wasn weren won wouldn couldn shouldn hasn haven hadn ll ve re d m`) {
		m[w] = true
	}
	return m
}()

// stem folds simple English plurals and possessives so that "earthquakes"
// and "earthquake" count as one term. It is deliberately timid: a wrong
// merge costs more than a missed one.
func stem(w string) string {
	n := len(w)
	switch {
	case n > 4 && strings.HasSuffix(w, "ies"):
		return w[:n-3] + "y"
	case n > 4 && strings.HasSuffix(w, "sses"):
		return w[:n-2]
	case n > 3 && w[n-1] == 's' && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") &&
		!strings.HasSuffix(w, "is"):
		return w[:n-1]
	}
	return w
}

// contentWord reports whether a folded token is worth weighting.
func contentWord(w string) bool {
	if len(w) < 2 || stopwords[w] {
		return false
	}
	allDigits := true
	for _, r := range w {
		if !unicode.IsDigit(r) {
			allDigits = false
			break
		}
	}
	return !allDigits || len(w) == 4 // keep years, drop counts and day numbers
}

// termCounts counts the content words of title (counted titleWeight times)
// and body.
func termCounts(title, body string) map[string]float64 {
	tf := make(map[string]float64)
	for _, t := range Tokenize(title) {
		if contentWord(t.Norm) {
			tf[stem(t.Norm)] += titleWeight
		}
	}
	for _, t := range Tokenize(body) {
		if contentWord(t.Norm) {
			tf[stem(t.Norm)]++
		}
	}
	return tf
}

// titleWeight is how many body words one title word is worth.
var titleWeight = 3.0

// properNames guesses names in text when no entity tagger ran: capitalised
// words that do not start a sentence, joined into runs ("Lindsay Lohan",
// "Betty Ford Center"), folded. Each run counts once per occurrence.
func properNames(text string) map[string]float64 {
	out := make(map[string]float64)
	toks := Tokenize(text)
	runes := []rune(text)
	var run []string
	flush := func() {
		if len(run) > 0 {
			out[strings.Join(run, " ")]++
			run = run[:0]
		}
	}
	prevEnd := 0
	for _, t := range toks {
		r, _ := utf8.DecodeRuneInString(string(runes[t.Start]))
		capital := unicode.IsUpper(r)
		start := sentenceStart(runes, t.Start)
		if !capital || stopwords[t.Norm] {
			flush()
		} else if start && len(run) == 0 {
			// A capitalised sentence opener is usually not a name.
		} else {
			if len(run) > 0 && !onlySpace(runes[prevEnd:t.Start]) {
				flush()
			}
			run = append(run, t.Norm)
		}
		prevEnd = t.End
	}
	flush()
	return out
}

// sentenceStart reports whether the word at code point i opens a sentence
// or paragraph: only spaces and quotes between it and the previous . ! ? or
// line break, or the start of the text.
func sentenceStart(runes []rune, i int) bool {
	for k := i - 1; k >= 0; k-- {
		switch r := runes[k]; {
		case r == '.' || r == '!' || r == '?' || r == '\n' || r == ':':
			return true
		case unicode.IsSpace(r) || r == '"' || r == '“' || r == '\'' || r == '‘' || r == '`' || r == '(':
			continue
		default:
			return false
		}
	}
	return true
}

// onlySpace reports whether rs holds nothing but white space.
func onlySpace(rs []rune) bool {
	for _, r := range rs {
		if !unicode.IsSpace(r) {
			return false
		}
	}
	return true
}
