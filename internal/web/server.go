// Package web serves sift's HTTP API (JSON under /api/v1/) and its web UI:
// server-rendered pages for searching articles and reading them with their
// entities, quotes and techniques highlighted, and for browsing stories,
// entities, speakers and outlets, with SVG charts drawn in Go. Pages work
// without JavaScript; everything taken from articles is escaped, and every
// response carries a strict Content-Security-Policy.
package web

import (
	"context"
	"crypto/sha256"
	"crypto/subtle"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"log"
	"net"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/sift-news/sift"
	"github.com/sift-news/sift/internal/analyze"
	"github.com/sift-news/sift/internal/ingest"
)

// Store is what the server reads and writes: articles and their search
// (sift.ArticleStore), the listings behind the browsing pages and the API
// that the command line reads too (sift.Reader), and the claims followed
// across articles (sift.ClaimStore). *sqlite.DB and *postgres.DB satisfy
// it.
type Store interface {
	sift.ArticleStore
	sift.Reader
	sift.ClaimStore
}

// Options configure a server.
type Options struct {
	// Token is the bearer token that write requests must present. With no
	// token, writes are refused.
	Token string
	// Ingest analyses, stores and links a posted document, returning its
	// article and whether it was new: the Add of the ingest.Ingester every
	// entrance shares. Nil means an Ingester over the store with Pipeline,
	// built on the first write.
	Ingest func(ctx context.Context, doc sift.Document) (*sift.Article, bool, error)
	// Pipeline analyses posted articles when Ingest is nil; nil means
	// analyze.Default().
	Pipeline *analyze.Pipeline
	// MaxBody bounds request bodies in bytes; 0 means DefaultMaxBody.
	MaxBody int64
	// Name is shown in page titles and the header; "" means "sift".
	Name string
	// ErrorLog receives internal errors; nil means the standard logger.
	ErrorLog *log.Logger
	// MaxSearches bounds the store searches run at once (0 means
	// DefaultMaxSearches) and MaxWaiting the requests waiting for one (0
	// means DefaultMaxWaiting); beyond, searches are answered 503 with
	// Retry-After.
	MaxSearches, MaxWaiting int
}

// DefaultMaxBody is the largest request body accepted by default.
const DefaultMaxBody = 4 << 20

// contentSecurityPolicy allows only the server's own style sheet and
// script, no inline script or style, no plugins, no framing.
const contentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
	"object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

//go:embed templates/*.html static/*
var files embed.FS

// server holds what the handlers share.
type server struct {
	store    Store
	opt      Options
	pages    map[string]*page
	static   http.Handler
	tokenSum [32]byte // sha256 of opt.Token, compared in constant time

	pipelineOnce sync.Once
	pipeline     *analyze.Pipeline
	ingester     *ingest.Ingester

	wholeFacets facetCache
	load        *searchLoad
}

// New returns the handler serving the UI and the API over store.
func New(store Store, opt Options) http.Handler {
	if opt.MaxBody <= 0 {
		opt.MaxBody = DefaultMaxBody
	}
	if opt.Name == "" {
		opt.Name = "sift"
	}
	if opt.ErrorLog == nil {
		opt.ErrorLog = log.Default()
	}
	s := &server{store: store, opt: opt, pages: parsePages(), pipeline: opt.Pipeline,
		load: newSearchLoad(opt.MaxSearches, opt.MaxWaiting)}
	s.tokenSum = sha256.Sum256([]byte(opt.Token))
	staticFS, err := fs.Sub(files, "static")
	if err != nil {
		panic(err) // the embedded tree is fixed at build time
	}
	s.static = http.StripPrefix("/static/", http.FileServerFS(staticFS))

	mux := http.NewServeMux()
	// UI
	mux.HandleFunc("GET /{$}", s.searchPage)
	mux.HandleFunc("GET /search", s.searchPage)
	mux.HandleFunc("GET /articles/{id}", s.articlePage)
	mux.HandleFunc("GET /stories", s.storiesPage)
	mux.HandleFunc("GET /stories/{id}", s.storyPage)
	mux.HandleFunc("GET /entities", s.entitiesPage)
	mux.HandleFunc("GET /entities/{name}", s.entityPage)
	mux.HandleFunc("GET /speakers", s.speakersPage)
	mux.HandleFunc("GET /speakers/{name}", s.speakerPage)
	mux.HandleFunc("GET /outlets", s.outletsPage)
	mux.HandleFunc("GET /outlets/{name}", s.outletPage)
	mux.HandleFunc("GET /claims", s.claimsPage)
	mux.HandleFunc("GET /claims/{id}", s.claimPage)
	mux.Handle("GET /static/", s.cacheStatic(s.static))
	// API
	api := []struct {
		method, path string
		h            http.HandlerFunc
	}{
		{"GET", "/api/v1/search", s.apiSearch},
		{"GET", "/api/v1/articles/{id}", s.apiArticle},
		{"POST", "/api/v1/articles", s.apiPostArticle},
		{"GET", "/api/v1/stories", s.apiStories},
		{"GET", "/api/v1/stories/{id}", s.apiStory},
		{"GET", "/api/v1/entities", s.apiEntities},
		{"GET", "/api/v1/entities/{name}", s.apiEntity},
		{"GET", "/api/v1/speakers", s.apiSpeakers},
		{"GET", "/api/v1/speakers/{name}", s.apiSpeaker},
		{"GET", "/api/v1/speakers/{name}/quotes", s.apiSpeakerQuotes},
		{"GET", "/api/v1/outlets", s.apiOutlets},
		{"GET", "/api/v1/outlets/{name}", s.apiOutlet},
		{"GET", "/api/v1/claims", s.apiClaims},
		{"GET", "/api/v1/claims/{id}", s.apiClaim},
	}
	allowed := map[string][]string{}
	for _, e := range api {
		mux.HandleFunc(e.method+" "+e.path, e.h)
		allowed[e.path] = append(allowed[e.path], e.method)
	}
	// Other methods on API paths get a JSON 405 rather than the HTML 404.
	for path, methods := range allowed {
		allow := strings.Join(append(methods, "HEAD"), ", ")
		if len(methods) == 1 && methods[0] == "POST" {
			allow = "POST"
		}
		mux.HandleFunc(path, func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Allow", allow)
			writeError(w, http.StatusMethodNotAllowed, r.Method+" is not allowed on "+r.URL.Path+"; use "+allow)
		})
	}
	mux.HandleFunc("/api/", func(w http.ResponseWriter, r *http.Request) {
		writeError(w, http.StatusNotFound, "no such API endpoint: "+r.Method+" "+r.URL.Path)
	})
	mux.HandleFunc("/", s.notFoundPage)
	return s.secure(s.recoverPanics(mux))
}

