package web

// SVG charts drawn on the server. They use presentation attributes only (no
// style attributes, no script), so the Content-Security-Policy holds, and
// every label is escaped.

import (
	"fmt"
	"html"
	"html/template"
	"math"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/sift-news/sift"
	"github.com/sift-news/sift/internal/plural"
	"github.com/sift-news/sift/internal/propaganda"
)

// palette colours the rows of charts; chosen to stay readable on white.
var palette = []string{"#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2", "#17becf", "#7f7f7f", "#bcbd22"}

// esc escapes text for SVG content and attribute values.
func esc(s string) string { return html.EscapeString(s) }

// truncate shortens s to at most n code points.
func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// timelineItem is one dot on a timeline.
type timelineItem struct {
	Date  string // YYYY-MM-DD
	Row   string // the row label (outlet)
	Label string // tooltip
	Href  string // link target
	// Mark, when set, draws the dot as a claim's mention: a blue circle
	// for markAttributed, a red diamond for markFact; First rings it as
	// the first mention. Charts with marks carry a legend.
	Mark  string
	First bool
}

// Claim mention marks of a timeline.
const (
	markAttributed = "attributed"
	markFact       = "fact"
)

// timelineSVG draws items as dots, one row per distinct Row, placed by
// date. Items without a readable date are left out (pages list them).
func timelineSVG(items []timelineItem) template.HTML {
	type dot struct {
		t   time.Time
		row int
		it  timelineItem
	}
	var rows []string
	rowOf := map[string]int{}
	var dots []dot
	marked := false
	for _, it := range items {
		marked = marked || it.Mark != ""
		t, err := time.Parse("2006-01-02", it.Date)
		if err != nil {
			continue
		}
		r, ok := rowOf[it.Row]
		if !ok {
			r = len(rows)
			rowOf[it.Row] = r
			rows = append(rows, it.Row)
		}
		dots = append(dots, dot{t, r, it})
	}
	if len(dots) == 0 {
		return ""
	}
	const (
		width, left, right, top, rowH = 760.0, 150.0, 20.0, 10.0, 26.0
	)
	lo, hi := dots[0].t, dots[0].t
	for _, d := range dots {
		if d.t.Before(lo) {
			lo = d.t
		}
		if d.t.After(hi) {
			hi = d.t
		}
	}
	span := hi.Sub(lo).Hours() / 24
	if span < 1 {
		lo = lo.AddDate(0, 0, -1)
		hi = hi.AddDate(0, 0, 1)
		span = 2
	}
	pad := 0.0 // keeps claim markers and their rings clear of the row labels
	if marked {
		pad = 14
	}
	x := func(t time.Time) float64 {
		return left + pad + (width-left-right-2*pad)*(t.Sub(lo).Hours()/24)/span
	}
	height := top + rowH*float64(len(rows)) + 30
	class, aria := "chart timeline", "Timeline of articles by outlet"
	if marked {
		height += 22
		class, aria = "chart timeline claim-timeline", "Timeline of the claim's mentions by outlet: circles attributed, diamonds stated as fact"
	}
	var b strings.Builder
	fmt.Fprintf(&b, `<svg class="%s" viewBox="0 0 %.0f %.0f" role="img" aria-label="%s" xmlns="http://www.w3.org/2000/svg">`, class, width, height, aria)
	for i, r := range rows {
		y := top + rowH*float64(i) + rowH/2
		fmt.Fprintf(&b, `<line x1="%.0f" y1="%.1f" x2="%.0f" y2="%.1f" stroke="#ddd"/>`, left, y, width-right, y)
		fmt.Fprintf(&b, `<text class="row" x="%.0f" y="%.1f" text-anchor="end" dominant-baseline="middle" font-size="12" fill="#333">%s</text>`,
			left-8, y, esc(truncate(r, 22)))
	}
	axisY := top + rowH*float64(len(rows)) + 4
	fmt.Fprintf(&b, `<line x1="%.0f" y1="%.1f" x2="%.0f" y2="%.1f" stroke="#999"/>`, left, axisY, width-right, axisY)
	ticks := timeTicks(lo, hi)
	for i, tick := range ticks {
		anchor := "middle"
		if i == len(ticks)-1 {
			anchor = "end"
		}
		fmt.Fprintf(&b, `<text x="%.1f" y="%.1f" text-anchor="%s" font-size="11" fill="#555">%s</text>`, x(tick), axisY+16, anchor, tick.Format("2006-01-02"))
	}
	for _, d := range dots {
		y := top + rowH*float64(d.row) + rowH/2
		title := esc(d.it.Date + " · " + d.it.Row + " · " + d.it.Label)
		if d.it.Mark != "" {
			b.WriteString(`<a href="` + esc(d.it.Href) + `">`)
			if d.it.First {
				fmt.Fprintf(&b, `<circle class="first" cx="%.1f" cy="%.1f" r="10" fill="none" stroke="#222" stroke-width="1.5"/>`, x(d.t), y)
			}
			writeMark(&b, d.it.Mark, x(d.t), y, title)
			b.WriteString(`</a>`)
			continue
		}
		fmt.Fprintf(&b, `<a href="%s"><circle cx="%.1f" cy="%.1f" r="6" fill="%s" fill-opacity="0.8"><title>%s</title></circle></a>`,
			esc(d.it.Href), x(d.t), y, palette[d.row%len(palette)], title)
	}
	if marked {
		ly := axisY + 36
		writeMark(&b, markAttributed, left+6, ly, "attributed")
		fmt.Fprintf(&b, `<text x="%.0f" y="%.1f" dominant-baseline="middle" font-size="11" fill="#333">attributed</text>`, left+16, ly)
		writeMark(&b, markFact, left+106, ly, "stated as fact")
		fmt.Fprintf(&b, `<text x="%.0f" y="%.1f" dominant-baseline="middle" font-size="11" fill="#333">stated as fact</text>`, left+116, ly)
		fmt.Fprintf(&b, `<circle cx="%.0f" cy="%.1f" r="7" fill="none" stroke="#222" stroke-width="1.5"/>`, left+226, ly)
		fmt.Fprintf(&b, `<text x="%.0f" y="%.1f" dominant-baseline="middle" font-size="11" fill="#333">first seen</text>`, left+238, ly)
	}
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}

