package nertrain

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"

	"golang.org/x/text/encoding/charmap"

	"github.com/sift-news/sift/internal/ner"
	"github.com/sift-news/sift/internal/ner/cluster"
)

// ClusterSources are the unlabelled news texts the word clusters are
// learnt from, relative to the data directory: PolNeAR's training
// articles, WCXB's annotated main texts, PTC's articles, ECB+ topics 1-20
// and FA-KES. CoNLL-2003 is left out, so that its training folds and its
// dev set score the tagger on text the clusters never saw.
var ClusterSources = []string{
	"polnear/train/text",
	"wcxb-dev/ground-truth",
	"ptc/train-articles",
	"ecbplus-dev/text",
	"fa-kes/FA-KES-Dataset.csv",
}

// ClustersFile is where `sift train clusters` writes the cluster table,
// relative to the repository root.
const ClustersFile = "internal/ner/clusters.gz"

// ModernFile is our own labelled set of 2020s news sentences (names the
// 1996 training data never saw), relative to the repository root; no
// feature or setting was chosen on it.
const ModernFile = "internal/ner/testdata/modern.conll"

// BlindFile is the set of 2020s news written blind, by someone who read
// neither the stage's rules nor its output, to score the frozen stage
// version once: `sift eval ner` scores it first when it is there (session
// 10: modern4, written while stage version 8 was made). When a rule is
// chosen on its errors, it joins HeldoutFiles, and BlindFile names the
// next set written blind.
const BlindFile = "internal/ner/testdata/heldout/modern4.conll"

// HeldoutFiles are the sets of 2020s news once written blind (issue 20)
// and since tuned on, relative to the repository root, the newest first:
// modern3 (session 9, tuned on since stage version 8) and modern2
// (session 8, since version 7). `sift eval ner` scores them after
// CoNLL-2003 dev.
var HeldoutFiles = []string{
	"internal/ner/testdata/heldout/modern3.conll",
	"internal/ner/testdata/heldout/modern2.conll",
}

// UnlabelledTexts reads the texts of ClusterSources under dir, in a fixed
// order (sources in the order listed, files in name order).
func UnlabelledTexts(dir string) ([]string, error) {
	var texts []string
	for _, src := range ClusterSources {
		p := filepath.Join(dir, src)
		var err error
		switch {
		case filepath.Ext(p) == ".csv":
			texts, err = readFAKES(p, texts)
		default:
			texts, err = readDir(p, texts)
		}
		if err != nil {
			return nil, err
		}
	}
	return texts, nil
}

// readDir appends the texts of the files of dir: plain text, or the
// main_content of WCXB's ground-truth JSON files.
func readDir(dir string, texts []string) ([]string, error) {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("unlabelled text: %w", err)
	}
	names := make([]string, 0, len(ents))
	for _, e := range ents {
		if !e.IsDir() {
			names = append(names, e.Name())
		}
	}
	sort.Strings(names)
	for _, name := range names {
		data, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			return nil, fmt.Errorf("unlabelled text: %w", err)
		}
		if filepath.Ext(name) == ".json" {
			var page struct {
				GroundTruth struct {
					MainContent string `json:"main_content"`
				} `json:"ground_truth"`
			}
			if err := json.Unmarshal(data, &page); err != nil {
				return nil, fmt.Errorf("unlabelled text: %s: %w", name, err)
			}
			texts = append(texts, page.GroundTruth.MainContent)
			continue
		}
		texts = append(texts, string(data))
	}
	return texts, nil
}

// readFAKES appends the article texts of the FA-KES CSV file (Latin-1).
func readFAKES(path string, texts []string) ([]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("unlabelled text: %w", err)
	}
	defer f.Close()
	recs, err := csv.NewReader(charmap.ISO8859_1.NewDecoder().Reader(f)).ReadAll()
	if err != nil {
		return nil, fmt.Errorf("unlabelled text: %s: %w", path, err)
	}
	for i, r := range recs {
		if i == 0 || len(r) < 3 {
			continue
		}
		texts = append(texts, r[2])
	}
	return texts, nil
}

// Sentences tokenises texts as the tagger does and returns their
// sentences of normalised tokens, each distinct sentence once (news copies
// one another, and copies would weigh their words' contexts twice).
func Sentences(texts []string) [][]string {
	seen := map[string]bool{}
	var out [][]string
	for _, text := range texts {
		toks := ner.Tokenize(text)
		for _, s := range ner.Sentences(toks) {
			ws := make([]string, len(s))
			key := 0
			for i, t := range s {
				ws[i] = t.Norm
				key += len(t.Norm) + 1
			}
			b := make([]byte, 0, key)
			for _, w := range ws {
				b = append(b, w...)
				b = append(b, ' ')
			}
			if seen[string(b)] {
				continue
			}
			seen[string(b)] = true
			out = append(out, ws)
		}
	}
	return out
}

// TrainClusters learns the word clusters from the unlabelled texts under
// the data directory dir and returns the table and its file.
func TrainClusters(dir string) (*cluster.Table, []byte, int, error) {
	texts, err := UnlabelledTexts(dir)
	if err != nil {
		return nil, nil, 0, err
	}
	sents := Sentences(texts)
	tokens := 0
	for _, s := range sents {
		tokens += len(s)
	}
	t := cluster.Train(sents, cluster.Options{})
	var buf bytes.Buffer
	if err := t.Encode(&buf); err != nil {
		return nil, nil, 0, err
	}
	return t, buf.Bytes(), tokens, nil
}
