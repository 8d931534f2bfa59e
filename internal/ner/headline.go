package ner

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sift-news/sift"
	"github.com/sift-news/sift/internal/entity"
)

// Rules for text written in headline case, and for names the tagger glued
// together. Scraped pages carry lists of headlines glued into the text
// ("Related Damascus Officially Invited OPCW Experts to Investigate Idlib
// Incident Lavrov Syrian Army Repels Militant Attack"), in which every word
// is capitalised: there capitalisation says nothing, and the tagger takes
// runs of headline words for one name. Months and weekdays are
// capitalised too, and are no names.

// headlineSmall are the words title case leaves in lower case.
var headlineSmall = wordSet(`a an the and or but nor of to on in at for by with from as vs vs. over after up
	into off per via than`)

// monthsAndDays are the names of months and weekdays: capitalised, and
// never names of people, organisations or places on their own.
var monthsAndDays = wordSet(`january february march april may june july august september october november
	december monday tuesday wednesday thursday friday saturday sunday jan feb mar apr jun jul aug sep sept oct
	nov dec mon tue tues wed thu thur thurs fri sat sun`)

// minHeadlineRun is the fewest capitalised words in a run of title-case
// words taken for headlines: more than the longest names have ("London
// International Financial Futures and Options Exchange" has seven,
// "Federal Air Traffic Control Administration Director Branko Bilbija"
// eight).
const minHeadlineRun = 10

// minHeadlineList is the fewest capitalised words in a run taken for
// headlines whatever its words: more than the longest lists of names run
// together by "and" in CoNLL-2003 (ten).
const minHeadlineList = 12

// retagHeadlineRuns finds runs of title-case words in sentences not
// written in capitals and tags those sentences again with each run's words
// written the way the rest of the document writes them: capitalised only
// if the document capitalises them outside such runs (in the middle of a
// sentence, or in a name the tagger found there), or if they are acronyms
// or known names (the gazetteer); in lower case otherwise. The tagger then finds the names among the
// headlines' words instead of one name running through them.
func retagHeadlineRuns(m *Model, d *document, tags [][]int) {
	runs := make([][][2]int, len(d.sents))
	found := false
	for si, ws := range d.sents {
		if !d.capsSent[si] {
			runs[si] = headlineRuns(d, ws)
			found = found || len(runs[si]) > 0
		}
	}
	if !found {
		return
	}
	bodyCap := map[string]bool{} // words capitalised in the body, outside runs
	for si, ws := range d.sents {
		if d.capsSent[si] {
			continue
		}
		r := 0
		for i := 0; i < len(ws); i++ {
			for r < len(runs[si]) && runs[si][r][1] <= i {
				r++
			}
			if r < len(runs[si]) && runs[si][r][0] <= i {
				continue
			}
			// Capitalised in the middle of a sentence, or part of a name
			// the tagger found (at the start of one too).
			if ws[i].cap && (tags[si][i] != tagO || i > 0 && !isQuoteOrOpen(ws[i-1].form)) {
				bodyCap[ws[i].lower] = true
			}
		}
	}
	for si, ws := range d.sents {
		if len(runs[si]) == 0 {
			continue
		}
		forms := make([]string, len(ws))
		for i := range ws {
			forms[i] = ws[i].form
		}
		changed := false
		for _, r := range runs[si] {
			for k := max(r[0], 1); k < r[1]; k++ {
				w := &ws[k]
				if !w.cap || w.upper || bodyCap[w.lower] || len(w.gz) > 0 {
					continue
				}
				forms[k] = w.lower
				changed = true
			}
		}
		if changed {
			copy(tags[si], tagDocument(m, newDocument([][]string{forms}, m.clusters, m.words))[0])
		}
	}
}

// headlineRuns returns the runs [start, end) of ws of capitalised words
// and title case's small words, from a capitalised word to a capitalised
// word: runs of minHeadlineList capitalised words or more, and runs of
// minHeadlineRun or more of which at least three, and a quarter, are words
// the document writes in lower case elsewhere (titles and organisations'
// heads aside): headlines' verbs and nouns ("Calls", "Militants",
// "Attack"), where a list of names ("South Korean President Kim Young Sam
// and German Chancellor Helmut Kohl", "Mount Zion Missionary Baptist
// Church and St. Matthews Missionary Baptist Church", ten capitalised
// words each) has none or few.
func headlineRuns(d *document, ws []word) [][2]int {
	var out [][2]int
	for i := 0; i < len(ws); {
		if !ws[i].cap {
			i++
			continue
		}
		j, last, caps := i, i, 0
		for j < len(ws) && (ws[j].cap || headlineSmall[ws[j].lower]) {
			if ws[j].cap {
				last = j
				caps++
			}
			j++
		}
		if caps >= minHeadlineRun {
			common := 0
			for k := i + 1; k <= last; k++ {
				if w := &ws[k]; w.cap && !w.upper && d.lowerSeen(w.lower) && !roleWords[w.lower] && !orgHeads[w.lower] && !headlineSmall[w.lower] {
					common++
				}
			}
			if caps >= minHeadlineList || common >= 3 && common*4 >= caps {
				out = append(out, [2]int{i, last + 1})
			}
		}
		i = max(j, i+1)
	}
	return out
}

