package nertrain

import (
	"bytes"
	"os"
	"testing"

	"github.com/sift-news/sift/internal/dataset"
	"github.com/sift-news/sift/internal/ner"
)

// mustModel returns the embedded model.
func mustModel(t testing.TB) *ner.Model {
	t.Helper()
	m, err := ner.Default()
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func TestDevF1(t *testing.T) {
	dev, err := ReadCoNLL(dataset.Require(t, "conll2003/dev.txt"))
	if err != nil {
		t.Fatal(err)
	}
	s := Evaluate(mustModel(t), dev)
	if f := s.Overall.F1(); f < 0.90 {
		t.Errorf("dev F1 = %.4f, want >= 0.90", f)
	}
	for _, typ := range []string{"PER", "LOC", "ORG", "MISC"} {
		if f := s.ByType[typ].F1(); f < 0.80 {
			t.Errorf("dev %s F1 = %.4f, want >= 0.80", typ, f)
		}
	}
}

// TestTrainReproducible retrains the model and compares it with the
// embedded one byte for byte.
func TestTrainReproducible(t *testing.T) {
	if testing.Short() {
		t.Skip("training takes a while")
	}
	c, err := ReadCoNLL(dataset.Require(t, "conll2003/train.txt"))
	if err != nil {
		t.Fatal(err)
	}
	_, data, err := Train(c, TrainOptions{})
	if err != nil {
		t.Fatal(err)
	}
	embedded, err := os.ReadFile("../model.gz") // the file ner embeds
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(data, embedded) {
		t.Errorf("retrained model (%d bytes) differs from the embedded one (%d bytes): run `sift train ner`", len(data), len(embedded))
	}
}
