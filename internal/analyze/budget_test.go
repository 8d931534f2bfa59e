package analyze

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/sift-news/sift"
	"github.com/sift-news/sift/internal/clean"
)

// countStage counts the articles it saw.
type countStage struct{ n int }

func (*countStage) Name() string            { return "count" }
func (*countStage) Version() string         { return "1" }
func (s *countStage) Apply(a *sift.Article) { s.n++ }

// A document over the size budget is refused with an error that names it,
// says how large it is and what to do, before any stage runs.
func TestBudgetRefusesLargeText(t *testing.T) {
	st := &countStage{}
	p := &Pipeline{Stages: []Stage{st}, Budget: Budget{MaxText: 1 << 20}}
	body := strings.Repeat("The council met on Tuesday and the talks went on late. ", 40000) // 2.1 MB, one line
	_, err := p.Article(sift.Document{Source: "huge.txt", Body: body}, false)
	if !errors.Is(err, ErrBudget) {
		t.Fatalf("err = %v, want ErrBudget", err)
	}
	for _, want := range []string{"huge.txt", "too large", "2.1 MB", "1.0 MB", "split it"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not say %q", err, want)
		}
	}
	if st.n != 0 {
		t.Errorf("%d stages ran on a refused document", st.n)
	}
	small := sift.Document{Source: "small.txt", Body: "Talks resume\n\nThe council met on Tuesday and the talks went on late into the night."}
	if _, err := p.Article(small, false); err != nil || st.n != 1 {
		t.Errorf("a small document: %v, %d stages", err, st.n)
	}
}

// slowStage takes its time.
type slowStage struct{ d time.Duration }

func (*slowStage) Name() string            { return "slow" }
func (*slowStage) Version() string         { return "1" }
func (s *slowStage) Apply(a *sift.Article) { time.Sleep(s.d) }

// A document whose analysis runs out of time stops before the next stage
// with an error naming the document and the stage it did not reach.
func TestBudgetStopsSlowAnalysis(t *testing.T) {
	after := &countStage{}
	p := &Pipeline{Stages: []Stage{&slowStage{50 * time.Millisecond}, after}, Budget: Budget{Timeout: 10 * time.Millisecond}}
	doc := sift.Document{Source: "slow.txt", Body: "Talks resume\n\nThe council met on Tuesday and the talks went on late into the night."}
	_, err := p.ArticleContext(context.Background(), doc, false, clean.Options{})
	if !errors.Is(err, ErrBudget) || !strings.Contains(err.Error(), "slow.txt") || !strings.Contains(err.Error(), "count stage") {
		t.Fatalf("err = %v, want a budget error naming slow.txt and the count stage", err)
	}
	if after.n != 0 {
		t.Error("the stage after the budget ran out still ran")
	}
	// A cancelled context is not a budget error.
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := p.ArticleContext(ctx, doc, false, clean.Options{}); err == nil || errors.Is(err, ErrBudget) {
		t.Errorf("cancelled: err = %v", err)
	}
}
