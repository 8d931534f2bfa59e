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

// exec runs query with args, preparing it on first use.
func (s *stmts) exec(ctx context.Context, query string, args ...any) (sql.Result, error) {
	st, ok := s.m[query]
	if !ok {
		var err error
		if st, err = s.tx.PrepareContext(ctx, query); err != nil {
			return nil, fmt.Errorf("preparing statement: %w", err)
		}
		s.m[query] = st
	}
	return st.ExecContext(ctx, args...)
}

// close closes the prepared statements.
func (s *stmts) close() {
	for _, st := range s.m {
		st.Close()
	}
	clear(s.m)
}
