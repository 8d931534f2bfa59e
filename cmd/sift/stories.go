package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/sift-news/sift"
	"github.com/sift-news/sift/internal/analyze"
	"github.com/sift-news/sift/internal/dataset"
	"github.com/sift-news/sift/internal/link"
	"github.com/sift-news/sift/internal/link/ecbeval"
	"github.com/sift-news/sift/internal/plural"
	"github.com/sift-news/sift/internal/reader"
)

// storyJSON is one line of `sift stories --format json`: the contract
// fields of sift.Story plus the story's outlets and date span.
type storyJSON struct {
	sift.Story
	Outlets []string `json:"outlets"`
	First   string   `json:"first,omitempty"`
	Last    string   `json:"last,omitempty"`
}

func runStories(args []string) error {
	fs := flag.NewFlagSet("stories", flag.ContinueOnError)
	dbPath := fs.String("db", "sift.db", "store: a SQLite file `path` or a postgres:// URL")
	format := fs.String("format", "text", "output format: text or json")
	minArticles := fs.Int("min", 1, "only stories with at least `n` articles")
	limit := fs.Int("limit", 0, "at most `n` stories (0: all)")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "usage: sift stories --db PATH [--format text|json] [--min N] [--limit N]")
		fs.PrintDefaults()
	}
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
	if err := linkStored(ctx, db); err != nil {
		return err
	}
	stories, err := db.Stories(ctx, sift.StoryQuery{MinArticles: *minArticles, Limit: *limit})
	if err != nil {
		return err
	}
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	if *format == "json" {
		enc := newJSONEncoder(out)
		for _, st := range stories {
			line := storyJSON{Story: st, Outlets: link.Outlets(st.Articles)}
			line.First, line.Last = storyDates(st.Articles)
			if err := enc.Encode(line); err != nil {
				return err
			}
		}
		return nil
	}
	for i, st := range stories {
		if i > 0 {
			fmt.Fprintln(out)
		}
		if err := printStory(ctx, out, db, st); err != nil {
			return err
		}
	}
	return nil
}

// storyDates returns the earliest and latest publication dates of articles.
func storyDates(as []sift.StoryArticle) (first, last string) {
	for _, a := range as {
		if a.Published == "" {
			continue
		}
		if first == "" || a.Published < first {
			first = a.Published
		}
		if a.Published > last {
			last = a.Published
		}
	}
	return first, last
}

// storyReader is what printStory reads of a store.
type storyReader interface {
	sift.StoryStore
	sift.BriefStore
}

// printStory writes a story as text: its title, outlets and date span,
// then a timeline of its articles, each with what it copies or shares.
func printStory(ctx context.Context, w io.Writer, db storyReader, st sift.Story) error {
	first, last := storyDates(st.Articles)
	span := first
	if last != first {
		span += " to " + last
	}
	fmt.Fprintf(w, "%s\n", storyLine(st.Title))
	fmt.Fprintf(w, "  %s, %s", plural.Count(len(st.Articles), "article"), plural.Count(len(link.Outlets(st.Articles)), "outlet"))
	if span != "" {
		fmt.Fprintf(w, ", %s", span)
	}
	fmt.Fprintf(w, "  [%s]\n", st.ID)
	briefs := map[string]sift.StoryArticle{}
	for _, a := range st.Articles {
		briefs[a.ID] = a
	}
	brief := func(id string) sift.StoryArticle {
		b, ok := briefs[id]
		if !ok {
			b.ID = id
			if a, err := db.ArticleBrief(ctx, id); err == nil {
				b.Outlet, b.Published = a.Outlet, a.Published
			}
			briefs[id] = b
		}
		return b
	}
	// earlier orders articles by date; undated or same-day ones by ID.
	earlier := func(x, y string) bool {
		bx, by := brief(x), brief(y)
		if bx.Published != by.Published && bx.Published != "" && by.Published != "" {
			return bx.Published < by.Published
		}
		return x < y
	}
	for _, a := range st.Articles {
		date := a.Published
		if date == "" {
			date = "----------"
		}
		name := a.Outlet
		if name == "" {
			name = "(no outlet)"
		}
		fmt.Fprintf(w, "  %s  %-18s %s  (%s)\n", date, storyLine(name), storyLine(a.Title), a.Source)
		links, err := db.Reuse(ctx, a.ID)
		if err != nil {
			return err
		}
		outlet := map[string]string{}
		for _, r := range links {
			outlet[r.A], outlet[r.B] = brief(r.A).Outlet, brief(r.B).Outlet
		}
		for _, note := range reuseNotes(a.ID, links, outlet) {
			fmt.Fprintf(w, "      %s\n", note)
		}
		text, err := db.ArticleBrief(ctx, a.ID)
		if err != nil {
			return err
		}
		if pw := link.FindPatchwork(a.ID, utf8.RuneCountInString(text.Text), links, earlier); pw != nil {
			firsts := map[string]bool{}
			for _, p := range pw.Passages {
				if p.First != a.ID {
					b := brief(p.First)
					firsts[strings.TrimSpace(b.Outlet+" "+b.ID)] = true
				}
			}
			var names []string
			for n := range firsts {
				names = append(names, n)
			}
			sort.Strings(names)
			note := fmt.Sprintf("patchwork: %d passages (%.0f%% of the text) found in %d other articles",
				len(pw.Passages), 100*pw.Coverage, len(pw.Sources))
			if len(names) > 0 {
				note += "; first published by " + strings.Join(names, ", ")
			}
			fmt.Fprintf(w, "      %s\n", note)
		}
	}
	return nil
}

