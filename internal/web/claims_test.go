package web

import (
	"context"
	"io"
	"log"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/sift-news/sift"
	"github.com/sift-news/sift/internal/analyze"
	"github.com/sift-news/sift/internal/sqlite"
)

// The claim fixture adds claims, made by hand, to the fixture: a ceasefire
// claim both story articles attribute to Varno officials; a claim about a
// dam that Kessel Wire attributes to Mara Olsen and that Varno Daily
// launders (states as fact, with the figure inflated, the hedge dropped and
// the actor renamed), repeated undated by Dravia Today; and a claim made of
// hostile markup, in the hostile article and in another.

const (
	damFirst  = "Mara Olsen said suspected terrorists fired 300 shells at the Kessel dam overnight, according to the regional council.\n\nRepairs begin next week."
	damCopy   = "Rebels fired 3,000 shells at the Kessel dam overnight.\n\nEngineers are assessing the damage."
	damEcho   = "Officials in Kessel say suspected terrorists fired 300 shells at the Kessel dam overnight."
	hostile2  = `Protesters gathered <script>alert("pwned")</script> near the square, the <img src=x onerror=alert(8)> agency said.`
	badOutlet = `<i>Bad</i> Wire`
)

// claimArticles are the articles the claim fixture adds.
const (
	iDamFirst = 5 + iota
	iDamCopy
	iDamEcho
	iHostile2
)

// claimFixture opens the fixture store with the claims above, linked.
func claimFixture(t testing.TB) (*sqlite.DB, []*sift.Article) {
	t.Helper()
	db, arts := fixtureWith(t, func(arts []*sift.Article) []*sift.Article {
		a, b, c, h := arts[0], arts[1], arts[2], arts[3]
		ceasefire := "the ceasefire around Kessel held through the night"
		officials := func(text string) *sift.Ref { return &sift.Ref{Span: spanOf(t, text, "Varno officials")} }
		council := func(text string) []sift.Ref { return []sift.Ref{{Span: spanOf(t, text, "regional council")}} }
		a.Claims = []sift.Claim{{Span: spanOf(t, a.Text, ceasefire), Speaker: officials(a.Text), Via: council(a.Text), Attributed: true}}
		b.Claims = []sift.Claim{{Span: spanOf(t, b.Text, ceasefire), Speaker: officials(b.Text), Via: council(b.Text), Attributed: true}}
		c.Claims = []sift.Claim{{Span: spanOf(t, c.Text, "Aid convoys reached Kessel on Monday."), Via: []sift.Ref{}}}
		h.Claims = []sift.Claim{{Span: spanOf(t, h.Text, `Protesters gathered <script>alert("pwned")</script> near the square.`), Via: []sift.Ref{}}}

		d1 := &sift.Article{Source: "dam1.txt", Title: "Dam shelled overnight", Text: damFirst, Outlet: "Kessel Wire", Published: "2024-03-10"}
		d1.Claims = []sift.Claim{{Span: spanOf(t, damFirst, "suspected terrorists fired 300 shells at the Kessel dam overnight"),
			Speaker: &sift.Ref{Span: spanOf(t, damFirst, "Mara Olsen"), Canonical: "Mara Olsen"}, Via: council(damFirst), Attributed: true}}
		d2 := &sift.Article{Source: "dam2.txt", Title: "Rebels shell the dam", Text: damCopy, Outlet: "Varno Daily", Published: "2024-03-11"}
		d2.Claims = []sift.Claim{{Span: spanOf(t, damCopy, "Rebels fired 3,000 shells at the Kessel dam overnight."), Via: []sift.Ref{}}}
		d3 := &sift.Article{Source: "dam3.txt", Title: "Officials on the dam", Text: damEcho, Outlet: "Dravia Today"}
		d3.Claims = []sift.Claim{{Span: spanOf(t, damEcho, "suspected terrorists fired 300 shells at the Kessel dam overnight"),
			Speaker: &sift.Ref{Span: spanOf(t, damEcho, "Officials in Kessel")}, Via: []sift.Ref{}, Attributed: true}}
		h2 := &sift.Article{Source: "h2.txt", Title: `<script>alert("t2")</script> Square`, Text: hostile2, Outlet: badOutlet, Published: "2024-04-02"}
		h2.Claims = []sift.Claim{{Span: spanOf(t, hostile2, `Protesters gathered <script>alert("pwned")</script> near the square`),
			Speaker: &sift.Ref{Span: spanOf(t, hostile2, `<img src=x onerror=alert(8)> agency`), Canonical: `<img src=x onerror=alert(3)>`},
			Via:     []sift.Ref{}, Attributed: true}}
		for _, x := range []*sift.Article{d1, d2, d3, h2} {
			x.ID = sift.ArticleID(x.Outlet, x.Text)
			x.Language = "en"
			arts = append(arts, x)
		}
		return arts
	})
	link := func(thread *sift.Article, members ...*sift.Article) {
		id := sift.ClaimID(thread.ID, 0)
		var ls []sift.ClaimLink
		for i, m := range append([]*sift.Article{thread}, members...) {
			score := 1.0
			if i > 0 {
				score = 0.8
			}
			ls = append(ls, sift.ClaimLink{Article: m.ID, N: 0, Claim: id, Score: score, Keys: []string{"k" + m.ID}})
		}
		if err := db.SaveClaimLinks(context.Background(), ls); err != nil {
			t.Fatal(err)
		}
	}
	link(arts[0], arts[1])
	link(arts[2])
	link(arts[hostileIndex], arts[iHostile2])
	link(arts[iDamFirst], arts[iDamCopy], arts[iDamEcho])
	return db, arts
}

