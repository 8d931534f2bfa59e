package ingest_test

import (
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/sift-news/sift"
	"github.com/sift-news/sift/internal/analyze"
	"github.com/sift-news/sift/internal/demo"
	"github.com/sift-news/sift/internal/ingest"
	"github.com/sift-news/sift/internal/postgres"
	"github.com/sift-news/sift/internal/sqlite"
	"github.com/sift-news/sift/internal/storetest"
)

// store is what the test reads back to compare entrances.
type store interface {
	ingest.Store
	sift.StoryStore
	sift.ClaimStore
	Close() error
}

// corpus returns the first n documents of the bundled corpus.
func corpus(t *testing.T, n int) []sift.Document {
	t.Helper()
	es, err := demo.Corpus()
	if err != nil {
		t.Fatal(err)
	}
	var docs []sift.Document
	for _, e := range es[:min(n, len(es))] {
		docs = append(docs, e.Document)
	}
	return docs
}

// snapshot is everything a user can read of a store: every article with
// its facts, the stories, the reuse links and the claim threads.
func snapshot(t *testing.T, db store) string {
	t.Helper()
	ctx := context.Background()
	var out struct {
		Articles []*sift.Article
		Stories  []sift.Story
		Reuse    map[string][]sift.Reuse
		Claims   []sift.ClaimThread
	}
	out.Reuse = map[string][]sift.Reuse{}
	stories, err := db.Stories(ctx, sift.StoryQuery{})
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, st := range stories {
		for _, a := range st.Articles {
			ids = append(ids, a.ID)
		}
	}
	sort.Strings(ids)
	for _, id := range ids {
		a, err := db.Article(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		out.Articles = append(out.Articles, a)
		if out.Reuse[id], err = db.Reuse(ctx, id); err != nil {
			t.Fatal(err)
		}
	}
	// Stories of one size may be listed in another order by another
	// backend; what is stored is compared, not the listing's order.
	sort.Slice(stories, func(i, j int) bool { return stories[i].ID < stories[j].ID })
	out.Stories = stories
	if out.Claims, err = db.Claims(ctx, sift.ClaimQuery{}); err != nil {
		t.Fatal(err)
	}
	b, err := json.MarshalIndent(out, "", " ")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// entrances are the four ways documents reach a store, as the commands
// call the ingest path: sift ingest (Run), sift watch (Put), POST
// /api/v1/articles (Add, one at a time) and sift worker (Analyze, then the
// store's own write, then Link).
var entrances = map[string]func(ctx context.Context, in *ingest.Ingester, docs []sift.Document) ([]string, error){
	"ingest": func(ctx context.Context, in *ingest.Ingester, docs []sift.Document) ([]string, error) {
		in.Batch = 7
		_, err := in.Run(ctx, func(fn func(sift.Document) error, _ func(error)) error {
			for _, d := range docs {
				if err := fn(d); err != nil {
					return err
				}
			}
			return nil
		})
		return nil, err
	},
	"watch": func(ctx context.Context, in *ingest.Ingester, docs []sift.Document) ([]string, error) {
		for i := 0; i < len(docs); i += 5 {
			if _, _, err := in.Put(ctx, docs[i:min(i+5, len(docs))], func(error) {}); err != nil {
				return nil, err
			}
		}
		return nil, nil
	},
	"api": func(ctx context.Context, in *ingest.Ingester, docs []sift.Document) ([]string, error) {
		for _, d := range docs {
			if _, _, err := in.Add(ctx, d); err != nil {
				return nil, err
			}
		}
		return nil, nil
	},
	"worker": func(ctx context.Context, in *ingest.Ingester, docs []sift.Document) ([]string, error) {
		for i := 0; i < len(docs); i += 4 {
			res, err := in.Analyze(ctx, docs[i:min(i+4, len(docs))])
			if err != nil {
				return nil, err
			}
			var as []*sift.Article
			for _, r := range res {
				if r.Err == nil {
					as = append(as, r.Article)
				}
			}
			added, err := in.Store.PutArticles(ctx, as)
			if err != nil {
				return nil, err
			}
			for _, r := range res {
				for _, a := range added {
					if a == r.Article && a.Outlet != "" && len(r.Lines) > 0 {
						if err := in.Store.AddLines(ctx, a.Outlet, r.Lines); err != nil {
							return nil, err
						}
					}
				}
			}
			if err := in.Link(ctx, true); err != nil {
				return nil, err
			}
		}
		return nil, nil
	},
}

// TestEntrancesStoreTheSame ingests the same documents through every
// entrance and checks that each gives the very same store, on SQLite and
// (when a server is there) on PostgreSQL.
func TestEntrancesStoreTheSame(t *testing.T) {
	docs := corpus(t, 24)
	p := analyze.Default()
	backends := map[string]func(t *testing.T) store{
		"sqlite": func(t *testing.T) store {
			db, err := sqlite.Open(filepath.Join(t.TempDir(), "s.db"))
			if err != nil {
				t.Fatal(err)
			}
			return db
		},
		"postgres": func(t *testing.T) store {
			db, err := postgres.Open(context.Background(), storetest.PostgresURL(t))
			if err != nil {
				t.Fatal(err)
			}
			return db
		},
	}
	var want string
	var wantFrom string
	for _, backend := range []string{"sqlite", "postgres"} {
		t.Run(backend, func(t *testing.T) {
			for _, name := range []string{"ingest", "watch", "api", "worker"} {
				db := backends[backend](t)
				in := ingest.New(db, p)
				ctx := context.Background()
				if _, err := entrances[name](ctx, in, append([]sift.Document(nil), docs...)); err != nil {
					t.Fatalf("%s: %v", name, err)
				}
				got := snapshot(t, db)
				db.Close()
				if want == "" {
					want, wantFrom = got, backend+"/"+name
					if !strings.Contains(got, `"Mentions"`) && !strings.Contains(got, `"mentions"`) {
						t.Fatalf("snapshot has no claims")
					}
					continue
				}
				if got != want {
					t.Errorf("%s/%s stores differently from %s:\n%s", backend, name, wantFrom, firstDiff(want, got))
				}
			}
		})
	}
}

// TestKilledLinkingIsResumed stores articles without linking them, as a
// run killed between storing and linking leaves them, and checks that the
// next run's linking gives the store a clean run gives.
func TestKilledLinkingIsResumed(t *testing.T) {
	docs := corpus(t, 30)
	p := analyze.Default()
	ctx := context.Background()
	clean, err := sqlite.Open(filepath.Join(t.TempDir(), "clean.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer clean.Close()
	if _, err := entrances["ingest"](ctx, ingest.New(clean, p), docs); err != nil {
		t.Fatal(err)
	}
	killed, err := sqlite.Open(filepath.Join(t.TempDir(), "killed.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer killed.Close()
	in := ingest.New(killed, p)
	// The first 20 are stored and linked; the last 10 stored only.
	if _, err := entrances["ingest"](ctx, in, docs[:20]); err != nil {
		t.Fatal(err)
	}
	res, err := in.Analyze(ctx, docs[20:])
	if err != nil {
		t.Fatal(err)
	}
	var as []*sift.Article
	for _, r := range res {
		as = append(as, r.Article)
	}
	if _, err := killed.PutArticles(ctx, as); err != nil {
		t.Fatal(err)
	}
	// The rerun: a new process (a new Ingester) ingests everything again.
	if _, err := entrances["ingest"](ctx, ingest.New(killed, p), docs); err != nil {
		t.Fatal(err)
	}
	if a, b := snapshot(t, clean), snapshot(t, killed); a != b {
		t.Errorf("killed and resumed store differs from a clean run:\n%s", firstDiff(a, b))
	}
}

// TestBadDocumentIsNotAStoreError checks the distinction the API relies on
// to answer 422 rather than 500.
func TestBadDocumentIsNotAStoreError(t *testing.T) {
	db, err := sqlite.Open(":memory:")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	in := ingest.New(db, &analyze.Pipeline{})
	_, _, err = in.Add(context.Background(), sift.Document{Source: "empty", Format: sift.FormatText, Body: " \n "})
	if err == nil || !ingest.IsBadDocument(err) || !ingest.IsEmpty(err) {
		t.Fatalf("empty document: err %v, want a bad-document ErrEmpty", err)
	}
	if n, _ := db.CountArticles(context.Background()); n != 0 {
		t.Errorf("a bad document stored %d articles", n)
	}
}

// firstDiff shows the first line where a and b differ.
func firstDiff(a, b string) string {
	la, lb := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := 0; i < len(la) && i < len(lb); i++ {
		if la[i] != lb[i] {
			return fmt.Sprintf("line %d:\n want %s\n  got %s", i+1, la[i], lb[i])
		}
	}
	return fmt.Sprintf("lengths differ: %d vs %d lines", len(la), len(lb))
}
