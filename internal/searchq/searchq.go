// Package searchq reads the search syntax users type into the search box,
// `sift search` and /api/v1/search, and writes it out for each store: as
// SQLite FTS5 MATCH input and as PostgreSQL to_tsquery input. The syntax
// is FTS5's: words, "quoted phrases", prefix*, AND, OR, NOT (binary:
// "a NOT b"), parentheses, and title:/text: column filters. NOT binds
// tightest, then AND (explicit or implied by juxtaposition), then OR.
//
// Text that is not valid syntax (an unbalanced quote or parenthesis, a
// lone operator, punctuation) is searched as its plain words, all of
// which must occur; text with no word at all is a *sift.QueryError whose
// message says what to type instead. The stores never see user text: only
// what this package writes, which their parsers always accept.
package searchq

import (
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sift-news/sift"
)

// Kind is the kind of a query node.
type Kind byte

// The node kinds.
const (
	Term Kind = iota // a word or a quoted phrase
	And              // Left AND Right
	Or               // Left OR Right
	Not              // Left AND NOT Right
	All              // every one of Terms (the plain-words reading)
)

// Node is a parsed query.
type Node struct {
	Kind Kind
	// Text is a term's word or phrase; Phrase says it was quoted.
	Text   string
	Phrase bool
	// Prefix matches words that start with Text.
	Prefix bool
	// Column is "title" or "text" for a column filter, "" for both.
	Column      string
	Left, Right *Node
	// Terms are the words of an All node.
	Terms []*Node
}

// ErrSyntax reports text that is not valid search syntax.
var ErrSyntax = errors.New("search syntax error")

// maxDepth bounds the nesting of parentheses, so that hostile text cannot
// exhaust the stack.
const maxDepth = 100

// Parse reads text in the search syntax. Empty text gives nil; text that
// is not valid syntax gives an error wrapping ErrSyntax.
func Parse(text string) (*Node, error) {
	toks, err := lex(text)
	if err != nil {
		return nil, err
	}
	if len(toks) == 0 {
		return nil, nil
	}
	p := &parser{toks: toks}
	n, err := p.or()
	if err != nil {
		return nil, err
	}
	if p.pos != len(p.toks) {
		return nil, fmt.Errorf("%w: unexpected %s", ErrSyntax, p.toks[p.pos].describe())
	}
	return n, nil
}

// Plain reads text as plain words, all of which must occur, whatever
// punctuation it holds; the operators AND, OR, NOT and NEAR and the names
// before a colon (column filters) are syntax, not words, and are left out.
// It returns nil when no word is left.
func Plain(text string) *Node {
	n := &Node{Kind: All}
	isSep := func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.IsMark(r) }
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if isSep(r) {
			i += size
			continue
		}
		j := i
		for j < len(text) {
			r, size := utf8.DecodeRuneInString(text[j:])
			if isSep(r) {
				break
			}
			j += size
		}
		w := text[i:j]
		i = j
		if (j < len(text) && text[j] == ':') || w == "AND" || w == "OR" || w == "NOT" || w == "NEAR" {
			continue
		}
		n.Terms = append(n.Terms, &Node{Kind: Term, Text: w})
	}
	if len(n.Terms) == 0 {
		return nil
	}
	return n
}

// Query is how the stores read search text: its parse, or its plain words
// when it is not valid syntax. Blank text gives nil (no text condition);
// text without a word to search for gives a *sift.QueryError.
func Query(text string) (*Node, error) {
	if strings.TrimSpace(text) == "" {
		return nil, nil
	}
	// Invalid UTF-8 and control characters (NUL ends a string for
	// SQLite's parser) separate words, as spaces do.
	text = strings.Map(func(r rune) rune {
		if r == utf8.RuneError || unicode.IsControl(r) {
			return ' '
		}
		return r
	}, strings.ToValidUTF8(text, " "))
	n, err := Parse(text)
	if err == nil && n != nil && n.hasWords() {
		return n, nil
	}
	if n := Plain(text); n != nil {
		return n, nil
	}
	reason := "it has no word to search for"
	if err != nil {
		reason += " (" + strings.TrimPrefix(err.Error(), ErrSyntax.Error()+": ") + ")"
	}
	return nil, &sift.QueryError{Query: text, Reason: reason + ". Type at least one word; " +
		"end a word with * to match every word it begins (syr* finds Syria and Syrian); " +
		"leave the query empty to list every article"}
}

