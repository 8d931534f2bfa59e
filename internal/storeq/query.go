package storeq

import (
	"context"
	"errors"
)

// ErrNoRows is what Querier.One returns for a query without a row.
var ErrNoRows = errors.New("no rows")

// Querier runs a store's statements for the reads written once here; each
// store adapts its connection (database/sql for SQLite, a pgx pool for
// PostgreSQL) and passes its own SQL.
type Querier interface {
	// Each runs query and calls fn with each row in order, closing the
	// rows after; an error from fn stops the reading and is returned.
	Each(ctx context.Context, query string, args []any, fn func(Row) error) error
	// One runs a query of one row and scans it into dest; without a row
	// it returns ErrNoRows.
	One(ctx context.Context, query string, args []any, dest ...any) error
}

// All runs query and scans every row with scan; the result is empty, not
// nil, without rows.
func All[T any](ctx context.Context, q Querier, scan func(Row) (T, error), query string, args ...any) ([]T, error) {
	out := []T{}
	err := q.Each(ctx, query, args, func(r Row) error {
		v, err := scan(r)
		if err == nil {
			out = append(out, v)
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// Each calls fn with each row of rows in order, stopping at fn's first
// error: Querier.Each over a driver's rows, which the caller closes.
func Each(rows Rows, fn func(Row) error) error {
	for rows.Next() {
		if err := fn(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}

// Map runs a query of (key, value) rows and returns them as a map.
func Map(ctx context.Context, q Querier, query string, args ...any) (map[string]string, error) {
	out := make(map[string]string)
	err := q.Each(ctx, query, args, func(r Row) error {
		var k, v string
		if err := r.Scan(&k, &v); err != nil {
			return err
		}
		out[k] = v
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}