const hostileIndex = 3

// Thread IDs of the claim fixture.
func ceasefireClaim(arts []*sift.Article) string { return sift.ClaimID(arts[0].ID, 0) }
func damClaim(arts []*sift.Article) string       { return sift.ClaimID(arts[iDamFirst].ID, 0) }
func hostileClaim(arts []*sift.Article) string   { return sift.ClaimID(arts[hostileIndex].ID, 0) }

// newClaimServer serves the claim fixture.
func newClaimServer(t *testing.T) (*httptest.Server, []*sift.Article) {
	t.Helper()
	db, arts := claimFixture(t)
	opt := Options{Pipeline: &analyze.Pipeline{}}
	if !testing.Verbose() {
		opt.ErrorLog = log.New(io.Discard, "", 0)
	}
	srv := httptest.NewServer(New(db, opt))
	t.Cleanup(srv.Close)
	return srv, arts
}

func TestClaimPages(t *testing.T) {
	srv, arts := newClaimServer(t)
	dam := damClaim(arts)
	pages := map[string][]string{
		"/claims": {`href="/claims/` + dam + `"`, "suspected terrorists fired 300 shells", `class="badge laundered"`,
			"figure changed", "hedge dropped", "attribution dropped", "actor renamed", `aria-current="page">Claims`},
		"/claims/" + dam: {`<svg class="chart timeline claim-timeline"`, `class="mark-attributed"`, `class="mark-fact"`,
			`<mark class="chg chg-figure" title="figure changed: 300 → 3,000">3,000</mark>`,
			`<mark class="chg chg-figure" title="figure changed: 300 → 3,000">300</mark>`,
			`<mark class="chg chg-hedge_dropped"`, `<mark class="chg chg-actor_renamed"`,
			`class="badge fact">stated as fact</span>`, `class="badge att">attributed</span>`,
			`<a href="/speakers/Mara%20Olsen">Mara Olsen</a>`, "via regional council",
			`href="/articles/` + arts[iDamCopy].ID + `"`, `href="/articles/` + arts[iDamFirst].ID + `"`,
			`id="mention-3"`, "1 undated mention is listed", `href="#mention-2"`},
		"/claims/" + ceasefireClaim(arts): {"the ceasefire around Kessel held through the night", "Varno officials", "via regional council"},
		"/articles/" + arts[iDamCopy].ID:  {`id="layer-cla"`, `class="cla cla-fact"`, `href="/claims/` + dam + `"`, "3 mentions in 3 outlets"},
		"/articles/" + arts[iDamFirst].ID: {`class="cla cla-att"`, "claim attributed to Mara Olsen via regional council"},
		"/articles/" + arts[2].ID:         {`class="cla cla-fact"`, "made only here"},
		"/stories/" + storyID:             {`id="claims"`, `href="/claims/` + ceasefireClaim(arts) + `"`, `href="/claims?story=` + storyID + `"`},
		"/outlets/Varno%20Daily":          {"Claims this outlet launders", `href="/claims/` + dam + `"`},
		"/speakers/Mara%20Olsen":          {"Claims attributed to Mara Olsen", `href="/claims/` + dam + `"`},
	}
	for path, wants := range pages {
		resp, body := get(t, srv, path)
		if resp.StatusCode != http.StatusOK {
			t.Errorf("GET %s: status %d", path, resp.StatusCode)
			continue
		}
		for _, want := range wants {
			if !strings.Contains(body, want) {
				t.Errorf("GET %s: page lacks %q", path, want)
			}
		}
		if strings.Contains(body, " style=") || strings.Contains(body, "<script>") || strings.Contains(body, "onclick") {
			t.Errorf("GET %s: page has inline style or script, which the CSP would block", path)
		}
		if resp.Header.Get("Content-Security-Policy") != contentSecurityPolicy {
			t.Errorf("GET %s: no Content-Security-Policy", path)
		}
	}
	// The ceasefire is not laundered by Kessel Wire, the dam is by Varno
	// Daily only.
	if _, body := get(t, srv, "/outlets/Kessel%20Wire"); strings.Contains(body, `href="/claims/`+dam+`"`) {
		t.Error("Kessel Wire is said to launder the dam claim it attributed")
	}
	// The story lists only claims repeated in more than one article.
	if _, body := get(t, srv, "/stories/"+storyID); strings.Contains(body, "Aid convoys reached Kessel on Monday.") {
		t.Error("story page lists a claim made only once")
	}
	for _, path := range []string{"/claims/nope", "/claims/" + url.PathEscape("<script>")} {
		if resp, body := get(t, srv, path); resp.StatusCode != http.StatusNotFound || !strings.Contains(body, "<html") {
			t.Errorf("GET %s: status %d, want a 404 page", path, resp.StatusCode)
		}
	}
	for _, q := range []string{"since=yesterday", "since=2024-3-1", "page=0", "page=x", "laundered=maybe", "min=0", "min=x"} {
		if resp, _ := get(t, srv, "/claims?"+q); resp.StatusCode != http.StatusBadRequest {
			t.Errorf("GET /claims?%s: status %d, want 400", q, resp.StatusCode)
		}
	}
}

