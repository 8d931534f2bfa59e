package sqlite

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sift-news/sift"
	"github.com/sift-news/sift/internal/link"
	"github.com/sift-news/sift/internal/link/linktest"
)

// The linker loaded from the store, which asks the store's tables about
// earlier articles, links as the in-memory linker does, across runs; and
// a store linked before the tables existed has them filled on the next
// load (the second run's tables are emptied and marked as a store of
// before migration 500-link-index would be).
func TestStoredLinkerLinksAsMemory(t *testing.T) {
	db, err := Open(filepath.Join(t.TempDir(), "sift.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	db.keepPrints = true // the second run marks the store as one linked before migration 500
	ctx := context.Background()
	count := func() (n int) {
		if err := db.db.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM link_bands) + (SELECT count(*) FROM link_prints)`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	linktest.LinksAsMemory(t, db, 240, 80, 30, func(run int) {
		if n := count(); n == 0 {
			t.Fatalf("run %d: nothing filed in the link tables", run)
		}
		if run != 1 {
			return
		}
		for _, q := range []string{`DELETE FROM link_bands`, `DELETE FROM link_prints`,
			`INSERT INTO link_index_backfill SELECT max(seq) FROM link_articles`} {
			if _, err := db.db.ExecContext(ctx, q); err != nil {
				t.Fatal(err)
			}
		}
	})
}

// Filing each record under the keys the linker found below their caps
// (link.Room) fills the lookup tables exactly as counting each key does
// (the backfill's way), with keys filled to their caps.
func TestRoomFilesAsCounting(t *testing.T) {
	db, err := Open(filepath.Join(t.TempDir(), "sift.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	db.keepPrints = true // the store is marked as one linked before migration 500
	ctx := context.Background()
	tables := func() (rows []string) {
		for q, cap := range map[string]int{
			`SELECT max(n) FROM (SELECT count(*) n FROM link_prints GROUP BY fp)`:       link.PostingCap,
			`SELECT max(n) FROM (SELECT count(*) n FROM link_bands GROUP BY band, key)`: link.BucketCap,
		} {
			var n int
			if err := db.db.QueryRowContext(ctx, q).Scan(&n); err != nil {
				t.Fatal(err)
			}
			if n != cap {
				t.Fatalf("%s: %d, want the cap %d", q, n, cap)
			}
		}
		r, err := db.db.QueryContext(ctx, `SELECT 'b', band, key, seq FROM link_bands
			UNION ALL SELECT 'p', 0, fp, seq FROM link_prints ORDER BY 1, 2, 3, 4`)
		if err != nil {
			t.Fatal(err)
		}
		defer r.Close()
		for r.Next() {
			var kind string
			var band, key, seq int64
			if err := r.Scan(&kind, &band, &key, &seq); err != nil {
				t.Fatal(err)
			}
			rows = append(rows, fmt.Sprint(kind, band, key, seq))
		}
		if err := r.Err(); err != nil {
			t.Fatal(err)
		}
		return rows
	}
	linktest.FilesAsCounting(t, db, tables, func() {
		if _, err := db.db.ExecContext(ctx, `INSERT INTO link_index_backfill SELECT max(seq) FROM link_articles`); err != nil {
			t.Fatal(err)
		}
		if _, err := db.LoadLinker(ctx); err != nil { // files every record again, counting
			t.Fatal(err)
		}
	})
}

// A term's postings in the store are those the clusterer keeps, as
// SaveLinks cuts them and as migration 520-link-lazy fills them.
func TestPostingsCutAsClusterer(t *testing.T) {
	db, err := Open(filepath.Join(t.TempDir(), "sift.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ctx := context.Background()
	fill := linkLazySchema[strings.Index(linkLazySchema, "INSERT INTO link_postings"):]
	fill = fill[:strings.Index(fill, ";")]
	exec := func(q string) {
		if _, err := db.db.ExecContext(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
	linktest.PostingsCutAsClusterer(t, linktest.Postings{
		File: func(i int, id string, up *link.Update) {
			tx, err := db.db.BeginTx(ctx, nil)
			if err != nil {
				t.Fatal(err)
			}
			stmt := newStmts(tx)
			for _, q := range []string{`INSERT INTO stories(id, title) VALUES (?1, '')`,
				`INSERT INTO link_filings(seq, n, story_id, term) VALUES (?2, 0, ?1, 'other'), (?2, 1, ?1, 'term')`} {
				if _, err := stmt.exec(ctx, q, id, i); err != nil {
					t.Fatal(err)
				}
			}
			if err := savePostings(ctx, stmt, up); err != nil {
				t.Fatal(err)
			}
			stmt.close()
			if err := tx.Commit(); err != nil {
				t.Fatal(err)
			}
		},
		Refill: func() { exec(`DELETE FROM link_postings`); exec(fill) },
		Of: func(terms []string) map[string][]string {
			got, err := db.linkPostings(ctx, terms)
			if err != nil {
				t.Fatal(err)
			}
			return got
		},
	})
}

// A store with stories linked before filings were recorded (legacy, here
// made by deleting the first articles' filings) has its clusterer restored
// whole, legacy stories filed under their centroids first, and links on.
func TestLegacyStoriesRestoredWhole(t *testing.T) {
	db, err := Open(filepath.Join(t.TempDir(), "sift.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ctx := context.Background()
	as := linktest.Generated(150, 1)
	link1 := func(batch []*sift.Article) {
		t.Helper()
		if _, err := db.PutArticles(ctx, batch); err != nil {
			t.Fatal(err)
		}
		l, err := db.LoadLinker(ctx)
		if err != nil {
			t.Fatal(err)
		}
		var ups []link.Update
		for _, a := range batch {
			up, err := l.AddContext(ctx, a)
			if err != nil {
				t.Fatal(err)
			}
			ups = append(ups, up)
		}
		if err := db.SaveLinks(ctx, ups); err != nil {
			t.Fatal(err)
		}
	}
	link1(as[:100])
	if _, err := db.db.ExecContext(ctx, `DELETE FROM link_filings WHERE seq < 30`); err != nil {
		t.Fatal(err)
	}
	legacy, err := db.legacyStories(ctx)
	if err != nil || len(legacy) == 0 {
		t.Fatalf("no legacy stories (%v)", err)
	}
	link1(as[100:])
	var n int
	if err := db.db.QueryRowContext(ctx, `SELECT count(*) FROM story_articles`).Scan(&n); err != nil || n != len(as) {
		t.Fatalf("%d articles in stories (%v), want %d", n, err, len(as))
	}
}
