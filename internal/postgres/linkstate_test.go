package postgres

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/sift-news/sift/internal/link"
	"github.com/sift-news/sift/internal/link/linktest"
)

// As in internal/sqlite: the loaded linker, asking the database's tables
// about earlier articles, links as the in-memory one across runs, and
// tables emptied and marked as before migration 500-link-index are filled
// again on the next load.
func TestStoredLinkerLinksAsMemory(t *testing.T) {
	db := openTest(t)
	db.keepPrints = true // the second run marks the store as one linked before migration 500
	ctx := context.Background()
	linktest.LinksAsMemory(t, db, 240, 80, 30, func(run int) {
		var n int
		if err := db.pool.QueryRow(ctx, `SELECT (SELECT count(*) FROM link_bands) + (SELECT count(*) FROM link_prints)`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		if n == 0 {
			t.Fatalf("run %d: nothing filed in the link tables", run)
		}
		if run != 1 {
			return
		}
		for _, q := range []string{`DELETE FROM link_bands`, `DELETE FROM link_prints`,
			`INSERT INTO link_index_backfill SELECT max(seq) FROM link_articles`} {
			if _, err := db.pool.Exec(ctx, q); err != nil {
				t.Fatal(err)
			}
		}
	})
}

// As in internal/sqlite: filing each record under the keys the linker
// found room in fills the lookup tables as counting does, caps reached.
func TestRoomFilesAsCounting(t *testing.T) {
	db := openTest(t)
	db.keepPrints = true // the store is marked as one linked before migration 500
	ctx := context.Background()
	tables := func() (rows []string) {
		for q, cap := range map[string]int{
			`SELECT max(n) FROM (SELECT count(*) n FROM link_prints GROUP BY fp) c`:       link.PostingCap,
			`SELECT max(n) FROM (SELECT count(*) n FROM link_bands GROUP BY band, key) c`: link.BucketCap,
		} {
			var n int
			if err := db.pool.QueryRow(ctx, q).Scan(&n); err != nil {
				t.Fatal(err)
			}
			if n != cap {
				t.Fatalf("%s: %d, want the cap %d", q, n, cap)
			}
		}
		r, err := db.pool.Query(ctx, `SELECT 'b', band::bigint, key, seq::bigint FROM link_bands
			UNION ALL SELECT 'p', 0, fp, seq::bigint FROM link_prints ORDER BY 1, 2, 3, 4`)
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
		if _, err := db.pool.Exec(ctx, `INSERT INTO link_index_backfill SELECT max(seq) FROM link_articles`); err != nil {
			t.Fatal(err)
		}
		if _, err := db.LoadLinker(ctx); err != nil { // files every record again, counting
			t.Fatal(err)
		}
	})
}

// As in internal/sqlite: a term's postings are cut as the clusterer cuts
// them, both by SaveLinks (link.Update.Cut) and by migration
// 520-link-lazy's fill from the filings.
func TestPostingsCutAsClusterer(t *testing.T) {
	db := openTest(t)
	ctx := context.Background()
	fill := linkLazySchema[strings.Index(linkLazySchema, "INSERT INTO link_postings"):]
	fill = fill[:strings.Index(fill, ";")]
	exec := func(q string) {
		if _, err := db.pool.Exec(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
	linktest.PostingsCutAsClusterer(t, linktest.Postings{
		File: func(i int, id string, up *link.Update) {
			b := &pgx.Batch{}
			b.Queue(`INSERT INTO stories(id, title) VALUES ($1, '')`, id)
			b.Queue(`INSERT INTO link_filings(seq, n, story_id, term) VALUES ($2, 0, $1, 'other'), ($2, 1, $1, 'term')`, id, i)
			queuePostings(b, up)
			if err := db.pool.SendBatch(ctx, b).Close(); err != nil {
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
