package main

import (
	"flag"
	"fmt"
	"os"
	"time"

	"github.com/sift-news/sift/internal/dataset"
	"github.com/sift-news/sift/internal/ner/nertrain"
)

// trainClusters rebuilds the embedded word cluster table.
func trainClusters(args []string) error {
	fs := flag.NewFlagSet("train clusters", flag.ContinueOnError)
	def, _ := dataset.Dir()
	data := fs.String("data", def, "the data directory holding the unlabelled sources")
	out := fs.String("out", nertrain.ClustersFile, "where to write the cluster table")
	if err := fs.Parse(args); err != nil {
		return err
	}
	start := time.Now()
	t, file, tokens, err := nertrain.TrainClusters(*data)
	if err != nil {
		return fmt.Errorf("training clusters: %w", err)
	}
	if err := os.WriteFile(*out, file, 0o644); err != nil {
		return fmt.Errorf("writing clusters: %w", err)
	}
	fmt.Fprintf(os.Stderr, "%d tokens, %d words clustered; wrote %s (%d bytes) in %s\n",
		tokens, t.Len(), *out, len(file), time.Since(start).Round(time.Second))
	return nil
}
