package main

import (
	"testing"

	"github.com/sift-news/sift/internal/link/ecbeval"
)

// A set laid out as ECB+ whose file names carry no topic (a blind set of
// our own) is scored whole; ECB+ itself by its topic ranges.
func TestEvalSplitsScoresASetWithoutTopicsWhole(t *testing.T) {
	blind := []ecbeval.Doc{{File: "a001.txt"}, {File: "a002.txt"}}
	sp := evalSplits(blind)
	if len(sp) != 1 || !sp[0].Has(blind[0]) || !sp[0].Has(blind[1]) {
		t.Errorf("splits of a set without topics: %+v, want one holding every document", sp)
	}
	ecb := []ecbeval.Doc{{File: "1_1ecb.txt"}, {File: "12_3ecbplus.txt"}}
	if sp := evalSplits(ecb); len(sp) != len(ecbeval.Splits) || sp[0].Name != ecbeval.Splits[0].Name {
		t.Errorf("splits of ECB+: %+v, want its topic ranges", sp)
	}
}
