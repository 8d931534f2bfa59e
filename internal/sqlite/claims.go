package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/sift-news/sift"
)

var (
	_ sift.ClaimStore     = (*DB)(nil)
	_ sift.ClaimLinkStore = (*DB)(nil)
)

// claimSchema holds each article's claims (stored with the article, linked
// later) and the index the claim linker looks candidates up in: one row
// per key of every linked claim, and each key's count.
const claimSchema = `
CREATE TABLE article_claims (
	article_id        TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	n                 INTEGER NOT NULL,
	start             INTEGER NOT NULL,
	end               INTEGER NOT NULL,
	text              TEXT NOT NULL,
	norm              TEXT NOT NULL,
	speaker           TEXT NOT NULL DEFAULT '',
	speaker_canonical TEXT NOT NULL DEFAULT '',
	speaker_start     INTEGER,
	speaker_end       INTEGER,
	via               TEXT NOT NULL DEFAULT '[]',
	attributed        INTEGER NOT NULL DEFAULT 0,
	analyzer          TEXT NOT NULL DEFAULT '',
	claim_id          TEXT,
	score             REAL NOT NULL DEFAULT 0,
	PRIMARY KEY (article_id, n)
);
CREATE INDEX article_claims_claim ON article_claims(claim_id);
CREATE INDEX article_claims_pending ON article_claims(article_id) WHERE claim_id IS NULL;

CREATE TABLE claim_keys (
	key        TEXT NOT NULL,
	article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	n          INTEGER NOT NULL
);
CREATE INDEX claim_keys_key ON claim_keys(key);
CREATE TABLE claim_key_df (
	key TEXT PRIMARY KEY,
	n   INTEGER NOT NULL
) WITHOUT ROWID;
`

// claimPostingsSchema replaces the first key index (one row per key
// string and article ID, looked up through a second index) with integer
// keys in a covering table: a claim's keys are found in one B-tree, at a
// fifth of the size. claim_terms numbers the keys and counts the claims
// holding each; claim_postings lists them by key, article row and claim.
const claimPostingsSchema = `
CREATE TABLE claim_terms (
	id  INTEGER PRIMARY KEY,
	key TEXT NOT NULL UNIQUE,
	n   INTEGER NOT NULL
);
CREATE TABLE claim_postings (
	term    INTEGER NOT NULL,
	article INTEGER NOT NULL,
	n       INTEGER NOT NULL,
	PRIMARY KEY (term, article, n)
) WITHOUT ROWID;
INSERT INTO claim_terms(key, n) SELECT key, 0 FROM claim_key_df ORDER BY key;
INSERT OR IGNORE INTO claim_postings(term, article, n)
	SELECT t.id, a.rowid, k.n FROM claim_keys k JOIN claim_terms t ON t.key = k.key JOIN articles a ON a.id = k.article_id;
UPDATE claim_terms SET n = (SELECT count(*) FROM claim_postings p WHERE p.term = claim_terms.id);
DROP TABLE claim_keys;
DROP TABLE claim_key_df;
`

