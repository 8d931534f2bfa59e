//go:build !unix

package quote

// cpuSeconds is not measured on this system.
func cpuSeconds() float64 { return -1 }
