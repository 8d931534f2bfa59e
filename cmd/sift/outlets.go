package main

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"os"
	"sort"
	"strings"
	"text/tabwriter"

	"github.com/sift-news/sift/internal/plural"
	"github.com/sift-news/sift/internal/propaganda"
)

func runOutlets(args []string) error {
	fs := flag.NewFlagSet("outlets", flag.ContinueOnError)
	db := fs.String("db", "", "store: a SQLite file `path` or a postgres:// URL (required)")
	format := fs.String("format", "text", "output format: json or text")
	top := fs.Int("top", 3, "techniques listed per outlet in text output")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "usage: sift outlets --db PATH [--format json|text] [--top N]")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *db == "" {
		fs.Usage()
		return fmt.Errorf("--db is required")
	}
	if err := checkFormat(*format); err != nil {
		return err
	}
	store, err := openExisting(*db)
	if err != nil {
		return err
	}
	defer store.Close()
	stats, err := store.ArticleTechniques(context.Background())
	if err != nil {
		return err
	}
	outlets, all := propaganda.Profiles(stats)
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	if *format == "json" {
		return writeJSONLines(out, outlets)
	}
	tw := tabwriter.NewWriter(out, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "outlet\tarticles\twords\tspans/1k words\tvs store\tmost frequent (vs store)\tsignals\n")
	row := func(p propaganda.Profile) {
		var ts []string
		for i, t := range p.Techniques {
			if i == *top {
				break
			}
			ts = append(ts, fmt.Sprintf("%s %d (%.1fx)", propaganda.Label(t.Technique), t.Spans, t.Relative))
		}
		name := outletOr(p.Outlet)
		var ss []string
		for kind, n := range p.Signals {
			ss = append(ss, fmt.Sprintf("%s %d", kind, n))
		}
		sort.Strings(ss)
		fmt.Fprintf(tw, "%s\t%d\t%d\t%.1f\t%.2fx\t%s\t%s\n", name, p.Articles, p.Words, p.Rate, p.Relative,
			strings.Join(ts, ", "), strings.Join(ss, ", "))
	}
	for _, p := range outlets {
		row(p)
	}
	all.Outlet = "all outlets"
	row(all)
	if err := tw.Flush(); err != nil {
		return err
	}
	for _, p := range outlets {
		if p.Outlet == "" {
			fmt.Fprintf(out, "\n%s of %d with outlet unknown: give them one with sift ingest --outlet, a side-car NAME.txt.json or a sift.tsv in their folder (sift ingest -h).\n",
				plural.Count(p.Articles, "article"), all.Articles)
		}
	}
	return nil
}
