package web

// Claims: the same statement followed from outlet to outlet. The list page
// (/claims) and the claim page (/claims/{id}), their API, and the claim
// sections of the article, story, outlet and speaker pages. Stores return
// claim threads without what changed between mentions; every reader here
// fills that in with claim.Trace.

import (
	"context"
	"errors"
	"fmt"
	"html"
	"html/template"
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"

	"github.com/sift-news/sift"
	"github.com/sift-news/sift/internal/claim"
)

// Claim section limits.
const (
	maxMinMentions = 1000 // the largest min accepted
	sectionClaims  = 20   // claims listed on story, outlet and speaker pages
)

// claimParams are a parsed claim listing request.
type claimParams struct {
	Query   sift.ClaimQuery
	Page    int
	PerPage int
}

// parseClaims reads the claim filters of r: q, outlet, since, speaker,
// laundered, min, story, article, page and per_page. The query asks for
// one claim more than a page, to tell whether another page follows.
func parseClaims(r *http.Request) (claimParams, error) {
	v := r.URL.Query()
	p := claimParams{Page: 1, PerPage: perPage}
	q := sift.ClaimQuery{
		Text:    strings.TrimSpace(v.Get("q")),
		Outlet:  v.Get("outlet"),
		Since:   v.Get("since"),
		Speaker: strings.TrimSpace(v.Get("speaker")),
		Story:   v.Get("story"),
		Article: v.Get("article"),
	}
	if q.Since != "" && !validDate(q.Since) {
		return p, fmt.Errorf("since must be a date that exists, written YYYY-MM-DD, not %q", q.Since)
	}
	if len(q.Text) > 1000 {
		return p, errors.New("query text is longer than 1000 bytes")
	}
	var err error
	if q.Laundered, err = flagParam(v.Get("laundered")); err != nil {
		return p, fmt.Errorf("laundered must be 1 or 0, not %q", v.Get("laundered"))
	}
	if s := v.Get("min"); s != "" {
		if q.MinMentions, err = strconv.Atoi(s); err != nil || q.MinMentions < 1 || q.MinMentions > maxMinMentions {
			return p, fmt.Errorf("min must be a number from 1 to %d, not %q", maxMinMentions, s)
		}
	}
	if s := v.Get("page"); s != "" {
		if p.Page, err = strconv.Atoi(s); err != nil || p.Page < 1 || p.Page > maxPage {
			return p, fmt.Errorf("page must be a number from 1 to %d, not %q", maxPage, s)
		}
	}
	if s := v.Get("per_page"); s != "" {
		if p.PerPage, err = strconv.Atoi(s); err != nil || p.PerPage < 1 || p.PerPage > maxPerPage {
			return p, fmt.Errorf("per_page must be a number from 1 to %d, not %q", maxPerPage, s)
		}
	}
	q.Limit = p.PerPage + 1
	q.Offset = (p.Page - 1) * p.PerPage
	p.Query = q
	return p, nil
}

// flagParam reads a boolean query parameter ("" is false).
func flagParam(s string) (bool, error) {
	switch strings.ToLower(s) {
	case "", "0", "false", "no", "off":
		return false, nil
	case "1", "true", "yes", "on":
		return true, nil
	}
	return false, errors.New("not a boolean")
}

// claims runs a listing: one page of traced claims and whether more follow.
func (s *server) claims(ctx context.Context, p claimParams) ([]sift.ClaimThread, bool, error) {
	ts, err := s.store.Claims(ctx, p.Query)
	if err != nil {
		return nil, false, err
	}
	more := len(ts) > p.PerPage
	if more {
		ts = ts[:p.PerPage]
	}
	for i := range ts {
		claim.Trace(&ts[i])
	}
	return ts, more, nil
}

// ClaimList is the answer of GET /api/v1/claims: one page of claims, those
// with most mentions first, each with every mention and what changed in
// it. More says whether a next page holds more claims.
type ClaimList struct {
	Page    int                `json:"page"`
	PerPage int                `json:"per_page"`
	More    bool               `json:"more"`
	Claims  []sift.ClaimThread `json:"claims"`
}

