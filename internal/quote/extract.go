package quote

import (
	"cmp"
	"slices"
	"sort"
	"strings"

	"github.com/sift-news/sift"
)

// ref is a speaker or intermediary found in the text, in bytes.
type ref struct {
	start, end int
	canonical  string
	typ        string
	gender     byte
	media      bool
}

// stmt is a statement found in the text, in bytes.
type stmt struct {
	start, end int
	kind       string
	cue        [2]int // byte span of the cue; cue[1] == 0 when there is none
	cueTok     int    // token index of the cue, -1 when none
	speaker    *ref
	via        []ref
	unit       int
}

// marker is a phrase that names a source or an intermediary: "according to
// X", "cited by X", "as reported by X", "X quoted".
type marker struct {
	kind   string // "according", "by", "citing", "active"
	at     int    // token index of the marker word
	np     [2]int // token range of the named source
	used   bool
	atUnit bool // the marker opens the unit ("According to X, ...")
}

// extractor holds the state of one article.
type extractor struct {
	text      string
	toks      []token
	regions   []region
	inRegion  []int
	units     [][2]int
	unitStart []bool
	names     []mention
	used      []bool
	stmts     []stmt
	// persons are the people who spoke so far, most recent last, for
	// pronouns.
	speakers   []ref
	lastOutlet *ref
	// chain is the outlet that a paragraph opened with ("As reported by
	// PressTV, …"): later statements of the paragraph came through it.
	chain      *ref
	chainPara  int
	nextRegion int // first quoted region not before the current unit
	// genders learnt from pronouns and honorifics, by canonical name.
	genders map[string]byte
}

// extract finds the statements of text. ents are the entity stage's
// mentions (code point offsets); off indexes text.
func extract(text string, ents []sift.Entity, off *sift.Offsets) []stmt {
	x := &extractor{text: text, genders: map[string]byte{}}
	x.toks = tokenize(text)
	if len(x.toks) == 0 {
		return nil
	}
	x.regions = pairQuotes(text, x.toks)
	x.inRegion = make([]int, len(x.toks))
	for i := range x.inRegion {
		x.inRegion[i] = -1
	}
	for ri, r := range x.regions {
		for k := r.open; k <= r.close; k++ {
			x.inRegion[k] = ri
		}
	}
	x.units = units(x.toks, x.inRegion)
	x.unitStart = make([]bool, len(x.toks))
	for _, u := range x.units {
		k := u[0]
		for k < u[1] && !x.toks[k].word {
			k++
		}
		if k < u[1] {
			x.unitStart[k] = true
		}
	}
	if len(ents) > 0 && off != nil {
		x.names = fromEntities(ents, off, x.toks)
		slices.SortStableFunc(x.names, func(m, n mention) int { return cmp.Compare(m.start, n.start) })
	} else {
		x.names = fallbackMentions(x.toks, x.unitStart)
	}
	x.used = make([]bool, len(x.toks))
	for ui := range x.units {
		x.unit(ui)
	}
	x.fullNames()
	slices.SortStableFunc(x.stmts, func(a, b stmt) int { return cmp.Compare(a.start, b.start) })
	return x.stmts
}

// fullNames gives a speaker known by a surname only ("LAVROV: …" in a
// headline) the full name the article uses elsewhere, when only one
// person of the article has that surname.
func (x *extractor) fullNames() {
	full := map[string]string{} // lower-case surname -> canonical, "" when ambiguous
	for i := range x.names {
		m := &x.names[i]
		if m.typ != sift.PERSON || !strings.Contains(m.canonical, " ") {
			continue
		}
		last := strings.ToLower(m.canonical[strings.LastIndexByte(m.canonical, ' ')+1:])
		if c, ok := full[last]; ok && c != m.canonical {
			full[last] = ""
		} else {
			full[last] = m.canonical
		}
	}
	fix := func(r *ref) {
		if r == nil || r.canonical == "" || strings.Contains(r.canonical, " ") {
			return
		}
		if c := full[strings.ToLower(r.canonical)]; c != "" {
			r.canonical, r.typ = c, sift.PERSON
		}
	}
	for i := range x.stmts {
		fix(x.stmts[i].speaker)
	}
}

// unit finds the statements of one sentence-like unit.
func (x *extractor) unit(ui int) {
	a, b := x.units[ui][0], x.units[ui][1]
	first := len(x.stmts)
	markers := x.markers(a, b)

	// Headline and transcript style: "Lavrov: ...", "WALLACE: ...".
	h := a
	if ri := x.inRegion[a]; ri >= 0 && x.regions[ri].open == a && !x.regions[ri].closed {
		h = a + 1 // a transcript paragraph opening with a quote mark
	}
	if h < b && (x.inRegion[h] < 0 || h > a) && (a == 0 || x.toks[a-1].para != x.toks[a].para) {
		a := h
		for k := a + 1; k < b && k <= a+3; k++ {
			if x.toks[k].text == ":" {
				speakerLike := upperWords(x.toks[a:k]) || x.toks[a].para == 0 && !headlineLabels[strings.ToLower(x.text[x.toks[a].start:x.toks[k-1].end])]
				if allCaps(x.toks[a:k]) && speakerLike && k+2 < b {
					kind := sift.Indirect
					if h > x.units[ui][0] || x.toks[a].para > 0 {
						kind = sift.Direct // a transcript
					}
					x.add(stmt{start: x.toks[k+1].start, end: x.toks[b-1].end, kind: kind,
						cue: [2]int{x.toks[k].start, x.toks[k].end}, cueTok: k, speaker: x.resolve(a, k), unit: ui})
					x.use(a, k+1)
				}
				break
			}
			if !x.toks[k].word || !x.toks[k].cap {
				break
			}
		}
	}

	// Direct quotes (regions are in text order; nextRegion skips those of
	// earlier units).
	for x.nextRegion < len(x.regions) && x.regions[x.nextRegion].open < a {
		x.nextRegion++
	}
	for ri := x.nextRegion; ri < len(x.regions) && x.regions[ri].open < b; ri++ {
		x.direct(ui, ri, markers)
	}

	// Indirect speech: speech verbs first, so that "…, a spokesman
	// announced" wins over a stance verb inside the reported clause.
	for pass := 0; pass < 2; pass++ {
		for c := a; c < b; c++ {
			if x.used[c] || x.inRegion[c] >= 0 || !x.toks[c].word {
				continue
			}
			if x.toks[c].cap && c != a && !(x.toks[c].para == 0 && headlineCues[x.toks[c].text]) {
				continue // "Obama Says …" in a title-case headline is a cue
			}
			first := cueVerbs[x.toks[c].lower] == strongCue || nominalCues[x.toks[c].lower]
			if first == (pass == 0) {
				x.indirect(ui, c, markers)
			}
		}
	}

	// Markers that name the only source of the unit become its speaker.
	if len(x.stmts) == first {
		for mi := range markers {
			m := &markers[mi]
			if m.kind != "according" && !(m.kind == "by" && m.atUnit) {
				continue
			}
			x.sourceMarker(ui, m)
			break
		}
	}

	// The other markers are intermediaries of the unit's statements.
	for si := first; si < len(x.stmts); si++ {
		s := &x.stmts[si]
		for mi := range markers {
			m := &markers[mi]
			if m.used && m.kind == "according" {
				continue
			}
			v := x.resolve(m.np[0], m.np[1])
			if v == nil || s.speaker != nil && overlaps(v.start, v.end, s.speaker.start, s.speaker.end) {
				continue
			}
			if s.speaker != nil && v.canonical != "" && v.canonical == s.speaker.canonical {
				continue
			}
			s.via = appendRef(s.via, *v)
			if v.media || v.typ == sift.ORG {
				x.lastOutlet = v
			}
		}
		slices.SortStableFunc(s.via, func(a, b ref) int { return cmp.Compare(a.start, b.start) })
	}
	para := x.toks[a].para
	for si := first; si < len(x.stmts); si++ {
		st := &x.stmts[si]
		if x.chain != nil && x.chainPara == para && (st.speaker == nil || st.speaker.canonical != x.chain.canonical) {
			st.via = appendRef(st.via, *x.chain)
		}
	}
	if len(x.stmts) > first && (ui == 0 || x.toks[x.units[ui-1][1]-1].para != para) {
		x.chain = nil
		for mi := range markers {
			m := &markers[mi]
			if m.atUnit && (m.kind == "by" || m.kind == "according") {
				if v := x.resolve(m.np[0], m.np[1]); v != nil && v.media {
					x.chain, x.chainPara = v, para
				}
			}
		}
	}
	for si := first; si < len(x.stmts); si++ {
		if sp := x.stmts[si].speaker; sp != nil {
			if sp.media {
				o := *sp
				x.lastOutlet = &o
			}
			if sp.typ == sift.PERSON || sp.typ == "" && sp.canonical != "" {
				x.speakers = append(x.speakers, *sp)
			}
		}
	}
}

