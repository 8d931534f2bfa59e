package web

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/sift-news/sift"
	"github.com/sift-news/sift/internal/analyze"
	"github.com/sift-news/sift/internal/ingest"
	"github.com/sift-news/sift/internal/reader"
)

// Paging limits.
const (
	perPage    = 20
	maxPerPage = 100
	maxPage    = 500 // deeper pages are refused rather than scanned
	listLimit  = 100 // entities, speakers listed on one page
)

// isoDate matches the YYYY-MM-DD dates accepted in filters.
var isoDate = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)

// validDate reports whether d is a YYYY-MM-DD date of the calendar
// (2017-04-31 is not).
func validDate(d string) bool {
	if !isoDate.MatchString(d) {
		return false
	}
	_, err := time.Parse(time.DateOnly, d)
	return err == nil
}

// searchParams are a parsed search request.
type searchParams struct {
	Query   sift.Query
	Page    int
	PerPage int
}

// parseSearch reads the search parameters of r.
func parseSearch(r *http.Request) (searchParams, error) {
	v := r.URL.Query()
	p := searchParams{Page: 1, PerPage: perPage}
	q := sift.Query{
		Text:      strings.TrimSpace(v.Get("q")),
		Outlet:    v.Get("outlet"),
		Since:     v.Get("since"),
		Until:     v.Get("until"),
		Entity:    v.Get("entity"),
		Speaker:   v.Get("speaker"),
		Technique: v.Get("technique"),
		Story:     v.Get("story"),
	}
	for name, d := range map[string]string{"since": q.Since, "until": q.Until} {
		if d != "" && !validDate(d) {
			return p, fmt.Errorf("%s must be a date that exists, written YYYY-MM-DD, not %q", name, d)
		}
	}
	if len(q.Text) > 1000 {
		return p, errors.New("query text is longer than 1000 bytes")
	}
	var err error
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
	q.Limit = p.PerPage
	q.Offset = (p.Page - 1) * p.PerPage
	p.Query = q
	return p, nil
}

// writeJSON writes v as JSON with the given status.
func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.Encode(v)
}

// apiError is the body of every error response of the API.
type apiError struct {
	Error string `json:"error"`
}

// writeError writes a JSON error.
func writeError(w http.ResponseWriter, status int, msg string) {
	writeJSON(w, status, apiError{Error: msg})
}

// storeError answers for an error from the store: 404 for sift.ErrNotFound,
// 400 for search text that cannot be searched (saying why), 500 (logged,
// not shown) otherwise.
func (s *server) storeError(w http.ResponseWriter, r *http.Request, err error) {
	if errors.Is(err, sift.ErrNotFound) {
		writeError(w, http.StatusNotFound, "not found: "+r.URL.Path)
		return
	}
	var qe *sift.QueryError
	if errors.As(err, &qe) {
		writeError(w, http.StatusBadRequest, qe.Error())
		return
	}
	writeError(w, http.StatusInternalServerError, s.internalError(r, err))
}

// SearchResult is the answer of GET /api/v1/search.
type SearchResult struct {
	Total   int          `json:"total"`
	Page    int          `json:"page"`
	PerPage int          `json:"per_page"`
	Hits    []APIHit     `json:"hits"`
	Facets  *sift.Facets `json:"facets,omitempty"`
	// Ranked is set when more articles matched the text than the store
	// ranks: the hits are then the best-ranked of the Ranked most recently
	// stored matches, and pages past Ranked are empty. Total still counts
	// every match.
	Ranked int `json:"ranked,omitempty"`
}

// APIHit is a search hit; Snippet is plain text and Matches marks the
// matched words in it (code point offsets).
type APIHit struct {
	ID        string  `json:"id"`
	Title     string  `json:"title"`
	Outlet    string  `json:"outlet"`
	Published string  `json:"published"`
	Source    string  `json:"source"`
	Snippet   string  `json:"snippet"`
	Matches   []Match `json:"matches"`
	Rank      float64 `json:"rank"`
	// CopyOf is the article this hit copies when its original is not
	// among the hits.
	CopyOf string `json:"copy_of,omitempty"`
	// CopyCount and Copies are the hits of the page that copy the same
	// original, folded under this one (copies=1 lists them as hits).
	CopyCount int      `json:"copy_count"`
	Copies    []APIHit `json:"copies,omitempty"`
}

