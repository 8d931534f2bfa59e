package claim

import (
	"strings"
	"unicode"

	"github.com/sift-news/sift"
)

// word is one word of a claim, with code point offsets into its article.
type word struct {
	text, lower string
	start, end  int
}

// claimWords splits c's text into words (letters, digits and the marks
// inside numbers and names), with offsets into the article's text.
func claimWords(c sift.Claim) []word {
	var out []word
	rs := []rune(c.Text)
	for i := 0; i < len(rs); {
		if !wordRune(rs[i]) {
			i++
			continue
		}
		j := i
		for j < len(rs) && (wordRune(rs[j]) || (inWordMark(rs[j]) && j+1 < len(rs) && wordRune(rs[j+1]))) {
			j++
		}
		t := string(rs[i:j])
		out = append(out, word{text: t, lower: strings.ToLower(t), start: c.Start + i, end: c.Start + j})
		i = j
	}
	return out
}

func wordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

func inWordMark(r rune) bool { return r == ',' || r == '.' || r == '-' || r == '\'' || r == '’' }

// numberWords are the figures written in words.
var numberWords = map[string]bool{
	"one": true, "two": true, "three": true, "four": true, "five": true, "six": true, "seven": true,
	"eight": true, "nine": true, "ten": true, "eleven": true, "twelve": true, "fifteen": true, "twenty": true,
	"thirty": true, "forty": true, "fifty": true, "hundred": true, "hundreds": true, "thousand": true,
	"thousands": true, "million": true, "millions": true, "dozen": true, "dozens": true, "scores": true,
}

// figure returns w's value as a comparable key ("20,000" → "20000") and
// whether w is a figure at all.
func figure(w word) (string, bool) {
	if numberWords[w.lower] {
		return w.lower, true
	}
	digits := false
	var b strings.Builder
	for _, r := range w.lower {
		switch {
		case unicode.IsDigit(r):
			digits = true
			b.WriteRune(r)
		case r == ',':
		case r == '.' || r == '-':
			b.WriteRune(r)
		default:
			return "", false
		}
	}
	return b.String(), digits
}

// hedges are the words that mark a statement as unproven.
var hedges = map[string]bool{
	"alleged": true, "allegedly": true, "reportedly": true, "purportedly": true, "purported": true,
	"supposedly": true, "apparently": true, "possibly": true, "possible": true, "likely": true,
	"unconfirmed": true, "unverified": true, "suspected": true, "claimed": true, "rumoured": true,
	"rumored": true, "may": true, "might": true, "could": true, "presumably": true, "probably": true,
	"believed": true, "thought": true, "said": true, "appears": true, "seemingly": true,
}

// hedgeWord reports whether w hedges; "said", "believed" and "thought"
// only in "said to", "believed to", "thought to".
func hedgeWord(ws []word, i int) bool {
	w := ws[i].lower
	if !hedges[w] {
		return false
	}
	switch w {
	case "said", "believed", "thought", "appears":
		return i+1 < len(ws) && ws[i+1].lower == "to"
	}
	return true
}

// actorClasses group the common nouns that name one kind of actor, so that
// "rebels" rewritten as "terrorists" is seen as a renaming.
var actorClasses = map[string]string{
	"terrorist": "armed", "terrorists": "armed", "rebel": "armed", "rebels": "armed", "militant": "armed",
	"militants": "armed", "insurgent": "armed", "insurgents": "armed", "jihadist": "armed", "jihadists": "armed",
	"extremist": "armed", "extremists": "armed", "fighters": "armed", "gunmen": "armed", "mercenaries": "armed",
	"opposition": "armed", "radicals": "armed", "separatists": "armed", "bandits": "armed", "islamists": "armed",
	"regime": "state", "government": "state", "authorities": "state", "administration": "state", "junta": "state",
	"troops": "force", "forces": "force", "army": "force", "military": "force", "soldiers": "force",
	"occupiers": "force", "invaders": "force", "aggressors": "force", "liberators": "force",
	"civilians": "people", "residents": "people", "people": "people", "locals": "people", "villagers": "people",
	"protesters": "crowd", "rioters": "crowd", "demonstrators": "crowd", "mob": "crowd", "activists": "crowd",
	"massacre": "event", "attack": "event", "strike": "event", "operation": "event", "raid": "event",
	"bombing": "event", "shelling": "event", "provocation": "event", "incident": "event", "atrocity": "event",
}

// Changes returns what changed from the first mention of a claim to a later
// mention m: figures, hedges, attribution, speakers and actors, in that
// order. From sides are first's, To sides m's.
func Changes(first, m sift.Claim) []sift.ClaimChange {
	out := []sift.ClaimChange{}
	fw, mw := claimWords(first), claimWords(m)
	out = append(out, figureChanges(fw, mw)...)
	out = append(out, hedgeChanges(fw, mw)...)
	switch {
	case first.Attributed && !m.Attributed:
		c := sift.ClaimChange{Kind: sift.ChangeAttributionDropped}
		if r := source(first); r != nil {
			c.From, c.FromStart, c.FromEnd = r.Text, r.Start, r.End
		}
		out = append(out, c)
	case !first.Attributed && m.Attributed:
		c := sift.ClaimChange{Kind: sift.ChangeAttributionAdded}
		if r := source(m); r != nil {
			c.To, c.ToStart, c.ToEnd = r.Text, r.Start, r.End
		}
		out = append(out, c)
	case first.Speaker != nil && m.Speaker != nil && !sameRef(first.Speaker, m.Speaker):
		out = append(out, sift.ClaimChange{Kind: sift.ChangeSpeaker,
			From: first.Speaker.Text, FromStart: first.Speaker.Start, FromEnd: first.Speaker.End,
			To: m.Speaker.Text, ToStart: m.Speaker.Start, ToEnd: m.Speaker.End})
	}
	out = append(out, actorChanges(fw, mw)...)
	return out
}

