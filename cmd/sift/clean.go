package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/sift-news/sift/internal/clean"
	"github.com/sift-news/sift/internal/clean/cleaneval"
)

func runEvalClean(args []string) error {
	fs := flag.NewFlagSet("eval clean", flag.ContinueOnError)
	dir := fs.String("data", "internal/clean/testdata/labelled", "labelled set `dir` (NNN.txt + NNN.json)")
	verbose := fs.Bool("v", false, "list every miss")
	retrain := fs.String("retrain", "", "train the line model on the training sets and write its weights to `file` (internal/clean/linemodel_weights.go)")
	loso := fs.Bool("loso", false, "leave one set out: for each training set, train the line model on the others and score it")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *retrain != "" || *loso {
		return runLineModel(*retrain, *loso)
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

// runLineModel retrains the cleaner's line model or reports its
// leave-one-set-out figures, from the sets under internal/clean/testdata.
func runLineModel(out string, loso bool) error {
	const root = "internal/clean/testdata"
	if loso {
		folds, err := cleaneval.LeaveOneSetOut(root, cleaneval.TrainingSets)
		if err != nil {
			return fmt.Errorf("leave one set out: %w", err)
		}
		fmt.Println("set left out   articles  exactly clean: rules  -> rules+model   body F1: rules -> rules+model")
		var n, a, b int
		for _, f := range folds {
			fmt.Printf("%-13s  %8d  %20d  -> %d   %18.3f -> %.3f\n", f.Set, f.Rules.Articles, f.Rules.Exact, f.With.Exact, f.Rules.WordF, f.With.WordF)
			n, a, b = n+f.Rules.Articles, a+f.Rules.Exact, b+f.With.Exact
		}
		fmt.Printf("%-13s  %8d  %20d  -> %d\n", "all", n, a, b)
	}
	if out != "" {
		var dirs []string
		for _, s := range cleaneval.TrainingSets {
			dirs = append(dirs, filepath.Join(root, s))
		}
		m, err := cleaneval.Train(dirs)
		if err != nil {
			return fmt.Errorf("training the line model: %w", err)
		}
		if err := os.WriteFile(out, []byte(cleaneval.WeightsSource(m)), 0o644); err != nil {
			return fmt.Errorf("writing the line model: %w", err)
		}
		fmt.Printf("wrote %s (trained on %s)\n", out, strings.Join(cleaneval.TrainingSets, ", "))
	}
	return nil
}
