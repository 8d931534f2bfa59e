package match

import (
	"strings"
	"testing"
	"time"

	"github.com/sift-news/sift/internal/cputime"
)

var benchPairs = [][2]string{
	{"Terrorists in Idlib have nearly completed preparations for a chemical-weapons provocation, Konashenkov said.",
		"Konashenkov said terrorists in Idlib have nearly completed preparations for a chemical-weapons provocation."},
	{"Amrozi accused his brother, whom he called \"the witness\", of deliberately distorting his evidence.",
		"Referring to him as only \"the witness\", Amrozi accused his brother of deliberately distorting his evidence."},
	{"Yucaipa owned Dominick's before selling the chain to Safeway in 1998 for $2.5 billion.",
		"Yucaipa bought Dominick's in 1995 for $693 million and sold it to Safeway for $1.8 billion in 1998."},
	{"The ministry said 20-30,000 fighters were hiding in the province.", "Up to 10,000 fighters are hiding in the province, the ministry said."},
}

// BenchmarkScore measures Score on news sentence pairs of typical length
// (15-20 words); it reports pairs per second and per CPU-second (the
// figure that holds on a machine shared with other work).
func BenchmarkScore(b *testing.B) {
	b.ReportAllocs()
	start, cpu := time.Now(), cputime.Seconds()
	for i := 0; i < b.N; i++ {
		p := benchPairs[i%len(benchPairs)]
		Score(p[0], p[1])
	}
	b.ReportMetric(float64(b.N)/time.Since(start).Seconds(), "pairs/s")
	if used := cputime.Seconds() - cpu; used > 0 {
		b.ReportMetric(float64(b.N)/used, "pairs/cpu-s")
	}
}

// BenchmarkKeys measures Keys on one sentence.
func BenchmarkKeys(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		Keys(benchPairs[i%len(benchPairs)][0])
	}
}

// TestLongInputIsBounded: a run-on text of many thousand words costs the
// matcher no more than its first MaxTokens tokens (a timed check failed
// under load; this one cannot pass by luck).
func TestLongInputIsBounded(t *testing.T) {
	// The matcher reads at most MaxTokens tokens of a text, so that its
	// work on a pasted page is bounded: what comes after them changes no
	// score.
	long := strings.Repeat("the ministry said 20,000 troops were sent to the border on Monday ", 5000)
	tail := strings.Repeat("rebels denied it and said no soldier had crossed ", 3000)
	if a, b := Score(long, long+" again"), Score(long+tail, long+" again"+tail); a != b {
		t.Errorf("scores of %d-byte texts depend on what follows their first %d tokens: %v, %v", len(long), MaxTokens, a, b)
	}
}

// BenchmarkScorer measures what the claim linker does: one sentence read
// once and scored against many candidates (every sentence of benchPairs,
// both sides, in turn).
func BenchmarkScorer(b *testing.B) {
	b.ReportAllocs()
	var cands []string
	for _, p := range benchPairs {
		cands = append(cands, p[0], p[1])
	}
	s := Default().Scorer(benchPairs[0][0])
	defer s.Close()
	start, cpu := time.Now(), cputime.Seconds()
	for i := 0; i < b.N; i++ {
		s.Score(cands[i%len(cands)])
	}
	b.ReportMetric(float64(b.N)/time.Since(start).Seconds(), "pairs/s")
	if used := cputime.Seconds() - cpu; used > 0 {
		b.ReportMetric(float64(b.N)/used, "pairs/cpu-s")
	}
}
