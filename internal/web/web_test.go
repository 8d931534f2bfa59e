package web

import (
	"encoding/json"
	"io"
	"log"
	"net/http"
	"net/http/httptest"
	"net/url"
	"sort"
	"strings"
	"testing"

	"github.com/sift-news/sift"
	"github.com/sift-news/sift/internal/analyze"
)

const testToken = "s3cret-token"

// newTestServer serves the fixture store.
func newTestServer(t *testing.T, opt Options) (*httptest.Server, []*sift.Article) {
	t.Helper()
	db, arts := fixture(t)
	if opt.Pipeline == nil {
		opt.Pipeline = &analyze.Pipeline{}
	}
	if !testing.Verbose() {
		opt.ErrorLog = log.New(io.Discard, "", 0)
	}
	srv := httptest.NewServer(New(db, opt))
	t.Cleanup(srv.Close)
	return srv, arts
}

// get fetches path and returns the response and its body.
func get(t *testing.T, srv *httptest.Server, path string) (*http.Response, string) {
	t.Helper()
	return do(t, srv, http.MethodGet, path, "", "", nil)
}

func do(t *testing.T, srv *httptest.Server, method, path, contentType, token string, body io.Reader) (*http.Response, string) {
	t.Helper()
	req, err := http.NewRequest(method, srv.URL+path, body)
	if err != nil {
		t.Fatal(err)
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := srv.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp, string(b)
}

// decode parses a JSON body into v, failing the test if it is not JSON.
func decode(t *testing.T, body string, v any) {
	t.Helper()
	if err := json.Unmarshal([]byte(body), v); err != nil {
		t.Fatalf("body is not JSON: %v\n%s", err, body)
	}
}

func TestPagesRenderWithSecurityHeaders(t *testing.T) {
	srv, arts := newTestServer(t, Options{})
	pages := map[string]string{
		"/":                                 "Ceasefire holds around Kessel",
		"/search?q=convoys":                 "<mark>convoys</mark>",
		"/search?technique=Loaded_Language": "Varnese Republic says truce holds",
		"/articles/" + arts[0].ID:           "Mara Olsen",
		"/stories":                          "Ceasefire around Kessel",
		"/stories/" + storyID:               "<svg",
		"/entities":                         "Kessel",
		"/entities/Mara%20Olsen":            "spokeswoman",
		"/speakers":                         "Mara Olsen",
		"/speakers/Mara%20Olsen":            "We will not allow the convoys",
		"/outlets":                          "Varno Daily",
		"/outlets/Varno%20Daily":            "Loaded language",
	}
	for path, want := range pages {
		resp, body := get(t, srv, path)
		if resp.StatusCode != http.StatusOK {
			t.Errorf("GET %s: status %d", path, resp.StatusCode)
			continue
		}
		if !strings.Contains(body, want) {
			t.Errorf("GET %s: page lacks %q", path, want)
		}
		csp := resp.Header.Get("Content-Security-Policy")
		for _, d := range []string{"default-src 'self'", "script-src 'self'", "object-src 'none'", "frame-ancestors 'none'"} {
			if !strings.Contains(csp, d) {
				t.Errorf("GET %s: Content-Security-Policy %q lacks %q", path, csp, d)
			}
		}
		if strings.Contains(csp, "unsafe-inline") {
			t.Errorf("GET %s: Content-Security-Policy allows unsafe-inline", path)
		}
		if resp.Header.Get("X-Content-Type-Options") != "nosniff" {
			t.Errorf("GET %s: no X-Content-Type-Options: nosniff", path)
		}
		if strings.Contains(body, " style=") || strings.Contains(body, "<script>") || strings.Contains(body, "onclick") {
			t.Errorf("GET %s: page has inline style or script, which the CSP would block", path)
		}
	}
	for _, path := range []string{"/articles/nope", "/stories/nope", "/entities/Nobody", "/speakers/Nobody", "/outlets/Nowhere", "/no/such/page"} {
		if resp, body := get(t, srv, path); resp.StatusCode != http.StatusNotFound || !strings.Contains(body, "<html") {
			t.Errorf("GET %s: status %d, want a 404 page", path, resp.StatusCode)
		}
	}
	if resp, _ := get(t, srv, "/search?since=yesterday"); resp.StatusCode != http.StatusBadRequest {
		t.Errorf("bad date: status %d, want 400", resp.StatusCode)
	}
}

func TestScrapedMarkupRendersAsText(t *testing.T) {
	srv, _ := newTestServer(t, Options{})
	for _, path := range []string{"/articles/" + hostileID, "/search?q=protesters", "/search?q=banner", "/", "/outlets",
		"/outlets/" + url.PathEscape("Evil <b>Outlet</b>"), "/entities", "/speakers", "/speakers/" + url.PathEscape("<img src=x onerror=alert(3)>")} {
		resp, body := get(t, srv, path)
		if resp.StatusCode != http.StatusOK {
			t.Errorf("GET %s: status %d", path, resp.StatusCode)
			continue
		}
		for _, bad := range []string{"<script>alert", "<img src=x", "<svg onload", "<iframe", "<b>Outlet</b>", "<b>ad</b>", `href="javascript:`} {
			if strings.Contains(body, bad) {
				t.Errorf("GET %s: scraped markup %q reached the page unescaped", path, bad)
			}
		}
	}
	_, body := get(t, srv, "/articles/"+hostileID)
	for _, want := range []string{"&lt;script&gt;alert(&#34;pwned&#34;)&lt;/script&gt;", "&lt;img src=x onerror=alert(1)&gt;", "&amp; ampersands",
		"&lt;svg onload=alert(5)&gt;", "&lt;iframe src="} {
		if !strings.Contains(body, want) {
			t.Errorf("article page does not show %q as text", want)
		}
	}
}

func TestHighlightSnippetEscapesBeforeMarking(t *testing.T) {
	cases := map[string]string{
		"a \x02match\x03 b":                "a <mark>match</mark> b",
		"<b>\x02x\x03</b>":                 "&lt;b&gt;<mark>x</mark>&lt;/b&gt;",
		"\x02<script>\x03":                 "<mark>&lt;script&gt;</mark>",
		"open \x02never closed":            "open <mark>never closed</mark>",
		"stray \x03 end \x02\x02x\x03\x03": "stray  end <mark>x</mark>",
	}
	for in, want := range cases {
		if got := string(highlightSnippet(in)); got != want {
			t.Errorf("highlightSnippet(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestArticleLayers(t *testing.T) {
	srv, arts := newTestServer(t, Options{})
	_, body := get(t, srv, "/articles/"+arts[1].ID)
	for _, want := range []string{`id="layer-ent"`, `id="layer-quo"`, `id="layer-tec"`,
		`class="ent ent-LOC"`, `class="tec"`, "Name calling or labelling", "label: criminals", "via regional council",
		// Techniques are highlighted from the start; a click on one leads to its evidence.
		`id="layer-tec" checked`, `<a class="factlink" href="#tec-0">`, `id="tec-0"`} {
		if !strings.Contains(body, want) {
			t.Errorf("article page lacks %q", want)
		}
	}
	for _, raw := range []string{"Name_Calling", "Name Calling,Labeling"} {
		if strings.Contains(body, ">"+raw) || strings.Contains(body, "\n"+raw) {
			t.Errorf("article page shows the raw technique name %q", raw)
		}
	}
	_, body = get(t, srv, "/articles/"+arts[0].ID)
	if !strings.Contains(body, "<details") || !strings.Contains(body, "Subscribe to our newsletter") || !strings.Contains(body, "newsletter prompt") {
		t.Error("article page does not offer the removed boilerplate")
	}
	body = body[strings.Index(body, `<div class="body"`):]
	text := body[:strings.Index(body, "</div>")]
	if strings.Contains(text, "Finally some good news") {
		t.Error("reader comments are mixed into the article text")
	}
	if !strings.Contains(body, `class="comments"`) || !strings.Contains(body, "Finally some good news") {
		t.Error("reader comments are not shown apart")
	}
}

func TestRenderBodyOverlapsAndBadOffsets(t *testing.T) {
	a := &sift.Article{Text: "Alpha beta gamma.\n\nDelta epsilon."}
	a.Entities = []sift.Entity{{Span: sift.Span{Start: 0, End: 10, Text: "Alpha beta"}, Type: "PERSON"},
		{Span: sift.Span{Start: 50, End: 60}, Type: "LOC"}, {Span: sift.Span{Start: 5, End: 2}, Type: "LOC"}}
	a.Techniques = []sift.Technique{{Start: 6, End: 30, Text: "beta gamma.\n\nDelta epsi", Technique: "Doubt"}}
	got := string(renderBody(a))
	want := `<p><span class="ent ent-PERSON" title="PERSON">Alpha </span><span class="ent ent-PERSON tec" title="PERSON` + "\n" +
		`Doubt (0.00)"><a class="factlink" href="#tec-0">beta</a></span><span class="tec" title="Doubt (0.00)"><a class="factlink" href="#tec-0"> gamma.</a></span></p>` + "\n" +
		`<p><span class="tec" title="Doubt (0.00)"><a class="factlink" href="#tec-0">Delta epsil</a></span>on.</p>` + "\n"
	if got != want {
		t.Errorf("renderBody:\n got %q\nwant %q", got, want)
	}
}

func TestSearchAPI(t *testing.T) {
	srv, _ := newTestServer(t, Options{})
	resp, body := get(t, srv, "/api/v1/search?q=convoys&facets=1")
	if resp.StatusCode != http.StatusOK || !strings.HasPrefix(resp.Header.Get("Content-Type"), "application/json") {
		t.Fatalf("search: status %d, type %s", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	var res SearchResult
	decode(t, body, &res)
	if res.Total != 3 || len(res.Hits) != 3 || res.Page != 1 {
		t.Fatalf("search convoys: total %d, %d hits, want 3", res.Total, len(res.Hits))
	}
	h := res.Hits[0]
	if strings.ContainsAny(h.Snippet, "\x02\x03") || len(h.Matches) == 0 {
		t.Fatalf("snippet keeps raw marks or lost its matches: %+v", h)
	}
	m := h.Matches[0]
	if got := string([]rune(h.Snippet)[m.Start:m.End]); !strings.EqualFold(got, "convoys") {
		t.Errorf("match marks %q, want convoys", got)
	}
	if res.Facets == nil || len(res.Facets.Outlets) != 3 {
		t.Errorf("facets: %+v, want 3 outlets", res.Facets)
	}
	for q, want := range map[string]int{
		"q=convoys&outlet=Varno+Daily": 1,
		"q=convoys&since=2024-03-03":   2,
		"q=convoys&until=2024-03-02":   1,
		"entity=Mara+Olsen":            2,
		"speaker=Mara+Olsen":           2,
		"technique=Loaded_Language":    1,
		"story=" + storyID:             3,
		"q=convoys&per_page=1&page=2":  3,
		"q=%22unbalanced+AND+(":        0,
	} {
		_, body := get(t, srv, "/api/v1/search?"+q)
		var res SearchResult
		decode(t, body, &res)
		if res.Total != want {
			t.Errorf("search %s: total %d, want %d", q, res.Total, want)
		}
	}
	for _, q := range []string{"since=2024-3-1", "page=0", "page=x", "per_page=1000"} {
		resp, body := get(t, srv, "/api/v1/search?"+q)
		var e apiError
		decode(t, body, &e)
		if resp.StatusCode != http.StatusBadRequest || e.Error == "" {
			t.Errorf("search %s: status %d, error %q, want 400 with a message", q, resp.StatusCode, e.Error)
		}
	}
}

func TestReadAPI(t *testing.T) {
	srv, arts := newTestServer(t, Options{})
	var a sift.Article
	resp, body := get(t, srv, "/api/v1/articles/"+arts[1].ID)
	decode(t, body, &a)
	if resp.StatusCode != 200 || a.ID != arts[1].ID || a.Text != arts[1].Text || len(a.Techniques) != 2 || len(a.Quotes) != 1 {
		t.Fatalf("article: status %d, %+v", resp.StatusCode, a)
	}
	var story StoryDetail
	_, body = get(t, srv, "/api/v1/stories/"+storyID)
	decode(t, body, &story)
	if story.Story == nil || len(story.Articles) != 3 || story.FirstPublisher == nil || story.FirstPublisher.Outlet != "Kessel Wire" {
		t.Fatalf("story: %s", body)
	}
	spun := false
	for _, r := range story.Reuse {
		if r.Kind == sift.ReuseSpun && r.A == arts[1].ID && r.B == arts[0].ID {
			for _, s := range r.Substitutions {
				if s.From == "Varno" && strings.Contains(s.To, "Varnese Republic") {
					spun = true
				}
			}
		}
	}
	if !spun {
		t.Errorf("story reuse lacks the spun copy Varno → the Varnese Republic: %+v", story.Reuse)
	}
	var stories StoryList
	_, body = get(t, srv, "/api/v1/stories")
	decode(t, body, &stories)
	if stories.Total != 1 || stories.Stories[0].Articles != 3 || stories.Stories[0].Outlets != 3 || stories.Stories[0].First != "2024-03-02" {
		t.Errorf("stories: %s", body)
	}
	var ents struct {
		Entities []struct {
			Canonical string
			Articles  int
		}
	}
	_, body = get(t, srv, "/api/v1/entities?type=LOC")
	decode(t, body, &ents)
	if len(ents.Entities) != 2 || ents.Entities[0].Canonical != "Kessel" || ents.Entities[0].Articles != 3 {
		t.Errorf("entities: %s", body)
	}
	_, body = get(t, srv, "/api/v1/entities?name=olse")
	decode(t, body, &ents)
	if len(ents.Entities) != 1 || ents.Entities[0].Canonical != "Mara Olsen" {
		t.Errorf("entities named like olse: %s", body)
	}
	_, body = get(t, srv, "/api/v1/entities?name=%25")
	decode(t, body, &ents)
	if len(ents.Entities) != 0 {
		t.Errorf("a %% in the name filter acts as a wildcard: %s", body)
	}
	var ent struct {
		Canonical string
		Related   []struct{ Canonical string }
		Months    []struct{ Key string }
		Roles     []struct{ Key string }
	}
	_, body = get(t, srv, "/api/v1/entities/Mara%20Olsen")
	decode(t, body, &ent)
	if ent.Canonical != "Mara Olsen" || len(ent.Related) != 2 || len(ent.Months) != 1 || len(ent.Roles) != 1 || ent.Roles[0].Key != "spokeswoman" {
		t.Errorf("entity: %s", body)
	}
	var sp SpeakerDetail
	_, body = get(t, srv, "/api/v1/speakers/Mara%20Olsen")
	decode(t, body, &sp)
	if sp.Total != 2 || len(sp.Quotes) != 2 || sp.Quotes[0].Outlet != "Kessel Wire" || len(sp.Outlets) != 2 {
		t.Errorf("speaker: %s", body)
	}
	_, body = get(t, srv, "/api/v1/speakers/Mara%20Olsen/quotes")
	decode(t, body, &sp)
	if len(sp.Quotes) != 2 || len(sp.Quotes[1].Via) != 1 {
		t.Errorf("speaker quotes: %s", body)
	}
	// A statement of the API is flat: the quote's fields and the
	// article's side by side, with its copies always listed.
	var raw struct{ Quotes []map[string]json.RawMessage }
	decode(t, body, &raw)
	var fields []string
	for k := range raw.Quotes[0] {
		fields = append(fields, k)
	}
	sort.Strings(fields)
	if got, want := strings.Join(fields, " "), "article_id copies cue end kind outlet published speaker start text title via"; got != want {
		t.Errorf("speaker quotes: fields %q, want %q", got, want)
	}
	var out struct {
		Outlet     string
		Articles   int
		Techniques []struct {
			Technique string
			Spans     int
			Rate      float64
			StoreRate float64 `json:"store_rate"`
		}
	}
	_, body = get(t, srv, "/api/v1/outlets/Varno%20Daily")
	decode(t, body, &out)
	if out.Articles != 1 || len(out.Techniques) != 2 || out.Techniques[0].Spans != 1 || out.Techniques[0].Rate <= out.Techniques[0].StoreRate {
		t.Errorf("outlet profile: %s", body)
	}
	for _, path := range []string{"/api/v1/articles/nope", "/api/v1/stories/nope", "/api/v1/entities/Nobody", "/api/v1/speakers/Nobody", "/api/v1/outlets/Nowhere", "/api/v1/nothing"} {
		resp, body := get(t, srv, path)
		var e apiError
		decode(t, body, &e)
		if resp.StatusCode != http.StatusNotFound || e.Error == "" {
			t.Errorf("GET %s: status %d, error %q, want 404 with a message", path, resp.StatusCode, e.Error)
		}
	}
	resp, _ = do(t, srv, http.MethodDelete, "/api/v1/articles/"+arts[0].ID, "", testToken, nil)
	if resp.StatusCode != http.StatusMethodNotAllowed {
		t.Errorf("DELETE: status %d, want 405", resp.StatusCode)
	}
}

func TestPostArticle(t *testing.T) {
	srv, _ := newTestServer(t, Options{Token: testToken})
	post := `{"title": "Bridge reopens in Varno", "text": "The old bridge in Varno reopened on Friday after repairs lasting two years, the city said.", "outlet": "Varno Daily", "published": "2024-06-01"}`

	for _, tc := range []struct {
		name, token string
		status      int
	}{{"no token", "", 401}, {"wrong token", "s3cret-tokeN", 401}, {"prefix of token", "s3cret", 401}} {
		resp, body := do(t, srv, http.MethodPost, "/api/v1/articles", "application/json", tc.token, strings.NewReader(post))
		var e apiError
		decode(t, body, &e)
		if resp.StatusCode != tc.status || e.Error == "" {
			t.Errorf("%s: status %d, error %q, want %d", tc.name, resp.StatusCode, e.Error, tc.status)
		}
	}
	if _, body := get(t, srv, "/api/v1/search?q=bridge"); !strings.Contains(body, `"total": 0`) {
		t.Fatalf("a refused write was stored: %s", body)
	}

	resp, body := do(t, srv, http.MethodPost, "/api/v1/articles", "application/json", testToken, strings.NewReader(post))
	var res PostResult
	decode(t, body, &res)
	if resp.StatusCode != http.StatusCreated || !res.Created || res.ID == "" || resp.Header.Get("Location") != res.URL {
		t.Fatalf("post: status %d, %s", resp.StatusCode, body)
	}
	var a sift.Article
	_, body = get(t, srv, res.URL)
	decode(t, body, &a)
	if a.Title != "Bridge reopens in Varno" || a.Outlet != "Varno Daily" || a.Published != "2024-06-01" || !strings.Contains(a.Text, "old bridge") {
		t.Fatalf("posted article reads back as %+v", a)
	}
	resp, body = do(t, srv, http.MethodPost, "/api/v1/articles", "application/json", testToken, strings.NewReader(post))
	decode(t, body, &res)
	if resp.StatusCode != http.StatusOK || res.Created {
		t.Errorf("second post: status %d, created %v; want 200, not created", resp.StatusCode, res.Created)
	}
	resp, body = do(t, srv, http.MethodPost, "/api/v1/articles?outlet=Dravia+Today&title=Raw", "text/plain", testToken,
		strings.NewReader("Raw text arrives from a scraper with a full sentence about the market in Dravia reopening."))
	decode(t, body, &res)
	if resp.StatusCode != http.StatusCreated || res.Outlet != "Dravia Today" {
		t.Errorf("raw text post: status %d, %s", resp.StatusCode, body)
	}

	for _, tc := range []struct {
		name, ctype, body string
		status            int
	}{
		{"bad JSON", "application/json", `{"title": `, 400},
		{"unknown field", "application/json", `{"txt": "x"}`, 400},
		{"empty text", "application/json", `{"title": "t", "text": "   "}`, 422},
		{"bad date", "application/json", `{"text": "Some words here.", "published": "not a date"}`, 400},
		{"wrong type", "image/png", "x", 415},
	} {
		resp, body := do(t, srv, http.MethodPost, "/api/v1/articles", tc.ctype, testToken, strings.NewReader(tc.body))
		var e apiError
		decode(t, body, &e)
		if resp.StatusCode != tc.status || e.Error == "" {
			t.Errorf("%s: status %d, error %q, want %d", tc.name, resp.StatusCode, e.Error, tc.status)
		}
	}
}

func TestWritesRefusedWithoutConfiguredToken(t *testing.T) {
	srv, _ := newTestServer(t, Options{})
	for _, token := range []string{"", "anything"} {
		resp, body := do(t, srv, http.MethodPost, "/api/v1/articles", "application/json", token, strings.NewReader(`{"text": "Some text."}`))
		var e apiError
		decode(t, body, &e)
		if resp.StatusCode != http.StatusForbidden || !strings.Contains(e.Error, "token") {
			t.Errorf("token %q: status %d, error %q, want 403", token, resp.StatusCode, e.Error)
		}
	}
}

func TestBodySizeLimit(t *testing.T) {
	srv, _ := newTestServer(t, Options{Token: testToken, MaxBody: 1 << 10})
	big := `{"text": "` + strings.Repeat("word ", 1000) + `"}`
	resp, body := do(t, srv, http.MethodPost, "/api/v1/articles", "application/json", testToken, strings.NewReader(big))
	var e apiError
	decode(t, body, &e)
	if resp.StatusCode != http.StatusRequestEntityTooLarge || e.Error == "" {
		t.Errorf("oversized body: status %d, error %q, want 413", resp.StatusCode, e.Error)
	}
}

func TestStoryUsesStoredReuse(t *testing.T) {
	db, arts := fixture(t)
	// A link the linking stage would have stored; the page must show it
	// instead of aligning the articles itself.
	if _, err := db.SQL().Exec(`INSERT INTO reuse(kind, a, b, a_start, a_end, b_start, b_end, similarity, substitutions)
		VALUES ('spun', (SELECT rowid FROM articles WHERE id = ?), (SELECT rowid FROM articles WHERE id = ?), 0, 14, 0, 15, 0.8,
		'[{"from":"Varno","to":"Dravia"}]')`, arts[2].ID, arts[0].ID); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(New(db, Options{Pipeline: &analyze.Pipeline{}, ErrorLog: log.New(io.Discard, "", 0)}))
	defer srv.Close()
	var story StoryDetail
	_, body := get(t, srv, "/api/v1/stories/"+storyID)
	decode(t, body, &story)
	if len(story.Reuse) != 1 || story.Reuse[0].A != arts[2].ID || story.Reuse[0].Substitutions[0].To != "Dravia" {
		t.Fatalf("story reuse: %+v, want the one stored link", story.Reuse)
	}
	_, page := get(t, srv, "/stories/"+storyID)
	if !strings.Contains(page, "<del>Varno</del> → <ins>Dravia</ins>") {
		t.Error("story page does not show the stored substitution")
	}
}

func TestLoopbackServerRefusesOtherHosts(t *testing.T) {
	ok := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {})
	for addr, hosts := range map[string]map[string]int{
		"127.0.0.1:8080": {"127.0.0.1:8080": 200, "localhost:8080": 200, "[::1]:8080": 200, "evil.example:8080": 421, "evil.example": 421},
		"0.0.0.0:8080":   {"evil.example": 200},
	} {
		h := NewServer(addr, ok).Handler
		for host, want := range hosts {
			req := httptest.NewRequest(http.MethodGet, "/", nil)
			req.Host = host
			w := httptest.NewRecorder()
			h.ServeHTTP(w, req)
			if w.Code != want {
				t.Errorf("server on %s, Host %s: status %d, want %d", addr, host, w.Code, want)
			}
		}
	}
}

// TestSearchSaysWhenRankingIsSampled checks that when more articles match
// than the store ranks, the page and the API say so, still give the full
// count, and offer no page past the ranked matches.
func TestSearchSaysWhenRankingIsSampled(t *testing.T) {
	srv, _ := newTestServer(t, Options{})
	defer func(n int) { sift.RankSample = n }(sift.RankSample)
	sift.RankSample = 2
	_, body := get(t, srv, "/api/v1/search?q=convoys&per_page=1")
	var res SearchResult
	decode(t, body, &res)
	if res.Total != 3 || res.Ranked != 2 || len(res.Hits) != 1 {
		t.Fatalf("search convoys with RankSample 2: total %d, ranked %d, %d hits; want 3, 2, 1", res.Total, res.Ranked, len(res.Hits))
	}
	_, body = get(t, srv, "/api/v1/search?q=convoys&per_page=1&page=3")
	decode(t, body, &res)
	if res.Total != 3 || len(res.Hits) != 0 {
		t.Errorf("page 3 of 2 ranked: total %d, %d hits; want 3 and none", res.Total, len(res.Hits))
	}
	_, page := get(t, srv, "/search?q=convoys&per_page=1")
	if !strings.Contains(page, "most recently stored") || !strings.Contains(page, "page 1 of 2") {
		t.Errorf("search page does not say the ranking covers 2 of 3 matches, or offers more than 2 pages")
	}
	sift.RankSample = 3
	_, body = get(t, srv, "/api/v1/search?q=convoys")
	if strings.Contains(body, `"ranked"`) {
		t.Errorf("all matches ranked, but the answer says otherwise: %s", body)
	}
	if _, page := get(t, srv, "/search?q=convoys"); strings.Contains(page, "most recently stored") {
		t.Errorf("all matches ranked, but the page says otherwise")
	}
}
