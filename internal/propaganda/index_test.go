package propaganda

import (
	"math/rand"
	"strings"
	"testing"
)

// On a long article the word index counts the recurrences of a span as a
// scan of the whole article does.
func TestOccurrencesIndexedMatchesScan(t *testing.T) {
	vocab := []string{"the", "council", "river", "said", "Marta", "water", "prices", "rise", "again", "north"}
	r := rand.New(rand.NewSource(2))
	var b strings.Builder
	for b.Len() < 60000 {
		b.WriteString(vocab[r.Intn(len(vocab))])
		switch r.Intn(12) {
		case 0:
			b.WriteString(". ")
		case 1:
			b.WriteString(", ")
		default:
			b.WriteString(" ")
		}
	}
	d := tokenize(b.String())
	if len(d.tokens) <= scanLimit {
		t.Fatalf("%d tokens: too few for the index", len(d.tokens))
	}
	for range 3000 {
		a := r.Intn(len(d.tokens) - 8)
		var words []uint32
		for i := a; i < a+1+r.Intn(7) && len(words) < 6; i++ {
			if d.tokens[i].word {
				words = append(words, d.tokens[i].hash)
			}
		}
		if len(words) == 0 {
			continue
		}
		for _, limit := range []int{1, 3, 50} {
			if got, want := occurrencesIndexed(d, a, words, limit), occurrencesScan(d, a, words, limit); got != want {
				t.Fatalf("span at token %d (%d words), limit %d: index %d, scan %d", a, len(words), limit, got, want)
			}
		}
	}
}

// Text without sentence punctuation is cut into sentences of at most
// maxSentenceTokens tokens, each starting where the previous one ends.
func TestLongSentencesCut(t *testing.T) {
	d := tokenize(strings.Repeat("the council met again and ", 1000))
	if len(d.sentences) < 5000/maxSentenceTokens {
		t.Fatalf("%d sentences for %d tokens", len(d.sentences), len(d.tokens))
	}
	next := 0
	for _, s := range d.sentences {
		if s.last-s.first > maxSentenceTokens || s.first != next {
			t.Fatalf("sentence %v after token %d", s, next)
		}
		next = s.last
	}
	if next != len(d.tokens) {
		t.Fatalf("sentences end at token %d of %d", next, len(d.tokens))
	}
}
