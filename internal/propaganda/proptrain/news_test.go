package proptrain

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/sift-news/sift/internal/propaganda"
)

// TestLoadNewsWords reads a small CoNLL file and PolNeAR-like texts:
// document markers ignored, both CoNLL files and both PolNeAR splits read.
func TestLoadNewsWords(t *testing.T) {
	dir := t.TempDir()
	conll, polnear := filepath.Join(dir, "conll"), filepath.Join(dir, "polnear")
	for _, d := range []string{conll, filepath.Join(polnear, "train", "text"), filepath.Join(polnear, "dev", "text")} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	write := func(path, text string) {
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(filepath.Join(conll, "train.txt"), "-DOCSTART- -X- -X- O\n\n"+strings.Repeat("Said VBD B-VP O\n", 40)+"Minister NNP B-NP O\n")
	write(filepath.Join(conll, "dev.txt"), strings.Repeat("said VBD B-VP O\n", 70))
	write(filepath.Join(polnear, "train", "text", "a.txt"), "The minister said the talks failed. The minister left.")
	write(filepath.Join(polnear, "dev", "text", "b.txt"), "Officials said nothing.")
	nw, err := LoadNewsWords(conll, polnear)
	if err != nil {
		t.Fatal(err)
	}
	// The files hold these words and texts; how they are counted is
	// propaganda's TestNewNewsWords.
	var words []string
	for i := 0; i < 40; i++ {
		words = append(words, "Said")
	}
	words = append(words, "Minister")
	for i := 0; i < 70; i++ {
		words = append(words, "said")
	}
	want := propaganda.NewNewsWords(words, []string{"The minister said the talks failed. The minister left.", "Officials said nothing."})
	if !reflect.DeepEqual(nw, want) {
		t.Error("the words read from the files are not the words they hold")
	}
	if reflect.DeepEqual(nw, propaganda.NewNewsWords(words, nil)) {
		t.Error("the PolNeAR texts were not counted")
	}
	if _, err := LoadNewsWords(filepath.Join(dir, "missing"), polnear); err == nil {
		t.Error("a missing CoNLL directory gave no error")
	}
	if _, err := LoadNewsWords(conll, conll); err == nil {
		t.Error("a PolNeAR directory without texts gave no error")
	}
}