// reuseNotes summarises, for article id, the links where it is the copy:
// one line per source article, strongest kind first, with substitutions.
func reuseNotes(id string, links []sift.Reuse, outlet map[string]string) []string {
	rank := map[string]int{sift.ReuseExact: 0, sift.ReuseNear: 1, sift.ReuseSpun: 2, sift.ReusePassage: 3}
	type src struct {
		kind     string
		passages int
		subs     []string
	}
	bySrc := map[string]*src{}
	var order []string
	for _, r := range links {
		if r.A != id {
			continue
		}
		s := bySrc[r.B]
		if s == nil {
			s = &src{kind: r.Kind}
			bySrc[r.B] = s
			order = append(order, r.B)
		}
		if rank[r.Kind] < rank[s.kind] {
			s.kind = r.Kind
		}
		if r.Kind == sift.ReusePassage || r.Kind == sift.ReuseSpun {
			s.passages++
		}
		for _, sub := range r.Substitutions {
			x := fmt.Sprintf("%q → %q", sub.From, sub.To)
			if !hasString(s.subs, x) {
				s.subs = append(s.subs, x)
			}
		}
	}
	var notes []string
	for _, b := range order {
		s := bySrc[b]
		who := b
		if o := outlet[b]; o != "" {
			who = o + " " + b
		}
		var note string
		switch s.kind {
		case sift.ReuseExact:
			note = "exact copy of " + who
		case sift.ReuseNear:
			note = "near copy of " + who
		case sift.ReuseSpun:
			note = fmt.Sprintf("spun copy of %d passage(s) of %s", s.passages, who)
		default:
			note = fmt.Sprintf("shares %d passage(s) with %s", s.passages, who)
		}
		if len(s.subs) > 0 {
			subs := s.subs
			if len(subs) > 5 {
				subs = append(subs[:5:5], "…")
			}
			note += ": " + strings.Join(subs, ", ")
		}
		notes = append(notes, note)
	}
	return notes
}

func hasString(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// storyLine folds white space so scraped titles print on one line.
func storyLine(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) > 100 {
		s = string([]rune(s)[:99]) + "…"
	}
	return s
}

// runEvalStories clusters the ECB+ documents (in file order, through the
// default pipeline) and scores the stories against the gold with B-cubed;
// then clusters FA-KES, which has no gold, and reports how many stories it
// makes and the largest ones.
func runEvalStories(args []string) error {
	fs := flag.NewFlagSet("eval stories", flag.ContinueOnError)
	def, _ := dataset.Path("ecbplus-dev")
	dir := fs.String("data", def, "ECB+ directory (gold.tsv and text/)")
	fakesDef, _ := dataset.Path("fa-kes/FA-KES-Dataset.csv")
	fakes := fs.String("fakes", fakesDef, "FA-KES CSV file (no gold: stories are counted and shown); empty to skip")
	show := fs.Int("show", 5, "largest FA-KES stories to print")
	genN := fs.Int("gen", 2000, "generated-news articles (`sift gen`) to score with B-cubed; 0 to skip")
	genSeed := fs.Uint64("seed", 2, "seed of the generated news (the parameters were tuned on seeds 1 and 3 only)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *dir == "" {
		return errors.New("no ECB+ data found; pass --data DIR")
	}
	docs, err := ecbeval.Read(*dir)
	if err != nil {
		return err
	}
	p := analyze.Default()
	begin := time.Now()
	arts := make([]*sift.Article, len(docs))
	for i, d := range docs {
		a, err := d.Article(p, *dir)
		if err != nil {
			return fmt.Errorf("analysing %s: %w", d.File, err)
		}
		arts[i] = a
	}
	fmt.Printf("ECB+ %s: %d documents analysed (%.1fs); each split linked on its own, in file order\n",
		*dir, len(docs), time.Since(begin).Seconds())
	for _, sp := range ecbeval.SplitsOf(docs) {
		l := link.NewLinker()
		pred, gold := map[string]string{}, map[string]string{}
		goldStories := map[string]bool{}
		for i, d := range docs {
			if !sp.Has(d) {
				continue
			}
			a := *arts[i]
			if l.Has(a.ID) {
				a.ID += "-" + d.File // same text twice: still two documents to score
			}
			up, err := l.Add(&a)
			if err != nil {
				return err
			}
			pred[d.File] = up.Story.ID
			gold[d.File] = d.Story
			goldStories[d.Story] = true
		}
		prec, rec, f1 := link.BCubed(pred, gold)
		fmt.Printf("%-30s %3d documents, %2d gold stories, %2d predicted; B-cubed precision %.3f  recall %.3f  F1 %.3f\n",
			sp.Name, len(pred), len(goldStories), len(l.Clusterer().Stories()), prec, rec, f1)
	}
	if *genN > 0 {
		if err := evalGenerated(p, *genN, *genSeed); err != nil {
			return err
		}
	}
	if *fakes == "" {
		return nil
	}
	return evalFAKES(p, *fakes, *show)
}

