package ingest

import (
	"io"
	"os"
	"time"
)

// isTerminal reports whether w is a terminal, where a progress line can
// be rewritten in place.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

// progressEvery is how often progress is reported: every second on a
// terminal, every ten seconds in a log.
func progressEvery(w io.Writer) time.Duration {
	if isTerminal(w) {
		return time.Second
	}
	return 10 * time.Second
}

// lineEnd ends a progress line: rewritten in place on a terminal, a new
// line in a log.
func lineEnd(w io.Writer) string {
	if isTerminal(w) {
		return "   \r"
	}
	return "\n"
}
