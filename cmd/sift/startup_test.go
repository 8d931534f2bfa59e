package main

import (
	"bufio"
	"bytes"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"
)

// Every command starts light: the package initialisation of everything the
// binary links (models, tables, the date parser's locale data) allocates
// little, so `sift help` or a search on a small store is not dominated by
// start-up. The date parser's 4,000 locale expressions alone used to
// allocate 78 MB here; they are now built on first use.
func TestStartupAllocatesLittle(t *testing.T) {
	cmd := exec.Command(siftBin, "help")
	cmd.Env = append(os.Environ(), "GODEBUG=inittrace=1")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		if _, ok := err.(*exec.ExitError); !ok {
			t.Fatalf("%s help: %v", siftBin, err)
		}
	}
	var total, heaviest int64
	var heaviestPkg string
	sc := bufio.NewScanner(bytes.NewReader(stderr.Bytes()))
	for sc.Scan() {
		// init PKG @T ms, C ms clock, B bytes, A allocs
		f := strings.Fields(sc.Text())
		if len(f) < 11 || f[0] != "init" || f[8] != "bytes," {
			continue
		}
		b, err := strconv.ParseInt(f[7], 10, 64)
		if err != nil {
			t.Fatalf("unreadable trace line %q", sc.Text())
		}
		total += b
		if b > heaviest {
			heaviest, heaviestPkg = b, f[1]
		}
	}
	if total == 0 {
		t.Fatalf("no init trace from %s help:\n%s", siftBin, stderr.String())
	}
	const limit = 30 << 20
	if total > limit {
		t.Errorf("package initialisation allocates %d MB, want under %d MB; heaviest: %s with %d MB",
			total>>20, limit>>20, heaviestPkg, heaviest>>20)
	}
}
