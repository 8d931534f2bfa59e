package sqlite

// Copies and story titles, kept when linking saves a batch: which articles
// are whole copies of which (article_copies, the original being the first
// of the chain), which quotes repeat a statement first made in another
// article (quote_copies), and each touched story's neutral title. Counts of
// speakers, entities and outlets count a statement or an article and its
// copies once through these tables; search folds copies under their
// original.

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/sift-news/sift"
	"github.com/sift-news/sift/internal/copies"
	"github.com/sift-news/sift/internal/link"
)

// copiesSchema: a copy points at the original of its chain (the first
// article, or quote, that is no copy itself), with the version of the copy
// rules (copies.Version) that decided it; a story's title records the
// version of the titling rule (link.TitleVersion).
const copiesSchema = `
CREATE TABLE article_copies (
	article_id  TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
	original_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	version     TEXT NOT NULL DEFAULT ''
);
CREATE INDEX article_copies_original ON article_copies(original_id);
CREATE TABLE quote_copies (
	article_id       TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	start            INTEGER NOT NULL,
	original_article TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	original_start   INTEGER NOT NULL,
	version          TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (article_id, start)
);
CREATE INDEX quote_copies_original ON quote_copies(original_article, original_start);
ALTER TABLE stories ADD COLUMN title_version TEXT NOT NULL DEFAULT '';
`

// maxTitleHeadlines bounds the headlines read to title one story (its
// earliest), so that titling costs the same for any story size.
const maxTitleHeadlines = 400

// retitle sets the neutral title (link.StoryTitle) of each story in ids.
func retitle(ctx context.Context, tx *sql.Tx, ids []string) error {
	for _, id := range ids {
		rows, err := tx.QueryContext(ctx, `SELECT a.title, a.outlet, a.published
			FROM story_articles sa JOIN articles a ON a.id = sa.article_id WHERE sa.story_id = ?
			ORDER BY a.published = '', a.published, a.rowid LIMIT ?`, id, maxTitleHeadlines)
		if err != nil {
			return fmt.Errorf("titling story %s: %w", id, err)
		}
		var heads []link.Headline
		for rows.Next() {
			var h link.Headline
			if err := rows.Scan(&h.Title, &h.Outlet, &h.Published); err != nil {
				rows.Close()
				return fmt.Errorf("titling story %s: %w", id, err)
			}
			heads = append(heads, h)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return fmt.Errorf("titling story %s: %w", id, err)
		}
		if t := link.StoryTitle(heads); t != "" {
			if _, err := tx.ExecContext(ctx, `UPDATE stories SET title = ?, title_version = ? WHERE id = ?`, t, link.TitleVersion, id); err != nil {
				return fmt.Errorf("titling story %s: %w", id, err)
			}
		}
	}
	return nil
}

// markCopies records the article and quote copies the batch's reuse links
// reveal.
func markCopies(ctx context.Context, tx *sql.Tx, ups []link.Update) error {
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
func markCopy(ctx context.Context, tx *sql.Tx, r sift.Reuse) error {
	var aLen int
	if err := tx.QueryRowContext(ctx, `SELECT length(text) FROM articles WHERE id = ?`, r.A).Scan(&aLen); err != nil {
		return err
	}
	if copies.WholeCopy(r, aLen) {
		root, err := originalArticle(ctx, tx, r.B)
		if err != nil {
			return err
		}
		if root != r.A {
			if _, err := tx.ExecContext(ctx, `INSERT INTO article_copies(article_id, original_id, version) VALUES (?, ?, ?)
				ON CONFLICT(article_id) DO NOTHING`, r.A, root, copies.Version); err != nil {
				return err
			}
			// Copies of the article now copy its original.
			if _, err := tx.ExecContext(ctx, `UPDATE article_copies SET original_id = ? WHERE original_id = ?`, root, r.A); err != nil {
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
		err := tx.QueryRowContext(ctx, `SELECT original_article, original_start FROM quote_copies WHERE article_id = ? AND start = ?`,
			r.B, bq[j].Start).Scan(&ra, &rs)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		if ra == r.A && rs == aq[i].Start {
			continue // the source's quote already copies this one
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO quote_copies(article_id, start, original_article, original_start, version)
			VALUES (?, ?, ?, ?, ?) ON CONFLICT(article_id, start) DO NOTHING`, r.A, aq[i].Start, ra, rs, copies.Version); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE quote_copies SET original_article = ?, original_start = ?
			WHERE original_article = ? AND original_start = ?`, ra, rs, r.A, aq[i].Start); err != nil {
			return err
		}
	}
	return nil
}

// originalArticle returns the original of the chain an article belongs to.
func originalArticle(ctx context.Context, tx *sql.Tx, id string) (string, error) {
	var root string
	err := tx.QueryRowContext(ctx, `SELECT original_id FROM article_copies WHERE article_id = ?`, id).Scan(&root)
	if errors.Is(err, sql.ErrNoRows) {
		return id, nil
	}
	return root, err
}

// articleQuotes reads an article's quotes as the copy rules see them.
func articleQuotes(ctx context.Context, tx *sql.Tx, id string) ([]copies.Quote, error) {
	rows, err := tx.QueryContext(ctx, `SELECT q.start, q.end, q.text, `+speakerName+` FROM quotes q WHERE q.article_id = ? ORDER BY q.start`, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []copies.Quote
	for rows.Next() {
		var q copies.Quote
		if err := rows.Scan(&q.Start, &q.End, &q.Text, &q.Speaker); err != nil {
			return nil, err
		}
		out = append(out, q)
	}
	return out, rows.Err()
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
func (s *DB) statementCopies(ctx context.Context, article string, start int) ([]sift.StatementCopy, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT a.id, a.title, a.outlet, a.published, q.start, q.end, q.text
		FROM quote_copies qc JOIN quotes q ON q.article_id = qc.article_id AND q.start = qc.start
		JOIN articles a ON a.id = qc.article_id
		WHERE qc.original_article = ? AND qc.original_start = ?
		GROUP BY a.id, q.start ORDER BY a.published = '', a.published, a.rowid`, article, start)
	if err != nil {
		return nil, fmt.Errorf("reading copies of a statement of %s: %w", article, err)
	}
	defer rows.Close()
	out := []sift.StatementCopy{}
	for rows.Next() {
		var c sift.StatementCopy
		if err := rows.Scan(&c.ArticleID, &c.Title, &c.Outlet, &c.Published, &c.Start, &c.End, &c.Text); err != nil {
			return nil, fmt.Errorf("reading copies of a statement of %s: %w", article, err)
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// Originals returns, for each of ids that is a whole copy of another
// article, the original of its chain.
func (s *DB) Originals(ctx context.Context, ids []string) (map[string]string, error) {
	out := make(map[string]string)
	if len(ids) == 0 {
		return out, nil
	}
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	rows, err := s.db.QueryContext(ctx, `SELECT article_id, original_id FROM article_copies WHERE article_id IN (`+placeholders(len(ids))+`)`, args...)
	if err != nil {
		return nil, fmt.Errorf("reading originals: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var a, o string
		if err := rows.Scan(&a, &o); err != nil {
			return nil, fmt.Errorf("reading originals: %w", err)
		}
		out[a] = o
	}
	return out, rows.Err()
}
