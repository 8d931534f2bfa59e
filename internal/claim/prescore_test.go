package claim_test

import (
	"context"
	"fmt"
	"math/rand"
	"strings"
	"testing"

	"github.com/sift-news/sift"
	"github.com/sift-news/sift/internal/claim"
	"github.com/sift-news/sift/internal/sqlite"
)

// TestPrescoredLinksAsUnscored checks the two-phase claim linking of
// sift worker: claims scored ahead (Scores.Prescore, against the store as
// it was when their articles were stored, before other batches were
// linked) link to the same threads with the same scores as claims scored
// while linking, and the scores are taken rather than computed again.
func TestPrescoredLinksAsUnscored(t *testing.T) {
	ctx := context.Background()
	g := newClaimGen()
	r := rand.New(rand.NewSource(3))
	// Three batches; half the claims of each repeat an earlier one with a
	// word changed, so that they join its thread.
	var batches [][]*sift.Article
	var texts [][]string
	for b := range 3 {
		var as []*sift.Article
		for i := range 8 {
			ts := g.claims(newStream, 100*b+i, perArticle)
			if len(texts) > 0 {
				for j := 0; j < perArticle/2; j++ {
					old := strings.Fields(texts[r.Intn(len(texts))][r.Intn(perArticle)])
					old[1] = "changed"
					ts[j] = strings.Join(old, " ")
				}
			}
			texts = append(texts, ts)
			as = append(as, article(fmt.Sprintf("b%di%d", b, i), ts))
		}
		batches = append(batches, as)
	}
	plain, scored := openDB(t, "plain.db"), openDB(t, "scored.db")
	scores := claim.NewScores()
	// Batch 0 is linked; batches 1 and 2 are stored, and each scored
	// ahead, by two workers, before anything links them; then one pass
	// links both, as the lock holder would.
	for _, db := range []*sqlite.DB{plain, scored} {
		if _, err := db.PutArticles(ctx, batches[0]); err != nil {
			t.Fatal(err)
		}
	}
	for _, db := range []*sqlite.DB{plain, scored} {
		if _, err := claim.LinkPending(ctx, db); err != nil {
			t.Fatal(err)
		}
	}
	for _, b := range batches[1:] {
		for _, db := range []*sqlite.DB{plain, scored} {
			if _, err := db.PutArticles(ctx, b); err != nil {
				t.Fatal(err)
			}
		}
		if err := scores.Prescore(ctx, scored, claim.KeysOf(b)); err != nil {
			t.Fatal(err)
		}
	}
	if scores.Len() == 0 {
		t.Fatal("Prescore scored no pair")
	}
	if _, err := claim.LinkPending(ctx, plain); err != nil {
		t.Fatal(err)
	}
	if _, err := claim.LinkPendingScored(ctx, scored, scores); err != nil {
		t.Fatal(err)
	}
	if hits, misses := scores.Taken(); hits == 0 || misses == 0 {
		// Batch 2's claims were scored before batch 1 was linked: the
		// pairs with batch 1's claims are scored while linking.
		t.Errorf("linking took %d pairs from the cache and scored %d: want some of each", hits, misses)
	}
	if n := scores.Len(); n != 0 {
		t.Errorf("%d pairs left in the cache after their claims were linked", n)
	}
	sameThreads(t, plain, scored, 5)
}
