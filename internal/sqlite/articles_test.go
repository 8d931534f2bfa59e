package sqlite

import (
	"context"
	"errors"
	"github.com/sift-news/sift/internal/storetest"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sift-news/sift"
	"github.com/sift-news/sift/internal/cputime"
)

func article(outlet, title, text, published string) *sift.Article {
	return &sift.Article{
		ID: sift.ArticleID(outlet, text), Source: title + ".txt", Title: title, Text: text,
		Outlet: outlet, Published: published, Analyzer: map[string]string{"ner": "t1"},
		Entities: []sift.Entity{{Span: sift.Span{Start: 0, End: 5, Text: text[:5]}, Type: sift.LOC, Canonical: "Varno"}},
		Quotes: []sift.Quote{{Span: sift.Span{Start: 6, End: 10, Text: text[6:10]}, Kind: sift.Direct,
			Speaker: &sift.Ref{Span: sift.Span{Start: 0, End: 5, Text: text[:5]}, Canonical: "Varno"},
			Via:     []sift.Ref{{Span: sift.Span{Start: 0, End: 5, Text: text[:5]}}}}},
		Techniques: []sift.Technique{{Start: 0, End: 5, Text: text[:5], Technique: "Loaded_Language", Score: 0.7, Evidence: []string{"lexicon"}}},
	}
}

func open(t *testing.T) *DB {
	t.Helper()
	db, err := Open(filepath.Join(t.TempDir(), "sift.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func TestPutArticleIsIdempotentAndRoundTrips(t *testing.T) {
	ctx := context.Background()
	db := open(t)
	a := article("Varno Daily", "Ceasefire holds", "Varno ceasefire holds for a third day, officials said.", "2024-03-02")
	for i, want := range []bool{true, false} {
		got, err := db.PutArticle(ctx, a)
		if err != nil || got != want {
			t.Fatalf("put %d: created=%v err=%v, want created=%v", i, got, err, want)
		}
	}
	if n, _ := db.CountArticles(ctx); n != 1 {
		t.Fatalf("stored %d articles, want 1", n)
	}
	b, err := db.Article(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if b.Text != a.Text || b.Outlet != a.Outlet || len(b.Entities) != 1 || b.Entities[0].Canonical != "Varno" ||
		len(b.Quotes) != 1 || b.Quotes[0].Speaker == nil || len(b.Quotes[0].Via) != 1 ||
		len(b.Techniques) != 1 || b.Techniques[0].Evidence[0] != "lexicon" {
		t.Fatalf("round trip lost data: %+v", b)
	}
	if _, err := db.Article(ctx, "nope"); !errors.Is(err, sift.ErrNotFound) {
		t.Fatalf("missing article: err = %v, want ErrNotFound", err)
	}
}

func TestStoreSurvivesReopen(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "s.db")
	db, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	a := article("Wire", "A", "Alpha bravo charlie delta echo.", "2024-01-01")
	if _, err := db.PutArticle(ctx, a); err != nil {
		t.Fatal(err)
	}
	db.Close()
	db, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if n, _ := db.CountArticles(ctx); n != 1 {
		t.Fatalf("after reopen: %d articles, want 1", n)
	}
}

func TestSearch(t *testing.T) {
	ctx := context.Background()
	db := open(t)
	arts := []*sift.Article{
		article("Varno Daily", "Strike on Kessel market", "Kessel market was hit by an air strike on Tuesday, witnesses said.", "2024-03-02"),
		article("Dravia Today", "Talks in Varno", "Ceasefire talks opened in Varno between the ministers.", "2024-03-05"),
		article("Varno Daily", "Ceasefire collapses", "The ceasefire collapsed after shelling near Kessel.", "2024-04-01"),
	}
	if _, err := db.PutArticles(ctx, arts); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		q    sift.Query
		want int
	}{
		{sift.Query{Text: "kessel"}, 2},
		{sift.Query{Text: `"air strike"`}, 1},
		{sift.Query{Text: "cease*"}, 2},
		{sift.Query{Text: "kessel NOT market"}, 1},
		{sift.Query{Text: "kessel", Outlet: "Dravia Today"}, 0},
		{sift.Query{Text: "ceasefire", Since: "2024-03-10"}, 1},
		{sift.Query{Outlet: "Varno Daily"}, 2},
		{sift.Query{Text: `"unbalanced quote AND (`}, 0},
		{sift.Query{Text: "varno", Entity: "Varno"}, 1},
		{sift.Query{Technique: "Loaded_Language"}, 3},
	}
	for _, c := range cases {
		hits, total, err := db.Search(ctx, c.q)
		if err != nil {
			t.Errorf("%+v: %v", c.q, err)
			continue
		}
		if total != c.want || len(hits) != c.want {
			t.Errorf("%+v: %d hits (total %d), want %d", c.q, len(hits), total, c.want)
		}
	}
	hits, _, _ := db.Search(ctx, sift.Query{Text: "strike"})
	if len(hits) != 1 || !strings.Contains(hits[0].Snippet, "\x02strike\x03") {
		t.Fatalf("snippet does not mark the match: %+v", hits)
	}
}

func BenchmarkPutArticles(b *testing.B) {
	ctx := context.Background()
	db, err := Open(filepath.Join(b.TempDir(), "b.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	body := strings.Repeat("The ceasefire in the northern province held for a third day, officials in Varno said on Tuesday. ", 30)
	b.ResetTimer()
	cpu := cputime.Seconds()
	batch := make([]*sift.Article, 0, 100)
	for i := 0; i < b.N; i++ {
		text := body + strings.Repeat("x", i%97) + " " + string(rune('a'+i%26)) + " " + strings.Repeat("y", i/97)
		batch = append(batch, &sift.Article{ID: sift.ArticleID("o", text), Source: "s", Title: "t", Text: text, Outlet: "o"})
		if len(batch) == cap(batch) || i == b.N-1 {
			if _, err := db.PutArticles(ctx, batch); err != nil {
				b.Fatal(err)
			}
			batch = batch[:0]
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
	if used := cputime.Seconds() - cpu; used > 0 {
		b.ReportMetric(float64(b.N)/used, "articles/cpu-s")
	}
}

// BenchmarkPutArticlesAnalysed stores generated articles with entities
// and quotes (storetest.GenArticle), so that most of the time goes to the
// rows of their facts, in batches of 200 as ingest does.
func BenchmarkPutArticlesAnalysed(b *testing.B) {
	ctx := context.Background()
	db, err := Open(filepath.Join(b.TempDir(), "b.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	b.ResetTimer()
	cpu := cputime.Seconds()
	batch := make([]*sift.Article, 0, 200)
	rows := 0
	for i := 0; i < b.N; i++ {
		a := storetest.GenArticle(storetest.GenDocument(i))
		a.ID = sift.ArticleID(a.Outlet, a.Text)
		rows += 1 + len(a.Entities) + len(a.Quotes)
		batch = append(batch, a)
		if len(batch) == cap(batch) || i == b.N-1 {
			if _, err := db.PutArticles(ctx, batch); err != nil {
				b.Fatal(err)
			}
			batch = batch[:0]
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
	b.ReportMetric(float64(rows)/float64(b.N), "rows/article")
	if used := cputime.Seconds() - cpu; used > 0 {
		b.ReportMetric(float64(b.N)/used, "articles/cpu-s")
	}
}
