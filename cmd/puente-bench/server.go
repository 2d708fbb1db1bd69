package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"regexp"
	"syscall"
	"time"

	"puente/internal/procstat"
)

// server is one running puente process.
type server struct {
	cmd  *exec.Cmd
	addr string
	// listened is how long the process took from exec to its listening line.
	listened time.Duration
	exited   chan struct{}
}

var listenRE = regexp.MustCompile(`msg=listening addr=(\S+)`)

// startServer runs bin on db on a free loopback port and waits for its
// listening line; log receives everything it prints.
func startServer(ctx context.Context, bin, db string, log io.Writer) (*server, error) {
	cmd := exec.Command(bin, "-addr", "127.0.0.1:0", "-db", db)
	cmd.Env = append(os.Environ(), "PUENTE_DEMO=", "PUENTE_TRUSTED_PROXIES=", "PUENTE_BASE_URL=", "PUENTE_KEY_FILE=")
	pr, pw := io.Pipe()
	cmd.Stdout, cmd.Stderr = pw, pw
	t0 := time.Now()
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	s := &server{cmd: cmd, exited: make(chan struct{})}
	go func() {
		_ = cmd.Wait()
		pw.Close()
		close(s.exited)
	}()
	addr := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(pr)
		for sc.Scan() {
			fmt.Fprintln(log, sc.Text())
			if m := listenRE.FindStringSubmatch(sc.Text()); m != nil {
				select {
				case addr <- m[1]:
				default:
				}
			}
		}
	}()
	select {
	case s.addr = <-addr:
		s.listened = time.Since(t0)
		return s, nil
	case <-s.exited:
		return nil, errors.New("server exited before listening (see the log)")
	case <-time.After(5 * time.Minute):
		s.kill()
		return nil, errors.New("server did not listen within 5 minutes")
	case <-ctx.Done():
		s.kill()
		return nil, ctx.Err()
	}
}

func (s *server) base() string { return "http://" + s.addr }

func (s *server) pid() int { return s.cmd.Process.Pid }

// cpu is the server's CPU time so far.
func (s *server) cpu() time.Duration {
	d, _ := procstat.CPU(s.pid())
	return d
}

// memory returns the server's peak and current resident size, KiB.
func (s *server) memory() (hwm, rss int64) {
	hwm, rss, _ = procstat.Memory(s.pid())
	return hwm, rss
}

// stop asks for a graceful shutdown and waits; after 20 s it kills.
func (s *server) stop() {
	_ = s.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-s.exited:
	case <-time.After(20 * time.Second):
		s.kill()
	}
}

func (s *server) kill() {
	_ = s.cmd.Process.Signal(syscall.SIGKILL)
	<-s.exited
}
