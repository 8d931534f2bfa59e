package ner

import (
	_ "embed"
	"fmt"
	"os"
	"sync"

	"github.com/sift-news/sift/internal/ner/cluster"
)

// modelData is the tagger trained by `sift train ner` on the English
// CoNLL-2003 training set (Tjong Kim Sang and De Meulder, "Introduction to
// the CoNLL-2003 Shared Task: Language-Independent Named Entity
// Recognition", CoNLL 2003; Reuters RCV1 text, research use). Rebuild it
// byte for byte with `sift train ner` from the repository root.
//
//go:embed model.gz
var modelData []byte

// ModelFile is where `sift train ner` writes the model, relative to the
// repository root.
const ModelFile = "internal/ner/model.gz"

// clusterData is the word cluster table learnt by `sift train clusters`
// from unlabelled news (see nertrain.ClusterSources); the tagger's
// features name a word's cluster. Rebuild it byte for byte with `sift
// train clusters` from the repository root, then retrain the model.
//
//go:embed clusters.gz
var clusterData []byte

var (
	clustersOnce sync.Once
	clusters     *clusterIndex
	clustersErr  error
)

// defaultClusters returns the embedded word cluster table, decoded and
// indexed once.
func defaultClusters() (*clusterIndex, error) {
	clustersOnce.Do(func() {
		t, err := cluster.Decode(clusterData)
		if err != nil {
			clustersErr = fmt.Errorf("embedded word clusters: %w", err)
			return
		}
		clusters = newClusterIndex(t)
	})
	return clusters, clustersErr
}

var (
	defaultOnce  sync.Once
	defaultModel *Model
	defaultErr   error
)

// Default returns the embedded model, decoded once.
func Default() (*Model, error) {
	defaultOnce.Do(func() {
		defaultModel, defaultErr = decodeModel(modelData)
		if defaultErr != nil {
			defaultErr = fmt.Errorf("embedded NER model: %w", defaultErr)
		}
	})
	return defaultModel, defaultErr
}

// LoadModel reads a model file written by `sift train ner`.
func LoadModel(path string) (*Model, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	m, err := decodeModel(data)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return m, nil
}
