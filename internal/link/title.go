package link

// Neutral story titles. A story's title is what an analyst reads first, so
// it must not adopt one side's framing: the clusterer's representative
// title (the member title closest to the centroid) is often the most
// repeated claim, because a state outlet's headline copied by its
// republishers dominates the centroid. StoryTitle instead weighs the
// headlines' words by how many outlets use them (not how many articles, so
// that one outlet's copies do not win), strips attribution ("X: …",
// "…, says X"), penalises headlines that frame the event as one side's
// statement, denial, loaded wording or question, and falls back to a short
// event label (event, place, date) when every headline is framed.

import (
	"math"
	"sort"
	"strings"
	"time"
	"unicode"
)

// TitleVersion is the version of the story titling rule; the stores record
// it with each title they set (stories.title_version).
const TitleVersion = "1"

// Headline is one member of a story as titling sees it.
type Headline struct {
	Title     string
	Outlet    string
	Published string // YYYY-MM-DD, or "" when unknown
}

// Framing kinds of a headline, as HeadlineFrame.Kind names them.
const (
	FrameReport   = "report"   // says what happened in its own voice
	FrameClaim    = "claim"    // one side's statement made the headline
	FrameDenial   = "denial"   // a denial or rebuttal
	FrameLoaded   = "loaded"   // loaded or emotive wording, scare quotes
	FrameQuestion = "question" // a question or insinuation
)

// HeadlineFrame is how one headline frames its story.
type HeadlineFrame struct {
	Title string
	// Core is the headline without its attribution ("Brenko: …" and
	// "…, rescuers say" removed).
	Core string
	// Source names whom the headline attributes it to, when it does.
	Source string
	// Kind is the strongest framing found: FrameDenial, FrameLoaded,
	// FrameQuestion, FrameClaim or FrameReport.
	Kind string
	// Loaded lists the loaded words found, as written.
	Loaded []string
	// Denial, Claim, Question and ScareQuotes say which framings were found.
	Denial, Claim, Question, ScareQuotes bool
	// Figures lists the numbers the headline gives (casualties, counts),
	// dates left out.
	Figures []string
	// explainer is set for "Topic: what we know": it says what is
	// asked, not what happened.
	explainer bool
	// sourced is set for a trailing ", X say(s)": a report's sourcing
	// rather than a statement made the headline.
	sourced bool
}

// titleWords holds the word lists of the titling rule.
type titleWords struct {
	speech, denial, loaded, speakerTitle, event map[string]bool
}