// Match is a highlighted stretch of a snippet, in code points.
type Match struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// plainSnippet removes the \x02 \x03 match marks from a store snippet and
// returns the text with the marked stretches.
func plainSnippet(s string) (string, []Match) {
	var b strings.Builder
	matches := []Match{}
	n, open := 0, -1
	for _, r := range s {
		switch r {
		case '\x02':
			open = n
		case '\x03':
			if open >= 0 {
				matches = append(matches, Match{open, n})
				open = -1
			}
		default:
			b.WriteRune(r)
			n++
		}
	}
	return b.String(), matches
}

func (s *server) apiSearch(w http.ResponseWriter, r *http.Request) {
	p, err := parseSearch(r)
	if err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	hits, total, err := s.search(r.Context(), p.Query)
	if err != nil {
		if !isBusy(w, err, func(status int, msg string) { writeError(w, status, msg) }) {
			s.storeError(w, r, err)
		}
		return
	}
	res := SearchResult{Total: total, Page: p.Page, PerPage: p.PerPage, Hits: []APIHit{}, Ranked: rankedOf(p.Query, total)}
	folded, err := s.foldHits(r.Context(), hits, wantsCopies(r))
	if err != nil {
		s.storeError(w, r, err)
		return
	}
	for _, f := range folded {
		res.Hits = append(res.Hits, apiFolded(f))
	}
	if r.URL.Query().Get("facets") == "1" {
		if res.Facets, err = s.searchFacets(r.Context(), p.Query); err != nil {
			if !isBusy(w, err, func(status int, msg string) { writeError(w, status, msg) }) {
				s.storeError(w, r, err)
			}
			return
		}
	}
	writeJSON(w, http.StatusOK, res)
}

func (s *server) apiArticle(w http.ResponseWriter, r *http.Request) {
	a, err := s.store.Article(r.Context(), r.PathValue("id"))
	if err != nil {
		s.storeError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, a)
}

// PostArticle is the JSON body of POST /api/v1/articles. Text may be plain
// (scraped) text or an HTML page; it is cleaned and analysed.
type PostArticle struct {
	Title     string `json:"title"`
	Text      string `json:"text"`
	URL       string `json:"url"`
	Outlet    string `json:"outlet"`
	Published string `json:"published"`
	Author    string `json:"author"`
}

// PostResult is the answer of POST /api/v1/articles.
type PostResult struct {
	ID      string `json:"id"`
	Created bool   `json:"created"`
	Title   string `json:"title"`
	Outlet  string `json:"outlet"`
	URL     string `json:"url"` // the article in the API
}

