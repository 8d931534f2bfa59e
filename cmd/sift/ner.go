package main

import (
	"flag"
	"fmt"
	"os"
	"time"

	"github.com/sift-news/sift/internal/dataset"
	"github.com/sift-news/sift/internal/ner"
	"github.com/sift-news/sift/internal/ner/nertrain"
)

func init() {
	registerTrain("ner", "train the named-entity tagger on CoNLL-2003 and write internal/ner/model.gz", trainNER)
	registerEval("ner", "score the named-entity tagger on CoNLL-2003 dev (exact-span P/R/F1)", evalNER)
}

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
	data := fs.String("data", def, "CoNLL-2003 file to score on")
	model := fs.String("model", "", "model file (default: the embedded model)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	c, err := nertrain.ReadCoNLL(*data)
	if err != nil {
		return err
	}
	var m *ner.Model
	if *model != "" {
		m, err = ner.LoadModel(*model)
	} else {
		m, err = ner.Default()
	}
	if err != nil {
		return err
	}
	start := time.Now()
	s := nertrain.Evaluate(m, c)
	el := time.Since(start)
	fmt.Printf("%s: %d tokens\n", *data, s.Tokens)
	s.Print(os.Stdout)
	fmt.Printf("tagged in %s (%.0f tokens/s, including feature extraction)\n", el.Round(time.Millisecond), float64(s.Tokens)/el.Seconds())
	return nil
}