func appendRef(list []ref, r ref) []ref {
	for _, o := range list {
		if o.start == r.start && o.end == r.end {
			return list
		}
	}
	return append(list, r)
}

func overlaps(a0, a1, b0, b1 int) bool { return a0 < b1 && b0 < a1 }

// upperWords reports whether every token is an upper-case word of two
// letters or more ("WALLACE").
func upperWords(ts []token) bool {
	for _, t := range ts {
		if !t.word || len(t.text) < 2 || strings.ToUpper(t.text) != t.text || strings.ToLower(t.text) == t.text {
			return false
		}
	}
	return len(ts) > 0
}

func allCaps(ts []token) bool {
	for _, t := range ts {
		if !t.word || !t.cap {
			return false
		}
	}
	return len(ts) > 0
}

// add records a statement unless it overlaps one already found.
func (x *extractor) add(s stmt) {
	if s.end <= s.start {
		return
	}
	// Statements of other units cannot overlap: units are disjoint and
	// statements are added unit by unit.
	for i := len(x.stmts) - 1; i >= 0 && x.stmts[i].unit == s.unit; i-- {
		if o := &x.stmts[i]; overlaps(s.start, s.end, o.start, o.end) {
			return
		}
	}
	x.stmts = append(x.stmts, s)
}

func (x *extractor) use(i, j int) {
	for k := i; k < j && k < len(x.used); k++ {
		if k >= 0 {
			x.used[k] = true
		}
	}
}

// markers finds the source phrases of a unit outside quotes.
func (x *extractor) markers(a, b int) []marker {
	var out []marker
	for k := a; k < b; k++ {
		if x.inRegion[k] >= 0 || !x.toks[k].word {
			continue
		}
		w := x.toks[k].lower
		switch {
		case w == "according" && k+1 < b && x.toks[k+1].lower == "to":
			s, e := x.walkRight(k+2, b)
			if e > s {
				out = append(out, marker{kind: "according", at: k, np: [2]int{s, e}, atUnit: x.opens(a, k)})
			}
		case w == "by" && k > a && (x.cueWord(k-1) || x.toks[k-1].lower == "saying" || x.toks[k-1].lower == "published"):
			s, e := x.walkRight(k+1, b)
			if e > s {
				open := k-2 >= a && x.toks[k-2].lower == "as" && x.opens(a, k-2)
				out = append(out, marker{kind: "by", at: k - 1, np: [2]int{s, e}, atUnit: open})
				x.use(k-1, k+1)
			}
		case w == "citing" || w == "quoting":
			s, e := x.walkRight(k+1, b)
			if e > s {
				out = append(out, marker{kind: "citing", at: k, np: [2]int{s, e}})
				x.use(k, k+1)
			}
		case (w == "cited" || w == "quoted" || w == "cites" || w == "quotes") && k > a && k+1 < b &&
			x.toks[k+1].lower != "by" && x.toks[k+1].lower != "as" && !gapWords[x.toks[k-1].lower]:
			s, e := x.walkLeft(k, a)
			if e > s && !x.isPronoun(s, e) {
				out = append(out, marker{kind: "active", at: k, np: [2]int{s, e}})
			}
		}
	}
	return out
}

// opens reports whether token k is at the start of unit a (after an
// opening adverbial such as "However,").
func (x *extractor) opens(a, k int) bool {
	if k <= a {
		return k == a
	}
	if k-a <= 5 && x.toks[k-1].text == "," {
		for j := a; j < k-1; j++ {
			if !x.toks[j].word {
				return false
			}
		}
		return true
	}
	return k > a && k-a <= 1 && x.toks[a].lower == "as"
}

// cueWord reports whether toks[k] is a cue verb.
func (x *extractor) cueWord(k int) bool {
	return cueVerbs[x.toks[k].lower] != 0
}

// direct attributes the quoted region ri of unit ui.
func (x *extractor) direct(ui, ri int, markers []marker) {
	a, b := x.units[ui][0], x.units[ui][1]
	r := &x.regions[ri]
	// The stretch before the quote (from the unit start or the previous
	// quote) and after it (to the next quote or the unit end).
	before := a
	if ri > 0 && x.regions[ri-1].close >= a && x.regions[ri-1].close < r.open {
		before = x.regions[ri-1].close + 1
	}
	after := b
	if ri+1 < len(x.regions) && x.regions[ri+1].open < b {
		after = x.regions[ri+1].open
	}
	s := stmt{start: x.toks[r.open].start, end: x.toks[r.close].end, kind: sift.Direct, cueTok: -1, unit: ui}
	if x.titleCase(r) {
		return // “Fox News Sunday”, “Shark Tank”: a title, not a statement
	}

	// Attribution after the quote: ”, he said / ” said X / ”, X quoted Y.
	if spk, cue, ok := x.attributionAfter(r.close+1, after, markers); ok {
		s.speaker, s.cueTok = spk, cue
		if cue >= 0 {
			s.cue = [2]int{x.toks[cue].start, x.toks[cue].end}
		}
		r.direct = true
		x.add(s)
		return
	}
	tail := x.onlyTrailing(r.close+1, after)
	// Attribution before the quote: X said: “ / According to X, “.
	if tail {
		if spk, cue, ok := x.attributionBefore(before, r.open, markers); ok {
			s.speaker, s.cueTok = spk, cue
			if cue >= 0 {
				s.cue = [2]int{x.toks[cue].start, x.toks[cue].end}
				if x.toks[cue].text == ":" {
					s.cue = [2]int{x.toks[cue].start, x.toks[cue].end}
				}
			}
			r.direct = true
			x.add(s)
			return
		}
	}
	// A quote standing alone as a sentence continues the last speaker; a
	// short one is a scare quote.
	if tail && r.words >= 4 && x.onlyOpening(before, r.open) {
		if len(x.stmts) > 0 {
			last := x.stmts[len(x.stmts)-1]
			if last.speaker != nil && x.toks[r.open].para-x.paraOfUnit(last.unit) <= 1 {
				sp := *last.speaker
				s.speaker = &sp
				s.via = append([]ref(nil), last.via...)
			}
		}
		r.direct = true
		x.add(s)
	}
}

