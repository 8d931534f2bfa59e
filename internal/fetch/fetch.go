// Package fetch is a polite and safe HTTP client for reading the web: it
// sends a clear User-Agent, obeys robots.txt, spaces out requests to each
// host, retries with exponential backoff, supports conditional GET (ETag,
// Last-Modified), and bounds time, response size and redirects.
//
// It refuses to connect to loopback, link-local, private, multicast and
// unspecified addresses unless Options.AllowPrivate is set. The check runs
// at dial time on the address actually connected to (net.Dialer.Control),
// so neither a DNS name that resolves to such an address (DNS rebinding)
// nor a redirect can get around it; proxies from the environment are not
// used, since they would hide the real destination.
package fetch

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"
)

// Version is sift's version as announced in the User-Agent.
const Version = "0.1"

// DefaultUserAgent names sift and where to learn about it.
const DefaultUserAgent = "sift/" + Version + " (+https://github.com/sift-news/sift)"

// robotsAgent is the product token matched against robots.txt groups.
const robotsAgent = "sift"

// Errors the client returns; test with errors.Is.
var (
	ErrPrivateAddress = errors.New("refusing to connect to a private, loopback or link-local address")
	ErrRobots         = errors.New("disallowed by robots.txt")
	// ErrRobotsUnreachable says a host's robots.txt could not be fetched
	// (a network error or a 5xx status): as RFC 9309 asks, nothing of the
	// host is fetched until it can be, which is retried later.
	ErrRobotsUnreachable = errors.New("robots.txt could not be fetched")
	ErrTooLarge          = errors.New("response exceeds size limit")
	ErrRedirects         = errors.New("too many redirects")
	ErrScheme            = errors.New("only http and https URLs can be fetched")
)

// StatusError is an HTTP status that is neither success nor 304.
type StatusError struct {
	URL    string
	Status int
}

func (e *StatusError) Error() string {
	return fmt.Sprintf("GET %s: %d %s", e.URL, e.Status, http.StatusText(e.Status))
}

// Options configure a Client. Zero values take the defaults in brackets.
type Options struct {
	UserAgent    string        // [DefaultUserAgent]
	Timeout      time.Duration // whole request, body included [30s]
	MaxBytes     int64         // response body after decompression [16 MiB]
	MaxRedirects int           // [5]
	HostInterval time.Duration // least time between requests to one host [1s]; robots.txt Crawl-delay may raise it
	Retries      int           // extra attempts after a network error, 429 or 5xx [3]; negative for none
	Backoff      time.Duration // delay before the first retry, doubled each time [1s]
	MaxBackoff   time.Duration // longest wait between attempts, Retry-After included [5m]
	IgnoreRobots bool          // skip robots.txt (for tests and explicit user choice)
	AllowPrivate bool          // allow loopback, private and link-local addresses
}

func (o *Options) defaults() {
	if o.UserAgent == "" {
		o.UserAgent = DefaultUserAgent
	}
	if o.Timeout <= 0 {
		o.Timeout = 30 * time.Second
	}
	if o.MaxBytes <= 0 {
		o.MaxBytes = 16 << 20
	}
	if o.MaxRedirects <= 0 {
		o.MaxRedirects = 5
	}
	if o.HostInterval == 0 {
		o.HostInterval = time.Second
	}
	if o.Retries == 0 {
		o.Retries = 3
	}
	if o.Retries < 0 {
		o.Retries = 0
	}
	if o.Backoff <= 0 {
		o.Backoff = time.Second
	}
	if o.MaxBackoff <= 0 {
		o.MaxBackoff = 5 * time.Minute
	}
}

// Client fetches pages politely. It is safe for concurrent use.
type Client struct {
	opt  Options
	http *http.Client

	mu     sync.Mutex
	next   map[string]time.Time // host -> earliest time of the next request
	robots map[string]*robotsEntry
}