// evalGenerated links n articles of generated news (seed seed) as
// `sift ingest` would, through pipeline p and one linker in order, and
// scores the stories against each article's invented event with B-cubed.
func evalGenerated(p *analyze.Pipeline, n int, seed uint64) error {
	begin := time.Now()
	docs, events := ecbeval.Generated(n, seed)
	l := link.NewLinker()
	pred, gold := map[string]string{}, map[string]string{}
	for i, d := range docs {
		a, err := p.Article(d, false)
		if err != nil {
			return fmt.Errorf("analysing %s: %w", d.Source, err)
		}
		a.ID = sift.ArticleID(a.Outlet, a.Text)
		if l.Has(a.ID) {
			continue // the same text at the same outlet is one stored article
		}
		up, err := l.Add(a)
		if err != nil {
			return err
		}
		pred[d.Source], gold[d.Source] = up.Story.ID, events[i]
	}
	nGold := map[string]bool{}
	for _, g := range gold {
		nGold[g] = true
	}
	prec, rec, f1 := link.BCubed(pred, gold)
	tuned := "never tuned on"
	if seed == 1 || seed == 3 {
		tuned = "tuned on"
	}
	fmt.Printf("\ngenerated news (sift gen), seed %d (%s): %d articles, %d events, %d stories; B-cubed precision %.3f  recall %.3f  F1 %.3f (%.1fs)\n",
		seed, tuned, len(pred), len(nGold), len(l.Clusterer().Stories()), prec, rec, f1, time.Since(begin).Seconds())
	return nil
}

// evalFAKES clusters the FA-KES articles in file order and prints the
// number of stories and the largest ones.
func evalFAKES(p *analyze.Pipeline, path string, show int) error {
	begin := time.Now()
	l := link.NewLinker()
	type member struct{ title, outlet, date string }
	members := map[string][]member{}
	var read, failed, reuse int
	err := reader.Walk([]string{path}, reader.Options{}, func(d sift.Document) error {
		read++
		a, err := p.Article(d, false)
		if err != nil {
			failed++
			return nil
		}
		a.ID = sift.ArticleID(a.Outlet, a.Text)
		if l.Has(a.ID) {
			a.ID += fmt.Sprintf("-%d", read)
		}
		up, err := l.Add(a)
		if err != nil {
			return err
		}
		reuse += len(up.Reuse)
		members[up.Story.ID] = append(members[up.Story.ID], member{a.Title, a.Outlet, a.Published})
		return nil
	}, func(err error) { failed++ })
	if err != nil {
		return err
	}
	stories := l.Clusterer().Stories()
	sizes := map[int]int{}
	multi := 0
	for _, st := range stories {
		sizes[min(st.Size, 5)]++
		if st.Size > 1 {
			multi++
		}
	}
	fmt.Printf("\nFA-KES %s: %d articles (%d failed), %d stories, %d with more than one article, %d reuse links (%.1fs)\n",
		filepath.Base(path), read, failed, len(stories), multi, reuse, time.Since(begin).Seconds())
	fmt.Printf("story sizes: 1: %d, 2: %d, 3: %d, 4: %d, 5+: %d\n", sizes[1], sizes[2], sizes[3], sizes[4], sizes[5])
	sort.SliceStable(stories, func(i, j int) bool { return stories[i].Size > stories[j].Size })
	for _, st := range stories[:min(show, len(stories))] {
		// The stores title a story with its neutral title; so does this.
		ms := members[st.ID]
		heads := make([]link.Headline, len(ms))
		for i, m := range ms {
			heads[i] = link.Headline{Title: m.title, Outlet: m.outlet, Published: m.date}
		}
		title := link.StoryTitle(heads)
		if title == "" {
			title = st.Title
		}
		fmt.Printf("\n%s (%s, %s to %s)\n", storyLine(title), plural.Count(st.Size, "article"), st.First, st.Last)
		for _, m := range ms[:min(6, len(ms))] {
			fmt.Printf("  %-10s %-14s %s\n", m.date, storyLine(m.outlet), storyLine(m.title))
		}
		if len(ms) > 6 {
			fmt.Printf("  … %d more\n", len(ms)-6)
		}
	}
	return nil
}