func (s *server) apiClaims(w http.ResponseWriter, r *http.Request) {
	p, err := parseClaims(r)
	if err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	ts, more, err := s.claims(r.Context(), p)
	if err != nil {
		s.storeError(w, r, err)
		return
	}
	if ts == nil {
		ts = []sift.ClaimThread{}
	}
	writeJSON(w, http.StatusOK, ClaimList{Page: p.Page, PerPage: p.PerPage, More: more, Claims: ts})
}

func (s *server) apiClaim(w http.ResponseWriter, r *http.Request) {
	t, err := s.store.Claim(r.Context(), r.PathValue("id"))
	if err != nil {
		s.storeError(w, r, err)
		return
	}
	claim.Trace(t)
	writeJSON(w, http.StatusOK, t)
}

// claimRow is a claim in a list: the thread and what the list shows of it.
type claimRow struct {
	T          *sift.ClaimThread
	Outlets    int
	Attributed int // mentions attributing it
	Facts      int // mentions stating it as fact
	Laundered  bool
	Kinds      []string // the kinds of change seen, in first-seen order
	Last       string   // the latest mention's date
}

// rowOf summarises a traced thread.
func rowOf(t *sift.ClaimThread) claimRow {
	r := claimRow{T: t, Outlets: len(t.Outlets()), Laundered: laundered(t)}
	seen := map[string]bool{}
	for _, m := range t.Mentions {
		if m.Attributed {
			r.Attributed++
		} else {
			r.Facts++
		}
		if m.Published > r.Last {
			r.Last = m.Published
		}
		for _, c := range m.Changes {
			if !seen[c.Kind] {
				seen[c.Kind] = true
				r.Kinds = append(r.Kinds, c.Kind)
			}
		}
	}
	return r
}

// rowsOf summarises traced threads.
func rowsOf(ts []sift.ClaimThread) []claimRow {
	out := make([]claimRow, 0, len(ts))
	for i := range ts {
		out = append(out, rowOf(&ts[i]))
	}
	return out
}

// laundered reports whether a mention states t as fact after an earlier one
// attributed it.
func laundered(t *sift.ClaimThread) bool {
	attributed := false
	for _, m := range t.Mentions {
		if m.Attributed {
			attributed = true
		} else if attributed {
			return true
		}
	}
	return false
}

// sectionRows lists the claims of q for a section of another page.
func (s *server) sectionRows(ctx context.Context, q sift.ClaimQuery) ([]claimRow, error) {
	q.Limit = sectionClaims
	ts, err := s.store.Claims(ctx, q)
	if err != nil {
		return nil, err
	}
	for i := range ts {
		claim.Trace(&ts[i])
	}
	return rowsOf(ts), nil
}

// claimsView is the claim list page.
type claimsView struct {
	params    url.Values
	Query     sift.ClaimQuery
	Page      int
	Next      int
	Rows      []claimRow
	Outlets   []sift.OutletCount
	Filtered  bool
	StoryName string
}

// Link returns the list URL with one parameter changed ("" removes it) and
// the page reset.
func (v claimsView) Link(key, value string) string {
	p := url.Values{}
	for k, vs := range v.params {
		if k != "page" {
			p[k] = vs
		}
	}
	if value == "" {
		p.Del(key)
	} else {
		p.Set(key, value)
	}
	if len(p) == 0 {
		return "/claims"
	}
	return "/claims?" + p.Encode()
}

// PageLink returns the URL of another page of the list.
func (v claimsView) PageLink(n int) string {
	p := url.Values{}
	for k, vs := range v.params {
		p[k] = vs
	}
	p.Set("page", strconv.Itoa(n))
	return "/claims?" + p.Encode()
}