// writeMark draws a claim mention's marker centred on (x, y): a blue circle
// when attributed, a red diamond when stated as fact; title is escaped.
func writeMark(b *strings.Builder, mark string, x, y float64, title string) {
	if mark == markFact {
		fmt.Fprintf(b, `<polygon class="mark-fact" points="%.1f,%.1f %.1f,%.1f %.1f,%.1f %.1f,%.1f" fill="#d62728"><title>%s</title></polygon>`,
			x, y-7, x+7, y, x, y+7, x-7, y, title)
		return
	}
	fmt.Fprintf(b, `<circle class="mark-attributed" cx="%.1f" cy="%.1f" r="6" fill="#1f77b4"><title>%s</title></circle>`, x, y, title)
}

// timeTicks returns up to four evenly spaced dates between lo and hi.
func timeTicks(lo, hi time.Time) []time.Time {
	d := hi.Sub(lo)
	var out []time.Time
	for i := 0; i <= 3; i++ {
		out = append(out, lo.Add(time.Duration(float64(d)*float64(i)/3)).Truncate(24*time.Hour))
	}
	return out
}

// barsSVG draws counts as vertical bars in the given order (months), with
// the first, middle and last labels written under the axis.
func barsSVG(counts []sift.Count, label string) template.HTML {
	if len(counts) == 0 {
		return ""
	}
	const width, height, left, bottom, top = 760.0, 200.0, 40.0, 24.0, 10.0
	maxN := 1
	for _, c := range counts {
		maxN = max(maxN, c.N)
	}
	bw := math.Min((width-left-10)/float64(len(counts)), 60)
	var b strings.Builder
	fmt.Fprintf(&b, `<svg class="chart bars" viewBox="0 0 %.0f %.0f" role="img" aria-label="%s" xmlns="http://www.w3.org/2000/svg">`, width, height, esc(label))
	base := height - bottom
	fmt.Fprintf(&b, `<line x1="%.0f" y1="%.0f" x2="%.0f" y2="%.0f" stroke="#999"/>`, left, base, width-10, base)
	fmt.Fprintf(&b, `<text x="%.0f" y="%.0f" text-anchor="end" font-size="11" fill="#555">%d</text>`, left-6, top+8, maxN)
	for i, c := range counts {
		h := (base - top) * float64(c.N) / float64(maxN)
		x := left + bw*float64(i)
		fmt.Fprintf(&b, `<rect x="%.1f" y="%.1f" width="%.1f" height="%.1f" fill="#1f77b4"><title>%s: %d</title></rect>`,
			x+bw*0.1, base-h, math.Max(bw*0.8, 1), h, esc(c.Key), c.N)
		if i == 0 || i == len(counts)-1 || i == len(counts)/2 {
			fmt.Fprintf(&b, `<text x="%.1f" y="%.0f" text-anchor="middle" font-size="11" fill="#555">%s</text>`, x+bw/2, base+16, esc(c.Key))
		}
	}
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}