// NewServer returns an http.Server for h listening on addr, with timeouts
// that keep slow or stalled clients from holding connections. On a
// loopback address it also refuses requests naming another host, so that a
// web page cannot read the store through DNS rebinding.
func NewServer(addr string, h http.Handler) *http.Server {
	if host, _, err := net.SplitHostPort(addr); err == nil && isLoopback(host) {
		h = loopbackOnly(h)
	}
	return &http.Server{
		Addr:              addr,
		Handler:           h,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       120 * time.Second,
		MaxHeaderBytes:    64 << 10,
	}
}

// isLoopback reports whether host names this machine only.
func isLoopback(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(strings.Trim(host, "[]"))
	return ip != nil && ip.IsLoopback()
}

// loopbackOnly refuses requests whose Host header is not a loopback name.
func loopbackOnly(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		host := r.Host
		if h, _, err := net.SplitHostPort(host); err == nil {
			host = h
		}
		if !isLoopback(host) {
			http.Error(w, "this server answers only to localhost, 127.0.0.1 or [::1]", http.StatusMisdirectedRequest)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// secure adds the security headers to every response and bounds request
// bodies.
func (s *server) secure(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", contentSecurityPolicy)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		if r.Body != nil {
			r.Body = http.MaxBytesReader(w, r.Body, s.opt.MaxBody)
		}
		next.ServeHTTP(w, r)
	})
}

// recoverPanics turns a panicking handler into a 500 response.
func (s *server) recoverPanics(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if v := recover(); v != nil {
				if v == http.ErrAbortHandler {
					panic(v)
				}
				s.opt.ErrorLog.Printf("sift serve: %s %s: panic: %v", r.Method, r.URL.Path, v)
				http.Error(w, "internal error", http.StatusInternalServerError)
			}
		}()
		next.ServeHTTP(w, r)
	})
}

// cacheStatic lets browsers keep the style sheet and script for an hour.
// Directories are not listed: a path ending in / is a 404 page.
func (s *server) cacheStatic(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasSuffix(r.URL.Path, "/") {
			s.notFoundPage(w, r)
			return
		}
		w.Header().Set("Cache-Control", "public, max-age=3600")
		next.ServeHTTP(w, r)
	})
}

// errNoToken and errBadToken say why a write was refused.
var (
	errNoToken  = errors.New("writes are disabled: the server was started without a token (--token or $SIFT_TOKEN)")
	errBadToken = errors.New("missing or wrong token: send Authorization: Bearer TOKEN")
)

// authorize checks the bearer token of a write request in constant time.
func (s *server) authorize(r *http.Request) (int, error) {
	if s.opt.Token == "" {
		return http.StatusForbidden, errNoToken
	}
	auth := r.Header.Get("Authorization")
	const prefix = "Bearer "
	if len(auth) < len(prefix) || !strings.EqualFold(auth[:len(prefix)], prefix) {
		return http.StatusUnauthorized, errBadToken
	}
	// Hashing both sides first makes the comparison independent of the
	// token's length as well as its content.
	got := sha256.Sum256([]byte(strings.TrimSpace(auth[len(prefix):])))
	if subtle.ConstantTimeCompare(got[:], s.tokenSum[:]) != 1 {
		return http.StatusUnauthorized, errBadToken
	}
	return 0, nil
}

// errNoIngest is returned for a write to a store that cannot be written.
var errNoIngest = errors.New("this store cannot be written to")

// ingest stores a posted document through Options.Ingest or, when that is
// nil, an Ingester over the store built on first use.
func (s *server) ingest(ctx context.Context, doc sift.Document) (*sift.Article, bool, error) {
	a, added, err := s.ingestDoc(ctx, doc)
	if added {
		s.load.invalidate() // cached searches no longer hold
	}
	return a, added, err
}

// ingestDoc is ingest without the cache.
func (s *server) ingestDoc(ctx context.Context, doc sift.Document) (*sift.Article, bool, error) {
	if s.opt.Ingest != nil {
		return s.opt.Ingest(ctx, doc)
	}
	s.pipelineOnce.Do(func() {
		if st, ok := s.store.(ingest.Store); ok {
			s.ingester = ingest.New(st, s.pipeline)
		}
	})
	if s.ingester == nil {
		return nil, false, errNoIngest
	}
	return s.ingester.Add(ctx, doc)
}

// internalError logs err and answers with a generic message, so that store
// details do not leak to clients.
func (s *server) internalError(r *http.Request, err error) string {
	s.opt.ErrorLog.Printf("sift serve: %s %s: %v", r.Method, r.URL.Path, err)
	return fmt.Sprintf("internal error while serving %s", r.URL.Path)
}
