package main

import (
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"
	"unicode"

	"github.com/sift-news/sift"
	"github.com/sift-news/sift/internal/analyze"
	"github.com/sift-news/sift/internal/claim"
	"github.com/sift-news/sift/internal/dataset"
	"github.com/sift-news/sift/internal/ingest"
	"github.com/sift-news/sift/internal/reader"
	"github.com/sift-news/sift/internal/sqlite"
)

// threadLabel is one hand-judged link of internal/claim/testdata/fakes-threads.tsv.
type threadLabel struct {
	sample       string
	same         bool
	first, later string // "line claimhash"
}

func runEvalThreads(args []string) error {
	fs := flag.NewFlagSet("eval claim-threads", flag.ContinueOnError)
	fakesDef, _ := dataset.Path("fa-kes/FA-KES-Dataset.csv")
	fakes := fs.String("fakes", fakesDef, "FA-KES CSV file")
	labels := fs.String("labels", "internal/claim/testdata/fakes-threads.tsv", "hand-judged links")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *fakes == "" {
		return errors.New("FA-KES not found: give --fakes or put ../shared/data beside the repository")
	}
	ls, err := readThreadLabels(*labels)
	if err != nil {
		return err
	}
	begin := time.Now()
	dir, err := os.MkdirTemp("", "sift-eval-threads")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	db, err := sqlite.Open(filepath.Join(dir, "fakes.db"))
	if err != nil {
		return err
	}
	defer db.Close()
	ctx := context.Background()
	in := ingest.New(db, analyze.Default())
	if _, err := in.Run(ctx, func(fn func(sift.Document) error, onErr func(error)) error {
		return reader.Walk([]string{*fakes}, reader.Options{}, fn, onErr)
	}); err != nil {
		return err
	}
	threads, err := db.Claims(ctx, sift.ClaimQuery{})
	if err != nil {
		return err
	}
	thread := map[string]string{} // "line claimhash" → thread ID
	linked := 0
	for _, t := range threads {
		if len(t.Mentions) > 1 {
			linked += len(t.Mentions) - 1
		}
		for _, m := range t.Mentions {
			thread[mentionKey(m)] = t.ID
		}
	}
	fmt.Printf("claim linking version %s\n", claim.LinkVersion)
	fmt.Printf("FA-KES: %d claim threads, %d of them with more than one mention, %d links (%.1fs)\n",
		len(threads), countMulti(threads), linked, time.Since(begin).Seconds())
	for _, sample := range []string{"heldout", "tuning"} {
		var tp, fp, trueAll, falseAll, missing int
		for _, l := range ls {
			if l.sample != sample {
				continue
			}
			ta, oka := thread[l.first]
			tb, okb := thread[l.later]
			if !oka || !okb {
				missing++
				continue
			}
			if l.same {
				trueAll++
			} else {
				falseAll++
			}
			if ta == tb {
				if l.same {
					tp++
				} else {
					fp++
				}
			}
		}
		fmt.Printf("%-7s judged links still linked: precision %.3f (%d of %d); true links kept %d of %d, false links kept %d of %d",
			sample, ratio(tp, tp+fp), tp, tp+fp, tp, trueAll, fp, falseAll)
		if missing > 0 {
			fmt.Printf("; %d judged claims no longer found (the cleaner or the claims stage changed them)", missing)
		}
		fmt.Println()
	}
	return nil
}

func countMulti(ts []sift.ClaimThread) int {
	n := 0
	for _, t := range ts {
		if len(t.Mentions) > 1 {
			n++
		}
	}
	return n
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// mentionKey is a mention's key in the labels: the line of the CSV its
// article starts on and a hash of its text's letters and digits.
func mentionKey(m sift.ClaimMention) string {
	line := m.Source[strings.LastIndexByte(m.Source, ':')+1:]
	var b strings.Builder
	for _, r := range strings.ToLower(m.Text) {
		if r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			b.WriteRune(r)
		}
	}
	h := sha256.Sum256([]byte(b.String()))
	return line + " " + hex.EncodeToString(h[:])[:12]
}

func readThreadLabels(path string) ([]threadLabel, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("claim-thread labels: %w", err)
	}
	defer f.Close()
	var out []threadLabel
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		if sc.Text() == "" || strings.HasPrefix(sc.Text(), "#") {
			continue
		}
		c := strings.Split(sc.Text(), "\t")
		if len(c) != 6 || (c[1] != "0" && c[1] != "1") {
			return nil, fmt.Errorf("%s:%d: want sample, 0 or 1, and two line/claim pairs", path, n)
		}
		out = append(out, threadLabel{sample: c[0], same: c[1] == "1", first: c[2] + " " + c[3], later: c[4] + " " + c[5]})
	}
	return out, sc.Err()
}
