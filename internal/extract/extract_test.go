package extract

import (
	"compress/gzip"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/sift-news/sift/internal/dataset"
	"github.com/sift-news/sift/internal/textgen"
	"golang.org/x/net/html"
)

// articlePage builds a news page around paragraphs, with the furniture
// real pages carry: navigation, a share bar, a newsletter box, a related
// links list, a footer.
func articlePage(paras []string) string {
	var b strings.Builder
	b.WriteString(`<!DOCTYPE html><html lang="en-GB"><head><title>Harbour reopens after storm | Coastal Times</title>
<meta property="og:site_name" content="Coastal Times">
<meta name="author" content="Jane Marlow">
<meta property="article:published_time" content="2024-03-05T08:00:00Z">
</head><body>
<header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav></header>
<main><article><h1>Harbour reopens after storm</h1>
<div class="share"><a href="#">Facebook</a> <a href="#">Twitter</a> <a href="#">Email</a></div>
`)
	for i, p := range paras {
		fmt.Fprintf(&b, "<p>%s</p>\n", p)
		if i == 1 {
			b.WriteString("<p>Advertisement</p>\n")
		}
	}
	b.WriteString(`<p>Sign up for our newsletter to get the news in your inbox every morning.</p>
</article>
<section class="related"><h3>Related stories</h3><ul>
<li><a href="/a">Storm damage costs rise</a></li><li><a href="/b">Ferry timetable changes</a></li></ul></section>
</main>
<footer><p>© 2024 Coastal Times. All rights reserved.</p></footer></body></html>`)
	return b.String()
}

var storyParas = []string{
	"The harbour reopened on Tuesday morning, three days after the storm tore through the coast and left fishing boats stranded on the quay, the port authority said.",
	"Crews worked through the night to clear debris from the main channel, and the first ferry left shortly after dawn with a full load of passengers and cars.",
	"Local traders said the closure had cost them dearly, but most were relieved that repairs had gone faster than expected after the initial damage reports.",
	"The authority said it would review its storm plans before the winter, including how quickly warnings reach the crews of smaller vessels moored outside.",
}

func TestHTMLArticle(t *testing.T) {
	r, err := HTML(articlePage(storyParas), "https://coastal.example/news/harbour")
	if err != nil {
		t.Fatal(err)
	}
	if r.Title != "Harbour reopens after storm" {
		t.Errorf("title = %q", r.Title)
	}
	if r.Author != "Jane Marlow" || r.Published != "2024-03-05" || r.Outlet != "Coastal Times" || r.Language != "en" {
		t.Errorf("metadata = author %q, published %q, outlet %q, language %q", r.Author, r.Published, r.Outlet, r.Language)
	}
	if len(r.Paragraphs) != len(storyParas) {
		t.Fatalf("got %d paragraphs, want %d:\n%s", len(r.Paragraphs), len(storyParas), strings.Join(r.Paragraphs, "\n"))
	}
	for i, p := range storyParas {
		if r.Paragraphs[i] != p {
			t.Errorf("paragraph %d = %q, want %q", i, r.Paragraphs[i], p)
		}
	}
	reasons := map[string]bool{}
	for _, b := range r.Boilerplate {
		reasons[b.Reason] = true
	}
	for _, want := range []string{reasonAd, reasonNewsletter} {
		if !reasons[want] {
			t.Errorf("no boilerplate removed as %q; removed: %+v", want, r.Boilerplate)
		}
	}
}

