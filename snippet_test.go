package sift

import (
	"strings"
	"testing"
)

func TestLeadCutsAtWords(t *testing.T) {
	text := "The ferry to Kessel Island ran again on Tuesday, after the storm that closed the harbour for a week."
	for n := 20; n < len(text); n++ {
		got := Lead(text, n)
		if !strings.HasSuffix(got, "…") {
			t.Fatalf("Lead(%d) = %q: no ellipsis", n, got)
		}
		head := strings.TrimSuffix(got, "…")
		if len([]rune(head)) > n {
			t.Errorf("Lead(%d) = %q: longer than %d", n, got, n)
		}
		if !strings.HasPrefix(text, head) {
			t.Errorf("Lead(%d) = %q: not the opening of the text", n, got)
		}
		if next := text[len(head)]; next != ' ' && next != ',' {
			t.Errorf("Lead(%d) = %q: cut inside a word", n, got)
		}
		if strings.HasSuffix(head, ",") || strings.HasSuffix(head, " ") {
			t.Errorf("Lead(%d) = %q: ends in a comma or space", n, got)
		}
	}
	if got := Lead(text, len(text)); got != text {
		t.Errorf("a text that fits is cut: %q", got)
	}
	long := strings.Repeat("x", 50)
	if got := Lead(long, 10); got != strings.Repeat("x", 10)+"…" {
		t.Errorf("one long word: %q", got)
	}
}