// titleCase reports whether a short quoted region is a title: two to five
// words, all capitalised.
func (x *extractor) titleCase(r *region) bool {
	if r.words < 2 || r.words > 5 || !r.closed {
		return false
	}
	for k := r.open + 1; k < r.close; k++ {
		if t := &x.toks[k]; t.word && !t.cap && !nameJoiners[t.lower] && t.lower != "the" && t.lower != "and" {
			return false
		}
	}
	return true
}

func (x *extractor) paraOfUnit(ui int) int { return x.toks[x.units[ui][1]-1].para }

// onlyTrailing reports whether toks[i:j] holds nothing but punctuation.
func (x *extractor) onlyTrailing(i, j int) bool {
	for k := i; k < j; k++ {
		if x.toks[k].word {
			return false
		}
	}
	return true
}

// onlyOpening reports whether toks[i:j] holds nothing but punctuation or a
// short opening ("And", "Then:").
func (x *extractor) onlyOpening(i, j int) bool {
	words := 0
	for k := i; k < j; k++ {
		if x.toks[k].word {
			words++
		}
	}
	return words == 0
}

// attributionAfter looks for "”, he said", "” said X", "”, X quoted Y" in
// toks[i:j].
func (x *extractor) attributionAfter(i, j int, markers []marker) (*ref, int, bool) {
	// ”― Sonya Herridge: a dash and a name closing the paragraph.
	if d := i; d < j && isDash(x.toks[d].text) {
		s, e := x.walkRight(d+1, j)
		if e > s && e-s <= 6 && x.onlyTrailing(e, j) && x.hasName(s, e) {
			x.use(d, e)
			return x.resolve(s, e), d, true
		}
	}
	k := i
	for k < j && !x.toks[k].word && (x.toks[k].text == "," || x.toks[k].text == "—" || x.toks[k].text == "-" || x.toks[k].mark != notMark) {
		k++
	}
	if k >= j {
		return nil, -1, false
	}
	start := k
	for c := k; c < j && c < k+18; c++ {
		t := &x.toks[c]
		if !t.word {
			if t.text == "." || t.text == ";" || t.text == "!" || t.text == "?" {
				break
			}
			if t.text == "," && c > start && !x.appositionFrom(start, c) {
				break
			}
			continue
		}
		if t.cap && c != start || cueVerbs[t.lower] == 0 && !(t.lower == "according" && c+1 < j && x.toks[c+1].lower == "to") {
			continue
		}
		if c-start > 15 {
			break
		}
		if t.lower == "according" {
			s, e := x.walkRight(c+2, j)
			if c != start || e <= s {
				return nil, -1, false
			}
			x.markUsedMarker(markers, c)
			x.use(c, e)
			return x.resolve(s, e), c, true
		}
		if c+1 < j && x.toks[c+1].lower == "by" {
			continue // "cited by X" is an intermediary
		}
		if c == start {
			// Inverted: ” said X.
			s, e := x.walkRight(c+1, j)
			if e <= s {
				return nil, c, true
			}
			if !x.npEnds(e, j) || x.isPronoun(s, e) {
				return nil, -1, false
			}
			s, e = x.apposition(s, e, j)
			x.use(c, e)
			return x.resolve(s, e), c, true
		}
		s, e := x.walkLeft(c, start)
		if s > start {
			// ”, Scott Pruitt, the attorney general of Oklahoma, said
			if ns, ne := x.walkRight(start, j); ne > ns && ne < c && x.toks[ne].text == "," && x.appositionFrom(start, ne) &&
				(x.hasName(ns, ne) || x.isPronoun(ns, ne)) && x.shortTail(c+1, j) && s == ne+1 {
				x.use(ns, c+1)
				return x.resolve(ns, ne), c, true
			}
		}
		tail := c + 1
		if quoteVerbs[t.lower] {
			// ”, Al-Watan quoted Erdogan in another report.
			if _, e2 := x.walkRight(c+1, j); e2 > c+1 {
				tail = e2
			}
		}
		if s != start || x.adverbialIn(s, e) || !x.shortTail(tail, j) {
			return nil, -1, false
		}
		x.use(s, c+1)
		if (t.lower == "quoted" || t.lower == "cited" || t.lower == "quotes" || t.lower == "cites") && c+1 < j && x.toks[c+1].lower != "as" {
			// ”, Al-Watan quoted Erdogan: the outlet is a marker, the
			// speaker follows.
			s2, e2 := x.walkRight(c+1, j)
			if e2 > s2 {
				x.use(s2, e2)
				return x.resolve(s2, e2), c, true
			}
		}
		return x.resolve(s, e), c, true
	}
	return nil, -1, false
}

func isDash(s string) bool { return s == "―" || s == "—" || s == "–" || s == "-" }

// shortTail reports whether what follows a cue after a quote is short or
// adverbial ("”, he said in a statement.") rather than a clause of its own
// ("“Fox News Sunday,” Pence said his running mate …").
func (x *extractor) shortTail(i, j int) bool {
	if i >= j || !x.toks[i].word || x.adverbialStart(i-1, i) {
		return true
	}
	words := 0
	for k := i; k < j; k++ {
		if x.toks[k].lower == "that" {
			return false
		}
		if x.toks[k].word {
			words++
		}
		if x.toks[k].text == "," {
			break
		}
	}
	return words <= 6
}

// npEnds reports whether an inverted subject ending at token e closes its
// clause: the end, punctuation or a short adverbial follows ("…, said
// Lind on Monday."), not more clause ("said the candidate could …").
func (x *extractor) npEnds(e, b int) bool {
	if e >= b || !x.toks[e].word {
		return true
	}
	return x.adverbialStart(e-1, e) && !tellVerbs[x.toks[e-1].lower] && x.toks[e].lower != "that"
}

// appositionFrom reports whether the comma at token k closes a name
// starting at token start ("Scott Pruitt,"), so that an apposition may
// follow before the cue.
func (x *extractor) appositionFrom(start, k int) bool {
	ns, ne := x.walkRight(start, k+1)
	return ns == start && ne == k && ne-ns <= 5 && x.hasName(ns, ne)
}

// markUsedMarker reports a marker as taken.
func (x *extractor) markUsedMarker(markers []marker, at int) {
	for mi := range markers {
		if markers[mi].at == at {
			markers[mi].used = true
		}
	}
}