// profileSVG draws each technique's rate in an outlet next to the store's
// average rate, as pairs of horizontal bars.
func profileSVG(rates []sift.TechniqueRate) template.HTML {
	if len(rates) == 0 {
		return ""
	}
	rs := append([]sift.TechniqueRate(nil), rates...)
	sort.SliceStable(rs, func(i, j int) bool { return rs[i].Rate > rs[j].Rate })
	const width, left, right, rowH = 760.0, 220.0, 60.0, 30.0
	maxR := 0.0
	for _, r := range rs {
		maxR = math.Max(maxR, math.Max(r.Rate, r.StoreRate))
	}
	if maxR == 0 {
		maxR = 1
	}
	height := rowH*float64(len(rs)) + 34
	var b strings.Builder
	fmt.Fprintf(&b, `<svg class="chart profile" viewBox="0 0 %.0f %.0f" role="img" aria-label="Technique rates against the store average" xmlns="http://www.w3.org/2000/svg">`, width, height)
	fmt.Fprintf(&b, `<rect x="%.0f" y="4" width="12" height="10" fill="#d62728"/><text x="%.0f" y="13" font-size="11" fill="#333">this outlet</text>`, left, left+16)
	fmt.Fprintf(&b, `<rect x="%.0f" y="4" width="12" height="10" fill="#bbb"/><text x="%.0f" y="13" font-size="11" fill="#333">store average (spans per 1,000 words)</text>`, left+110, left+126)
	scale := (width - left - right) / maxR
	for i, r := range rs {
		y := 24 + rowH*float64(i)
		fmt.Fprintf(&b, `<text x="%.0f" y="%.1f" text-anchor="end" dominant-baseline="middle" font-size="12" fill="#333">%s</text>`,
			left-8, y+rowH/2-2, esc(truncate(propaganda.Label(r.Technique), 30)))
		fmt.Fprintf(&b, `<rect x="%.0f" y="%.1f" width="%.1f" height="11" fill="#d62728"><title>%s: %.2f per 1,000 words (%d spans)</title></rect>`,
			left, y+2, math.Max(r.Rate*scale, 0.5), esc(propaganda.Label(r.Technique)), r.Rate, r.Spans)
		fmt.Fprintf(&b, `<rect x="%.0f" y="%.1f" width="%.1f" height="11" fill="#bbb"><title>store average: %.2f per 1,000 words</title></rect>`,
			left, y+14, math.Max(r.StoreRate*scale, 0.5), r.StoreRate)
		fmt.Fprintf(&b, `<text x="%.1f" y="%.1f" font-size="11" fill="#333">%.2f</text>`, left+math.Max(r.Rate*scale, 0.5)+4, y+11, r.Rate)
	}
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}

// maxGraphNodes bounds the neighbours drawn around an entity: the rest
// are listed under the graph. maxGraphLinks bounds the links drawn between
// the neighbours.
const (
	maxGraphNodes = 12
	maxGraphLinks = 8
)

