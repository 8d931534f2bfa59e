package propaganda

import (
	"bytes"
	_ "embed"
	"fmt"
	"sync"

	"github.com/sift-news/sift"
)

// modelData is the shipped technique model, trained by `sift train
// techniques` on the Propaganda Techniques Corpus: G. Da San Martino,
// S. Yu, A. Barrón-Cedeño, R. Petrov and P. Nakov, "Fine-Grained Analysis of
// Propaganda in News Articles", EMNLP-IJCNLP 2019 (350 training articles,
// research use). Only the weights are stored, no text of the corpus.
//
//go:embed techniques.model.gz
var modelData []byte

// DefaultModel returns the embedded model, decoded once.
var DefaultModel = sync.OnceValues(func() (*Model, error) {
	m, err := decodeModel(bytes.NewReader(modelData))
	if err != nil {
		return nil, fmt.Errorf("embedded %s: %w", ModelFile, err)
	}
	return m, nil
})

// Version is the version of the techniques stage; it changes whenever its
// output may change (new model, features or signals).
const Version = "4"

// Stage finds propaganda technique spans and manipulation signals in an
// article. It implements analyze.Stage and is safe for concurrent use.
type Stage struct {
	model *Model
	// buffers holds *buffers for reuse from article to article.
	buffers sync.Pool
}

// NewStage returns a stage using the embedded model. It panics if the
// embedded model is unreadable, which tests rule out.
func NewStage() *Stage {
	m, err := DefaultModel()
	if err != nil {
		panic(err)
	}
	return &Stage{model: m}
}

// Name is the stage's key in Article.Analyzer.
func (s *Stage) Name() string { return "techniques" }

// Version changes whenever the stage's output may change.
func (s *Stage) Version() string { return Version }

// Apply sets a.Techniques to the technique spans of a.Text, sorted by start,
// and adds the article's manipulation signals to a.Signals (replacing any
// of the same kinds, so that applying it twice changes nothing).
func (s *Stage) Apply(a *sift.Article) {
	b, ok := s.buffers.Get().(*buffers)
	if !ok {
		b = new(buffers)
	}
	defer s.buffers.Put(b)
	d := tokenizeInto(&b.doc, a.Text)
	a.Techniques = s.model.detect(d, b)
	// Keep other stages' signals, replace ours (Apply may run again).
	kept := a.Signals[:0]
	for _, g := range a.Signals {
		if g.Kind != HeadlineMismatch && g.Kind != UnattributedClaim && g.Kind != AnonymousSource {
			kept = append(kept, g)
		}
	}
	a.Signals = append(kept, signals(a, d)...)
}
