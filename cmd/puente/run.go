package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"runtime"
	"time"

	"puente/internal/auth"
	"puente/internal/demo"
	"puente/internal/store"
	"puente/internal/web"
)

// shutdownGrace is how long in-flight requests may take to finish.
const shutdownGrace = 10 * time.Second

// run starts Puente and serves until ctx ends, then shuts down gracefully.
// It is main without the process: tests call it with their own arguments,
// environment and output.
func run(ctx context.Context, args []string, getenv func(string) string, stdout io.Writer) error {
	cfg, err := parseConfig(args, getenv, stdout)
	if err != nil {
		return err
	}
	log := slog.New(slog.NewTextHandler(stdout, &slog.HandlerOptions{Level: slog.LevelInfo}))

	st, err := store.Open(ctx, cfg.dbPath)
	if err != nil {
		return fmt.Errorf("refusing to start: %w", err)
	}
	defer st.Close()

	// Two hashes at once bound password hashing to 128 MiB on this machine's
	// two cores; more would only queue for CPU anyway.
	hasher := auth.NewHasher(auth.DefaultParams, max(2, runtime.NumCPU()))
	if cfg.demo {
		if err := demo.Seed(ctx, st, hasher); err != nil {
			return err
		}
		log.Info("demo data set loaded", "password", demo.Password)
	}

	sessions := st.Sessions(5 * time.Minute)
	defer sessions.Stop()

	wc := web.DefaultConfig()
	wc.BaseURL = cfg.baseURL
	wc.TrustedProxies = cfg.trustedProxies
	srv, err := web.New(wc, log, st, sessions, hasher)
	if err != nil {
		return err
	}

	ln, err := net.Listen("tcp", cfg.addr)
	if err != nil {
		return err
	}
	hs := &http.Server{
		Handler:           srv,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       15 * time.Second,
		WriteTimeout:      30 * time.Second,
		IdleTimeout:       60 * time.Second,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
	}
	log.Info("listening", "addr", ln.Addr().String(), "url", "http://"+ln.Addr().String(), "db", cfg.dbPath)

	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	log.Info("shutting down")
	sctx, cancel := context.WithTimeout(context.Background(), shutdownGrace)
	defer cancel()
	if err := hs.Shutdown(sctx); err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	log.Info("stopped")
	return nil
}
