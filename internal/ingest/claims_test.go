package ingest_test

import (
	"bufio"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sift-news/sift"
	"github.com/sift-news/sift/internal/analyze"
	"github.com/sift-news/sift/internal/claim"
	"github.com/sift-news/sift/internal/ingest"
	"github.com/sift-news/sift/internal/sqlite"
)

// planted is one claim mutation written into the demo corpus
// (internal/demo/claims.tsv).
type planted struct {
	line                                       int
	kind, early, earlyPhrase, late, latePhrase string
}

func readPlanted(t *testing.T) []planted {
	t.Helper()
	f, err := os.Open("../demo/claims.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []planted
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		if sc.Text() == "" || strings.HasPrefix(sc.Text(), "#") {
			continue
		}
		c := strings.Split(sc.Text(), "\t")
		if len(c) != 5 {
			t.Fatalf("claims.tsv:%d: %d fields", n, len(c))
		}
		out = append(out, planted{n, c[0], c[1], c[2], c[3], c[4]})
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if len(out) == 0 {
		t.Fatal("claims.tsv plants nothing")
	}
	return out
}

// TestDemoClaimMutationsAreFound ingests the whole demo corpus and checks
// that every mutation planted in it is found as a user would find it: the
// earlier and the later statement are mentions of one claim thread, and
// what changed between them includes the planted kind, with the planted
// words on each side.
func TestDemoClaimMutationsAreFound(t *testing.T) {
	ctx := context.Background()
	db, err := sqlite.Open(filepath.Join(t.TempDir(), "demo.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := entrances["ingest"](ctx, ingest.New(db, analyze.Default()), corpus(t, 1000)); err != nil {
		t.Fatal(err)
	}
	threads, err := db.Claims(ctx, sift.ClaimQuery{})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range readPlanted(t) {
		if !foundPlanted(threads, p) {
			t.Errorf("claims.tsv:%d: %s from %s (%q) to %s (%q) not found", p.line, p.kind, p.early, p.earlyPhrase, p.late, p.latePhrase)
		}
	}
}

// foundPlanted reports whether some thread holds a mention from p's later
// file with its phrase and a mention from its earlier file, between which
// claim.Changes finds p's kind.
func foundPlanted(threads []sift.ClaimThread, p planted) bool {
	fold := func(s string) string { return strings.TrimSuffix(strings.ToLower(s), "s") }
	for _, th := range threads {
		for _, late := range th.Mentions {
			if late.Source != "demo/"+p.late || !strings.Contains(late.Text, p.latePhrase) && p.kind != sift.ChangeActor {
				continue
			}
			for _, early := range th.Mentions {
				if early.Source != "demo/"+p.early {
					continue
				}
				for _, c := range claim.Changes(early.Claim, late.Claim) {
					if c.Kind != p.kind {
						continue
					}
					switch p.kind {
					case sift.ChangeFigure, sift.ChangeActor:
						if fold(c.From) == fold(p.earlyPhrase) && fold(c.To) == fold(p.latePhrase) {
							return true
						}
					default:
						return true
					}
				}
			}
		}
	}
	return false
}
