package sqlite

import (
	"context"
	"errors"
	"testing"

	"github.com/sift-news/sift"
)

// searchStore is a store of three articles to search.
func searchStore(t testing.TB) *DB {
	t.Helper()
	db, err := Open(":memory:")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	ctx := context.Background()
	for _, a := range []*sift.Article{
		article("Varno Daily", "Shelling near Orlen", "Varno shelling near Orlen wounded two, officials said.", "2024-03-02"),
		article("Kessel Post", "Ceasefire in Orlen", "Kessel ceasefire talks in Orlen resumed on Monday.", "2024-03-03"),
		article("Varno Daily", "Harbour budget", "Varno harbour budget approved by the council.", "2024-03-04"),
	} {
		if _, err := db.PutArticle(ctx, a); err != nil {
			t.Fatal(err)
		}
	}
	return db
}

// Every query text a user can type gets hits (possibly none) or a
// *sift.QueryError saying what to change, never another error: operators
// out of place, unbalanced quotes and parentheses, FTS5's own syntax
// (NEAR, ^, column filters) and punctuation alone.
func TestSearchAnyTextGivesHitsOrQueryError(t *testing.T) {
	db := searchStore(t)
	ctx := context.Background()
	for _, c := range []struct {
		text string
		hits int // -1: a query error
	}{
		{"orlen", 2},
		{"orlen NOT kessel", 1},
		{"* orlen", 2}, // a stray * is dropped with the other punctuation
		{"orl*", 2},
		{`"ceasefire talks`, 1}, // unbalanced quote: its words
		{"(orlen", 2},
		{"orlen)", 2},
		{"AND", -1},
		{"AND orlen", 2},
		{"NEAR(orlen kessel", 1},
		{"NEAR(orlen, kessel)", 1},
		{"^orlen", 2},
		{"title:orlen", 2},
		{"title:", -1},
		{"outlet:kessel", 1},       // not a column users may filter on: its words
		{"{title text}: orlen", 0}, // FTS5's column sets are not ours: all three words
		{"-orlen", 2},
		{"orlen + kessel", 1},
		{"*", -1},
		{"**", -1},
		{"-", -1},
		{`""`, -1},
		{"()", -1},
		{"NOT", -1},
		{"not", 0}, // lower case: a word
		{"\x00", -1},
		{"\xff\xfe", -1},
	} {
		hits, total, err := db.Search(ctx, sift.Query{Text: c.text})
		var qe *sift.QueryError
		switch {
		case c.hits < 0:
			if !errors.As(err, &qe) || qe.Reason == "" {
				t.Errorf("Search(%q) = %d hits, %v; want a query error with a reason", c.text, total, err)
			}
		case err != nil:
			t.Errorf("Search(%q): %v", c.text, err)
		case len(hits) != c.hits || total != c.hits:
			t.Errorf("Search(%q) = %d hits (total %d), want %d", c.text, len(hits), total, c.hits)
		}
		if _, err := db.SearchFacets(ctx, sift.Query{Text: c.text}); err != nil && !errors.As(err, &qe) {
			t.Errorf("SearchFacets(%q): %v", c.text, err)
		}
	}
}

// FuzzSearch runs arbitrary text against a real FTS5 table: the store
// answers with hits or a *sift.QueryError, never an internal error.
func FuzzSearch(f *testing.F) {
	for _, s := range []string{"orlen", `"ceasefire talks"`, "orl* OR (a NOT b)", "title:x text:y*", `"a ""b"" c"`,
		"*", "* syria", "NEAR(a b, 2)", "-x", "^x", "title:", "{title}: x", "a AND", "((((", `"`, "x:y:z", "\x00"} {
		f.Add(s)
	}
	db := searchStore(f)
	ctx := context.Background()
	f.Fuzz(func(t *testing.T, text string) {
		if len(text) > 1000 {
			return // the server refuses longer text
		}
		var qe *sift.QueryError
		if _, _, err := db.Search(ctx, sift.Query{Text: text}); err != nil && !errors.As(err, &qe) {
			t.Fatalf("Search(%q): %v", text, err)
		}
		if _, err := db.SearchFacets(ctx, sift.Query{Text: text}); err != nil && !errors.As(err, &qe) {
			t.Fatalf("SearchFacets(%q): %v", text, err)
		}
	})
}
