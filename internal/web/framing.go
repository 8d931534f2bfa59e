package web

// Where a story's outlets disagree: its headlines grouped by how they frame
// the event (a report, one side's statement, a denial, loaded wording, a
// question), with the outlets using each, and the figures its claims give
// differently from outlet to outlet.

import (
	"sort"
	"strings"

	"github.com/sift-news/sift"
	"github.com/sift-news/sift/internal/link"
)

// FrameGroup is the headlines of a story that frame it one way.
type FrameGroup struct {
	Kind  string      `json:"kind"` // link.FrameReport, link.FrameClaim, …
	Label string      `json:"label"`
	Heads []FrameHead `json:"headlines"`
}

// FrameHead is one headline of a story with the outlets that ran it.
type FrameHead struct {
	Title   string   `json:"title"`
	Article string   `json:"article"` // the first article with it
	Source  string   `json:"source,omitempty"`
	Loaded  []string `json:"loaded,omitempty"`
	Figures []string `json:"figures,omitempty"`
	Outlets []string `json:"outlets"`
}

// frameOrder and frameLabels name the framings, the neutral first.
var (
	frameOrder  = []string{link.FrameReport, link.FrameClaim, link.FrameDenial, link.FrameLoaded, link.FrameQuestion}
	frameLabels = map[string]string{
		link.FrameReport:   "Report what happened",
		link.FrameClaim:    "Lead with one side’s statement",
		link.FrameDenial:   "Lead with a denial or rebuttal",
		link.FrameLoaded:   "Use loaded wording",
		link.FrameQuestion: "Ask or insinuate",
	}
)

// storyFraming groups a story's headlines by framing (each headline once,
// with every outlet that ran it).
func storyFraming(st *sift.Story) []FrameGroup {
	heads := make([]link.Headline, len(st.Articles))
	for i, m := range st.Articles {
		heads[i] = link.Headline{Title: m.Title, Outlet: m.Outlet, Published: m.Published}
	}
	frames := link.FrameHeadlines(heads)
	groups := map[string]*FrameGroup{}
	type place struct {
		kind string
		i    int
	}
	at := map[string]place{}
	for i, f := range frames {
		if f.Title == "" {
			continue
		}
		m := st.Articles[i]
		key := strings.ToLower(f.Title)
		if p, ok := at[key]; ok {
			h := &groups[p.kind].Heads[p.i]
			if !hasString(h.Outlets, m.Outlet) {
				h.Outlets = append(h.Outlets, m.Outlet)
			}
			continue
		}
		g := groups[f.Kind]
		if g == nil {
			g = &FrameGroup{Kind: f.Kind, Label: frameLabels[f.Kind]}
			groups[f.Kind] = g
		}
		at[key] = place{f.Kind, len(g.Heads)}
		g.Heads = append(g.Heads, FrameHead{Title: f.Title, Article: m.ID, Source: f.Source, Loaded: f.Loaded,
			Figures: f.Figures, Outlets: []string{m.Outlet}})
	}
	out := []FrameGroup{}
	for _, k := range frameOrder {
		if g := groups[k]; g != nil {
			out = append(out, *g)
		}
	}
	return out
}

// FigureDispute is a claim whose figures differ across outlets.
type FigureDispute struct {
	ClaimID string          `json:"claim"`
	Text    string          `json:"text"`
	Figures []FigureOutlets `json:"figures"`
}

// FigureOutlets is one figure and the outlets giving it.
type FigureOutlets struct {
	Figure  string   `json:"figure"`
	Outlets []string `json:"outlets"`
}

// figureDisputes lists the claims of rows whose mentions change a figure,
// with which outlets give which figure.
func figureDisputes(rows []claimRow) []FigureDispute {
	out := []FigureDispute{}
	for _, r := range rows {
		t := r.T
		if t == nil || len(t.Mentions) == 0 {
			continue
		}
		by := map[string][]string{}
		add := func(fig, outlet string) {
			if fig = strings.TrimSpace(fig); fig != "" && !hasString(by[fig], outlet) {
				by[fig] = append(by[fig], outlet)
			}
		}
		first := t.Mentions[0].Outlet
		for _, m := range t.Mentions {
			for _, c := range m.Changes {
				if c.Kind != sift.ChangeFigure {
					continue
				}
				add(c.From, first)
				add(c.To, m.Outlet)
			}
		}
		outlets := map[string]bool{}
		for _, os := range by {
			for _, o := range os {
				outlets[o] = true
			}
		}
		if len(by) < 2 || len(outlets) < 2 {
			continue // one figure, or one outlet correcting itself
		}
		d := FigureDispute{ClaimID: t.ID, Text: t.Text}
		for f, os := range by {
			d.Figures = append(d.Figures, FigureOutlets{Figure: f, Outlets: os})
		}
		sort.Slice(d.Figures, func(i, j int) bool { return d.Figures[i].Figure < d.Figures[j].Figure })
		out = append(out, d)
	}
	return out
}

// hasString reports whether xs holds x.
func hasString(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}
