package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"strings"

	"github.com/sift-news/sift"
	"github.com/sift-news/sift/internal/copies"
	"github.com/sift-news/sift/internal/plural"
	"github.com/sift-news/sift/internal/postgres"
)

func runSearch(args []string) error {
	fs := flag.NewFlagSet("search", flag.ContinueOnError)
	dbPath := fs.String("db", "sift.db", "store `path`")
	var q sift.Query
	fs.StringVar(&q.Outlet, "outlet", "", "only articles of this outlet")
	fs.StringVar(&q.Since, "since", "", "only articles published on or after `YYYY-MM-DD`")
	fs.StringVar(&q.Until, "until", "", "only articles published on or before `YYYY-MM-DD`")
	fs.StringVar(&q.Entity, "entity", "", "only articles mentioning this canonical entity")
	fs.StringVar(&q.Speaker, "speaker", "", "only articles quoting this canonical speaker")
	fs.StringVar(&q.Technique, "technique", "", "only articles using this propaganda technique")
	fs.StringVar(&q.Story, "story", "", "only articles of this story `id`")
	fs.IntVar(&q.Limit, "limit", 20, "results per page")
	page := fs.Int("page", 1, "result page")
	format := fs.String("format", "text", "output format: json or text")
	flat := fs.Bool("copies", false, "list copies of an article on their own instead of folded under the original")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), `usage: sift search --db PATH [flags] QUERY
QUERY: words (all must match), "a phrase", prefix*, OR, NOT, (grouping)`)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	q.Text = strings.Join(fs.Args(), " ")
	if *page > 1 {
		q.Offset = (*page - 1) * q.Limit
	}
	if q.Text == "" && q.Outlet == "" && q.Entity == "" && q.Speaker == "" && q.Technique == "" && q.Story == "" && q.Since == "" && q.Until == "" {
		fs.Usage()
		return errors.New("nothing to search for")
	}
	db, err := openExisting(*dbPath)
	if err != nil {
		return err
	}
	defer db.Close()
	hits, total, err := db.Search(context.Background(), q)
	if err != nil {
		return err
	}
	folded, err := copies.FoldPage(context.Background(), db, hits, *flat)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(os.Stdout)
	defer w.Flush()
	if *format == "json" {
		unmark := strings.NewReplacer("\x02", "", "\x03", "")
		for i := range folded {
			folded[i].Snippet = unmark.Replace(folded[i].Snippet)
			for j := range folded[i].Copies {
				folded[i].Copies[j].Snippet = unmark.Replace(folded[i].Copies[j].Snippet)
			}
		}
		return writeJSONLines(w, folded)
	}
	fmt.Fprintf(w, "%s matching\n", plural.Count(total, "article"))
	if q.Text != "" && total > sift.RankSample {
		fmt.Fprintf(w, "(ranked among the %d most recently stored of them)\n", sift.RankSample)
	}
	fmt.Fprintln(w)
	bold, plain := "\x1b[1m", "\x1b[0m"
	if fi, err := os.Stdout.Stat(); err != nil || fi.Mode()&os.ModeCharDevice == 0 {
		bold, plain = "[", "]"
	}
	for _, h := range folded {
		fmt.Fprintf(w, "%s  %s  %s\n  %s · %s\n  %s\n", h.ID, dateOr(h.Published), h.Title, outletOr(h.Outlet), h.Source,
			strings.NewReplacer("\x02", bold, "\x03", plain, "\n", " ").Replace(h.Snippet))
		if h.CopyOf != "" {
			fmt.Fprintf(w, "  copy of %s\n", h.CopyOf)
		}
		if n := len(h.Copies); n > 0 {
			word := "copies"
			if n == 1 {
				word = "copy"
			}
			fmt.Fprintf(w, "  and %d %s (--copies lists them):\n", n, word)
			for _, c := range h.Copies {
				fmt.Fprintf(w, "    %s  %s  %s\n", c.ID, orDash(c.Published), orDash(c.Outlet))
			}
		}
		fmt.Fprintln(w)
	}
	return nil
}

// openExisting opens a store that must exist already (a SQLite file, so
// that a mistyped path is an error instead of a new empty store, or a
// postgres:// URL).
func openExisting(path string) (anyStore, error) {
	if !postgres.IsURL(path) {
		if _, err := os.Stat(path); err != nil {
			return nil, fmt.Errorf("no store at %s (create one with sift ingest --db %s ...)", path, path)
		}
	}
	return openStore(context.Background(), path)
}

func runShow(args []string) error {
	fs := flag.NewFlagSet("show", flag.ContinueOnError)
	dbPath := fs.String("db", "sift.db", "store `path`")
	format := fs.String("format", "text", "output format: json or text")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "usage: sift show --db PATH [--format json|text] ID")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return errors.New("name one article ID")
	}
	db, err := openExisting(*dbPath)
	if err != nil {
		return err
	}
	defer db.Close()
	a, err := db.Article(context.Background(), fs.Arg(0))
	if err != nil {
		return err
	}
	w := bufio.NewWriter(os.Stdout)
	defer w.Flush()
	if *format == "json" {
		return newJSONEncoder(w).Encode(a)
	}
	fmt.Fprintf(w, "id:        %s\n", a.ID)
	writeText(w, a)
	return nil
}