// hasWords reports whether every term of n has a letter or digit: a term
// of punctuation alone matches nothing on one store and everything on
// none, so such a query is read as plain words instead.
func (n *Node) hasWords() bool {
	switch n.Kind {
	case Term:
		return len(words(n.Text)) > 0
	case All:
		for _, t := range n.Terms {
			if !t.hasWords() {
				return false
			}
		}
		return true
	}
	return n.Left.hasWords() && n.Right.hasWords()
}

// words splits a term's text into its letters-and-digits words.
func words(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.IsMark(r) })
}

// token is one token of a query.
type token struct {
	kind   byte   // 'w' word, 'p' phrase, '(' ')', 'A' AND, 'O' OR, 'N' NOT
	text   string // word or phrase text
	prefix bool   // word followed by *
	column string // "title" or "text" for a column filter
}

// describe names a token in a message.
func (t token) describe() string {
	switch t.kind {
	case 'A':
		return "AND"
	case 'O':
		return "OR"
	case 'N':
		return "NOT"
	case '(', ')':
		return `"` + string(t.kind) + `"`
	}
	return fmt.Sprintf("%q", t.text)
}

// isBareword reports whether r may appear in an unquoted word (FTS5 rule:
// ASCII letters and digits, '_', and any non-ASCII character).
func isBareword(r rune) bool {
	return r >= utf8.RuneSelf || r == '_' || ('a' <= r && r <= 'z') || ('A' <= r && r <= 'Z') || ('0' <= r && r <= '9')
}

// lex splits query text into tokens.
func lex(s string) ([]token, error) {
	var out []token
	column := ""
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == ' ' || r == '\t' || r == '\n' || r == '\r':
			i += n
			continue
		case r == '(' || r == ')':
			if column != "" {
				return nil, fmt.Errorf("%w: %s: must be followed by a word or phrase", ErrSyntax, column)
			}
			out = append(out, token{kind: byte(r)})
			i += n
			continue
		case r == '"':
			j := i + 1
			var b strings.Builder
			for {
				k := strings.IndexByte(s[j:], '"')
				if k < 0 {
					return nil, fmt.Errorf("%w: unbalanced quote", ErrSyntax)
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
			t := token{kind: 'p', text: b.String(), column: column}
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
					return nil, fmt.Errorf("%w: no column %q (title: and text: are)", ErrSyntax, word)
				}
				column = word
				i++
				continue
			}
			t := token{kind: 'w', text: word, column: column}
			if column == "" {
				switch word {
				case "AND":
					t = token{kind: 'A'}
				case "OR":
					t = token{kind: 'O'}
				case "NOT":
					t = token{kind: 'N'}
				}
			}
			column = ""
			if i < len(s) && s[i] == '*' {
				if t.kind != 'w' {
					return nil, fmt.Errorf("%w: * after an operator", ErrSyntax)
				}
				t.prefix = true
				i++
			}
			out = append(out, t)
			continue
		case r == '*':
			return nil, fmt.Errorf("%w: * must end a word, as in syr*", ErrSyntax)
		default:
			return nil, fmt.Errorf("%w: %q is not part of the syntax", ErrSyntax, r)
		}
	}
	if column != "" {
		return nil, fmt.Errorf("%w: %s: must be followed by a word or phrase", ErrSyntax, column)
	}
	return out, nil
}

// parser builds a tree from tokens by recursive descent.
type parser struct {
	toks  []token
	pos   int
	depth int
}

func (p *parser) peek() byte {
	if p.pos < len(p.toks) {
		return p.toks[p.pos].kind
	}
	return 0
}

