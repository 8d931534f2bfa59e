package cputime

import "testing"

func TestSecondsGrowsWithWork(t *testing.T) {
	start := Seconds()
	x := 0
	for i := 0; i < 200_000_000; i++ {
		x += i ^ (x >> 3)
	}
	if Seconds() <= start {
		t.Fatalf("processor time did not grow after a busy loop (%d)", x)
	}
}
