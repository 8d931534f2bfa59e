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

// TestSeedsShareTheKonashenkovClaim ingests the five scraped seed
// articles (../shared/samples/seeds, skipped when absent) and checks what
// an analyst opening the chemical-provocation claim should see: seeds 000
// and 004 in one claim thread, both attributed to Konashenkov, and no
// claim taken from seed 003's reader comments.
func TestSeedsShareTheKonashenkovClaim(t *testing.T) {
	files, _ := filepath.Glob("../../../shared/samples/seeds/*.txt")
	if len(files) != 5 {
		t.Skipf("the seed articles are not in ../shared/samples/seeds (found %d files)", len(files))
	}
	var docs []sift.Document
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, sift.Document{Source: f, Format: sift.FormatText, Body: string(b)})
	}
	ctx := context.Background()
	db, err := sqlite.Open(filepath.Join(t.TempDir(), "seeds.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := entrances["ingest"](ctx, ingest.New(db, analyze.Default()), docs); err != nil {
		t.Fatal(err)
	}
	threads, err := db.Claims(ctx, sift.ClaimQuery{Text: "chemical provocation", MinMentions: 2})
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, th := range threads {
		seen := map[string]bool{}
		for _, m := range th.Mentions {
			if m.Speaker != nil && m.Speaker.Canonical == "Igor Konashenkov" {
				seen[filepath.Base(m.Source)[:3]] = true
			}
		}
		found = found || seen["000"] && seen["004"]
	}
	if !found {
		t.Errorf("no claim thread holds Konashenkov's chemical-provocation claim from both seed 000 and seed 004 (%d threads mention it)", len(threads))
	}
	for _, f := range files {
		if !strings.HasPrefix(filepath.Base(f), "003") {
			continue
		}
		st, err := db.Stories(ctx, sift.StoryQuery{})
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range st {
			for _, sa := range s.Articles {
				a, err := db.Article(ctx, sa.ID)
				if err != nil {
					t.Fatal(err)
				}
				if a.Source != f {
					continue
				}
				if len(a.Comments) == 0 {
					t.Fatalf("seed 003: no reader comments found, so the check says nothing")
				}
				for _, c := range a.Claims {
					for _, cm := range a.Comments {
						if strings.Contains(cm.Text, c.Text) {
							t.Errorf("seed 003: claim %q is taken from a reader comment", c.Text)
						}
					}
				}
			}
		}
	}
}
