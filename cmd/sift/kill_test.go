package main

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/sift-news/sift/internal/sqlite"
)

// An ingest killed with SIGKILL halfway and then run again stores every
// article exactly once: batches are transactions and stored articles are
// skipped on the second run.
func TestIngestKilledHalfwayResumes(t *testing.T) {
	if testing.Short() {
		t.Skip("slow")
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	os.Mkdir(in, 0o755)
	const n = 1500
	for i := 0; i < n; i++ {
		body := fmt.Sprintf("Council meeting number %d in Orlen\n\nThe town council of Orlen met for the %dth time this year on Tuesday and approved the budget for the harbour, officials said.\n\nThe vote was %d to %d.\n", i, i, i%17+5, i%5)
		os.WriteFile(filepath.Join(in, fmt.Sprintf("%05d.txt", i)), []byte(body), 0o644)
	}
	db := filepath.Join(dir, "s.db")
	cmd := exec.Command(siftBin, "ingest", "--db", db, "--quiet", in)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// Kill it once some batches are in, or after a while on a slow machine.
	deadline := time.Now().Add(60 * time.Second)
	for time.Now().Before(deadline) {
		time.Sleep(200 * time.Millisecond)
		if c := count(t, db); c > 0 {
			break
		}
	}
	cmd.Process.Signal(syscall.SIGKILL)
	cmd.Wait()
	before := count(t, db)
	if before >= n {
		t.Logf("the first run finished before it was killed; the test still checks the second run")
	}
	if _, e, code := run(t, "", "ingest", "--db", db, "--quiet", in); code != 0 {
		t.Fatalf("second run: %s", e)
	}
	if after := count(t, db); after != n {
		t.Fatalf("after kill (%d stored) and rerun: %d articles, want %d", before, after, n)
	}
}

func count(t *testing.T, path string) int {
	t.Helper()
	if _, err := os.Stat(path); err != nil {
		return 0
	}
	db, err := sqlite.Open(path)
	if err != nil {
		return 0 // the writer holds it; try again
	}
	defer db.Close()
	c, err := db.CountArticles(context.Background())
	if err != nil {
		return 0
	}
	return c
}