func TestFilterRules(t *testing.T) {
	long := strings.Repeat("This sentence is part of the running text of the article. ", 3)
	bs := []block{
		{text: "Harbour reopens", kind: "h"},
		{text: long, kind: "p"},
		{text: "Share this article", kind: "p"},
		{text: "Facebook Twitter WhatsApp Email", kind: "p"},
		{text: "Read more: Storm costs rise", kind: "p"},
		{text: long, kind: "p"},
		{text: "Related articles", kind: "h"},
		{text: "Storm costs rise", kind: "li", linkLen: 16},
		{text: "Ferry changes", kind: "li", linkLen: 13},
		{text: "Tags: storm, harbour", kind: "p"},
		{text: "Follow us on Twitter and Facebook", kind: "p"},
		{text: "Enjoyed this article? Please donate to keep us independent.", kind: "p"},
		{text: "Published:", kind: "p"},
		{text: "Key points", kind: "h"},
		{text: "The harbour is open again", kind: "li"},
	}
	kept, removed := filter(bs, "Harbour reopens")
	want := []string{long, "Key points", "The harbour is open again"}
	if strings.Join(kept, "|") != strings.Join(want, "|") {
		t.Errorf("kept %q, want %q (a repeated paragraph right after itself is dropped; a list of points without links is kept)", kept, want)
	}
	got := map[string]string{}
	for _, b := range removed {
		got[b.Text] = b.Reason
	}
	for text, reason := range map[string]string{
		"Harbour reopens":                   reasonHeadline,
		"Share this article":                reasonShare,
		"Facebook Twitter WhatsApp Email":   reasonShare,
		"Read more: Storm costs rise":       reasonRelated,
		"Related articles":                  reasonRelated,
		"Storm costs rise":                  reasonRelated,
		"Tags: storm, harbour":              reasonTags,
		"Follow us on Twitter and Facebook": reasonSocial,
		"Enjoyed this article? Please donate to keep us independent.": reasonDonation,
		"Published:": reasonLabel,
		long:         reasonDuplicate,
	} {
		if got[text] != reason {
			t.Errorf("%.40q removed as %q, want %q", text, got[text], reason)
		}
	}
}

func TestLongParagraphsAreNeverJudged(t *testing.T) {
	p := "Subscribe to the idea that " + strings.Repeat("the council had no choice but to act, ", 8) + "said the newsletter editor."
	kept, _ := filter([]block{{text: p, kind: "p"}}, "")
	if len(kept) != 1 {
		t.Error("a long paragraph mentioning a newsletter was removed")
	}
}

func TestCleanTitle(t *testing.T) {
	for _, tc := range []struct{ title, h1, site, host, want string }{
		{"Harbour reopens | Coastal Times", "", "Coastal Times", "coastal.example", "Harbour reopens"},
		{"Coastal Times - Harbour reopens", "", "Coastal Times", "", "Harbour reopens"},
		{"Harbour reopens – coastaltimes.com", "", "", "www.coastaltimes.com", "Harbour reopens"},
		{"Harbour reopens after storm - Coastal", "Harbour reopens after storm", "", "", "Harbour reopens after storm"},
		{"Storm: what we know | News", "Coastal Times", "Coastal Times", "", "Storm: what we know"},
		{"Storm | What we know about the damage so far", "", "", "", "Storm | What we know about the damage so far"},
		{"Twelve useful tools for data work | Python, SQL &#x26; AI", "", "", "", "Twelve useful tools for data work"},
		{"", "Harbour reopens", "", "", "Harbour reopens"},
	} {
		if got := cleanTitle(tc.title, tc.h1, tc.site, tc.host); got != tc.want {
			t.Errorf("cleanTitle(%q, %q) = %q, want %q", tc.title, tc.h1, got, tc.want)
		}
	}
}