// attributionBefore looks for "X said:", "X said", "According to X," or
// "As reported by X:" ending toks[i:j].
func (x *extractor) attributionBefore(i, j int, markers []marker) (*ref, int, bool) {
	k := j - 1
	colon := -1
	for k >= i && !x.toks[k].word {
		if x.toks[k].text == ":" {
			colon = k
		}
		k--
	}
	if k < i {
		return nil, -1, false
	}
	if x.toks[k].lower == "that" {
		k--
		if k < i {
			return nil, -1, false
		}
	}
	// "According to X, “" and "As reported by X: “".
	for mi := range markers {
		m := &markers[mi]
		if m.np[1] == k+1 && m.at >= i && (m.kind == "according" || m.kind == "by") {
			m.used = true
			x.use(m.at, m.np[1])
			return x.resolve(m.np[0], m.np[1]), m.at, true
		}
	}
	// A cue within a few words before the quote; a short quote needs the
	// cue right before it ("said: “…”", "said “…”").
	if r := x.regions[x.inRegion[j]]; r.words < 4 && colon < 0 {
		if !x.toks[k].word || cueVerbs[x.toks[k].lower] != strongCue || tellVerbs[x.toks[k].lower] {
			return nil, -1, false // "told “Fox and Friends”"
		}
	}
	for c := k; c >= i && c >= k-8; c-- {
		t := &x.toks[c]
		if !t.word {
			if t.text == "," || t.text == "." || t.text == ";" {
				break
			}
			continue
		}
		if cueVerbs[t.lower] != strongCue || x.used[c] || t.cap {
			continue
		}
		if !x.leadIn(c, k) {
			return nil, -1, false
		}
		s, e := x.subject(c, i)
		if e <= s {
			if colon >= 0 && c == k {
				return nil, c, true
			}
			return nil, -1, false
		}
		x.use(s, c+1)
		return x.resolve(s, e), c, true
	}
	// "Name: “…”" with a colon and no verb.
	if colon >= 0 {
		s, e := x.walkLeft(colon, i)
		if e > s && x.hasName(s, e) {
			return x.resolve(s, e), colon, true
		}
	}
	return nil, -1, false
}

// leadIn reports whether toks(c:k] may stand between a cue and the quote
// it introduces: nothing, "that", or a short adverbial ("said in a
// statement:", "told reporters on Monday").
func (x *extractor) leadIn(c, k int) bool {
	if k == c || k == c+1 && x.toks[k].lower == "that" {
		return true
	}
	if k-c > 7 || !x.adverbialStart(c, c+1) || prepositions[x.toks[c+1].lower] && !x.toks[c+1].cap && x.toks[c+1].lower != "in" && x.toks[c+1].lower != "on" && x.toks[c+1].lower != "at" {
		return false // "warned against “…”": the quote is the object
	}
	for j := c + 1; j < k; j++ {
		if x.toks[j].lower == "that" || x.toks[j].word && cueVerbs[x.toks[j].lower] != 0 && !x.toks[j].cap {
			return false
		}
	}
	return true
}

// hasName reports whether a name mention starts inside toks[s:e].
func (x *extractor) hasName(s, e int) bool {
	i := x.nameFrom(s)
	return i < len(x.names) && x.names[i].first < e
}

// nameFrom returns the index of the first name mention starting at or
// after token k (len(x.names) if none).
func (x *extractor) nameFrom(k int) int {
	return sort.Search(len(x.names), func(i int) bool { return x.names[i].first >= k })
}

// indirect handles the cue verb at token c: reported speech such as
// "Lavrov said that …", "…, the Pentagon said in a statement", "…, said X".
func (x *extractor) indirect(ui, c int, markers []marker) {
	a, b := x.units[ui][0], x.units[ui][1]
	t := &x.toks[c]
	if c > a && possessive(x.toks[c-1].lower) && c+1 < b && x.toks[c+1].lower == "that" && nominalCues[t.lower] {
		// "Trump’s claim that …": reported speech in a noun phrase.
		s, _ := x.walkLeft(c, a)
		if s < c && x.hasName(s, c) {
			spk := x.resolve(s, c)
			if i := x.nameFrom(c) - 1; i >= 0 && x.names[i].first >= s {
				spk = x.mentionRef(&x.names[i]) // the owner is the speaker here
			}
			x.use(s, c+1)
			x.addIndirect(ui, c+2, x.clauseEnd(c+2, b), c, spk)
		}
		return
	}
	strength := cueVerbs[t.lower]
	if strength == 0 {
		return
	}
	if p, ok := needsParticle[t.lower]; ok && (c+1 >= b || x.toks[c+1].lower != p) {
		return
	}
	if c+1 < b && (x.toks[c+1].lower == "by" || x.toks[c+1].lower == "as" && c+2 < b &&
		(x.toks[c+2].lower == "saying" || x.toks[c+2].lower == "having" || x.toks[c+2].lower == "telling")) {
		return // passive: "cited by X", "quoted as saying"
	}
	if c > a && (x.toks[c-1].lower == "to" || x.toks[c-1].lower == "the" || x.toks[c-1].lower == "a" || determiners[x.toks[c-1].lower] && x.toks[c-1].lower != "that") {
		return // "wants to say", "the report"
	}
	lw := t.lower
	if c+1 < b && notCue(lw, x.toks[c+1], c > a && x.toks[c-1].word && !x.toks[c-1].cap && pronouns[x.toks[c-1].lower] == 0) {
		return // "added up to", "found himself", "continues to", "a group called Black Votes Matter"
	}
	if c > a && (prepositions[x.toks[c-1].lower] || possessive(x.toks[c-1].lower)) {
		return // "secretary of state", "McKinley's plan"
	}
	if nounLike[lw] && !x.afterName(c, a) {
		return
	}
	ing := strings.HasSuffix(lw, "ing")
	if !ing && c > a && passiveAux[x.toks[x.gapStart(c, a)].lower] {
		return // passive: "are believed to be", "was reported"
	}
	if ing && c > a && (progressive(x.toks[x.gapStart(c, a)].lower) || x.toks[c-1].text != "," && x.afterName(c, a)) {
		ing = false // "is claiming", "he's saying", "with Mook arguing that"
	}

	// Participle after a comma: "…, adding that …" continues the speaker
	// of the unit's statement.
	if ing {
		if c == a || x.toks[c-1].text != "," {
			return
		}
		var spk *ref
		for si := len(x.stmts) - 1; si >= 0 && x.stmts[si].unit == ui; si-- {
			if x.stmts[si].cueTok < c {
				spk = x.stmts[si].speaker
				break
			}
		}
		if spk == nil {
			return
		}
		cs, ce := x.contentAfter(c, a, b)
		if ce-cs < 2 {
			return
		}
		sp := *spk
		x.addIndirect(ui, cs, ce, c, &sp)
		return
	}

	if (lw == "cited" || lw == "quoted" || lw == "cites" || lw == "quotes") && c+1 < b && c > a {
		if ns, ne := x.walkRight(c+1, b); ne > ns && (x.toks[ns].cap && x.personIn(ns, ne) || determiners[x.toks[ns].lower] && x.namesSomeone(ns, ne) && !x.hasName(ns, ne)) {
			return // "RIA cited X": a marker; X's own cue follows
		}
	}
	s, e := x.subject(c, a)
	hasThat := x.thatAfter(c, b) >= 0
	if strength == weakCue || strength == positionCue {
		// Stance verbs need a subject that names someone.
		if e <= s || e-s > 16 || !hasThat && !x.namesSomeone(s, e) {
			return
		}
		cs, ce := x.contentAfter(c, a, b)
		if ce-cs < 1 && strength == weakCue && s > a && x.toks[s-1].text == "," {
			// "…, other studies have shown."
			cs, ce = x.clauseBefore(s-1, a)
		}
		if ce-cs < 1 {
			return
		}
		x.use(s, c+1)
		x.addIndirectMin(ui, cs, ce, c, x.resolve(s, e), 1)
		return
	}
	if e <= s {
		// Inverted: "…, said X." The subject follows the cue.
		k := c - 1
		for k >= a && x.toks[k].word && gapWords[x.toks[k].lower] {
			k--
		}
		if k < a || x.toks[k].text != "," || strength != strongCue {
			return
		}
		ns, ne := x.walkRight(c+1, b)
		if ne <= ns || !x.npEnds(ne, b) || x.isPronoun(ns, ne) {
			return
		}
		ns, ne = x.apposition(ns, ne, b)
		cs, ce := x.clauseBefore(k, a)
		if ce-cs < 2 {
			return
		}
		x.use(c, ne)
		x.addIndirect(ui, cs, ce, c, x.resolve(ns, ne))
		return
	}
	// An appositive subject: "Staffan de Mistura, the UN’s envoy, said".
	s, e = x.subjectApposition(s, e, a)

	// Pattern "CLAUSE, X said [in a statement]." when a clause precedes the
	// subject and no that-clause follows the cue.
	restWords := x.wordsUntilEnd(c+1, b)
	restAdverbial := c+1 >= b || !x.toks[c+1].word && x.toks[c+1].mark == notMark || x.adverbialStart(c, c+1)
	if x.toks[x.gapStart(c, a)].lower == "and" {
		restAdverbial = false // "… and warned against …": the subject is far back
	}
	// “…,” X said on Friday. — a quote the direct pass left alone.
	if q := s - 1; q > a && restAdverbial && restWords <= 8 && !hasThat {
		if x.toks[q].text == "," {
			q--
		}
		if ri := x.inRegion[q]; ri >= 0 && x.regions[ri].close == q && !x.regions[ri].direct && x.regions[ri].words >= 2 {
			r := &x.regions[ri]
			if q+1 < s || x.toks[q-1].text == "," || isTerminal(&x.toks[q-1]) {
				r.direct = true
				x.use(s, c+1)
				x.add(stmt{start: x.toks[r.open].start, end: x.toks[r.close].end, kind: sift.Direct,
					cue: [2]int{x.toks[c].start, x.toks[c].end}, cueTok: c, speaker: x.resolve(s, e), unit: ui})
				return
			}
		}
	}
	if s > a && x.toks[s-1].text == "," && !hasThat && restWords <= 8 && restAdverbial {
		// "Petrov said …, RIA Novosti reported": the outlet passed on a
		// statement already found.
		if spk := x.resolve(s, e); spk != nil && spk.media {
			for si := len(x.stmts) - 1; si >= 0 && x.stmts[si].unit == ui; si-- {
				if st := &x.stmts[si]; st.end <= x.toks[s-1].start && (st.speaker == nil || st.speaker.canonical != spk.canonical) {
					st.via = appendRef(st.via, *spk)
					x.use(s, c+1)
					return
				}
			}
		}
		cs, ce := x.clauseBefore(s-1, a)
		if ce-cs >= 2 {
			x.use(s, c+1)
			x.addIndirect(ui, cs, ce, c, x.resolve(s, e))
			return
		}
	}
	cs, ce := x.contentAfter(c, a, b)
	if x.adverbialOnly(cs, ce) {
		ce = cs // "told journalists on Thursday": nothing reported
	}
	if ce-cs < 2 {
		if s > a && x.toks[s-1].text == "," {
			cs, ce = x.clauseBefore(s-1, a)
			if ce-cs >= 2 {
				x.use(s, c+1)
				x.addIndirect(ui, cs, ce, c, x.resolve(s, e))
			}
		}
		return
	}
	x.use(s, c+1)
	x.addIndirect(ui, cs, ce, c, x.resolve(s, e))
}

