package claim_test

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/sift-news/sift"
	"github.com/sift-news/sift/internal/postgres"
	"github.com/sift-news/sift/internal/sqlite"
	"github.com/sift-news/sift/internal/storetest"
)

// indexStore is a store with a claim index, and a way to put it back in
// the state a store created before migration 420 (postings of every key,
// however common) would be in, then reopen it.
type indexStore struct {
	sift.ArticleStore
	sift.ClaimLinkStore
	// unmigrate writes postings of key for every linked claim and forgets
	// that the store has the migration that drops them; reopen opens the
	// store again, as the next process would.
	unmigrate func(t *testing.T, key string)
	reopen    func(t *testing.T) indexStore
}

func indexStores(t *testing.T) map[string]func(t *testing.T) indexStore {
	ctx := context.Background()
	return map[string]func(t *testing.T) indexStore{
		"sqlite": func(t *testing.T) indexStore {
			path := filepath.Join(t.TempDir(), "s.db")
			var open func(t *testing.T) indexStore
			open = func(t *testing.T) indexStore {
				db, err := sqlite.Open(path)
				if err != nil {
					t.Fatal(err)
				}
				t.Cleanup(func() { db.Close() })
				return indexStore{ArticleStore: db, ClaimLinkStore: db,
					unmigrate: func(t *testing.T, key string) {
						for _, q := range []string{
							`INSERT INTO claim_postings(term, article, n) SELECT t.id, a.rowid, c.n FROM claim_terms t, article_claims c
								JOIN articles a ON a.id = c.article_id WHERE t.key = '` + key + `' AND c.claim_id IS NOT NULL`,
							`DELETE FROM migrations WHERE name = '420-claim-postings-capped'`,
						} {
							if _, err := db.SQL().ExecContext(ctx, q); err != nil {
								t.Fatal(err)
							}
						}
						db.Close()
					},
					reopen: open,
				}
			}
			return open(t)
		},
		"postgres": func(t *testing.T) indexStore {
			url := storetest.PostgresURL(t)
			var open func(t *testing.T) indexStore
			open = func(t *testing.T) indexStore {
				db, err := postgres.Open(ctx, url)
				if err != nil {
					t.Fatal(err)
				}
				t.Cleanup(func() { db.Close() })
				return indexStore{ArticleStore: db, ClaimLinkStore: db,
					unmigrate: func(t *testing.T, key string) {
						for _, q := range []string{
							`INSERT INTO claim_keys(key, article_id, n, seq) SELECT '` + key + `', c.article_id, c.n, a.seq
								FROM article_claims c JOIN articles a ON a.id = c.article_id WHERE c.claim_id IS NOT NULL`,
							`DELETE FROM migrations WHERE name = '420-claim-keys-capped'`,
						} {
							if _, err := db.Pool().Exec(ctx, q); err != nil {
								t.Fatal(err)
							}
						}
						db.Close()
					},
					reopen: open,
				}
			}
			return open(t)
		},
	}
}

// capArticles returns n articles of one claim each; every claim holds the
// key "common" and two keys of its own.
func capArticles(n int) ([]*sift.Article, []sift.ClaimLink) {
	var as []*sift.Article
	var links []sift.ClaimLink
	for i := range n {
		text := fmt.Sprintf("Report %d of the common story.", i)
		a := &sift.Article{ID: sift.ArticleID("Cap Post", text), Source: fmt.Sprintf("cap-%d.txt", i), Outlet: "Cap Post", Text: text,
			Analyzer: map[string]string{"claims": "t"},
			Claims:   []sift.Claim{{Span: sift.Span{Start: 0, End: len(text), Text: text}, Via: []sift.Ref{}, Norm: text}}}
		as = append(as, a)
		links = append(links, sift.ClaimLink{Article: a.ID, N: 0, Claim: sift.ClaimID(a.ID, 0), Score: 1,
			Keys: []string{"common", fmt.Sprintf("own%da", i), fmt.Sprintf("own%db", i)}})
	}
	return as, links
}

// TestIndexStopsAtTheCap checks, on both stores, that a key held by more
// than sift.ClaimKeyCap claims is no longer looked up (whatever maxDF the
// linker asks for) while the rare keys of the same claims still find them,
// that key counts add up to the cap across batches, and that a store made
// before the index was capped is brought to the same answers when opened.
func TestIndexStopsAtTheCap(t *testing.T) {
	ctx := context.Background()
	for name, open := range indexStores(t) {
		t.Run(name, func(t *testing.T) {
			st := open(t)
			arts, links := capArticles(sift.ClaimKeyCap + 5)
			for _, a := range arts {
				if _, err := st.PutArticles(ctx, []*sift.Article{a}); err != nil {
					t.Fatal(err)
				}
			}
			// Up to the cap, in two batches: "common" is looked up.
			for _, b := range [][]sift.ClaimLink{links[:200], links[200:sift.ClaimKeyCap]} {
				if err := st.SaveClaimLinks(ctx, b); err != nil {
					t.Fatal(err)
				}
			}
			counts, err := st.ClaimKeyCounts(ctx, []string{"common", "own7a", "unknown"})
			if err != nil {
				t.Fatal(err)
			}
			if counts["common"] != sift.ClaimKeyCap || counts["own7a"] != 1 || len(counts) != 2 {
				t.Errorf("key counts at the cap: %v", counts)
			}
			if got, err := st.ClaimCandidates(ctx, []string{"common"}, sift.ClaimKeyCap, -1); err != nil || len(got) != sift.ClaimKeyCap {
				t.Errorf("common at the cap: %d candidates, %v; want %d", len(got), err, sift.ClaimKeyCap)
			}
			// Past the cap, in a batch saved twice.
			for range 2 {
				if err := st.SaveClaimLinks(ctx, links[sift.ClaimKeyCap:]); err != nil {
					t.Fatal(err)
				}
			}
			check := func(t *testing.T, st indexStore, when string) {
				t.Helper()
				if got, err := st.ClaimCandidates(ctx, []string{"common"}, 10*sift.ClaimKeyCap, -1); err != nil || len(got) != 0 {
					t.Errorf("%s: common past the cap found %d candidates, %v; want none", when, len(got), err)
				}
				if ps, err := st.ClaimPostings(ctx, []string{"common"}); err != nil || len(ps["common"]) != 0 {
					t.Errorf("%s: common past the cap has %d postings, %v", when, len(ps["common"]), err)
				}
				for _, i := range []int{3, sift.ClaimKeyCap + 2} {
					keys := []string{"common", fmt.Sprintf("own%da", i), fmt.Sprintf("own%db", i)}
					got, err := st.ClaimCandidates(ctx, keys, sift.ClaimKeyCap, 10)
					if err != nil || len(got) != 1 || got[0].Article != arts[i].ID || got[0].Shared != 2 || got[0].Claim != links[i].Claim {
						t.Errorf("%s: candidates of claim %d's keys: %+v, %v", when, i, got, err)
					}
				}
				counts, err := st.ClaimKeyCounts(ctx, []string{"common", fmt.Sprintf("own%da", sift.ClaimKeyCap+1)})
				if err != nil || counts["common"] <= sift.ClaimKeyCap || counts[fmt.Sprintf("own%da", sift.ClaimKeyCap+1)] != 1 {
					t.Errorf("%s: key counts past the cap: %v, %v (saving twice counts once)", when, counts, err)
				}
			}
			check(t, st, "linked")
			st.unmigrate(t, "common")
			st = st.reopen(t)
			check(t, st, "migrated")
		})
	}
}
