package claim

import (
	"testing"

	"github.com/sift-news/sift"
)

// TestOneSpeakerQuotedInPartIsOneClaim checks the kind of match a sentence
// matcher misses: one outlet quotes a spokesman's statement at length,
// another quotes part of it in other words. Two statements of the same
// spokesman that share only names and a set phrase stay apart, and so do
// the same words from two different speakers.
func TestOneSpeakerQuotedInPartIsOneClaim(t *testing.T) {
	key := func(speaker, norm string) sift.ClaimKey { return sift.ClaimKey{Speaker: speaker, Norm: norm} }
	long := key("Pavel Brenko", "Fighters of the Hadria Liberation Front in Kasrin have almost finished preparing a staged poison gas attack, to be filmed and blamed on Dravian aircraft")
	short := key("Pavel Brenko", "preparations for the staged gas attack in Kasrin are nearly finished")
	if s := Similarity(long, short); s < Threshold() {
		t.Errorf("one spokesman's statement quoted in part: similarity %.3f, want at least %.3f", s, Threshold())
	}
	other := key("Pavel Brenko", "the information on Kasrin had been passed to the joint coordination centre in Selvan")
	also := key("Pavel Brenko", "the data on the Ulmet strike were shared through the joint coordination centre")
	if s := Similarity(other, also); s >= Threshold() {
		t.Errorf("two statements of one spokesman sharing a set phrase: similarity %.3f, want under %.3f", s, Threshold())
	}
	if s := Similarity(long, other); s >= Threshold() {
		t.Errorf("two statements of one spokesman about Kasrin: similarity %.3f, want under %.3f", s, Threshold())
	}
	stranger := key("Lina Osk", short.Norm)
	if a, b := Similarity(long, stranger), Similarity(long, short); a >= b {
		t.Errorf("the same words from another speaker score %.3f, from the same speaker %.3f: want less", a, b)
	}
}
