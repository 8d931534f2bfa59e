// Package sqlite is sift's embedded store: one SQLite file (pure Go driver
// modernc.org/sqlite) holding articles, the facts derived from them, and an
// FTS5 index for search. It implements the store interfaces of package sift.
package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"strings"
	"time"

	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

// DB is an open sift store.
type DB struct {
	db   *sql.DB
	path string // "" for an in-memory store
	// keepPrints writes link_articles.prints whole, as stores before
	// migration 700-compact did: tests that mark a store as one to be
	// backfilled need them.
	keepPrints bool
}

// migration is one named step of the schema.
type migration struct {
	name string
	sql  string
}

// schema lists the migrations in the order they are applied, each once.
// A released migration never changes: a change of schema is a new entry
// at the end.
func schema() []migration {
	return []migration{
		{"000-core", coreSchema},
		{"001-outlet-lines", linesSchema},
		{"100-link", linkSchema},
		{"110-copies", copiesSchema},
		{"200-claims", claimSchema},
		{"201-claim-postings", claimPostingsSchema},
		{"300-feeds", feedsSchema},
		{"400-link-state", linkStateSchema},
		{"420-claim-postings-capped", claimPostingsCapSchema},
		{"500-link-index", linkIndexSchema},
		{"520-link-lazy", linkLazySchema},
		{"600-derived-text", derivedSchema},
		{"700-compact", compactSchema},
	}
}

// Open opens (creating if needed) the store at path and brings its schema
// up to date. ":memory:" opens a private in-memory store.
func Open(path string) (*DB, error) {
	dsn := path
	if path == ":memory:" {
		// One connection, or every connection would see its own empty database.
		dsn = "file::memory:"
	} else {
		dsn = "file:" + (&url.URL{Path: path}).EscapedPath()
	}
	dsn += "?_pragma=busy_timeout(10000)&_pragma=foreign_keys(1)&_pragma=journal_mode(WAL)&_pragma=synchronous(NORMAL)&_pragma=mmap_size(1073741824)&_txlock=immediate"
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("opening %s: %w", path, err)
	}
	if path == ":memory:" {
		db.SetMaxOpenConns(1)
	}
	s := &DB{db: db}
	if path != ":memory:" {
		s.path = path
	}
	if err := s.migrate(context.Background()); err != nil {
		db.Close()
		return nil, fmt.Errorf("opening %s: %w", path, err)
	}
	return s, nil
}

// Close closes the store.
func (s *DB) Close() error { return s.db.Close() }

// SQL returns the underlying database handle, for the packages of this
// repository that keep tables of their own in the store.
func (s *DB) SQL() *sql.DB { return s.db }

// migrate applies the migrations the store lacks. Several processes may
// open a new store at once: each migration is checked for and applied in
// one BEGIN IMMEDIATE transaction (the DSN's _txlock), which holds the
// store's write lock, so a migration another process has just applied is
// seen and skipped rather than applied twice.
func (s *DB) migrate(ctx context.Context) error {
	err := s.createMigrations(ctx)
	// A new store's first connections switch it to WAL, which takes an
	// exclusive lock the busy timeout does not wait for: a concurrent
	// opener can get SQLITE_BUSY at once. It tries again for a while.
	for try := 0; err != nil && strings.Contains(err.Error(), "SQLITE_BUSY") && try < 100; try++ {
		time.Sleep(20 * time.Millisecond)
		err = s.createMigrations(ctx)
	}
	if err != nil {
		return fmt.Errorf("creating migrations table: %w", err)
	}
	applied, err := s.appliedMigrations(ctx)
	if err != nil {
		return err
	}
	for _, m := range schema() {
		if applied[m.name] {
			continue
		}
		if err := s.applyMigration(ctx, m); err != nil {
			return fmt.Errorf("migration %s: %w", m.name, err)
		}
	}
	return nil
}

// createMigrations creates the migrations table if the store has none, in
// a BEGIN IMMEDIATE transaction, which waits for the write lock under the
// busy timeout.
func (s *DB) createMigrations(ctx context.Context) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL DEFAULT (datetime('now')))`); err != nil {
		tx.Rollback()
		return err
	}
	return tx.Commit()
}

// appliedMigrations returns the names of the migrations the store has.
func (s *DB) appliedMigrations(ctx context.Context) (map[string]bool, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT name FROM migrations`)
	if err != nil {
		return nil, fmt.Errorf("reading migrations: %w", err)
	}
	defer rows.Close()
	out := map[string]bool{}
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			return nil, fmt.Errorf("reading migrations: %w", err)
		}
		out[name] = true
	}
	return out, rows.Err()
}