func TestClaimFilters(t *testing.T) {
	srv, arts := newClaimServer(t)
	dam, cease, host := damClaim(arts), ceasefireClaim(arts), hostileClaim(arts)
	convoys := sift.ClaimID(arts[2].ID, 0)
	all := []string{dam, cease, host, convoys}
	for q, want := range map[string][]string{
		"":                                     all,
		"q=shells":                             {dam},
		"q=KESSEL+dam":                         {dam},
		"q=nothing+like+this":                  {},
		"outlet=Varno+Daily":                   {dam, cease},
		"outlet=Dravia+Today&since=2024-03-05": {dam, convoys},
		"since=2024-03-10":                     {dam, host},
		"speaker=mara":                         {dam},
		"speaker=Varno+officials":              {cease},
		"laundered=1":                          {dam},
		"laundered=1&outlet=Varno+Daily":       {dam},
		"laundered=1&outlet=Kessel+Wire":       {},
		"min=3":                                {dam},
		"min=2":                                {dam, cease, host},
		"story=" + storyID + "&min=2":          {cease},
		"article=" + arts[iDamEcho].ID:         {dam},
		"per_page=1":                           {dam},
		"per_page=1&page=2":                    {cease},
	} {
		for _, page := range []bool{false, true} {
			if page {
				// The page lists the same claims.
				_, body := get(t, srv, "/claims?"+q)
				for _, id := range all {
					in := strings.Contains(body, `href="/claims/`+id+`"`)
					if in != contains(want, id) {
						t.Errorf("/claims?%s: lists %s: %v, want %v", q, id, in, !in)
					}
				}
				continue
			}
			resp, body := get(t, srv, "/api/v1/claims?"+q)
			if resp.StatusCode != http.StatusOK {
				t.Errorf("/api/v1/claims?%s: status %d", q, resp.StatusCode)
				continue
			}
			var res ClaimList
			decode(t, body, &res)
			var got []string
			for _, c := range res.Claims {
				got = append(got, c.ID)
			}
			if !sameSet(got, want) {
				t.Errorf("/api/v1/claims?%s: claims %v, want %v", q, got, want)
			}
			if res.Claims == nil || !strings.Contains(body, `"claims": [`) {
				t.Errorf("/api/v1/claims?%s: no claims array: %s", q, body)
			}
		}
	}
	// Paging: the list says whether more follow.
	var res ClaimList
	_, body := get(t, srv, "/api/v1/claims?per_page=3")
	decode(t, body, &res)
	if len(res.Claims) != 3 || !res.More || res.Page != 1 || res.PerPage != 3 {
		t.Errorf("per_page=3: %d claims, more %v, page %d, per_page %d; want 3, true, 1, 3", len(res.Claims), res.More, res.Page, res.PerPage)
	}
	_, body = get(t, srv, "/api/v1/claims?per_page=3&page=2")
	decode(t, body, &res)
	if len(res.Claims) != 1 || res.More || res.Page != 2 {
		t.Errorf("per_page=3&page=2: %d claims, more %v; want 1, false", len(res.Claims), res.More)
	}
	if _, page := get(t, srv, "/claims?per_page=3"); !strings.Contains(page, `rel="next" href="/claims?page=2&amp;per_page=3"`) {
		t.Error("the first page of claims does not link to the next")
	}
	if _, page := get(t, srv, "/claims?per_page=3&page=2"); strings.Contains(page, `rel="next"`) || !strings.Contains(page, `rel="prev"`) {
		t.Error("the last page of claims links to a next page, or not back")
	}
	for _, q := range []string{"since=yesterday", "since=2024-3-1", "page=0", "per_page=1000", "laundered=maybe", "min=-1"} {
		resp, body := get(t, srv, "/api/v1/claims?"+q)
		var e apiError
		decode(t, body, &e)
		if resp.StatusCode != http.StatusBadRequest || e.Error == "" {
			t.Errorf("/api/v1/claims?%s: status %d, error %q, want 400 with a message", q, resp.StatusCode, e.Error)
		}
	}
}

