//go:build !(linux || darwin || freebsd || openbsd || netbsd || dragonfly)

package store

import "os"

// tryLock does nothing where flock(2) is missing: there, stop Puente before
// a restore or a key rotation (the README says so for every system).
func tryLock(f *os.File, exclusive bool) error { return nil }
