package postgres

import (
	"errors"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The search syntax of sift.Query.Text is the one users learn on the
// embedded store (SQLite FTS5): words, "quoted phrases", prefix*, AND, OR,
// NOT (binary: "a NOT b"), parentheses, and title:/text: column filters.
// toTSQuery translates it into the input of PostgreSQL's to_tsquery, so that
// the same query finds the same articles on both backends. Like the SQLite
// store, text that is not valid syntax is searched as plain words (all of
// them must occur) instead of failing: plainTSQuery.

// errSyntax reports query text that is not valid search syntax.
var errSyntax = errors.New("search syntax error")

// qtoken is one token of a search query.
type qtoken struct {
	kind   byte   // 'w' word, 'p' phrase, '(' ')', 'A' AND, 'O' OR, 'N' NOT
	text   string // word or phrase text
	prefix bool   // word followed by *
	column string // "title" or "text" for a column filter
}

// isBareword reports whether r may appear in an unquoted word (FTS5 rule:
// ASCII letters and digits, '_', and any non-ASCII character).
func isBareword(r rune) bool {
	return r >= utf8.RuneSelf || r == '_' || ('a' <= r && r <= 'z') || ('A' <= r && r <= 'Z') || ('0' <= r && r <= '9')
}

// lexQuery splits query text into tokens.
func lexQuery(s string) ([]qtoken, error) {
	var out []qtoken
	column := ""
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == ' ' || r == '\t' || r == '\n' || r == '\r':
			i += n
			continue
		case r == '(' || r == ')':
			if column != "" {
				return nil, errSyntax
			}
			out = append(out, qtoken{kind: byte(r)})
			i += n
			continue
		case r == '"':
			j := i + 1
			var b strings.Builder
			for {
				k := strings.IndexByte(s[j:], '"')
				if k < 0 {
					return nil, errSyntax // unterminated phrase
				}
				b.WriteString(s[j : j+k])
				j += k + 1
				if j < len(s) && s[j] == '"' { // "" is a literal quote
					b.WriteByte('"')
					j++
					continue
				}
				break
			}
			t := qtoken{kind: 'p', text: b.String(), column: column}
			column = ""
			i = j
			if i < len(s) && s[i] == '*' {
				t.prefix = true
				i++
			}
			out = append(out, t)
			continue
		case isBareword(r):
			j := i
			for j < len(s) {
				r, n := utf8.DecodeRuneInString(s[j:])
				if !isBareword(r) {
					break
				}
				j += n
			}
			word := s[i:j]
			i = j
			if i < len(s) && s[i] == ':' {
				if column != "" || (word != "title" && word != "text") {
					return nil, errSyntax // SQLite: no such column
				}
				column = word
				i++
				continue
			}
			t := qtoken{kind: 'w', text: word, column: column}
			if column == "" {
				switch word {
				case "AND":
					t = qtoken{kind: 'A'}
				case "OR":
					t = qtoken{kind: 'O'}
				case "NOT":
					t = qtoken{kind: 'N'}
				}
			}
			column = ""
			if i < len(s) && s[i] == '*' {
				if t.kind != 'w' {
					return nil, errSyntax
				}
				t.prefix = true
				i++
			}
			out = append(out, t)
			continue
		default:
			return nil, errSyntax
		}
	}
	if column != "" {
		return nil, errSyntax
	}
	return out, nil
}

// qparser builds a to_tsquery expression from tokens. Precedence follows
// FTS5: NOT binds tightest, then AND (explicit or implied), then OR.
type qparser struct {
	toks []qtoken
	pos  int
}

func (p *qparser) peek() byte {
	if p.pos < len(p.toks) {
		return p.toks[p.pos].kind
	}
	return 0
}

func (p *qparser) or() (string, error) {
	left, err := p.and()
	if err != nil {
		return "", err
	}
	for p.peek() == 'O' {
		p.pos++
		right, err := p.and()
		if err != nil {
			return "", err
		}
		left = "(" + left + " | " + right + ")"
	}
	return left, nil
}

func (p *qparser) and() (string, error) {
	left, err := p.not()
	if err != nil {
		return "", err
	}
	for {
		switch p.peek() {
		case 'A':
			p.pos++
		case 'w', 'p', '(':
		default:
			return left, nil
		}
		right, err := p.not()
		if err != nil {
			return "", err
		}
		left = "(" + left + " & " + right + ")"
	}
}

func (p *qparser) not() (string, error) {
	left, err := p.primary()
	if err != nil {
		return "", err
	}
	for p.peek() == 'N' {
		p.pos++
		right, err := p.primary()
		if err != nil {
			return "", err
		}
		left = "(" + left + " & !" + right + ")"
	}
	return left, nil
}

func (p *qparser) primary() (string, error) {
	if p.pos >= len(p.toks) {
		return "", errSyntax
	}
	t := p.toks[p.pos]
	p.pos++
	switch t.kind {
	case '(':
		e, err := p.or()
		if err != nil {
			return "", err
		}
		if p.peek() != ')' {
			return "", errSyntax
		}
		p.pos++
		return e, nil
	case 'w', 'p':
		return operand(t), nil
	}
	return "", errSyntax
}

// operand quotes a word or phrase for to_tsquery, which splits it into
// lexemes with the store's text search configuration (several lexemes make
// a phrase). A column filter becomes a weight: title is A, text is B.
func operand(t qtoken) string {
	words := strings.FieldsFunc(t.text, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.IsMark(r) })
	if len(words) == 0 {
		words = []string{"_"} // no lexemes: to_tsquery drops the operand
	}
	q := "'" + strings.Join(words, " ") + "'"
	label := ""
	if t.prefix {
		label = "*"
	}
	switch t.column {
	case "title":
		label += "A"
	case "text":
		label += "B"
	}
	if label != "" {
		q += ":" + label
	}
	return q
}

// toTSQuery translates search text into to_tsquery input, or errSyntax.
// Empty text gives "".
func toTSQuery(text string) (string, error) {
	toks, err := lexQuery(text)
	if err != nil {
		return "", err
	}
	if len(toks) == 0 {
		return "", nil
	}
	p := &qparser{toks: toks}
	e, err := p.or()
	if err != nil {
		return "", err
	}
	if p.pos != len(p.toks) {
		return "", errSyntax
	}
	return e, nil
}

// plainTSQuery matches articles holding every word of text, whatever
// operators or punctuation it contains.
func plainTSQuery(text string) string {
	words := strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.IsMark(r) })
	for i, w := range words {
		words[i] = "'" + w + "'"
	}
	return strings.Join(words, " & ")
}

// searchQuery is the to_tsquery input for user text: its translation, or
// all its words when it is not valid syntax.
func searchQuery(text string) string {
	if q, err := toTSQuery(text); err == nil {
		return q
	}
	return plainTSQuery(text)
}
