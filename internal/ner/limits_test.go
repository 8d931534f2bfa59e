package ner

import (
	"strings"
	"testing"
)

// A run of tokens without a sentence end is tagged in pieces no longer
// than maxSentenceTokens that together hold every token once, in order.
func TestCapSentences(t *testing.T) {
	toks := Tokenize(strings.Repeat("Marta Velin met the council and ", 200) + "left. Then she spoke.")
	sents := capSentences(Sentences(toks), maxSentenceTokens)
	if len(sents) < 4 {
		t.Fatalf("%d sentences from %d tokens", len(sents), len(toks))
	}
	n := 0
	for _, s := range sents {
		if len(s) > maxSentenceTokens {
			t.Fatalf("a sentence of %d tokens", len(s))
		}
		for _, tok := range s {
			if tok != toks[n] {
				t.Fatalf("token %d is %q, want %q", n, tok.Text, toks[n].Text)
			}
			n++
		}
	}
	if n != len(toks) {
		t.Fatalf("%d of %d tokens kept", n, len(toks))
	}
}
