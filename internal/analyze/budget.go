package analyze

import (
	"context"
	"errors"
	"fmt"
	"time"
)

// Budget bounds the work of analysing one document. Every stage is linear
// in its input (sentences and units too long for a stage are cut for that
// stage), so the budget is what keeps one huge or pathological document
// from holding a worker for minutes and gigabytes: a document over it is
// refused with an error naming it, and ingest goes on with the others.
// The zero Budget sets no limit.
type Budget struct {
	// MaxText is the most bytes of text after cleaning (0: no limit).
	// Analysis holds 100–250 bytes per byte of text at its peak.
	MaxText int
	// Timeout is the most time the analysis of one document may take,
	// checked before each stage (0: no limit).
	Timeout time.Duration
}

// The budget of Default: 8 MiB of text (some 1.5 million words, about
// 1.2 GB at the peak of analysing prose, 2 GB at worst) and two minutes.
const (
	DefaultMaxText = 8 << 20
	DefaultTimeout = 2 * time.Minute
)

// ErrBudget is wrapped by the errors of documents over their budget.
var ErrBudget = errors.New("over the analysis budget")

// checkSize refuses a text over the budget's size.
func (b Budget) checkSize(source string, text int, raw bool) error {
	if b.MaxText <= 0 || text <= b.MaxText {
		return nil
	}
	what := "of text after cleaning"
	if raw {
		what = "of text"
	}
	return fmt.Errorf("%s: document too large to analyse: %s %s, more than the %s one document may have; split it into smaller documents (%w)",
		source, megabytes(text), what, megabytes(b.MaxText), ErrBudget)
}

// context returns ctx with the budget's deadline, if it has one.
func (b Budget) context(ctx context.Context) (context.Context, context.CancelFunc) {
	if b.Timeout <= 0 {
		return context.WithCancel(ctx)
	}
	return context.WithTimeout(ctx, b.Timeout)
}

// overTime reports, as an error naming the document, that ctx ended before
// stage could start.
func overTime(ctx context.Context, source, stage string, text int, b Budget) error {
	if errors.Is(ctx.Err(), context.DeadlineExceeded) && b.Timeout > 0 {
		return fmt.Errorf("%s: analysis of %s of text took longer than %s, stopped before the %s stage; split the document into smaller ones (%w)",
			source, megabytes(text), b.Timeout, stage, ErrBudget)
	}
	return fmt.Errorf("%s: analysis stopped before the %s stage: %w", source, stage, ctx.Err())
}

// megabytes writes n bytes for people: "18.2 MB", "950 KB".
func megabytes(n int) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%d KB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}
