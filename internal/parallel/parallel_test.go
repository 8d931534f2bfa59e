package parallel

import (
	"sync/atomic"
	"testing"
)

// Every piece runs exactly once, whatever the number of workers.
func TestEachRunsEveryPieceOnce(t *testing.T) {
	for _, workers := range []int{0, 1, 2, 7, 100} {
		for _, n := range []int{0, 1, 5, 1000} {
			runs := make([]atomic.Int32, n)
			Each(n, workers, func(i int) { runs[i].Add(1) })
			for i := range runs {
				if got := runs[i].Load(); got != 1 {
					t.Fatalf("workers %d, n %d: piece %d ran %d times", workers, n, i, got)
				}
			}
		}
	}
}
