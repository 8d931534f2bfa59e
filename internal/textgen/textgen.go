// Package textgen makes text of any size for tests and benchmarks of how
// work grows with input: news-like prose from our own invented words and
// names, and the hostile shapes scraped input takes (one line of megabytes,
// no sentence punctuation, a cue repeated thousands of times, runs of
// capitalised words, one giant HTML paragraph). The same size and kind
// always give the same text.
package textgen

import (
	"math/rand"
	"strings"
)

// Kind is a shape of text.
type Kind string

// The kinds of text Make writes.
const (
	// Prose is news-like sentences with names, figures, quotes and
	// reported speech, all on one line (a text file without newlines).
	Prose Kind = "prose"
	// Paragraphs is Prose in paragraphs of a few sentences.
	Paragraphs Kind = "paragraphs"
	// NoPunct is words without any sentence punctuation.
	NoPunct Kind = "nopunct"
	// Cues is "he said" over and over.
	Cues Kind = "cues"
	// Caps is runs of capitalised words with a comma every four, as in a
	// list of names.
	Caps Kind = "caps"
	// Quotes is quotation after quotation with its speaker.
	Quotes Kind = "quotes"
)

// Kinds lists every kind of plain text.
var Kinds = []Kind{Prose, Paragraphs, NoPunct, Cues, Caps, Quotes}

var (
	words = strings.Fields(`the council met on tuesday to discuss a new plan for the river valley and its farms
		while officials from the northern district argued that water prices would rise again before winter
		after three dry years in which wells failed across the plain and the old canal fell silent`)
	names = []string{"Marta Velin", "Oskar Drell", "the Harlow Institute", "Kestrel Bay", "Tomas Quill",
		"the Northern Alliance", "Lira Santos", "Fenwick", "the Ministry of Water", "Ardel Province"}
	capWords = strings.Fields("Velin Drell Harlow Institute Kestrel Bay Quill Northern Alliance Santos Fenwick Ministry Council Ardel")
	cues     = []string{"said", "told reporters", "warned", "announced", "claimed"}
)

// Make returns about size bytes of text of the given kind (never more).
func Make(kind Kind, size int) string {
	r := rand.New(rand.NewSource(int64(len(kind))*7919 + 1))
	var b strings.Builder
	b.Grow(size + 512)
	n := 0
	for b.Len() < size {
		n++
		switch kind {
		case Paragraphs:
			b.WriteString(sentence(r))
			if n%4 == 0 {
				b.WriteString("\n\n")
			} else {
				b.WriteByte(' ')
			}
		case NoPunct:
			b.WriteString(clause(r))
			b.WriteByte(' ')
		case Cues:
			b.WriteString("he said ")
		case Caps:
			// A list of names: capitalised words, a comma every few.
			for i := range 12 {
				b.WriteString(capWords[r.Intn(len(capWords))])
				if i%4 == 3 {
					b.WriteByte(',')
				}
				b.WriteByte(' ')
			}
		case Quotes:
			b.WriteString("“" + upper(clause(r)) + ",” " + names[r.Intn(len(names))] + " " + cues[r.Intn(len(cues))] + ". ")
		default:
			b.WriteString(sentence(r))
			b.WriteByte(' ')
		}
	}
	s := b.String()
	if len(s) > size {
		s = s[:size]
		if i := strings.LastIndexByte(s, ' '); i > 0 {
			s = s[:i] // whole words, and valid UTF-8
		}
	}
	return s
}

// HTML returns a page of about size bytes: the prose of Paragraphs in <p>
// elements, or, with onePara set, in a single <p>.
func HTML(size int, onePara bool) string {
	text := Make(Paragraphs, size)
	var b strings.Builder
	b.WriteString("<!DOCTYPE html><html><head><title>River valley plan</title></head><body><article><h1>River valley plan</h1>\n<p>")
	if onePara {
		b.WriteString(strings.ReplaceAll(text, "\n\n", " "))
	} else {
		b.WriteString(strings.ReplaceAll(text, "\n\n", "</p>\n<p>"))
	}
	b.WriteString("</p></article></body></html>\n")
	return b.String()
}

// clause is a run of words, sometimes with a name in it.
func clause(r *rand.Rand) string {
	ws := make([]string, 6+r.Intn(14))
	for i := range ws {
		ws[i] = words[r.Intn(len(words))]
	}
	if r.Intn(3) == 0 {
		ws[r.Intn(len(ws))] = names[r.Intn(len(names))]
	}
	return strings.Join(ws, " ")
}

// sentence is a statement, a figure, reported speech or a quotation.
func sentence(r *rand.Rand) string {
	switch r.Intn(6) {
	case 0:
		return names[r.Intn(len(names))] + " " + cues[r.Intn(len(cues))] + " that " + clause(r) + "."
	case 1:
		return "“" + upper(clause(r)) + ",” " + names[r.Intn(len(names))] + " said."
	case 2:
		return upper(clause(r)) + " in " + string(rune('1'+r.Intn(9))) + " of the 12 villages."
	}
	return upper(clause(r)) + "."
}

func upper(s string) string {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return s
	}
	return string(s[0]-'a'+'A') + s[1:]
}
