package nertrain

import (
	"fmt"
	"io"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/sift-news/sift"
	"github.com/sift-news/sift/internal/ner"
)

// Counts are exact-span matching counts for one entity type.
type Counts struct {
	Gold, Predicted, Correct int
}

// Precision is Correct/Predicted.
func (c Counts) Precision() float64 { return ratio(c.Correct, c.Predicted) }

// Recall is Correct/Gold.
func (c Counts) Recall() float64 { return ratio(c.Correct, c.Gold) }

// F1 is the harmonic mean of precision and recall.
func (c Counts) F1() float64 {
	p, r := c.Precision(), c.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// ratio is a/b, or 0 when b is 0.
func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Scores are exact-span scores per entity type and overall.
type Scores struct {
	ByType  map[string]Counts
	Overall Counts
	Tokens  int
}

// Evaluate tags every document of c with m and scores the names found
// against the gold tags, counting a name correct only when its span and
// type both match (the CoNLL-2003 metric).
func Evaluate(m *ner.Model, c *Corpus) Scores {
	sc := Scores{ByType: map[string]Counts{}}
	for _, cd := range c.Docs {
		pred := m.TagDoc(ner.NewDoc(cd.Sents))
		for si := range cd.Sents {
			sc.Tokens += len(cd.Sents[si])
			gold := map[ner.Span]bool{}
			for _, s := range ner.Spans(cd.Tags[si]) {
				gold[s] = true
				c := sc.ByType[s.Type]
				c.Gold++
				sc.ByType[s.Type] = c
				sc.Overall.Gold++
			}
			for _, s := range ner.Spans(pred[si]) {
				c := sc.ByType[s.Type]
				c.Predicted++
				sc.Overall.Predicted++
				if gold[s] {
					c.Correct++
					sc.Overall.Correct++
				}
				sc.ByType[s.Type] = c
			}
		}
	}
	return sc
}

// Print writes the scores as a table.
func (s Scores) Print(w io.Writer) {
	fmt.Fprintf(w, "%-8s %9s %9s %9s %7s %7s\n", "type", "precision", "recall", "F1", "gold", "found")
	types := make([]string, 0, len(s.ByType))
	for t := range s.ByType {
		types = append(types, t)
	}
	sort.Strings(types)
	row := func(name string, c Counts) {
		fmt.Fprintf(w, "%-8s %9.4f %9.4f %9.4f %7d %7d\n", name, c.Precision(), c.Recall(), c.F1(), c.Gold, c.Predicted)
	}
	for _, t := range types {
		row(t, s.ByType[t])
	}
	row("overall", s.Overall)
}

// Fold splits c into k folds of consecutive documents (neighbouring
// documents of CoNLL-2003 share days and topics, so a fold of consecutive
// ones is a fairer stand-in for unseen news than every k-th document) and
// returns fold i (0-based) as test and the other folds as train.
func Fold(c *Corpus, k, i int) (train, test *Corpus) {
	train, test = &Corpus{}, &Corpus{}
	n := len(c.Docs)
	lo, hi := i*n/k, (i+1)*n/k
	for j, d := range c.Docs {
		if j >= lo && j < hi {
			test.Docs = append(test.Docs, d)
		} else {
			train.Docs = append(train.Docs, d)
		}
	}
	return train, test
}

// Add adds the counts of o to s.
func (s *Scores) Add(o Scores) {
	if s.ByType == nil {
		s.ByType = map[string]Counts{}
	}
	for t, c := range o.ByType {
		a := s.ByType[t]
		a.Gold += c.Gold
		a.Predicted += c.Predicted
		a.Correct += c.Correct
		s.ByType[t] = a
	}
	s.Overall.Gold += o.Overall.Gold
	s.Overall.Predicted += o.Overall.Predicted
	s.Overall.Correct += o.Overall.Correct
	s.Tokens += o.Tokens
}

// EvaluateStage scores the whole entity stage as `sift analyze --raw`
// runs it (tokenizer, re-casing of headlines, tagger, rules, known names,
// one type per entity) on the text of c's documents, each sentence's
// tokens joined by spaces, one sentence a line: a name counts when its
// character span and type match a gold name's.
func EvaluateStage(st *ner.Stage, c *Corpus) Scores { return evaluateEntities(st, c) }

// entityFinder finds the entities of a text.
type entityFinder interface {
	Entities(text string) []sift.Entity
}

// evaluateEntities scores f as EvaluateStage describes.
func evaluateEntities(st entityFinder, c *Corpus) Scores {
	sc := Scores{ByType: map[string]Counts{}}
	for _, cd := range c.Docs {
		var b strings.Builder
		gold := map[[2]int]string{}
		runes := 0
		for si, s := range cd.Sents {
			starts := make([]int, len(s))
			ends := make([]int, len(s))
			for i, w := range s {
				if i > 0 {
					b.WriteByte(' ')
					runes++
				}
				starts[i] = runes
				b.WriteString(w)
				runes += utf8.RuneCountInString(w)
				ends[i] = runes
			}
			b.WriteByte('\n')
			runes++
			sc.Tokens += len(s)
			for _, sp := range ner.Spans(cd.Tags[si]) {
				gold[[2]int{starts[sp.Start], ends[sp.End-1]}] = sp.Type
				sc.count(sp.Type, 1, 0, 0)
			}
		}
		for _, e := range st.Entities(b.String()) {
			typ := map[string]string{sift.PERSON: "PER", sift.ORG: "ORG", sift.LOC: "LOC", sift.MISC: "MISC"}[e.Type]
			ok := gold[[2]int{e.Start, e.End}] == typ
			sc.count(typ, 0, 1, boolInt(ok))
		}
	}
	return sc
}

// count adds gold, predicted and correct names of type typ to s.
func (s *Scores) count(typ string, gold, pred, correct int) {
	c := s.ByType[typ]
	c.Gold += gold
	c.Predicted += pred
	c.Correct += correct
	s.ByType[typ] = c
	s.Overall.Gold += gold
	s.Overall.Predicted += pred
	s.Overall.Correct += correct
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