// Filters lists the active filters with links that remove them.
func (v claimsView) Filters() [][3]string {
	var out [][3]string
	q := v.Query
	min := ""
	if q.MinMentions > 0 {
		min = strconv.Itoa(q.MinMentions)
	}
	laundered := ""
	if q.Laundered {
		laundered = "yes"
	}
	for _, f := range []struct{ key, label, val string }{
		{"q", "words", q.Text}, {"outlet", "outlet", q.Outlet}, {"since", "since", q.Since}, {"speaker", "speaker", q.Speaker},
		{"laundered", "laundered", laundered}, {"min", "at least mentions", min}, {"story", "story", q.Story}, {"article", "article", q.Article},
	} {
		if f.val != "" {
			out = append(out, [3]string{f.label, f.val, v.Link(f.key, "")})
		}
	}
	return out
}

func (s *server) claimsPage(w http.ResponseWriter, r *http.Request) {
	p, err := parseClaims(r)
	if err != nil {
		s.errorPage(w, r, http.StatusBadRequest, err.Error())
		return
	}
	ctx := r.Context()
	ts, more, err := s.claims(ctx, p)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	v := claimsView{params: r.URL.Query(), Query: p.Query, Page: p.Page, Rows: rowsOf(ts)}
	v.Filtered = len(v.Filters()) > 0
	if more && p.Page < maxPage {
		v.Next = p.Page + 1
	}
	if v.Outlets, err = s.store.Outlets(ctx); err != nil {
		s.pageError(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "claims", view{Title: "Claims", Nav: "claims", Data: v})
}

// claimView is the claim page.
type claimView struct {
	T          *sift.ClaimThread
	Row        claimRow
	Timeline   template.HTML
	Undated    int
	First      mentionView
	Later      []mentionView
	Attributed int
	Facts      int
}

// mentionView is one mention of a claim, ready to show next to the first.
type mentionView struct {
	M *sift.ClaimMention
	N int // 1 for the first mention
	// Text is the mention's wording with the changes' To sides marked;
	// FirstText the first mention's wording with their From sides marked.
	Text, FirstText template.HTML
	Changes         []changeView
}

// changeView is a change described for people.
type changeView struct {
	Kind, Label, From, To string
}

// changeLabels name the kinds of change.
var changeLabels = map[string]string{
	sift.ChangeFigure:             "figure changed",
	sift.ChangeHedgeDropped:       "hedge dropped",
	sift.ChangeHedgeAdded:         "hedge added",
	sift.ChangeAttributionDropped: "attribution dropped",
	sift.ChangeAttributionAdded:   "attribution added",
	sift.ChangeSpeaker:            "speaker changed",
	sift.ChangeActor:              "actor renamed",
}

// changeLabel names a kind of change.
func changeLabel(kind string) string {
	if l, ok := changeLabels[kind]; ok {
		return l
	}
	return strings.ReplaceAll(kind, "_", " ")
}

// changeNote is the tooltip of a marked change.
func changeNote(c sift.ClaimChange) string {
	note := changeLabel(c.Kind)
	if c.From != "" || c.To != "" {
		note += ": " + orDash(c.From) + " → " + orDash(c.To)
	}
	return note
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

func (s *server) claimPage(w http.ResponseWriter, r *http.Request) {
	t, err := s.store.Claim(r.Context(), r.PathValue("id"))
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	claim.Trace(t)
	v := claimView{T: t, Row: rowOf(t)}
	var items []timelineItem
	for i := range t.Mentions {
		m := &t.Mentions[i]
		if !isoDate.MatchString(m.Published) {
			v.Undated++
		}
		mark := markFact
		how := "stated as fact"
		if m.Attributed {
			mark = markAttributed
			how = "attributed"
			if who := attribution(m.Claim); who != "" {
				how += " to " + who
			}
		}
		label := how + ": " + truncate(m.Text, 120)
		items = append(items, timelineItem{Date: m.Published, Row: m.Outlet, Label: label,
			Href: "#mention-" + strconv.Itoa(i+1), Mark: mark, First: i == 0})
	}
	v.Timeline = timelineSVG(items)
	first := &t.Mentions[0]
	v.First = mentionView{M: first, N: 1, Text: markText(first.Text, first.Start, nil)}
	for i := 1; i < len(t.Mentions); i++ {
		m := &t.Mentions[i]
		var fromMarks, toMarks []textMark
		var changes []changeView
		for _, c := range m.Changes {
			note := changeNote(c)
			fromMarks = append(fromMarks, textMark{c.FromStart, c.FromEnd, c.Kind, note})
			toMarks = append(toMarks, textMark{c.ToStart, c.ToEnd, c.Kind, note})
			changes = append(changes, changeView{Kind: c.Kind, Label: changeLabel(c.Kind), From: c.From, To: c.To})
		}
		v.Later = append(v.Later, mentionView{M: m, N: i + 1, Changes: changes,
			Text:      markText(m.Text, m.Start, toMarks),
			FirstText: markText(first.Text, first.Start, fromMarks)})
	}
	v.Attributed, v.Facts = v.Row.Attributed, v.Row.Facts
	s.render(w, r, http.StatusOK, "claim", view{Title: truncate(t.Text, 80) + " – claim", Nav: "claims", Data: v})
}

// attribution names who a claim is attributed to, and through whom, or "".
func attribution(c sift.Claim) string {
	var parts []string
	if c.Speaker != nil {
		parts = append(parts, refName(*c.Speaker))
	}
	for i, v := range c.Via {
		if i == 0 && c.Speaker == nil {
			parts = append(parts, refName(v))
			continue
		}
		parts = append(parts, "via "+refName(v))
	}
	return strings.Join(parts, " ")
}

// textMark is a change to mark in a claim's wording: code points into the
// article text, and the kind of change.
type textMark struct {
	start, end int
	kind, note string
}

// markText renders the wording of a claim that starts at code point base of
// its article, with each mark wrapped in <mark class="chg chg-KIND">. Marks
// falling outside the wording, empty ones and ones overlapping an earlier
// mark are left out. Every piece of text is escaped.
func markText(text string, base int, marks []textMark) template.HTML {
	runes := []rune(text)
	n := len(runes)
	var ms []textMark
	for _, m := range marks {
		m.start -= base
		m.end -= base
		if m.start < 0 || m.end > n || m.start >= m.end {
			continue
		}
		ms = append(ms, m)
	}
	sort.SliceStable(ms, func(i, j int) bool {
		if ms[i].start != ms[j].start {
			return ms[i].start < ms[j].start
		}
		return ms[i].end > ms[j].end
	})
	var b strings.Builder
	pos := 0
	for _, m := range ms {
		if m.start < pos {
			continue
		}
		b.WriteString(html.EscapeString(string(runes[pos:m.start])))
		b.WriteString(`<mark class="chg chg-`)
		b.WriteString(cssName(m.kind))
		b.WriteString(`" title="`)
		b.WriteString(html.EscapeString(m.note))
		b.WriteString(`">`)
		b.WriteString(html.EscapeString(string(runes[m.start:m.end])))
		b.WriteString(`</mark>`)
		pos = m.end
	}
	b.WriteString(html.EscapeString(string(runes[pos:])))
	return template.HTML(b.String())
}

// articleClaim is a claim of an article with the thread it belongs to.
type articleClaim struct {
	sift.Claim
	Thread   string // "" when not linked yet
	Mentions int
	Outlets  int
}

// articleClaims pairs the claims of a with their threads.
func (s *server) articleClaims(ctx context.Context, a *sift.Article) ([]articleClaim, error) {
	if len(a.Claims) == 0 {
		return nil, nil
	}
	ts, err := s.store.Claims(ctx, sift.ClaimQuery{Article: a.ID})
	if err != nil {
		return nil, err
	}
	type span struct{ start, end int }
	thread := map[span]*sift.ClaimThread{}
	for i := range ts {
		for _, m := range ts[i].Mentions {
			if m.Article == a.ID {
				thread[span{m.Start, m.End}] = &ts[i]
			}
		}
	}
	out := make([]articleClaim, 0, len(a.Claims))
	for _, c := range a.Claims {
		ac := articleClaim{Claim: c}
		if t := thread[span{c.Start, c.End}]; t != nil {
			ac.Thread, ac.Mentions, ac.Outlets = t.ID, len(t.Mentions), len(t.Outlets())
		}
		out = append(out, ac)
	}
	return out, nil
}
