package propaganda

import (
	"strings"
	"testing"
)

// TestLabelReadable: every technique has a readable name, with no
// underscores, commas run together or duplicates, and starting with a
// capital.
func TestLabelReadable(t *testing.T) {
	seen := map[string]string{}
	for _, n := range Techniques {
		l := Label(n)
		if strings.ContainsAny(l, "_") || strings.Contains(l, ",") && !strings.Contains(l, ", ") || l == "" {
			t.Errorf("Label(%q) = %q", n, l)
		}
		if l[0] < 'A' || l[0] > 'Z' {
			t.Errorf("Label(%q) = %q: not capitalised", n, l)
		}
		if o, dup := seen[l]; dup {
			t.Errorf("%q and %q share the label %q", o, n, l)
		}
		seen[l] = n
	}
	if got := Label("Some_New,Thing"); got != "Some New or Thing" {
		t.Errorf("Label of an unknown name = %q", got)
	}
}
