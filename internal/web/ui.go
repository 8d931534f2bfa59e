package web

import (
	"bytes"
	"context"
	"errors"
	"html/template"
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/sift-news/sift"
	"github.com/sift-news/sift/internal/plural"
	"github.com/sift-news/sift/internal/propaganda"
)

// page is a parsed page template.
type page struct {
	tmpl *template.Template
}

// pageNames lists the page templates; each defines "content" and is
// rendered inside layout.html.
var pageNames = []string{"search", "article", "stories", "story", "entities", "entity", "speakers", "speaker", "outlets", "outlet", "claims", "claim", "error"}

// funcs are the template helpers.
var funcs = template.FuncMap{
	"snippet": highlightSnippet,
	"path":    url.PathEscape,
	"tech":    propaganda.Label,
	"outletOr": func(o string) string {
		if o == "" {
			return "outlet unknown"
		}
		return o
	},
	"plural":  plural.Count,
	"noun":    plural.Noun,
	"add":     func(a, b int) int { return a + b },
	"startAt": func(page int) int { return (page-1)*perPage + 1 },
	"pct": func(n, total int) string {
		if total == 0 {
			return "0"
		}
		return strconv.Itoa(100 * n / total)
	},
	"refName":     refName,
	"percent":     func(f float64) float64 { return 100 * f },
	"refp":        func(r *sift.Ref) string { return refName(*r) },
	"changeLabel": changeLabel,
	"attribution": attribution,
	"dateOr": func(d string) string {
		if d == "" {
			return "date unknown"
		}
		return d
	},
}

// parsePages parses every page template with the layout.
func parsePages() map[string]*page {
	out := map[string]*page{}
	for _, name := range pageNames {
		t := template.Must(template.New("layout.html").Funcs(funcs).ParseFS(files, "templates/layout.html", "templates/"+name+".html"))
		out[name] = &page{tmpl: t}
	}
	return out
}

// view is what every page template receives.
type view struct {
	Name  string // site name
	Title string // page title
	Nav   string // the active section
	Q     string // the search box
	Data  any
}

