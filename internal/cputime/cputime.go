//go:build unix

// Package cputime reads the processor time the process has used, so that
// benchmarks can report throughput per core even on a machine shared with
// other work, where wall-clock rates say more about the neighbours.
package cputime

import "syscall"

// Seconds returns the user and system processor time of the process so far.
func Seconds() float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return float64(ru.Utime.Nano()+ru.Stime.Nano()) / 1e9
}
