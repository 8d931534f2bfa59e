package reader

import (
	"bufio"
	"bytes"
	"io"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/gogs/chardet"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// Byte order marks.
var (
	bomUTF8    = []byte("\xef\xbb\xbf")
	bomUTF16LE = []byte("\xff\xfe")
	bomUTF16BE = []byte("\xfe\xff")
)

// sniffSize is how much of a stream is examined to choose its encoding.
const sniffSize = 64 << 10

// Decode returns data as valid UTF-8: UTF-8 as is (minus a byte order mark),
// UTF-16 with a byte order mark (or plainly UTF-16 text without one)
// converted, UTF-8 with a few stray bytes repaired, and anything else
// converted from the single- or multi-byte encoding it most likely is,
// Windows-1252 (the usual meaning of "Latin-1") when in doubt.
func Decode(data []byte) string {
	text, _ := decode(data)
	return text
}

// decode is Decode that also says what it did to data that was not plain
// UTF-8 ("converted from windows-1252"), or "" if nothing.
func decode(data []byte) (text, note string) {
	data = bytes.TrimPrefix(data, bomUTF8)
	if utf8.Valid(data) {
		return string(data), ""
	}
	if e := utf16Encoding(data); e != nil {
		return decodeWith(e, data), "converted from UTF-16"
	}
	if mostlyUTF8(data) {
		return repairUTF8(data), "invalid UTF-8 bytes read as Windows-1252"
	}
	e := detectCharset(data)
	return decodeWith(e, data), "not UTF-8, converted from " + charsetName(e)
}

// charsetName names e for messages.
func charsetName(e encoding.Encoding) string {
	if name, err := htmlindex.Name(e); err == nil {
		return name
	}
	return "a legacy encoding"
}

// decodeWith converts data with e, guaranteeing valid UTF-8.
func decodeWith(e encoding.Encoding, data []byte) string {
	out, err := e.NewDecoder().Bytes(data)
	if err != nil {
		return repairUTF8(data)
	}
	return strings.ToValidUTF8(string(out), "\uFFFD")
}

// utf16Encoding returns the UTF-16 encoding of data if it starts with a
// UTF-16 byte order mark or has the zero bytes of ASCII text in UTF-16 at
// every other position, and nil otherwise.
func utf16Encoding(data []byte) encoding.Encoding {
	switch {
	case bytes.HasPrefix(data, bomUTF16LE):
		return unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM)
	case bytes.HasPrefix(data, bomUTF16BE):
		return unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM)
	}
	head := data
	if len(head) > 4096 {
		head = head[:4096]
	}
	if len(head) < 8 {
		return nil
	}
	var zeros [2]int
	for i, b := range head {
		if b == 0 {
			zeros[i%2]++
		}
	}
	half := len(head) / 2
	switch {
	case zeros[1] > half*7/10 && zeros[0] < half/10:
		return unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM)
	case zeros[0] > half*7/10 && zeros[1] < half/10:
		return unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM)
	}
	return nil
}

