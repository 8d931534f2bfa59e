package postgres

// Copies and story titles, as in package sqlite: which articles are whole
// copies of which (article_copies), which quotes repeat a statement first
// made in another article (quote_copies), and each touched story's neutral
// title, all set when linking saves a batch.

import (
	"context"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/sift-news/sift"
	"github.com/sift-news/sift/internal/copies"
	"github.com/sift-news/sift/internal/link"
)

// copiesSchema mirrors package sqlite's: a copy points at the original of
// its chain, with the version of the rules that decided it; a story's
// title records the version of the titling rule.
const copiesSchema = `
CREATE TABLE article_copies (
	article_id  text COLLATE "C" PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
	original_id text COLLATE "C" NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	version     text NOT NULL DEFAULT ''
);
CREATE INDEX article_copies_original ON article_copies(original_id);
CREATE TABLE quote_copies (
	article_id       text COLLATE "C" NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	start            integer NOT NULL,
	original_article text COLLATE "C" NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	original_start   integer NOT NULL,
	version          text NOT NULL DEFAULT '',
	PRIMARY KEY (article_id, start)
);
CREATE INDEX quote_copies_original ON quote_copies(original_article, original_start);
ALTER TABLE stories ADD COLUMN title_version text NOT NULL DEFAULT '';
`

// maxTitleHeadlines bounds the headlines read to title one story.
const maxTitleHeadlines = 400

// retitle sets the neutral title (link.StoryTitle) of each story in ids.
func retitle(ctx context.Context, tx pgx.Tx, ids []string) error {
	for _, id := range ids {
		rows, err := tx.Query(ctx, `SELECT a.title, a.outlet, a.published
			FROM story_articles sa JOIN articles a ON a.id = sa.article_id WHERE sa.story_id = $1
			ORDER BY a.published = '', a.published, a.seq LIMIT $2`, id, maxTitleHeadlines)
		if err != nil {
			return fmt.Errorf("titling story %s: %w", id, err)
		}
		heads, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (link.Headline, error) {
			var h link.Headline
			err := r.Scan(&h.Title, &h.Outlet, &h.Published)
			return h, err
		})
		if err != nil {
			return fmt.Errorf("titling story %s: %w", id, err)
		}
		if t := link.StoryTitle(heads); t != "" {
			if _, err := tx.Exec(ctx, `UPDATE stories SET title = $1, title_version = $2 WHERE id = $3`, noNUL(t), link.TitleVersion, id); err != nil {
				return fmt.Errorf("titling story %s: %w", id, err)
			}
		}
	}
	return nil
}

// markCopies records the article and quote copies the batch's reuse links
// reveal.
func markCopies(ctx context.Context, tx pgx.Tx, ups []link.Update) error {
	for _, up := range ups {
		for _, r := range up.Reuse {
			if r.A == r.B {
				continue
			}
			if err := markCopy(ctx, tx, r); err != nil {
				return fmt.Errorf("marking copies of %s in %s: %w", r.B, r.A, err)
			}
		}
	}
	return nil
}

// markCopy records what one reuse link copies.
func markCopy(ctx context.Context, tx pgx.Tx, r sift.Reuse) error {
	var aLen int
	if err := tx.QueryRow(ctx, `SELECT length(text) FROM articles WHERE id = $1`, r.A).Scan(&aLen); err != nil {
		return err
	}
	if copies.WholeCopy(r, aLen) {
		root := r.B
		err := tx.QueryRow(ctx, `SELECT original_id FROM article_copies WHERE article_id = $1`, r.B).Scan(&root)
		if err != nil && !errors.Is(err, pgx.ErrNoRows) {
			return err
		}
		if root != r.A {
			if _, err := tx.Exec(ctx, `INSERT INTO article_copies(article_id, original_id, version) VALUES ($1, $2, $3)
				ON CONFLICT (article_id) DO NOTHING`, r.A, root, copies.Version); err != nil {
				return err
			}
			if _, err := tx.Exec(ctx, `UPDATE article_copies SET original_id = $1 WHERE original_id = $2`, root, r.A); err != nil {
				return err
			}
		}
	}
	aq, err := articleQuotes(ctx, tx, r.A)
	if err != nil || len(aq) == 0 {
		return err
	}
	bq, err := articleQuotes(ctx, tx, r.B)
	if err != nil || len(bq) == 0 {
		return err
	}
	for i, j := range copies.Match(aq, r.AStart, r.AEnd, bq, r.BStart, r.BEnd) {
		if j < 0 {
			continue
		}
		ra, rs := r.B, bq[j].Start
		err := tx.QueryRow(ctx, `SELECT original_article, original_start FROM quote_copies WHERE article_id = $1 AND start = $2`,
			r.B, bq[j].Start).Scan(&ra, &rs)
		if err != nil && !errors.Is(err, pgx.ErrNoRows) {
			return err
		}
		if ra == r.A && rs == aq[i].Start {
			continue
		}
		if _, err := tx.Exec(ctx, `INSERT INTO quote_copies(article_id, start, original_article, original_start, version)
			VALUES ($1, $2, $3, $4, $5) ON CONFLICT (article_id, start) DO NOTHING`, r.A, aq[i].Start, ra, rs, copies.Version); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `UPDATE quote_copies SET original_article = $1, original_start = $2
			WHERE original_article = $3 AND original_start = $4`, ra, rs, r.A, aq[i].Start); err != nil {
			return err
		}
	}
	return nil
}

