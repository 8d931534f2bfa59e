package main

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"os"
	"sort"
	"time"

	"github.com/sift-news/sift/internal/feed"
)

// feedReport is one line of `sift feeds --format json`.
type feedReport struct {
	URL         string  `json:"url"`
	Title       string  `json:"title"`
	Status      string  `json:"status"`
	LastSuccess string  `json:"last_success"`
	LastItem    string  `json:"last_item"`
	ErrorStreak int     `json:"error_streak"`
	LastError   string  `json:"last_error,omitempty"`
	PerDay      float64 `json:"articles_per_day"`
	QuietHours  float64 `json:"quiet_hours"`
}

func runFeeds(args []string) error {
	fs := flag.NewFlagSet("feeds", flag.ContinueOnError)
	dbPath := fs.String("db", "sift.db", "store: a SQLite file `path` or a postgres:// URL")
	format := fs.String("format", "text", "output format: text or json")
	window := fs.Duration("window", 90*24*time.Hour, "period over which articles per day are counted")
	problems := fs.Bool("problems", false, "list only feeds that are silent or failing")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if err := checkFormat(*format); err != nil {
		return err
	}
	db, err := openExisting(*dbPath)
	if err != nil {
		return err
	}
	defer db.Close()
	ctx := context.Background()
	states, err := db.Feeds(ctx)
	if err != nil {
		return err
	}
	now := time.Now()
	var reports []feedReport
	for i := range states {
		st := &states[i]
		n, err := db.ArticlesSince(ctx, st.URL, now.Add(-*window))
		if err != nil {
			return err
		}
		h := feed.Judge(st, n, *window, now)
		if *problems && h.Status != feed.StatusSilent && h.Status != feed.StatusFailing {
			continue
		}
		reports = append(reports, feedReport{
			URL: st.URL, Title: st.Title, Status: h.Status,
			LastSuccess: stamp(st.LastSuccess), LastItem: stamp(st.LastItem),
			ErrorStreak: st.ErrorStreak, LastError: st.LastError,
			PerDay: h.PerDay, QuietHours: h.Quiet.Hours(),
		})
	}
	// Problems first: failing, silent, new, then healthy feeds.
	rank := map[string]int{feed.StatusFailing: 0, feed.StatusSilent: 1, feed.StatusNew: 2, feed.StatusOK: 3}
	sort.SliceStable(reports, func(i, j int) bool { return rank[reports[i].Status] < rank[reports[j].Status] })
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	if *format == "json" {
		return writeJSONLines(out, reports)
	}
	if len(reports) == 0 {
		fmt.Fprintln(out, "no feeds to report (run sift watch first)")
		return nil
	}
	fmt.Fprintf(out, "%-8s %9s %6s %-16s %-16s %s\n", "status", "per day", "errors", "last success", "last new item", "feed")
	for _, r := range reports {
		fmt.Fprintf(out, "%-8s %9.2f %6d %-16s %-16s %s\n", r.Status, r.PerDay, r.ErrorStreak, short(r.LastSuccess), short(r.LastItem), r.URL)
		if r.Status == feed.StatusSilent {
			fmt.Fprintf(out, "         no new item for %s\n", humanHours(r.QuietHours))
		}
		if r.LastError != "" {
			fmt.Fprintf(out, "         last error: %s\n", r.LastError)
		}
	}
	return nil
}

func stamp(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}

// short cuts an RFC 3339 time to minutes, "-" for never.
func short(s string) string {
	if s == "" {
		return "-"
	}
	if len(s) >= 16 {
		return s[:10] + " " + s[11:16]
	}
	return s
}

func humanHours(h float64) string {
	if h >= 48 {
		return fmt.Sprintf("%.0f days", h/24)
	}
	return fmt.Sprintf("%.0f hours", h)
}
