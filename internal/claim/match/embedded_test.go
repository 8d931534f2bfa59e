package match

import "testing"

// TestThresholdIsTheEmbeddedModels: the package's Threshold, read from the
// model file without decoding it, is the threshold of the decoded model,
// and a file without a threshold line gives what Decode gives, 0.
func TestThresholdIsTheEmbeddedModels(t *testing.T) {
	if err := EmbeddedError(); err != nil {
		t.Fatal(err)
	}
	if Threshold != Default().Threshold || Threshold <= 0 || Threshold >= 1 {
		t.Errorf("Threshold %v, the embedded model's %v", Threshold, Default().Threshold)
	}
	if th := embeddedThreshold([]byte("# threshold 0.9\nthreshold 0.25\n  threshold 0.5\nweight bias 1\n")); th != 0.5 {
		t.Errorf("threshold %v, want the last threshold line's 0.5", th)
	}
	if th := embeddedThreshold([]byte("weight bias 1\n")); th != 0 {
		t.Errorf("no threshold line: %v, want 0", th)
	}
}
