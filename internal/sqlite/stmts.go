package sqlite

import (
	"context"
	"database/sql"
	"fmt"
)

// stmts prepares each statement of a transaction once and reuses it for
// every row: a batch inserts thousands of rows with a handful of
// statements, which SQLite would otherwise parse and plan at every
// execution.
type stmts struct {
	tx *sql.Tx
	m  map[string]*sql.Stmt
}

// newStmts returns a statement cache for tx. Close it before committing.
func newStmts(tx *sql.Tx) *stmts { return &stmts{tx: tx, m: make(map[string]*sql.Stmt)} }

// prepared returns query's statement, preparing it on first use.
func (s *stmts) prepared(ctx context.Context, query string) (*sql.Stmt, error) {
	st, ok := s.m[query]
	if !ok {
		var err error
		if st, err = s.tx.PrepareContext(ctx, query); err != nil {
			return nil, fmt.Errorf("preparing statement: %w", err)
		}
		s.m[query] = st
	}
	return st, nil
}

// exec runs query with args, preparing it on first use.
func (s *stmts) exec(ctx context.Context, query string, args ...any) (sql.Result, error) {
	st, err := s.prepared(ctx, query)
	if err != nil {
		return nil, err
	}
	return st.ExecContext(ctx, args...)
}

// query runs query with args, preparing it on first use.
func (s *stmts) query(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	st, err := s.prepared(ctx, query)
	if err != nil {
		return nil, err
	}
	return st.QueryContext(ctx, args...)
}

// queryRow runs query with args, preparing it on first use; a failed
// preparation is reported by the row's Scan.
func (s *stmts) queryRow(ctx context.Context, query string, args ...any) *sql.Row {
	st, err := s.prepared(ctx, query)
	if err != nil {
		// A statement that cannot be prepared fails the same way unprepared.
		return s.tx.QueryRowContext(ctx, query, args...)
	}
	return st.QueryRowContext(ctx, args...)
}

// close closes the prepared statements.
func (s *stmts) close() {
	for _, st := range s.m {
		st.Close()
	}
	clear(s.m)
}