// prepositions before a word make it a noun.
var prepositions = map[string]bool{"of": true, "for": true, "in": true, "on": true, "at": true,
	"with": true, "by": true, "from": true, "into": true, "about": true, "against": true, "his": true,
	"her": true, "their": true, "its": true, "our": true, "my": true, "your": true, "whose": true}

// afterName reports whether the cue at c follows a pronoun or a name
// directly (skipping auxiliaries and adverbs), so that a form such as
// "plans" or "states" is a verb.
func (x *extractor) afterName(c, a int) bool {
	k := c - 1
	for k >= a && x.toks[k].word && gapWords[x.toks[k].lower] && !x.toks[k].cap {
		k--
	}
	if k < a || !x.toks[k].word {
		return false
	}
	if w := x.toks[k].lower; pronouns[w] != 0 && !objectPronouns[w] {
		return true
	}
	if peopleNouns[x.toks[k].lower] {
		return true
	}
	if !x.toks[k].cap {
		return false
	}
	if i := x.nameFrom(k+1) - 1; i >= 0 {
		if m := &x.names[i]; m.start <= x.toks[k].start && x.toks[k].end <= m.end {
			return m.typ != sift.LOC && m.typ != sift.MISC
		}
	}
	return k > a
}

// notCue reports whether a cue word w followed by next is used in another
// sense: a phrasal verb ("added up"), a reflexive ("found himself"), an
// infinitive of duration ("continues to"), an attributive ("pledged
// delegates") or, after a common noun, a naming ("a group called Black
// Votes Matter").
func notCue(w string, next token, afterNoun bool) bool {
	n := next.lower
	switch {
	case n == "up" && (w == "add" || w == "adds" || w == "added" || w == "adding"):
		return true
	case strings.HasPrefix(w, "f") && (n == "himself" || n == "herself" || n == "themselves" || n == "itself"):
		return true // "found himself"
	case (w == "continues" || w == "continued" || w == "continue") && n == "to":
		return true
	case n == "delegate" || n == "delegates":
		return true
	case afterNoun && next.cap && (w == "called" || w == "named" || w == "dubbed" || w == "titled"):
		return true
	}
	return false
}

// pronounSubject reports whether w is a subject pronoun.
func pronounSubject(w string) bool { return pronouns[w] != 0 && !objectPronouns[w] }

// skipGap returns the first token from i that is not an adverb or an
// auxiliary ("also", "has").
func (x *extractor) skipGap(i, b int) int {
	for i < b-1 && x.toks[i].word && gapWords[x.toks[i].lower] {
		i++
	}
	return i
}

// gapStart returns the index of the token before the cue at c once
// adverbs such as "once again" are skipped.
func (x *extractor) gapStart(c, a int) int {
	k := c - 1
	for k > a && x.toks[k].word && !x.toks[k].cap && gapAdverbs[x.toks[k].lower] {
		k--
	}
	return k
}

// gapAdverbs may stand between an auxiliary and a participle.
var gapAdverbs = map[string]bool{"also": true, "once": true, "again": true, "now": true, "still": true,
	"already": true, "even": true, "repeatedly": true, "publicly": true, "not": true, "never": true,
	"reportedly": true, "apparently": true, "increasingly": true, "openly": true, "just": true}

// progressive reports whether w makes a following -ing form a finite verb.
func progressive(w string) bool {
	switch w {
	case "is", "are", "was", "were", "been", "be", "keeps", "kept":
		return true
	}
	return strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "'re")
}

// namesSomeone reports whether the phrase toks[s:e] is a pronoun, holds a
// name or is a description of people ("the campaign", "officials").
func (x *extractor) namesSomeone(s, e int) bool {
	if x.isPronoun(s, e) || x.hasName(s, e) {
		return true
	}
	for k := s; k < e; k++ {
		if t := &x.toks[k]; t.word && (t.cap || titles[t.lower] || orgWords[t.lower] || peopleNouns[t.lower]) {
			return true
		}
	}
	return false
}

// addIndirect records reported speech over tokens [cs, ce) with its cue at
// token c; quoted fragments inside make it mixed.
func (x *extractor) addIndirect(ui, cs, ce, c int, spk *ref) {
	x.addIndirectMin(ui, cs, ce, c, spk, 2)
}

