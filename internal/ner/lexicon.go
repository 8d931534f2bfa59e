package ner

import (
	"sort"
	"strings"

	"github.com/sift-news/sift/internal/entity"
)

// lexicon holds the names of the alias table as token sequences, written
// exactly as in the table, so that a distinctive known name the tagger
// missed ("As reported by PressTV") is still found. Names of one or two
// letters are left to the tagger.
type lexicon struct {
	byFirst map[string][]lexName
}

type lexName struct {
	words []string
	typ   int // index in types: typePER, typeORG, typeLOC or typeMISC
}

// Indexes of the CoNLL types in types.
const (
	typePER = iota
	typeORG
	typeLOC
	typeMISC
)

// newLexicon builds the lexicon of t.
func newLexicon(t *entity.Table) *lexicon {
	if t == nil {
		return nil
	}
	lx := &lexicon{byFirst: map[string][]lexName{}}
	for _, f := range t.Forms() {
		k := -1
		switch f.Type {
		case "PERSON":
			k = typePER
		case "ORG":
			k = typeORG
		case "LOC":
			k = typeLOC
		case "MISC":
			k = typeMISC
		}
		if k < 0 || len(f.Name) < 3 || strings.ContainsAny(f.Name, "()[]") {
			continue
		}
		var words []string
		for _, tok := range Tokenize(f.Name) {
			words = append(words, lexFold(tok.Norm))
		}
		if len(words) == 0 || strings.ToLower(words[0]) == words[0] {
			continue
		}
		lx.byFirst[words[0]] = append(lx.byFirst[words[0]], lexName{words: words, typ: k})
	}
	for w, ns := range lx.byFirst {
		sort.SliceStable(ns, func(i, j int) bool { return len(ns[i].words) > len(ns[j].words) })
		lx.byFirst[w] = ns
	}
	return lx
}

// mark tags the longest known names in words, unless the tagger found a
// name that crosses the known name's edges; names the tagger found inside
// a known one give way to it ("Tahrir al-Sham" inside "Hay'at Tahrir
// al-Sham").
func (lx *lexicon) mark(words []string, tags []int) {
	if lx == nil {
		return
	}
	for i := 0; i < len(words); i++ {
		ns := lx.byFirst[lexFold(words[i])]
		matched := 0
	names:
		for _, n := range ns {
			end := i + len(n.words)
			if end > len(words) {
				continue
			}
			for k, w := range n.words {
				if lexFold(words[i+k]) != w {
					continue names
				}
			}
			if p := tagPos(tags[i]); p == 'I' || p == 'L' {
				continue // a name starts before it
			}
			if p := tagPos(tags[end-1]); p == 'B' || p == 'I' {
				// A name ends after it. A known name of several words that
				// opens a name of another type wins and the rest is left
				// out: "Hayat Tahrir al-Sham Islamist" as MISC. Not a
				// place: places open the names of organisations and events
				// ("New York Power Desk", "Abu Dhabi National Oil Company",
				// "Saudi Arabia Grand Prix").
				if len(n.words) < 2 || tagPos(tags[i]) != 'B' || entityType(tags[i]) == types[n.typ] || n.typ == typeLOC {
					continue
				}
				for j := end; j < len(tags) && (tagPos(tags[j]) == 'I' || tagPos(tags[j]) == 'L'); j++ {
					last := tagPos(tags[j]) == 'L'
					tags[j] = tagO
					if last {
						break
					}
				}
			}
			if len(n.words) == 1 && n.typ == typePER && tags[i] != tagO {
				// A surname alone the tagger gave another type ("Bolton
				// 3 Norwich 1": a club) is left to it.
				break
			}
			if len(n.words) == 1 {
				tags[i] = tagOf(n.typ, 'U')
			} else {
				tags[i] = tagOf(n.typ, 'B')
				for k := i + 1; k < end-1; k++ {
					tags[k] = tagOf(n.typ, 'I')
				}
				tags[end-1] = tagOf(n.typ, 'L')
			}
			matched = len(n.words)
			break
		}
		if matched > 0 {
			i += matched - 1
		}
	}
}

// lexFold drops apostrophes, which spellings of one name differ in
// ("Hay'at", "Hayat").
func lexFold(w string) string {
	if strings.IndexByte(w, '\'') < 0 {
		return w
	}
	return strings.ReplaceAll(w, "'", "")
}