func (p *parser) or() (*Node, error) {
	left, err := p.and()
	if err != nil {
		return nil, err
	}
	for p.peek() == 'O' {
		p.pos++
		right, err := p.and()
		if err != nil {
			return nil, err
		}
		left = &Node{Kind: Or, Left: left, Right: right}
	}
	return left, nil
}

func (p *parser) and() (*Node, error) {
	left, err := p.not()
	if err != nil {
		return nil, err
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
			return nil, err
		}
		left = &Node{Kind: And, Left: left, Right: right}
	}
}

func (p *parser) not() (*Node, error) {
	left, err := p.primary()
	if err != nil {
		return nil, err
	}
	for p.peek() == 'N' {
		p.pos++
		right, err := p.primary()
		if err != nil {
			return nil, err
		}
		left = &Node{Kind: Not, Left: left, Right: right}
	}
	return left, nil
}

func (p *parser) primary() (*Node, error) {
	if p.pos >= len(p.toks) {
		return nil, fmt.Errorf("%w: the query ends where a word was expected", ErrSyntax)
	}
	t := p.toks[p.pos]
	p.pos++
	switch t.kind {
	case '(':
		if p.depth++; p.depth > maxDepth {
			return nil, fmt.Errorf("%w: parentheses nested too deep", ErrSyntax)
		}
		e, err := p.or()
		if err != nil {
			return nil, err
		}
		p.depth--
		if p.peek() != ')' {
			return nil, fmt.Errorf("%w: unbalanced parenthesis", ErrSyntax)
		}
		p.pos++
		return e, nil
	case 'w', 'p':
		return &Node{Kind: Term, Text: t.text, Phrase: t.kind == 'p', Prefix: t.prefix, Column: t.column}, nil
	}
	return nil, fmt.Errorf("%w: %s where a word was expected", ErrSyntax, t.describe())
}

// FTS5 writes n as SQLite FTS5 MATCH input: every term quoted, so that the
// tokenizer alone splits it, operators spelled out and parenthesised.
func (n *Node) FTS5() string {
	var b strings.Builder
	n.fts5(&b)
	return b.String()
}

func (n *Node) fts5(b *strings.Builder) {
	switch n.Kind {
	case Term:
		if n.Column != "" {
			b.WriteString(n.Column + " : ")
		}
		b.WriteString(`"` + strings.ReplaceAll(n.Text, `"`, `""`) + `"`)
		if n.Prefix {
			b.WriteByte('*')
		}
	case All:
		for i, t := range n.Terms {
			if i > 0 {
				b.WriteByte(' ')
			}
			t.fts5(b)
		}
	default:
		op := map[Kind]string{And: " AND ", Or: " OR ", Not: " NOT "}[n.Kind]
		b.WriteByte('(')
		n.Left.fts5(b)
		b.WriteString(op)
		n.Right.fts5(b)
		b.WriteByte(')')
	}
}

// TSQuery writes n as PostgreSQL to_tsquery input. Each term is quoted for
// to_tsquery, which splits it into lexemes with the store's text search
// configuration (several lexemes make a phrase); a column filter becomes a
// weight (title is A, text is B) and a prefix the :* label.
func (n *Node) TSQuery() string {
	switch n.Kind {
	case Term:
		ws := words(n.Text)
		if len(ws) == 0 {
			ws = []string{"_"} // no lexemes: to_tsquery drops the operand
		}
		q := "'" + strings.Join(ws, " ") + "'"
		label := ""
		if n.Prefix {
			label = "*"
		}
		switch n.Column {
		case "title":
			label += "A"
		case "text":
			label += "B"
		}
		if label != "" {
			q += ":" + label
		}
		return q
	case All:
		parts := make([]string, len(n.Terms))
		for i, t := range n.Terms {
			parts[i] = t.TSQuery()
		}
		return strings.Join(parts, " & ")
	case And:
		return "(" + n.Left.TSQuery() + " & " + n.Right.TSQuery() + ")"
	case Or:
		return "(" + n.Left.TSQuery() + " | " + n.Right.TSQuery() + ")"
	}
	return "(" + n.Left.TSQuery() + " & !" + n.Right.TSQuery() + ")"
}
