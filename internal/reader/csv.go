package reader

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/sift-news/sift"
)

// errUnterminated is returned for a quoted field still open at the end of
// the input.
var errUnterminated = errors.New("quoted field not closed before end of input; the rows after it are lost")

// csvReader parses CSV (RFC 4180 with the usual leniency) record by record
// from lines, so that memory stays bounded by the size limit: quoted fields
// may hold delimiters, doubled quotes and newlines; text between a closing
// quote and the next delimiter is kept ("a"b reads as ab, as Python's csv
// module does, so that an unescaped quote inside a quoted field ends it
// instead of swallowing the rows after it);
// "\r\n" inside a quoted field becomes "\n"; blank lines are skipped.
type csvReader struct {
	lines *lineReader
	comma byte
	max   int
	rec   []byte // the current record's fields, concatenated
	ends  []int  // end offset of each field in rec
}

func newCSVReader(lr *lineReader, comma byte) *csvReader {
	return &csvReader{lines: lr, comma: comma, max: lr.max}
}

// read returns the next record's fields and the line it starts on. A
// record over the size limit is read to its end and reported with
// ErrTooLarge; an unterminated quoted field with errUnterminated; the end
// of the input with io.EOF.
func (c *csvReader) read() (fields []string, start int, err error) {
	var line []byte
	var long bool
	for {
		line, long, err = c.lines.next()
		if err != nil {
			return nil, c.lines.line + 1, err
		}
		if len(line) > 0 {
			break
		}
	}
	start = c.lines.line
	c.rec = c.rec[:0]
	c.ends = c.ends[:0]
	tooLarge := long
	add := func(b []byte) {
		if len(c.rec)+len(b) > c.max {
			tooLarge = true
			return
		}
		c.rec = append(c.rec, b...)
	}
	pos := 0
	for {
		// One field starts at line[pos].
		if pos < len(line) && line[pos] == '"' {
			pos++
		quoted:
			for {
				i := bytes.IndexByte(line[pos:], '"')
				if i < 0 {
					// The field goes on past this line.
					add(line[pos:])
					add([]byte{'\n'})
					line, long, err = c.lines.next()
					if err == io.EOF {
						return nil, start, errUnterminated
					}
					if err != nil {
						return nil, start, err
					}
					tooLarge = tooLarge || long
					pos = 0
					continue
				}
				add(line[pos : pos+i])
				pos += i + 1
				if pos < len(line) && line[pos] == '"' { // "" is one quote
					add(line[pos : pos+1])
					pos++
					continue
				}
				break quoted
			}
			// Anything between the closing quote and the delimiter is kept.
			i := bytes.IndexByte(line[pos:], c.comma)
			if i < 0 {
				add(line[pos:])
				c.ends = append(c.ends, len(c.rec))
				break
			}
			add(line[pos : pos+i])
			c.ends = append(c.ends, len(c.rec))
			pos += i + 1
			continue
		}
		i := bytes.IndexByte(line[pos:], c.comma)
		if i < 0 {
			add(line[pos:])
			c.ends = append(c.ends, len(c.rec))
			break
		}
		add(line[pos : pos+i])
		c.ends = append(c.ends, len(c.rec))
		pos += i + 1
	}
	if tooLarge {
		return nil, start, fmt.Errorf("row %w of %d bytes", ErrTooLarge, c.max)
	}
	s := string(c.rec)
	fields = make([]string, len(c.ends))
	prev := 0
	for i, e := range c.ends {
		fields[i] = s[prev:e]
		prev = e
	}
	return fields, start, nil
}

// sniffComma returns the delimiter of a CSV file from its first line: the
// most frequent of comma, semicolon and tab outside quotes (comma on a tie).
func sniffComma(head []byte) byte {
	if i := bytes.IndexByte(head, '\n'); i >= 0 {
		head = head[:i]
	}
	var n [3]int
	quoted := false
	for _, b := range head {
		switch {
		case b == '"':
			quoted = !quoted
		case quoted:
		case b == ',':
			n[0]++
		case b == ';':
			n[1]++
		case b == '\t':
			n[2]++
		}
	}
	best, comma := n[0], byte(',')
	if n[1] > best {
		best, comma = n[1], ';'
	}
	if n[2] > best {
		comma = '\t'
	}
	return comma
}

// readCSV reads CSV or TSV with a header row from r, one article per row,
// calling fn for each and onErr for each row that cannot be read. Rows are
// numbered as a spreadsheet shows them (the header is row 1), and each
// document's Source is "name:ROW". An Excel "sep=X" first line sets the
// delimiter. It returns only an error from fn.
func readCSV(name string, r io.Reader, comma byte, opt Options, fn func(sift.Document) error, onErr func(error)) error {
	lr := newLineReader(r, opt.maxSize())
	first := 2 // the row after the header
	if l, _, err := lr.next(); err == nil && len(l) == 5 && bytes.EqualFold(l[:4], []byte("sep=")) {
		comma = l[4] // Excel's "sep=;" line names the delimiter; the header follows
		first = 3
	} else if err == nil {
		lr.back()
	}
	cr := newCSVReader(lr, comma)
	header, line, err := cr.read()
	if err == io.EOF {
		onErr(&Error{Input: name, Err: ErrEmpty})
		return nil
	}
	if err != nil {
		onErr(&Error{Input: name, Row: first - 1, Line: line, Err: fmt.Errorf("header: %w", err)})
		return nil
	}
	if len(header) > 0 {
		header[0] = strings.TrimPrefix(header[0], "\ufeff")
	}
	for i := range header {
		header[i] = validText(header[i])
	}
	idx, err := resolveColumns(header, opt.Columns)
	if err != nil {
		onErr(&Error{Input: name, Err: err})
		return nil
	}
	if idx[fieldText] < 0 {
		onErr(&Error{Input: name, Err: fmt.Errorf("%w column in header (%s); name the column holding the text (sift ingest --text-col NAME)",
			ErrNoText, strings.Join(header, ", "))})
		return nil
	}
	for row := first; ; row++ {
		fields, line, err := cr.read()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			if errors.Is(err, ErrTooLarge) {
				onErr(&Error{Input: name, Row: row, Line: line, Err: err})
				continue
			}
			if err != errUnterminated {
				err = readError(err)
			}
			onErr(&Error{Input: name, Row: row, Line: line, Err: err})
			return nil // nothing more can be read
		}
		if len(fields) != len(header) {
			onErr(&Error{Input: name, Row: row, Line: line, Err: fmt.Errorf("%w: %d fields, the header has %d", ErrFormat, len(fields), len(header))})
			continue
		}
		var vals [numFields]string
		for f, i := range idx {
			if i >= 0 {
				vals[f] = fields[i]
			}
		}
		doc, err := record(name+":"+strconv.Itoa(row), &vals, opt)
		if err != nil {
			onErr(&Error{Input: name, Row: row, Line: line, Err: err})
			continue
		}
		if err := fn(doc); err != nil {
			return err
		}
	}
}
