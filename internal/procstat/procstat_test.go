package procstat

import (
	"os"
	"testing"
	"time"
)

// The test process reads itself: it has used some CPU and holds memory.
func TestSelf(t *testing.T) {
	if _, err := os.Stat("/proc/self/stat"); err != nil {
		t.Skip("no /proc on this system")
	}
	pid := os.Getpid()
	// Burn CPU until the kernel's 10 ms ticks have counted some: on a
	// loaded machine 50 ms of wall time can be no CPU time at all. Five
	// seconds of wall time bounds the wait; a reader that never sees the
	// ticks still fails below.
	deadline := time.Now().Add(5 * time.Second)
	for x := 0; time.Now().Before(deadline); x++ {
		_ = x * x
		if x%100000 == 0 {
			if c, ok := CPU(pid); ok && c > 0 {
				break
			}
		}
	}
	cpu, ok := CPU(pid)
	if !ok || cpu <= 0 {
		t.Errorf("CPU(self) = %v, %v; want > 0, true", cpu, ok)
	}
	hwm, rss, ok := Memory(pid)
	if !ok || rss <= 0 || hwm < rss {
		t.Errorf("Memory(self) = hwm %d, rss %d, %v; want 0 < rss <= hwm", hwm, rss, ok)
	}
	if _, ok := CPU(-1); ok {
		t.Error("CPU(-1) ok, want false")
	}
	if got := MiB(1536); got != "1.5 MiB" {
		t.Errorf("MiB(1536) = %q", got)
	}
}
