package postgres

import (
	"context"
	"errors"
	"strings"
	"testing"
	"unicode"

	"github.com/sift-news/sift"
)

func TestToTSQuery(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"", ""},
		{"kessel", "'kessel'"},
		{"kessel market", "('kessel' & 'market')"},
		{"kessel AND market", "('kessel' & 'market')"},
		{"kessel OR market", "('kessel' | 'market')"},
		{"kessel NOT market", "('kessel' & !'market')"},
		{"a OR b c", "('a' | ('b' & 'c'))"},        // AND binds tighter than OR
		{"a b NOT c", "('a' & ('b' & !'c'))"},      // NOT binds tighter than AND
		{"(a OR b) NOT c", "(('a' | 'b') & !'c')"}, // parentheses
		{`"air strike"`, "'air strike'"},           // a phrase: to_tsquery makes it 'air' <-> 'strike'
		{`"air strike"*`, "'air strike':*"},        // prefix on the last word
		{"cease*", "'cease':*"},                    // prefix
		{"title:ceasefire", "'ceasefire':A"},       // column filter as a weight
		{"text:cease*", "'cease':*B"},              // both
		{`"Hay'at Tahrir"`, "'Hay at Tahrir'"},     // punctuation inside a phrase splits words
		{`"say ""no"""`, "'say no'"},               // "" is a quote inside a phrase
		{"café", "'café'"},                         // non-ASCII is part of a word
		{"and or not", "(('and' & 'or') & 'not')"}, // operators are upper case only
		{`""`, "'_'"}, // an empty phrase: an operand to_tsquery drops (searchQuery refuses it)
	} {
		got, err := toTSQuery(c.in)
		if err != nil || got != c.want {
			t.Errorf("toTSQuery(%q) = %q, %v; want %q", c.in, got, err, c.want)
		}
	}
	for _, bad := range []string{`"unterminated`, "a AND", "OR a", "(a", "a)", "NOT a", "pro-government", "U.S.", "author:x", "title:"} {
		if got, err := toTSQuery(bad); err == nil {
			t.Errorf("toTSQuery(%q) = %q, want a syntax error", bad, got)
		}
	}
	// Invalid syntax falls back to all the words.
	if got, err := searchQuery(`"unbalanced quote AND (`); got != "'unbalanced' & 'quote'" || err != nil {
		t.Errorf("fallback = %q, %v", got, err)
	}
	if got, err := searchQuery("pro-government mayor"); got != "'pro' & 'government' & 'mayor'" || err != nil {
		t.Errorf("fallback = %q, %v", got, err)
	}
	// Text without a word is refused with a message, not searched as "".
	for _, bad := range []string{"*", "**", "-", `""`, "()", "_"} {
		var qe *sift.QueryError
		if got, err := searchQuery(bad); !errors.As(err, &qe) {
			t.Errorf("searchQuery(%q) = %q, %v; want a *sift.QueryError", bad, got, err)
		}
	}
}

// wellFormed reports whether q looks like valid to_tsquery input as
// toTSQuery and searchQuery produce it: operands are quoted letters,
// digits, marks, spaces and '_', optionally followed by :*, :A or :B;
// parentheses balance; operators sit between operands.
func wellFormed(q string) bool {
	depth := 0
	operand := false // the last token was an operand or ')'
	for i := 0; i < len(q); {
		switch c := q[i]; {
		case c == ' ':
			i++
		case c == '(':
			if operand {
				return false
			}
			depth++
			i++
		case c == ')':
			if !operand || depth == 0 {
				return false
			}
			depth--
			i++
		case c == '&' || c == '|':
			if !operand {
				return false
			}
			operand = false
			i++
		case c == '!':
			if operand {
				return false
			}
			i++
		case c == '\'':
			if operand {
				return false
			}
			end := strings.IndexByte(q[i+1:], '\'')
			if end < 0 {
				return false
			}
			for _, r := range q[i+1 : i+1+end] {
				if !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.IsMark(r) && r != ' ' && r != '_' {
					return false
				}
			}
			i += end + 2
			if strings.HasPrefix(q[i:], ":") {
				j := i + 1
				for j < len(q) && strings.IndexByte("*AB", q[j]) >= 0 {
					j++
				}
				if j == i+1 {
					return false
				}
				i = j
			}
			operand = true
		default:
			return false
		}
	}
	return depth == 0 && (operand || q == "")
}

func FuzzSearchQuery(f *testing.F) {
	for _, s := range []string{"kessel", `"air strike"`, "cease* OR (a NOT b)", "title:x text:y*", `"a ""b"" c"`,
		"pro-government", "((", "café AND Ελλάδα", "'; DROP TABLE articles; --", `\' & !`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		q, err := searchQuery(text)
		var qe *sift.QueryError
		if errors.As(err, &qe) {
			return
		}
		if err != nil || !wellFormed(q) {
			t.Fatalf("searchQuery(%q) = %q, not well-formed to_tsquery input", text, q)
		}
	})
}

// TestSearchQueryAcceptedByServer checks that the server accepts what
// searchQuery makes of hostile and malformed text.
func TestSearchQueryAcceptedByServer(t *testing.T) {
	db := openTest(t)
	ctx := context.Background()
	for _, text := range []string{"kessel", `"air strike"*`, "cease* OR (a NOT b)", "title:x text:y*", `"a ""b"" c"`,
		"pro-government", "((", "café AND Ελλάδα", "'; DROP TABLE articles; --", `\' & ! | <-> :*`, `""`, "_ __ ___",
		"title:\"\"", "a\x00b", "日本語のテキスト", "x:* & y", "NOT NOT", "AND OR NOT", "*", "* syria", "NEAR(", "-", "title:"} {
		var out string
		q, qerr := searchQuery(text)
		var qe *sift.QueryError
		if errors.As(qerr, &qe) {
			if _, _, err := db.Search(ctx, sift.Query{Text: text}); !errors.As(err, &qe) {
				t.Errorf("Search(%q): %v, want the query error %v", text, err, qerr)
			}
			continue
		}
		if err := db.pool.QueryRow(ctx, `SELECT to_tsquery('sift', $1)::text`, q).Scan(&out); err != nil {
			t.Errorf("searchQuery(%q) = %q: the server refuses it: %v", text, q, err)
		}
		if _, _, err := db.Search(ctx, sift.Query{Text: text}); err != nil {
			t.Errorf("Search(%q): %v", text, err)
		}
	}
}
