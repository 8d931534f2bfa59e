package main

import (
	"bufio"
	"flag"
	"fmt"
	"os"

	"github.com/sift-news/sift/internal/gen"
)

func runGen(args []string) error {
	fs := flag.NewFlagSet("gen", flag.ContinueOnError)
	n := fs.Int("articles", 10000, "how many articles")
	seed := fs.Uint64("seed", 1, "random seed: the same seed gives the same articles")
	outlets := fs.Int("outlets", 30, "number of outlets")
	exact := fs.Float64("exact", 0.04, "share of exact copies of earlier articles")
	near := fs.Float64("near", 0.04, "share of near copies (sentences dropped, changed, added)")
	spun := fs.Float64("spun", 0.10, "share of spun copies (names and loaded words substituted)")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "usage: sift gen [--articles N] [--seed S] > FILE.jsonl")
		fmt.Fprintln(fs.Output(), "Each line has title, text, url, outlet, published, and what the article is:")
		fmt.Fprintln(fs.Output(), "gen_story (its event), gen_kind (original, exact, near, spun), gen_of (line-1 of the article it copies, or -1).")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *n < 0 || *exact < 0 || *near < 0 || *spun < 0 || *exact+*near+*spun >= 1 {
		return fmt.Errorf("--articles and the shares must not be negative, and the shares must sum to less than 1")
	}
	g := gen.New(gen.Options{Articles: *n, Seed: *seed, Outlets: *outlets, Exact: *exact, Near: *near, Spun: *spun})
	w := bufio.NewWriterSize(os.Stdout, 1<<20)
	enc := newJSONEncoder(w)
	for g.More() {
		if err := enc.Encode(g.Next()); err != nil {
			return fmt.Errorf("writing: %w", err)
		}
	}
	if err := w.Flush(); err != nil {
		return fmt.Errorf("writing: %w", err)
	}
	return nil
}
