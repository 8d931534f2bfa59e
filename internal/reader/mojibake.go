package reader

import (
	"strings"
	"unicode/utf8"
)

// cp1252Byte maps the characters of Windows-1252's upper half back to
// their bytes.
var cp1252Byte = func() map[rune]byte {
	m := make(map[rune]byte, 128)
	for b := 0x80; b < 0x100; b++ {
		m[cp1252[b]] = byte(b)
	}
	return m
}()

// FixMojibake repairs text that was UTF-8, misread as Windows-1252 (or
// Latin-1) and saved again as UTF-8, a common fault of scraped news:
// "donâ€™t" becomes "don’t", "cafÃ©" "café". Only complete, valid UTF-8
// sequences of two to four misread bytes are replaced, so ordinary accented
// text is left alone: "é»" or "Ñandú" do not form such sequences.
func FixMojibake(s string) string {
	// A misread lead byte is a character from U+00C2 (Â) to U+00F4 (ô),
	// all of which are 0xC3 and another byte in UTF-8.
	if strings.IndexByte(s, 0xc3) < 0 {
		return s
	}
	var b strings.Builder
	done := 0 // bytes of s already copied to b
	for i := 0; i < len(s); {
		if s[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r < 0xc2 || r > 0xf4 {
			i += n
			continue
		}
		lead := byte(r) // Windows-1252 agrees with Latin-1 from 0xA0 up
		need := utf8Len(lead)
		// Read need-1 continuation characters (bytes 0x80–0xBF).
		var seq [utf8.UTFMax]byte
		seq[0] = lead
		j := i + n
		k := 1
		for ; k < need && j < len(s); k++ {
			c, m := utf8.DecodeRuneInString(s[j:])
			cb, ok := cp1252Byte[c]
			if !ok || cb > 0xbf {
				break
			}
			seq[k] = cb
			j += m
		}
		if k == need {
			if fixed, size := utf8.DecodeRune(seq[:need]); fixed != utf8.RuneError && size == need {
				if b.Len() == 0 {
					b.Grow(len(s))
				}
				b.WriteString(s[done:i])
				b.WriteRune(fixed)
				done = j
				i = j
				continue
			}
		}
		i += n
	}
	if done == 0 {
		return s
	}
	b.WriteString(s[done:])
	out := b.String()
	if strings.Contains(out, "â€") {
		// In text that was misread, an "â€" left over is a closing double
		// quote (E2 80 9D) whose last byte, undefined in Windows-1252, was
		// dropped on the way: "â€œYes,â€ she said".
		out = strings.ReplaceAll(out, "â€", "”")
	}
	return out
}

// utf8Len returns the length of the UTF-8 sequence that lead byte b starts,
// or 0 if b cannot start a multi-byte sequence.
func utf8Len(b byte) int {
	switch {
	case b >= 0xc2 && b <= 0xdf:
		return 2
	case b >= 0xe0 && b <= 0xef:
		return 3
	case b >= 0xf0 && b <= 0xf4:
		return 4
	}
	return 0
}
