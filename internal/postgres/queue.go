package postgres

import (
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"github.com/sift-news/sift"
)

// The work queue: `sift ingest --db postgres://…` enqueues the documents it
// reads, and any number of `sift worker` processes claim them in batches
// (SELECT … FOR UPDATE SKIP LOCKED), analyse them and store the articles.
// A claim is a lease: the job stays "running" until its worker marks it
// done in the same transaction that stores its article, or until the
// lease expires and another worker claims it again. So a worker killed at
// any point leaves its jobs to come back to the queue, nothing is lost, and
// since articles are stored with ON CONFLICT DO NOTHING, nothing is stored
// twice.

// jobsSchema holds one row per enqueued document. key (a hash of source
// and body) makes enqueueing idempotent; body is emptied once the job is
// done, keeping the row as a record.
const jobsSchema = `
CREATE TABLE jobs (
	id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	key            text COLLATE "C" NOT NULL UNIQUE,
	source         text NOT NULL,
	format         text NOT NULL DEFAULT '',
	body           text NOT NULL,
	title          text NOT NULL DEFAULT '',
	url            text NOT NULL DEFAULT '',
	outlet         text NOT NULL DEFAULT '',
	author         text NOT NULL DEFAULT '',
	published      text NOT NULL DEFAULT '',
	language       text NOT NULL DEFAULT '',
	state          text NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'running', 'done', 'failed')),
	attempts       integer NOT NULL DEFAULT 0,
	claimed_by     text NOT NULL DEFAULT '',
	claimed_at     timestamptz,
	lease_until    timestamptz,
	article_id     text COLLATE "C",
	error          text NOT NULL DEFAULT '',
	enqueued_at    timestamptz NOT NULL DEFAULT now(),
	done_at        timestamptz
);
CREATE INDEX jobs_open ON jobs (id) WHERE state IN ('queued', 'running');
CREATE INDEX jobs_leases ON jobs (lease_until) WHERE state = 'running';
`

// Job is one claimed document.
type Job struct {
	ID  int64
	Doc sift.Document
	// Attempts counts the claims of this job, this one included.
	Attempts int
}

// jobKey identifies a document for enqueueing: the same source with the
// same body is queued once.
func jobKey(d sift.Document) string {
	h := sha256.New()
	h.Write([]byte(d.Source))
	h.Write([]byte{0})
	h.Write([]byte(d.Body))
	return hex.EncodeToString(h.Sum(nil))[:32]
}

// Enqueue adds documents to the work queue in one transaction and returns
// how many were new; a document already queued (same source and body,
// whatever its state) is skipped, so enqueueing is idempotent. outlet is
// given to documents that do not name one, as sift ingest --outlet does.
func (db *DB) Enqueue(ctx context.Context, docs []sift.Document, outlet string) (int, error) {
	if len(docs) == 0 {
		return 0, nil
	}
	cols := make([][]string, 10)
	for _, d := range docs {
		if d.Outlet == "" {
			d.Outlet = outlet
		}
		for i, v := range []string{jobKey(d), d.Source, string(d.Format), d.Body, d.Title, d.URL, d.Outlet, d.Author, d.Published, d.Language} {
			cols[i] = append(cols[i], noNUL(v))
		}
	}
	tag, err := db.pool.Exec(ctx, `INSERT INTO jobs (key, source, format, body, title, url, outlet, author, published, language)
		SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
			$9::text[], $10::text[])
		ON CONFLICT (key) DO NOTHING`,
		cols[0], cols[1], cols[2], cols[3], cols[4], cols[5], cols[6], cols[7], cols[8], cols[9])
	if err != nil {
		return 0, fmt.Errorf("enqueueing %d documents: %w", len(docs), err)
	}
	return int(tag.RowsAffected()), nil
}

// ClaimJobs takes up to n jobs for worker, for the duration of lease: queued
// jobs first-in first-out, and jobs whose lease expired (their worker died
// or stalled). Jobs already claimed max times are marked failed instead of
// being handed out again, so a document that kills its worker cannot stall
// the queue.
func (db *DB) ClaimJobs(ctx context.Context, worker string, n int, lease time.Duration, max int) ([]Job, error) {
	if _, err := db.pool.Exec(ctx, `UPDATE jobs SET state = 'failed', done_at = now(),
			error = 'abandoned ' || attempts || ' times (worker killed, or analysis longer than its lease)'
		WHERE id IN (SELECT id FROM jobs WHERE state = 'running' AND lease_until < now() AND attempts >= $1
			FOR UPDATE SKIP LOCKED)`, max); err != nil {
		return nil, fmt.Errorf("claiming jobs: %w", err)
	}
	rows, err := db.pool.Query(ctx, `WITH next AS (
			SELECT id FROM jobs
			WHERE state IN ('queued', 'running') AND (state = 'queued' OR lease_until < now())
			ORDER BY id LIMIT $2
			FOR UPDATE SKIP LOCKED)
		UPDATE jobs j SET state = 'running', attempts = j.attempts + 1, claimed_by = $1,
			claimed_at = now(), lease_until = now() + $3 * interval '1 millisecond'
		FROM next WHERE j.id = next.id
		RETURNING j.id, j.source, j.format, j.body, j.title, j.url, j.outlet, j.author, j.published, j.language, j.attempts`, worker, n, lease.Milliseconds())
	if err != nil {
		return nil, fmt.Errorf("claiming jobs: %w", err)
	}
	jobs, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (Job, error) {
		var j Job
		var format string
		err := r.Scan(&j.ID, &j.Doc.Source, &format, &j.Doc.Body, &j.Doc.Title, &j.Doc.URL, &j.Doc.Outlet, &j.Doc.Author,
			&j.Doc.Published, &j.Doc.Language, &j.Attempts)
		j.Doc.Format = sift.Format(format)
		return j, err
	})
	if err != nil {
		return nil, fmt.Errorf("claiming jobs: %w", err)
	}
	// UPDATE … RETURNING gives rows in no set order (it varied from run
	// to run with where the updated rows landed): queue order, so that
	// one worker stores, and so links, the same inputs in the same order
	// every time.
	slices.SortFunc(jobs, func(a, b Job) int { return cmp.Compare(a.ID, b.ID) })
	return jobs, nil
}

