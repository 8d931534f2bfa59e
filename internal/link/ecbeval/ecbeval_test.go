package ecbeval

import (
	"strings"
	"testing"
)

// The split never tuned on is reported first, and documents fall in splits
// by the topic number of their file name.
func TestSplits(t *testing.T) {
	if !strings.Contains(Splits[0].Name, "never tuned on") || Splits[0].From != 11 || Splits[0].To != 20 {
		t.Errorf("first split %+v, want topics 11-20, never tuned on", Splits[0])
	}
	for _, c := range []struct {
		file    string
		topic   int
		heldOut bool
	}{{"12_3ecbplus.txt", 12, true}, {"1_10ecb.txt", 1, false}, {"10_13ecbplus.txt", 10, false}, {"20_8ecbplus.txt", 20, true}} {
		d := Doc{File: c.file}
		if d.Topic() != c.topic || Splits[0].Has(d) != c.heldOut || !Splits[2].Has(d) {
			t.Errorf("%s: topic %d, held out %v, in topics 1-20 %v", c.file, d.Topic(), Splits[0].Has(d), Splits[2].Has(d))
		}
	}
}

// TestSplitsOfOwnSet checks that a set in ECB+'s layout whose files are not
// named by topic is scored whole, not reported as empty splits.
func TestSplitsOfOwnSet(t *testing.T) {
	own := []Doc{{File: "a001.txt"}, {File: "a002.txt"}}
	sp := SplitsOf(own)
	if len(sp) != 1 || !sp[0].Has(own[0]) || !sp[0].Has(own[1]) {
		t.Errorf("own set: splits %+v, want one holding every document", sp)
	}
	ecb := []Doc{{File: "12_3ecbplus.txt"}, {File: "1_10ecb.txt"}}
	if got := SplitsOf(ecb); len(got) != len(Splits) {
		t.Errorf("ECB+ set: %d splits, want the %d topic ranges", len(got), len(Splits))
	}
}
