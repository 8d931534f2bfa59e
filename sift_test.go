package sift

import (
	"testing"
	"unicode/utf8"
)

func TestParagraphsAreCodePointSpans(t *testing.T) {
	a := &Article{Text: "Première ligne — é.\n\nSecond “paragraph”.\n\nThird"}
	ps := a.Paragraphs()
	if len(ps) != 3 {
		t.Fatalf("got %d paragraphs: %+v", len(ps), ps)
	}
	runes := []rune(a.Text)
	for _, p := range ps {
		if string(runes[p.Start:p.End]) != p.Text {
			t.Errorf("span %d..%d is %q, paragraph says %q", p.Start, p.End, string(runes[p.Start:p.End]), p.Text)
		}
	}
}

func TestOffsetsConvertBothWays(t *testing.T) {
	s := "aé😀b"
	o := NewOffsets(s)
	if o.Len() != utf8.RuneCountInString(s) {
		t.Fatalf("Len = %d", o.Len())
	}
	for r := 0; r <= o.Len(); r++ {
		if got := o.Rune(o.Byte(r)); got != r {
			t.Errorf("Rune(Byte(%d)) = %d", r, got)
		}
	}
	if o.Byte(3) != len("aé😀") {
		t.Errorf("Byte(3) = %d", o.Byte(3))
	}
}

// TestOffsetsMatchEveryCodePointStart checks both conversions at every
// offset, in and out of range and inside wide code points, against the
// plain list of code point starts, on texts mixing ASCII, wide code points
// and invalid bytes.
func TestOffsetsMatchEveryCodePointStart(t *testing.T) {
	for _, s := range []string{"", "plain ascii text", "é", "Kyiv — «Ukraine» said “no”.", "a\xffb\xe2\x82c😀", "😀😀x😀", "дом и мир"} {
		var starts []int
		for i := range s {
			starts = append(starts, i)
		}
		o := NewOffsets(s)
		if o.Len() != len(starts) {
			t.Errorf("%q: Len = %d, want %d", s, o.Len(), len(starts))
		}
		for b := -2; b <= len(s)+2; b++ {
			want := len(starts)
			if b < len(s) {
				want = -1
				for r, at := range starts {
					if at <= b {
						want = r
					}
				}
			}
			if got := o.Rune(b); got != want {
				t.Errorf("%q: Rune(%d) = %d, want %d", s, b, got, want)
			}
		}
		for r := -2; r <= len(starts)+2; r++ {
			want := 0
			switch {
			case r >= len(starts):
				want = len(s)
			case r >= 0:
				want = starts[r]
			}
			if got := o.Byte(r); got != want {
				t.Errorf("%q: Byte(%d) = %d, want %d", s, r, got, want)
			}
		}
	}
}

func TestArticleIDFoldsFormattingButKeepsOutlets(t *testing.T) {
	a := ArticleID("Orlen Herald", "The bridge reopened on Monday.")
	if b := ArticleID("orlen herald ", "The  bridge reopened — on Monday!\n"); a != b {
		t.Errorf("same article with other spacing and punctuation got two IDs: %s %s", a, b)
	}
	if c := ArticleID("Varno Daily", "The bridge reopened on Monday."); a == c {
		t.Errorf("two outlets publishing the same text share an ID")
	}
	if d := ArticleID("Orlen Herald", "The bridge closed on Monday."); a == d {
		t.Errorf("different texts share an ID")
	}
}