// source is who a claim is attributed to: its speaker, else the first
// intermediary.
func source(c sift.Claim) *sift.Ref {
	if c.Speaker != nil {
		return c.Speaker
	}
	if len(c.Via) > 0 {
		return &c.Via[0]
	}
	return nil
}

func sameRef(a, b *sift.Ref) bool {
	ka, kb := a.Canonical, b.Canonical
	if ka == "" {
		ka = a.Text
	}
	if kb == "" {
		kb = b.Text
	}
	ka, kb = strings.ToLower(ka), strings.ToLower(kb)
	return ka == kb || strings.HasSuffix(ka, " "+kb) || strings.HasSuffix(kb, " "+ka)
}

// figureChanges pairs the figures of f missing from m with those of m
// missing from f: first those before the same word ("3,000 fighters" →
// "10,000 fighters"), then in order.
func figureChanges(f, m []word) []sift.ClaimChange {
	type fig struct {
		w    word
		key  string
		next string
	}
	figs := func(ws []word) []fig {
		var out []fig
		for i, w := range ws {
			if k, ok := figure(w); ok {
				next := ""
				if i+1 < len(ws) {
					next = ws[i+1].lower
				}
				out = append(out, fig{w, k, next})
			}
		}
		return out
	}
	ff, mf := figs(f), figs(m)
	has := func(fs []fig, k string) bool {
		for _, x := range fs {
			if x.key == k {
				return true
			}
		}
		return false
	}
	var gone, added []fig
	for _, x := range ff {
		if !has(mf, x.key) {
			gone = append(gone, x)
		}
	}
	for _, x := range mf {
		if !has(ff, x.key) {
			added = append(added, x)
		}
	}
	var out []sift.ClaimChange
	pair := func(a, b fig) {
		out = append(out, sift.ClaimChange{Kind: sift.ChangeFigure, From: a.w.text, FromStart: a.w.start, FromEnd: a.w.end,
			To: b.w.text, ToStart: b.w.start, ToEnd: b.w.end})
	}
	usedA := make([]bool, len(added))
	var rest []fig
	for _, g := range gone {
		found := false
		for j, a := range added {
			if !usedA[j] && g.next != "" && g.next == a.next {
				usedA[j], found = true, true
				pair(g, a)
				break
			}
		}
		if !found {
			rest = append(rest, g)
		}
	}
	j := 0
	for _, g := range rest {
		for j < len(added) && usedA[j] {
			j++
		}
		if j < len(added) {
			usedA[j] = true
			pair(g, added[j])
			continue
		}
		out = append(out, sift.ClaimChange{Kind: sift.ChangeFigure, From: g.w.text, FromStart: g.w.start, FromEnd: g.w.end})
	}
	for k, a := range added {
		if !usedA[k] {
			out = append(out, sift.ClaimChange{Kind: sift.ChangeFigure, To: a.w.text, ToStart: a.w.start, ToEnd: a.w.end})
		}
	}
	return out
}

// hedgeChanges lists the hedges of f that m lacks and those of m that f
// lacks.
func hedgeChanges(f, m []word) []sift.ClaimChange {
	set := func(ws []word) map[string]word {
		s := map[string]word{}
		for i := range ws {
			if hedgeWord(ws, i) {
				if _, ok := s[ws[i].lower]; !ok {
					s[ws[i].lower] = ws[i]
				}
			}
		}
		return s
	}
	fs, ms := set(f), set(m)
	var out []sift.ClaimChange
	for _, w := range f {
		if h, ok := fs[w.lower]; ok && h.start == w.start {
			if _, kept := ms[w.lower]; !kept {
				out = append(out, sift.ClaimChange{Kind: sift.ChangeHedgeDropped, From: w.text, FromStart: w.start, FromEnd: w.end})
			}
		}
	}
	for _, w := range m {
		if h, ok := ms[w.lower]; ok && h.start == w.start {
			if _, had := fs[w.lower]; !had {
				out = append(out, sift.ClaimChange{Kind: sift.ChangeHedgeAdded, To: w.text, ToStart: w.start, ToEnd: w.end})
			}
		}
	}
	return out
}

// actorChanges pairs the actor nouns of f missing from m with those of m
// missing from f in the same class ("rebels" → "terrorists").
func actorChanges(f, m []word) []sift.ClaimChange {
	in := func(ws []word, s string) bool {
		for _, w := range ws {
			if w.lower == s {
				return true
			}
		}
		return false
	}
	var out []sift.ClaimChange
	used := map[int]bool{}
	seen := map[string]bool{}
	for _, a := range f {
		class, ok := actorClasses[a.lower]
		if !ok || seen[a.lower] || in(m, a.lower) {
			continue
		}
		seen[a.lower] = true
		for j, b := range m {
			if used[j] || actorClasses[b.lower] != class || in(f, b.lower) || singular(a.lower) == singular(b.lower) {
				continue
			}
			used[j] = true
			out = append(out, sift.ClaimChange{Kind: sift.ChangeActor, From: a.text, FromStart: a.start, FromEnd: a.end,
				To: b.text, ToStart: b.start, ToEnd: b.end})
			break
		}
	}
	return out
}

func singular(s string) string { return strings.TrimSuffix(s, "s") }
