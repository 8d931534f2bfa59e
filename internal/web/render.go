package web

import (
	"html"
	"html/template"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/sift-news/sift"
	"github.com/sift-news/sift/internal/propaganda"
)

// highlightSnippet turns a store snippet, whose matches sit between \x02
// and \x03, into HTML with <mark> elements. The text is escaped first,
// piece by piece; only the marks become tags, always balanced.
func highlightSnippet(s string) template.HTML {
	var b strings.Builder
	open := false
	for {
		i := strings.IndexAny(s, "\x02\x03")
		if i < 0 {
			b.WriteString(html.EscapeString(s))
			break
		}
		b.WriteString(html.EscapeString(s[:i]))
		switch {
		case s[i] == '\x02' && !open:
			b.WriteString("<mark>")
			open = true
		case s[i] == '\x03' && open:
			b.WriteString("</mark>")
			open = false
		}
		s = s[i+1:]
	}
	if open {
		b.WriteString("</mark>")
	}
	return template.HTML(b.String())
}

// layerSpan is one highlighted stretch of an article: a fact of one layer.
type layerSpan struct {
	start, end int    // code points into the article text
	class      string // CSS classes, from a fixed set
	note       string // tooltip text (escaped when written)
	href       string // a link to the fact's details on the page, or ""
}

// cssName keeps the letters, digits, '_' and '-' of s, so that a value from
// the store can be part of a class name.
func cssName(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '_' || r == '-' {
			return r
		}
		return -1
	}, s)
}

// articleSpans lists the facts of a as highlightable spans.
func articleSpans(a *sift.Article) []layerSpan {
	var out []layerSpan
	for _, e := range a.Entities {
		note := e.Type
		if e.Canonical != "" && e.Canonical != e.Text {
			note += " · " + e.Canonical
		}
		if e.Role != "" {
			note += " · " + e.Role
		}
		out = append(out, layerSpan{e.Start, e.End, "ent ent-" + cssName(e.Type), note, ""})
	}
	for _, q := range a.Quotes {
		note := q.Kind + " quote"
		if q.Speaker != nil {
			note += " by " + refName(*q.Speaker)
		}
		out = append(out, layerSpan{q.Start, q.End, "quo", note, ""})
		if q.Speaker != nil {
			out = append(out, layerSpan{q.Speaker.Start, q.Speaker.End, "spk", "speaker: " + refName(*q.Speaker), ""})
		}
		if q.Cue != nil {
			out = append(out, layerSpan{q.Cue.Start, q.Cue.End, "cue", "cue: " + q.Cue.Text, ""})
		}
		for _, v := range q.Via {
			out = append(out, layerSpan{v.Start, v.End, "via", "reported via " + refName(v), ""})
		}
	}
	for i, t := range a.Techniques {
		note := propaganda.Label(t.Technique) + " (" + strconv.FormatFloat(t.Score, 'f', 2, 64) + ")"
		if len(t.Evidence) > 0 {
			note += ": " + strings.Join(t.Evidence, "; ")
		}
		out = append(out, layerSpan{t.Start, t.End, "tec", note, "#tec-" + strconv.Itoa(i)})
	}
	for _, c := range a.Claims {
		class, note := "cla cla-fact", "claim stated as fact"
		if c.Attributed {
			class, note = "cla cla-att", "claim attributed"
			if who := attribution(c); who != "" {
				note += " to " + who
			}
		}
		out = append(out, layerSpan{c.Start, c.End, class, note, ""})
	}
	return out
}

// refName is the canonical name of a reference, or its text.
func refName(r sift.Ref) string {
	if r.Canonical != "" {
		return r.Canonical
	}
	return r.Text
}

