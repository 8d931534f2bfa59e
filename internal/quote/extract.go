package quote

import (
	"cmp"
	"slices"
	"strings"
	"sync"

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
	// firstPass flags the words that are strong speech cues, tried as
	// cues of indirect speech before the others.
	firstPass []bool
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
	// writer is the author or outlet who says "I" and "we" outside quotes,
	// "" when unknown.
	writer string
	// intro is the cue closed by a colon that ended the last paragraph
	// with one ("the minister said:"), nil before the first.
	intro *intro
}

// intro is a cue closed by a colon at the end of a paragraph: "Lena Vosk
// told reporters:" introduces the quotation that opens the next paragraph;
// "At the time, Meridian reported:" passes on every statement of it.
type intro struct {
	speaker ref
	via     []ref // the speaker's own source chain
	cue     int   // token of the cue verb
	unit    int   // unit of the cue
	para    int   // the paragraph introduced
	outlet  bool  // an outlet or writer passing on the paragraph
}

// introduce records the cue at token c of unit ui, closed by a colon that
// ends its paragraph, with its speaker spk and the source chain named in
// the unit or the paragraph. outlet tells whether the speaker passes on
// the next paragraph ("Meridian reported:") rather than speaking it.
func (x *extractor) introduce(ui, c int, spk *ref, markers []marker, outlet bool) {
	in := &intro{speaker: *spk, cue: c, unit: ui, para: x.toks[x.units[ui][1]].para, outlet: outlet}
	add := func(v *ref) {
		if v != nil && !overlaps(v.start, v.end, spk.start, spk.end) && (v.canonical == "" || v.canonical != spk.canonical) {
			in.via = appendRef(in.via, *v)
		}
	}
	if x.chain != nil && x.chainPara == x.toks[c].para {
		add(x.chain)
	}
	for mi := range markers {
		m := &markers[mi]
		if m.used || m.at > c {
			continue
		}
		m.used = true
		add(x.resolve(m.np[0], m.np[1]))
	}
	slices.SortStableFunc(in.via, func(a, b ref) int { return cmp.Compare(a.start, b.start) })
	x.intro = in
}

// scratch is the storage of an extractor that the next text can reuse;
// nothing extract returns points into it.
type scratch struct {
	toks            []token
	inRegion        []int
	unitStart, used []bool
	firstPass       []bool
}

// scratches holds scratch values free for use.
var scratches = sync.Pool{New: func() any { return new(scratch) }}

// maxScratchTokens bounds the texts whose storage is kept for the next.
const maxScratchTokens = 1 << 15

// release returns sc to scratches.
func (sc *scratch) release() {
	if cap(sc.toks) <= maxScratchTokens {
		scratches.Put(sc)
	}
}

// extract finds the statements of text. ents are the entity stage's
// mentions (code point offsets); off indexes text; writer names the one who
// wrote the text ("" when unknown). It works in the
// storage of sc, which keeps it for the next text.
func extract(sc *scratch, text string, ents []sift.Entity, off *sift.Offsets, writer string) []stmt {
	x := &extractor{text: text, genders: map[string]byte{}, writer: writer}
	x.toks = tokenizeInto(text, sc.toks)
	sc.toks = x.toks
	if len(x.toks) == 0 {
		return nil
	}
	x.regions = pairQuotes(text, x.toks)
	x.inRegion = slices.Grow(sc.inRegion[:0], len(x.toks))[:len(x.toks)]
	sc.inRegion = x.inRegion
	for i := range x.inRegion {
		x.inRegion[i] = -1
	}
	for ri, r := range x.regions {
		for k := r.open; k <= r.close; k++ {
			x.inRegion[k] = ri
		}
	}
	x.units = capUnits(units(x.toks, x.inRegion), x.toks, maxUnitTokens)
	x.unitStart = zeroed(sc.unitStart, len(x.toks))
	sc.unitStart = x.unitStart
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
	x.used = zeroed(sc.used, len(x.toks))
	sc.used = x.used
	x.firstPass = zeroed(sc.firstPass, len(x.toks))
	sc.firstPass = x.firstPass
	for i := range x.toks {
		if t := &x.toks[i]; t.word {
			x.firstPass[i] = cueVerbs[t.lower] == strongCue || nominalCues[t.lower]
		}
	}
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
			if x.firstPass[c] == (pass == 0) {
				x.indirect(ui, c, markers)
			}
		}
	}

	// Markers that name the only source of the unit become its speaker,
	// unless the unit introduces the next paragraph ("As reported by
	// PressTV, the minister said:").
	if len(x.stmts) == first && (x.intro == nil || x.intro.unit != ui) {
		for mi := range markers {
			m := &markers[mi]
			if m.kind != "according" && !(m.kind == "by" && m.atUnit) {
				continue
			}
			x.sourceMarker(ui, m)
			break
		}
	}

	// "In his words, the nature of the damage indicates …": the owner of
	// the words is the speaker.
	if k := x.inWords(a, b); k >= 0 {
		for si := first; si < len(x.stmts); si++ {
			if st := &x.stmts[si]; st.cueTok > k+2 {
				st.speaker = x.pronoun(k, possessiveGender[x.toks[k].lower])
			}
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
		// "At the time, Meridian reported:⏎⏎…": every statement of the
		// paragraph came through the outlet and its own sources.
		if in := x.intro; in != nil && in.outlet && in.para == para {
			if st.speaker == nil || st.speaker.canonical != in.speaker.canonical || in.speaker.canonical == "" && st.speaker.start != in.speaker.start {
				st.via = appendRef(st.via, in.speaker)
			}
			for _, v := range in.via {
				if st.speaker == nil || v.canonical == "" || v.canonical != st.speaker.canonical {
					st.via = appendRef(st.via, v)
				}
			}
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
			// "According to information from the observation post": the
			// source is the one the information came from.
			if e > s && e+1 < b && x.toks[e].lower == "from" && !x.namesSomeone(s, e) && !x.groupHead(e-1) {
				if ns, ne := x.walkRight(e+1, b); ne > ns {
					s, e = ns, ne
				}
			}
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

// possessiveGender maps a possessive pronoun to the gender of its owner.
var possessiveGender = map[string]byte{"his": 'm', "her": 'f'}

// inWords returns the possessive of a unit that opens with "In his words,"
// or "In her view,", or -1.
func (x *extractor) inWords(a, b int) int {
	if a+4 >= b || x.toks[a].lower != "in" || possessiveGender[x.toks[a+1].lower] == 0 || x.toks[a+3].text != "," {
		return -1
	}
	switch x.toks[a+2].lower {
	case "words", "view", "opinion", "assessment", "words,":
		return a + 1
	}
	return -1
}

// zeroed returns s with length n, every element false, reusing its memory
// if it can.
func zeroed(s []bool, n int) []bool {
	if cap(s) < n {
		return make([]bool, n)
	}
	s = s[:n]
	clear(s)
	return s
}