// addIndirectMin is addIndirect for content of at least min tokens.
func (x *extractor) addIndirectMin(ui, cs, ce, c int, spk *ref, min int) {
	for cs < ce && !x.toks[cs].word && x.toks[cs].mark == notMark {
		cs++
	}
	for ce > cs && !x.toks[ce-1].word && x.toks[ce-1].mark == notMark {
		ce--
	}
	if ce-cs < min {
		return
	}
	s := stmt{start: x.toks[cs].start, end: x.toks[ce-1].end, kind: sift.Indirect,
		cue: [2]int{x.toks[c].start, x.toks[c].end}, cueTok: c, speaker: spk, unit: ui}
	if lw := x.toks[c].lower; (lw == "point" || lw == "pointed") && c+1 < len(x.toks) {
		s.cue[1] = x.toks[c+1].end
	}
	for k := cs; k < ce; k++ {
		if ri := x.inRegion[k]; ri >= 0 {
			if x.regions[ri].direct {
				return
			}
			s.kind = sift.Mixed
		}
	}
	x.add(s)
}

// clauseEnd returns where a clause starting at token i ends: the end of
// the unit, a source phrase or a direct quote.
func (x *extractor) clauseEnd(i, b int) int {
	for k := i; k < b; k++ {
		if ri := x.inRegion[k]; ri >= 0 && x.regions[ri].direct {
			return k
		}
		if x.toks[k].text == "," && k+1 < b && viaWords[x.toks[k+1].lower] {
			return k
		}
	}
	return b
}

// thatAfter returns the index of "that" opening the cue's clause, or -1.
func (x *extractor) thatAfter(c, b int) int {
	for k := c + 1; k < b && k <= c+16; k++ {
		t := &x.toks[k]
		if x.inRegion[k] >= 0 || t.text == "." || t.text == ";" {
			return -1
		}
		if t.lower == "that" {
			return k
		}
		if k == c+1 && needsParticle[x.toks[c].lower] == t.lower {
			continue // "pointed out that"
		}
		if k == c+1 && !x.adverbialStart(c, k) {
			return -1
		}
		if t.word && cueVerbs[t.lower] != 0 && k > c+1 {
			return -1
		}
	}
	return -1
}

// adverbialStart reports whether the token k right after the cue at c
// opens an adverbial or an object that may stand before "that": "said on
// Thursday that", "told reporters that", "said, however, that".
func (x *extractor) adverbialStart(c, k int) bool {
	t := &x.toks[k]
	if !t.word {
		return t.text == ","
	}
	switch t.lower {
	case "in", "on", "at", "during", "to", "after", "before", "via", "through", "from", "with",
		"last", "this", "earlier", "later", "today", "yesterday", "tonight", "recently", "repeatedly",
		"again", "also", "publicly", "privately", "separately", "previously", "however", "then",
		"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "twice", "once",
		"over", "under", "while", "in a", "late", "early", "when", "both", "first", "further":
		return true
	}
	switch x.toks[c].lower {
	case "told", "tell", "tells", "telling", "warned", "warn", "warns", "assured", "reminded",
		"informed", "convinced", "persuaded", "urged", "asked", "showed", "shown":
		return true
	}
	return false
}

// adverbialOnly reports whether toks[cs:ce] is a short time or place
// phrase ("on Thursday", "in a statement") rather than reported content.
func (x *extractor) adverbialOnly(cs, ce int) bool {
	if ce <= cs || ce-cs > 5 || !x.toks[cs].word {
		return false
	}
	t := &x.toks[cs]
	return !t.cap && prepositions[t.lower] && t.lower != "about" || timeWords[t.lower]
}

// wordsUntilEnd counts the words after a cue before the end of the unit or
// a source phrase.
func (x *extractor) wordsUntilEnd(i, b int) int {
	n := 0
	for k := i; k < b; k++ {
		t := &x.toks[k]
		if t.text == "," && k+1 < b && (x.toks[k+1].lower == "according" || x.toks[k+1].lower == "cited" ||
			x.toks[k+1].lower == "as" || strings.HasSuffix(x.toks[k+1].lower, "ing") && !x.toks[k+1].cap) {
			return n // "…, she said, referencing …"
		}
		if x.inRegion[k] >= 0 && x.regions[x.inRegion[k]].direct {
			return n
		}
		if t.word {
			n++
		}
	}
	return n
}

// contentAfter returns the reported clause after the cue at c: from after
// "that" (or the cue and its object) to the end of the unit, stopping at a
// source phrase or a participle clause.
func (x *extractor) contentAfter(c, a, b int) (int, int) {
	start := c + 1
	if lw := x.toks[c].lower; lw == "point" || lw == "pointed" {
		start++
	}
	if th := x.thatAfter(c, b); th >= 0 {
		start = th + 1
	} else {
		switch x.toks[c].lower {
		case "told", "tell", "tells", "telling", "asked", "urged", "warned", "assured":
			// Skip the object: "told reporters", "warned Turkey".
			_, e := x.walkRight(start, b)
			if e > start && e-start <= 3 {
				start = e
			}
		}
		for start < b && !x.toks[start].word && x.toks[start].mark == notMark {
			start++
		}
	}
	if start < b && viaWords[x.toks[start].lower] {
		return start, start // "reported, citing TASS": a source, not content
	}
	if start > c+1 && x.toks[c+1].text == "," && start < b && strings.HasSuffix(x.toks[start].lower, "ing") {
		return start, start // "she said, referencing …": a participle clause
	}
	end := start
	for ; end < b; end++ {
		t := &x.toks[end]
		if ri := x.inRegion[end]; ri >= 0 && x.regions[ri].direct {
			break
		}
		if t.text == "," && end+1 < b {
			n := x.toks[end+1].lower
			if n == "according" || n == "adding" || n == "citing" || n == "cited" || n == "noting" ||
				n == "saying" || n == "quoted" || n == "stressing" || n == "insisting" ||
				(n == "as" && end+2 < b && (x.toks[end+2].lower == "reported" || x.toks[end+2].lower == "cited" || x.toks[end+2].lower == "quoted")) {
				break
			}
			// ", he said" ends the clause too, and so does ", and said".
			if x.closingAttribution(end+1, b) {
				break
			}
			if n == "and" && end+2 < b && cueVerbs[x.toks[x.skipGap(end+2, b)].lower] == strongCue {
				break
			}
		}
	}
	return start, end
}

// closingAttribution reports whether toks[i:b] is a short "X said" tail.
func (x *extractor) closingAttribution(i, b int) bool {
	for k := i; k < b && k < i+8; k++ {
		t := &x.toks[k]
		if !t.word {
			return false
		}
		if cueVerbs[t.lower] == strongCue {
			s, _ := x.walkLeft(k, i)
			return s == i || k == i
		}
	}
	return false
}

// clauseBefore returns the clause that ends at the comma at token k: from
// the start of the unit or the end of the last statement in it.
func (x *extractor) clauseBefore(k, a int) (int, int) {
	start := a
	for si := len(x.stmts) - 1; si >= 0 && x.stmts[si].end > x.toks[a].start; si-- {
		s := &x.stmts[si]
		if s.end <= x.toks[k].start {
			e := tokenAt(x.toks, s.end)
			if e+1 > start {
				start = e + 1
			}
			if s.cueTok >= start && s.cueTok < k {
				start = s.cueTok + 1
			}
			break
		}
	}
	// Skip a leading "According to X," already told apart as a marker.
	return start, k
}