func (s *server) apiPostArticle(w http.ResponseWriter, r *http.Request) {
	if status, err := s.authorize(r); err != nil {
		if status == http.StatusUnauthorized {
			w.Header().Set("WWW-Authenticate", `Bearer realm="sift"`)
		}
		writeError(w, status, err.Error())
		return
	}
	body, err := io.ReadAll(r.Body)
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			writeError(w, http.StatusRequestEntityTooLarge, fmt.Sprintf("request body is larger than %d bytes", tooBig.Limit))
			return
		}
		writeError(w, http.StatusBadRequest, "reading request body: "+err.Error())
		return
	}
	var in PostArticle
	ct, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	switch ct {
	case "application/json":
		dec := json.NewDecoder(strings.NewReader(string(body)))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&in); err != nil {
			writeError(w, http.StatusBadRequest, "reading JSON body: "+err.Error())
			return
		}
	case "", "text/plain", "text/html":
		if !utf8.Valid(body) && ct == "" {
			writeError(w, http.StatusUnsupportedMediaType, "send JSON (Content-Type: application/json) or text (text/plain, text/html)")
			return
		}
		in.Text = string(body)
		v := r.URL.Query()
		in.Title, in.URL, in.Outlet, in.Published, in.Author = v.Get("title"), v.Get("url"), v.Get("outlet"), v.Get("published"), v.Get("author")
	default:
		writeError(w, http.StatusUnsupportedMediaType, "send JSON (Content-Type: application/json) or text (text/plain, text/html), not "+ct)
		return
	}
	source := "api"
	if in.URL != "" {
		source = in.URL
	}
	doc, err := reader.Bytes(source, []byte(in.Text))
	if err != nil {
		writeError(w, http.StatusUnprocessableEntity, err.Error())
		return
	}
	if ct == "text/html" {
		doc.Format = sift.FormatHTML
	}
	doc.Title, doc.URL, doc.Outlet, doc.Author = in.Title, in.URL, in.Outlet, in.Author
	if in.Published != "" {
		if doc.Published = reader.NormalizeDate(in.Published, false); doc.Published == "" {
			writeError(w, http.StatusBadRequest, fmt.Sprintf("published: cannot read the date %q (use YYYY-MM-DD)", in.Published))
			return
		}
	}
	a, created, err := s.ingest(r.Context(), doc)
	if err != nil {
		switch {
		case errors.Is(err, analyze.ErrEmpty):
			writeError(w, http.StatusUnprocessableEntity, "no article text left after cleaning")
		case errors.Is(err, errNoIngest):
			writeError(w, http.StatusNotImplemented, err.Error())
		case ingest.IsBadDocument(err):
			writeError(w, http.StatusUnprocessableEntity, err.Error())
		default:
			writeError(w, http.StatusInternalServerError, s.internalError(r, err))
		}
		return
	}
	res := PostResult{ID: a.ID, Created: created, Title: a.Title, Outlet: a.Outlet, URL: "/api/v1/articles/" + a.ID}
	status := http.StatusOK
	if res.Created {
		status = http.StatusCreated
		w.Header().Set("Location", res.URL)
	}
	writeJSON(w, status, res)
}

// pageParam reads the page parameter (1 by default).
func pageParam(r *http.Request) (int, error) {
	s := r.URL.Query().Get("page")
	if s == "" {
		return 1, nil
	}
	p, err := strconv.Atoi(s)
	if err != nil || p < 1 || p > maxPage {
		return 0, fmt.Errorf("page must be a number from 1 to %d, not %q", maxPage, s)
	}
	return p, nil
}

// StoryList is the answer of GET /api/v1/stories.
type StoryList struct {
	Total   int                 `json:"total"`
	Page    int                 `json:"page"`
	Stories []sift.StorySummary `json:"stories"`
}

func (s *server) apiStories(w http.ResponseWriter, r *http.Request) {
	page, err := pageParam(r)
	if err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	list, total, err := s.store.ListStories(r.Context(), perPage, (page-1)*perPage)
	if err != nil {
		s.storeError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, StoryList{Total: total, Page: page, Stories: list})
}

// StoryDetail is the answer of GET /api/v1/stories/{id}: the story's
// articles, earliest first, and the passages they share.
type StoryDetail struct {
	*sift.Story
	FirstPublisher *sift.StoryArticle `json:"first_publisher"`
	Reuse          []sift.Reuse       `json:"reuse"`
	// Framing groups the story's headlines by how they frame it.
	Framing []FrameGroup `json:"framing"`
}

func (s *server) apiStory(w http.ResponseWriter, r *http.Request) {
	st, err := s.store.Story(r.Context(), r.PathValue("id"))
	if err != nil {
		s.storeError(w, r, err)
		return
	}
	d := StoryDetail{Story: st, Reuse: []sift.Reuse{}, Framing: storyFraming(st)}
	if len(st.Articles) > 0 && st.Articles[0].Published != "" {
		d.FirstPublisher = &st.Articles[0]
	}
	reuse, err := s.storyReuse(r.Context(), st)
	if err != nil {
		s.storeError(w, r, err)
		return
	}
	for _, p := range reuse {
		d.Reuse = append(d.Reuse, p.Reuse)
	}
	writeJSON(w, http.StatusOK, d)
}