// graphSVG draws an entity in the middle and the entities it appears with
// most around it, each labelled with its name and the number of articles
// it shares; edge widths follow that number, and the strongest links
// between the neighbours are drawn faintly. Labels are sized to stay
// inside the drawing.
func graphSVG(center string, related []sift.EntitySummary, links []sift.Count, href func(string) string) template.HTML {
	if len(related) == 0 {
		return ""
	}
	if len(related) > maxGraphNodes {
		related = related[:maxGraphNodes]
	}
	const width, height, labelLen, charW = 760.0, 420.0, 22, 6.8
	cx, cy := width/2, height/2
	longest := 0
	for _, r := range related {
		longest = max(longest, utf8.RuneCountInString(graphLabel(r)))
	}
	// A label at the far left or right starts 12 units from its node and
	// must end inside the drawing.
	rx := math.Min(230, cx-12-charW*float64(min(longest, labelLen+5))-8)
	rx = math.Max(rx, 120)
	ry := 150.0
	pos := map[string][2]float64{center: {cx, cy}}
	maxN := 1
	for _, r := range related {
		maxN = max(maxN, r.Articles)
	}
	for i, r := range related {
		a := 2*math.Pi*float64(i)/float64(len(related)) - math.Pi/2
		pos[r.Canonical] = [2]float64{cx + rx*math.Cos(a), cy + ry*math.Sin(a)}
	}
	var b strings.Builder
	fmt.Fprintf(&b, `<svg class="chart graph" viewBox="0 0 %.0f %.0f" role="img" aria-label="The %s most often mentioned together with %s" xmlns="http://www.w3.org/2000/svg">`,
		width, height, plural.Count(len(related), "entity"), esc(center))
	// Only the strongest links between the neighbours drawn, faintly, or
	// the graph turns into a hairball.
	links = append([]sift.Count(nil), links...)
	sortCounts(links)
	drawn := 0
	for _, l := range links {
		if drawn == maxGraphLinks {
			break
		}
		ends := strings.SplitN(l.Key, "\x00", 2)
		if len(ends) != 2 {
			continue
		}
		p, ok1 := pos[ends[0]]
		q, ok2 := pos[ends[1]]
		if !ok1 || !ok2 || ends[0] == center || ends[1] == center {
			continue
		}
		drawn++
		fmt.Fprintf(&b, `<line class="link" x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="#ddd" stroke-width="%.1f"><title>%s – %s: %s</title></line>`,
			p[0], p[1], q[0], q[1], 1+2*float64(l.N)/float64(maxN), esc(ends[0]), esc(ends[1]), plural.Count(l.N, "shared article"))
	}
	for _, r := range related {
		p := pos[r.Canonical]
		fmt.Fprintf(&b, `<line class="spoke" x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="#1f77b4" stroke-opacity="0.5" stroke-width="%.1f"/>`,
			cx, cy, p[0], p[1], 1+5*float64(r.Articles)/float64(maxN))
	}
	for i, r := range related {
		p := pos[r.Canonical]
		anchor := "middle"
		if p[0] < cx-20 {
			anchor = "end"
		} else if p[0] > cx+20 {
			anchor = "start"
		}
		dx := map[string]float64{"end": -12, "start": 12, "middle": 0}[anchor]
		dy := 4.0
		if anchor == "middle" {
			dy = map[bool]float64{true: -16, false: 24}[p[1] < cy]
		}
		fmt.Fprintf(&b, `<a href="%s"><circle cx="%.1f" cy="%.1f" r="%.1f" fill="%s"><title>%s (%s): %s</title></circle>`+
			`<text class="node" x="%.1f" y="%.1f" text-anchor="%s" font-size="12" fill="#222">%s</text></a>`,
			esc(href(r.Canonical)), p[0], p[1], 5+5*float64(r.Articles)/float64(maxN), palette[i%len(palette)],
			esc(r.Canonical), esc(r.Type), plural.Count(r.Articles, "shared article"), p[0]+dx, p[1]+dy, anchor, esc(graphLabel(r)))
	}
	fmt.Fprintf(&b, `<circle cx="%.1f" cy="%.1f" r="14" fill="#222"/><text x="%.1f" y="%.1f" text-anchor="middle" font-size="13" font-weight="bold" fill="#222">%s</text>`,
		cx, cy, cx, cy+30, esc(truncate(center, 30)))
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}

// graphLabel is a neighbour's label in the graph: its name, shortened,
// and the articles it shares.
func graphLabel(r sift.EntitySummary) string {
	return truncate(r.Canonical, 22) + " (" + strconv.Itoa(r.Articles) + ")"
}

// mentionChart draws the articles mentioning an entity over time: per
// day over a stretch of up to maxDayBars days, else per month, with the
// days or months without any drawn as gaps. With all the dated articles
// on one day there is nothing to chart, and the note says so instead.
func mentionChart(name string, days, months []sift.Count) (chart template.HTML, note string) {
	var ts []time.Time
	var ns []int
	total := 0
	for _, d := range days {
		t, err := time.Parse("2006-01-02", d.Key)
		if err != nil {
			continue
		}
		ts, ns = append(ts, t), append(ns, d.N)
		total += d.N
	}
	if len(ts) == 0 {
		if len(months) > 1 {
			return barsSVG(months, "Articles mentioning "+name+" per month"), ""
		}
		return "", ""
	}
	if len(ts) == 1 {
		return "", "All " + plural.Count(total, "dated article") + " on " + ts[0].Format("2 January 2006") + "."
	}
	first, last := ts[0], ts[len(ts)-1]
	if last.Sub(first).Hours()/24 < maxDayBars {
		byDay := map[string]int{}
		for i, t := range ts {
			byDay[t.Format("2006-01-02")] += ns[i]
		}
		var filled []sift.Count
		for t := first; !t.After(last); t = t.AddDate(0, 0, 1) {
			k := t.Format("2006-01-02")
			filled = append(filled, sift.Count{Key: k, N: byDay[k]})
		}
		return barsSVG(filled, "Articles mentioning "+name+" per day"), ""
	}
	byMonth := map[string]int{}
	for i, t := range ts {
		byMonth[t.Format("2006-01")] += ns[i]
	}
	var filled []sift.Count
	for t := time.Date(first.Year(), first.Month(), 1, 0, 0, 0, 0, time.UTC); !t.After(last); t = t.AddDate(0, 1, 0) {
		k := t.Format("2006-01")
		filled = append(filled, sift.Count{Key: k, N: byMonth[k]})
	}
	return barsSVG(filled, "Articles mentioning "+name+" per month"), ""
}

// maxDayBars is the longest stretch of time charted day by day.
const maxDayBars = 92
