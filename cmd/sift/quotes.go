package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/sift-news/sift"
	"github.com/sift-news/sift/internal/analyze"
	"github.com/sift-news/sift/internal/dataset"
	"github.com/sift-news/sift/internal/quote"
)

// runEvalQuotes scores the quotes stage on a PolNeAR split. Texts are
// analysed as they are (no cleaning) so that offsets line up with the
// annotations; the entity stage runs first when the default pipeline has
// one.
func runEvalQuotes(args []string) error {
	fs := flag.NewFlagSet("eval quotes", flag.ContinueOnError)
	def, _ := dataset.Path("polnear/dev")
	dir := fs.String("data", def, "PolNeAR split directory (text/ and attributions/)")
	entities := fs.Bool("entities", true, "run the entity stage of the default pipeline first, when there is one")
	showErrors := fs.Bool("errors", false, "print missed and spurious attributions")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "usage: sift eval quotes [--data DIR] [--entities=false] [--errors]")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *dir == "" {
		return errors.New("no PolNeAR data found; pass --data DIR")
	}
	docs, err := quote.ReadPolNeAR(*dir)
	if err != nil {
		return err
	}
	var stages []analyze.Stage
	if *entities {
		for _, s := range analyze.Default().Stages {
			if s.Name() == "ner" {
				stages = append(stages, s)
			}
		}
	}
	stages = append(stages, quote.NewStage())
	p := &analyze.Pipeline{Stages: stages}
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	var score quote.Score
	begin := time.Now()
	for _, d := range docs {
		a, err := analyze.Clean(sift.Document{Source: d.Name, Body: d.Text}, true)
		if err != nil {
			return fmt.Errorf("analysing %s: %w", d.Name, err)
		}
		p.Run(a)
		score.Add(d.Attributions, a.Quotes)
		if *showErrors {
			printQuoteErrors(out, d, a.Quotes)
		}
	}
	names := make([]string, len(stages))
	for i, s := range stages {
		names[i] = s.Name()
	}
	fmt.Fprintf(out, "PolNeAR %s: %d documents, %d attributions, %d predicted (stages: %s, %.1fs)\n",
		*dir, len(docs), score.Gold, score.Predicted, strings.Join(names, ", "), time.Since(begin).Seconds())
	fmt.Fprintf(out, "content overlap  precision %.3f  recall %.3f  F1 %.3f\n", score.Precision(), score.Recall(), score.F1())
	fmt.Fprintf(out, "speaker accuracy %.3f (%d of %d matched attributions with a source)\n",
		score.SpeakerAccuracy(), score.SpeakerRight, score.SpeakerJudged)
	return nil
}

// printQuoteErrors lists the annotated contents no prediction overlaps and
// the predictions that overlap no annotated content.
func printQuoteErrors(w *bufio.Writer, d quote.Doc, pred []sift.Quote) {
	for _, g := range d.Attributions {
		found := false
		for _, p := range pred {
			for _, c := range g.Content {
				if p.Start < c.End && c.Start < p.End {
					found = true
				}
			}
		}
		if !found {
			var src, cue string
			if len(g.Source) > 0 {
				src = g.Source[0].Text
			}
			if len(g.Cue) > 0 {
				cue = g.Cue[0].Text
			}
			fmt.Fprintf(w, "MISS %s [%s|%s] %s\n", d.Name, src, cue, oneLine(g.Content[0].Text))
		}
	}
	for _, p := range pred {
		found := false
		for _, g := range d.Attributions {
			for _, c := range g.Content {
				if p.Start < c.End && c.Start < p.End {
					found = true
				}
			}
		}
		if !found {
			var src, cue string
			if p.Speaker != nil {
				src = p.Speaker.Text
			}
			if p.Cue != nil {
				cue = p.Cue.Text
			}
			fmt.Fprintf(w, "FALSE %s [%s|%s] %s\n", d.Name, src, cue, oneLine(p.Text))
		}
	}
}

func oneLine(s string) string {
	s = strings.ReplaceAll(s, "\n", " ")
	if r := []rune(s); len(r) > 120 {
		return string(r[:120]) + "…"
	}
	return s
}

