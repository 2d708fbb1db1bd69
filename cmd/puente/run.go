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
	"strconv"
	"sync"
	"time"

	"puente/internal/auth"
	"puente/internal/demo"
	"puente/internal/retention"
	"puente/internal/secret"
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

	// The address first: a busy port must stop Puente before it writes
	// anything (the demo filled its database and then failed, and a rerun
	// was refused as "not empty").
	ln, err := net.Listen("tcp", cfg.addr)
	if err != nil {
		return fmt.Errorf("cannot listen on %s (is another Puente running? choose another with -addr): %w", cfg.addr, err)
	}
	defer ln.Close()

	st, err := store.Open(ctx, cfg.dbPath)
	if err != nil {
		return fmt.Errorf("refusing to start: %w", err)
	}
	defer st.Close()
	if err := useKey(ctx, st, cfg.keyFile, log); err != nil {
		return fmt.Errorf("refusing to start: %w", err)
	}
	// Work that grows with the database runs after the listener opens: the
	// full integrity check, and the recomputation of deadlines after a rule
	// change. background ends with run, before the store closes.
	var background sync.WaitGroup
	defer background.Wait()
	bgctx, stopBackground := context.WithCancel(ctx)
	defer stopBackground()
	if started, err := st.SyncRules(ctx); err != nil {
		return fmt.Errorf("deadline rules: %w", err)
	} else if started {
		log.Info("deadline rules changed: recomputing every open case's deadlines in the background; a case opened meanwhile is recomputed on the spot")
		background.Go(func() { logRecompute(bgctx, st, log) })
	}

	// Two hashes at once bound password hashing to 128 MiB on this machine's
	// two cores; more would only queue for CPU anyway.
	hasher := auth.NewHasher(auth.DefaultParams, max(2, runtime.NumCPU()))
	// The one clock: the demo's dates and every page's "today" read it.
	clock := time.Now
	if cfg.demo {
		if err := demo.SeedIn(ctx, st, hasher, clock(), cfg.demoLang); err != nil {
			return err
		}
		log.Info("demo data set loaded", "password", demo.Password, "authenticator_key", demo.TOTPSecret,
			"two_step", "the admin and the coordinators sign in with a code from this key (oathtool --totp -b KEY)")
	}

	stopBackups, err := startBackups(ctx, st, cfg.backups, cfg.keyFile, log)
	if err != nil {
		return fmt.Errorf("refusing to start: %w", err)
	}
	defer stopBackups()
	// Closed cases whose retention period has passed are purged at start
	// and then every hour, on the one clock.
	purgeCtx, stopPurges := context.WithCancel(ctx)
	var purges sync.WaitGroup
	purges.Go(func() { retention.Run(purgeCtx, st, clock, retention.Every, log) })
	defer func() { stopPurges(); purges.Wait() }()

	sessions := st.Sessions(5 * time.Minute)
	defer sessions.Stop()

	wc := web.DefaultConfig()
	wc.BaseURL = cfg.baseURL
	if wc.BaseURL == "" {
		wc.BaseURL = "http://" + linkHost(ln.Addr())
		wc.LinksLocal = loopbackOnly(ln.Addr())
		if wc.LinksLocal {
			log.Warn("links in invitations, reset links and calendar feeds will name this computer only: set -base-url to the address other devices use", "base_url", wc.BaseURL)
		}
	}
	wc.TrustedProxies = cfg.trustedProxies
	wc.Now = clock
	if cfg.backups.dir != "" {
		wc.BackupEvery, wc.BackupKeep = cfg.backups.every, cfg.backups.keep
	}
	wc.AllowedHosts = allowedHosts(cfg.baseURL, ln.Addr())
	if wc.SetupToken, err = setupToken(ctx, st, cfg.setupToken); err != nil {
		return err
	}
	startMail(bgctx, &background, cfg.mail, st, clock, &wc, log)
	srv, err := web.New(wc, log, st, sessions, hasher)
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
	if wc.SetupToken != "" {
		log.Warn("not set up yet: open this one-time link to create the first account (it works until setup is done)",
			"setup_url", wc.BaseURL+"/setup?token="+wc.SetupToken)
	}
	background.Go(func() { checkIntegrity(bgctx, st, cfg.dbPath, log) })

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

// useKey loads the encryption key, creating it on a database that never had
// one. A database that had a key and finds none, or another, is refused: a
// new key would make its sensitive fields unreadable.
func useKey(ctx context.Context, st *store.Store, path string, log *slog.Logger) error {
	had, err := st.HasKey(ctx)
	if err != nil {
		return err
	}
	key, created, err := secret.LoadKeyFile(path, !had)
	if err != nil {
		if had {
			return fmt.Errorf("%w; this database's sensitive fields were encrypted with the key in %s: restore that file from your backup (or pass -key-file)", err, path)
		}
		return err
	}
	if err := st.UseKey(ctx, key); err != nil {
		if errors.Is(err, store.ErrWrongKey) {
			return fmt.Errorf("the key in %s does not open this database: restore the right key file from your backup", path)
		}
		return err
	}
	if created {
		log.Warn("created a new encryption key: BACK IT UP. Without it the sensitive fields (A-numbers, addresses, dates of birth, detention facilities) cannot be read", "key_file", path)
	}
	return nil
}

// loopbackOnly reports whether links built from a listener's address name
// this computer only: a loopback address, or a wildcard one (linkHost names
// it "localhost"). Another device cannot open such a link.
func loopbackOnly(a net.Addr) bool {
	tcp, ok := a.(*net.TCPAddr)
	if !ok {
		return false
	}
	return tcp.IP == nil || tcp.IP.IsUnspecified() || tcp.IP.IsLoopback()
}

// linkHost is host:port for links to a listener: the bound port, and for a
// wildcard address (":8080") the loopback name, which is right for the
// default local use; a public server sets -base-url.
func linkHost(a net.Addr) string {
	tcp, ok := a.(*net.TCPAddr)
	if !ok {
		return a.String()
	}
	if tcp.IP == nil || tcp.IP.IsUnspecified() {
		return net.JoinHostPort("localhost", strconv.Itoa(tcp.Port))
	}
	return net.JoinHostPort(tcp.IP.String(), strconv.Itoa(tcp.Port))
}
