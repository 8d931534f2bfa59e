package sqlite

import (
	"context"
	"database/sql"
	"fmt"
)

// linesSchema counts the short lines of each outlet (migration 001-outlet-lines).
const linesSchema = `
-- How many stored articles of an outlet contain each short line (by key,
-- see clean.LineKey): lines an outlet repeats everywhere are its template.
CREATE TABLE outlet_lines (
	outlet   TEXT NOT NULL,
	key      INTEGER NOT NULL,
	articles INTEGER NOT NULL,
	PRIMARY KEY (outlet, key)
) WITHOUT ROWID;`

// LineCounts returns, for each of keys, how many stored articles of outlet
// contain that line (keys never seen are absent).
func (s *DB) LineCounts(ctx context.Context, outlet string, keys []int64) (map[int64]int, error) {
	out := map[int64]int{}
	for len(keys) > 0 {
		n := min(len(keys), 500)
		args := []any{outlet}
		for _, k := range keys[:n] {
			args = append(args, k)
		}
		rows, err := s.db.QueryContext(ctx, `SELECT key, articles FROM outlet_lines WHERE outlet = ? AND key IN (`+placeholders(n)+`)`, args...)
		if err != nil {
			return nil, fmt.Errorf("reading line counts of %s: %w", outlet, err)
		}
		for rows.Next() {
			var k int64
			var c int
			if err := rows.Scan(&k, &c); err != nil {
				rows.Close()
				return nil, err
			}
			out[k] = c
		}
		rows.Close()
		keys = keys[n:]
	}
	return out, nil
}

// AddLines counts one more article of outlet for each of keys.
func (s *DB) AddLines(ctx context.Context, outlet string, keys []int64) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := addLines(ctx, tx, outlet, keys); err != nil {
		return err
	}
	return tx.Commit()
}

// addLines counts one more article of outlet for each of keys in tx.
func addLines(ctx context.Context, tx *sql.Tx, outlet string, keys []int64) error {
	if len(keys) == 0 {
		return nil
	}
	stmt, err := tx.PrepareContext(ctx, `INSERT INTO outlet_lines(outlet, key, articles) VALUES (?, ?, 1)
		ON CONFLICT(outlet, key) DO UPDATE SET articles = articles + 1`)
	if err != nil {
		return fmt.Errorf("counting lines of %s: %w", outlet, err)
	}
	defer stmt.Close()
	for _, k := range keys {
		if _, err := stmt.ExecContext(ctx, outlet, k); err != nil {
			return fmt.Errorf("counting lines of %s: %w", outlet, err)
		}
	}
	return nil
}
