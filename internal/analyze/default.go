package analyze

import (
	"github.com/sift-news/sift/internal/ner"
	"github.com/sift-news/sift/internal/quote"
)

// Default returns the pipeline with every analysis stage sift ships, in
// order: entities first (quotes use them), then quotes, then techniques.
// Models load on first use.
func Default() *Pipeline {
	return &Pipeline{Stages: []Stage{ner.NewStage(), quote.NewStage()}}
}
