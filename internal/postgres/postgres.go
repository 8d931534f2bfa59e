// Package postgres is sift's store for deployments that outgrow one
// machine: the same store interfaces as package sqlite, on PostgreSQL
// (github.com/jackc/pgx/v5), with full-text search on a tsvector column and
// a GIN index, and a work queue from which any number of `sift worker`
// processes, on any number of machines, claim documents to analyse
// (SELECT … FOR UPDATE SKIP LOCKED with a lease).
//
// The schema is kept close to the SQLite one so that the same queries give
// the same results on both backends; the shared test suite in
// internal/storetest checks that they do.
package postgres

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

// DB is an open sift store on a PostgreSQL database.
type DB struct {
	pool *pgxpool.Pool
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

// schema lists the migrations in the order they are applied, each once
// and each in its own transaction. A released migration never changes: a
// change of schema is a new entry at the end.
func schema() []migration {
	return []migration{
		{"000-core", coreSchema},
		{"001-outlet-lines", linesSchema},
		{"100-jobs", jobsSchema},
		{"100-link", linkSchema},
		{"110-copies", copiesSchema},
		{"200-claims", claimSchema},
		{"201-claim-keys-unique", claimKeysUnique},
		{"300-feeds", feedsSchema},
		{"400-link-state", linkStateSchema},
		{"420-claim-keys-capped", claimKeysCapped},
		{"500-link-index", linkIndexSchema},
		{"510-claim-keys-seq", claimKeysSeq},
		{"520-link-lazy", linkLazySchema},
		{"600-derived-text", derivedSchema},
		{"700-compact", compactSchema},
	}
}

// IsURL reports whether a --db value names a PostgreSQL database
// (postgres:// or postgresql://) rather than a SQLite file.
func IsURL(s string) bool {
	return strings.HasPrefix(s, "postgres://") || strings.HasPrefix(s, "postgresql://")
}

// Open connects to the database at url (postgres://user@host:port/db?…,
// any form pgx accepts) and brings its schema up to date. Many processes
// may open the same database at once: migrations are serialised with an
// advisory lock.
func Open(ctx context.Context, url string) (*DB, error) {
	cfg, err := pgxpool.ParseConfig(url)
	if err != nil {
		return nil, fmt.Errorf("opening %s: %w", redact(url), err)
	}
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("opening %s: %w", redact(url), err)
	}
	db := &DB{pool: pool}
	if err := db.migrate(ctx); err != nil {
		pool.Close()
		return nil, fmt.Errorf("opening %s: %w", redact(url), err)
	}
	return db, nil
}

// Close closes every connection of the store.
func (db *DB) Close() error {
	db.pool.Close()
	return nil
}

// Pool returns the underlying connection pool, for the packages of this
// repository that keep tables of their own in the store.
func (db *DB) Pool() *pgxpool.Pool { return db.pool }

// redact hides the password of a connection URL in messages.
func redact(url string) string {
	at := strings.LastIndexByte(url, '@')
	scheme := strings.Index(url, "://")
	if at < 0 || scheme < 0 || at < scheme {
		return url
	}
	userinfo := url[scheme+3 : at]
	if user, _, ok := strings.Cut(userinfo, ":"); ok {
		return url[:scheme+3] + user + ":xxxxx" + url[at:]
	}
	return url
}

// migrationLock is the advisory lock key held while migrating ("sift" in ASCII).
const migrationLock = 0x73696674

