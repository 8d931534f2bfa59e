package main

import (
	"bytes"
	"flag"
	"fmt"
	"math"
	"os"
	"time"

	"github.com/sift-news/sift/internal/dataset"
	"github.com/sift-news/sift/internal/propaganda"
	"github.com/sift-news/sift/internal/propaganda/proptrain"
)

// dataDir is the default location of the data set name.
func dataDir(name string) string {
	p, _ := dataset.Path(name)
	return p
}

// newsFlags adds the flags naming the news corpora whose word frequencies
// are features of the technique tagger.
func newsFlags(fs *flag.FlagSet) (conll, polnear *string) {
	conll = fs.String("conll", dataDir("conll2003"), "directory of CoNLL-2003 (train.txt, dev.txt): news word frequencies")
	polnear = fs.String("polnear", dataDir("polnear"), "directory of PolNeAR (*/text/*.txt): news word frequencies")
	return conll, polnear
}

func runTrainTechniques(args []string) error {
	fs := flag.NewFlagSet("train techniques", flag.ContinueOnError)
	data := fs.String("data", dataDir("ptc"), "directory of the Propaganda Techniques Corpus")
	conll, polnear := newsFlags(fs)
	out := fs.String("out", "internal/propaganda/"+propaganda.ModelFile, "where to write the model")
	if err := fs.Parse(args); err != nil {
		return err
	}
	articles, err := proptrain.LoadPTC(*data)
	if err != nil {
		return err
	}
	news, err := proptrain.LoadNewsWords(*conll, *polnear)
	if err != nil {
		return err
	}
	start := time.Now()
	m, err := proptrain.Train(articles, news, os.Stderr)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := m.Encode(&buf); err != nil {
		return fmt.Errorf("encoding model: %w", err)
	}
	if err := os.WriteFile(*out, buf.Bytes(), 0o644); err != nil {
		return fmt.Errorf("writing model: %w", err)
	}
	held := 0
	for i := range articles {
		if proptrain.HeldOut(i) {
			held++
		}
	}
	fmt.Fprintf(os.Stderr, "trained on %d articles (%d held out for tests) in %s; wrote %s (%d bytes)\n",
		len(articles)-held, held, time.Since(start).Round(time.Second), *out, buf.Len())
	return nil
}

func runEvalTechniques(args []string) error {
	fs := flag.NewFlagSet("eval techniques", flag.ContinueOnError)
	data := fs.String("data", dataDir("ptc"), "directory of the Propaganda Techniques Corpus")
	conll, polnear := newsFlags(fs)
	folds := fs.Int("folds", 5, "number of cross-validation folds")
	seed := fs.Uint("hash-seed", 0, "mix this seed into every feature hash (0: as shipped), to measure the spread that hashing luck causes")
	quiet := fs.Bool("quiet", false, "do not print progress")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *seed > math.MaxUint32 {
		return fmt.Errorf("--hash-seed %d: at most %d", *seed, uint64(math.MaxUint32))
	}
	articles, err := proptrain.LoadPTC(*data)
	if err != nil {
		return err
	}
	news, err := proptrain.LoadNewsWords(*conll, *polnear)
	if err != nil {
		return err
	}
	progress := os.Stderr
	if *quiet {
		progress = nil
	}
	start := time.Now()
	var r *proptrain.Report
	if progress == nil {
		r, err = proptrain.CrossValidate(articles, news, *folds, uint32(*seed), discard{})
	} else {
		r, err = proptrain.CrossValidate(articles, news, *folds, uint32(*seed), progress)
	}
	if err != nil {
		return err
	}
	if err := r.Write(os.Stdout); err != nil {
		return err
	}
	fmt.Printf("took %s\n", time.Since(start).Round(time.Second))
	return nil
}

// discard is an io.Writer that drops everything.
type discard struct{}

func (discard) Write(p []byte) (int, error) { return len(p), nil }
