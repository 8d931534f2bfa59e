package link

import (
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// When and how much: two events of one kind told in the same words
// happened on different days and come with different figures (a quake of
// magnitude 6.1 and one of 5.4, a $4bn deal and a $650m one). An
// article's facts are read from its headline and lead, where the event's
// own date and figures are stated (background comes later): the days of
// the year its text dates things to (written dates, "14 March", "March
// 14, 2009"; weekdays and "yesterday" resolved against its publication
// date, or kept as weekdays when it has none) and its figures with their
// units ("6.1-magnitude", "$4bn", "33-year-old", "23 people"). A story
// keeps its members' facts under evDay, evWeekday and evFigure keys of
// its names. Evidence is two-sided, as for who and where, and needs two
// kinds of fact to disagree with none agreeing (see factsConflict).

// facts are an article's dates and figures.
type facts struct {
	// days are the days of the year (1-366, in a leap year) the text
	// dates things to.
	days []int
	// weekdays are the weekdays the text names when it has no
	// publication date to resolve them against (bit i: time.Weekday i).
	weekdays uint8
	// figures maps a unit to the values the text gives with it.
	figures map[string][]string
}

var monthNames = map[string]time.Month{
	"january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
	"may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
	"sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}

var weekdayNames = map[string]time.Weekday{
	"sunday": 0, "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6,
}

// multipliers are the words that scale a figure ("4 billion", "$4bn").
var multipliers = map[string]float64{
	"thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "mn": 1e6, "mln": 1e6,
	"billion": 1e9, "bn": 1e9, "b": 1e9, "trillion": 1e12, "tn": 1e12,
}

// word is a lexical unit of the facts scanner: a run of letters, a number
// (digits with inner commas and points) or one other non-space rune.
type word struct {
	s      string // folded (lower case)
	num    bool
	space  bool // preceded by space
	hyphen bool // preceded directly by a hyphen
	upper  bool // a word that starts with a capital letter
	comma  bool // a number written with a thousands comma ("2,000")
	glued  bool // a number written directly after letters ("R12", "G7")
}

// letter reports a word of letters.
func (w word) letter() bool {
	r, _ := utf8.DecodeRuneInString(w.s)
	return !w.num && unicode.IsLetter(r)
}

// factWords splits s for the facts scanner.
func factWords(s string) []word {
	out := make([]word, 0, len(s)/4)
	space := true
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case unicode.IsSpace(r):
			space = true
			i += n
			continue
		case r >= '0' && r <= '9':
			j := i
			for j < len(s) && (s[j] >= '0' && s[j] <= '9' || (s[j] == ',' || s[j] == '.') && j+1 < len(s) && s[j+1] >= '0' && s[j+1] <= '9' && j > i) {
				j++
			}
			w := word{s: strings.ReplaceAll(s[i:j], ",", ""), num: true, space: space, comma: strings.Contains(s[i:j], ",")}
			w.hyphen = len(out) > 0 && !space && out[len(out)-1].s == "-"
			w.glued = len(out) > 0 && !space && out[len(out)-1].letter()
			out = append(out, w)
			i = j
		case unicode.IsLetter(r):
			j := i
			for j < len(s) {
				r2, n2 := utf8.DecodeRuneInString(s[j:])
				if !unicode.IsLetter(r2) {
					break
				}
				j += n2
			}
			w := word{s: strings.ToLower(s[i:j]), space: space, upper: unicode.IsUpper(r)}
			w.hyphen = len(out) > 0 && !space && out[len(out)-1].s == "-"
			out = append(out, w)
			i = j
		default:
			out = append(out, word{s: string(r), space: space})
			i += n
		}
		space = false
	}
	return out
}

