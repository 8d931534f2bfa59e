package postgres

import (
	"context"
	"fmt"
	"time"

	"github.com/sift-news/sift"
)

// Worker claims jobs from the queue, analyses them and stores the
// articles. Run many, in one process or on many machines, against one
// database.
type Worker struct {
	DB *DB
	// Name identifies the worker in the jobs table (claimed_by); it must
	// be unique among running workers, e.g. host:pid:n.
	Name string
	// Analyze cleans and analyses a batch of claimed documents, returning
	// one result per job, in order (the worker sets each article's ID); a
	// document that cannot be analysed has its Result.Err set. An error
	// returned (say, the store could not be read) fails the step instead,
	// and the jobs return to the queue when their lease expires. Analyze
	// may read the store (e.g. LineCounts) and must be safe for
	// concurrent use if several workers share it.
	Analyze func(ctx context.Context, jobs []Job) ([]Result, error)
	// Batch is the number of jobs claimed and stored at once (default 20).
	Batch int
	// Lease is how long a claim lasts before the jobs return to the queue
	// (default 5 minutes); it must exceed the time to analyse a batch.
	Lease time.Duration
	// MaxAttempts is how many times a job is claimed before it is marked
	// failed (default 3).
	MaxAttempts int
	// AfterStore, if set, runs after each batch of newly stored articles.
	AfterStore func(ctx context.Context, added []*sift.Article) error
	// Idle, if set, runs when the queue has nothing to hand out.
	Idle func(ctx context.Context) error
}

// WorkerStats counts what a worker did.
type WorkerStats struct {
	Claimed, Added, Skipped, Failed, Lost int
}

// Add adds o to s.
func (s *WorkerStats) Add(o WorkerStats) {
	s.Claimed += o.Claimed
	s.Added += o.Added
	s.Skipped += o.Skipped
	s.Failed += o.Failed
	s.Lost += o.Lost
}

func (w *Worker) defaults() {
	if w.Batch <= 0 {
		w.Batch = 20
	}
	if w.Lease <= 0 {
		w.Lease = 5 * time.Minute
	}
	if w.MaxAttempts <= 0 {
		w.MaxAttempts = 3
	}
}

// Step claims one batch, analyses it and completes it. It returns what it
// did; Claimed is 0 when the queue had nothing to hand out.
func (w *Worker) Step(ctx context.Context) (WorkerStats, error) {
	w.defaults()
	var st WorkerStats
	jobs, err := w.DB.ClaimJobs(ctx, w.Name, w.Batch, w.Lease, w.MaxAttempts)
	if err != nil || len(jobs) == 0 {
		return st, err
	}
	st.Claimed = len(jobs)
	results, err := w.Analyze(ctx, jobs)
	if err != nil {
		return st, fmt.Errorf("analysing: %w", err)
	}
	if len(results) != len(jobs) {
		return st, fmt.Errorf("analysis returned %d results for %d jobs", len(results), len(jobs))
	}
	for i := range results {
		results[i].Job = jobs[i].ID
		if a := results[i].Article; a != nil && results[i].Err == nil {
			a.ID = sift.ArticleID(a.Outlet, a.Text)
		}
	}
	// A batch that was analysed is stored even if ctx was cancelled
	// meanwhile (the worker is being stopped).
	c, err := w.DB.Complete(context.WithoutCancel(ctx), w.Name, results)
	if err != nil {
		return st, err
	}
	st.Added, st.Failed, st.Lost = len(c.Added), c.Failed, c.Lost
	st.Skipped = c.Done - len(c.Added)
	if len(c.Added) > 0 && w.AfterStore != nil {
		if err := w.AfterStore(ctx, c.Added); err != nil {
			return st, fmt.Errorf("after storing: %w", err)
		}
	}
	return st, nil
}

// Run works until ctx is cancelled, polling every poll when the queue is
// empty; with once set it returns when no job is queued or running (jobs
// another worker holds are waited for: done, or claimed here when their
// lease expires). Errors from the database end the run.
func (w *Worker) Run(ctx context.Context, once bool, poll time.Duration, progress func(WorkerStats)) (WorkerStats, error) {
	var total WorkerStats
	for {
		st, err := w.Step(ctx)
		total.Add(st)
		if err != nil {
			if ctx.Err() != nil {
				return total, nil
			}
			return total, err
		}
		if st.Claimed > 0 {
			if progress != nil {
				progress(st)
			}
			continue
		}
		if w.Idle != nil {
			if err := w.Idle(ctx); err != nil && ctx.Err() == nil {
				return total, err
			}
		}
		if once {
			// Drained, unless other workers still hold jobs: wait for them
			// to finish, or for their leases to expire and claim the jobs.
			running, err := w.DB.runningJobs(ctx)
			if err != nil || running == 0 {
				return total, err
			}
		}
		select {
		case <-ctx.Done():
			return total, nil
		case <-time.After(poll):
		}
	}
}

// runningJobs counts the jobs claimed and not completed.
func (db *DB) runningJobs(ctx context.Context) (int, error) {
	var n int
	if err := db.pool.QueryRow(ctx, `SELECT count(*) FROM jobs WHERE state = 'running'`).Scan(&n); err != nil {
		return 0, fmt.Errorf("counting running jobs: %w", err)
	}
	return n, nil
}

// QueueCounts returns the number of jobs in each state (queued, running,
// done, failed).
func (db *DB) QueueCounts(ctx context.Context) (map[string]int, error) {
	rows, err := db.pool.Query(ctx, `SELECT state, count(*) FROM jobs GROUP BY state`)
	if err != nil {
		return nil, fmt.Errorf("counting jobs: %w", err)
	}
	counts := map[string]int{"queued": 0, "running": 0, "done": 0, "failed": 0}
	defer rows.Close()
	for rows.Next() {
		var s string
		var n int
		if err := rows.Scan(&s, &n); err != nil {
			return nil, fmt.Errorf("counting jobs: %w", err)
		}
		counts[s] = n
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("counting jobs: %w", err)
	}
	return counts, nil
}