// articleQuotes reads an article's quotes as the copy rules see them.
func articleQuotes(ctx context.Context, tx pgx.Tx, id string) ([]copies.Quote, error) {
	rows, err := tx.Query(ctx, `SELECT q.start, q."end", q.text, `+speakerName+` FROM quotes q WHERE q.article_id = $1 ORDER BY q.start`, id)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, func(r pgx.CollectableRow) (copies.Quote, error) {
		var q copies.Quote
		err := r.Scan(&q.Start, &q.End, &q.Text, &q.Speaker)
		return q, err
	})
}

// originalOf is the SQL for the original of the article whose ID is in
// column col: its own ID unless it is a whole copy.
func originalOf(col string) string {
	return `coalesce((SELECT ac.original_id FROM article_copies ac WHERE ac.article_id = ` + col + `), ` + col + `)`
}

// statementOf is the SQL key of the statement a quote (alias q) makes: the
// original quote's article and offset when it repeats one, its own
// otherwise.
func statementOf(q string) string {
	return `coalesce((SELECT qc.original_article || ':' || qc.original_start FROM quote_copies qc
	WHERE qc.article_id = ` + q + `.article_id AND qc.start = ` + q + `.start), ` + q + `.article_id || ':' || ` + q + `.start)`
}

// isQuoteCopy is the SQL condition that quote q repeats another.
const isQuoteCopy = `EXISTS (SELECT 1 FROM quote_copies qc WHERE qc.article_id = q.article_id AND qc.start = q.start)`

// statementCopies lists the quotes that repeat the statement at offset
// start of an article, earliest first.
func (db *DB) statementCopies(ctx context.Context, article string, start int) ([]sift.StatementCopy, error) {
	rows, err := db.pool.Query(ctx, `SELECT a.id, a.title, a.outlet, a.published, q.start, q."end", q.text
		FROM quote_copies qc JOIN LATERAL (SELECT * FROM quotes q WHERE q.article_id = qc.article_id AND q.start = qc.start LIMIT 1) q ON true
		JOIN articles a ON a.id = qc.article_id
		WHERE qc.original_article = $1 AND qc.original_start = $2
		ORDER BY a.published = '', a.published, a.seq`, article, start)
	if err != nil {
		return nil, fmt.Errorf("reading copies of a statement of %s: %w", article, err)
	}
	out, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (sift.StatementCopy, error) {
		var c sift.StatementCopy
		err := r.Scan(&c.ArticleID, &c.Title, &c.Outlet, &c.Published, &c.Start, &c.End, &c.Text)
		return c, err
	})
	if err != nil {
		return nil, fmt.Errorf("reading copies of a statement of %s: %w", article, err)
	}
	if out == nil {
		out = []sift.StatementCopy{}
	}
	return out, nil
}

// Originals returns, for each of ids that is a whole copy of another
// article, the original of its chain.
func (db *DB) Originals(ctx context.Context, ids []string) (map[string]string, error) {
	out := make(map[string]string)
	if len(ids) == 0 {
		return out, nil
	}
	rows, err := db.pool.Query(ctx, `SELECT article_id, original_id FROM article_copies WHERE article_id = ANY($1)`, ids)
	if err != nil {
		return nil, fmt.Errorf("reading originals: %w", err)
	}
	var a, o string
	if _, err := pgx.ForEachRow(rows, []any{&a, &o}, func() error { out[a] = o; return nil }); err != nil {
		return nil, fmt.Errorf("reading originals: %w", err)
	}
	return out, nil
}
