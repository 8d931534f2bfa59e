package match

import (
	"unicode"
	"unicode/utf8"
)

// token is one word or number of a sentence, reduced to hashes so that
// comparing two sentences allocates nothing.
type token struct {
	word  uint64   // lower-cased word; numHash for numbers
	stem  uint64   // Porter stem of the lower-cased word; numHash for numbers
	num   uint64   // normalised number ("20,000" -> "20000"); 0 if not a number
	pre   uint64   // hash of the word's first prefixLen letters, for longer words; 0 otherwise
	syn   []uint32 // the synonym groups of the stem, sorted
	idf   float32
	flags uint8
}

// lexicon is what a model knows of words: idf by stem hash (key 0: the idf
// of unseen stems) and synonym groups by stem hash.
type lexicon struct {
	idf map[uint64]float32
	syn map[uint64][]uint32
}

const (
	fStop  uint8 = 1 << iota // a stop word
	fName                    // capitalised and not a stop word
	fNeg                     // a negation
	fNum                     // a number
	fBreak                   // punctuation other than '-' stands between this token and the one before
	fNegTo                   // a negation only when "to" follows: "failed to meet", not "the talks failed"
)

// toHash is the word "to".
var toHash = fnv([]byte("to"))

// prefixLen is how many leading letters two longer words must share to
// count as a loose match where their stems differ ("acquisition" /
// "acquired", "organisation" / "organization").
const prefixLen = 5

// numHash stands for every number in word and stem n-grams, so that a
// changed figure breaks no n-gram; numbers are compared on their own.
var numHash = fnv([]byte("<num>"))

func fnv(b []byte) uint64 {
	h := uint64(14695981039346656037)
	for _, c := range b {
		h ^= uint64(c)
		h *= 1099511628211
	}
	return h
}

// stopWords are function words: never keys, and only counted as context in
// n-grams.
var stopWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range splitWords(`a about above after again against all am an and any are aren't as at be
because been before being below between both but by can could did do does doing down during each few
for from further had has have having he her here hers herself him himself his how i if in into is it its
itself just me more most my myself of off on once only or other our ours ourselves out over own same she
should so some such than that the their theirs them themselves then there these they this those through
to too under until up very was we were what when where which while who whom why will with would you your
yours yourself yourselves also not no nor never neither none s t d ll re ve m o y ca wo shall may might must upon via per onto
's mr mrs ms`) {
		m[w] = true
	}
	return m
}()

// negations turn a statement into its denial.
var negations = map[string]bool{
	"not": true, "no": true, "never": true, "none": true, "nothing": true, "nobody": true,
	"neither": true, "nor": true, "cannot": true, "without": true, "nowhere": true,
	"dont": true, "didnt": true, "doesnt": true, "isnt": true, "wasnt": true, "werent": true, "wont": true,
	"cant": true, "couldnt": true, "wouldnt": true, "shouldnt": true, "arent": true, "hasnt": true,
	"havent": true, "hadnt": true,
}

// implicitNegations are the stems of words that deny or withhold: "failed
// to meet" says what "did not meet" says. Those mapped to true deny only
// the verb after "to" ("refused to sign"); used otherwise ("the talks
// failed", "rejected at the port") they are the statement's own verb.
var implicitNegations = map[string]bool{
	"fail": true, "failur": true, "refus": true, "declin": true, "reject": true,
	"deni": false, "unless": false, "lack": false, "absent": false,
}

// numberWords are the numbers spelt out that news text uses for counts
// ("five civilians"); "one" is left out, it is more often a pronoun.
var numberWords = map[string]string{
	"two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7", "eight": "8",
	"nine": "9", "ten": "10", "eleven": "11", "twelve": "12", "thirteen": "13", "fourteen": "14",
	"fifteen": "15", "sixteen": "16", "seventeen": "17", "eighteen": "18", "nineteen": "19",
	"twenty": "20", "thirty": "30", "forty": "40", "fifty": "50", "sixty": "60", "seventy": "70",
	"eighty": "80", "ninety": "90", "hundred": "100", "dozen": "12",
}

// synonyms maps a lower-cased word to the word it is compared as.
var synonyms = map[string]string{
	"pct": "percent", "per-cent": "percent", "%": "percent",
	"america": "usa",
	"mln":     "million", "bln": "billion", "m": "million", "bn": "billion",
	"kill": "killed", "dead": "killed", "died": "killed",
}

func splitWords(s string) []string {
	var out []string
	start := -1
	for i, r := range s {
		if r == ' ' || r == '\n' || r == '\t' {
			if start >= 0 {
				out = append(out, s[start:i])
				start = -1
			}
		} else if start < 0 {
			start = i
		}
	}
	if start >= 0 {
		out = append(out, s[start:])
	}
	return out
}

