package proptrain

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/sift-news/sift/internal/propaganda"
)

// Annotation is one technique span of an article: code point offsets into
// the article's text, end exclusive.
type Annotation struct {
	Article   string
	Technique string
	Start     int
	End       int
}

// CorpusArticle is one article of the Propaganda Techniques Corpus with its
// gold spans.
type CorpusArticle struct {
	ID    string
	Text  string
	Spans []Annotation
}

// LoadPTC reads the Propaganda Techniques Corpus (Da San Martino et al.,
// "Fine-Grained Analysis of Propaganda in News Articles", EMNLP 2019) from
// dir: train-articles/article<ID>.txt and
// train-labels-FLC/article<ID>.task-FLC.labels (lines of id, technique,
// start, end in code points). Articles come back sorted by ID.
func LoadPTC(dir string) ([]CorpusArticle, error) {
	paths, err := filepath.Glob(filepath.Join(dir, "train-articles", "article*.txt"))
	if err != nil {
		return nil, err
	}
	if len(paths) == 0 {
		return nil, fmt.Errorf("no articles in %s", filepath.Join(dir, "train-articles"))
	}
	sort.Strings(paths)
	out := make([]CorpusArticle, 0, len(paths))
	for _, p := range paths {
		id := strings.TrimSuffix(strings.TrimPrefix(filepath.Base(p), "article"), ".txt")
		b, err := os.ReadFile(p)
		if err != nil {
			return nil, fmt.Errorf("reading %s: %w", p, err)
		}
		if !utf8.Valid(b) {
			return nil, fmt.Errorf("reading %s: not UTF-8", p)
		}
		a := CorpusArticle{ID: id, Text: string(b)}
		lp := filepath.Join(dir, "train-labels-FLC", "article"+id+".task-FLC.labels")
		spans, err := readLabels(lp, id, utf8.RuneCount(b))
		if err != nil {
			return nil, err
		}
		a.Spans = spans
		out = append(out, a)
	}
	return out, nil
}

// readLabels reads one FLC labels file; a missing file means no spans.
func readLabels(path, id string, n int) ([]Annotation, error) {
	f, err := os.Open(path)
	if os.IsNotExist(err) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", path, err)
	}
	defer f.Close()
	var out []Annotation
	sc := bufio.NewScanner(f)
	line := 0
	for sc.Scan() {
		line++
		fs := strings.Fields(sc.Text())
		if len(fs) == 0 {
			continue
		}
		if len(fs) != 4 {
			return nil, fmt.Errorf("%s:%d: want 4 fields, got %d", path, line, len(fs))
		}
		start, err1 := strconv.Atoi(fs[2])
		end, err2 := strconv.Atoi(fs[3])
		if err1 != nil || err2 != nil || start < 0 || start >= end {
			return nil, fmt.Errorf("%s:%d: bad offsets %q %q", path, line, fs[2], fs[3])
		}
		// A few gold spans end a character or two past the text; clip them.
		end = min(end, n)
		if start >= end {
			continue
		}
		if !propaganda.IsTechnique(fs[1]) {
			return nil, fmt.Errorf("%s:%d: unknown technique %q", path, line, fs[1])
		}
		out = append(out, Annotation{Article: id, Technique: fs[1], Start: start, End: end})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("reading %s: %w", path, err)
	}
	return out, nil
}
