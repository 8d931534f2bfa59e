package postgres

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5"

	"github.com/sift-news/sift"
)

var (
	_ sift.ClaimStore     = (*DB)(nil)
	_ sift.ClaimLinkStore = (*DB)(nil)
)

// claimKeysUnique makes a claim's key a set: duplicates left by links
// saved twice are removed, the counts recomputed, and a unique index keeps
// it so.
const claimKeysUnique = `
DELETE FROM claim_keys a USING claim_keys b
	WHERE a.ctid < b.ctid AND a.key = b.key AND a.article_id = b.article_id AND a.n = b.n;
CREATE UNIQUE INDEX claim_keys_unique ON claim_keys(key, article_id, n);
UPDATE claim_key_df d SET n = (SELECT count(*) FROM claim_keys k WHERE k.key = d.key);
`

// claimSchema mirrors the claim tables of package sqlite: each article's
// claims (stored with the article, linked later) and the index the claim
// linker looks candidates up in, one row per key of every linked claim and
// each key's count.
const claimSchema = `
CREATE TABLE article_claims (
	article_id        text COLLATE "C" NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	n                 integer NOT NULL,
	start             integer NOT NULL,
	"end"             integer NOT NULL,
	text              text COLLATE "C" NOT NULL,
	norm              text NOT NULL,
	speaker           text COLLATE "C" NOT NULL DEFAULT '',
	speaker_canonical text COLLATE "C" NOT NULL DEFAULT '',
	speaker_start     integer,
	speaker_end       integer,
	via               jsonb NOT NULL DEFAULT '[]',
	attributed        boolean NOT NULL DEFAULT false,
	analyzer          text NOT NULL DEFAULT '',
	claim_id          text COLLATE "C",
	score             double precision NOT NULL DEFAULT 0,
	PRIMARY KEY (article_id, n)
);
CREATE INDEX article_claims_claim ON article_claims(claim_id);
CREATE INDEX article_claims_pending ON article_claims(article_id) WHERE claim_id IS NULL;

CREATE TABLE claim_keys (
	key        text COLLATE "C" NOT NULL,
	article_id text COLLATE "C" NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	n          integer NOT NULL
);
CREATE INDEX claim_keys_key ON claim_keys(key);
CREATE INDEX claim_keys_article ON claim_keys(article_id);
CREATE TABLE claim_key_df (
	key text COLLATE "C" PRIMARY KEY,
	n   integer NOT NULL
);
`

// putClaims stores the claims of as, unlinked, in tx with one statement.
func putClaims(ctx context.Context, tx pgx.Tx, as []*sift.Article) error {
	var ids, speakers, canon, vias, vers []string
	var texts []*string
	var norms []*string
	var ns, starts, ends []int32
	var sStarts, sEnds []*int32
	var attributed []bool
	for _, a := range as {
		runes := articleRunes(a.Text)
		for n, c := range a.Claims {
			var sp, spc string
			var ss, se *int32
			if c.Speaker != nil {
				sp, spc = c.Speaker.Text, c.Speaker.Canonical
				ss, se = ptr(c.Speaker.Start), ptr(c.Speaker.End)
			}
			// Stored NULL: a text that is its span of the article's
			// text, a norm that is the text (migration 600-derived-text).
			var norm *string
			if c.Norm != "" && c.Norm != c.Text {
				norm = ptrString(noNUL(c.Norm))
			}
			ids = append(ids, a.ID)
			ns = append(ns, int32(n))
			starts = append(starts, int32(c.Start))
			ends = append(ends, int32(c.End))
			texts = append(texts, spanned(runes, noNUL(c.Text), c.Start, c.End))
			norms = append(norms, norm)
			speakers = append(speakers, noNUL(sp))
			canon = append(canon, noNUL(spc))
			sStarts, sEnds = append(sStarts, ss), append(sEnds, se)
			vias = append(vias, noNUL(jsonText(c.Via, "[]")))
			attributed = append(attributed, c.Attributed)
			vers = append(vers, "") // the article's
		}
	}
	if len(ids) == 0 {
		return nil
	}
	_, err := tx.Exec(ctx, `INSERT INTO article_claims (article_id, n, start, "end", text, norm, speaker, speaker_canonical,
			speaker_start, speaker_end, via, attributed, analyzer)
		SELECT id, n, start, "end", text, norm, speaker, canonical, ss, se, via::jsonb, attributed, analyzer
		FROM unnest($1::text[], $2::int[], $3::int[], $4::int[], $5::text[], $6::text[], $7::text[], $8::text[],
			$9::int[], $10::int[], $11::text[], $12::bool[], $13::text[])
			AS u(id, n, start, "end", text, norm, speaker, canonical, ss, se, via, attributed, analyzer)`,
		ids, ns, starts, ends, texts, norms, speakers, canon, sStarts, sEnds, vias, attributed, vers)
	return err
}