func sameSet(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for _, x := range a {
		if !contains(b, x) {
			return false
		}
	}
	return true
}

func TestClaimAPI(t *testing.T) {
	srv, arts := newClaimServer(t)
	resp, body := get(t, srv, "/api/v1/claims/"+damClaim(arts))
	if resp.StatusCode != http.StatusOK || !strings.HasPrefix(resp.Header.Get("Content-Type"), "application/json") {
		t.Fatalf("claim: status %d, type %s", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	var c sift.ClaimThread
	decode(t, body, &c)
	if c.ID != damClaim(arts) || len(c.Mentions) != 3 || c.FirstSeen.Outlet != "Kessel Wire" || c.FirstSeen.Published != "2024-03-10" {
		t.Fatalf("claim: %s", body)
	}
	m := c.Mentions[1]
	if m.Outlet != "Varno Daily" || m.Attributed || m.Article != arts[iDamCopy].ID || m.Source != "dam2.txt" {
		t.Errorf("second mention: %+v", m)
	}
	kinds := map[string]sift.ClaimChange{}
	for _, ch := range m.Changes {
		kinds[ch.Kind] = ch
	}
	for _, k := range []string{sift.ChangeFigure, sift.ChangeHedgeDropped, sift.ChangeAttributionDropped, sift.ChangeActor} {
		if _, ok := kinds[k]; !ok {
			t.Errorf("second mention lacks a %s change: %+v", k, m.Changes)
		}
	}
	if f := kinds[sift.ChangeFigure]; f.From != "300" || f.To != "3,000" ||
		string([]rune(damCopy)[f.ToStart:f.ToEnd]) != "3,000" || string([]rune(damFirst)[f.FromStart:f.FromEnd]) != "300" {
		t.Errorf("figure change: %+v", f)
	}
	if c.Mentions[0].Changes == nil || len(c.Mentions[0].Changes) != 0 || c.Mentions[0].Speaker == nil || c.Mentions[0].Speaker.Canonical != "Mara Olsen" {
		t.Errorf("first mention: %+v", c.Mentions[0])
	}
	for _, path := range []string{"/api/v1/claims/nope", "/api/v1/claims/" + url.PathEscape("<script>")} {
		resp, body := get(t, srv, path)
		var e apiError
		decode(t, body, &e)
		if resp.StatusCode != http.StatusNotFound || e.Error == "" {
			t.Errorf("GET %s: status %d, want a JSON 404", path, resp.StatusCode)
		}
	}
	if resp, _ := do(t, srv, http.MethodPost, "/api/v1/claims", "application/json", "", strings.NewReader("{}")); resp.StatusCode != http.StatusMethodNotAllowed {
		t.Errorf("POST /api/v1/claims: status %d, want 405", resp.StatusCode)
	}
}

func TestClaimHostileTextEscaped(t *testing.T) {
	srv, arts := newClaimServer(t)
	host := hostileClaim(arts)
	for _, path := range []string{"/claims", "/claims/" + host, "/claims?q=protesters", "/articles/" + hostileID, "/articles/" + arts[iHostile2].ID,
		"/outlets/" + url.PathEscape(badOutlet), "/speakers/" + url.PathEscape(`<img src=x onerror=alert(3)>`),
		"/claims?speaker=" + url.QueryEscape(`<img src=x onerror=alert(8)>`), "/claims?outlet=" + url.QueryEscape(`<b>"x"</b>`),
		"/claims?q=" + url.QueryEscape(`"><script>alert(9)</script>`)} {
		resp, body := get(t, srv, path)
		if resp.StatusCode != http.StatusOK {
			t.Errorf("GET %s: status %d", path, resp.StatusCode)
			continue
		}
		for _, bad := range []string{"<script>alert", "<img src=x", "<i>Bad</i>", "<b>", `"><script>`} {
			if strings.Contains(body, bad) {
				t.Errorf("GET %s: markup %q reached the page unescaped", path, bad)
			}
		}
	}
	_, body := get(t, srv, "/claims/"+host)
	for _, want := range []string{"Protesters gathered &lt;script&gt;alert(&#34;pwned&#34;)&lt;/script&gt; near the square",
		"&lt;img src=x onerror=alert(3)&gt;", "&lt;i&gt;Bad&lt;/i&gt; Wire"} {
		if !strings.Contains(body, want) {
			t.Errorf("claim page does not show %q as text", want)
		}
	}
	_, body = get(t, srv, "/api/v1/claims/"+host)
	var c sift.ClaimThread
	decode(t, body, &c)
	if !strings.Contains(c.Text, `<script>alert("pwned")</script>`) {
		t.Errorf("the API changed the claim's text: %q", c.Text)
	}
}

func TestMarkText(t *testing.T) {
	text := `Rebels <b>fired</b> 3,000 shells`
	for _, tc := range []struct {
		base  int
		marks []textMark
		want  string
	}{
		{0, nil, `Rebels &lt;b&gt;fired&lt;/b&gt; 3,000 shells`},
		{100, []textMark{{100, 106, sift.ChangeActor, `renamed: "terrorists" → <Rebels>`}, {120, 125, sift.ChangeFigure, "figure"}},
			`<mark class="chg chg-actor_renamed" title="renamed: &#34;terrorists&#34; → &lt;Rebels&gt;">Rebels</mark> &lt;b&gt;fired&lt;/b&gt; <mark class="chg chg-figure" title="figure">3,000</mark> shells`},
		// Outside the wording, empty, reversed, overlapping: left out.
		{100, []textMark{{90, 106, "x", ""}, {120, 200, "x", ""}, {0, 0, "x", ""}, {110, 108, "x", ""}, {120, 125, "a<b", ""}, {121, 123, "y", ""}},
			`Rebels &lt;b&gt;fired&lt;/b&gt; <mark class="chg chg-ab" title="">3,000</mark> shells`},
	} {
		if got := string(markText(text, tc.base, tc.marks)); got != tc.want {
			t.Errorf("markText(base %d, %v):\n got %s\nwant %s", tc.base, tc.marks, got, tc.want)
		}
	}
}
