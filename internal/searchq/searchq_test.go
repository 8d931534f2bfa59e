package searchq

import (
	"errors"
	"strings"
	"testing"

	"github.com/sift-news/sift"
)

func TestQueryWritesFTS5(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"kessel", `"kessel"`},
		{"kessel market", `("kessel" AND "market")`},
		{"a OR b c", `("a" OR ("b" AND "c"))`}, // AND binds tighter than OR
		{"a b NOT c", `("a" AND ("b" NOT "c"))`},
		{"(a OR b) NOT c", `(("a" OR "b") NOT "c")`},
		{`"air strike"*`, `"air strike"*`},
		{`"say ""no"""`, `"say ""no"""`},
		{"title:cease*", `title : "cease"*`},
		{"and or not", `(("and" AND "or") AND "not")`}, // operators are upper case only
		// Not valid syntax: the plain words, operators and column names left out.
		{"* syria", `"syria"`},
		{`"unbalanced quote AND (`, `"unbalanced" "quote"`},
		{"NEAR(a b, 2)", `"a" "b" "2"`},
		{"outlet:tass x", `"tass" "x"`},
		{"pro-government", `"pro" "government"`},
		{"^idlib", `"idlib"`},
		{"a\x00b", `("a" AND "b")`}, // control characters separate words
		{`"_"`, `"_"`},              // a phrase of no word: its "words" are none, so the plain reading is used…
	} {
		if c.in == `"_"` {
			if _, err := Query(c.in); err == nil { // …and there is none
				t.Errorf("Query(%q): want a query error", c.in)
			}
			continue
		}
		n, err := Query(c.in)
		if err != nil {
			t.Errorf("Query(%q): %v", c.in, err)
			continue
		}
		if got := n.FTS5(); got != c.want {
			t.Errorf("Query(%q).FTS5() = %s, want %s", c.in, got, c.want)
		}
	}
}

// Text without a word is a *sift.QueryError saying what to type; blank
// text is no condition at all.
func TestQueryErrors(t *testing.T) {
	for _, in := range []string{"*", "**", "-", `""`, "()", "AND", "NOT", "AND OR", "title:", "\x00", "\xff"} {
		n, err := Query(in)
		var qe *sift.QueryError
		if !errors.As(err, &qe) || !strings.Contains(qe.Error(), "Type at least one word") || n != nil {
			t.Errorf("Query(%q) = %v, %v; want a QueryError saying what to type", in, n, err)
		}
	}
	if n, err := Query("  \t"); n != nil || err != nil {
		t.Errorf("blank query = %v, %v; want nil, nil", n, err)
	}
	if _, err := Query("*"); !strings.Contains(err.Error(), "* must end a word") {
		t.Errorf("Query(*): %v; want the reason", err)
	}
}

func TestParseSyntaxErrors(t *testing.T) {
	for _, bad := range []string{`"unterminated`, "a AND", "OR a", "(a", "a)", "NOT a", "pro-government", "author:x", "title:",
		strings.Repeat("(", maxDepth+1) + "a" + strings.Repeat(")", maxDepth+1)} {
		if n, err := Parse(bad); !errors.Is(err, ErrSyntax) {
			t.Errorf("Parse(%.40q) = %v, %v; want ErrSyntax", bad, n, err)
		}
	}
	deep := strings.Repeat("(", maxDepth) + "a" + strings.Repeat(")", maxDepth)
	if _, err := Parse(deep); err != nil {
		t.Errorf("Parse of %d nested parentheses: %v", maxDepth, err)
	}
}

func FuzzQuery(f *testing.F) {
	for _, s := range []string{"kessel", `"air strike"`, "cease* OR (a NOT b)", "title:x text:y*", "*", "((", `"`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		n, err := Query(text)
		var qe *sift.QueryError
		switch {
		case errors.As(err, &qe):
			if n != nil || qe.Reason == "" {
				t.Fatalf("Query(%q) = %v with a query error %v", text, n, err)
			}
		case err != nil:
			t.Fatalf("Query(%q): %v", text, err)
		case n == nil:
			if strings.TrimSpace(text) != "" {
				t.Fatalf("Query(%q) = nil for text that is not blank", text)
			}
		default:
			// Every term has a word; every quote of the FTS5 output is
			// doubled inside terms.
			if !n.hasWords() || strings.Count(n.FTS5(), `"`)%2 != 0 {
				t.Fatalf("Query(%q) = %s", text, n.FTS5())
			}
		}
	})
}