func (s *server) apiEntities(w http.ResponseWriter, r *http.Request) {
	typ := r.URL.Query().Get("type")
	switch typ {
	case "", sift.PERSON, sift.ORG, sift.LOC, sift.MISC:
	default:
		writeError(w, http.StatusBadRequest, "type must be PERSON, ORG, LOC or MISC, not "+strconv.Quote(typ))
		return
	}
	list, err := s.store.ListEntities(r.Context(), typ, r.URL.Query().Get("name"), listLimit)
	if err != nil {
		s.storeError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"entities": list})
}

func (s *server) apiEntity(w http.ResponseWriter, r *http.Request) {
	p, err := s.store.EntityProfileOf(r.Context(), r.PathValue("name"))
	if err != nil {
		s.storeError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, p)
}

func (s *server) apiSpeakers(w http.ResponseWriter, r *http.Request) {
	list, err := s.store.ListSpeakers(r.Context(), listLimit)
	if err != nil {
		s.storeError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"speakers": list})
}

// SpeakerDetail is the answer of GET /api/v1/speakers/{name} and
// /api/v1/speakers/{name}/quotes.
type SpeakerDetail struct {
	Name    string           `json:"name"`
	Total   int              `json:"total"`
	Page    int              `json:"page"`
	Outlets []sift.Count     `json:"outlets,omitempty"`
	Quotes  []sift.Statement `json:"quotes"`
}

// speaker reads one page of a speaker's statements; ok is false when an
// error was written.
func (s *server) speaker(w http.ResponseWriter, r *http.Request, limit int) (SpeakerDetail, bool) {
	name := r.PathValue("name")
	page, err := pageParam(r)
	if err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return SpeakerDetail{}, false
	}
	qs, total, err := s.store.SpeakerStatements(r.Context(), name, limit, (page-1)*limit)
	if err != nil {
		s.storeError(w, r, err)
		return SpeakerDetail{}, false
	}
	if total == 0 {
		writeError(w, http.StatusNotFound, "no quotes of "+strconv.Quote(name))
		return SpeakerDetail{}, false
	}
	return SpeakerDetail{Name: name, Total: total, Page: page, Quotes: qs}, true
}

func (s *server) apiSpeaker(w http.ResponseWriter, r *http.Request) {
	d, ok := s.speaker(w, r, maxPerPage)
	if !ok {
		return
	}
	d.Outlets = countOutlets(d.Quotes)
	writeJSON(w, http.StatusOK, d)
}

func (s *server) apiSpeakerQuotes(w http.ResponseWriter, r *http.Request) {
	d, ok := s.speaker(w, r, maxPerPage)
	if !ok {
		return
	}
	writeJSON(w, http.StatusOK, d)
}

// countOutlets counts statements per outlet, most first.
func countOutlets(qs []sift.Statement) []sift.Count {
	idx := map[string]int{}
	var out []sift.Count
	for _, q := range qs {
		// A statement counts once for each outlet that ran it, in the
		// article first quoting it or in a copy.
		seen := map[string]bool{}
		outlets := []string{q.Outlet}
		for _, c := range q.Copies {
			outlets = append(outlets, c.Outlet)
		}
		for _, o := range outlets {
			if seen[o] {
				continue
			}
			seen[o] = true
			i, ok := idx[o]
			if !ok {
				i = len(out)
				idx[o] = i
				out = append(out, sift.Count{Key: o})
			}
			out[i].N++
		}
	}
	sortCounts(out)
	return out
}

func (s *server) apiOutlets(w http.ResponseWriter, r *http.Request) {
	list, err := s.store.Outlets(r.Context())
	if err != nil {
		s.storeError(w, r, err)
		return
	}
	if list == nil {
		list = []sift.OutletCount{}
	}
	writeJSON(w, http.StatusOK, map[string]any{"outlets": list})
}

func (s *server) apiOutlet(w http.ResponseWriter, r *http.Request) {
	p, err := s.store.OutletProfileOf(r.Context(), r.PathValue("name"))
	if err != nil {
		s.storeError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, p)
}
