package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"time"

	"puente/internal/procstat"
)

// startTimeout bounds how long a server may take to print its listening line.
const startTimeout = 60 * time.Second

// buildBinaries builds the named commands (e.g. "puente") of the module
// containing the working directory into dir, without -race: the load is
// on the server, not on a race-instrumented copy of it.
func buildBinaries(ctx context.Context, dir string, names ...string) error {
	if len(names) == 0 {
		return nil
	}
	out, err := exec.CommandContext(ctx, "go", "env", "GOMOD").Output()
	if err != nil {
		return fmt.Errorf("go env GOMOD: %w", err)
	}
	gomod := strings.TrimSpace(string(out))
	if gomod == "" || gomod == os.DevNull {
		return errors.New("not inside the puente module: run from the repository or pass -bin and -gen-bin")
	}
	args := []string{"build", "-o", dir + string(filepath.Separator)}
	for _, n := range names {
		args = append(args, "./cmd/"+n)
	}
	cmd := exec.CommandContext(ctx, "go", args...)
	cmd.Dir = filepath.Dir(gomod)
	if b, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("go %s: %w\n%s", strings.Join(args, " "), err, b)
	}
	return nil
}

// logWriter takes the server's output: it appends every line to the log
// file, hands over the address from the listening line, and keeps the
// error lines for the report.
type logWriter struct {
	file   io.Writer
	listen chan string

	mu      sync.Mutex
	partial []byte
	errors  int
	last    []string // the most recent error lines
}

var listenRE = regexp.MustCompile(`msg=listening addr=(\S+)`)

func (w *logWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if _, err := w.file.Write(p); err != nil {
		return 0, err
	}
	w.partial = append(w.partial, p...)
	for {
		i := bytes.IndexByte(w.partial, '\n')
		if i < 0 {
			break
		}
		line := string(w.partial[:i])
		w.partial = w.partial[i+1:]
		if m := listenRE.FindStringSubmatch(line); m != nil {
			select {
			case w.listen <- m[1]:
			default:
			}
		}
		if strings.Contains(line, "level=ERROR") || strings.Contains(line, "panic") {
			w.errors++
			if len(w.last) == 5 {
				w.last = w.last[1:]
			}
			w.last = append(w.last, line)
		}
	}
	return len(p), nil
}

func (w *logWriter) errorLines() (int, []string) {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.errors, append([]string(nil), w.last...)
}

// server is one run of the server binary.
type server struct {
	cmd    *exec.Cmd
	addr   string
	exited chan struct{} // closed once the process has been reaped
	err    error         // Wait's result, valid after exited

	mu  sync.Mutex
	hwm int64         // highest VmHWM seen, KiB
	cpu time.Duration // user+system CPU time at the last sample
}

// startServer runs bin on db listening on a free port of 127.0.0.1 and
// waits for its listening line.
func startServer(ctx context.Context, bin, db string, log *logWriter) (*server, error) {
	cmd := exec.Command(bin, "-addr", "127.0.0.1:0", "-db", db)
	// The database and its key file (DB.key by default) stay in the work directory.
	cmd.Env = append(os.Environ(), "PUENTE_DEMO=", "PUENTE_TRUSTED_PROXIES=", "PUENTE_BASE_URL=", "PUENTE_KEY_FILE=")
	cmd.Stdout, cmd.Stderr = log, log
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	s := &server{cmd: cmd, exited: make(chan struct{})}
	go func() {
		s.err = cmd.Wait()
		close(s.exited)
	}()
	go s.sampleMemory()
	timer := time.NewTimer(startTimeout)
	defer timer.Stop()
	select {
	case s.addr = <-log.listen:
		return s, nil
	case <-s.exited:
		return nil, fmt.Errorf("server exited before listening: %v", s.err)
	case <-timer.C:
		s.kill()
		return nil, fmt.Errorf("server did not listen within %s", startTimeout)
	case <-ctx.Done():
		s.kill()
		return nil, ctx.Err()
	}
}

func (s *server) base() string { return "http://" + s.addr }

// kill sends SIGKILL and waits until the process is gone.
func (s *server) kill() {
	s.readMemory()
	_ = s.cmd.Process.Signal(syscall.SIGKILL)
	<-s.exited
}

// stop asks for a graceful shutdown (SIGTERM) and reports whether the
// server exited cleanly within 20 s; after that it is killed.
func (s *server) stop() error {
	s.readMemory()
	if err := s.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		return err
	}
	select {
	case <-s.exited:
		if s.err != nil {
			return fmt.Errorf("server exited with %v on SIGTERM", s.err)
		}
		return nil
	case <-time.After(20 * time.Second):
		s.kill()
		return errors.New("server did not stop within 20s of SIGTERM")
	}
}

// sampleMemory reads the process's peak resident size every 100 ms until it
// exits. VmHWM is itself a high-water mark; sampling only keeps the last
// value readable once the process is gone.
func (s *server) sampleMemory() {
	t := time.NewTicker(100 * time.Millisecond)
	defer t.Stop()
	for {
		select {
		case <-s.exited:
			return
		case <-t.C:
			s.readMemory()
		}
	}
}

func (s *server) readMemory() {
	pid := s.cmd.Process.Pid
	hwm, _, ok := procstat.Memory(pid)
	cpu, cpuOK := procstat.CPU(pid)
	s.mu.Lock()
	defer s.mu.Unlock()
	if ok {
		s.hwm = max(s.hwm, hwm)
	}
	if cpuOK {
		s.cpu = max(s.cpu, cpu)
	}
}

// cpuTime is the CPU time the process had used when last sampled.
func (s *server) cpuTime() time.Duration {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.cpu
}

func (s *server) peak() int64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.hwm
}

// rss is the server's resident size now, KiB.
func (s *server) rss() (int64, bool) {
	_, rss, ok := procstat.Memory(s.cmd.Process.Pid)
	return rss, ok
}

func mib(kib int64) string { return procstat.MiB(kib) }