// subject returns the subject of the cue at c: the phrase before it, or
// the name before an apposition ("Staffan de Mistura, the UN’s envoy,
// said"); an adverbial phrase ("after talks on Monday") is passed over to
// the phrase before its comma.
func (x *extractor) subject(c, a int) (int, int) {
	s, e := x.walkLeft(c, a)
	k := c - 1
	for k >= a && x.toks[k].word && gapWords[x.toks[k].lower] && !x.toks[k].cap {
		k--
	}
	if e <= s && k > a && x.toks[k].text == "," {
		// "NAME, DESCRIPTION, said" and "NAME, who …, said"
		p := k - 1
		for p > a && p > k-30 && x.toks[p].text != "," && !isTerminal(&x.toks[p]) && x.inRegion[p] < 0 {
			p--
		}
		if p > a && x.toks[p].text == "," && p+1 < k {
			// "Rep. Chris Collins, R-NY, says": a short apposition.
			if k-(p+1) <= 3 {
				if ns, ne := x.walkLeft(p, a); ne > ns && x.hasName(ns, ne) {
					return ns, ne
				}
			}
			// "The state’s campaign chairman, Phil Lovas, said", "One pastor,
			// Darran Whiting of Liberty Baptist Church, said"
			if ns, ne := x.walkLeft(k, p+1); ns == p+1 && (ne-ns <= 5 && x.personIn(ns, ne) || x.personIn(ns, ns+1)) {
				return ns, ne
			}
			first := x.toks[p+1].lower
			if determiners[first] || first == "who" || first == "whose" || first == "which" || titles[first] {
				ns, ne := x.walkLeft(p, a)
				if ne > ns && x.hasName(ns, ne) {
					return ns, ne
				}
			}
		}
		// "NAME, 59, of Ashton, Md., who watched …, said": a short name
		// phrase opening the unit and set off by a comma.
		f := a
		for f < k && (!x.toks[f].word || x.toks[f].cap && nonNames[x.toks[f].lower] && !x.hasName(f, f+1)) && x.toks[f].text != "," {
			f++
		}
		if ns, ne := x.walkRight(f, k); ne > ns && ne < k && x.toks[ne].text == "," && ne-ns <= 6 && x.hasName(ns, ne) {
			return ns, ne
		}
		return s, e
	}
	if e <= s && k >= a && x.toks[k].lower == "and" {
		// "McConnell was quick to embrace him and said …": the subject of
		// the sentence.
		f := a
		for f < k && !x.toks[f].word {
			f++
		}
		if f < k && (prepositions[x.toks[f].lower] || nonNames[x.toks[f].lower] && !pronounSubject(x.toks[f].lower)) {
			// "In regard to the US, Antonov said … and warned": past the
			// opening phrase.
			for f < k && x.toks[f].text != "," {
				f++
			}
			f++
		}
		ne := f
		for ne < k && ne-f < 6 && x.toks[ne].word && (x.toks[ne].cap || determiners[x.toks[ne].lower] ||
			titles[x.toks[ne].lower] || peopleNouns[x.toks[ne].lower]) {
			ne++
		}
		if ne > f && (x.hasName(f, ne) || x.isPronoun(f, ne) || x.namesSomeone(f, ne)) {
			return f, ne
		}
		return s, e
	}
	if e <= s {
		return s, e
	}
	// "Saturday at the party convention Sen. Elizabeth Warren said": a long
	// phrase holding a name starts at the name and its titles.
	if e-s > 6 {
		if i := x.nameFrom(e) - 1; i >= 0 && x.names[i].first > s && x.names[i].typ == sift.PERSON {
			ns := x.names[i].first
			for ns > s && x.toks[ns-1].word && (titles[x.toks[ns-1].lower] || isNationality(x.toks[ns-1].lower)) {
				ns--
			}
			if x.adverbialIn(s, ns) || x.toks[s].cap && timeWords[x.toks[s].lower] {
				return ns, e
			}
		}
	}
	adverbial := s > a && (x.toks[s-1].lower == "after" || x.toks[s-1].lower == "before" || x.toks[s-1].lower == "since" || x.toks[s-1].lower == "until")
	if !adverbial && !x.adverbialIn(s, e) {
		return s, e
	}
	j := s - 1
	for j > a && x.toks[j].text != "," {
		j--
	}
	if j > a && x.toks[j].text == "," {
		ns, ne := x.walkLeft(j, a)
		if ne > ns {
			return ns, ne
		}
	}
	return e, e
}

// quantifiers count times in "several times said".
var quantifiers = map[string]bool{"several": true, "many": true, "two": true, "three": true,
	"multiple": true, "numerous": true, "countless": true, "at": true}

// viaWords open a phrase naming an intermediary ("citing TASS").
var viaWords = map[string]bool{"citing": true, "quoting": true, "according": true, "cited": true}

// quoteVerbs name the quoted person as object ("Al-Watan quoted Erdogan").
var quoteVerbs = map[string]bool{"quoted": true, "cited": true, "quotes": true, "cites": true}

// tellVerbs take the listener as object.
var tellVerbs = map[string]bool{"told": true, "tell": true, "tells": true, "telling": true}

// passiveAux before a participle makes it passive ("is expected").
var passiveAux = map[string]bool{"is": true, "are": true, "was": true, "were": true, "be": true,
	"been": true, "being": true}

// edAdjectives end in -ed but describe a speaker ("retired general").
var edAdjectives = map[string]bool{"unnamed": true, "united": true, "armed": true, "based": true,
	"retired": true, "alleged": true, "elected": true, "embattled": true, "disgraced": true,
	"detained": true, "jailed": true, "exiled": true, "ousted": true, "renowned": true,
	"respected": true, "acclaimed": true, "appointed": true, "designated": true, "qualified": true,
	"concerned": true, "displaced": true, "wounded": true, "injured": true, "besieged": true,
	"talented": true, "experienced": true, "unidentified": true, "named": true, "licensed": true}

// beVerbs end a subject phrase when walking left.
var beVerbs = map[string]bool{"was": true, "is": true, "were": true, "are": true, "be": true, "been": true,
	"being": true, "has": true, "have": true, "had": true, "there": true}

// timeBefore skips a short time phrase ending at token k ("on Tuesday",
// "last week", "earlier this month") and returns the token before it, or
// k when there is none.
func (x *extractor) timeBefore(k, lo int) int {
	j, time := k, false
	for j >= lo && k-j < 4 && x.toks[j].word {
		lw := x.toks[j].lower
		switch {
		case timeWords[lw] || monthWords[lw]:
			time = true
		case lw == "on" || lw == "last" || lw == "this" || lw == "earlier" || lw == "late" || lw == "early" ||
			lw == "in" || lw == "at" || isDigits(lw):
		default:
			if time {
				return j
			}
			return k
		}
		j--
	}
	if time && j >= lo {
		return j
	}
	return k
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return len(s) > 2 && i >= len(s)-2 // "30th"
		}
	}
	return s != ""
}

// monthWords name months.
var monthWords = map[string]bool{"january": true, "february": true, "march": true, "april": true,
	"may": false, "june": true, "july": true, "august": true, "september": true, "october": true,
	"november": true, "december": true}

// adverbialIn reports whether toks[s:e] holds a lower-case preposition of
// time or place, which makes it an adverbial rather than a subject.
func (x *extractor) adverbialIn(s, e int) bool {
	if s < e && prepositions[x.toks[s].lower] && !x.toks[s].cap {
		return true
	}
	for j := s; j < e; j++ {
		if timeWords[x.toks[j].lower] {
			return true
		}
	}
	return false
}