// claimColumns are the columns scanClaim reads, of article_claims c.
var claimColumns = claimColumnsOf("a")

// claimColumnsOf are claimColumns where articles are aliased a (joined on
// c.article_id), or not joined ("").
func claimColumnsOf(a string) string {
	return `c.start, c."end", ` + claimText("c", a) + `, ` + claimNorm("c", a) + `, c.speaker, c.speaker_canonical,
	c.speaker_start, c.speaker_end, c.via::text, c.attributed`
}

// scanClaim reads claimColumns, followed by any extra destinations.
func scanClaim(r pgx.Row, extra ...any) (sift.Claim, error) {
	var c sift.Claim
	var sp, spc, via string
	var ss, se *int32
	dst := append([]any{&c.Start, &c.End, &c.Text, &c.Norm, &sp, &spc, &ss, &se, &via, &c.Attributed}, extra...)
	if err := r.Scan(dst...); err != nil {
		return c, err
	}
	if ss != nil && se != nil {
		c.Speaker = &sift.Ref{Span: sift.Span{Start: int(*ss), End: int(*se), Text: sp}, Canonical: spc}
	}
	if err := json.Unmarshal([]byte(via), &c.Via); err != nil {
		return c, err
	}
	if c.Via == nil {
		c.Via = []sift.Ref{}
	}
	return c, nil
}

