package proptrain

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/sift-news/sift/internal/propaganda"
)

// LoadNewsWords counts the words of the CoNLL-2003 files train.txt and
// dev.txt in conllDir (one token per line) and of the PolNeAR texts in
// polnearDir (train/text/*.txt and dev/text/*.txt), tokenized as the
// tagger tokenizes articles: the news word frequencies that are features
// of the detector (propaganda.NewsWords).
func LoadNewsWords(conllDir, polnearDir string) (*propaganda.NewsWords, error) {
	var words []string
	for _, name := range []string{"train.txt", "dev.txt"} {
		path := filepath.Join(conllDir, name)
		f, err := os.Open(path)
		if err != nil {
			return nil, fmt.Errorf("reading news words: %w", err)
		}
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			word, _, _ := strings.Cut(sc.Text(), " ")
			if word != "" && word != "-DOCSTART-" {
				words = append(words, word)
			}
		}
		err = sc.Err()
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("reading %s: %w", path, err)
		}
	}
	paths, err := filepath.Glob(filepath.Join(polnearDir, "*", "text", "*.txt"))
	if err != nil {
		return nil, err
	}
	if len(paths) == 0 {
		return nil, fmt.Errorf("reading news words: no texts in %s", filepath.Join(polnearDir, "*", "text"))
	}
	slices.Sort(paths)
	texts := make([]string, 0, len(paths))
	for _, path := range paths {
		b, err := os.ReadFile(path)
		if err != nil {
			return nil, fmt.Errorf("reading news words: %w", err)
		}
		texts = append(texts, string(b))
	}
	return propaganda.NewNewsWords(words, texts), nil
}
