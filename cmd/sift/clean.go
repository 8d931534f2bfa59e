package main

import (
	"flag"
	"fmt"

	"github.com/sift-news/sift/internal/clean"
	"github.com/sift-news/sift/internal/clean/cleaneval"
)

func runEvalClean(args []string) error {
	fs := flag.NewFlagSet("eval clean", flag.ContinueOnError)
	dir := fs.String("data", "internal/clean/testdata/labelled", "labelled set `dir` (NNN.txt + NNN.json)")
	verbose := fs.Bool("v", false, "list every miss")
	if err := fs.Parse(args); err != nil {
		return err
	}
	s, err := cleaneval.Evaluate(*dir, clean.Options{})
	if err != nil {
		return err
	}
	if s.Articles == 0 {
		return fmt.Errorf("no labelled articles (NNN.txt with NNN.json) in %s", *dir)
	}
	fmt.Printf("articles           %d\n", s.Articles)
	fmt.Printf("exactly clean      %d of %d (%.1f %%: title right, no noise or comment left in the body, body words P and R >= %.0f %%)\n",
		s.Exact, s.Articles, 100*float64(s.Exact)/float64(s.Articles), 100*cleaneval.ExactShare)
	fmt.Printf("body words         P %.3f  R %.3f  F1 %.3f\n", s.WordP, s.WordR, s.WordF)
	fmt.Printf("body paragraphs    P %.3f  R %.3f  F1 %.3f\n", s.ParaP, s.ParaR, s.ParaF)
	fmt.Printf("title accuracy     %.3f\n", s.TitleAcc)
	if s.Dated > 0 {
		fmt.Printf("date accuracy      %.3f (%d articles with a date)\n", s.DateAcc, s.Dated)
	} else {
		fmt.Println("date accuracy      n/a (no article of the set has a gold date)")
	}
	fmt.Printf("comment recall     %.3f\n", s.CommentR)
	fmt.Printf("comment precision  %.3f\n", s.CommentP)
	fmt.Printf("comment authors    %.3f (of the gold comments recovered, the share with the right author)\n", s.CommentAuthor)
	if *verbose {
		for _, m := range s.Misses {
			fmt.Println("  ", m)
		}
	}
	return nil
}
