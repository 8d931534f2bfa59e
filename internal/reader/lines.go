package reader

import (
	"bufio"
	"errors"
	"fmt"
	"io"
)

// readError describes an error reading the rest of an input.
func readError(err error) error {
	if errors.Is(err, io.ErrUnexpectedEOF) {
		return fmt.Errorf("data cut off (truncated or corrupt compressed file?), rest of input skipped: %w", err)
	}
	return fmt.Errorf("read error, rest of input skipped: %w", err)
}

// lineReader reads lines from a stream, keeping at most max bytes of each,
// so that memory stays bounded whatever the input holds. Unlike
// bufio.Scanner it has no fixed 64 KiB limit and survives an overlong line:
// it reports it and carries on with the next one.
type lineReader struct {
	br   *bufio.Reader
	max  int
	buf  []byte
	line int // number of the line last returned, from 1
	// again makes next return the last line once more.
	again    bool
	lastLong bool
}

// back makes the next call to next return the last line again.
func (l *lineReader) back() {
	l.again = true
	l.line--
}

func newLineReader(r io.Reader, max int64) *lineReader {
	br, ok := r.(*bufio.Reader)
	if !ok {
		br = bufio.NewReaderSize(r, 64<<10)
	}
	if max > int64(int(^uint(0)>>1)) {
		max = int64(int(^uint(0) >> 1))
	}
	return &lineReader{br: br, max: int(max)}
}

// next returns the next line without its line ending ("\n" or "\r\n").
// The line is valid until the next call. If the line was longer than max
// bytes, long is true and line holds only its first max bytes. At the end
// of the input next returns io.EOF; a read error is returned as is.
func (l *lineReader) next() (line []byte, long bool, err error) {
	if l.again {
		l.again = false
		l.line++
		return trimEOL(l.buf), l.lastLong, nil
	}
	defer func() { l.lastLong = long }()
	l.buf = l.buf[:0]
	read := false
	for {
		chunk, err := l.br.ReadSlice('\n')
		if len(chunk) > 0 {
			read = true
		}
		if len(l.buf)+len(chunk) > l.max {
			if room := l.max - len(l.buf); room > 0 {
				l.buf = append(l.buf, chunk[:room]...)
			}
			long = true
		} else {
			l.buf = append(l.buf, chunk...)
		}
		switch err {
		case nil:
			l.line++
			return trimEOL(l.buf), long, nil
		case bufio.ErrBufferFull:
			continue
		case io.EOF:
			if !read {
				return nil, false, io.EOF
			}
			l.line++
			return trimEOL(l.buf), long, nil
		default:
			return nil, false, err
		}
	}
}

// trimEOL removes a trailing "\n" or "\r\n".
func trimEOL(b []byte) []byte {
	if n := len(b); n > 0 && b[n-1] == '\n' {
		b = b[:n-1]
		if n := len(b); n > 0 && b[n-1] == '\r' {
			b = b[:n-1]
		}
	}
	return b
}
