// Package sqlite is sift's embedded store: one SQLite file (pure Go driver
// modernc.org/sqlite) holding articles, the facts derived from them, and an
// FTS5 index for search. It implements the store interfaces of package sift.
package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"sort"
	"strings"

	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

// DB is an open sift store.
type DB struct {
	db   *sql.DB
	path string // "" for an in-memory store
}

// migration is one named step of the schema. Migrations are applied in
// name order, each once; capabilities add theirs from their own files with
// addMigration, so a name must never change once released.
type migration struct {
	name string
	sql  string
}

var migrations []migration

// addMigration registers a schema step (call it from an init function).
func addMigration(name, sql string) {
	migrations = append(migrations, migration{name, sql})
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

func (s *DB) migrate(ctx context.Context) error {
	if _, err := s.db.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL DEFAULT (datetime('now')))`); err != nil {
		return fmt.Errorf("creating migrations table: %w", err)
	}
	ms := append([]migration(nil), migrations...)
	sort.Slice(ms, func(i, j int) bool { return ms[i].name < ms[j].name })
	for _, m := range ms {
		var n int
		if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM migrations WHERE name = ?`, m.name).Scan(&n); err != nil {
			return fmt.Errorf("reading migrations: %w", err)
		}
		if n > 0 {
			continue
		}
		tx, err := s.db.BeginTx(ctx, nil)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, m.sql); err != nil {
			tx.Rollback()
			return fmt.Errorf("migration %s: %w", m.name, err)
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO migrations(name) VALUES (?)`, m.name); err != nil {
			tx.Rollback()
			return fmt.Errorf("migration %s: %w", m.name, err)
		}
		if err := tx.Commit(); err != nil {
			return fmt.Errorf("migration %s: %w", m.name, err)
		}
	}
	return nil
}

func init() {
	addMigration("000-core", coreSchema)
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