// articleFacts extracts the dates and figures of a title and text, with
// the article's publication date pub (zero when unknown).
func articleFacts(title, text string, pub time.Time) facts {
	var f facts
	seen := map[string]bool{}
	addFig := func(unit string, v float64) {
		val := strconv.FormatFloat(v, 'g', 4, 64)
		if seen[unit+"="+val] {
			return
		}
		seen[unit+"="+val] = true
		if f.figures == nil {
			f.figures = map[string][]string{}
		}
		f.figures[unit] = append(f.figures[unit], val)
	}
	addDay := func(m time.Month, d int) {
		if d < 1 || d > daysIn(m) {
			return // "31 February" is no date
		}
		day := time.Date(2000, m, d, 0, 0, 0, 0, time.UTC).YearDay()
		for _, x := range f.days {
			if x == day {
				return
			}
		}
		f.days = append(f.days, day)
	}
	for k, part := range []string{title, text} {
		ws := factWords(part)
		// in a Title Case headline every word is capitalised, so a
		// capital says nothing of a name
		names := k == 1 || !titleCase(ws)
		for i := 0; i < len(ws); i++ {
			w := ws[i]
			if !w.num {
				if m, ok := monthNames[w.s]; ok && (w.s != "may" && w.s != "mar" || i+1 < len(ws) && ws[i+1].num) {
					// "March 14", "Dec. 11"
					j := i + 1
					if j < len(ws) && ws[j].s == "." {
						j++
					}
					if j < len(ws) && ws[j].num && len(ws[j].s) <= 2 {
						d, _ := strconv.Atoi(ws[j].s)
						addDay(m, d)
						i = j
					}
					continue
				}
				if wd, ok := weekdayNames[w.s]; ok && pub.IsZero() {
					f.weekdays |= 1 << wd
					continue
				} else if ok {
					back := (int(pub.Weekday()) - int(wd) + 7) % 7
					t := pub.AddDate(0, 0, -back)
					addDay(t.Month(), t.Day())
					continue
				}
				if w.s == "yesterday" && !pub.IsZero() {
					t := pub.AddDate(0, 0, -1)
					addDay(t.Month(), t.Day())
				}
				continue
			}
			// a number: a day before a month ("14 March")?
			if i+1 < len(ws) && len(w.s) <= 2 {
				if m, ok := monthNames[ws[i+1].s]; ok && ws[i+1].s != "may" {
					d, _ := strconv.Atoi(w.s)
					addDay(m, d)
					i++
					continue
				}
			}
			// a score or range ("9-14") or a number glued to a word
			// ("76ers", "3rd", "R12") is no figure
			if w.glued {
				continue
			}
			if i+2 < len(ws) && ws[i+1].s == "-" && ws[i+2].num && !ws[i+2].space ||
				i >= 2 && w.hyphen && ws[i-2].num {
				i++
				continue
			}
			if i+1 < len(ws) && !ws[i+1].num && !ws[i+1].space && unicode.IsLetter(rune(ws[i+1].s[0])) {
				if _, ok := multipliers[ws[i+1].s]; !ok {
					i++
					continue
				}
			}
			v, err := strconv.ParseFloat(w.s, 64)
			if err != nil {
				continue
			}
			money := ""
			if i > 0 && (ws[i-1].s == "$" || ws[i-1].s == "£" || ws[i-1].s == "€") {
				money = ws[i-1].s
			}
			j := i + 1
			if j < len(ws) && !ws[j].num {
				if x, ok := multipliers[ws[j].s]; ok && (ws[j].space || len(ws[j].s) <= 2) {
					v *= x
					j++
				}
			}
			if money != "" {
				addFig(money, v)
				i = j - 1
				continue
			}
			if j < len(ws) && (ws[j].s == "%" || ws[j].s == "percent") {
				addFig("%", v)
				i = j
				continue
			}
			// time of day ("3 p.m.", "10:30")
			if j < len(ws) && (ws[j].s == ":" || ws[j].s == "p" || ws[j].s == "a" || ws[j].s == "pm" || ws[j].s == "am") {
				continue
			}
			// hyphenated unit ("6.1-magnitude", "33-year-old")
			if j+1 < len(ws) && ws[j].s == "-" && !ws[j+1].num && !ws[j+1].space {
				u := ws[j+1].s
				if u == "year" && j+3 < len(ws) && ws[j+2].s == "-" && ws[j+3].s == "old" {
					u = "year-old"
				}
				if contentWord(u) {
					addFig(stem(u), v)
				}
				continue
			}
			if len(w.s) == 4 && v >= 1900 && v < 2100 && !strings.Contains(w.s, ".") && !w.comma {
				continue // a year ("2,000" is a figure)
			}
			// unit before ("magnitude 6.1")
			if i > 0 && ws[i-1].s == "magnitude" {
				addFig("magnitude", v)
				continue
			}
			// a unit is a common word: a number before a name ("282016
			// Qamishli", "44 Monitor") is no figure
			if j < len(ws) && ws[j].letter() && !(ws[j].upper && names) && contentWord(ws[j].s) && len(ws[j].s) > 2 {
				addFig(stem(ws[j].s), v)
			}
		}
	}
	return f
}

// daysIn is the number of days of month m in a leap year.
func daysIn(m time.Month) int { return time.Date(2000, m+1, 0, 0, 0, 0, 0, time.UTC).Day() }

// titleCase reports whether a headline's words are written in Title
// Case: at least three words of four letters or more, nearly all
// capitalised (a sentence-case headline capitalises only its first word
// and its names).
func titleCase(ws []word) bool {
	n, up := 0, 0
	for _, w := range ws {
		if len(w.s) < 4 || !w.letter() {
			continue
		}
		n++
		if w.upper {
			up++
		}
	}
	return n >= 3 && up*5 >= n*4
}