// mostlyUTF8 reports whether data is UTF-8 with a few stray bytes: it holds
// more valid multi-byte sequences than invalid bytes. Text in a legacy
// encoding rarely forms valid multi-byte UTF-8 sequences by chance.
func mostlyUTF8(data []byte) bool {
	valid, invalid := 0, 0
	for i := 0; i < len(data); {
		if data[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n <= 1 {
			invalid++
			i++
			continue
		}
		valid++
		i += n
	}
	return valid > invalid
}

// repairUTF8 keeps the valid UTF-8 in data and reads each invalid byte as
// Windows-1252.
func repairUTF8(data []byte) string {
	var b strings.Builder
	b.Grow(len(data) + len(data)/8)
	for len(data) > 0 {
		r, n := utf8.DecodeRune(data)
		if r == utf8.RuneError && n <= 1 {
			b.WriteRune(cp1252[data[0]])
			data = data[1:]
			continue
		}
		b.Write(data[:n])
		data = data[n:]
	}
	return b.String()
}

// latinCharsets are the charsets the detector reports for Western European
// text; Windows-1252 is a superset of them for every printable character,
// so they are all read as Windows-1252.
var latinCharsets = map[string]bool{
	"ISO-8859-1":   true,
	"ISO-8859-15":  true,
	"windows-1252": true,
	"UTF-8":        true,
}

// A non-Latin charset is trusted only with a detector confidence (0–100)
// of at least minConfidence and at least minHighBytes non-ASCII bytes to go
// on: a few accented letters in a short field prove nothing (the detector
// takes "\xc0 la carte \xe0 Montr\xe9al" for Windows-1250), while a line of
// Arabic or Russian has dozens.
const (
	minConfidence = 25
	minHighBytes  = 16
)

// detectCharset guesses the legacy encoding of data, which is not UTF-8:
// Windows-1252 unless the detector is reasonably sure of another one
// (Windows-1256 Arabic, Windows-1251 or KOI8-R Cyrillic, Shift_JIS, …).
func detectCharset(data []byte) encoding.Encoding {
	if len(data) > sniffSize {
		data = data[:sniffSize]
	}
	high := 0
	for _, b := range data {
		if b >= utf8.RuneSelf {
			high++
		}
	}
	if high < minHighBytes {
		return charmap.Windows1252
	}
	res, err := chardet.NewTextDetector().DetectBest(data)
	if err != nil || res == nil || latinCharsets[res.Charset] || res.Confidence < minConfidence {
		return charmap.Windows1252
	}
	e, err := htmlindex.Get(res.Charset)
	if err != nil || e == nil {
		return charmap.Windows1252
	}
	return e
}

// decodeStream returns a reader of br's text as UTF-8, choosing the
// encoding from the first sniffSize bytes: a byte order mark or UTF-16 text
// is converted; UTF-8 is passed through (records are still checked, since a
// later one may be invalid); anything else is converted from the detected
// legacy encoding. It also returns a note on a conversion, if any.
func decodeStream(br *bufio.Reader) (io.Reader, string) {
	head, _ := br.Peek(sniffSize)
	if bytes.HasPrefix(head, bomUTF8) {
		br.Discard(len(bomUTF8))
		return br, ""
	}
	if e := utf16Encoding(head); e != nil {
		return transform.NewReader(br, e.NewDecoder()), "converted from UTF-16"
	}
	if validPrefix(head) || mostlyUTF8(head) {
		return br, ""
	}
	e := detectCharset(head)
	return transform.NewReader(br, e.NewDecoder()), "not UTF-8, converted from " + charsetName(e)
}

// metaCharset finds the charset an HTML page declares in its first bytes.
var metaCharset = regexp.MustCompile(`(?i)<meta[^>]+charset\s*=\s*["']?\s*([a-z0-9_.:-]+)`)

// decodeHTML returns an HTML page as valid UTF-8: UTF-8 as is, otherwise in
// the charset its <meta> tag declares, otherwise as Decode guesses. Like
// decode it also returns a note on a repair, if any.
func decodeHTML(data []byte) (text, note string) {
	data = bytes.TrimPrefix(data, bomUTF8)
	if utf8.Valid(data) {
		return string(data), ""
	}
	head := data
	if len(head) > 4096 {
		head = head[:4096]
	}
	if m := metaCharset.FindSubmatch(head); m != nil {
		if e, err := htmlindex.Get(string(m[1])); err == nil && e != nil && e != encoding.Nop && !isUTF8(e) {
			return decodeWith(e, data), ""
		}
	}
	return decode(data)
}

// isUTF8 reports whether e is UTF-8, which a page may declare and still
// break; such a page goes through Decode's repair instead.
func isUTF8(e encoding.Encoding) bool {
	name, _ := htmlindex.Name(e)
	return name == "utf-8"
}

// validPrefix reports whether head is valid UTF-8 except possibly for a
// code point cut off at its end.
func validPrefix(head []byte) bool {
	if utf8.Valid(head) {
		return true
	}
	for i := 1; i < utf8.UTFMax && i <= len(head); i++ {
		if utf8.Valid(head[:len(head)-i]) {
			return !utf8.FullRune(head[len(head)-i:])
		}
	}
	return false
}

// cp1252 maps each byte to its Windows-1252 character (Latin-1 with the
// 0x80–0x9f range holding curly quotes, dashes and the euro sign).
var cp1252 = func() [256]rune {
	var t [256]rune
	for i := range t {
		t[i] = rune(i)
	}
	hi := []rune{0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8d, 0x017d, 0x8f,
		0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x9d, 0x017e, 0x0178}
	copy(t[0x80:0xa0], hi)
	return t
}()
