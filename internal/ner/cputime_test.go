//go:build unix

package ner

import "syscall"

// cpuSeconds is the processor time this process has used, so benchmarks
// can report throughput per core on a busy machine.
func cpuSeconds() float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return float64(ru.Utime.Nano()+ru.Stime.Nano()) / 1e9
}
