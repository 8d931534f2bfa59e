package postgres

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/sift-news/sift"
)

// doc is a document of the queue tests.
func doc(source, body string) sift.Document {
	return sift.Document{Source: source, Format: sift.FormatText, Body: body, Published: "2024-05-01"}
}

// sharedLine is a line key every test document reports.
const sharedLine = 42

// plainArticle stands in for analyze.Default(): the article is the body.
func plainArticle(d sift.Document) (*sift.Article, error) {
	if strings.TrimSpace(d.Body) == "" {
		return nil, errors.New(d.Source + ": no article text")
	}
	return &sift.Article{Source: d.Source, Title: d.Title, Text: d.Body, Outlet: d.Outlet, Published: d.Published,
		Analyzer: map[string]string{}}, nil
}

// plainAnalyze analyses a batch with plainArticle.
func plainAnalyze(ctx context.Context, jobs []Job) ([]Result, error) {
	out := make([]Result, len(jobs))
	for i, j := range jobs {
		a, err := plainArticle(j.Doc)
		out[i] = Result{Article: a, Err: err, Lines: []int64{sharedLine}}
	}
	return out, nil
}

func counts(t *testing.T, db *DB) map[string]int {
	t.Helper()
	c, err := db.QueueCounts(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestEnqueueIsIdempotent(t *testing.T) {
	ctx := context.Background()
	db := openTest(t)
	docs := []sift.Document{doc("a.txt", "Alpha news."), doc("b.txt", "Bravo news."), doc("c.txt", "Charlie news.")}
	if n, err := db.Enqueue(ctx, docs, "Wire"); err != nil || n != 3 {
		t.Fatalf("first enqueue: %d, %v; want 3", n, err)
	}
	docs = append(docs, doc("d.txt", "Delta news."), doc("a.txt", "Alpha news, corrected."))
	if n, err := db.Enqueue(ctx, docs, "Wire"); err != nil || n != 2 {
		t.Fatalf("second enqueue: %d, %v; want the 2 new documents", n, err)
	}
	if c := counts(t, db); c["queued"] != 5 {
		t.Fatalf("queue counts %v, want 5 queued", c)
	}
}

// TestKilledWorkerLosesNothing kills a worker in the middle of storing its
// article (the transaction never commits), checks that the job comes back
// when its lease expires, that another worker stores the article, and that
// the dead worker's late result is not stored a second time.
func TestKilledWorkerLosesNothing(t *testing.T) {
	ctx := context.Background()
	db := openTest(t)
	if _, err := db.Enqueue(ctx, []sift.Document{doc("kessel.txt", "Shelling resumed near Kessel overnight.")}, "Wire"); err != nil {
		t.Fatal(err)
	}
	const lease = 400 * time.Millisecond
	a := &Worker{DB: db, Name: "a", Analyze: plainAnalyze, Lease: lease}
	b := &Worker{DB: db, Name: "b", Analyze: plainAnalyze, Lease: lease}

	jobs, err := db.ClaimJobs(ctx, a.Name, 10, lease, 3)
	if err != nil || len(jobs) != 1 {
		t.Fatalf("worker a claimed %d jobs (%v), want 1", len(jobs), err)
	}
	art, _ := plainArticle(jobs[0].Doc)
	art.ID = sift.ArticleID(art.Outlet, art.Text)
	results := []Result{{Job: jobs[0].ID, Article: art}}

	// Worker a writes the article and marks the job done on a connection
	// of its own, then dies before committing.
	conn, err := pgx.Connect(ctx, db.pool.Config().ConnConfig.ConnString())
	if err != nil {
		t.Fatal(err)
	}
	tx, err := conn.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	c, err := completeTx(ctx, tx, a.Name, results)
	if err != nil || len(c.Added) != 1 {
		t.Fatalf("worker a's uncommitted write: %+v, %v", c, err)
	}
	conn.Close(ctx) // killed: the transaction is rolled back by the server

	if n, _ := db.CountArticles(ctx); n != 0 {
		t.Fatalf("%d articles stored by a transaction that never committed", n)
	}
	st, err := b.Step(ctx)
	if err != nil || st.Claimed != 0 {
		t.Fatalf("worker b claimed %d jobs (%v) while worker a's lease was valid", st.Claimed, err)
	}
	time.Sleep(lease + 100*time.Millisecond)
	st, err = b.Step(ctx)
	if err != nil || st.Claimed != 1 || st.Added != 1 {
		t.Fatalf("after the lease expired worker b did %+v (%v), want the job claimed and its article stored", st, err)
	}

	// Worker a was only slow, not dead: its late result must not count.
	c, err = db.Complete(ctx, a.Name, results)
	if err != nil || c.Lost != 1 || len(c.Added) != 0 || c.Done != 0 {
		t.Fatalf("late completion by worker a: %+v, %v; want the job lost and nothing stored", c, err)
	}
	if n, _ := db.CountArticles(ctx); n != 1 {
		t.Fatalf("%d articles stored, want exactly 1", n)
	}
	var by string
	var attempts int
	if err := db.pool.QueryRow(ctx, `SELECT claimed_by, attempts FROM jobs`).Scan(&by, &attempts); err != nil {
		t.Fatal(err)
	}
	if by != "b" || attempts != 2 {
		t.Fatalf("job done by %q after %d attempts, want b after 2", by, attempts)
	}
	if c := counts(t, db); c["done"] != 1 || c["queued"]+c["running"]+c["failed"] != 0 {
		t.Fatalf("queue counts %v, want 1 done", c)
	}
}

// TestWorkersStoreEachArticleOnce runs several workers at once over a queue
// holding the same article under several sources.
func TestWorkersStoreEachArticleOnce(t *testing.T) {
	ctx := context.Background()
	db := openTest(t)
	var docs []sift.Document
	for i := range 120 {
		// 40 distinct texts, each under three sources.
		docs = append(docs, doc(fmt.Sprintf("in/%03d.txt", i), fmt.Sprintf("Report %d from the northern front: talks continue.", i%40)))
	}
	docs = append(docs, doc("empty.txt", "   "))
	if _, err := db.Enqueue(ctx, docs, "Wire"); err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	var total WorkerStats
	var wg sync.WaitGroup
	errs := make(chan error, 4)
	for i := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			w := &Worker{DB: db, Name: fmt.Sprintf("w%d", i), Analyze: plainAnalyze, Batch: 7}
			st, err := w.Run(ctx, true, 10*time.Millisecond, nil)
			errs <- err
			mu.Lock()
			total.Add(st)
			mu.Unlock()
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	if n, _ := db.CountArticles(ctx); n != 40 {
		t.Fatalf("%d articles stored, want 40", n)
	}
	if total.Claimed != 121 || total.Added != 40 || total.Skipped != 80 || total.Failed != 1 || total.Lost != 0 {
		t.Fatalf("workers did %+v, want 121 claimed, 40 added, 80 skipped, 1 failed", total)
	}
	if c := counts(t, db); c["done"] != 120 || c["failed"] != 1 {
		t.Fatalf("queue counts %v, want 120 done and 1 failed", c)
	}
	var msg string
	if err := db.pool.QueryRow(ctx, `SELECT error FROM jobs WHERE state = 'failed'`).Scan(&msg); err != nil || !strings.Contains(msg, "no article text") {
		t.Fatalf("failed job error %q (%v)", msg, err)
	}
	a, err := db.Article(ctx, sift.ArticleID("Wire", "Report 7 from the northern front: talks continue."))
	if err != nil || a.Outlet != "Wire" {
		t.Fatalf("stored article: %+v, %v; want the default outlet", a, err)
	}
	lines, err := db.LineCounts(ctx, "Wire", []int64{sharedLine, sharedLine + 1})
	if err != nil || len(lines) != 1 || lines[sharedLine] != 40 {
		t.Fatalf("line counts %v (%v), want the shared line counted once per stored article (40)", lines, err)
	}
}

// TestAbandonedJobFails gives up on a job whose workers keep dying.
func TestAbandonedJobFails(t *testing.T) {
	ctx := context.Background()
	db := openTest(t)
	if _, err := db.Enqueue(ctx, []sift.Document{doc("poison.txt", "A document that kills its worker.")}, ""); err != nil {
		t.Fatal(err)
	}
	const lease = 50 * time.Millisecond
	for i := range 2 {
		jobs, err := db.ClaimJobs(ctx, fmt.Sprintf("doomed%d", i), 1, lease, 2)
		if err != nil || len(jobs) != 1 {
			t.Fatalf("claim %d: %d jobs, %v", i, len(jobs), err)
		}
		time.Sleep(lease + 30*time.Millisecond) // the worker dies
	}
	jobs, err := db.ClaimJobs(ctx, "next", 1, lease, 2)
	if err != nil || len(jobs) != 0 {
		t.Fatalf("a job abandoned twice was handed out again (%d jobs, %v)", len(jobs), err)
	}
	if c := counts(t, db); c["failed"] != 1 {
		t.Fatalf("queue counts %v, want the job failed", c)
	}
}
