package web

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/sift-news/sift"
	"github.com/sift-news/sift/internal/sqlite"
)

// The fixture is a small store of fictional articles written for these
// tests: a story told by three outlets (one of them a spun copy), an
// article carrying markup meant to attack the page, and one unrelated
// article.

const (
	storyID    = "s-kessel"
	hostileID  = "hostile"
	spunSource = "Varno officials said the ceasefire around Kessel held through the night, and aid convoys reached the northern districts of Varno before dawn, according to the regional council."
)

// spanOf returns the code point span of the first occurrence of sub in text.
func spanOf(t testing.TB, text, sub string) sift.Span {
	t.Helper()
	i := strings.Index(text, sub)
	if i < 0 {
		t.Fatalf("%q not in %q", sub, text)
	}
	start := utf8.RuneCountInString(text[:i])
	return sift.Span{Start: start, End: start + utf8.RuneCountInString(sub), Text: sub}
}

// fixtureArticles returns the fixture's articles, analysed by hand.
func fixtureArticles(t testing.TB) []*sift.Article {
	first := spunSource + "\n\n" + `"We will not allow the convoys to be stopped again," said Mara Olsen, the council's spokeswoman.`
	copied := strings.ReplaceAll(spunSource, "of Varno", "of the Varnese Republic") +
		"\n\nThe so-called rebels, a gang of criminals, fled the shameful scene, as reported by Kessel Wire."
	hostileText := `Protesters gathered <script>alert("pwned")</script> near the square.` + "\n\n" +
		`A banner read <img src=x onerror=alert(1)> and "quotes" & ampersands.`
	arts := []*sift.Article{
		{Source: "a1.txt", Title: "Ceasefire holds around Kessel", Text: first, Outlet: "Kessel Wire", Published: "2024-03-02",
			Boilerplate: []sift.Boilerplate{{Text: "Subscribe to our newsletter", Reason: "newsletter prompt"}},
			Comments:    []sift.Comment{{Author: "reader1", Text: "Finally some good news."}, {Author: "reader2", Text: "We will see.", Depth: 1}}},
		{Source: "a2.txt", Title: "Varnese Republic says truce holds", Text: copied, Outlet: "Varno Daily", Published: "2024-03-03"},
		{Source: "a3.txt", Title: "Aid reaches Kessel", Text: "Aid convoys reached Kessel on Monday. Mara Olsen welcomed the news, the regional council said.",
			Outlet: "Dravia Today", Published: "2024-03-05"},
		{Source: "h.txt", Title: `<script>alert("title")</script> Rally`, Text: hostileText, Outlet: `Evil <b>Outlet</b>`, Published: "2024-04-01"},
		{Source: "other.txt", Title: "Harvest festival in Dravia", Text: "The harvest festival in Dravia drew large crowds this weekend.", Outlet: "Dravia Today", Published: "2024-05-10"},
	}
	a := arts[0]
	a.Entities = []sift.Entity{
		{Span: spanOf(t, a.Text, "Varno"), Type: sift.LOC, Canonical: "Varno"},
		{Span: spanOf(t, a.Text, "Kessel"), Type: sift.LOC, Canonical: "Kessel"},
		{Span: spanOf(t, a.Text, "Mara Olsen"), Type: sift.PERSON, Canonical: "Mara Olsen", Role: "spokeswoman"},
	}
	a.Quotes = []sift.Quote{{Span: spanOf(t, a.Text, "We will not allow the convoys to be stopped again,"), Kind: sift.Direct,
		Speaker: &sift.Ref{Span: spanOf(t, a.Text, "Mara Olsen"), Canonical: "Mara Olsen"}, Cue: ptr(spanOf(t, a.Text, "said")), Via: []sift.Ref{}}}
	b := arts[1]
	b.Entities = []sift.Entity{
		{Span: spanOf(t, b.Text, "Varnese Republic"), Type: sift.LOC, Canonical: "Varno"},
		{Span: spanOf(t, b.Text, "Kessel"), Type: sift.LOC, Canonical: "Kessel"},
	}
	b.Techniques = []sift.Technique{
		{Start: spanOf(t, b.Text, "a gang of criminals").Start, End: spanOf(t, b.Text, "a gang of criminals").End, Text: "a gang of criminals",
			Technique: "Name_Calling,Labeling", Score: 0.91, Evidence: []string{"label: criminals"}},
		{Start: spanOf(t, b.Text, "shameful").Start, End: spanOf(t, b.Text, "shameful").End, Text: "shameful",
			Technique: "Loaded_Language", Score: 0.74, Evidence: []string{"lexicon: shameful"}},
	}
	b.Quotes = []sift.Quote{{Span: spanOf(t, b.Text, "the ceasefire around Kessel held through the night"), Kind: sift.Indirect,
		Speaker: &sift.Ref{Span: spanOf(t, b.Text, "Varno officials")},
		Via:     []sift.Ref{{Span: spanOf(t, b.Text, "regional council")}}}}
	c := arts[2]
	c.Entities = []sift.Entity{
		{Span: spanOf(t, c.Text, "Kessel"), Type: sift.LOC, Canonical: "Kessel"},
		{Span: spanOf(t, c.Text, "Mara Olsen"), Type: sift.PERSON, Canonical: "Mara Olsen"},
	}
	c.Quotes = []sift.Quote{{Span: spanOf(t, c.Text, "welcomed the news"), Kind: sift.Indirect,
		Speaker: &sift.Ref{Span: spanOf(t, c.Text, "Mara Olsen"), Canonical: "Mara Olsen"}, Via: []sift.Ref{{Span: spanOf(t, c.Text, "regional council")}}}}
	h := arts[3]
	h.Entities = []sift.Entity{{Span: spanOf(t, h.Text, `<script>alert("pwned")</script>`), Type: sift.MISC, Canonical: `<script>alert("pwned")</script>`}}
	h.Quotes = []sift.Quote{{Span: spanOf(t, h.Text, `<img src=x onerror=alert(1)>`), Kind: sift.Direct,
		Speaker: &sift.Ref{Span: spanOf(t, h.Text, "banner"), Canonical: `<img src=x onerror=alert(3)>`}}}
	h.Boilerplate = []sift.Boilerplate{{Text: `<iframe src="javascript:alert(4)">`, Reason: "<b>ad</b>"}}
	h.Comments = []sift.Comment{{Author: `<svg onload=alert(5)>`, Text: `</p><script>alert(6)</script>`}}
	h.URL = "javascript:alert(7)"
	for i, a := range arts {
		a.ID = sift.ArticleID(a.Outlet, a.Text)
		if i == 3 {
			a.ID = hostileID
		}
		a.Language = "en"
		a.Analyzer = map[string]string{"test": "1"}
	}
	return arts
}

