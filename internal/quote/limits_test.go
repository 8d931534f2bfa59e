package quote

import (
	"strings"
	"testing"
)

// A unit longer than maxUnitTokens is cut into pieces before a word, each
// at most maxUnitTokens long, that together cover it once; short units are
// left alone.
func TestCapUnits(t *testing.T) {
	text := strings.Repeat("the council met and he said that, the river rose; ", 200)
	toks := tokenize(text)
	inRegion := make([]int, len(toks))
	for i := range inRegion {
		inRegion[i] = -1
	}
	us := units(toks, inRegion)
	if len(us) != 1 {
		t.Fatalf("%d units in text without sentence ends", len(us))
	}
	got := capUnits(us, toks, maxUnitTokens)
	if len(got) < len(toks)/maxUnitTokens {
		t.Fatalf("%d pieces for %d tokens", len(got), len(toks))
	}
	next := 0
	for i, u := range got {
		if u[0] != next || u[1]-u[0] > maxUnitTokens || u[1] <= u[0] {
			t.Fatalf("piece %d is %v after token %d", i, u, next)
		}
		if i > 0 && !toks[u[0]].word {
			t.Errorf("piece %d opens on %q", i, toks[u[0]].text)
		}
		next = u[1]
	}
	if next != len(toks) {
		t.Fatalf("pieces end at %d of %d tokens", next, len(toks))
	}
	short := [][2]int{{0, 10}, {10, 25}}
	if got := capUnits(short, toks, maxUnitTokens); len(got) != 2 || got[1] != short[1] {
		t.Errorf("short units changed: %v", got)
	}
}