// MaxTokens is the most words and numbers of a sentence that are read; the
// rest is ignored, so that a run-on "sentence" costs bounded time.
const MaxTokens = 200

// sentence is a tokenised sentence in a scratch buffer.
type sentence struct {
	toks  []token
	chars []byte // lower-cased words joined by single spaces, for character n-grams
	buf   []byte
	stems [][]byte // parallel to toks, only filled when keys are wanted: stems, normalised numbers
	words [][]byte // parallel to toks, likewise: lower-cased words
	brk   bool     // punctuation seen since the last token
	// grams holds the sorted n-gram multisets features compares, built
	// on first use (gramSet); bit k of have says grams[k] is current.
	grams [numGrams][]uint64
	have  uint16
}

func (s *sentence) reset() {
	s.toks = s.toks[:0]
	s.chars = s.chars[:0]
	s.stems = s.stems[:0]
	s.words = s.words[:0]
	s.brk = false
	s.have = 0
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// tokenize fills s with the tokens of text, looking idf and synonyms up
// in lx (may be nil). With keep, the stems and names are kept as byte strings too.
func (s *sentence) tokenize(text string, lx *lexicon, keep bool) {
	s.reset()
	i := 0
	var prevNum []byte // the previous number, when only '-' separates it from this one
	for i < len(text) && len(s.toks) < MaxTokens {
		c := text[i]
		// Numbers: digits with ',' thousands groups and a '.' decimal part.
		if isDigit(c) {
			j := i
			s.buf = s.buf[:0]
			for j < len(text) {
				d := text[j]
				if isDigit(d) {
					s.buf = append(s.buf, d)
					j++
				} else if d == ',' && j+4 <= len(text) && allDigits(text[j+1:j+4]) && (j+4 == len(text) || !isDigit(text[j+4])) {
					j++
				} else if d == '.' && j+1 < len(text) && isDigit(text[j+1]) {
					s.buf = append(s.buf, d)
					j++
				} else {
					break
				}
			}
			// A number glued to letters ("1990s", "F16", "3D") is a word.
			if j < len(text) && isLetterAt(text, j) {
				i = s.word(text, i, lx, keep)
				prevNum = nil
				continue
			}
			// "20-30,000" means 20,000 to 30,000.
			if prevNum != nil && len(s.buf) > 3 && hasSuffix000(s.buf) && allDigits(string(prevNum)) && len(prevNum) <= 3 {
				hi := string(s.buf[:len(s.buf)-3])
				if lessNum(string(prevNum), hi) {
					last := &s.toks[len(s.toks)-1]
					scaled := append(append([]byte{}, prevNum...), "000"...)
					last.num = fnv(scaled)
					if keep && len(s.stems) > 0 {
						s.stems[len(s.stems)-1] = scaled
						s.words[len(s.words)-1] = scaled
					}
				}
			}
			s.add(token{word: numHash, stem: numHash, num: fnv(s.buf), flags: fNum}, keep, s.buf, s.buf)
			if j+1 < len(text) && text[j] == '-' && isDigit(text[j+1]) {
				prevNum = append(prevNum[:0], s.buf...)
			} else {
				prevNum = nil
			}
			i = j
			continue
		}
		if c == '%' {
			s.addWord("percent", lx, keep, false)
			i++
			prevNum = nil
			continue
		}
		if c != '-' {
			prevNum = nil
		}
		if isLetterAt(text, i) {
			i = s.word(text, i, lx, keep)
			continue
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		if r != '-' && !unicode.IsSpace(r) {
			s.brk = true
		}
		i += n
	}
}

func isASCIILetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return len(s) > 0
}

func hasSuffix000(b []byte) bool {
	n := len(b)
	return n >= 4 && b[n-1] == '0' && b[n-2] == '0' && b[n-3] == '0' && allDigits(string(b))
}

// lessNum reports whether the decimal integer a is less than b.
func lessNum(a, b string) bool {
	if len(a) != len(b) {
		return len(a) < len(b)
	}
	return a < b
}

func isLetterAt(text string, i int) bool {
	c := text[i]
	if c < utf8.RuneSelf {
		return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
	}
	r, _ := utf8.DecodeRuneInString(text[i:])
	return unicode.IsLetter(r)
}

// word reads the word starting at text[i] (letters and digits, with "n't"
// split off and possessive "'s" dropped) and returns where it ends.
func (s *sentence) word(text string, i int, lx *lexicon, keep bool) int {
	s.buf = s.buf[:0]
	upper := false
	ascii := true
	first := true
	j := i
	for j < len(text) {
		c := text[j]
		if c < utf8.RuneSelf {
			switch {
			case c >= 'a' && c <= 'z' || isDigit(c):
				s.buf = append(s.buf, c)
			case c >= 'A' && c <= 'Z':
				if first {
					upper = true
				}
				s.buf = append(s.buf, c+'a'-'A')
			default:
				goto done
			}
			j++
		} else {
			r, n := utf8.DecodeRuneInString(text[j:])
			if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
				break
			}
			if first && unicode.IsUpper(r) {
				upper = true
			}
			ascii = false
			s.buf = utf8.AppendRune(s.buf, unicode.ToLower(r))
			j += n
		}
		first = false
	}
done:
	// Dotted abbreviations: "U.S." -> "usa", "U.N." -> "un".
	if len(s.buf) == 1 && j+2 < len(text) && text[j] == '.' && isASCIILetter(text[j+1]) && text[j+2] == '.' {
		for len(s.buf) < 6 && j+2 < len(text) && text[j] == '.' && isASCIILetter(text[j+1]) && text[j+2] == '.' {
			s.buf = append(s.buf, text[j+1]|0x20)
			j += 2
		}
		j++ // the final '.'
		if s.buf[0] == 'u' && s.buf[1] == 's' && len(s.buf) == 2 {
			s.buf = append(s.buf, 'a')
		}
	}
	if j-i == 2 && text[i:j] == "US" {
		s.buf = append(s.buf, 'a')
	}
	neg := false
	// Apostrophes: "don't" -> "do" + not; "Russia's" -> "russia".
	if j < len(text) {
		k, apos := j, false
		if text[k] == '\'' {
			k++
			apos = true
		} else if len(text)-k >= 3 && text[k:k+3] == "\u2019" {
			k += 3
			apos = true
		}
		if apos {
			e := k
			for e < len(text) && (text[e] >= 'a' && text[e] <= 'z' || text[e] >= 'A' && text[e] <= 'Z') {
				e++
			}
			suf := text[k:e]
			if e > k && (e == len(text) || !isLetterAt(text, e)) {
				if (suf == "t" || suf == "T") && len(s.buf) > 1 && s.buf[len(s.buf)-1] == 'n' {
					s.buf = s.buf[:len(s.buf)-1]
					neg = true
				}
				j = e
			}
		}
	}
	w := s.buf
	if syn, ok := synonyms[string(w)]; ok {
		w = append(w[:0], syn...)
	}
	if d, ok := numberWords[string(w)]; ok {
		w = append(w[:0], d...)
		s.add(token{word: numHash, stem: numHash, num: fnv(w), flags: fNum}, keep, w, w)
		return j
	}
	s.addBytes(w, lx, keep, upper, ascii)
	if neg {
		s.addWord("not", lx, keep, false)
	}
	return j
}