// render writes a page; templates are executed into a buffer first so
// that a failure does not leave half a page.
func (s *server) render(w http.ResponseWriter, r *http.Request, status int, name string, v view) {
	v.Name = s.opt.Name
	var buf bytes.Buffer
	if err := s.pages[name].tmpl.Execute(&buf, v); err != nil {
		http.Error(w, s.internalError(r, err), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}

// errorPage renders an error page.
func (s *server) errorPage(w http.ResponseWriter, r *http.Request, status int, msg string) {
	s.render(w, r, status, "error", view{Title: http.StatusText(status), Data: struct {
		Status  int
		Message string
	}{status, msg}})
}

// pageError answers for an error from the store.
func (s *server) pageError(w http.ResponseWriter, r *http.Request, err error) {
	if errors.Is(err, sift.ErrNotFound) {
		s.errorPage(w, r, http.StatusNotFound, "Nothing is stored under "+r.URL.Path+".")
		return
	}
	var qe *sift.QueryError
	if errors.As(err, &qe) {
		s.errorPage(w, r, http.StatusBadRequest, "Cannot search for "+strconv.Quote(qe.Query)+": "+qe.Reason+".")
		return
	}
	s.errorPage(w, r, http.StatusInternalServerError, s.internalError(r, err))
}

func (s *server) notFoundPage(w http.ResponseWriter, r *http.Request) {
	s.errorPage(w, r, http.StatusNotFound, "There is no page at "+r.URL.Path+".")
}

// searchView is the search page.
type searchView struct {
	params url.Values
	Query  sift.Query
	Page   int
	Total  int
	Stored int
	Hits   []sift.Hit
	// Folded are the hits with copies folded under their original;
	// Flat is set when copies=1 asked for every hit on its own.
	Folded   []sift.FoldedHit
	Flat     bool
	Facets   *sift.Facets
	Outlets  []sift.OutletCount
	LastPage int
	// Ranked is non-zero when more articles matched the text than the
	// store ranks (sift.RankSample): the hits are then the best of the
	// Ranked most recently stored matches.
	Ranked int
}

// Link returns the search URL with one parameter changed ("" removes it)
// and the page reset.
func (v searchView) Link(key, value string) string {
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
	return "/search?" + p.Encode()
}

// MonthLink filters the search to one month (YYYY-MM): from its first day
// to its last. A month key that is not a month (stored dates are scraped
// text) leaves the filters as they are.
func (v searchView) MonthLink(month string) string {
	p := url.Values{}
	for k, vs := range v.params {
		if k != "page" {
			p[k] = vs
		}
	}
	first, err := time.Parse("2006-01", month)
	if err == nil {
		p.Set("since", first.Format(time.DateOnly))
		p.Set("until", first.AddDate(0, 1, -1).Format(time.DateOnly))
	}
	return "/search?" + p.Encode()
}

// PageLink returns the search URL of another page of results.
func (v searchView) PageLink(n int) string {
	p := url.Values{}
	for k, vs := range v.params {
		p[k] = vs
	}
	p.Set("page", strconv.Itoa(n))
	return "/search?" + p.Encode()
}

// Filters lists the active filters with links that remove them.
func (v searchView) Filters() [][3]string {
	var out [][3]string
	for _, f := range []struct{ key, label, val string }{
		{"outlet", "outlet", v.Query.Outlet}, {"since", "since", v.Query.Since}, {"until", "until", v.Query.Until},
		{"entity", "entity", v.Query.Entity}, {"speaker", "speaker", v.Query.Speaker},
		{"technique", "technique", v.Query.Technique}, {"story", "story", v.Query.Story},
	} {
		if f.val != "" {
			out = append(out, [3]string{f.label, f.val, v.Link(f.key, "")})
		}
	}
	return out
}

func (s *server) searchPage(w http.ResponseWriter, r *http.Request) {
	p, err := parseSearch(r)
	if err != nil {
		s.errorPage(w, r, http.StatusBadRequest, err.Error())
		return
	}
	ctx := r.Context()
	v := searchView{params: r.URL.Query(), Query: p.Query, Page: p.Page}
	if wholeStore(p.Query) {
		// Only the unfiltered listing shows (and caches by) the store size.
		if v.Stored, err = s.store.CountArticles(ctx); err != nil {
			s.pageError(w, r, err)
			return
		}
	}
	// The facets are counted while the hits are ranked: two readers.
	var facetErr error
	done := make(chan struct{})
	go func() {
		defer close(done)
		v.Facets, facetErr = s.facets(ctx, p.Query, v.Stored)
	}()
	v.Hits, v.Total, err = s.search(ctx, p.Query)
	<-done
	if err == nil {
		err = facetErr
	}
	if err == nil {
		v.Flat = wantsCopies(r)
		v.Folded, err = s.foldHits(ctx, v.Hits, v.Flat)
	}
	if err != nil {
		if !isBusy(w, err, func(status int, msg string) { s.errorPage(w, r, status, msg) }) {
			s.pageError(w, r, err)
		}
		return
	}
	listed := v.Total
	if v.Ranked = rankedOf(p.Query, v.Total); v.Ranked > 0 {
		listed = v.Ranked
	}
	v.LastPage = min(maxPage, (listed+p.PerPage-1)/p.PerPage)
	title := "Search"
	if p.Query.Text != "" {
		title = p.Query.Text + " – search"
	}
	s.render(w, r, http.StatusOK, "search", view{Title: title, Nav: "search", Q: p.Query.Text, Data: v})
}

// rankedOf returns how many of the total matches of q the store ranked
// when that is not all of them, and 0 otherwise.
func rankedOf(q sift.Query, total int) int {
	if strings.TrimSpace(q.Text) == "" || total <= sift.RankSample {
		return 0
	}
	return sift.RankSample
}

// entityRow is an entity of an article with its mentions.
type entityRow struct {
	Canonical, Type string
	Mentions        int
	Texts           []string
}

// articleView is the article page.
type articleView struct {
	A          *sift.Article
	Body       template.HTML
	Story      string
	Entities   []entityRow
	Techniques []techniqueRow
	Claims     []articleClaim
	Words      int
}

// techniqueRow is a technique span with the text around it.
type techniqueRow struct {
	Name, Text, Before, After string
	Score                     float64
	Evidence                  []string
}

func (s *server) articlePage(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	a, err := s.store.Article(ctx, r.PathValue("id"))
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	v := articleView{A: a, Body: renderBody(a), Words: len(strings.Fields(a.Text))}
	if v.Story, err = s.store.StoryOf(ctx, a.ID); err != nil {
		s.pageError(w, r, err)
		return
	}
	if v.Claims, err = s.articleClaims(ctx, a); err != nil {
		s.pageError(w, r, err)
		return
	}
	idx := map[string]int{}
	for _, e := range a.Entities {
		key := e.Canonical
		if key == "" {
			key = e.Text
		}
		i, ok := idx[key]
		if !ok {
			i = len(v.Entities)
			idx[key] = i
			v.Entities = append(v.Entities, entityRow{Canonical: key, Type: e.Type})
		}
		row := &v.Entities[i]
		row.Mentions++
		if e.Text != key && !contains(row.Texts, e.Text) {
			row.Texts = append(row.Texts, e.Text)
		}
	}
	sort.SliceStable(v.Entities, func(i, j int) bool { return v.Entities[i].Mentions > v.Entities[j].Mentions })
	for _, t := range a.Techniques {
		before, _, after := excerpt(a.Text, t.Start, t.End, 40)
		v.Techniques = append(v.Techniques, techniqueRow{Name: t.Technique, Text: t.Text, Before: before, After: after,
			Score: t.Score, Evidence: t.Evidence})
	}
	title := a.Title
	if title == "" {
		title = "Article " + a.ID
	}
	s.render(w, r, http.StatusOK, "article", view{Title: title, Nav: "search", Data: v})
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// storiesView is the story list.
type storiesView struct {
	Stories []sift.StorySummary
	Total   int
	Page    int
	Next    int
}

func (s *server) storiesPage(w http.ResponseWriter, r *http.Request) {
	page, err := pageParam(r)
	if err != nil {
		s.errorPage(w, r, http.StatusBadRequest, err.Error())
		return
	}
	list, total, err := s.store.ListStories(r.Context(), perPage, (page-1)*perPage)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	v := storiesView{Stories: list, Total: total, Page: page}
	if page*perPage < total && page < maxPage {
		v.Next = page + 1
	}
	s.render(w, r, http.StatusOK, "stories", view{Title: "Stories", Nav: "stories", Data: v})
}

// storyView is the story page.
type storyView struct {
	Story    *sift.Story
	Timeline template.HTML
	First    *sift.StoryArticle
	Outlets  int
	Passages []passageView
	Spun     []passageView
	Claims   []claimRow
	// Framing groups the headlines by how they frame the story; Figures
	// are the claims whose figures differ across outlets.
	Framing []FrameGroup
	Figures []FigureDispute
}

// passageView is a shared passage ready to show side by side.
type passageView struct {
	passage
	Source, Copy template.HTML
	Open         bool // shown unfolded (the first few of each kind)
}

// openPassages is how many passages of each kind are shown unfolded.
const openPassages = 3

func (s *server) storyPage(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	st, err := s.store.Story(ctx, r.PathValue("id"))
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	v := storyView{Story: st}
	outlets := map[string]bool{}
	var items []timelineItem
	for i, m := range st.Articles {
		outlets[m.Outlet] = true
		items = append(items, timelineItem{Date: m.Published, Row: m.Outlet, Label: m.Title, Href: "/articles/" + url.PathEscape(m.ID)})
		if i == 0 && m.Published != "" {
			v.First = &st.Articles[0]
		}
	}
	v.Outlets = len(outlets)
	v.Timeline = timelineSVG(items)
	ps, err := s.storyReuse(ctx, st)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	for _, p := range ps {
		src, cp := sideBySide(p)
		pv := passageView{passage: p, Source: src, Copy: cp}
		if p.Kind == sift.ReuseSpun {
			pv.Open = len(v.Spun) < openPassages
			v.Spun = append(v.Spun, pv)
		} else {
			pv.Open = len(v.Passages) < openPassages
			v.Passages = append(v.Passages, pv)
		}
	}
	if v.Claims, err = s.sectionRows(ctx, sift.ClaimQuery{Story: st.ID, MinMentions: 2}); err != nil {
		s.pageError(w, r, err)
		return
	}
	v.Framing, v.Figures = storyFraming(st), figureDisputes(v.Claims)
	title := st.Title
	if title == "" {
		title = "Story " + st.ID
	}
	s.render(w, r, http.StatusOK, "story", view{Title: title, Nav: "stories", Data: v})
}

// entitiesView is the entity list.
type entitiesView struct {
	Type     string
	Name     string
	Entities []sift.EntitySummary
}

func (s *server) entitiesPage(w http.ResponseWriter, r *http.Request) {
	typ := r.URL.Query().Get("type")
	switch typ {
	case "", sift.PERSON, sift.ORG, sift.LOC, sift.MISC:
	default:
		s.errorPage(w, r, http.StatusBadRequest, "type must be PERSON, ORG, LOC or MISC")
		return
	}
	name := r.URL.Query().Get("name")
	list, err := s.store.ListEntities(r.Context(), typ, name, listLimit)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "entities", view{Title: "Entities", Nav: "entities", Data: entitiesView{typ, name, list}})
}

// entityView is the entity page.
type entityView struct {
	P        *sift.EntityProfile
	Months   template.HTML // articles over time, or "" (TimeNote says why)
	TimeNote string
	Undated  int // articles mentioning it with no date, left out of the chart
	Graph    template.HTML
	Articles []sift.Hit
}

func (s *server) entityPage(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	name := r.PathValue("name")
	p, err := s.store.EntityProfileOf(ctx, name)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	v := entityView{P: p,
		Graph: graphSVG(name, p.Related, p.Links, func(n string) string { return "/entities/" + url.PathEscape(n) }),
	}
	v.Months, v.TimeNote = mentionChart(name, p.Days, p.Months)
	v.Undated = p.Articles
	for _, d := range p.Days {
		v.Undated -= d.N
	}
	if v.Articles, _, err = s.store.Search(ctx, sift.Query{Entity: name, Limit: 10}); err != nil {
		s.pageError(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "entity", view{Title: name, Nav: "entities", Data: v})
}

func (s *server) speakersPage(w http.ResponseWriter, r *http.Request) {
	list, err := s.store.ListSpeakers(r.Context(), listLimit)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "speakers", view{Title: "Speakers", Nav: "speakers", Data: list})
}

// speakerView is the speaker page.
type speakerView struct {
	Name     string
	Total    int
	Page     int
	Next     int
	Timeline template.HTML
	Outlets  []sift.Count
	Quotes   []sift.Statement
	Claims   []claimRow
	// Copies counts the repetitions of the page's statements in copies.
	Copies int
}

func (s *server) speakerPage(w http.ResponseWriter, r *http.Request) {
	name := r.PathValue("name")
	page, err := pageParam(r)
	if err != nil {
		s.errorPage(w, r, http.StatusBadRequest, err.Error())
		return
	}
	const limit = 50
	qs, total, err := s.store.SpeakerStatements(r.Context(), name, limit, (page-1)*limit)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	if total == 0 {
		s.errorPage(w, r, http.StatusNotFound, "No quotes of "+name+" are stored.")
		return
	}
	v := speakerView{Name: name, Total: total, Page: page, Quotes: qs, Outlets: countOutlets(qs)}
	for _, q := range qs {
		v.Copies += len(q.Copies)
	}
	if page*limit < total && page < maxPage {
		v.Next = page + 1
	}
	var items []timelineItem
	for _, q := range qs {
		items = append(items, timelineItem{Date: q.Published, Row: q.Outlet, Label: truncate(q.Text, 120), Href: "/articles/" + url.PathEscape(q.ArticleID)})
	}
	v.Timeline = timelineSVG(items)
	if v.Claims, err = s.sectionRows(r.Context(), sift.ClaimQuery{Speaker: name}); err != nil {
		s.pageError(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "speaker", view{Title: name, Nav: "speakers", Data: v})
}

func (s *server) outletsPage(w http.ResponseWriter, r *http.Request) {
	list, err := s.store.Outlets(r.Context())
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "outlets", view{Title: "Outlets", Nav: "outlets", Data: list})
}

// outletView is the outlet page.
type outletView struct {
	P       *sift.OutletProfile
	Profile template.HTML
	Recent  []sift.Hit
	// Laundered are the claims the outlet states as fact after another
	// mention attributed them.
	Laundered []claimRow
}

func (s *server) outletPage(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	p, err := s.store.OutletProfileOf(ctx, r.PathValue("name"))
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	v := outletView{P: p, Profile: profileSVG(p.Techniques)}
	if v.Recent, _, err = s.store.Search(ctx, sift.Query{Outlet: p.Outlet, Limit: 10}); err != nil {
		s.pageError(w, r, err)
		return
	}
	if v.Laundered, err = s.sectionRows(ctx, sift.ClaimQuery{Outlet: p.Outlet, Laundered: true}); err != nil {
		s.pageError(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "outlet", view{Title: p.Outlet, Nav: "outlets", Data: v})
}

// facetCache keeps the facets of the whole store, which the home page
// shows and which cost a scan of the store to count.
type facetCache struct {
	mu     sync.Mutex
	stored int // articles in the store when counted
	at     time.Time
	facets *sift.Facets
}

// facetTTL is how long whole-store facets are reused while the number of
// stored articles does not change.
const facetTTL = 10 * time.Minute

// wholeStore reports whether q selects every stored article.
func wholeStore(q sift.Query) bool {
	return q.Text == "" && q.Outlet == "" && q.Since == "" && q.Until == "" && q.Entity == "" &&
		q.Speaker == "" && q.Technique == "" && q.Story == ""
}

// facets counts the articles matching q by outlet, month and technique;
// stored is the number of articles in the store.
func (s *server) facets(ctx context.Context, q sift.Query, stored int) (*sift.Facets, error) {
	if !wholeStore(q) {
		return s.searchFacets(ctx, q)
	}
	c := &s.wholeFacets
	c.mu.Lock()
	if c.facets != nil && c.stored == stored && time.Since(c.at) < facetTTL {
		f := c.facets
		c.mu.Unlock()
		return f, nil
	}
	c.mu.Unlock()
	f, err := s.store.SearchFacets(ctx, q)
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	c.facets, c.stored, c.at = f, stored, time.Now()
	c.mu.Unlock()
	return f, nil
}
