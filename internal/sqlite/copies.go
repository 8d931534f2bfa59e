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

	"github.com/sift-news/sift/internal/copies"
	"github.com/sift-news/sift/internal/link"
	"github.com/sift-news/sift/internal/storeq"
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

// retitle sets the neutral title of each story in ids.
func retitle(ctx context.Context, st *stmts, ids []string) error {
	return storeq.Retitle(ctx, linkTx{st}, ids)
}

// markCopies records the article and quote copies the batch's reuse links
// reveal.
func markCopies(ctx context.Context, st *stmts, ups []link.Update) error {
	return storeq.MarkCopies(ctx, linkTx{st}, ups)
}

// linkTx is a transaction saving links, as the copy and title rules of
// package storeq use it. Its statements are prepared once a batch: the
// rules run them for every link of the batch.
type linkTx struct{ st *stmts }

func (t linkTx) TextLen(ctx context.Context, id string) (n int, err error) {
	err = t.st.queryRow(ctx, `SELECT length(text) FROM articles WHERE id = ?`, id).Scan(&n)
	return n, err
}

func (t linkTx) OriginalArticle(ctx context.Context, id string) (string, error) {
	root := id
	err := t.st.queryRow(ctx, `SELECT original_id FROM article_copies WHERE article_id = ?`, id).Scan(&root)
	if errors.Is(err, sql.ErrNoRows) {
		err = nil
	}
	return root, err
}

func (t linkTx) MarkArticleCopy(ctx context.Context, id, original string) error {
	if _, err := t.st.exec(ctx, `INSERT INTO article_copies(article_id, original_id, version) VALUES (?, ?, ?)
		ON CONFLICT(article_id) DO NOTHING`, id, original, copies.Version); err != nil {
		return err
	}
	_, err := t.st.exec(ctx, `UPDATE article_copies SET original_id = ? WHERE original_id = ?`, original, id)
	return err
}

func (t linkTx) OriginalQuote(ctx context.Context, article string, start int) (string, int, error) {
	err := t.st.queryRow(ctx, `SELECT original_article, original_start FROM quote_copies WHERE article_id = ? AND start = ?`,
		article, start).Scan(&article, &start)
	if errors.Is(err, sql.ErrNoRows) {
		err = nil
	}
	return article, start, err
}

func (t linkTx) MarkQuoteCopy(ctx context.Context, article string, start int, origArticle string, origStart int) error {
	if _, err := t.st.exec(ctx, `INSERT INTO quote_copies(article_id, start, original_article, original_start, version)
		VALUES (?, ?, ?, ?, ?) ON CONFLICT(article_id, start) DO NOTHING`, article, start, origArticle, origStart, copies.Version); err != nil {
		return err
	}
	_, err := t.st.exec(ctx, `UPDATE quote_copies SET original_article = ?, original_start = ?
		WHERE original_article = ? AND original_start = ?`, origArticle, origStart, article, start)
	return err
}

func (t linkTx) Quotes(ctx context.Context, article string) ([]copies.Quote, error) {
	rows, err := t.st.query(ctx, `SELECT q.start, q.end, `+spanText("q", "")+`, `+speakerName+` FROM quotes q WHERE q.article_id = ? ORDER BY q.start`, article)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	return storeq.Collect(rows, storeq.CopyQuote)
}

func (t linkTx) Headlines(ctx context.Context, story string, limit int) ([]link.Headline, error) {
	rows, err := t.st.query(ctx, `SELECT a.title, a.outlet, a.published
		FROM story_articles sa JOIN articles a ON a.id = sa.article_id WHERE sa.story_id = ?
		ORDER BY a.published = '', a.published, a.rowid LIMIT ?`, story, limit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	return storeq.Collect(rows, storeq.Headline)
}

func (t linkTx) SetTitle(ctx context.Context, story, title string) error {
	_, err := t.st.exec(ctx, `UPDATE stories SET title = ?, title_version = ? WHERE id = ?`, title, link.TitleVersion, story)
	return err
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

// Originals returns, for each of ids that is a whole copy of another
// article, the original of its chain.
func (s *DB) Originals(ctx context.Context, ids []string) (map[string]string, error) {
	if len(ids) == 0 {
		return map[string]string{}, nil
	}
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	out, err := storeq.Map(ctx, s.q(), `SELECT article_id, original_id FROM article_copies WHERE article_id IN (`+placeholders(len(ids))+`)`, args...)
	if err != nil {
		return nil, fmt.Errorf("reading originals: %w", err)
	}
	return out, nil
}