func (s *sentence) addWord(w string, lx *lexicon, keep, upper bool) {
	s.buf = append(s.buf[:0], w...)
	s.addBytes(s.buf, lx, keep, upper, true)
}

// addBytes adds the lower-cased word w (which it may overwrite).
func (s *sentence) addBytes(w []byte, lx *lexicon, keep, upper, ascii bool) {
	if len(w) == 0 {
		return
	}
	var t token
	t.word = fnv(w)
	if stopWords[string(w)] {
		t.flags |= fStop
	} else if upper {
		t.flags |= fName
	}
	if negations[string(w)] {
		t.flags |= fNeg
	}
	if len(s.chars) > 0 {
		s.chars = append(s.chars, ' ')
	}
	s.chars = append(s.chars, w...)
	if keep {
		// stem works in place; keep the word first.
		s.words = append(s.words, append([]byte{}, w...))
	}
	if len(w) > prefixLen {
		t.pre = fnv(w[:prefixLen])
	}
	var st []byte
	if ascii {
		st = stem(w)
	} else {
		st = w
	}
	t.stem = fnv(st)
	if to, ok := implicitNegations[string(st)]; ok {
		t.flags |= fNeg
		if to {
			t.flags |= fNegTo
		}
	}
	if lx != nil {
		if v, ok := lx.idf[t.stem]; ok {
			t.idf = v
		} else {
			t.idf = lx.idf[0]
		}
		t.syn = lx.syn[t.stem]
	}
	s.add(t, keep, st, s.chars[len(s.chars)-len(w):])
}

// add appends t; with keep, also its stem and (for numbers) its word.
func (s *sentence) add(t token, keep bool, st, word []byte) {
	if t.flags&fNum != 0 {
		if len(s.chars) > 0 {
			s.chars = append(s.chars, ' ')
		}
		s.chars = append(s.chars, '0')
		if keep {
			s.words = append(s.words, append([]byte{}, word...))
		}
	}
	if s.brk {
		t.flags |= fBreak
		s.brk = false
	}
	s.toks = append(s.toks, t)
	if keep {
		s.stems = append(s.stems, append([]byte{}, st...))
	}
}
