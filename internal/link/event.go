package link

import (
	"strings"
	"unicode"

	"github.com/sift-news/sift"
)

// Events of one kind (two earthquakes, two arrests, two announcements by
// one company) share most of their vocabulary; what tells them apart is
// when, where, who and what figures. Dates of publication already weigh in
// (see Clusterer.score), but many articles carry none the cleaner can read
// (355 of the 413 ECB+ documents), while most name the year of what they
// report. The
// clusterer keeps the years the members of each story name, and an
// article whose years and the story's never meet scores lower against it.
//
// Who and where (participants.go) are the people and places an article
// names prominently, against those of the story; when and how much
// (facts.go) are the dates and figures of its lead. Months of written
// dates, facts of the whole text and agreement bonuses for shared
// participants were tried and are not used (docs/stories.md).
//
// A story's event evidence lives in StoryState.Names under keys that start
// with eventPrefix, which sift.Normalize never produces, so that stores
// persist it with the names and the entity cosine ignores it.

// eventPrefix opens the keys of event evidence in StoryState.Names.
const eventPrefix = "#"

// evYear prefixes, after eventPrefix, the years of a story's members.
const evYear = "y:"

// yearConflict is the factor by which an article's score against a story
// falls when their years disagree (tuned on ECB+ topics 1-10; see
// docs/stories.md).
var yearConflict = 0.8

// event is an article's evidence of which event it reports: the years it
// names (its publication year counted twice), who and where, and the
// dates and figures of its lead.
type event struct {
	years   map[string]float64
	players players // who and where (participants.go)
	facts   facts   // dates and figures (facts.go)
}

// articleEvent extracts the event evidence of article a.
func articleEvent(a *sift.Article) event {
	ev := event{years: map[string]float64{}}
	for _, y := range yearsIn(a.Title + " " + a.Text) {
		ev.years[y]++
	}
	if len(a.Published) >= 4 {
		ev.years[a.Published[:4]] += 2
	}
	ev.players = articlePlayers(a)
	if factConflict < 1 {
		ev.facts = articleFacts(leadOf(a.Title, factsLead), leadOf(a.Text, factsLead), parseDate(a.Published))
	}
	return ev
}

// yearsIn returns the years (1900-2099) written as numbers in s.
func yearsIn(s string) []string {
	var out []string
	start := -1
	for i := 0; i <= len(s); i++ {
		digit := i < len(s) && s[i] >= '0' && s[i] <= '9'
		if digit {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 && i-start == 4 && (s[start] == '1' && s[start+1] == '9' || s[start] == '2' && s[start+1] == '0') {
			before := start == 0 || !isWordRune(s[start-1]) &&
				!(start >= 2 && (s[start-1] == ',' || s[start-1] == '.') && s[start-2] >= '0' && s[start-2] <= '9')
			after := i == len(s) || !isWordRune(s[i]) || s[i] == 's' && (i+1 == len(s) || !isWordRune(s[i+1]))
			if before && after && !(i < len(s) && (s[i] == ',' || s[i] == '.') && i+1 < len(s) && s[i+1] >= '0' && s[i+1] <= '9') {
				out = append(out, s[start:i])
			}
		}
		start = -1
	}
	return out
}

// isWordRune reports an ASCII letter or digit, or any non-ASCII byte.
func isWordRune(c byte) bool {
	return c >= 0x80 || unicode.IsLetter(rune(c)) || unicode.IsDigit(rune(c))
}

// joinEvent adds an article's evidence to a story's names: each key counts
// the members that mention it, and the kind's prefix alone the members with
// any evidence of that kind.
func joinEvent(names map[string]float64, ev event) {
	if len(ev.years) > 0 {
		names[eventPrefix+evYear]++
	}
	for k := range ev.years {
		names[eventPrefix+evYear+k]++
	}
	joinPlayers(names, ev.players)
	joinFacts(names, ev.facts)
}

// isEventKey reports a key of event evidence in a story's names.
func isEventKey(k string) bool { return strings.HasPrefix(k, eventPrefix) }

// eventFactor is the factor (at most 1) by which an article's score
// against story st falls for disagreeing with it on when it happened.
func eventFactor(ev event, st *StoryState) float64 {
	f := 1.0
	if st.Size > 0 && conflicts(ev.years, st, evYear) {
		f *= yearConflict
	}
	if st.Size > 0 && playersConflict(ev.players, st) {
		f *= playerConflict
	}
	if st.Size > 0 && factConflict < 1 {
		// each kind of fact beyond the least that disagrees is more
		// evidence of another event
		n, day := factsConflict(ev.facts, st)
		for ; n >= minDisagree; n-- {
			f *= factConflict
		}
		if day {
			// two reports of one event that date it days apart are
			// rarer than a figure that has been updated: a day that
			// disagrees costs on its own as well
			f *= dayConflict
		}
	}
	return f
}

// conflicts reports whether an article's evidence of one kind and a
// story's disagree: both have some, and they share none. (Requiring only
// that their main keys differ split too many true stories, whose members
// also name the years of the background.)
func conflicts(mine map[string]float64, st *StoryState, kind string) bool {
	prefix := eventPrefix + kind
	if len(mine) == 0 || st.Names[prefix] == 0 {
		return false
	}
	for k := range mine {
		if st.Names[prefix+k] > 0 {
			return false
		}
	}
	return true
}