func ptr[T any](v T) *T { return &v }

// fixture opens a store holding the fixture articles and story.
func fixture(t testing.TB) (*sqlite.DB, []*sift.Article) {
	t.Helper()
	return fixtureWith(t, nil)
}

// fixtureWith opens a store holding the fixture articles, changed (and
// added to) by more when it is not nil, and the story of the first three.
func fixtureWith(t testing.TB, more func([]*sift.Article) []*sift.Article) (*sqlite.DB, []*sift.Article) {
	t.Helper()
	db, err := sqlite.Open(filepath.Join(t.TempDir(), "sift.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	arts := fixtureArticles(t)
	if more != nil {
		arts = more(arts)
	}
	if _, err := db.PutArticles(context.Background(), arts); err != nil {
		t.Fatal(err)
	}
	addStory(t, db, storyID, "Ceasefire around Kessel", arts[0].ID, arts[1].ID, arts[2].ID)
	return db, arts
}

// addStory records a story the way the linking stage does.
func addStory(t testing.TB, db *sqlite.DB, id, title string, members ...string) {
	t.Helper()
	if _, err := db.SQL().Exec(`INSERT INTO stories(id, title) VALUES (?, ?)`, id, title); err != nil {
		t.Fatal(err)
	}
	for _, m := range members {
		if _, err := db.SQL().Exec(`INSERT INTO story_articles(article_id, story_id) VALUES (?, ?)`, m, id); err != nil {
			t.Fatal(err)
		}
	}
}
