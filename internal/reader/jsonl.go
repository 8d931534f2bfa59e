package reader

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/sift-news/sift"
)

// readJSONL reads JSON Lines from r, one article object per line, calling
// fn for each and onErr for each line that cannot be read. Blank lines are
// skipped. It returns only an error from fn.
func readJSONL(name string, r io.Reader, opt Options, fn func(sift.Document) error, onErr func(error)) error {
	lr := newLineReader(r, opt.maxSize())
	for {
		line, long, err := lr.next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			onErr(&Error{Input: name, Line: lr.line + 1, Err: readError(err)})
			return nil
		}
		if long {
			onErr(&Error{Input: name, Line: lr.line, Err: fmt.Errorf("line %w of %d bytes", ErrTooLarge, opt.maxSize())})
			continue
		}
		line = bytes.TrimSpace(line)
		if len(line) == 0 {
			continue
		}
		doc, err := jsonDocument(name+":"+strconv.Itoa(lr.line), line, opt)
		if err != nil {
			onErr(&Error{Input: name, Line: lr.line, Err: err})
			continue
		}
		if err := fn(doc); err != nil {
			return err
		}
	}
}

// jsonDocument makes a document from one JSON object.
func jsonDocument(source string, data []byte, opt Options) (sift.Document, error) {
	if len(data) == 0 || data[0] != '{' {
		return sift.Document{}, fmt.Errorf("%w: not a JSON object", ErrFormat)
	}
	var obj map[string]json.RawMessage
	if err := json.Unmarshal(data, &obj); err != nil {
		return sift.Document{}, fmt.Errorf("%w: invalid JSON: %v", ErrFormat, jsonErrorText(err))
	}
	keys := make(map[string]json.RawMessage, len(obj))
	for k, v := range obj {
		n := normName(k)
		if _, dup := keys[n]; !dup || k == n {
			keys[n] = v
		}
	}
	var vals [numFields]string
	for f := range vals {
		if c := mappedColumn(opt.Columns, f); c != "" {
			vals[f] = jsonText(keys[c])
			continue
		}
		for _, a := range fieldAliases[f] {
			if v, ok := keys[a]; ok {
				if s := jsonText(v); s != "" {
					vals[f] = s
					break
				}
			}
		}
	}
	return record(source, &vals, opt)
}

// jsonErrorText shortens encoding/json's messages, which start with
// "json: " or are about Go types the user never sees.
func jsonErrorText(err error) string {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return fmt.Sprintf("%v at byte %d", se, se.Offset)
	}
	return strings.TrimPrefix(err.Error(), "json: ")
}

// jsonText returns a JSON value as text: a string as is, a number or
// boolean as written, null as "", the texts of an array's items joined by
// ", " (lists of authors), and for an object its "name", "title", "text" or
// "value" (such as NewsAPI's "source": {"name": "…"}).
func jsonText(v json.RawMessage) string {
	v = bytes.TrimSpace(v)
	if len(v) == 0 {
		return ""
	}
	switch v[0] {
	case '"':
		return unquote(v)
	case 'n':
		return ""
	case '[':
		var items []json.RawMessage
		if json.Unmarshal(v, &items) != nil {
			return ""
		}
		var parts []string
		for _, it := range items {
			if s := strings.TrimSpace(jsonText(it)); s != "" {
				parts = append(parts, s)
			}
		}
		return strings.Join(parts, ", ")
	case '{':
		var obj map[string]json.RawMessage
		if json.Unmarshal(v, &obj) != nil {
			return ""
		}
		for _, k := range []string{"name", "title", "text", "value"} {
			if s := jsonText(obj[k]); s != "" {
				return s
			}
		}
		return ""
	}
	return string(v)
}

// unquote returns the text of a JSON string literal that encoding/json has
// already checked, without scanning it twice more as json.Unmarshal would.
// Bytes that are not valid UTF-8 are kept, for validText to repair as
// Windows-1252; a lone surrogate escape becomes U+FFFD.
func unquote(v []byte) string {
	if len(v) < 2 || v[0] != '"' || v[len(v)-1] != '"' {
		return ""
	}
	v = v[1 : len(v)-1]
	i := bytes.IndexByte(v, '\\')
	if i < 0 {
		return string(v)
	}
	b := make([]byte, 0, len(v))
	for i >= 0 {
		b = append(b, v[:i]...)
		v = v[i:]
		if len(v) < 2 {
			break
		}
		switch c := v[1]; c {
		case '"', '\\', '/':
			b = append(b, c)
		case 'b':
			b = append(b, '\b')
		case 'f':
			b = append(b, '\f')
		case 'n':
			b = append(b, '\n')
		case 'r':
			b = append(b, '\r')
		case 't':
			b = append(b, '\t')
		case 'u':
			r, n := hex4(v[2:])
			if n == 0 {
				return ""
			}
			v = v[2+n:]
			if utf16.IsSurrogate(r) {
				r2, n2 := rune(-1), 0
				if len(v) >= 6 && v[0] == '\\' && v[1] == 'u' {
					r2, n2 = hex4(v[2:])
				}
				if d := utf16.DecodeRune(r, r2); d != utf8.RuneError {
					r = d
					v = v[2+n2:]
				} else {
					r = utf8.RuneError
				}
			}
			b = utf8.AppendRune(b, r)
			i = bytes.IndexByte(v, '\\')
			continue
		default:
			return ""
		}
		v = v[2:]
		i = bytes.IndexByte(v, '\\')
	}
	return string(append(b, v...))
}

// hex4 reads four hexadecimal digits, returning the value and 4, or 0, 0.
func hex4(v []byte) (rune, int) {
	if len(v) < 4 {
		return 0, 0
	}
	var r rune
	for _, c := range v[:4] {
		switch {
		case '0' <= c && c <= '9':
			c -= '0'
		case 'a' <= c && c <= 'f':
			c -= 'a' - 10
		case 'A' <= c && c <= 'F':
			c -= 'A' - 10
		default:
			return 0, 0
		}
		r = r<<4 | rune(c)
	}
	return r, 4
}
