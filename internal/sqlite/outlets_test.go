package sqlite

import (
	"context"
	"testing"

	"github.com/sift-news/sift"
)

func TestArticleTechniquesCountsPerArticle(t *testing.T) {
	ctx := context.Background()
	db := open(t)
	a := article("Varno Daily", "Ceasefire holds", "Varno ceasefire holds for a third day, officials said.", "2024-03-02")
	a.Techniques = append(a.Techniques, sift.Technique{Start: 6, End: 15, Text: a.Text[6:15], Technique: "Loaded_Language", Score: 0.4},
		sift.Technique{Start: 16, End: 21, Text: a.Text[16:21], Technique: "Doubt", Score: 0.2})
	a.Signals = []sift.Signal{{Kind: "anonymous_source", Score: 0.8}, {Kind: "anonymous_source", Score: 0.5}}
	b := article("Kestrel Post", "Talks resume", "Talks resume in the capital on Monday after a pause.", "2024-03-03")
	b.Techniques = nil
	for _, x := range []*sift.Article{a, b} {
		if _, err := db.PutArticle(ctx, x); err != nil {
			t.Fatal(err)
		}
	}
	got, err := db.ArticleTechniques(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 {
		t.Fatalf("got %d articles, want 2", len(got))
	}
	byOutlet := map[string]sift.ArticleTechniques{}
	for _, g := range got {
		byOutlet[g.Outlet] = g
	}
	va := byOutlet["Varno Daily"]
	if va.ID != a.ID || va.Words != 9 || va.Techniques["Loaded_Language"] != 2 || va.Techniques["Doubt"] != 1 ||
		va.Signals["anonymous_source"] != 2 {
		t.Fatalf("Varno Daily: got %+v", va)
	}
	if kp := byOutlet["Kestrel Post"]; len(kp.Techniques) != 0 || len(kp.Signals) != 0 || kp.Words != 10 {
		t.Fatalf("Kestrel Post: got %+v", kp)
	}
}
