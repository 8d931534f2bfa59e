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

	"github.com/sift-news/sift/internal/copies"
	"github.com/sift-news/sift/internal/link"
	"github.com/sift-news/sift/internal/storeq"
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

// retitle sets the neutral title of each story in ids.
func retitle(ctx context.Context, tx pgx.Tx, ids []string) error {
	return storeq.Retitle(ctx, linkTx{tx}, ids)
}

// markCopies records the article and quote copies the batch's reuse links
// reveal.
func markCopies(ctx context.Context, tx pgx.Tx, ups []link.Update) error {
	return storeq.MarkCopies(ctx, linkTx{tx}, ups)
}

// linkTx is a transaction saving links, as the copy and title rules of
// package storeq use it.
type linkTx struct{ tx pgx.Tx }

func (t linkTx) TextLen(ctx context.Context, id string) (n int, err error) {
	err = t.tx.QueryRow(ctx, `SELECT length(text) FROM articles WHERE id = $1`, id).Scan(&n)
	return n, err
}

func (t linkTx) OriginalArticle(ctx context.Context, id string) (string, error) {
	root := id
	err := t.tx.QueryRow(ctx, `SELECT original_id FROM article_copies WHERE article_id = $1`, id).Scan(&root)
	if errors.Is(err, pgx.ErrNoRows) {
		err = nil
	}
	return root, err
}

func (t linkTx) MarkArticleCopy(ctx context.Context, id, original string) error {
	if _, err := t.tx.Exec(ctx, `INSERT INTO article_copies(article_id, original_id, version) VALUES ($1, $2, $3)
		ON CONFLICT (article_id) DO NOTHING`, id, original, copies.Version); err != nil {
		return err
	}
	_, err := t.tx.Exec(ctx, `UPDATE article_copies SET original_id = $1 WHERE original_id = $2`, original, id)
	return err
}

func (t linkTx) OriginalQuote(ctx context.Context, article string, start int) (string, int, error) {
	err := t.tx.QueryRow(ctx, `SELECT original_article, original_start FROM quote_copies WHERE article_id = $1 AND start = $2`,
		article, start).Scan(&article, &start)
	if errors.Is(err, pgx.ErrNoRows) {
		err = nil
	}
	return article, start, err
}

func (t linkTx) MarkQuoteCopy(ctx context.Context, article string, start int, origArticle string, origStart int) error {
	if _, err := t.tx.Exec(ctx, `INSERT INTO quote_copies(article_id, start, original_article, original_start, version)
		VALUES ($1, $2, $3, $4, $5) ON CONFLICT (article_id, start) DO NOTHING`, article, start, origArticle, origStart, copies.Version); err != nil {
		return err
	}
	_, err := t.tx.Exec(ctx, `UPDATE quote_copies SET original_article = $1, original_start = $2
		WHERE original_article = $3 AND original_start = $4`, origArticle, origStart, article, start)
	return err
}

func (t linkTx) Quotes(ctx context.Context, article string) ([]copies.Quote, error) {
	rows, err := t.tx.Query(ctx, `SELECT q.start, q."end", `+quoteText("q", "")+`, `+speakerName+` FROM quotes q WHERE q.article_id = $1 ORDER BY q.start`, article)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	return storeq.Collect(rows, storeq.CopyQuote)
}

func (t linkTx) Headlines(ctx context.Context, story string, limit int) ([]link.Headline, error) {
	rows, err := t.tx.Query(ctx, `SELECT a.title, a.outlet, a.published
		FROM story_articles sa JOIN articles a ON a.id = sa.article_id WHERE sa.story_id = $1
		ORDER BY a.published = '', a.published, a.seq LIMIT $2`, story, limit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	return storeq.Collect(rows, storeq.Headline)
}

func (t linkTx) SetTitle(ctx context.Context, story, title string) error {
	_, err := t.tx.Exec(ctx, `UPDATE stories SET title = $1, title_version = $2 WHERE id = $3`, noNUL(title), link.TitleVersion, story)
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
func (db *DB) Originals(ctx context.Context, ids []string) (map[string]string, error) {
	if len(ids) == 0 {
		return map[string]string{}, nil
	}
	out, err := storeq.Map(ctx, db.q(), `SELECT article_id, original_id FROM article_copies WHERE article_id = ANY($1)`, ids)
	if err != nil {
		return nil, fmt.Errorf("reading originals: %w", err)
	}
	return out, nil
}