// Event evidence keys (after eventPrefix) of facts in a story's names.
const (
	evDay     = "d:" // a day of the year a member dates things to
	evWeekday = "w:" // a weekday a member names (without a publication date)
	evFigure  = "f:" // a unit ("f:magnitude") or a figure ("f:magnitude=6.1")
)

// Factors by which an article's score against a story falls when their
// facts disagree (1: the evidence is not used): for each kind beyond
// the least of minDisagree, and for the date alone (days on both sides,
// nothing agreeing); and how many days apart two dates may be and still
// agree.
var (
	factConflict = 0.6
	dayConflict  = 0.8
	dayWindow    = 3
)

// factsLead is how much of an article's text (in code points, after its
// headline) its facts are read from: the lead states the event's own
// date and figures, the rest adds background.
var factsLead = 600

// leadOf returns the first n code points of text (all of it when n is 0),
// cut at the word boundary that follows, or at n itself when no white
// space comes within maxWordRunes (text without spaces, such as Chinese
// or a binary blob, is cut there rather than read whole).
func leadOf(text string, n int) string {
	if n <= 0 {
		return text
	}
	i := 0
	for k := range text {
		if i == n {
			m := 0
			for j, r := range text[k:] {
				if unicode.IsSpace(r) {
					return text[:k+j]
				}
				if m++; m > maxWordRunes {
					break
				}
			}
			return text[:k]
		}
		i++
	}
	return text
}

// maxWordRunes is the longest word leadOf finishes past its cut.
const maxWordRunes = 40

// maxFigures bounds the figures of one article kept as evidence.
const maxFigures = 24

// joinFacts adds an article's facts to a story's names.
func joinFacts(names map[string]float64, f facts) {
	if len(f.days) > 0 {
		names[eventPrefix+evDay]++
		for _, d := range f.days {
			names[eventPrefix+evDay+strconv.Itoa(d)]++
		}
	}
	if f.weekdays != 0 {
		names[eventPrefix+evWeekday]++
		for wd := 0; wd < 7; wd++ {
			if f.weekdays&(1<<wd) != 0 {
				names[eventPrefix+evWeekday+strconv.Itoa(wd)]++
			}
		}
	}
	n := 0
	for _, u := range sortedUnits(f.figures) {
		names[eventPrefix+evFigure+u]++
		for _, v := range f.figures[u] {
			names[eventPrefix+evFigure+u+"="+v]++
			if n++; n == maxFigures {
				return
			}
		}
	}
}

// sortedUnits returns the units of figs in order.
func sortedUnits(figs map[string][]string) []string {
	out := make([]string, 0, len(figs))
	for u := range figs {
		out = append(out, u)
	}
	sort.Strings(out)
	return out
}

// factsConflict returns how many kinds of fact an article and a story
// disagree on (the date; each unit both give figures in), and whether
// the date is one of them with days on both sides (not weekdays alone),
// or 0 and false when any fact of the article agrees with the story's (a
// date within dayWindow days of one of the story's, or, both sides
// lacking dates, a weekday in common; a figure the story gives in the
// same unit). One figure that differs is often an update (a toll that
// rises, an offer raised), so one kind alone is weak evidence; a day
// that differs is less often one (see dayConflict).
func factsConflict(f facts, st *StoryState) (kinds int, day bool) {
	if len(f.days) > 0 && st.Names[eventPrefix+evDay] > 0 {
		if daysAgree(f.days, st) {
			return 0, false
		}
		kinds, day = 1, true
	} else if f.weekdays != 0 && st.Names[eventPrefix+evWeekday] > 0 {
		for wd := 0; wd < 7; wd++ {
			if f.weekdays&(1<<wd) != 0 && st.Names[eventPrefix+evWeekday+strconv.Itoa(wd)] > 0 {
				return 0, false
			}
		}
		kinds++
	}
	prefix := eventPrefix + evFigure
	for u, vs := range f.figures {
		if st.Names[prefix+u] == 0 {
			continue
		}
		for _, v := range vs {
			if st.Names[prefix+u+"="+v] > 0 {
				return 0, false
			}
		}
		kinds++
	}
	return kinds, day
}

// daysAgree reports whether one of days is within dayWindow days of one
// of story st's.
func daysAgree(days []int, st *StoryState) bool {
	prefix := eventPrefix + evDay
	for _, d := range days {
		for k := d - dayWindow; k <= d+dayWindow; k++ {
			x := (k+365)%366 + 1 // days wrap around the year
			if st.Names[prefix+strconv.Itoa(x)] > 0 {
				return true
			}
		}
	}
	return false
}

// minDisagree is how many kinds of fact must disagree for a conflict.
var minDisagree = 2
