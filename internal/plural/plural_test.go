package plural

import "testing"

func TestCount(t *testing.T) {
	for _, c := range []struct {
		n          int
		noun, want string
	}{
		{1, "article", "1 article"}, {2, "article", "2 articles"}, {0, "article", "0 articles"},
		{1, "story", "1 story"}, {3, "story", "3 stories"}, {2, "copy", "2 copies"}, {2, "entity", "2 entities"},
		{2, "day", "2 days"}, {2, "match", "2 matches"}, {2, "speech", "2 speeches"}, {2, "bus", "2 buses"},
		{1, "statement", "1 statement"}, {5, "statement", "5 statements"}, {2, "person", "2 people"},
	} {
		if got := Count(c.n, c.noun); got != c.want {
			t.Errorf("Count(%d, %q) = %q, want %q", c.n, c.noun, got, c.want)
		}
	}
}