func TestCleanAuthor(t *testing.T) {
	for in, want := range map[string]string{
		"By Jane Marlow":                       "Jane Marlow",
		"Jane Marlow; Tom Reed; Coastal Times": "Jane Marlow and Tom Reed",
		"A One; B Two; C Three":                "A One, B Two and C Three",
		"Written By":                           "",
		"Author: Jane Marlow":                  "Jane Marlow",
	} {
		if got := cleanAuthor(in, "Coastal Times"); got != want {
			t.Errorf("cleanAuthor(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestBylineFromDOM(t *testing.T) {
	for page, want := range map[string]string{
		`<div><span>Written by</span> <span>Jane Marlow</span></div>`:            "Jane Marlow",
		`<p><a href="https://x.example/author/jane-marlow/">Jane Marlow</a></p>`: "Jane Marlow",
		`<p><a rel="author" href="/j">By Tom Reed</a></p>`:                       "Tom Reed",
		`<p><a href="/author/x">View all posts by this writer 2024</a></p>`:      "",
	} {
		doc, _ := html.Parse(strings.NewReader(page))
		if got := bylineFromDOM(doc); got != want {
			t.Errorf("bylineFromDOM(%s) = %q, want %q", page, got, want)
		}
	}
}

func TestDensityPicksArticleOverSidebar(t *testing.T) {
	var b strings.Builder
	b.WriteString(`<html><body><div id="side"><p>Short teaser one, with a comma.</p><p><a href="/x">A linked teaser that is long enough to count here</a></p></div><div id="story">`)
	for _, p := range storyParas {
		fmt.Fprintf(&b, "<p>%s</p>", p)
	}
	b.WriteString(`</div></body></html>`)
	doc, _ := html.Parse(strings.NewReader(b.String()))
	got := densityBlocks(doc)
	if len(got) != len(storyParas) || got[0].text != storyParas[0] {
		t.Errorf("density blocks = %+v", got)
	}
}

func TestLimits(t *testing.T) {
	huge := "<html><body><p>" + strings.Repeat("a", MaxPageSize) + "</p></body></html>"
	if _, err := HTML(huge, ""); !errors.Is(err, ErrTooLarge) {
		t.Errorf("huge page: %v, want ErrTooLarge", err)
	}
	deep := strings.Repeat("<div>", MaxDepth+10) + "text"
	if _, err := HTML(deep, ""); !errors.Is(err, ErrTooComplex) {
		t.Errorf("deep page: %v, want ErrTooComplex", err)
	}
	many := strings.Repeat("<span>x</span>", MaxElements+1)
	if _, err := HTML(many, ""); !errors.Is(err, ErrTooComplex) {
		t.Errorf("page with too many elements: %v, want ErrTooComplex", err)
	}
	// Unclosed paragraphs and list items do not count as depth.
	flat := "<html><body>" + strings.Repeat("<p>A paragraph that never closes, as old pages do, with some words.", 2000) + "</body></html>"
	if _, err := HTML(flat, ""); errors.Is(err, ErrTooComplex) {
		t.Errorf("flat page with unclosed <p>: %v", err)
	}
}

func TestEntitiesAreNotExpanded(t *testing.T) {
	// HTML has no entity definitions: a "billion laughs" DOCTYPE is inert.
	page := `<!DOCTYPE html [<!ENTITY lol "lollollollollollollollollollol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;">]>
<html><body><article><h1>T</h1><p>` + strings.Repeat("&lol2; ", 50) + strings.Join(storyParas, " ") + `</p></article></body></html>`
	r, err := HTML(page, "")
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(strings.Join(r.Paragraphs, " "), "lollol") {
		t.Error("custom entities were expanded")
	}
}

func TestBrokenHTML(t *testing.T) {
	page := "<html><body><div><article><h1>Harbour reopens</h1><p>" + storyParas[0] + "<p>" + storyParas[1] +
		"</b></i></span><p>" + storyParas[2] + "<table><tr><td>" + storyParas[3]
	r, err := HTML(page, "")
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Join(r.Paragraphs, " ")
	for _, p := range storyParas[:3] {
		if !strings.Contains(text, p) {
			t.Errorf("lost %.40q from broken HTML", p)
		}
	}
}

func TestTokenF1(t *testing.T) {
	p, r, f := TokenF1("the cat sat", "The cat sat on the mat")
	if p != 1 || r != 0.5 || f < 0.66 || f > 0.67 {
		t.Errorf("TokenF1 = %.3f %.3f %.3f, want 1, 0.5, 0.667", p, r, f)
	}
	if _, _, f := TokenF1("", ""); f != 1 {
		t.Error("two empty texts should agree")
	}
	if _, _, f := TokenF1("a a a a", "a"); f >= 0.5 {
		t.Errorf("repeated tokens counted more often than in the reference: F1 %.3f", f)
	}
}

// TestBeatsTrafilaturaOnWCXB checks, on the first pages of the WCXB dev
// set, that HTML's main text scores at least as well as go-trafilatura
// with its fallbacks, and that its titles are right more often.
func TestBeatsTrafilaturaOnWCXB(t *testing.T) {
	if testing.Short() {
		t.Skip("slow")
	}
	dir := dataset.Require(t, "wcxb-dev")
	files, _ := filepath.Glob(filepath.Join(dir, "ground-truth", "*.json"))
	sort.Strings(files)
	files = files[:min(len(files), 60)]
	var base, ours float64
	var baseTitle, oursTitle int
	for _, f := range files {
		page, gold := loadPage(t, dir, f)
		b, _ := Trafilatura(page, gold.URL, true)
		o, _ := HTML(page, gold.URL)
		_, _, fb := TokenF1(strings.Join(b.Paragraphs, "\n"), gold.Truth.MainContent)
		_, _, fo := TokenF1(strings.Join(o.Paragraphs, "\n"), gold.Truth.MainContent)
		base += fb
		ours += fo
		if strings.EqualFold(b.Title, gold.Truth.Title) {
			baseTitle++
		}
		if strings.EqualFold(o.Title, gold.Truth.Title) {
			oursTitle++
		}
	}
	n := float64(len(files))
	t.Logf("%d pages: F1 go-trafilatura+fallback %.3f, sift %.3f; titles %d vs %d", len(files), base/n, ours/n, baseTitle, oursTitle)
	if ours < base {
		t.Errorf("sift F1 %.3f below go-trafilatura %.3f", ours/n, base/n)
	}
	if oursTitle <= baseTitle {
		t.Errorf("sift titles right %d times, go-trafilatura %d", oursTitle, baseTitle)
	}
}

type wcxbGold struct {
	URL   string `json:"url"`
	Truth struct {
		Title       string `json:"title"`
		MainContent string `json:"main_content"`
	} `json:"ground_truth"`
}

func loadPage(t testing.TB, dir, gtPath string) (string, wcxbGold) {
	t.Helper()
	var g wcxbGold
	data, err := os.ReadFile(gtPath)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, &g); err != nil {
		t.Fatal(err)
	}
	id := strings.TrimSuffix(filepath.Base(gtPath), ".json")
	f, err := os.Open(filepath.Join(dir, "html", id+".html.gz"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	raw, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	return strings.ToValidUTF8(string(raw), "\uFFFD"), g
}

func FuzzHTML(f *testing.F) {
	f.Add(articlePage(storyParas))
	f.Add("<html><body><p>one<p>two</body>")
	f.Add("<div><div><table><tr><td><p>x</td></tr></table>")
	f.Add("<!DOCTYPE html [<!ENTITY a \"b\">]><p>&a;&amp;&#0;&#x110000;</p>")
	f.Fuzz(func(t *testing.T, page string) {
		r, err := HTML(page, "https://example.org/a")
		if err != nil {
			return
		}
		for _, p := range r.Paragraphs {
			if p == "" || strings.Contains(p, "\n\n") || p != strings.TrimSpace(p) {
				t.Fatalf("bad paragraph %q", p)
			}
			if utf8.ValidString(page) && !utf8.ValidString(p) {
				t.Fatalf("invalid UTF-8 from valid input: %q", p)
			}
		}
	})
}

func BenchmarkHTML(b *testing.B) {
	var paras []string
	for i := range 12 {
		paras = append(paras, storyParas[i%len(storyParas)]+fmt.Sprintf(" (%d)", i))
	}
	page := articlePage(paras)
	b.SetBytes(int64(len(page)))
	for b.Loop() {
		if _, err := HTML(page, "https://coastal.example/a"); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
}

// BenchmarkHTMLWCXB extracts real pages of the WCXB dev set, which are
// larger and messier than the synthetic page.
func BenchmarkHTMLWCXB(b *testing.B) {
	dir := dataset.Require(b, "wcxb-dev")
	files, _ := filepath.Glob(filepath.Join(dir, "ground-truth", "*.json"))
	sort.Strings(files)
	files = files[:min(len(files), 40)]
	var pages []string
	var urls []string
	for _, f := range files {
		p, g := loadPage(b, dir, f)
		pages = append(pages, p)
		urls = append(urls, g.URL)
	}
	i := 0
	for b.Loop() {
		HTML(pages[i%len(pages)], urls[i%len(pages)])
		i++
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
}

// A page with more text than go-trafilatura is given (its extractor's work
// grows with the square of the text) is extracted by the density
// extractor: every paragraph, and the title from the page.
func TestLargePageExtracted(t *testing.T) {
	page := textgen.HTML(2<<20, false)
	r, err := HTML(page, "https://example.org/plan")
	if err != nil {
		t.Fatal(err)
	}
	if want := strings.Count(page, "<p>"); len(r.Paragraphs) < want*9/10 {
		t.Errorf("%d paragraphs of %d", len(r.Paragraphs), want)
	}
	if r.Title != "River valley plan" {
		t.Errorf("title %q", r.Title)
	}
}
