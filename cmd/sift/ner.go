package main

import (
	"flag"
	"fmt"
	"os"
	"strings"
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
	data := fs.String("data", def, "CoNLL-2003 file to score on, after the blind set (never tuned on)")
	model := fs.String("model", "", "model file (default: the embedded model)")
	stage := fs.Bool("stage", false, "score the whole entity stage on the text (as sift analyze --raw), not the tagger on the tokens")
	blind := fs.String("blind", nertrain.BlindFile, "2020s news written blind and never tuned on, scored first when it is there (\"\": skip)")
	heldout := fs.String("heldout", strings.Join(nertrain.HeldoutFiles, ","), "2020s news once written blind and since tuned on, comma-separated, scored after dev when there (\"\": skip)")
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
	// The blind set first: no one tuning the stage has seen it. Then
	// CoNLL-2003 dev (no rule or feature was chosen on it), then the sets
	// once blind and since tuned on, then our own sentences.
	if err := scoreFile(m, *stage, *blind, "2020s news written blind, never tuned on", false); err != nil {
		return err
	}
	if err := scoreFile(m, *stage, *data, "never tuned on", true); err != nil {
		return err
	}
	if *heldout != "" {
		for _, path := range strings.Split(*heldout, ",") {
			if err := scoreFile(m, *stage, path, "2020s news once written blind, since tuned on", false); err != nil {
				return err
			}
		}
	}
	return scoreFile(m, *stage, *modern, "our own 2020s news, looked at before", false)
}

// scoreFile prints the scores of the tagger (or with stage, the whole
// entity stage) on the CoNLL file at path under its name and label, and
// with timed the tagging speed; a path that is empty is skipped, one that
// is not there is said so.
func scoreFile(m *ner.Model, stage bool, path, label string, timed bool) error {
	if path == "" {
		return nil
	}
	if _, err := os.Stat(path); err != nil {
		fmt.Printf("%s: not there, skipped\n\n", path)
		return nil
	}
	c, err := nertrain.ReadCoNLL(path)
	if err != nil {
		return err
	}
	start := time.Now()
	var s nertrain.Scores
	if stage {
		s = nertrain.EvaluateStage(ner.NewStageWith(m, entity.Builtin()), c)
	} else {
		s = nertrain.Evaluate(m, c)
	}
	el := time.Since(start)
	fmt.Printf("%s (%s): %d tokens\n", path, label, s.Tokens)
	s.Print(os.Stdout)
	if timed {
		fmt.Printf("tagged in %s (%.0f tokens/s, including feature extraction)\n", el.Round(time.Millisecond), float64(s.Tokens)/el.Seconds())
	}
	fmt.Println()
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
