package claim_test

import (
	"context"
	"fmt"
	"math/rand"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/sift-news/sift"
	"github.com/sift-news/sift/internal/claim"
	"github.com/sift-news/sift/internal/sqlite"
)

// TestThreadsDoNotDependOnPasses checks that claim threads are the same
// whether the claims are linked one article at a time or many in one
// pass: a claim of the same pass is a candidate exactly when it would be
// one stored (the same keys looked up, the same caps), so that sift
// worker's threads do not depend on which worker linked which batch.
func TestThreadsDoNotDependOnPasses(t *testing.T) {
	ctx := context.Background()
	g := newClaimGen()
	r := rand.New(rand.NewSource(11))
	var as []*sift.Article
	var texts []string
	for i := range 120 {
		ts := g.claims(newStream, i, perArticle)
		for j := range ts {
			if len(texts) == 0 || r.Intn(3) > 0 {
				continue
			}
			// A repeat of an earlier claim, with a word changed, or
			// only its first half, or its common words alone.
			old := strings.Fields(texts[r.Intn(len(texts))])
			switch r.Intn(3) {
			case 0:
				old[1+r.Intn(len(old)-2)] = "changed"
			case 1:
				old = old[:len(old)/2+1]
			}
			ts[j] = strings.Join(old, " ")
		}
		texts = append(texts, ts...)
		as = append(as, article(fmt.Sprintf("p%04d", i), ts))
	}
	one, many := openDB(t, "one.db"), openDB(t, "many.db")
	for _, a := range as {
		if _, err := one.PutArticles(ctx, []*sift.Article{a}); err != nil {
			t.Fatal(err)
		}
		if _, err := claim.LinkPending(ctx, one); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := many.PutArticles(ctx, as); err != nil {
		t.Fatal(err)
	}
	if _, err := claim.LinkPending(ctx, many); err != nil {
		t.Fatal(err)
	}
	sameThreads(t, one, many, 20)
}

// TestAStockSentenceFindsItsRepeat checks that a statement repeated word
// for word is linked to its first telling even when every one of its words
// is held by more claims than the index keeps (sift.ClaimKeyCap): the
// sentence a wire sends and many outlets print is the commonest repeat of
// all.
func TestAStockSentenceFindsItsRepeat(t *testing.T) {
	ctx := context.Background()
	db := openDB(t, "stock.db")
	const stock = "officials said the border talks with Dravia would resume next week"
	var as []*sift.Article
	for i := range sift.ClaimKeyCap + 20 {
		// Every word of the stock sentence, in other statements.
		as = append(as, article(fmt.Sprintf("w%04d", i), []string{fmt.Sprintf("%s after round %d of the Dravia border talks, officials said", stock, i+2)}))
	}
	as = append(as, article("first", []string{stock}), article("repeat", []string{stock}))
	for i := 0; i < len(as); i += 50 {
		if _, err := db.PutArticles(ctx, as[i:min(i+50, len(as))]); err != nil {
			t.Fatal(err)
		}
		if _, err := claim.LinkPending(ctx, db); err != nil {
			t.Fatal(err)
		}
	}
	threads, err := db.Claims(ctx, sift.ClaimQuery{})
	if err != nil {
		t.Fatal(err)
	}
	for _, th := range threads {
		var in []string
		for _, m := range th.Mentions {
			if m.Text == stock {
				in = append(in, m.Article)
			}
		}
		if len(in) == 1 {
			t.Errorf("the stock sentence of %s is in a thread of %d mentions without its repeat", in[0], len(th.Mentions))
		}
	}
}

// openDB opens a new SQLite store in a test's temporary directory.
func openDB(t *testing.T, name string) *sqlite.DB {
	t.Helper()
	db, err := sqlite.Open(filepath.Join(t.TempDir(), name))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// sameThreads fails t unless got holds the claim threads of want, and
// want at least minJoined threads of more than one mention (fewer link
// too little to tell two linkings apart).
func sameThreads(t *testing.T, want, got *sqlite.DB, minJoined int) {
	t.Helper()
	ctx := context.Background()
	w, err := want.Claims(ctx, sift.ClaimQuery{})
	if err != nil {
		t.Fatal(err)
	}
	g, err := got.Claims(ctx, sift.ClaimQuery{})
	if err != nil {
		t.Fatal(err)
	}
	joined := 0
	for _, th := range w {
		if len(th.Mentions) > 1 {
			joined++
		}
	}
	if joined < minJoined {
		t.Fatalf("only %d threads of more than one mention: the test links too little to tell", joined)
	}
	if !reflect.DeepEqual(g, w) {
		t.Errorf("other threads: %d against %d", len(g), len(w))
	}
}
