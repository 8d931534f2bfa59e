package entity

import (
	"math/rand"
	"testing"
)

// The suffix index finds the person a one- or two-word mention completes
// exactly as comparing the mention with every person does.
func TestSuffixIndexMatchesScan(t *testing.T) {
	vocab := []string{"anna", "petrov", "ivan", "maria", "de", "silva", "lee"}
	r := rand.New(rand.NewSource(1))
	var names [][]string
	for range 300 {
		n := 1 + r.Intn(4)
		ws := make([]string, n)
		for k := range ws {
			ws[k] = vocab[r.Intn(len(vocab))]
		}
		names = append(names, ws)
	}
	x := newSuffixIndex(names)
	for range 2000 {
		words := []string{vocab[r.Intn(len(vocab))]}
		if r.Intn(2) == 0 {
			words = append(words, vocab[r.Intn(len(vocab))])
		}
		want := -1
		for p, ws := range names {
			if len(ws) > len(words) && endsWith(ws, words) && (want < 0 || len(ws) > len(names[want])) {
				want = p
			}
		}
		if got := x.longest(words); got != want {
			t.Fatalf("longest(%q) = %d, want %d", words, got, want)
		}
	}
}
