package reader

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"unicode/utf8"

	"github.com/sift-news/sift"
)

// readJSON reads a .json file: an array of article objects, or one or more
// article objects one after another (pretty-printed or not). Each
// document's Source is "name:LINE", the line its object starts on. Unlike
// JSON Lines, a malformed value cannot be skipped: it ends the input, and a
// value over the size limit too. It returns only an error from fn.
func readJSON(name string, br *bufio.Reader, opt Options, fn func(sift.Document) error, onErr func(error)) error {
	first, skipped := skipSpace(br)
	lc := &lineCounter{r: br, limit: opt.maxSize(), lines: skipped}
	dec := json.NewDecoder(lc)
	lc.dec = dec
	fail := func(err error) {
		var se *json.SyntaxError
		if errors.As(err, &se) {
			err = fmt.Errorf("%w: invalid JSON: %v", ErrFormat, se)
		} else if errors.Is(err, io.ErrUnexpectedEOF) {
			err = fmt.Errorf("%w: JSON cut off at the end of the input", ErrFormat)
		}
		onErr(&Error{Input: name, Line: lc.lineAt(dec.InputOffset()), Err: err})
	}
	array := false
	if first == '[' {
		if _, err := dec.Token(); err != nil {
			fail(err)
			return nil
		}
		array = true
	}
	for dec.More() {
		start := lc.lineAt(startOfValue(dec, lc))
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			if errors.Is(err, errValueTooLarge) {
				err = fmt.Errorf("JSON value %w of %d bytes; the rest of the input is skipped", ErrTooLarge, opt.maxSize())
			}
			fail(err)
			return nil
		}
		doc, err := jsonDocument(name+":"+strconv.Itoa(start), raw, opt)
		if err != nil {
			onErr(&Error{Input: name, Line: start, Err: err})
			continue
		}
		if err := fn(doc); err != nil {
			return err
		}
	}
	if array {
		if _, err := dec.Token(); err != nil {
			fail(err)
		}
	}
	return nil
}

// errValueTooLarge stops a decoder reading a value over the size limit.
var errValueTooLarge = errors.New("value too large")

// lineCounter passes a stream to a json.Decoder, refusing to let the
// decoder buffer more than limit bytes beyond what it has consumed (one
// value), and remembers where the lines of the buffered part start so that
// an offset can be turned into a line number.
type lineCounter struct {
	r     io.Reader
	dec   *json.Decoder
	limit int64
	read  int64   // bytes read so far
	lines int     // newlines before offset base
	base  int64   // offsets below base are forgotten
	nl    []int64 // offsets of the newlines at or after base
	buf   []byte  // bytes at or after base, for peeking
}

func (c *lineCounter) Read(p []byte) (int, error) {
	if c.dec != nil && c.read-c.dec.InputOffset() > c.limit {
		return 0, errValueTooLarge
	}
	n, err := c.r.Read(p)
	for i, b := range p[:n] {
		if b == '\n' {
			c.nl = append(c.nl, c.read+int64(i))
		}
	}
	c.buf = append(c.buf, p[:n]...)
	c.read += int64(n)
	return n, err
}

// forget drops what is known about offsets before off.
func (c *lineCounter) forget(off int64) {
	i := 0
	for i < len(c.nl) && c.nl[i] < off {
		i++
	}
	c.lines += i
	c.nl = c.nl[i:]
	if drop := off - c.base; drop > 0 && drop <= int64(len(c.buf)) {
		c.buf = c.buf[drop:]
		c.base = off
	}
}

// lineAt returns the line number (from 1) of offset off, which must be at
// or after the last offset asked about.
func (c *lineCounter) lineAt(off int64) int {
	c.forget(off)
	return c.lines + 1
}

// startOfValue returns the offset of the next non-space byte after what the
// decoder has consumed (the start of the next value), skipping a comma.
func startOfValue(dec *json.Decoder, c *lineCounter) int64 {
	off := dec.InputOffset()
	c.forget(off)
	for i, b := range c.buf {
		switch b {
		case ' ', '\t', '\r', '\n', ',':
			continue
		}
		return off + int64(i)
	}
	return off
}

// skipSpace consumes white space (and a byte order mark) at the start of
// br and returns the first other byte, left unread, and the number of
// newlines skipped.
func skipSpace(br *bufio.Reader) (first byte, newlines int) {
	for {
		r, _, err := br.ReadRune()
		if err != nil {
			return 0, newlines
		}
		switch r {
		case '\n':
			newlines++
		case ' ', '\t', '\r', '\ufeff':
		default:
			br.UnreadRune()
			if r >= utf8.RuneSelf {
				return 0xff, newlines
			}
			return byte(r), newlines
		}
	}
}
