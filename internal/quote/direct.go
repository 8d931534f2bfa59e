package quote

// Direct quotes: a quoted region and the attribution before or after it.

import (
	"github.com/sift-news/sift"
)

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
	// A quotation opening the paragraph that "X said:" introduced is X's.
	if in := x.intro; tail && in != nil && in.para == x.toks[r.open].para && r.words > 0 && x.onlyOpening(before, r.open) &&
		(r.open == 0 || x.toks[r.open-1].para != x.toks[r.open].para) {
		sp := in.speaker
		s.speaker, s.cueTok = &sp, in.cue
		s.cue = [2]int{x.toks[in.cue].start, x.toks[in.cue].end}
		if !in.outlet {
			s.via = append([]ref(nil), in.via...)
		}
		r.direct = true
		x.add(s)
		return
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
		if c > i && articles[x.toks[c-1].text] {
			continue // "the state “will decide …”": a noun, not a cue
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
