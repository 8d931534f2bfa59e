package fetch

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// robotsTTL is how long a host's robots.txt is trusted.
const robotsTTL = 24 * time.Hour

// robotsEntry is one host's parsed robots.txt.
type robotsEntry struct {
	rules   []robotsRule // the group that applies to sift
	delay   time.Duration
	fetched time.Time
	denyAll bool  // robots.txt could not be read (5xx, network): stay away for now
	cause   error // why it could not be read
}

// robotsRetry is how soon an unreadable robots.txt is asked for again.
const robotsRetry = 10 * time.Minute

// robotsRule is one Allow or Disallow line.
type robotsRule struct {
	allow   bool
	pattern string
}

// allowed reports whether robots.txt of u's host lets sift fetch u.
func (c *Client) allowed(ctx context.Context, u *url.URL) (bool, error) {
	key := u.Scheme + "://" + u.Host
	c.mu.Lock()
	e := c.robots[u.Host]
	c.mu.Unlock()
	ttl := robotsTTL
	if e != nil && e.denyAll {
		ttl = robotsRetry
	}
	if e == nil || time.Since(e.fetched) > ttl {
		loaded, err := c.loadRobots(ctx, key+"/robots.txt")
		if err != nil {
			return false, err
		}
		e = loaded
		c.mu.Lock()
		c.robots[u.Host] = e
		c.mu.Unlock()
	}
	if e.denyAll {
		return false, fmt.Errorf("%w: %v; nothing is fetched from %s until it can be (RFC 9309), asked again %s after the last try",
			ErrRobotsUnreachable, e.cause, u.Host, robotsRetry)
	}
	path := u.EscapedPath()
	if path == "" {
		path = "/"
	}
	if u.RawQuery != "" {
		path += "?" + u.RawQuery
	}
	return e.allows(path), nil
}

// loadRobots fetches and parses robots.txt. As RFC 9309 says, a missing
// file (4xx) allows everything and an unreachable one (5xx, network
// error) disallows everything until it is retried. Refused addresses
// and cancellation are errors.
func (c *Client) loadRobots(ctx context.Context, robotsURL string) (*robotsEntry, error) {
	e := &robotsEntry{fetched: time.Now()}
	host := ""
	if u, err := url.Parse(robotsURL); err == nil {
		host = u.Host
	}
	if err := c.wait(ctx, host); err != nil {
		return nil, err
	}
	resp, _, err := c.once(ctx, robotsURL, Conditional{})
	var se *StatusError
	switch {
	case err == nil:
		e.rules, e.delay = parseRobots(string(resp.Body), robotsAgent)
	case errors.As(err, &se) && se.Status >= 400 && se.Status < 500:
		// no robots.txt: everything allowed
	case errors.Is(err, ErrPrivateAddress), errors.Is(err, ErrScheme), ctx.Err() != nil:
		return nil, err
	default:
		e.denyAll, e.cause = true, err
	}
	return e, nil
}

// parseRobots returns the rules and crawl delay of the group for agent
// (falling back to the "*" group).
func parseRobots(text, agent string) ([]robotsRule, time.Duration) {
	type group struct {
		agents []string
		rules  []robotsRule
		delay  time.Duration
	}
	var groups []*group
	var cur *group
	inAgents := false
	sc := bufio.NewScanner(strings.NewReader(text))
	sc.Buffer(make([]byte, 64<<10), 512<<10)
	for sc.Scan() {
		line := sc.Text()
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		key, val, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		key = strings.ToLower(strings.TrimSpace(key))
		val = strings.TrimSpace(val)
		switch key {
		case "user-agent":
			if !inAgents {
				cur = &group{}
				groups = append(groups, cur)
			}
			cur.agents = append(cur.agents, strings.ToLower(val))
			inAgents = true
		case "allow", "disallow":
			inAgents = false
			if cur == nil || (key == "disallow" && val == "") {
				continue
			}
			cur.rules = append(cur.rules, robotsRule{allow: key == "allow", pattern: val})
		case "crawl-delay":
			inAgents = false
			if cur != nil {
				if s, err := strconv.ParseFloat(val, 64); err == nil && s > 0 {
					cur.delay = min(time.Duration(s*float64(time.Second)), time.Minute)
				}
			}
		default:
			inAgents = false
		}
	}
	var star *group
	for _, g := range groups {
		for _, a := range g.agents {
			if a == agent || strings.HasPrefix(agent, a) && a != "" && a != "*" {
				return g.rules, g.delay
			}
			if a == "*" && star == nil {
				star = g
			}
		}
	}
	if star != nil {
		return star.rules, star.delay
	}
	return nil, 0
}

// allows applies the most specific (longest) matching rule; Allow wins a tie.
func (e *robotsEntry) allows(path string) bool {
	best, allow := -1, true
	for _, r := range e.rules {
		if !robotsMatch(r.pattern, path) {
			continue
		}
		if n := len(r.pattern); n > best || (n == best && r.allow) {
			best, allow = n, r.allow
		}
	}
	return allow
}

// robotsMatch matches a robots.txt path pattern ("*" any run, "$" end).
func robotsMatch(pattern, path string) bool {
	anchored := strings.HasSuffix(pattern, "$")
	pattern = strings.TrimSuffix(pattern, "$")
	parts := strings.Split(pattern, "*")
	if !strings.HasPrefix(path, parts[0]) {
		return false
	}
	pos := len(parts[0])
	for _, p := range parts[1:] {
		i := strings.Index(path[pos:], p)
		if i < 0 {
			return false
		}
		pos += i + len(p)
	}
	if !anchored {
		return true
	}
	if len(parts) > 1 && parts[len(parts)-1] == "" {
		return true
	}
	// The last literal must end the path.
	last := parts[len(parts)-1]
	return strings.HasSuffix(path, last) && len(path) >= pos
}
