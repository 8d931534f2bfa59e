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

// TestSameWordsOtherEventAreTwoClaims checks that a stock sentence with
// other figures weeks later is taken for another event, while a figure
// changed within days is the same claim changing on its way.
func TestSameWordsOtherEventAreTwoClaims(t *testing.T) {
	key := func(published, norm string) sift.ClaimKey { return sift.ClaimKey{Published: published, Norm: norm} }
	march := key("2024-03-02", "at least 15 people were killed in the shelling of the Ulmet market")
	days := key("2024-03-05", "at least 40 people were killed in the shelling of the Ulmet market")
	months := key("2024-06-20", "at least 9 people were killed in the shelling of the Ulmet market")
	same := key("2024-06-20", march.Norm)
	undated := key("", months.Norm)
	if s := Similarity(march, days); s < Threshold() {
		t.Errorf("a figure changed three days later: similarity %.3f, want at least %.3f", s, Threshold())
	}
	if s := Similarity(march, months); s != 0 {
		t.Errorf("other figures three months later: similarity %.3f, want 0", s)
	}
	if s := Similarity(march, same); s < Threshold() {
		t.Errorf("the same figures three months later: similarity %.3f, want at least %.3f", s, Threshold())
	}
	if s := Similarity(march, undated); s < Threshold() {
		t.Errorf("an undated mention cannot be told apart in time: similarity %.3f, want at least %.3f", s, Threshold())
	}
}
