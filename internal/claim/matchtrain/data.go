// Package matchtrain trains and evaluates the claim matcher of
// internal/claim/match on the Microsoft Research Paraphrase Corpus (MSRP)
// and the SemEval STS news pairs. It is kept out of the runtime package:
// nothing at ingest needs it.
//
// Held-out discipline: MSRP train is split deterministically (by a hash of
// the pair's two sentence ids) into a tuning part (about 80 %) and a
// held-out part (about 20 %). Features, hyper-parameters, the threshold and
// the shipped weights come from the tuning part alone; the held-out part
// and MSRP dev are only ever scored.
package matchtrain

import (
	"bufio"
	"fmt"
	"hash/fnv"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/sift-news/sift/internal/claim/match"
)

// Pair is one sentence pair with its gold judgement.
type Pair struct {
	ID1, ID2 string
	A, B     string
	// Same is the MSRP label (true: the sentences state the same thing).
	Same bool
	// Gold is the STS similarity, 0-5 (0 for MSRP pairs).
	Gold float64
}

// ReadMSRP reads an MSRP file: a header line, then Quality, #1 ID, #2 ID,
// #1 String, #2 String separated by tabs. Quote characters are text, so
// lines are split on tabs only.
func ReadMSRP(path string) ([]Pair, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []Pair
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		if line == 1 {
			continue // header
		}
		text := strings.TrimRight(sc.Text(), "\r")
		if text == "" {
			continue
		}
		c := strings.Split(text, "\t")
		if len(c) != 5 || (c[0] != "0" && c[0] != "1") {
			return nil, fmt.Errorf("%s:%d: want 5 tab-separated columns with Quality 0 or 1", path, line)
		}
		out = append(out, Pair{ID1: c[1], ID2: c[2], A: c[3], B: c[4], Same: c[0] == "1"})
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%s: no pairs", path)
	}
	return out, nil
}

// ReadSTS reads an STS file: score<TAB>sentence1<TAB>sentence2.
func ReadSTS(path string) ([]Pair, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []Pair
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		text := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(text) == "" {
			continue
		}
		c := strings.Split(text, "\t")
		if len(c) < 3 {
			return nil, fmt.Errorf("%s:%d: want score, sentence1, sentence2", path, line)
		}
		g, err := strconv.ParseFloat(strings.TrimSpace(c[0]), 64)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: score: %w", path, line, err)
		}
		out = append(out, Pair{A: c[1], B: c[2], Gold: g})
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	return out, nil
}

// STSFiles returns the STS files of dir, sorted.
func STSFiles(dir string) ([]string, error) {
	fs, err := filepath.Glob(filepath.Join(dir, "*.tsv"))
	if err != nil {
		return nil, err
	}
	sort.Strings(fs)
	return fs, nil
}

// HeldOut reports whether an MSRP pair belongs to the held-out part of the
// training set: one pair in five, by a hash of its two sentence ids, so
// the split does not depend on the order of the file.
func HeldOut(p Pair) bool {
	h := fnv.New32a()
	h.Write([]byte(p.ID1 + "/" + p.ID2))
	return h.Sum32()%5 == 0
}

// Split divides MSRP training pairs into the tuning part and the held-out
// part, keeping file order.
func Split(ps []Pair) (tune, held []Pair) {
	for _, p := range ps {
		if HeldOut(p) {
			held = append(held, p)
		} else {
			tune = append(tune, p)
		}
	}
	return tune, held
}

// ReadCoNLLSentences returns the sentences of a CoNLL-2003 file as text
// (tokens joined by spaces), for counting document frequencies.
func ReadCoNLLSentences(path string) ([]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []string
	var cur []string
	flush := func() {
		if len(cur) > 0 {
			out = append(out, strings.Join(cur, " "))
			cur = cur[:0]
		}
	}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		fs := strings.Fields(sc.Text())
		if len(fs) == 0 {
			flush()
			continue
		}
		if fs[0] == "-DOCSTART-" {
			continue
		}
		cur = append(cur, fs[0])
	}
	flush()
	return out, sc.Err()
}

// Data is the shared data the matcher is trained and evaluated on.
type Data struct {
	Train, Dev []Pair            // MSRP
	STS        map[string][]Pair // by file
	STSOrder   []string          // STS files, sorted
	Text       []string          // extra sentences for document frequencies (CoNLL-2003 train)
}

// Load reads the data under dir (../shared/data): msrp/train.tsv is
// required; msrp/dev.tsv, sts-news/*.tsv and conll2003/train.txt are read
// when present.
func Load(dir string) (*Data, error) {
	d := &Data{STS: map[string][]Pair{}}
	var err error
	if d.Train, err = ReadMSRP(filepath.Join(dir, "msrp", "train.tsv")); err != nil {
		return nil, err
	}
	if p := filepath.Join(dir, "msrp", "dev.tsv"); exists(p) {
		if d.Dev, err = ReadMSRP(p); err != nil {
			return nil, err
		}
	}
	files, err := STSFiles(filepath.Join(dir, "sts-news"))
	if err != nil {
		return nil, err
	}
	for _, f := range files {
		ps, err := ReadSTS(f)
		if err != nil {
			return nil, err
		}
		d.STS[f] = ps
		d.STSOrder = append(d.STSOrder, f)
	}
	if p := filepath.Join(dir, "conll2003", "train.txt"); exists(p) {
		if d.Text, err = ReadCoNLLSentences(p); err != nil {
			return nil, err
		}
	}
	return d, nil
}

func exists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

// TrainData trains the shipped model from d: on the tuning part of MSRP
// train only. Synonyms come from opt.WordNet.
func TrainData(d *Data, opt Options) (*match.Model, []byte, Report, error) {
	tune, _ := Split(d.Train)
	return Train(tune, d.Text, opt)
}