// New returns a client with the given options.
func New(opt Options) *Client {
	opt.defaults()
	dialer := &net.Dialer{Timeout: 10 * time.Second, KeepAlive: 30 * time.Second}
	if !opt.AllowPrivate {
		dialer.Control = refusePrivate
	}
	transport := &http.Transport{
		Proxy:                 nil, // a proxy would hide the destination from the dial check
		DialContext:           dialer.DialContext,
		TLSHandshakeTimeout:   10 * time.Second,
		ResponseHeaderTimeout: 20 * time.Second,
		MaxIdleConnsPerHost:   2,
		IdleConnTimeout:       60 * time.Second,
	}
	c := &Client{
		opt:    opt,
		next:   map[string]time.Time{},
		robots: map[string]*robotsEntry{},
	}
	c.http = &http.Client{
		Transport: transport,
		Timeout:   opt.Timeout,
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if len(via) > opt.MaxRedirects {
				return fmt.Errorf("%w (%d)", ErrRedirects, opt.MaxRedirects)
			}
			if req.URL.Scheme != "http" && req.URL.Scheme != "https" {
				return fmt.Errorf("redirect to %s: %w", req.URL, ErrScheme)
			}
			return nil
		},
	}
	return c
}

// Conditional carries the validators of a previous response, for a
// conditional GET.
type Conditional struct {
	ETag         string
	LastModified string
}

// Response is a fetched page.
type Response struct {
	URL          string // final URL, after redirects
	Status       int
	NotModified  bool // 304: the page has not changed since the validators were given
	Body         []byte
	ContentType  string
	ETag         string
	LastModified string
}

// Get fetches rawURL, waiting for its host's turn, checking robots.txt
// and retrying transient failures. A 304 answer to a conditional request
// is a Response with NotModified set; other non-2xx answers are a
// *StatusError.
func (c *Client) Get(ctx context.Context, rawURL string, cond Conditional) (*Response, error) {
	u, err := url.Parse(rawURL)
	if err != nil {
		return nil, fmt.Errorf("fetching %q: %w", rawURL, err)
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return nil, fmt.Errorf("fetching %s: %w", rawURL, ErrScheme)
	}
	if !c.opt.IgnoreRobots {
		ok, err := c.allowed(ctx, u)
		if errors.Is(err, ErrRobotsUnreachable) {
			return nil, fmt.Errorf("fetching %s: %w", rawURL, err)
		}
		if err != nil {
			return nil, err
		}
		if !ok {
			return nil, fmt.Errorf("fetching %s: %w", rawURL, ErrRobots)
		}
	}
	var lastErr error
	for attempt := 0; attempt <= c.opt.Retries; attempt++ {
		if err := c.wait(ctx, u.Host); err != nil {
			return nil, err
		}
		resp, retryAfter, err := c.once(ctx, u.String(), cond)
		if err == nil {
			return resp, nil
		}
		lastErr = err
		if !transient(err) || attempt == c.opt.Retries {
			break
		}
		delay := c.opt.Backoff << attempt
		delay += time.Duration(rand.Int64N(int64(delay)/4 + 1)) // jitter
		delay = max(delay, retryAfter)
		delay = min(delay, c.opt.MaxBackoff)
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(delay):
		}
	}
	return nil, lastErr
}

