package sqlite

import (
	"bytes"
	"cmp"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
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

// putClaims stores a's claims, unlinked, in tx. Texts that are their
// spans of a's text (sp) are stored NULL, and so are norms equal to their
// text; the analyzer version is the article's (stored empty).
func putClaims(ctx context.Context, tx *stmts, a *sift.Article, sp spans) error {
	for n, c := range a.Claims {
		spk, spc, ss, se := refColumns(c.Speaker)
		var norm any
		if c.Norm != "" && c.Norm != c.Text {
			norm = c.Norm
		}
		if _, err := tx.exec(ctx, `INSERT INTO article_claims(article_id, n, start, end, text, norm, speaker,
			speaker_canonical, speaker_start, speaker_end, via, attributed, analyzer) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '')`,
			a.ID, n, c.Start, c.End, sp.stored(c.Text, c.Start, c.End), norm, spk, spc, ss, se, jsonText(c.Via, "[]"), c.Attributed); err != nil {
			return fmt.Errorf("claims: %w", err)
		}
	}
	return nil
}

// claimsOf returns the stored claims of an article, in text order.
func (s *DB) claimsOf(ctx context.Context, id string) ([]sift.Claim, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT c.start, c.end, `+spanText("c", "a")+`, `+claimNorm("c", "a")+`, c.speaker,
		c.speaker_canonical, c.speaker_start, c.speaker_end, c.via, c.attributed
		FROM article_claims c JOIN articles a ON a.id = c.article_id WHERE c.article_id = ? ORDER BY c.n`, id)
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
	rows, err := s.db.QueryContext(ctx, `SELECT c.article_id, c.n, `+claimNorm("c", "a")+`, a.published, c.speaker_canonical
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
// with keys, looking up only the rarest keys held by at most maxDF claims
// (and never more than sift.ClaimKeyCap, past which the index keeps no
// postings): sift.FindClaimCandidates over the store's index. When more
// claims share as many keys than limit leaves room for, the earliest
// stored are kept; they are returned in order of arrival.
func (s *DB) ClaimCandidates(ctx context.Context, keys []string, maxDF, limit int) ([]sift.ClaimKey, error) {
	out, err := sift.FindClaimCandidates(ctx, s, keys, maxDF, limit)
	if err != nil {
		return nil, fmt.Errorf("looking up claims: %w", err)
	}
	return out, nil
}

// ClaimKeyCounts returns how many linked claims hold each of keys, in one
// query; keys no claim holds are left out.
func (s *DB) ClaimKeyCounts(ctx context.Context, keys []string) (map[string]int, error) {
	out := make(map[string]int, len(keys))
	if len(keys) == 0 {
		return out, nil
	}
	rows, err := s.db.QueryContext(ctx, `SELECT key, n FROM claim_terms WHERE key IN (SELECT value FROM json_each(?))`, jsonText(keys, "[]"))
	if err != nil {
		return nil, fmt.Errorf("reading key counts: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var k string
		var n int
		if err := rows.Scan(&k, &n); err != nil {
			return nil, fmt.Errorf("reading key counts: %w", err)
		}
		out[k] = n
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("reading key counts: %w", err)
	}
	return out, nil
}

// ClaimPostings returns the linked claims holding each of keys, in order of
// arrival (article rowid, then place), in one query. Each key's postings
// come back as one row of text ("rowid n rowid n …"): a row per posting
// costs the driver more than SQLite's B-tree step.
func (s *DB) ClaimPostings(ctx context.Context, keys []string) (map[string][]sift.ClaimPosting, error) {
	out := make(map[string][]sift.ClaimPosting, len(keys))
	if len(keys) == 0 {
		return out, nil
	}
	rows, err := s.db.QueryContext(ctx, `SELECT t.key, (SELECT group_concat(p.article || ' ' || p.n, ' ')
			FROM claim_postings p WHERE p.term = t.id)
		FROM claim_terms t WHERE t.key IN (SELECT value FROM json_each(?))`, jsonText(keys, "[]"))
	if err != nil {
		return nil, fmt.Errorf("reading postings: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var k string
		var list sql.RawBytes
		if err := rows.Scan(&k, &list); err != nil {
			return nil, fmt.Errorf("reading postings: %w", err)
		}
		ps, err := parsePostings(list)
		if err != nil {
			return nil, fmt.Errorf("reading postings of %q: %w", k, err)
		}
		if len(ps) > 0 {
			out[k] = ps
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("reading postings: %w", err)
	}
	return out, nil
}

// parsePostings reads "rowid n rowid n …".
func parsePostings(list []byte) ([]sift.ClaimPosting, error) {
	var out []sift.ClaimPosting
	var nums [2]int64
	i := 0
	for len(list) > 0 {
		j := bytes.IndexByte(list, ' ')
		if j < 0 {
			j = len(list)
		}
		v, err := strconv.ParseInt(string(list[:j]), 10, 64)
		if err != nil {
			return nil, err
		}
		nums[i%2] = v
		if i%2 == 1 {
			out = append(out, sift.ClaimPosting{Seq: nums[0], N: int(nums[1])})
		}
		i++
		list = list[min(j+1, len(list)):]
	}
	if i%2 != 0 {
		return nil, fmt.Errorf("odd posting list")
	}
	return out, nil
}

// ClaimsAt returns the claims at the postings at, in one query.
func (s *DB) ClaimsAt(ctx context.Context, at []sift.ClaimPosting) (map[sift.ClaimPosting]sift.ClaimKey, error) {
	out := make(map[sift.ClaimPosting]sift.ClaimKey, len(at))
	if len(at) == 0 {
		return out, nil
	}
	pairs := make([][2]int64, len(at))
	for i, p := range at {
		pairs[i] = [2]int64{p.Seq, int64(p.N)}
	}
	rows, err := s.db.QueryContext(ctx, `SELECT a.rowid, c.n, a.id, `+claimNorm("c", "a")+`, a.published, c.speaker_canonical, c.claim_id
		FROM json_each(?) j CROSS JOIN articles a CROSS JOIN article_claims c
		WHERE a.rowid = j.value->>0 AND c.article_id = a.id AND c.n = j.value->>1`, jsonText(pairs, "[]"))
	if err != nil {
		return nil, fmt.Errorf("reading claims: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var p sift.ClaimPosting
		var k sift.ClaimKey
		var claim sql.NullString
		if err := rows.Scan(&p.Seq, &p.N, &k.Article, &k.Norm, &k.Published, &k.Speaker, &claim); err != nil {
			return nil, fmt.Errorf("reading claims: %w", err)
		}
		k.N, k.Claim = p.N, claim.String
		out[p] = k
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("reading claims: %w", err)
	}
	return out, nil
}

// claimPostingsCapSchema drops the postings of keys held by more claims
// than sift.ClaimKeyCap: a linker never looks such a key up, so its
// postings were written and kept for nothing (most of the index: the
// commonest words are in most claims). Their counts stay.
const claimPostingsCapSchema = `
DELETE FROM claim_postings WHERE term IN (SELECT id FROM claim_terms WHERE n > 300);
`

// SaveClaimLinks records which thread each claim joined and indexes the
// keys of the claims it links for the first time, in one transaction. A
// claim linked before is relinked but not indexed again, so saving the
// same links again changes no key count. A key is counted until it passes
// sift.ClaimKeyCap (past it, its count no longer matters: it is never
// looked up), and has postings only until then (a key passing the cap
// loses them). Postings are written in key order.
func (s *DB) SaveClaimLinks(ctx context.Context, links []sift.ClaimLink) error {
	if len(links) == 0 {
		return nil
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("saving claim links: %w", err)
	}
	defer tx.Rollback()
	if err := saveClaimLinks(ctx, tx, links); err != nil {
		return fmt.Errorf("saving claim links: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("saving claim links: %w", err)
	}
	return nil
}

// claimRef names an article's claim.
type claimRef struct {
	article string
	n       int
}

func saveClaimLinks(ctx context.Context, tx *sql.Tx, links []sift.ClaimLink) error {
	// A claim linked twice in the batch takes its last link.
	last := map[claimRef]int{}
	for i, l := range links {
		last[claimRef{l.Article, l.N}] = i
	}
	type linkRow struct {
		Article string  `json:"a"`
		N       int     `json:"n"`
		Claim   string  `json:"c"`
		Score   float64 `json:"s"`
	}
	var rows []linkRow
	for i, l := range links {
		if last[claimRef{l.Article, l.N}] == i {
			rows = append(rows, linkRow{l.Article, l.N, l.Claim, l.Score})
		}
	}
	arg := jsonText(rows, "[]")
	// Claims are read with one statement over the batch.
	// The claims not linked yet (and their articles' rowids): only they
	// are indexed.
	fresh := map[claimRef]int64{}
	q, err := tx.QueryContext(ctx, `SELECT c.article_id, c.n, a.rowid FROM json_each(?) j CROSS JOIN article_claims c CROSS JOIN articles a
		WHERE c.article_id = j.value->>'a' AND c.n = j.value->>'n' AND c.claim_id IS NULL AND a.id = c.article_id`, arg)
	if err != nil {
		return fmt.Errorf("reading unlinked claims: %w", err)
	}
	for q.Next() {
		var c claimRef
		var rowid int64
		if err := q.Scan(&c.article, &c.n, &rowid); err != nil {
			q.Close()
			return fmt.Errorf("reading unlinked claims: %w", err)
		}
		fresh[c] = rowid
	}
	q.Close()
	if err := q.Err(); err != nil {
		return fmt.Errorf("reading unlinked claims: %w", err)
	}
	// Writes are one prepared statement a row: a statement writing many
	// rows keeps a statement journal in a temporary file.
	link, err := tx.PrepareContext(ctx, `UPDATE article_claims SET claim_id = ?, score = ? WHERE article_id = ? AND n = ?`)
	if err != nil {
		return err
	}
	defer link.Close()
	for _, r := range rows {
		if _, err := link.ExecContext(ctx, r.Claim, r.Score, r.Article, r.N); err != nil {
			return fmt.Errorf("linking claim %d of %s: %w", r.N, r.Article, err)
		}
	}
	// The keys of the fresh claims, in order of first appearance (new
	// keys are numbered in that order).
	var order []string
	delta := map[string]int{}
	type keyed struct {
		rowid int64
		n     int
		keys  []string
	}
	var indexed []keyed
	for _, l := range links {
		c := claimRef{l.Article, l.N}
		rowid, ok := fresh[c]
		if !ok {
			continue
		}
		delete(fresh, c) // a claim twice in the batch is indexed once
		ks := distinct(l.Keys)
		indexed = append(indexed, keyed{rowid, l.N, ks})
		for _, k := range ks {
			if _, ok := delta[k]; !ok {
				order = append(order, k)
			}
			delta[k]++
		}
	}
	if len(order) == 0 {
		return nil
	}
	type term struct {
		id   int64
		n    int // claims holding the key before this batch
		seen bool
	}
	terms := make(map[string]*term, len(order))
	q, err = tx.QueryContext(ctx, `SELECT key, id, n FROM claim_terms WHERE key IN (SELECT value FROM json_each(?))`, jsonText(order, "[]"))
	if err != nil {
		return fmt.Errorf("reading key counts: %w", err)
	}
	for q.Next() {
		var k string
		t := &term{seen: true}
		if err := q.Scan(&k, &t.id, &t.n); err != nil {
			q.Close()
			return fmt.Errorf("reading key counts: %w", err)
		}
		terms[k] = t
	}
	q.Close()
	if err := q.Err(); err != nil {
		return fmt.Errorf("reading key counts: %w", err)
	}
	add, err := tx.PrepareContext(ctx, `INSERT INTO claim_terms(key, n) VALUES (?, ?) RETURNING id`)
	if err != nil {
		return err
	}
	defer add.Close()
	for _, k := range order {
		if terms[k] != nil {
			continue
		}
		t := &term{}
		if err := add.QueryRowContext(ctx, k, delta[k]).Scan(&t.id); err != nil {
			return fmt.Errorf("adding key: %w", err)
		}
		terms[k] = t
	}
	// Postings of the keys still within the cap once this batch counts,
	// in key order.
	var posts [][3]int64
	for _, c := range indexed {
		for _, k := range c.keys {
			if t := terms[k]; t.n+delta[k] <= sift.ClaimKeyCap {
				posts = append(posts, [3]int64{t.id, c.rowid, int64(c.n)})
			}
		}
	}
	slices.SortFunc(posts, func(a, b [3]int64) int {
		return cmp.Or(cmp.Compare(a[0], b[0]), cmp.Compare(a[1], b[1]), cmp.Compare(a[2], b[2]))
	})
	post, err := tx.PrepareContext(ctx, `INSERT OR IGNORE INTO claim_postings(term, article, n) VALUES (?, ?, ?)`)
	if err != nil {
		return err
	}
	defer post.Close()
	for _, p := range posts {
		if _, err := post.ExecContext(ctx, p[0], p[1], p[2]); err != nil {
			return fmt.Errorf("indexing claims: %w", err)
		}
	}
	// Counts of the keys stored before and still within the cap, in key
	// order; those passing it lose their postings.
	var counts [][2]int64
	var gone []int64
	for _, k := range order {
		t := terms[k]
		if !t.seen || t.n > sift.ClaimKeyCap {
			continue
		}
		counts = append(counts, [2]int64{t.id, int64(delta[k])})
		if t.n+delta[k] > sift.ClaimKeyCap {
			gone = append(gone, t.id)
		}
	}
	slices.SortFunc(counts, func(a, b [2]int64) int { return cmp.Compare(a[0], b[0]) })
	count, err := tx.PrepareContext(ctx, `UPDATE claim_terms SET n = n + ? WHERE id = ?`)
	if err != nil {
		return err
	}
	defer count.Close()
	for _, c := range counts {
		if _, err := count.ExecContext(ctx, c[1], c[0]); err != nil {
			return fmt.Errorf("counting keys: %w", err)
		}
	}
	for _, id := range gone {
		if _, err := tx.ExecContext(ctx, `DELETE FROM claim_postings WHERE term = ?`, id); err != nil {
			return fmt.Errorf("dropping postings: %w", err)
		}
	}
	return nil
}

// distinct returns keys without repeats, in order.
func distinct(keys []string) []string {
	out := make([]string, 0, len(keys))
	for _, k := range keys {
		if !slices.Contains(out, k) {
			out = append(out, k)
		}
	}
	return out
}

// Claims returns the claim threads matching q, most mentions first.
func (s *DB) Claims(ctx context.Context, q sift.ClaimQuery) ([]sift.ClaimThread, error) {
	var where []string
	var args []any
	if ws := strings.Fields(strings.ToLower(q.Text)); len(ws) > 0 {
		// Every word in one mention, not each word in some mention.
		like := make([]string, len(ws))
		for i, w := range ws {
			like[i] = `lower(` + spanText("c", "") + `) LIKE ? ESCAPE '\'`
			args = append(args, "%"+likeEscape(w)+"%")
		}
		where = append(where, `claim_id IN (SELECT c.claim_id FROM article_claims c WHERE `+strings.Join(like, " AND ")+` AND c.claim_id IS NOT NULL)`)
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
	rows, err := s.db.QueryContext(ctx, `SELECT c.start, c.end, `+spanText("c", "a")+`, `+claimNorm("c", "a")+`, c.speaker, c.speaker_canonical, c.speaker_start,
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
