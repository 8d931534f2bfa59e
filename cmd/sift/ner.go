package main

import (
	"flag"
	"fmt"
	"os"
	"time"

	"github.com/sift-news/sift/internal/dataset"
	"github.com/sift-news/sift/internal/entity"
	"github.com/sift-news/sift/internal/ner"
	"github.com/sift-news/sift/internal/ner/nertrain"
)

// trainNER rebuilds the embedded tagger model.
func trainNER(args []string) error {
	fs := flag.NewFlagSet("train ner", flag.ContinueOnError)
	def, _ := dataset.Path("conll2003/train.txt")
	data := fs.String("data", def, "CoNLL-2003 training file")
	out := fs.String("out", ner.ModelFile, "where to write the model")
	epochs := fs.Int("epochs", nertrain.DefaultEpochs, "training passes")
	quiet := fs.Bool("q", false, "do not print progress")
	if err := fs.Parse(args); err != nil {
		return err
	}
	c, err := nertrain.ReadCoNLL(*data)
	if err != nil {
		return err
	}
	opt := nertrain.TrainOptions{Epochs: *epochs}
	if !*quiet {
		opt.Log = os.Stderr
	}
	start := time.Now()
	_, file, err := nertrain.Train(c, opt)
	if err != nil {
		return fmt.Errorf("training: %w", err)
	}
	if err := os.WriteFile(*out, file, 0o644); err != nil {
		return fmt.Errorf("writing model: %w", err)
	}
	fmt.Fprintf(os.Stderr, "wrote %s (%d bytes) in %s\n", *out, len(file), time.Since(start).Round(time.Second))
	return nil
}

// evalNER prints exact-span scores of the tagger on a CoNLL file.
func evalNER(args []string) error {
	fs := flag.NewFlagSet("eval ner", flag.ContinueOnError)
	def, _ := dataset.Path("conll2003/dev.txt")
	data := fs.String("data", def, "CoNLL-2003 file to score on, first (never tuned on)")
	model := fs.String("model", "", "model file (default: the embedded model)")
	stage := fs.Bool("stage", false, "score the whole entity stage on the text (as sift analyze --raw), not the tagger on the tokens")
	blind := fs.String("blind", nertrain.BlindFile, "2020s news written blind and never tuned on, scored first when it is there (\"\": skip)")
	heldout := fs.String("heldout", nertrain.HeldoutFile, "the 2020s news written blind (tuned on since stage version 7), scored after dev when it is there (\"\": skip)")
	modern := fs.String("modern", nertrain.ModernFile, "our own labelled 2020s news, scored last (\"\": skip)")
	folds := fs.Int("folds", 0, "instead, cross-validate on the training file: train on all folds but one and score that one")
	fold := fs.Int("fold", 0, "with --folds, score only this fold (1-based; 0: every fold)")
	train, _ := dataset.Path("conll2003/train.txt")
	trainData := fs.String("train", train, "with --folds, the CoNLL-2003 training file")
	epochs := fs.Int("epochs", nertrain.DefaultEpochs, "with --folds, training passes")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *folds > 0 {
		return crossValidateNER(*trainData, *folds, *fold, *epochs, *stage)
	}
	var m *ner.Model
	var err error
	if *model != "" {
		m, err = ner.LoadModel(*model)
	} else {
		m, err = ner.Default()
	}
	if err != nil {
		return err
	}
	score := func(m *ner.Model, c *nertrain.Corpus) nertrain.Scores {
		if *stage {
			return nertrain.EvaluateStage(ner.NewStageWith(m, entity.Builtin()), c)
		}
		return nertrain.Evaluate(m, c)
	}
	// The 2020s news written blind first: no one tuning the stage has
	// seen it.
	if *blind != "" {
		if _, err := os.Stat(*blind); err != nil {
			fmt.Printf("%s: not there, skipped\n\n", *blind)
		} else {
			c, err := nertrain.ReadCoNLL(*blind)
			if err != nil {
				return err
			}
			s := score(m, c)
			fmt.Printf("%s (2020s news written blind, never tuned on): %d tokens\n", *blind, s.Tokens)
			s.Print(os.Stdout)
			fmt.Println()
		}
	}
	// CoNLL-2003 dev next: no rule or feature was chosen on it.
	if _, err := os.Stat(*data); err != nil {
		fmt.Printf("%s: not there, skipped\n\n", *data)
	} else {
		c, err := nertrain.ReadCoNLL(*data)
		if err != nil {
			return err
		}
		start := time.Now()
		s := score(m, c)
		el := time.Since(start)
		fmt.Printf("%s (never tuned on): %d tokens\n", *data, s.Tokens)
		s.Print(os.Stdout)
		fmt.Printf("tagged in %s (%.0f tokens/s, including feature extraction)\n\n", el.Round(time.Millisecond), float64(s.Tokens)/el.Seconds())
	}
	// The 2020s news written blind next: the rules of stage version 7
	// were chosen on it, so it is no longer unseen.
	if *heldout != "" {
		if _, err := os.Stat(*heldout); err != nil {
			fmt.Printf("%s: not there, skipped\n\n", *heldout)
		} else {
			c, err := nertrain.ReadCoNLL(*heldout)
			if err != nil {
				return err
			}
			s := score(m, c)
			fmt.Printf("%s (2020s news written blind; tuned on since stage version 7): %d tokens\n", *heldout, s.Tokens)
			s.Print(os.Stdout)
			fmt.Println()
		}
	}
	// Our own sentences of 2020s news last: looked at, but not tuned on.
	if *modern != "" {
		c, err := nertrain.ReadCoNLL(*modern)
		if err != nil {
			return err
		}
		s := score(m, c)
		fmt.Printf("%s (our own 2020s news, looked at before): %d tokens\n", *modern, s.Tokens)
		s.Print(os.Stdout)
	}
	return nil
}

// crossValidateNER trains on all folds of the training file but one and
// scores the one left out, for each fold asked for, and prints the scores
// of the folds together.
func crossValidateNER(path string, k, only, epochs int, stage bool) error {
	c, err := nertrain.ReadCoNLL(path)
	if err != nil {
		return err
	}
	if only < 0 || only > k {
		return fmt.Errorf("--fold %d: want 1 to %d", only, k)
	}
	var all nertrain.Scores
	for i := range k {
		if only != 0 && i+1 != only {
			continue
		}
		train, test := nertrain.Fold(c, k, i)
		start := time.Now()
		m, _, err := nertrain.Train(train, nertrain.TrainOptions{Epochs: epochs})
		if err != nil {
			return fmt.Errorf("training without fold %d: %w", i+1, err)
		}
		s := nertrain.Evaluate(m, test)
		if stage {
			s = nertrain.EvaluateStage(ner.NewStageWith(m, entity.Builtin()), test)
		}
		fmt.Printf("fold %d of %d (%d documents, %d tokens; trained in %s)\n", i+1, k, len(test.Docs), s.Tokens, time.Since(start).Round(time.Second))
		s.Print(os.Stdout)
		all.Add(s)
	}
	if only == 0 {
		fmt.Printf("all %d folds\n", k)
		all.Print(os.Stdout)
	}
	return nil
}