// renderBody renders the text of a as paragraphs in which every fact is
// wrapped in a <span> of its layer's class. Overlapping facts are handled by
// cutting the text at every span boundary: each piece carries the classes
// of all facts covering it. Every piece of text is escaped.
func renderBody(a *sift.Article) template.HTML {
	runes := []rune(a.Text)
	n := len(runes)
	spans := articleSpans(a)
	// Keep only spans inside the text; stored offsets are trusted no more
	// than the text is.
	valid := spans[:0]
	for _, s := range spans {
		if s.start >= 0 && s.end <= n && s.start < s.end {
			valid = append(valid, s)
		}
	}
	spans = valid
	cuts := make([]int, 0, 2*len(spans)+2)
	for _, s := range spans {
		cuts = append(cuts, s.start, s.end)
	}
	paras := a.Paragraphs()
	for _, p := range paras {
		cuts = append(cuts, p.Start, p.End)
	}
	sort.Ints(cuts)
	sort.Slice(spans, func(i, j int) bool { return spans[i].start < spans[j].start })

	var b strings.Builder
	b.Grow(len(a.Text) * 2)
	ci := 0
	var active []layerSpan
	next := 0 // index into spans of the first span not yet activated
	for _, p := range paras {
		b.WriteString("<p>")
		pos := p.Start
		for pos < p.End {
			for ci < len(cuts) && cuts[ci] <= pos {
				ci++
			}
			end := p.End
			if ci < len(cuts) && cuts[ci] < end {
				end = cuts[ci]
			}
			// Activate spans starting at or before pos, drop ended ones.
			for next < len(spans) && spans[next].start <= pos {
				active = append(active, spans[next])
				next++
			}
			kept := active[:0]
			for _, s := range active {
				if s.end > pos {
					kept = append(kept, s)
				}
			}
			active = kept
			writePiece(&b, string(runes[pos:end]), active)
			pos = end
		}
		b.WriteString("</p>\n")
	}
	return template.HTML(b.String())
}

// writePiece writes text escaped, wrapped in a span carrying the classes
// and notes of the facts covering it.
func writePiece(b *strings.Builder, text string, covering []layerSpan) {
	if len(covering) == 0 {
		b.WriteString(html.EscapeString(text))
		return
	}
	var classes, notes []string
	href := ""
	seen := map[string]bool{}
	for _, s := range covering {
		if href == "" {
			href = s.href
		}
		for _, c := range strings.Fields(s.class) {
			if !seen[c] {
				seen[c] = true
				classes = append(classes, c)
			}
		}
		notes = append(notes, s.note)
	}
	b.WriteString(`<span class="`)
	b.WriteString(html.EscapeString(strings.Join(classes, " ")))
	b.WriteString(`" title="`)
	b.WriteString(html.EscapeString(strings.Join(notes, "\n")))
	b.WriteString(`">`)
	if href != "" {
		// The technique's evidence is listed beside the text, a click away.
		b.WriteString(`<a class="factlink" href="`)
		b.WriteString(html.EscapeString(href))
		b.WriteString(`">`)
		b.WriteString(html.EscapeString(text))
		b.WriteString("</a></span>")
		return
	}
	b.WriteString(html.EscapeString(text))
	b.WriteString("</span>")
}

// sortCounts orders counts by decreasing n, then by key.
func sortCounts(cs []sift.Count) {
	sort.Slice(cs, func(i, j int) bool {
		if cs[i].N != cs[j].N {
			return cs[i].N > cs[j].N
		}
		return cs[i].Key < cs[j].Key
	})
}

// excerpt returns the code points [start, end) of text, widened to include
// up to ctx code points on each side, with the part before, the part and
// the part after.
func excerpt(text string, start, end, ctx int) (before, mid, after string) {
	r := []rune(text)
	if start < 0 {
		start = 0
	}
	if end > len(r) {
		end = len(r)
	}
	if start > end {
		start = end
	}
	from, to := max(0, start-ctx), min(len(r), end+ctx)
	// Widen to whole words: no context starts or ends inside a word.
	for ctx > 0 && from > 0 && from > start-ctx-15 && !unicode.IsSpace(r[from-1]) {
		from--
	}
	for from > 0 && from < start && !unicode.IsSpace(r[from-1]) {
		from++
	}
	for ctx > 0 && to < len(r) && to < end+ctx+15 && !unicode.IsSpace(r[to]) {
		to++
	}
	for to < len(r) && to > end && !unicode.IsSpace(r[to]) {
		to--
	}
	before = string(r[from:start])
	if from > 0 {
		before = "…" + before
	}
	after = string(r[end:to])
	if to < len(r) {
		after += "…"
	}
	return before, string(r[start:end]), after
}
