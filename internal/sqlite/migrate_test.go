package sqlite

import (
	"context"
	"path/filepath"
	"sync"
	"testing"
)

// Many processes opening a new store at once (here: many handles) all
// succeed, and each migration is applied once.
func TestConcurrentOpensMigrateOnce(t *testing.T) {
	path := filepath.Join(t.TempDir(), "new.db")
	const n = 8
	var wg sync.WaitGroup
	errs := make([]error, n)
	dbs := make([]*DB, n)
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			dbs[i], errs[i] = Open(path)
		}()
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Errorf("open %d: %v", i, err)
			continue
		}
		defer dbs[i].Close()
	}
	db, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rows, err := db.SQL().QueryContext(context.Background(), `SELECT name, count(*) FROM migrations GROUP BY name ORDER BY name`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var got []string
	for rows.Next() {
		var name string
		var c int
		if err := rows.Scan(&name, &c); err != nil {
			t.Fatal(err)
		}
		if c != 1 {
			t.Errorf("migration %s recorded %d times", name, c)
		}
		got = append(got, name)
	}
	want := schema()
	if len(got) != len(want) {
		t.Fatalf("migrations %v, want %d", got, len(want))
	}
	for i, m := range want {
		if got[i] != m.name {
			t.Errorf("migration %d is %s, want %s", i, got[i], m.name)
		}
	}
}