// runQuotes prints every stored statement matching the flags: speaker,
// date, outlet, the statement and its chain of intermediaries.
func runQuotes(args []string) error {
	fs := flag.NewFlagSet("quotes", flag.ContinueOnError)
	db := fs.String("db", "", "store: a SQLite file or a postgres:// URL")
	speaker := fs.String("speaker", "", "speaker: part of the canonical name, or the words naming them (case-insensitive)")
	via := fs.String("via", "", "part of the name of an intermediary, e.g. TASS")
	since := fs.String("since", "", "only articles published on or after YYYY-MM-DD")
	limit := fs.Int("limit", 0, "at most this many statements (0: all)")
	format := fs.String("format", "text", "output format: text or json")
	flat := fs.Bool("copies", false, "list each repetition of a statement in copied articles on its own (default: under the statement)")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "usage: sift quotes --db PATH [--speaker NAME] [--via NAME] [--since YYYY-MM-DD] [--limit N] [--copies] [--format text|json]")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *db == "" {
		return errors.New("--db is required")
	}
	if *since != "" {
		if _, err := time.Parse("2006-01-02", *since); err != nil {
			return fmt.Errorf("--since %q: want YYYY-MM-DD", *since)
		}
	}
	if err := checkFormat(*format); err != nil {
		return err
	}
	ctx := context.Background()
	st, err := openStore(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	hits, err := st.Quotes(ctx, sift.QuoteQuery{Speaker: *speaker, Via: *via, Since: *since, Limit: *limit, Copies: *flat})
	if err != nil {
		return fmt.Errorf("querying quotes: %w", err)
	}
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	return writeQuoteHits(out, hits, *format)
}

// quoteLine is one line of `sift quotes --format json`: the article, then
// the quote, then the copies repeating it when there are any.
type quoteLine struct {
	ArticleID string               `json:"article_id"`
	Title     string               `json:"title"`
	Outlet    string               `json:"outlet"`
	Published string               `json:"published"`
	Source    string               `json:"source"`
	Quote     sift.Quote           `json:"quote"`
	Copies    []sift.StatementCopy `json:"copies,omitempty"`
}

// writeQuoteHits prints statements: as JSON lines, or for a person to read
// with date, outlet, speaker, cue, the statement and its chain.
func writeQuoteHits(w *bufio.Writer, hits []sift.Statement, format string) error {
	if format == "json" {
		lines := make([]quoteLine, len(hits))
		for i, h := range hits {
			lines[i] = quoteLine{ArticleID: h.ArticleID, Title: h.Title, Outlet: h.Outlet, Published: h.Published,
				Source: h.Source, Quote: h.Quote, Copies: h.Copies}
		}
		return writeJSONLines(w, lines)
	}
	for _, h := range hits {
		q := h.Quote
		speaker := "(unknown speaker)"
		if q.Speaker != nil {
			speaker = q.Speaker.Text
			if q.Speaker.Canonical != "" && q.Speaker.Canonical != q.Speaker.Text {
				speaker = q.Speaker.Canonical + " (\"" + q.Speaker.Text + "\")"
			}
		}
		cue := ""
		if q.Cue != nil {
			cue = " " + q.Cue.Text
		}
		fmt.Fprintf(w, "%s  %s  %s%s [%s]\n", orDash(h.Published), orDash(h.Outlet), speaker, cue, q.Kind)
		fmt.Fprintf(w, "    %s\n", strings.Join(strings.Fields(q.Text), " "))
		if len(q.Via) > 0 {
			chain := make([]string, len(q.Via))
			for i, v := range q.Via {
				chain[i] = v.Text
				if v.Canonical != "" && v.Canonical != v.Text {
					chain[i] = v.Canonical
				}
			}
			fmt.Fprintf(w, "    via %s\n", strings.Join(chain, ", "))
		}
		fmt.Fprintf(w, "    in %s (article %s)\n", h.Source, h.ArticleID)
		if n := len(h.Copies); n > 0 {
			word := "copies"
			if n == 1 {
				word = "copy"
			}
			fmt.Fprintf(w, "    repeated in %d %s:\n", n, word)
			for _, c := range h.Copies {
				fmt.Fprintf(w, "      %s  %s  (article %s)\n", orDash(c.Published), orDash(c.Outlet), c.ArticleID)
			}
		}
		fmt.Fprintln(w)
	}
	return nil
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