func wordSet(s string) map[string]bool {
	m := make(map[string]bool)
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// newTitleWords builds the word lists. They are kinds of words (verbs of
// saying, of denying, loaded nouns and adjectives, titles of officials,
// event nouns), not phrases of any one story.
func newTitleWords() *titleWords {
	return &titleWords{
		speech: wordSet(`say says said claim claims claimed warn warns warned tell tells told insist insists
			insisted blame blames blamed accuse accuses accused condemn condemns condemned vow vows vowed
			allege alleges alleged announce announces urge urges according assert asserts threaten threatens`),
		denial: wordSet(`deny denies denied denial reject rejects rejected refute refutes refuted dismiss
			dismisses dismissed not no never fake false hoax staged fabricated debunk debunks debunked
			nonexistent`),
		loaded: wordSet(`massacre massacres massacred slaughter slaughtered butcher butchers butchered
			bloodbath atrocity atrocities genocide terrorist terrorists terror regime thugs cutthroats
			cutthroat head-choppers jihadists barbaric barbarians brutal savage heinous criminals criminal
			puppet puppets invaders occupiers junta propaganda lies liars bleeds bleeding martyrs martyred
			provocation provocations meddling aggression aggressor cowardly evil monstrous shocking horrific`),
		speakerTitle: wordSet(`minister ministry mod president presidency general army government
			spokesman spokeswoman spokesperson official officials source sources military police envoy
			foreign defence defense commander chief mayor governor prime embassy ambassador kremlin
			pentagon office agency ministers lawmakers senator mp chairman secretary leader council
			rescuers medics witnesses activists observatory monitor monitors opposition colonel major captain
			lieutenant sergeant admiral brigadier marshal commissioner inspector`),
		event: wordSet(`strike strikes airstrike airstrikes attack attacks ceasefire truce shelling shelled
			bombing bombed bombardment blast explosion clash clashes raid raids offensive siege battle
			fighting corridor convoy talks deal agreement memorandum protest protests election vote
			killing killings shooting earthquake flood fire crash evacuation assault ambush massacre`),
	}
}

// titleWordLists is built once; it is read-only.
var titleWordLists = newTitleWords()

// hword is a headline word: as written, and folded.
type hword struct {
	raw, fold string
	start     int // byte offset in the headline
}

// splitHeadline returns the words of a headline with their offsets.
func splitHeadline(s string) []hword {
	var out []hword
	start := -1
	flush := func(end int) {
		if start < 0 {
			return
		}
		raw := s[start:end]
		f := strings.ToLower(raw)
		f = strings.TrimSuffix(strings.TrimSuffix(f, "’s"), "'s")
		out = append(out, hword{raw: raw, fold: f, start: start})
		start = -1
	}
	for i, r := range s {
		word := unicode.IsLetter(r) || unicode.IsDigit(r) ||
			(start >= 0 && (r == '-' || r == '\'' || r == '’'))
		if word && start < 0 {
			start = i
		} else if !word {
			flush(i)
		}
	}
	flush(len(s))
	return out
}

// titleTerm folds a headline word into the term it is counted under, or ""
// for a function word.
func titleTerm(w hword) string {
	f := strings.Trim(w.fold, "-'’")
	if !contentWord(f) {
		return ""
	}
	return stem(f)
}

// support counts, per term, the distinct outlets whose headlines use it.
type support struct {
	n     map[string]float64
	total float64 // distinct outlets
}

// outletKey is who speaks through a headline: its outlet, or for articles
// of unknown outlet the headline itself (identical headlines of unknown
// origin count once).
func outletKey(h Headline) string {
	if o := strings.TrimSpace(h.Outlet); o != "" {
		return strings.ToLower(o)
	}
	return "\x00" + strings.ToLower(strings.TrimSpace(h.Title))
}

func newSupport(heads []Headline) *support {
	by := make(map[string]map[string]bool) // term → outlets
	outlets := make(map[string]bool)
	for _, h := range heads {
		if strings.TrimSpace(h.Title) == "" {
			continue
		}
		k := outletKey(h)
		outlets[k] = true
		for _, w := range splitHeadline(h.Title) {
			t := titleTerm(w)
			if t == "" {
				continue
			}
			if by[t] == nil {
				by[t] = make(map[string]bool)
			}
			by[t][k] = true
		}
	}
	s := &support{n: make(map[string]float64, len(by)), total: float64(len(outlets))}
	for t, os := range by {
		s.n[t] = float64(len(os))
	}
	return s
}

// share is the fraction of outlets using term t.
func (s *support) share(t string) float64 {
	if s.total == 0 {
		return 0
	}
	return s.n[t] / s.total
}

// FrameHeadlines describes how each headline frames its story, judged
// against the story's other headlines (a "Place:" prefix most outlets
// share is a label, a name few use is a speaker).
func FrameHeadlines(heads []Headline) []HeadlineFrame {
	sup := newSupport(heads)
	out := make([]HeadlineFrame, len(heads))
	for i, h := range heads {
		out[i] = frameHeadline(h.Title, sup)
	}
	return out
}

// frameHeadline analyses one headline.
func frameHeadline(title string, sup *support) HeadlineFrame {
	tw := titleWordLists
	title = strings.TrimSpace(title)
	f := HeadlineFrame{Title: title, Core: title}
	core := stripSiteName(title)
	// A leading "X: …" with a short X is a speaker (stripped) or a label
	// (kept): a label's words are shared by many of the story's outlets or
	// carry a date; a speaker's are a title of office or a name few use.
	if i := strings.Index(core, ": "); i > 0 {
		head, rest := core[:i], strings.TrimSpace(core[i+2:])
		hw, rw := splitHeadline(head), splitHeadline(rest)
		if len(hw) > 0 && len(hw) <= 6 && len(rw) >= 3 && isSpeakerPrefix(hw, sup) {
			f.Source, core, f.Claim = strings.TrimSpace(head), rest, true
		}
	}
	// A trailing ", X say(s)" or ", says X" is the report's sourcing.
	if i := strings.LastIndex(core, ", "); i > 0 {
		tail := splitHeadline(core[i+2:])
		if len(tail) > 0 && len(tail) <= 6 && len(splitHeadline(core[:i])) >= 3 {
			for j, w := range tail {
				if tw.speech[w.fold] {
					var who []string
					for k, x := range tail {
						if k != j && x.fold != "to" {
							who = append(who, x.raw)
						}
					}
					if !sourceWords(who) {
						break // ", says HLF depot destroyed": a second claim
					}
					if f.Source == "" {
						f.Source = strings.Join(who, " ")
					}
					// Named sources ("…, Ardesia says") are a side's
					// statement; "…, medics say" is a report's sourcing.
					f.Claim = f.Claim || namesSomeone(who)
					core, f.sourced = strings.TrimSpace(core[:i]), true
					break
				}
			}
		}
	}
	// A trailing ": Putin" or ": monitoring group" names the source too.
	if i := strings.LastIndex(core, ": "); i > 0 && f.Source == "" {
		tail := splitHeadline(core[i+2:])
		if len(tail) > 0 && len(tail) <= 3 && len(splitHeadline(core[:i])) >= 4 && !strings.ContainsAny(core[i+2:], ",;") {
			who := make([]string, len(tail))
			for k, x := range tail {
				who[k] = x.raw
			}
			if namesSomeone(who) || bareSources[tail[len(tail)-1].fold] {
				f.Source, f.sourced = strings.Join(who, " "), true
				f.Claim = namesSomeone(who)
				core = strings.TrimSpace(core[:i])
			}
		}
	}
	core = strings.TrimRight(core, " ,;:")
	if c, who := stripBareSource(core); who != "" {
		core, f.sourced = c, true
		f.Claim = f.Claim || namesSomeone(strings.Fields(who))
		if f.Source == "" {
			f.Source = who
		}
	}
	// Framing is judged on the headline's own words; the core shown drops
	// the loaded modifiers.
	f.Core = dropLoadedModifiers(core)
	words := splitHeadline(core)
	f.Figures = headlineFigures(words)
	for j, w := range words {
		if f.Source == "" && j > 0 && j <= 5 && (tw.speech[w.fold] || denialVerbs[w.fold]) {
			who := core[:w.start]
			if k := strings.LastIndex(who, ": "); k >= 0 {
				who = who[k+2:] // "Ulmet strike: the Dravian Federation says"
			}
			f.Source = strings.TrimSpace(who)
		}
		switch {
		case tw.denial[w.fold]:
			f.Denial = true
		case tw.loaded[w.fold]:
			f.Loaded = append(f.Loaded, w.raw)
		case tw.speech[w.fold] && j > 0:
			// "Dravia says rebels plan …": a statement as the headline.
			f.Claim = true
		}
	}
	f.Question = strings.Contains(title, "?")
	if i := strings.Index(f.Core, ": "); i > 0 {
		if ws := splitHeadline(f.Core[i+2:]); len(ws) > 0 && whWords[ws[0].fold] {
			f.explainer = true
		}
	}
	f.ScareQuotes = hasScareQuotes(f.Core)
	switch {
	case f.Denial:
		f.Kind = FrameDenial
	case len(f.Loaded) > 0 || f.ScareQuotes:
		f.Kind = FrameLoaded
	case f.Question:
		f.Kind = FrameQuestion
	case f.Claim:
		f.Kind = FrameClaim
	default:
		f.Kind = FrameReport
	}
	return f
}

// isSpeakerPrefix reports whether the words before a headline's colon name
// a speaker rather than label the topic.
func isSpeakerPrefix(hw []hword, sup *support) bool {
	tw := titleWordLists
	var shared float64
	n := 0
	for _, w := range hw {
		if isDateWord(w.fold) {
			return false // "Ulmet, 14 March:"
		}
		if tw.speakerTitle[w.fold] || tw.speech[w.fold] {
			return true // "Dravian MoD:", "The Dravian Federation warns:"
		}
		if t := titleTerm(w); t != "" {
			shared += sup.share(t)
			n++
		}
	}
	if n == 0 {
		return false
	}
	if shared/float64(n) >= 0.34 && sup.total >= 3 {
		return false // a label most outlets share: "Tel Amrun:"
	}
	// A name: every word capitalised.
	for _, w := range hw {
		r := []rune(w.raw)
		if !unicode.IsUpper(r[0]) && w.fold != "al" && w.fold != "of" && w.fold != "the" && w.fold != "in" {
			return false
		}
	}
	return true
}

// whWords open the explainer half of a headline ("Kessel: what we know").
var whWords = wordSet(`what how why who where when which`)

// denialVerbs are the denial words that have a subject, the speaker.
var denialVerbs = wordSet(`deny denies denied reject rejects rejected refute refutes refuted dismiss dismisses
	dismissed`)

var months = wordSet(`january february march april may june july august september october november december
	jan feb mar apr jun jul aug sep sept oct nov dec`)

// isDateWord reports whether a folded word is a day number, a year or a
// month name.
func isDateWord(w string) bool {
	if months[w] {
		return true
	}
	for _, r := range w {
		if !unicode.IsDigit(r) {
			return false
		}
	}
	return w != ""
}

// hasScareQuotes reports whether s puts one to three words in quotation
// marks, the way a headline casts doubt on a word ("the “massacre”").
func hasScareQuotes(s string) bool {
	for _, q := range [][2]string{{"“", "”"}, {"\"", "\""}, {"‘", "’"}} {
		rest := s
		for {
			i := strings.Index(rest, q[0])
			if i < 0 {
				break
			}
			after := rest[i+len(q[0]):]
			j := strings.Index(after, q[1])
			if j < 0 {
				break
			}
			if n := len(strings.Fields(after[:j])); n >= 1 && n <= 3 {
				return true
			}
			rest = after[j+len(q[1]):]
		}
	}
	return false
}

// framePenalty is the factor a headline's framing costs it as a title.
// disputed says the story's headlines give different figures, so that a
// headline giving one takes a side.
func framePenalty(f HeadlineFrame, disputed bool) float64 {
	p := 1.0
	if f.Claim {
		p *= 0.6
	}
	if f.Denial {
		p *= 0.3
	}
	if f.explainer {
		p *= 0.8
	}
	for range f.Loaded {
		p *= 0.5
	}
	if f.ScareQuotes {
		p *= 0.5
	}
	if f.Question {
		p *= 0.5
	}
	if disputed && len(f.Figures) > 0 {
		p *= 0.7
	}
	return math.Max(p, 0.01)
}

// labelBelow is the framing penalty under which the best headline is not
// used and an event label is built instead.
const labelBelow = 0.35

// StoryTitle returns a neutral title for a story from its members'
// headlines: the most central headline (its words used by the most
// outlets) among the least framed, without its attribution; or, when every
// headline frames the event as one side's claim, denial or loaded
// account, a label of event, place and date ("Strike in Ulmet, 14 March
// 2025"). It returns "" when no member has a title.
func StoryTitle(heads []Headline) string {
	sup := newSupport(heads)
	type cand struct {
		f       HeadlineFrame
		score   float64
		penalty float64
		date    string
		order   int
	}
	var cands []cand
	seen := make(map[string]bool)
	frames := make([]HeadlineFrame, len(heads))
	figures := make(map[string]bool)
	for i, h := range heads {
		frames[i] = frameHeadline(h.Title, sup)
		for _, x := range frames[i].Figures {
			figures[x] = true
		}
	}
	disputed := len(figures) > 1
	for i, h := range heads {
		if strings.TrimSpace(h.Title) == "" {
			continue
		}
		f := frames[i]
		key := strings.ToLower(f.Core)
		if seen[key] {
			continue
		}
		seen[key] = true
		terms := make(map[string]bool)
		for _, w := range splitHeadline(f.Core) {
			if t := titleTerm(w); t != "" {
				terms[t] = true
			}
		}
		if len(terms) == 0 {
			continue
		}
		var sum float64
		for t := range terms {
			sum += sup.share(t)
		}
		score := sum / math.Sqrt(float64(len(terms)))
		if len(terms) < 3 {
			score *= 0.6 // too short to say what happened
		}
		p := framePenalty(f, disputed)
		cands = append(cands, cand{f: f, score: score * p, penalty: p, date: h.Published, order: i})
	}
	if len(cands) == 0 {
		return ""
	}
	sort.SliceStable(cands, func(i, j int) bool {
		if d := cands[i].score - cands[j].score; math.Abs(d) > 1e-9 {
			return d > 0
		}
		// Ties go to the earliest report.
		if di, dj := cands[i].date, cands[j].date; di != dj && di != "" && dj != "" {
			return di < dj
		}
		return cands[i].order < cands[j].order
	})
	best := cands[0]
	if best.penalty >= labelBelow {
		return best.f.Core
	}
	if l := eventLabel(heads, sup); l != "" {
		return l
	}
	return best.f.Core
}

// eventLabel builds "Event in Place, D Month YYYY" from the story's most
// shared event noun and place name and its earliest date, or "" when the
// headlines name no event or no place.
func eventLabel(heads []Headline, sup *support) string {
	tw := titleWordLists
	event, place := "", ""
	var eventShare, placeShare float64
	first := ""
	for _, h := range heads {
		if h.Published != "" && (first == "" || h.Published < first) {
			first = h.Published
		}
		ws := splitHeadline(h.Title)
		for i := 0; i < len(ws); i++ {
			w := ws[i]
			t := titleTerm(w)
			if t == "" {
				continue
			}
			if tw.event[w.fold] && !tw.loaded[w.fold] && sup.share(t) > eventShare {
				event, eventShare = eventNoun(w.fold), sup.share(t)
			}
			// A place: a capitalised run not at the headline's start, none
			// of whose words is a title of office or a loaded word.
			if i == 0 || !isCapitalised(w.raw) {
				continue
			}
			j := i
			var parts []string
			for j < len(ws) && isCapitalised(ws[j].raw) && !tw.speakerTitle[ws[j].fold] && !tw.loaded[ws[j].fold] &&
				!tw.event[ws[j].fold] && !isDateWord(ws[j].fold) {
				parts = append(parts, strings.TrimSuffix(strings.TrimSuffix(ws[j].raw, "’s"), "'s"))
				j++
			}
			if len(parts) == 0 || len(parts) > 3 {
				continue
			}
			var s float64
			for _, p := range parts {
				s += sup.share(titleTerm(hword{raw: p, fold: strings.ToLower(p)}))
			}
			s /= float64(len(parts))
			if s > placeShare {
				place, placeShare = strings.Join(parts, " "), s
			}
		}
	}
	if event == "" || place == "" {
		return ""
	}
	label := strings.ToUpper(event[:1]) + event[1:] + " in " + place
	if d, err := time.Parse("2006-01-02", first); err == nil {
		label += ", " + d.Format("2 January 2006")
	}
	return label
}

// eventNoun turns an event word into the noun a label uses.
func eventNoun(w string) string {
	switch w {
	case "shelled":
		return "shelling"
	case "bombed":
		return "bombing"
	case "airstrikes", "strikes":
		return "strikes"
	}
	return w
}

// isCapitalised reports whether a word starts with an upper-case letter.
func isCapitalised(s string) bool {
	for _, r := range s {
		return unicode.IsUpper(r)
	}
	return false
}

// stripSiteName removes a trailing site name: "… | Jordan Times",
// "… - Sputnik International".
func stripSiteName(s string) string {
	if i := strings.LastIndex(s, " | "); i > 0 && len(splitHeadline(s[:i])) >= 3 {
		return strings.TrimSpace(s[:i])
	}
	if i := strings.LastIndex(s, " - "); i > 0 && len(splitHeadline(s[:i])) >= 3 {
		tail := splitHeadline(s[i+3:])
		if len(tail) > 0 && len(tail) <= 3 {
			for _, w := range tail {
				if !isCapitalised(w.raw) {
					return s
				}
			}
			return strings.TrimSpace(s[:i])
		}
	}
	return s
}

// bareSources are the nouns headlines append, without punctuation, to say
// where a report comes from ("… kills 19 Monitor").
var bareSources = wordSet(`monitor observatory report reports sources activists medics rescuers officials
	witnesses group`)

// stripBareSource removes a trailing source appended without punctuation:
// "… kills 15 Monitor", "… near Damascus UN says". It returns the rest and
// the source, or s and "".
func stripBareSource(s string) (string, string) {
	ws := splitHeadline(s)
	n := len(ws)
	if n < 5 {
		return s, ""
	}
	last := ws[n-1]
	from := -1
	switch {
	case bareSources[last.fold]:
		from = n - 1
	case titleWordLists.speech[last.fold] && last.fold != "according":
		// "UN says", "Pentagon says": one or two words naming the speaker.
		from = n - 2
		if n >= 3 && isCapitalised(ws[n-3].raw) && isCapitalised(ws[n-2].raw) {
			from = n - 3
		}
		if !isCapitalised(ws[from].raw) && !titleWordLists.speakerTitle[ws[from].fold] {
			return s, ""
		}
	}
	if from < 3 {
		return s, ""
	}
	return strings.TrimRight(strings.TrimSpace(s[:ws[from].start]), " ,;:-"), strings.TrimSpace(s[ws[from].start:])
}

// numberWords are the spelled-out figures headlines use.
var numberWords = wordSet(`two three four five six seven eight nine ten eleven twelve thirteen fourteen
	fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety
	hundred`)

// headlineFigures returns the figures of a headline: numbers, spelled or
// in digits, other than days of the month and years.
func headlineFigures(ws []hword) []string {
	var out []string
	for i, w := range ws {
		f := w.fold
		digits := f != ""
		for _, r := range f {
			if !unicode.IsDigit(r) {
				digits = false
				break
			}
		}
		if !digits && !numberWords[f] {
			continue
		}
		if digits && len(f) == 4 {
			continue // a year
		}
		if (i > 0 && months[ws[i-1].fold]) || (i+1 < len(ws) && months[ws[i+1].fold]) {
			continue // "14 March", "April 10"
		}
		out = append(out, f)
	}
	return out
}

// loadedModifiers are loaded words that qualify the noun after them and can
// be left out without changing what the headline reports: "terrorist
// rocket attacks" are rocket attacks, "regime shelling" is shelling.
var loadedModifiers = wordSet(`terrorist regime barbaric brutal savage heinous cowardly horrific shocking
	monstrous evil criminal`)

// dropLoadedModifiers removes loaded modifiers followed by another word.
func dropLoadedModifiers(s string) string {
	ws := splitHeadline(s)
	var b strings.Builder
	last := 0
	for i, w := range ws {
		if !loadedModifiers[w.fold] || i+1 >= len(ws) || i == 0 && len(ws) < 4 {
			continue
		}
		next := ws[i+1]
		if between := s[w.start+len(w.raw) : next.start]; strings.TrimSpace(between) != "" {
			continue // punctuation after it: not a modifier
		}
		if stopwords[next.fold] {
			continue
		}
		b.WriteString(s[last:w.start])
		last = next.start
		if i == 0 {
			// Keep the headline's capital.
			r := []rune(next.raw)
			b.WriteString(strings.ToUpper(string(r[0])))
			last = next.start + len(string(r[0]))
		}
	}
	b.WriteString(s[last:])
	return b.String()
}

// namesSomeone reports whether a source's words name someone (a
// capitalised name, not a common source noun such as "Monitor").
func namesSomeone(who []string) bool {
	for _, w := range who {
		f := strings.ToLower(strings.Trim(w, ",.;:"))
		if isCapitalised(w) && !bareSources[f] && !titleWordLists.speakerTitle[f] && !titleWordLists.speech[f] {
			return true
		}
	}
	return false
}

// sourceWords reports whether words can name a headline's source: each a
// name, a source noun or title of office, or an article.
func sourceWords(who []string) bool {
	if len(who) == 0 || len(who) > 4 {
		return false
	}
	for _, w := range who {
		f := strings.ToLower(w)
		if !isCapitalised(w) && !bareSources[f] && !titleWordLists.speakerTitle[f] && f != "the" && f != "a" && f != "local" {
			return false
		}
	}
	return true
}