// putClaims stores a's claims, unlinked, in tx.
func putClaims(ctx context.Context, tx *stmts, a *sift.Article) error {
	ver := a.Analyzer["claims"]
	for n, c := range a.Claims {
		var sp, spc string
		var ss, se sql.NullInt64
		if c.Speaker != nil {
			sp, spc = c.Speaker.Text, c.Speaker.Canonical
			ss = sql.NullInt64{Int64: int64(c.Speaker.Start), Valid: true}
			se = sql.NullInt64{Int64: int64(c.Speaker.End), Valid: true}
		}
		norm := c.Norm
		if norm == "" {
			norm = c.Text
		}
		if _, err := tx.exec(ctx, `INSERT INTO article_claims(article_id, n, start, end, text, norm, speaker,
			speaker_canonical, speaker_start, speaker_end, via, attributed, analyzer) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			a.ID, n, c.Start, c.End, c.Text, norm, sp, spc, ss, se, jsonText(c.Via, "[]"), c.Attributed, ver); err != nil {
			return fmt.Errorf("claims: %w", err)
		}
	}
	return nil
}

// claimsOf returns the stored claims of an article, in text order.
func (s *DB) claimsOf(ctx context.Context, id string) ([]sift.Claim, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT start, end, text, norm, speaker, speaker_canonical, speaker_start, speaker_end,
		via, attributed FROM article_claims WHERE article_id = ? ORDER BY n`, id)
	if err != nil {
		return nil, fmt.Errorf("reading claims of %s: %w", id, err)
	}
	defer rows.Close()
	out := []sift.Claim{}
	for rows.Next() {
		c, err := scanClaim(rows)
		if err != nil {
			return nil, fmt.Errorf("reading claims of %s: %w", id, err)
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// scanClaim reads start, end, text, norm, speaker, speaker_canonical,
// speaker_start, speaker_end, via, attributed (and then dst's extra
// columns).
func scanClaim(rows *sql.Rows, extra ...any) (sift.Claim, error) {
	var c sift.Claim
	var sp, spc, via string
	var ss, se sql.NullInt64
	dst := append([]any{&c.Start, &c.End, &c.Text, &c.Norm, &sp, &spc, &ss, &se, &via, &c.Attributed}, extra...)
	if err := rows.Scan(dst...); err != nil {
		return c, err
	}
	if ss.Valid {
		c.Speaker = &sift.Ref{Span: sift.Span{Start: int(ss.Int64), End: int(se.Int64), Text: sp}, Canonical: spc}
	}
	if err := json.Unmarshal([]byte(via), &c.Via); err != nil {
		return c, err
	}
	if c.Via == nil {
		c.Via = []sift.Ref{}
	}
	return c, nil
}

// PendingClaims returns up to limit stored claims not linked yet, in order
// of arrival (article, then position in it).
func (s *DB) PendingClaims(ctx context.Context, limit int) ([]sift.ClaimKey, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT c.article_id, c.n, c.norm, a.published, c.speaker_canonical
		FROM article_claims c JOIN articles a ON a.id = c.article_id
		WHERE c.claim_id IS NULL ORDER BY a.rowid, c.n LIMIT ?`, limit)
	if err != nil {
		return nil, fmt.Errorf("listing unlinked claims: %w", err)
	}
	defer rows.Close()
	var out []sift.ClaimKey
	for rows.Next() {
		var k sift.ClaimKey
		if err := rows.Scan(&k.Article, &k.N, &k.Norm, &k.Published, &k.Speaker); err != nil {
			return nil, fmt.Errorf("listing unlinked claims: %w", err)
		}
		out = append(out, k)
	}
	return out, rows.Err()
}

// ClaimCandidates returns up to limit linked claims sharing the most keys
// with keys, looking up only the rarest keys held by at most maxDF claims.
// It is one query: the key counts pick the keys, the postings of those keys
// are counted per claim, and the best claims are joined to their rows.
// When more claims share as many keys than limit leaves room for, the
// earliest stored are kept; they are returned in order of arrival.
func (s *DB) ClaimCandidates(ctx context.Context, keys []string, maxDF, limit int) ([]sift.ClaimKey, error) {
	if len(keys) == 0 {
		return nil, nil
	}
	args := make([]any, 0, len(keys)+4)
	for _, k := range keys {
		args = append(args, k)
	}
	args = append(args, maxDF, maxLookup, limit)
	rows, err := s.db.QueryContext(ctx, `WITH look AS (
			SELECT id FROM claim_terms WHERE key IN (`+placeholders(len(keys))+`) AND n <= ? ORDER BY n, key LIMIT ?),
		m AS (
			SELECT article, n, count(*) AS shared FROM claim_postings WHERE term IN (SELECT id FROM look)
			GROUP BY article, n ORDER BY shared DESC, article, n LIMIT ?)
		SELECT a.id, c.n, c.norm, a.published, c.speaker_canonical, c.claim_id, m.shared
		FROM m JOIN articles a ON a.rowid = m.article
		JOIN article_claims c ON c.article_id = a.id AND c.n = m.n
		ORDER BY m.shared DESC, m.article, m.n`, args...)
	if err != nil {
		return nil, fmt.Errorf("looking up claims: %w", err)
	}
	defer rows.Close()
	var out []sift.ClaimKey
	for rows.Next() {
		var k sift.ClaimKey
		var claim sql.NullString
		if err := rows.Scan(&k.Article, &k.N, &k.Norm, &k.Published, &k.Speaker, &claim, &k.Shared); err != nil {
			return nil, fmt.Errorf("looking up claims: %w", err)
		}
		k.Claim = claim.String
		out = append(out, k)
	}
	return out, rows.Err()
}

// maxLookup is the most keys of one claim looked up in the index.
const maxLookup = 12

// SaveClaimLinks records which thread each claim joined and indexes its
// keys, in one transaction. A claim indexed before is not counted twice,
// so saving the same links again changes nothing.
func (s *DB) SaveClaimLinks(ctx context.Context, links []sift.ClaimLink) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("saving claim links: %w", err)
	}
	defer tx.Rollback()
	link, err := tx.PrepareContext(ctx, `UPDATE article_claims SET claim_id = ?, score = ? WHERE article_id = ? AND n = ?`)
	if err != nil {
		return fmt.Errorf("saving claim links: %w", err)
	}
	defer link.Close()
	term, err := tx.PrepareContext(ctx, `INSERT INTO claim_terms(key, n) VALUES (?, 0)
		ON CONFLICT(key) DO UPDATE SET key = excluded.key RETURNING id`)
	if err != nil {
		return fmt.Errorf("saving claim links: %w", err)
	}
	defer term.Close()
	post, err := tx.PrepareContext(ctx, `INSERT OR IGNORE INTO claim_postings(term, article, n)
		SELECT ?, rowid, ? FROM articles WHERE id = ?`)
	if err != nil {
		return fmt.Errorf("saving claim links: %w", err)
	}
	defer post.Close()
	ids := map[string]int64{}
	df := map[int64]int{}
	for _, l := range links {
		if _, err := link.ExecContext(ctx, l.Claim, l.Score, l.Article, l.N); err != nil {
			return fmt.Errorf("saving claim link of %s: %w", l.Article, err)
		}
		for _, k := range l.Keys {
			id, ok := ids[k]
			if !ok {
				if err := term.QueryRowContext(ctx, k).Scan(&id); err != nil {
					return fmt.Errorf("indexing claim of %s: %w", l.Article, err)
				}
				ids[k] = id
			}
			res, err := post.ExecContext(ctx, id, l.N, l.Article)
			if err != nil {
				return fmt.Errorf("indexing claim of %s: %w", l.Article, err)
			}
			if n, _ := res.RowsAffected(); n > 0 {
				df[id]++
			}
		}
	}
	terms := make([]int64, 0, len(df))
	for id := range df {
		terms = append(terms, id)
	}
	slices.Sort(terms)
	for _, id := range terms {
		if _, err := tx.ExecContext(ctx, `UPDATE claim_terms SET n = n + ? WHERE id = ?`, df[id], id); err != nil {
			return fmt.Errorf("saving key counts: %w", err)
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("saving claim links: %w", err)
	}
	return nil
}

// Claims returns the claim threads matching q, most mentions first.
func (s *DB) Claims(ctx context.Context, q sift.ClaimQuery) ([]sift.ClaimThread, error) {
	var where []string
	var args []any
	if ws := strings.Fields(strings.ToLower(q.Text)); len(ws) > 0 {
		// Every word in one mention, not each word in some mention.
		like := make([]string, len(ws))
		for i, w := range ws {
			like[i] = `lower(text) LIKE ? ESCAPE '\'`
			args = append(args, "%"+likeEscape(w)+"%")
		}
		where = append(where, `claim_id IN (SELECT claim_id FROM article_claims WHERE `+strings.Join(like, " AND ")+` AND claim_id IS NOT NULL)`)
	}
	if q.Outlet != "" {
		where = append(where, `claim_id IN (SELECT c.claim_id FROM article_claims c JOIN articles a ON a.id = c.article_id
			WHERE a.outlet = ? COLLATE NOCASE AND c.claim_id IS NOT NULL)`)
		args = append(args, q.Outlet)
	}
	if q.Since != "" {
		where = append(where, `claim_id IN (SELECT c.claim_id FROM article_claims c JOIN articles a ON a.id = c.article_id
			WHERE a.published >= ? AND c.claim_id IS NOT NULL)`)
		args = append(args, q.Since)
	}
	if q.Speaker != "" {
		where = append(where, `claim_id IN (SELECT claim_id FROM article_claims WHERE claim_id IS NOT NULL AND
			(lower(speaker_canonical) LIKE ? ESCAPE '\' OR lower(speaker) LIKE ? ESCAPE '\'))`)
		p := "%" + likeEscape(strings.ToLower(q.Speaker)) + "%"
		args = append(args, p, p)
	}
	if q.Article != "" {
		where = append(where, `claim_id IN (SELECT claim_id FROM article_claims WHERE article_id = ? AND claim_id IS NOT NULL)`)
		args = append(args, q.Article)
	}
	if q.Story != "" {
		where = append(where, `claim_id IN (SELECT c.claim_id FROM article_claims c JOIN story_articles sa ON sa.article_id = c.article_id
			WHERE sa.story_id = ? AND c.claim_id IS NOT NULL)`)
		args = append(args, q.Story)
	}
	if q.Laundered {
		// Attributed in one mention, stated as fact in a later one (by the
		// outlet asked about).
		outlet, oargs := "", []any{}
		if q.Outlet != "" {
			outlet, oargs = ` AND fa.outlet = ? COLLATE NOCASE`, []any{q.Outlet}
		}
		where = append(where, `claim_id IN (SELECT f.claim_id FROM article_claims f JOIN articles fa ON fa.id = f.article_id
			JOIN article_claims t ON t.claim_id = f.claim_id AND t.attributed = 1 JOIN articles ta ON ta.id = t.article_id
			WHERE f.attributed = 0 AND f.claim_id IS NOT NULL AND (ta.published < fa.published OR (ta.published = fa.published AND ta.rowid < fa.rowid))`+outlet+`)`)
		args = append(args, oargs...)
	}
	sqlText := `SELECT claim_id, count(*) AS mentions FROM article_claims WHERE claim_id IS NOT NULL`
	for _, w := range where {
		sqlText += " AND " + w
	}
	sqlText += ` GROUP BY claim_id`
	if q.MinMentions > 1 {
		sqlText += ` HAVING count(*) >= ?`
		args = append(args, q.MinMentions)
	}
	sqlText += ` ORDER BY mentions DESC, min(rowid), claim_id`
	if q.Limit > 0 || q.Offset > 0 {
		limit := q.Limit
		if limit <= 0 {
			limit = -1 // no limit, only the offset
		}
		sqlText += ` LIMIT ? OFFSET ?`
		args = append(args, limit, max(q.Offset, 0))
	}
	rows, err := s.db.QueryContext(ctx, sqlText, args...)
	if err != nil {
		return nil, fmt.Errorf("listing claims: %w", err)
	}
	var ids []string
	for rows.Next() {
		var id string
		var n int
		if err := rows.Scan(&id, &n); err != nil {
			rows.Close()
			return nil, fmt.Errorf("listing claims: %w", err)
		}
		ids = append(ids, id)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("listing claims: %w", err)
	}
	out := make([]sift.ClaimThread, 0, len(ids))
	for _, id := range ids {
		t, err := s.Claim(ctx, id)
		if err != nil {
			return nil, err
		}
		out = append(out, *t)
	}
	return out, nil
}

// Claim returns one claim thread with every mention, first seen first.
func (s *DB) Claim(ctx context.Context, id string) (*sift.ClaimThread, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT c.start, c.end, c.text, c.norm, c.speaker, c.speaker_canonical, c.speaker_start,
		c.speaker_end, c.via, c.attributed, c.article_id, a.source, a.outlet, a.published, a.title, c.score
		FROM article_claims c JOIN articles a ON a.id = c.article_id WHERE c.claim_id = ?
		ORDER BY a.published = '', a.published, a.rowid, c.n`, id)
	if err != nil {
		return nil, fmt.Errorf("reading claim %s: %w", id, err)
	}
	defer rows.Close()
	t := &sift.ClaimThread{ID: id}
	for rows.Next() {
		var m sift.ClaimMention
		c, err := scanClaim(rows, &m.Article, &m.Source, &m.Outlet, &m.Published, &m.Title, &m.Score)
		if err != nil {
			return nil, fmt.Errorf("reading claim %s: %w", id, err)
		}
		m.Claim = c
		t.Mentions = append(t.Mentions, m)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("reading claim %s: %w", id, err)
	}
	if len(t.Mentions) == 0 {
		return nil, fmt.Errorf("claim %s: %w", id, sift.ErrNotFound)
	}
	sift.OrderMentions(t)
	return t, nil
}

// likeEscape escapes the LIKE wildcards of s (with \ as the escape).
func likeEscape(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}
