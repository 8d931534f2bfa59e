package sqlite

import (
	"context"
	"fmt"
	"os"
	"sync"
	"syscall"
)

// linkMu serialises linking within the process (flock locks are per open
// file, and one process may open a store twice).
var linkMu sync.Mutex

// WithLinkLock runs fn holding the store's link lock: linking compares
// each article with those before it, so one process at a time links. The
// lock is an exclusive flock on PATH.link-lock beside the store file,
// released when fn returns or the process dies. With wait unset it
// returns false at once, without running fn, when another process holds
// it.
func (s *DB) WithLinkLock(ctx context.Context, wait bool, fn func() error) (bool, error) {
	if wait {
		linkMu.Lock()
	} else if !linkMu.TryLock() {
		return false, nil
	}
	defer linkMu.Unlock()
	if s.path == "" {
		return true, fn()
	}
	f, err := os.OpenFile(s.path+".link-lock", os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return false, fmt.Errorf("locking the linker: %w", err)
	}
	defer f.Close()
	how := syscall.LOCK_EX
	if !wait {
		how |= syscall.LOCK_NB
	}
	for {
		err = syscall.Flock(int(f.Fd()), how)
		if err != syscall.EINTR {
			break
		}
	}
	if err == syscall.EWOULDBLOCK {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("locking the linker: %w", err)
	}
	defer syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
	return true, fn()
}
