package analyze

import (
	"github.com/sift-news/sift/internal/claim"
	"github.com/sift-news/sift/internal/ner"
	"github.com/sift-news/sift/internal/propaganda"
	"github.com/sift-news/sift/internal/quote"
)

// Default returns the pipeline with every analysis stage sift ships, in
// order: entities first (quotes use them), then quotes, then techniques
// and signals (which use the quotes to tell attributed claims from bare
// ones), then claims (reported speech from the quotes, and the article's
// own statements). Models load on first use. Its budget is
// DefaultMaxText and DefaultTimeout.
func Default() *Pipeline {
	return &Pipeline{Stages: []Stage{ner.NewStage(), quote.NewStage(), propaganda.NewStage(), claim.NewStage()},
		Budget: Budget{MaxText: DefaultMaxText, Timeout: DefaultTimeout}}
}

// Warm starts loading, in the background, the model the entity stage of
// Default would load on its first article (with its word clusters, 40 %
// of the CPU of loading every model), so that a command about to analyse
// loads it on the other core while Default decodes the technique model.
// It returns at once.
func Warm() {
	go ner.Default() //nolint:errcheck // the stage reports a bad model on first use
}
