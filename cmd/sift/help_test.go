package main

import (
	"strings"
	"testing"
)

// TestHelpExitsZero asks every command, and every eval and train
// subcommand, for its help as a user would: the usage is printed and the
// exit status is 0, not the failure of a bad flag.
func TestHelpExitsZero(t *testing.T) {
	var asks [][]string
	for _, c := range commands {
		asks = append(asks, []string{c.name, "-h"}, []string{c.name, "--help"})
	}
	for _, c := range evaluations {
		asks = append(asks, []string{"eval", c.name, "-h"})
	}
	for _, c := range trainers {
		asks = append(asks, []string{"train", c.name, "-h"})
	}
	if len(asks) < 30 {
		t.Fatalf("only %d help requests: the command table is not filled", len(asks))
	}
	for _, a := range asks {
		_, stderr, code := run(t, "", a...)
		if code != 0 {
			t.Errorf("sift %s: exit status %d, want 0\n%s", strings.Join(a, " "), code, stderr)
		}
		if strings.Contains(stderr, "help requested") {
			t.Errorf("sift %s prints %q", strings.Join(a, " "), "help requested")
		}
		if !strings.Contains(stderr, "-") || len(stderr) < 20 {
			t.Errorf("sift %s printed no usage: %q", strings.Join(a, " "), stderr)
		}
	}
	// A bad flag is still an error.
	if _, _, code := run(t, "", "search", "--no-such-flag"); code == 0 {
		t.Error("sift search --no-such-flag exits 0")
	}
}
