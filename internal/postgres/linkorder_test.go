package postgres

import (
	"context"
	"fmt"
	"testing"

	"github.com/sift-news/sift"
	"github.com/sift-news/sift/internal/link"
)

// TestLinkOrderListsClaimsInStoryOrder checks the order sift worker links
// claims in: only claims of articles linked into stories, in the order
// those were linked, even where that is not the order of arrival (a batch
// committed after a later one).
func TestLinkOrderListsClaimsInStoryOrder(t *testing.T) {
	ctx := context.Background()
	db := openTest(t)
	var as []*sift.Article
	for i := range 3 {
		text := fmt.Sprintf("Officials in Varno said %d convoys crossed the Kessel bridge on day %d.", 10+i, i)
		as = append(as, &sift.Article{ID: fmt.Sprintf("lo%d", i), Source: fmt.Sprintf("lo%d.txt", i), Outlet: "Order Post",
			Title: fmt.Sprintf("Day %d", i), Text: text,
			Claims: []sift.Claim{{Span: sift.Span{Start: 0, End: len(text) - 1, Text: text[:len(text)-1]}}}})
	}
	if _, err := db.PutArticles(ctx, as); err != nil {
		t.Fatal(err)
	}
	if got, err := (LinkOrder{db}).PendingClaims(ctx, 10); err != nil || len(got) != 0 {
		t.Fatalf("before any story linking: %d pending claims, %v; want none", len(got), err)
	}
	if all, err := db.PendingClaims(ctx, 10); err != nil || len(all) != 3 {
		t.Fatalf("PendingClaims: %d, %v; want all 3", len(all), err)
	}
	// Stories are linked for the last article first, then the first.
	l, err := db.LoadLinker(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var ups []link.Update
	for _, i := range []int{2, 0} {
		up, err := l.AddContext(ctx, as[i])
		if err != nil {
			t.Fatal(err)
		}
		ups = append(ups, up)
	}
	if err := db.SaveLinks(ctx, ups); err != nil {
		t.Fatal(err)
	}
	got, err := LinkOrder{db}.PendingClaims(ctx, 10)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, k := range got {
		ids = append(ids, k.Article)
	}
	if fmt.Sprint(ids) != "[lo2 lo0]" {
		t.Errorf("LinkOrder.PendingClaims lists %v, want [lo2 lo0] (story-linked, in link order)", ids)
	}
	if got, err := (LinkOrder{db}).PendingClaims(ctx, 1); err != nil || len(got) != 1 || got[0].Article != "lo2" {
		t.Errorf("with limit 1: %+v, %v; want lo2's claim", got, err)
	}
}
