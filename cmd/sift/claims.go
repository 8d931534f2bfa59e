package main

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/sift-news/sift"
	"github.com/sift-news/sift/internal/claim"
	"github.com/sift-news/sift/internal/ner"
	"github.com/sift-news/sift/internal/plural"
	"github.com/sift-news/sift/internal/reader"
)

func runClaims(args []string) error {
	fs := flag.NewFlagSet("claims", flag.ContinueOnError)
	dbPath := fs.String("db", "sift.db", "store: a SQLite file `path` or a postgres:// URL")
	format := fs.String("format", "text", "output format: text or json")
	words := fs.String("q", "", "only claims with a mention containing every one of these `words`")
	outlet := fs.String("outlet", "", "only claims this `outlet` mentions")
	since := fs.String("since", "", "only claims mentioned on or after this `date` (YYYY-MM-DD)")
	speaker := fs.String("speaker", "", "only claims attributed to a speaker whose `name` contains this")
	laundered := fs.Bool("laundered", false, "only claims attributed in one mention and stated as fact in a later one (by --outlet, if given)")
	minMentions := fs.Int("min", 1, "only claims with at least `n` mentions")
	limit := fs.Int("limit", 0, "at most `n` claims (0: all)")
	pairs := fs.String("pairs", "", "score sentence pairs from `file` (id1<TAB>id2<TAB>text1<TAB>text2 per line) with the store's matcher instead")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "usage: sift claims --db PATH [--format text|json] [--q WORDS] [--outlet NAME] [--since DATE] [--speaker NAME] [--laundered] [--min N]\n"+
			"       sift claims --pairs FILE [--format json|text]")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	if err := checkFormat(*format); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		fs.Usage()
		return fmt.Errorf("unexpected arguments: %v", fs.Args())
	}
	if *pairs != "" {
		return scorePairs(*pairs, *format, os.Stdout)
	}
	if *since != "" {
		if d := reader.NormalizeDate(*since, false); d == "" {
			return fmt.Errorf("--since: cannot read the date %q (use YYYY-MM-DD)", *since)
		} else {
			*since = d
		}
	}
	db, err := openExisting(*dbPath)
	if err != nil {
		return err
	}
	defer db.Close()
	ctx := context.Background()
	if err := linkStored(ctx, db); err != nil {
		return err
	}
	threads, err := db.Claims(ctx, sift.ClaimQuery{Text: *words, Outlet: *outlet, Since: *since, Speaker: *speaker,
		Laundered: *laundered, MinMentions: *minMentions, Limit: *limit})
	if err != nil {
		return err
	}
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	enc := newJSONEncoder(out)
	for i := range threads {
		t := &threads[i]
		claim.Trace(t)
		if *format == "json" {
			if err := enc.Encode(t); err != nil {
				return err
			}
			continue
		}
		if i > 0 {
			fmt.Fprintln(out)
		}
		printClaim(out, t)
	}
	return nil
}

// printClaim writes a claim thread as text: the claim, where it was first
// seen, then each mention with its attribution and what changed.
func printClaim(w io.Writer, t *sift.ClaimThread) {
	fmt.Fprintf(w, "%s  %q\n", t.ID, t.Text)
	fmt.Fprintf(w, "  first seen %s in %s (%s); %s, %s\n", orUnknown(t.FirstSeen.Published),
		orUnknown(t.FirstSeen.Outlet), t.FirstSeen.Article, nouns(len(t.Mentions), "mention"), nouns(len(t.Outlets()), "outlet"))
	for _, m := range t.Mentions {
		how := "stated as fact"
		if m.Attributed {
			how = "attributed to " + attribution(m.Claim)
		}
		fmt.Fprintf(w, "  %-10s %-20s %s: %q\n", orUnknown(m.Published), orUnknown(m.Outlet), how, m.Text)
		for _, c := range m.Changes {
			fmt.Fprintf(w, "             changed: %s %q -> %q\n", c.Kind, c.From, c.To)
		}
	}
}

// attribution names who a claim is attributed to, and through whom.
func attribution(c sift.Claim) string {
	var parts []string
	if c.Speaker != nil {
		name := c.Speaker.Canonical
		if name == "" {
			name = c.Speaker.Text
		}
		parts = append(parts, name)
	}
	for _, v := range c.Via {
		parts = append(parts, "via "+v.Text)
	}
	if len(parts) == 0 {
		return "an unnamed source"
	}
	return strings.Join(parts, " ")
}

// outletOr is an article's outlet, or "outlet unknown".
func outletOr(s string) string {
	if s == "" {
		return "outlet unknown"
	}
	return s
}

// dateOr is an article's date, or "date unknown".
func dateOr(s string) string {
	if s == "" {
		return "date unknown"
	}
	return s
}

func orUnknown(s string) string {
	if s == "" {
		return "(unknown)"
	}
	return s
}

// pairJSON is one line of `sift claims --pairs`.
type pairJSON struct {
	ID1   string  `json:"id1"`
	ID2   string  `json:"id2"`
	Same  bool    `json:"same"`
	Score float64 `json:"score"`
}

// scorePairs scores each sentence pair of the file at path with the
// matcher the store links claims with: names replaced by their canonical
// forms (the entity stage), then claim.Similarity.
func scorePairs(path, format string, w io.Writer) error {
	var in io.Reader = os.Stdin
	if path != "-" {
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		defer f.Close()
		in = f
	}
	out := bufio.NewWriter(w)
	defer out.Flush()
	enc := newJSONEncoder(out)
	ents := ner.NewStage()
	norm := func(text string) string {
		a := &sift.Article{Text: text, Analyzer: map[string]string{}}
		ents.Apply(a)
		runes := []rune(text)
		return claim.Normalize(runes, 0, len(runes), a.Entities)
	}
	sc := bufio.NewScanner(in)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	line, bad := 0, 0
	for sc.Scan() {
		line++
		f := strings.Split(strings.TrimRight(sc.Text(), "\r"), "\t")
		if len(f) == 1 && strings.TrimSpace(f[0]) == "" {
			continue
		}
		if len(f) != 4 {
			fmt.Fprintf(os.Stderr, "sift claims: %s:%d: want 4 tab-separated fields (id1, id2, text1, text2), got %d\n", path, line, len(f))
			bad++
			continue
		}
		s := claim.Similarity(sift.ClaimKey{Norm: norm(f[2])}, sift.ClaimKey{Norm: norm(f[3])})
		p := pairJSON{ID1: f[0], ID2: f[1], Same: s >= claim.Threshold(), Score: round3(s)}
		if format == "json" {
			if err := enc.Encode(p); err != nil {
				return err
			}
		} else {
			fmt.Fprintf(out, "%s\t%s\t%v\t%.3f\n", p.ID1, p.ID2, p.Same, p.Score)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("reading %s: %w", path, err)
	}
	if bad > 0 {
		return errFailed
	}
	return nil
}

func round3(x float64) float64 { return float64(int(x*1000+0.5)) / 1000 }

// nouns returns "1 mention", "2 mentions".
func nouns(n int, noun string) string { return plural.Count(n, noun) }
