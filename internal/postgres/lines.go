package postgres

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"
)

// linesSchema counts the short lines of each outlet (migration 001-outlet-lines).
const linesSchema = `
-- How many stored articles of an outlet contain each short line (by key,
-- see clean.LineKey): lines an outlet repeats everywhere are its template.
CREATE TABLE outlet_lines (
	outlet   text COLLATE "C" NOT NULL,
	key      bigint NOT NULL,
	articles integer NOT NULL,
	PRIMARY KEY (outlet, key)
);`

// LineCounts returns, for each of keys, how many stored articles of outlet
// contain that line (keys never seen are absent).
func (db *DB) LineCounts(ctx context.Context, outlet string, keys []int64) (map[int64]int, error) {
	out := map[int64]int{}
	if len(keys) == 0 {
		return out, nil
	}
	rows, err := db.pool.Query(ctx, `SELECT key, articles FROM outlet_lines WHERE outlet = $1 AND key = ANY($2)`, outlet, keys)
	if err != nil {
		return nil, fmt.Errorf("reading line counts of %s: %w", outlet, err)
	}
	var k int64
	var n int
	if _, err := pgx.ForEachRow(rows, []any{&k, &n}, func() error { out[k] = n; return nil }); err != nil {
		return nil, fmt.Errorf("reading line counts of %s: %w", outlet, err)
	}
	return out, nil
}

// AddLines counts one more article of outlet for each of keys.
func (db *DB) AddLines(ctx context.Context, outlet string, keys []int64) error {
	return pgx.BeginFunc(ctx, db.pool, func(tx pgx.Tx) error {
		return addLines(ctx, tx, []outletLines{{outlet, keys}})
	})
}

// outletLines are the line keys of one new article of an outlet.
type outletLines struct {
	outlet string
	keys   []int64
}

// addLines counts the lines of new articles inside tx, in one statement.
// Rows are updated in key order, so that workers adding lines of the same
// outlet at once wait for each other instead of deadlocking.
func addLines(ctx context.Context, tx pgx.Tx, ls []outletLines) error {
	var outlets []string
	var keys []int64
	for _, l := range ls {
		for _, k := range l.keys {
			outlets = append(outlets, l.outlet)
			keys = append(keys, k)
		}
	}
	if len(keys) == 0 {
		return nil
	}
	_, err := tx.Exec(ctx, `INSERT INTO outlet_lines (outlet, key, articles)
		SELECT outlet, key, count(*) FROM unnest($1::text[], $2::bigint[]) AS u(outlet, key)
		GROUP BY outlet, key ORDER BY outlet, key
		ON CONFLICT (outlet, key) DO UPDATE SET articles = outlet_lines.articles + excluded.articles`, outlets, keys)
	if err != nil {
		return fmt.Errorf("counting lines: %w", err)
	}
	return nil
}
