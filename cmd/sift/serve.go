package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/sift-news/sift/internal/analyze"
	"github.com/sift-news/sift/internal/ingest"
	"github.com/sift-news/sift/internal/postgres"
	"github.com/sift-news/sift/internal/sqlite"
	"github.com/sift-news/sift/internal/web"
)

func runServe(args []string) error {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	dbPath := fs.String("db", "sift.db", "store `path`")
	addr := fs.String("addr", "127.0.0.1:8080", "listen on `host:port` (loopback unless told otherwise)")
	token := fs.String("token", "", "bearer `token` that write requests (POST /api/v1/articles) must send; default $SIFT_TOKEN; without one, writes are refused")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "usage: sift serve --db PATH [--addr HOST:PORT] [--token TOKEN]")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		fs.Usage()
		return fmt.Errorf("unexpected arguments: %v", fs.Args())
	}
	if *token == "" {
		*token = os.Getenv("SIFT_TOKEN")
	}
	if postgres.IsURL(*dbPath) {
		pg, err := postgres.Open(context.Background(), *dbPath)
		if err != nil {
			return err
		}
		defer pg.Close()
		opt := web.Options{Token: *token, Ingest: ingest.New(pg, analyze.Default()).Add}
		return serveUntilInterrupted(*addr, web.New(pg, opt), *token != "")
	}
	if _, err := os.Stat(*dbPath); err != nil {
		return fmt.Errorf("opening store: %w (create one with sift ingest --db %s ...)", err, *dbPath)
	}
	db, err := sqlite.Open(*dbPath)
	if err != nil {
		return err
	}
	defer db.Close()
	opt := web.Options{Token: *token, Ingest: ingest.New(db, analyze.Default()).Add}
	return serveUntilInterrupted(*addr, web.New(db, opt), *token != "")
}

// serveUntilInterrupted listens on addr and serves h until interrupted, then shuts down
// gracefully.
func serveUntilInterrupted(addr string, h http.Handler, writable bool) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("listening on %s: %w", addr, err)
	}
	srv := web.NewServer(addr, h)
	mode := "read-only: no token, so POST /api/v1/articles is refused"
	if writable {
		mode = "writes need the token"
	}
	fmt.Fprintf(os.Stderr, "sift serve: http://%s/ (%s)\n", ln.Addr(), mode)
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		if !errors.Is(err, http.ErrServerClosed) {
			return fmt.Errorf("serving: %w", err)
		}
		return nil
	case <-ctx.Done():
	}
	shutdown, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	return srv.Shutdown(shutdown)
}