// once makes one request. It returns the server's Retry-After, if any.
func (c *Client) once(ctx context.Context, rawURL string, cond Conditional) (*Response, time.Duration, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, rawURL, nil)
	if err != nil {
		return nil, 0, fmt.Errorf("fetching %s: %w", rawURL, err)
	}
	req.Header.Set("User-Agent", c.opt.UserAgent)
	req.Header.Set("Accept", "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/feed+json,application/json;q=0.9,*/*;q=0.8")
	if cond.ETag != "" {
		req.Header.Set("If-None-Match", cond.ETag)
	}
	if cond.LastModified != "" {
		req.Header.Set("If-Modified-Since", cond.LastModified)
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return nil, 0, fmt.Errorf("fetching %s: %w", rawURL, err)
	}
	defer resp.Body.Close()
	out := &Response{
		URL:          resp.Request.URL.String(),
		Status:       resp.StatusCode,
		ContentType:  resp.Header.Get("Content-Type"),
		ETag:         resp.Header.Get("ETag"),
		LastModified: resp.Header.Get("Last-Modified"),
	}
	if resp.StatusCode == http.StatusNotModified {
		out.NotModified = true
		if out.ETag == "" {
			out.ETag = cond.ETag
		}
		if out.LastModified == "" {
			out.LastModified = cond.LastModified
		}
		return out, 0, nil
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10)) // let the connection be reused
		return nil, retryAfter(resp.Header.Get("Retry-After")), &StatusError{URL: rawURL, Status: resp.StatusCode}
	}
	if resp.ContentLength > c.opt.MaxBytes {
		return nil, 0, fmt.Errorf("fetching %s: %w (%d bytes announced, limit %d)", rawURL, ErrTooLarge, resp.ContentLength, c.opt.MaxBytes)
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, c.opt.MaxBytes+1))
	if err != nil {
		return nil, 0, fmt.Errorf("reading %s: %w", rawURL, err)
	}
	if int64(len(body)) > c.opt.MaxBytes {
		return nil, 0, fmt.Errorf("fetching %s: %w (limit %d bytes)", rawURL, ErrTooLarge, c.opt.MaxBytes)
	}
	out.Body = body
	return out, 0, nil
}

// transient reports whether a failed request may succeed if repeated.
func transient(err error) bool {
	var se *StatusError
	if errors.As(err, &se) {
		return se.Status == http.StatusTooManyRequests || se.Status >= 500
	}
	switch {
	case errors.Is(err, ErrPrivateAddress), errors.Is(err, ErrTooLarge), errors.Is(err, ErrRedirects),
		errors.Is(err, ErrScheme), errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		return false
	}
	var ue *url.Error
	return errors.As(err, &ue) // network trouble
}

// retryAfter parses a Retry-After header (seconds or an HTTP date).
func retryAfter(h string) time.Duration {
	if h == "" {
		return 0
	}
	if s, err := strconv.Atoi(strings.TrimSpace(h)); err == nil && s > 0 {
		return time.Duration(s) * time.Second
	}
	if t, err := http.ParseTime(h); err == nil {
		return time.Until(t)
	}
	return 0
}

// wait blocks until host may be contacted again, and books the next slot.
func (c *Client) wait(ctx context.Context, host string) error {
	c.mu.Lock()
	now := time.Now()
	at := c.next[host]
	if at.Before(now) {
		at = now
	}
	interval := c.opt.HostInterval
	if r := c.robots[host]; r != nil && r.delay > interval {
		interval = r.delay
	}
	c.next[host] = at.Add(interval)
	c.mu.Unlock()
	if d := time.Until(at); d > 0 {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(d):
		}
	}
	return nil
}

// refusePrivate is a net.Dialer Control function that refuses addresses
// sift must not reach on a user's behalf.
func refusePrivate(network, address string, _ syscall.RawConn) error {
	host, _, err := net.SplitHostPort(address)
	if err != nil {
		return fmt.Errorf("%w: %s", ErrPrivateAddress, address)
	}
	ip := net.ParseIP(host)
	if ip == nil || Blocked(ip) {
		return fmt.Errorf("%w: %s", ErrPrivateAddress, address)
	}
	return nil
}

// cgnat is the carrier-grade NAT range (RFC 6598), private in practice.
var cgnat = &net.IPNet{IP: net.IPv4(100, 64, 0, 0), Mask: net.CIDRMask(10, 32)}

// Blocked reports whether ip is loopback, private, link-local, multicast,
// unspecified or otherwise not a public unicast address.
func Blocked(ip net.IP) bool {
	if v4 := ip.To4(); v4 != nil {
		ip = v4
		if v4[0] == 0 || v4[0] >= 240 || cgnat.Contains(v4) {
			return true
		}
	}
	return ip.IsLoopback() || ip.IsPrivate() || ip.IsUnspecified() || ip.IsLinkLocalUnicast() ||
		ip.IsLinkLocalMulticast() || ip.IsInterfaceLocalMulticast() || ip.IsMulticast()
}