// readClaims reads the rows of a claimColumns query: an article's claims,
// in text order, never nil.
func readClaims(rows pgx.Rows) ([]sift.Claim, error) {
	defer rows.Close()
	out := []sift.Claim{}
	for rows.Next() {
		c, err := scanClaim(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// sqlLimit is a LIMIT argument with SQLite's meaning: a negative limit
// is no limit.
func sqlLimit(limit int) any {
	if limit < 0 {
		return nil // LIMIT NULL is LIMIT ALL
	}
	return limit
}

// PendingClaims returns up to limit stored claims not linked yet, in order
// of arrival (article, then position in it).
func (db *DB) PendingClaims(ctx context.Context, limit int) ([]sift.ClaimKey, error) {
	rows, err := db.pool.Query(ctx, `SELECT c.article_id, c.n, `+claimNorm("c", "a")+`, a.published, c.speaker_canonical
		FROM article_claims c JOIN articles a ON a.id = c.article_id
		WHERE c.claim_id IS NULL ORDER BY a.seq, c.n LIMIT $1`, sqlLimit(limit))
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
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("listing unlinked claims: %w", err)
	}
	return out, nil
}

// ClaimCandidates returns up to limit linked claims sharing the most keys
// with keys, looking up only the rarest keys held by at most maxDF claims
// (and never more than sift.ClaimKeyCap, past which the index keeps no
// rows): sift.FindClaimCandidates over the store's index. When more claims
// share as many keys than limit leaves room for, the earliest stored are
// kept, as package sqlite keeps them; the kept ones are returned in order
// of arrival.
func (db *DB) ClaimCandidates(ctx context.Context, keys []string, maxDF, limit int) ([]sift.ClaimKey, error) {
	out, err := sift.FindClaimCandidates(ctx, db, keys, maxDF, limit)
	if err != nil {
		return nil, fmt.Errorf("looking up claims: %w", err)
	}
	return out, nil
}

// ClaimKeyCounts returns how many linked claims hold each of keys, in one
// query; keys no claim holds are left out.
func (db *DB) ClaimKeyCounts(ctx context.Context, keys []string) (map[string]int, error) {
	out := make(map[string]int, len(keys))
	if len(keys) == 0 {
		return out, nil
	}
	clean := make([]string, len(keys))
	for i, k := range keys {
		clean[i] = noNUL(k)
	}
	rows, err := db.pool.Query(ctx, `SELECT key, n FROM claim_key_df WHERE key = ANY($1::text[])`, clean)
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
// arrival (article seq, then place), in one query.
func (db *DB) ClaimPostings(ctx context.Context, keys []string) (map[string][]sift.ClaimPosting, error) {
	out := make(map[string][]sift.ClaimPosting, len(keys))
	if len(keys) == 0 {
		return out, nil
	}
	rows, err := db.pool.Query(ctx, `SELECT key, seq, n FROM claim_keys WHERE key = ANY($1::text[]) ORDER BY key, seq, n`, keys)
	if err != nil {
		return nil, fmt.Errorf("reading postings: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var k string
		var p sift.ClaimPosting
		if err := rows.Scan(&k, &p.Seq, &p.N); err != nil {
			return nil, fmt.Errorf("reading postings: %w", err)
		}
		out[k] = append(out[k], p)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("reading postings: %w", err)
	}
	return out, nil
}

// ClaimsAt returns the claims at the postings at, in one query.
func (db *DB) ClaimsAt(ctx context.Context, at []sift.ClaimPosting) (map[sift.ClaimPosting]sift.ClaimKey, error) {
	out := make(map[sift.ClaimPosting]sift.ClaimKey, len(at))
	if len(at) == 0 {
		return out, nil
	}
	seqs := make([]int64, len(at))
	ns := make([]int32, len(at))
	for i, p := range at {
		seqs[i], ns[i] = p.Seq, int32(p.N)
	}
	rows, err := db.pool.Query(ctx, `SELECT a.seq, c.n, c.article_id, `+claimNorm("c", "a")+`, a.published, c.speaker_canonical, c.claim_id
		FROM unnest($1::bigint[], $2::int[]) AS u(seq, n) JOIN articles a ON a.seq = u.seq
		JOIN article_claims c ON c.article_id = a.id AND c.n = u.n`, seqs, ns)
	if err != nil {
		return nil, fmt.Errorf("reading claims: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var p sift.ClaimPosting
		var k sift.ClaimKey
		var claim *string
		if err := rows.Scan(&p.Seq, &p.N, &k.Article, &k.Norm, &k.Published, &k.Speaker, &claim); err != nil {
			return nil, fmt.Errorf("reading claims: %w", err)
		}
		k.N = p.N
		if claim != nil {
			k.Claim = *claim
		}
		out[p] = k
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("reading claims: %w", err)
	}
	return out, nil
}

// claimKeysCapped drops the index rows of keys held by more claims than
// sift.ClaimKeyCap, as package sqlite's migration 420 does: a linker never
// looks such a key up. Their counts stay.
const claimKeysCapped = `
DELETE FROM claim_keys WHERE key IN (SELECT key FROM claim_key_df WHERE n > 300);
`

// claimKeysSeq keeps each index row's article seq beside it, so that the
// postings of a key (ClaimPostings) are read from one index, already in
// order, without a join to articles and a sort: the lock holder's largest
// statement (4.3 million posting rows for 1,000 generated articles).
const claimKeysSeq = `
ALTER TABLE claim_keys ADD COLUMN seq bigint;
UPDATE claim_keys k SET seq = a.seq FROM articles a WHERE a.id = k.article_id;
ALTER TABLE claim_keys ALTER COLUMN seq SET NOT NULL;
CREATE INDEX claim_keys_postings ON claim_keys(key, seq, n);
DROP INDEX claim_keys_key;
`

// SaveClaimLinks records which thread each claim joined and indexes the
// keys of the claims it links for the first time, in one transaction. A
// claim linked before (by an earlier save, or by another worker meanwhile)
// is relinked but not counted again. Keys are counted in key order, so that
// concurrent linkers cannot deadlock on the counts, until they pass
// sift.ClaimKeyCap (past it a count no longer matters: the key is never
// looked up); index rows are kept only for keys held by at most
// sift.ClaimKeyCap claims (a key passing the cap loses them).
func (db *DB) SaveClaimLinks(ctx context.Context, links []sift.ClaimLink) error {
	if len(links) == 0 {
		return nil
	}
	var ids, claims []string
	var ns []int32
	var scores []float64
	for _, l := range links {
		ids = append(ids, l.Article)
		ns = append(ns, int32(l.N))
		claims = append(claims, noNUL(l.Claim))
		scores = append(scores, l.Score)
	}
	err := pgx.BeginFunc(ctx, db.pool, func(tx pgx.Tx) error {
		// The claims not linked yet, locked so that a worker linking the
		// same claims meanwhile sees them linked once this commits.
		rows, err := tx.Query(ctx, `SELECT c.article_id, c.n FROM article_claims c
			JOIN unnest($1::text[], $2::int[]) AS u(id, n) ON c.article_id = u.id AND c.n = u.n
			WHERE c.claim_id IS NULL ORDER BY c.article_id, c.n FOR UPDATE OF c`, ids, ns)
		if err != nil {
			return fmt.Errorf("reading unlinked claims: %w", err)
		}
		type claimRef struct {
			article string
			n       int32
		}
		fresh := map[claimRef]bool{}
		for rows.Next() {
			var c claimRef
			if err := rows.Scan(&c.article, &c.n); err != nil {
				rows.Close()
				return fmt.Errorf("reading unlinked claims: %w", err)
			}
			fresh[c] = true
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return fmt.Errorf("reading unlinked claims: %w", err)
		}
		// A claim linked twice in the batch takes its last link, as one
		// UPDATE per link would leave it.
		if _, err := tx.Exec(ctx, `UPDATE article_claims c SET claim_id = u.claim, score = u.score
			FROM (SELECT DISTINCT ON (id, n) id, n, claim, score
			      FROM unnest($1::text[], $2::int[], $3::text[], $4::float8[]) WITH ORDINALITY AS u(id, n, claim, score, i)
			      ORDER BY id, n, i DESC) u
			WHERE c.article_id = u.id AND c.n = u.n`, ids, ns, claims, scores); err != nil {
			return fmt.Errorf("saving claim links: %w", err)
		}
		var kArticles, kKeys []string
		var kNs []int32
		for _, l := range links {
			c := claimRef{l.Article, int32(l.N)}
			if !fresh[c] {
				continue
			}
			delete(fresh, c) // a claim twice in the batch is indexed once
			seen := map[string]bool{}
			for _, k := range l.Keys {
				if k = noNUL(k); !seen[k] {
					seen[k] = true
					kKeys = append(kKeys, k)
					kArticles = append(kArticles, l.Article)
					kNs = append(kNs, int32(l.N))
				}
			}
		}
		if len(kKeys) == 0 {
			return nil
		}
		if _, err := tx.Exec(ctx, `WITH c AS (SELECT key, count(*)::int AS k FROM unnest($1::text[]) AS key GROUP BY key),
			d AS (INSERT INTO claim_key_df(key, n) SELECT key, k FROM c ORDER BY key
			      ON CONFLICT (key) DO UPDATE SET n = claim_key_df.n + excluded.n WHERE claim_key_df.n <= $4 RETURNING key, n),
			gone AS (DELETE FROM claim_keys x USING d JOIN c ON c.key = d.key
			      WHERE x.key = d.key AND d.n > $4 AND d.n - c.k <= $4)
			INSERT INTO claim_keys(key, article_id, n, seq)
			SELECT u.key, u.id, u.n, a.seq FROM unnest($1::text[], $2::text[], $3::int[]) AS u(key, id, n) JOIN d ON d.key = u.key
			JOIN articles a ON a.id = u.id
			WHERE d.n <= $4 ON CONFLICT DO NOTHING`, kKeys, kArticles, kNs, sift.ClaimKeyCap); err != nil {
			return fmt.Errorf("indexing claims: %w", err)
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("saving claim links: %w", err)
	}
	return nil
}

// Claims returns the claim threads matching q, most mentions first (then
// in order of their first stored mention), read in one statement.
//
// Text and Speaker fold ASCII case only and lower-case the query with Go,
// exactly as package sqlite does, so that both stores answer alike.
func (db *DB) Claims(ctx context.Context, q sift.ClaimQuery) ([]sift.ClaimThread, error) {
	var p params
	var where []string
	if ws := strings.Fields(strings.ToLower(q.Text)); len(ws) > 0 {
		// Every word in one mention, not each word in some mention.
		like := make([]string, len(ws))
		for i, w := range ws {
			like[i] = `lower(` + claimText("x", "") + `) LIKE ` + p.add("%"+likeEscaper.Replace(w)+"%") + ` ESCAPE '\'`
		}
		where = append(where, `c.claim_id IN (SELECT x.claim_id FROM article_claims x
			WHERE `+strings.Join(like, " AND ")+` AND x.claim_id IS NOT NULL)`)
	}
	if q.Outlet != "" {
		where = append(where, `c.claim_id IN (SELECT x.claim_id FROM article_claims x JOIN articles xa ON xa.id = x.article_id
			WHERE lower(xa.outlet) = lower(`+p.add(q.Outlet)+`::text COLLATE "C") AND x.claim_id IS NOT NULL)`)
	}
	if q.Since != "" {
		where = append(where, `c.claim_id IN (SELECT x.claim_id FROM article_claims x JOIN articles xa ON xa.id = x.article_id
			WHERE xa.published >= `+p.add(q.Since)+`::text COLLATE "C" AND x.claim_id IS NOT NULL)`)
	}
	if q.Speaker != "" {
		v := p.add("%" + likeEscaper.Replace(strings.ToLower(q.Speaker)) + "%")
		where = append(where, `c.claim_id IN (SELECT x.claim_id FROM article_claims x WHERE x.claim_id IS NOT NULL AND
			(lower(x.speaker_canonical) LIKE `+v+` ESCAPE '\' OR lower(x.speaker) LIKE `+v+` ESCAPE '\'))`)
	}
	if q.Article != "" {
		where = append(where, `c.claim_id IN (SELECT x.claim_id FROM article_claims x
			WHERE x.article_id = `+p.add(q.Article)+` AND x.claim_id IS NOT NULL)`)
	}
	if q.Story != "" {
		where = append(where, `c.claim_id IN (SELECT x.claim_id FROM article_claims x JOIN story_articles sa ON sa.article_id = x.article_id
			WHERE sa.story_id = `+p.add(q.Story)+` AND x.claim_id IS NOT NULL)`)
	}
	if q.Laundered {
		// Attributed in one mention, stated as fact in a later one (by the
		// outlet asked about).
		outlet := ""
		if q.Outlet != "" {
			outlet = ` AND lower(fa.outlet) = lower(` + p.add(q.Outlet) + `::text COLLATE "C")`
		}
		where = append(where, `c.claim_id IN (SELECT f.claim_id FROM article_claims f JOIN articles fa ON fa.id = f.article_id
			JOIN article_claims t ON t.claim_id = f.claim_id AND t.attributed JOIN articles ta ON ta.id = t.article_id
			WHERE NOT f.attributed AND f.claim_id IS NOT NULL
			AND (ta.published < fa.published OR (ta.published = fa.published AND ta.seq < fa.seq))`+outlet+`)`)
	}
	threads := `SELECT c.claim_id, count(*) AS mentions, min(ARRAY[a.seq, c.n::bigint]) AS first_row
		FROM article_claims c JOIN articles a ON a.id = c.article_id WHERE c.claim_id IS NOT NULL`
	for _, w := range where {
		threads += " AND " + w
	}
	threads += ` GROUP BY c.claim_id`
	if q.MinMentions > 1 {
		threads += ` HAVING count(*) >= ` + p.add(q.MinMentions)
	}
	threads += ` ORDER BY mentions DESC, first_row, c.claim_id`
	if q.Limit > 0 || q.Offset > 0 {
		limit := q.Limit
		if limit <= 0 {
			limit = -1 // no limit, only the offset
		}
		threads += ` LIMIT ` + p.add(sqlLimit(limit)) + ` OFFSET ` + p.add(max(q.Offset, 0))
	}
	rows, err := db.pool.Query(ctx, `WITH t AS (`+threads+`)
		SELECT `+claimColumns+`, c.article_id, a.source, a.outlet, a.published, a.title, c.score, t.claim_id
		FROM t JOIN article_claims c ON c.claim_id = t.claim_id JOIN articles a ON a.id = c.article_id
		ORDER BY t.mentions DESC, t.first_row, t.claim_id, a.published = '', a.published, a.seq, c.n`, p...)
	if err != nil {
		return nil, fmt.Errorf("listing claims: %w", err)
	}
	defer rows.Close()
	out := []sift.ClaimThread{}
	for rows.Next() {
		var m sift.ClaimMention
		var id string
		c, err := scanClaim(rows, &m.Article, &m.Source, &m.Outlet, &m.Published, &m.Title, &m.Score, &id)
		if err != nil {
			return nil, fmt.Errorf("listing claims: %w", err)
		}
		m.Claim = c
		if len(out) == 0 || out[len(out)-1].ID != id {
			out = append(out, sift.ClaimThread{ID: id})
		}
		t := &out[len(out)-1]
		t.Mentions = append(t.Mentions, m)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("listing claims: %w", err)
	}
	for i := range out {
		sift.OrderMentions(&out[i])
	}
	return out, nil
}

// Claim returns one claim thread with every mention: dated ones by date,
// then undated ones, each in order of arrival; or an error wrapping
// sift.ErrNotFound.
func (db *DB) Claim(ctx context.Context, id string) (*sift.ClaimThread, error) {
	rows, err := db.pool.Query(ctx, `SELECT `+claimColumns+`, c.article_id, a.source, a.outlet, a.published, a.title, c.score
		FROM article_claims c JOIN articles a ON a.id = c.article_id WHERE c.claim_id = $1
		ORDER BY a.published = '', a.published, a.seq, c.n`, id)
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