// timeWords mark a phrase as a time adverbial rather than a subject.
var timeWords = map[string]bool{
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true,
	"saturday": true, "sunday": true, "week": true, "weekend": true, "month": true, "year": true,
	"day": true, "morning": true, "afternoon": true, "evening": true, "night": true,
	"today": true, "yesterday": true, "tonight": true, "ago": true, "earlier": true,
}

// walkLeft returns the subject phrase ending before the cue at token c
// (skipping auxiliaries and adverbs such as "also", "has"), not reaching
// before token lo.
func (x *extractor) walkLeft(c, lo int) (int, int) {
	k := c - 1
	// "Clinton on Tuesday said": a time phrase between subject and cue.
	if j := x.timeBefore(k, lo); j < k {
		k = j
	}
	for k >= lo && x.toks[k].word && !x.toks[k].cap {
		if gapWords[x.toks[k].lower] {
			k--
			continue
		}
		// "has several times warned"
		if x.toks[k].lower == "times" && k > lo && quantifiers[x.toks[k-1].lower] {
			k -= 2
			continue
		}
		break
	}
	e := k + 1
	n := 0
	for k >= lo {
		t := &x.toks[k]
		if x.inRegion[k] >= 0 || !t.word {
			if t.text == "&" || t.text == "'" || t.text == "’" {
				k--
				continue
			}
			if t.text == ")" {
				// Skip "(D-Wis.)" after a name.
				j := k - 1
				for j >= lo && j > k-8 && x.toks[j].text != "(" && x.toks[j].text != ")" {
					j--
				}
				if j >= lo && x.toks[j].text == "(" && j > lo {
					if k == e-1 {
						e = j
					}
					k = j - 1
					continue
				}
			}
			break
		}
		if t.lower == "who" || t.lower == "which" {
			if k == e-1 {
				k--
			}
			break
		}
		if stopWords[t.lower] || (!t.cap && cueVerbs[t.lower] != 0 && k < e-1 && !titles[t.lower]) || beVerbs[t.lower] && !t.cap {
			break
		}
		if !t.cap && (t.lower == "and" && k == e-1) {
			break
		}
		if !t.cap && !determiners[t.lower] && !titles[t.lower] && strings.HasSuffix(t.lower, "ed") && k < e-1 && !edAdjectives[t.lower] && !strings.Contains(t.lower, "-") {
			break // a verb: the subject lies after it
		}
		n++
		if n > 20 {
			return e, e
		}
		k--
	}
	s := k + 1
	// Drop leading conjunctions and adverbs.
	for s < e && !x.toks[s].cap && (x.toks[s].lower == "and" || x.toks[s].lower == "but" || x.toks[s].lower == "also" || x.toks[s].lower == "then") {
		s++
	}
	return s, e
}

// walkRight returns the noun phrase starting at token i: a name or a
// description up to a comma, a clause word or an adverbial preposition.
func (x *extractor) walkRight(i, b int) (int, int) {
	k := i
	for k < b {
		t := &x.toks[k]
		if x.inRegion[k] >= 0 {
			break
		}
		if !t.word {
			if t.text == "&" || t.text == "'" || t.text == "’" {
				k++
				continue
			}
			break
		}
		if k > i && !t.cap {
			switch t.lower {
			case "in", "on", "at", "during", "after", "before", "while", "when", "that", "who", "which",
				"could", "would", "should", "will", "can", "may", "might", "must", "be", "been", "did", "does",
				"said", "says", "told", "as", "to", "from", "with", "about", "over", "last", "this", "was", "is",
				"has", "had", "have", "were", "are", "and", "but", "because", "since", "earlier", "later", "yesterday", "today":
				if t.lower == "and" && k+1 < b && x.toks[k+1].cap {
					k++
					continue
				}
				return i, k
			}
			if cueVerbs[t.lower] != 0 && !titles[t.lower] {
				return i, k
			}
		}
		if k == i && stopWords[t.lower] {
			return i, i
		}
		if k-i >= 14 {
			break
		}
		k++
	}
	return i, k
}

// apposition prefers a name in an apposition after the phrase s..e:
// "said the official representative of the Ministry, Major General Igor
// Konashenkov".
func (x *extractor) apposition(s, e, b int) (int, int) {
	if x.personIn(s, e) || e+1 >= b || x.toks[e].text != "," {
		return s, e
	}
	s2, e2 := x.walkRight(e+1, b)
	if e2 > s2 && x.personIn(s2, e2) {
		return s2, e2
	}
	return s, e
}

// subjectApposition handles "NAME, DESCRIPTION, said": when the subject
// is a description set off by commas after a name, the name is the subject.
func (x *extractor) subjectApposition(s, e, a int) (int, int) {
	if x.hasName(s, e) && x.personIn(s, e) || s-2 < a || x.toks[s-1].text != "," {
		return s, e
	}
	if !determiners[x.toks[s].lower] {
		return s, e
	}
	// The phrase must be followed by a comma before the cue.
	if e < len(x.toks) && x.toks[e-1].text == "," {
		e--
	}
	ns, ne := x.walkLeft(s-1, a)
	if ne > ns && x.personIn(ns, ne) {
		return ns, ne
	}
	return s, e
}

// personIn reports whether a PERSON mention starts inside toks[s:e].
func (x *extractor) personIn(s, e int) bool {
	for i := x.nameFrom(s); i < len(x.names) && x.names[i].first < e; i++ {
		if x.names[i].typ == sift.PERSON {
			return true
		}
	}
	return false
}

// isPronoun reports whether toks[s:e] is a single pronoun.
func (x *extractor) isPronoun(s, e int) bool {
	return e-s == 1 && pronouns[x.toks[s].lower] != 0
}

// sourceMarker makes "According to X, …" or "…, according to X" a
// statement by X when nothing else in the unit is attributed.
func (x *extractor) sourceMarker(ui int, m *marker) {
	a, b := x.units[ui][0], x.units[ui][1]
	var cs, ce int
	citing := [2]int{-1, -1}
	if m.atUnit {
		cs = m.np[1]
		for cs < b && !x.toks[cs].word {
			cs++
		}
		// "According to Sputnik, citing the ministry, …": the ministry is
		// the source and Sputnik passed it on.
		if cs < b && viaWords[x.toks[cs].lower] {
			if ns, ne := x.walkRight(cs+1, b); ne > ns {
				citing = [2]int{ns, ne}
				cs = ne
				for cs < b && !x.toks[cs].word {
					cs++
				}
			}
		}
		ce = b
	} else {
		k := m.at - 1
		if m.kind == "by" && k > a && x.toks[k].lower == "as" {
			k--
		}
		cs, ce = a, k+1
	}
	// Content must not hold a direct quote already attributed.
	for k := cs; k < ce; k++ {
		if ri := x.inRegion[k]; ri >= 0 && x.regions[ri].direct {
			return
		}
	}
	m.used = true
	x.use(m.at, m.np[1])
	cue := m.at
	spk := x.resolve(m.np[0], m.np[1])
	var via *ref
	if citing[0] >= 0 {
		via, spk = spk, x.resolve(citing[0], citing[1])
	}
	n := len(x.stmts)
	x.addIndirect(ui, cs, ce, cue, spk)
	if len(x.stmts) > n {
		st := &x.stmts[n]
		if m.kind == "according" && cue+1 < len(x.toks) {
			st.cue[1] = x.toks[cue+1].end
		}
		if via != nil {
			st.via = appendRef(st.via, *via)
		}
	}
}