// Result is the outcome of one claimed job: the analysed article (whose ID
// is set), or the error that made analysis fail.
type Result struct {
	Job     int64
	Article *sift.Article
	Err     error
	// Lines are the keys of the document's short lines (see
	// clean.TemplateCandidates), counted for the article's outlet if the
	// article is new.
	Lines []int64
}

// Completion says what Complete did.
type Completion struct {
	// Added lists the articles that were new, in order.
	Added []*sift.Article
	// Done counts the jobs marked done (their article stored now or
	// before), Failed those marked failed.
	Done, Failed int
	// Lost counts results dropped because their job was no longer this
	// worker's: its lease had expired and another worker claimed it.
	Lost int
}

// Complete records results in one transaction: it marks the jobs that are
// still claimed by worker as done (or failed), and stores the articles of
// those jobs. If the transaction does not commit (the worker is killed, the
// connection drops), nothing of it happened and the jobs go back to the
// queue when their lease expires.
func (db *DB) Complete(ctx context.Context, worker string, results []Result) (Completion, error) {
	var c Completion
	var err error
	for try := 0; try < 3; try++ {
		c, err = db.complete(ctx, worker, results)
		var pgErr *pgconn.PgError
		if !errors.As(err, &pgErr) || (pgErr.Code != "40P01" && pgErr.Code != "40001") {
			break // done, or an error that retrying will not cure (not a deadlock)
		}
	}
	if err != nil {
		return Completion{}, fmt.Errorf("completing %d jobs: %w", len(results), err)
	}
	return c, nil
}

func (db *DB) complete(ctx context.Context, worker string, results []Result) (Completion, error) {
	var c Completion
	err := pgx.BeginFunc(ctx, db.pool, func(tx pgx.Tx) error {
		var err error
		c, err = completeTx(ctx, tx, worker, results)
		return err
	})
	return c, err
}

// completeTx does the work of Complete inside tx.
func completeTx(ctx context.Context, tx pgx.Tx, worker string, results []Result) (Completion, error) {
	var c Completion
	ids := make([]int64, len(results))
	states := make([]string, len(results))
	errs := make([]string, len(results))
	articles := make([]*string, len(results))
	for i, r := range results {
		ids[i] = r.Job
		states[i] = "done"
		switch {
		case r.Err != nil:
			states[i], errs[i] = "failed", noNUL(r.Err.Error())
		case r.Article == nil:
			states[i], errs[i] = "failed", "no article"
		default:
			id := r.Article.ID
			articles[i] = &id
		}
	}
	// Update (and so lock) this worker's jobs first: a job whose lease was
	// taken over by another worker is left alone, and its article is not
	// stored by this one.
	rows, err := tx.Query(ctx, `UPDATE jobs j SET state = u.state, error = u.error, article_id = u.article_id,
			done_at = now(), lease_until = NULL, body = CASE WHEN u.state = 'done' THEN '' ELSE j.body END
		FROM (SELECT * FROM unnest($2::bigint[], $3::text[], $4::text[], $5::text[]) AS u(id, state, error, article_id) ORDER BY id) u
		WHERE j.id = u.id AND j.claimed_by = $1 AND j.state = 'running'
		RETURNING j.id, u.state`, worker, ids, states, errs, articles)
	if err != nil {
		return c, err
	}
	var id int64
	var state string
	owned := map[int64]bool{}
	if _, err := pgx.ForEachRow(rows, []any{&id, &state}, func() error {
		owned[id] = true
		if state == "done" {
			c.Done++
		} else {
			c.Failed++
		}
		return nil
	}); err != nil {
		return c, err
	}
	var batch []*sift.Article
	for _, r := range results {
		switch {
		case !owned[r.Job]:
			c.Lost++
		case r.Err == nil && r.Article != nil:
			batch = append(batch, r.Article)
		}
	}
	if c.Added, err = putArticles(ctx, tx, batch); err != nil {
		return c, err
	}
	isNew := map[*sift.Article]bool{}
	for _, a := range c.Added {
		isNew[a] = true
	}
	var lines []outletLines
	for _, r := range results {
		if r.Article != nil && isNew[r.Article] && r.Article.Outlet != "" && len(r.Lines) > 0 {
			lines = append(lines, outletLines{r.Article.Outlet, r.Lines})
		}
	}
	return c, addLines(ctx, tx, lines)
}