// applyMigration applies m unless, once the write lock is held, the store
// turns out to have it already.
func (s *DB) applyMigration(ctx context.Context, m migration) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM migrations WHERE name = ?`, m.name).Scan(&n); err != nil {
		return err
	}
	if n > 0 {
		return nil
	}
	if _, err := tx.ExecContext(ctx, m.sql); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO migrations(name) VALUES (?)`, m.name); err != nil {
		return err
	}
	return tx.Commit()
}

// coreSchema holds articles and the facts every article carries. Offsets
// are code points into articles.text; analyzer is the version of the stage
// that made the fact.
const coreSchema = `
CREATE TABLE articles (
	rowid       INTEGER PRIMARY KEY,
	id          TEXT NOT NULL UNIQUE,
	source      TEXT NOT NULL,
	url         TEXT NOT NULL DEFAULT '',
	title       TEXT NOT NULL DEFAULT '',
	text        TEXT NOT NULL,
	outlet      TEXT NOT NULL DEFAULT '',
	author      TEXT NOT NULL DEFAULT '',
	published   TEXT NOT NULL DEFAULT '',
	language    TEXT NOT NULL DEFAULT '',
	dateline    TEXT NOT NULL DEFAULT '',
	captions    TEXT NOT NULL DEFAULT '[]',
	boilerplate TEXT NOT NULL DEFAULT '[]',
	comments    TEXT NOT NULL DEFAULT '[]',
	signals     TEXT NOT NULL DEFAULT '[]',
	analyzer    TEXT NOT NULL DEFAULT '{}',
	words       INTEGER NOT NULL DEFAULT 0,
	ingested_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now'))
);
CREATE INDEX articles_outlet ON articles(outlet, published);
CREATE INDEX articles_published ON articles(published);

CREATE VIRTUAL TABLE articles_fts USING fts5(
	title, text, outlet UNINDEXED,
	content='articles', content_rowid='rowid',
	tokenize='unicode61 remove_diacritics 2'
);

CREATE TABLE entities (
	article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	start      INTEGER NOT NULL,
	end        INTEGER NOT NULL,
	text       TEXT NOT NULL,
	type       TEXT NOT NULL,
	canonical  TEXT NOT NULL,
	role       TEXT NOT NULL DEFAULT '',
	analyzer   TEXT NOT NULL DEFAULT ''
);
CREATE INDEX entities_article ON entities(article_id);
CREATE INDEX entities_canonical ON entities(canonical);

CREATE TABLE quotes (
	article_id        TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	start             INTEGER NOT NULL,
	end               INTEGER NOT NULL,
	text              TEXT NOT NULL,
	kind              TEXT NOT NULL,
	speaker           TEXT NOT NULL DEFAULT '',
	speaker_canonical TEXT NOT NULL DEFAULT '',
	speaker_start     INTEGER,
	speaker_end       INTEGER,
	cue               TEXT NOT NULL DEFAULT '',
	cue_start         INTEGER,
	cue_end           INTEGER,
	via               TEXT NOT NULL DEFAULT '[]',
	analyzer          TEXT NOT NULL DEFAULT ''
);
CREATE INDEX quotes_article ON quotes(article_id);
CREATE INDEX quotes_speaker ON quotes(speaker_canonical);

CREATE TABLE techniques (
	article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	start      INTEGER NOT NULL,
	end        INTEGER NOT NULL,
	text       TEXT NOT NULL,
	technique  TEXT NOT NULL,
	score      REAL NOT NULL,
	evidence   TEXT NOT NULL DEFAULT '[]',
	analyzer   TEXT NOT NULL DEFAULT ''
);
CREATE INDEX techniques_article ON techniques(article_id);
CREATE INDEX techniques_technique ON techniques(technique);

-- Stories and reuse links are written by the linking stage (internal/link
-- through cmd/sift); the tables live here so search can filter by story.
CREATE TABLE stories (
	id         TEXT PRIMARY KEY,
	title      TEXT NOT NULL DEFAULT '',
	created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now'))
);
CREATE TABLE story_articles (
	article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
	story_id   TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE
);
CREATE INDEX story_articles_story ON story_articles(story_id);
`

// placeholders returns "?, ?, ..." with n marks.
func placeholders(n int) string {
	return strings.TrimSuffix(strings.Repeat("?, ", n), ", ")
}