// dropMonths untags a month or weekday standing alone as a name ("March",
// "Monday"), unless it is the last word of a longer name of the document
// ("Theresa May" … "May said").
func dropMonths(d *document, tags [][]int) {
	var surnames map[string]bool // last words of names of several words, made when needed
	for si, ws := range d.sents {
		for i, t := range tags[si] {
			if tagPos(t) != 'U' || !monthsAndDays[ws[i].lower] {
				continue
			}
			if surnames == nil {
				surnames = map[string]bool{}
				for sj, ws2 := range d.sents {
					for k, t2 := range tags[sj] {
						if tagPos(t2) == 'L' {
							surnames[ws2[k].lower] = true
						}
					}
				}
			}
			if !surnames[ws[i].lower] {
				tags[si][i] = tagO
			}
		}
	}
}

// splitPeople cuts a known person's name off the start of a longer name
// the tagger found, when the rest is another name: "Sergei Lavrov Yusuf"
// (a list of names whose commas were lost) as "Sergei Lavrov" and
// "Yusuf", "Lavrov Syrian Army" (two headlines run together) as "Lavrov"
// and "Syrian Army". A name the alias table knows as a whole stays whole.
func (lx *lexicon) splitPeople(words []string, tags []int) {
	if lx == nil || !slices.ContainsFunc(tags, func(t int) bool { return tagPos(t) == 'B' }) {
		return
	}
	for _, sp := range spans(tags) {
		if sp.end-sp.start < 2 || lx.knownAt(words, sp.start) == sp.end-sp.start {
			continue
		}
		n := lx.personAt(words, sp.start, sp.end)
		if n == 0 || n >= sp.end-sp.start {
			continue
		}
		rest := sp.start + n
		if r := []rune(words[rest]); len(r) == 0 || !isUpperRune(r[0]) || roleWords[strings.ToLower(words[rest])] {
			continue // "Lavrov Jr." or a title after the name
		}
		setSpan(tags, sp.start, rest, typeIndex("PER"))
		setSpan(tags, rest, sp.end, typeIndex(sp.typ))
	}
}

// knownAt returns the length of the longest known name at words[i], or 0.
func (lx *lexicon) knownAt(words []string, i int) int {
	for _, n := range lx.byFirst[lexFold(words[i])] {
		if lx.matches(words, i, n) {
			return len(n.words)
		}
	}
	return 0
}

// personAt returns the length of the longest known person's name at
// words[i] ending before end, or 0.
func (lx *lexicon) personAt(words []string, i, end int) int {
	for _, n := range lx.byFirst[lexFold(words[i])] {
		if n.typ == 0 && i+len(n.words) <= end && lx.matches(words, i, n) {
			return len(n.words)
		}
	}
	return 0
}

// matches reports whether name n is written at words[i].
func (lx *lexicon) matches(words []string, i int, n lexName) bool {
	if i+len(n.words) > len(words) {
		return false
	}
	for k, w := range n.words {
		if lexFold(words[i+k]) != w {
			return false
		}
	}
	return true
}

func isUpperRune(r rune) bool { return unicode.IsUpper(r) }

// lostApostrophes mends names whose possessive lost its apostrophe (text
// whose punctuation was stripped: "Aleppos outskirts", "Bashar Assads
// forces", "Aleppos Old City"): a name whose last word, or first word,
// ends in "s", cut there, is a name the alias table knows or the article
// names elsewhere, while the name itself is neither, is cut to that stem;
// a MISC name is left whole ("Serbs" with "Serb", "Olympics" with
// "Olympic": plurals of nationalities and events). A weekday or month ("Saturdays") is dropped.
func lostApostrophes(t *entity.Table, ents []sift.Entity) []sift.Entity {
	var names map[string]bool // the article's names, made when first needed
	out := ents[:0]
	for _, e := range ents {
		if !strings.Contains(e.Text, "s") {
			out = append(out, e)
			continue
		}
		if names == nil {
			names = make(map[string]bool, len(ents))
			for _, o := range ents {
				names[o.Text] = true
			}
		}
		// The whole name, or its first word when it has more.
		cut := strings.IndexByte(e.Text, ' ')
		if cut < 0 {
			cut = len(e.Text)
			if stem, ok := strings.CutSuffix(strings.ToLower(e.Text), "s"); ok && monthsAndDays[stem] {
				continue // "on Saturdays"; a month alone is dropped by dropMonths
			}
		}
		// A nationality or other MISC name in the plural ("Serbs",
		// "Palestinians", "Olympics") is no possessive.
		if stem, ok := possessiveStem(e.Text[:cut]); ok && e.Type != sift.MISC && (names[stem] || knownName(t, stem)) && !knownName(t, e.Text) {
			e.End -= utf8.RuneCountInString(e.Text[len(stem):])
			e.Text = stem
		}
		out = append(out, e)
	}
	return out
}

// possessiveStem returns w without a final "s" that may be a possessive
// whose apostrophe was lost: after a lower-case letter other than "s".
func possessiveStem(w string) (string, bool) {
	stem, ok := strings.CutSuffix(w, "s")
	if !ok || utf8.RuneCountInString(stem) < 3 {
		return "", false
	}
	r, _ := utf8.DecodeLastRuneInString(stem)
	return stem, unicode.IsLower(r) && r != 's'
}

// knownName reports whether the alias table knows name.
func knownName(t *entity.Table, name string) bool {
	_, ok := t.Lookup(name)
	return ok
}