func (db *DB) migrate(ctx context.Context) error {
	conn, err := db.pool.Acquire(ctx)
	if err != nil {
		return fmt.Errorf("connecting: %w", err)
	}
	defer conn.Release()
	if _, err := conn.Exec(ctx, `SELECT pg_advisory_lock($1)`, migrationLock); err != nil {
		return fmt.Errorf("locking schema: %w", err)
	}
	defer conn.Exec(context.Background(), `SELECT pg_advisory_unlock($1)`, migrationLock)
	if _, err := conn.Exec(ctx, `CREATE TABLE IF NOT EXISTS migrations (
		name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`); err != nil {
		return fmt.Errorf("creating migrations table: %w", err)
	}
	for _, m := range schema() {
		var done bool
		if err := conn.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM migrations WHERE name = $1)`, m.name).Scan(&done); err != nil {
			return fmt.Errorf("reading migrations: %w", err)
		}
		if done {
			continue
		}
		err := pgx.BeginFunc(ctx, conn, func(tx pgx.Tx) error {
			if _, err := tx.Exec(ctx, m.sql); err != nil {
				return err
			}
			_, err := tx.Exec(ctx, `INSERT INTO migrations(name) VALUES ($1)`, m.name)
			return err
		})
		if err != nil {
			return fmt.Errorf("migration %s: %w", m.name, err)
		}
	}
	return nil
}

// coreSchema mirrors the core schema of package sqlite. Offsets are code
// points into articles.text; analyzer is the version of the stage that made
// the fact. Text columns that are sorted or compared use the "C" collation,
// so that ordering is by code point as in SQLite whatever the database's
// locale. The text search configuration "sift" folds case and diacritics
// and does not stem, like FTS5's unicode61 tokenizer with remove_diacritics
// (without the unaccent extension it folds case only).
const coreSchema = `
DO $$
BEGIN
	BEGIN
		CREATE EXTENSION IF NOT EXISTS unaccent;
		CREATE TEXT SEARCH CONFIGURATION sift (COPY = simple);
		ALTER TEXT SEARCH CONFIGURATION sift ALTER MAPPING FOR asciiword, word, numword,
			asciihword, hword, numhword, hword_asciipart, hword_part, hword_numpart WITH unaccent, simple;
	EXCEPTION WHEN OTHERS THEN
		RAISE NOTICE 'unaccent unavailable (%), search will not fold diacritics', SQLERRM;
		CREATE TEXT SEARCH CONFIGURATION sift (COPY = simple);
	END;
END $$;

CREATE TABLE articles (
	seq         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	id          text COLLATE "C" NOT NULL UNIQUE,
	source      text NOT NULL,
	url         text NOT NULL DEFAULT '',
	title       text NOT NULL DEFAULT '',
	text        text NOT NULL,
	outlet      text COLLATE "C" NOT NULL DEFAULT '',
	author      text NOT NULL DEFAULT '',
	published   text COLLATE "C" NOT NULL DEFAULT '',
	language    text NOT NULL DEFAULT '',
	dateline    text NOT NULL DEFAULT '',
	captions    jsonb NOT NULL DEFAULT '[]',
	boilerplate jsonb NOT NULL DEFAULT '[]',
	comments    jsonb NOT NULL DEFAULT '[]',
	signals     jsonb NOT NULL DEFAULT '[]',
	analyzer    jsonb NOT NULL DEFAULT '{}',
	words       integer NOT NULL DEFAULT 0,
	ingested_at timestamptz NOT NULL DEFAULT now(),
	tsv         tsvector GENERATED ALWAYS AS (
		setweight(to_tsvector('sift', title), 'A') || setweight(to_tsvector('sift', text), 'B')) STORED
);
CREATE INDEX articles_outlet ON articles(outlet, published);
CREATE INDEX articles_published ON articles(published);
CREATE INDEX articles_tsv ON articles USING gin (tsv);

CREATE TABLE entities (
	article_id text COLLATE "C" NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	start      integer NOT NULL,
	"end"      integer NOT NULL,
	text       text COLLATE "C" NOT NULL,
	type       text COLLATE "C" NOT NULL,
	canonical  text COLLATE "C" NOT NULL,
	role       text COLLATE "C" NOT NULL DEFAULT '',
	analyzer   text NOT NULL DEFAULT ''
);
CREATE INDEX entities_article ON entities(article_id);
CREATE INDEX entities_canonical ON entities(canonical);

CREATE TABLE quotes (
	article_id        text COLLATE "C" NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	start             integer NOT NULL,
	"end"             integer NOT NULL,
	text              text NOT NULL,
	kind              text NOT NULL,
	speaker           text COLLATE "C" NOT NULL DEFAULT '',
	speaker_canonical text COLLATE "C" NOT NULL DEFAULT '',
	speaker_start     integer,
	speaker_end       integer,
	cue               text NOT NULL DEFAULT '',
	cue_start         integer,
	cue_end           integer,
	via               jsonb NOT NULL DEFAULT '[]',
	analyzer          text NOT NULL DEFAULT ''
);
CREATE INDEX quotes_article ON quotes(article_id);
CREATE INDEX quotes_speaker ON quotes(speaker_canonical);

CREATE TABLE techniques (
	article_id text COLLATE "C" NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	start      integer NOT NULL,
	"end"      integer NOT NULL,
	text       text NOT NULL,
	technique  text COLLATE "C" NOT NULL,
	score      double precision NOT NULL,
	evidence   jsonb NOT NULL DEFAULT '[]',
	analyzer   text NOT NULL DEFAULT ''
);
CREATE INDEX techniques_article ON techniques(article_id);
CREATE INDEX techniques_technique ON techniques(technique);

CREATE TABLE stories (
	seq        bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
	id         text COLLATE "C" PRIMARY KEY,
	title      text NOT NULL DEFAULT '',
	created_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE story_articles (
	article_id text COLLATE "C" PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
	story_id   text COLLATE "C" NOT NULL REFERENCES stories(id) ON DELETE CASCADE
);
CREATE INDEX story_articles_story ON story_articles(story_id);
`

// params collects the arguments of a query and numbers their placeholders.
type params []any

// add appends v and returns its placeholder ("$3").
func (p *params) add(v any) string {
	*p = append(*p, v)
	return "$" + strconv.Itoa(len(*p))
}

// notFound reports whether err is pgx's "no rows".
func notFound(err error) bool { return errors.Is(err, pgx.ErrNoRows) }
