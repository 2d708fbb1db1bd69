package main

import (
	"context"
	"io"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestDemoOnBusyPortWritesNothing (issue 9): -demo on an address already
// in use fails before it writes anything: no database file, no key file;
// the same command on a free address then fills and serves the demo.
func TestDemoOnBusyPortWritesNothing(t *testing.T) {
	busy, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer busy.Close()
	dir := t.TempDir()
	dbPath := filepath.Join(dir, "demo.db")
	err = run(context.Background(), []string{"-addr", busy.Addr().String(), "-db", dbPath, "-demo"}, func(string) string { return "" }, io.Discard)
	if err == nil || !strings.Contains(err.Error(), "cannot listen on "+busy.Addr().String()) {
		t.Fatalf("-demo on a busy port: got %v, want a refusal naming the address", err)
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		t.Errorf("-demo on a busy port left %s behind", e.Name())
	}

	// The rerun on a free address works: the demo was never half written.
	addr, out, stop := startRun(t, []string{"-addr", "127.0.0.1:0", "-db", dbPath, "-demo"}, nil)
	if !strings.Contains(out.String(), "demo data set loaded") {
		t.Errorf("rerun on %s: the demo was not loaded:\n%s", addr, out.String())
	}
	if err := stop(); err != nil {
		t.Fatal(err)
	}
}

// TestLoopbackOnly: links built from a loopback or wildcard address name
// this computer only; a specific network address does not.
func TestLoopbackOnly(t *testing.T) {
	for _, tt := range []struct {
		addr *net.TCPAddr
		want bool
	}{
		{&net.TCPAddr{IP: net.IPv4(127, 0, 0, 1), Port: 8080}, true},
		{&net.TCPAddr{IP: net.IPv6loopback, Port: 8080}, true},
		{&net.TCPAddr{IP: net.IPv4zero, Port: 8080}, true},
		{&net.TCPAddr{Port: 8080}, true},
		{&net.TCPAddr{IP: net.IPv4(192, 168, 1, 20), Port: 8080}, false},
	} {
		if got := loopbackOnly(tt.addr); got != tt.want {
			t.Errorf("loopbackOnly(%v): got %v, want %v", tt.addr, got, tt.want)
		}
	}
}
