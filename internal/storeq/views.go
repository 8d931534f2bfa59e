package storeq

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/sift-news/sift"
)

// FacetLimit bounds the values listed per facet.
const FacetLimit = 30

// Facets counts the articles that query returns, each as (outlet, month
// YYYY-MM or "", its distinct techniques joined by \x01), into search
// facets. sampled says the query reads the first sift.FacetSample matches
// only, so that a full sample is reported as such.
func Facets(ctx context.Context, q Querier, sampled bool, query string, args ...any) (*sift.Facets, error) {
	outlets, months, techniques := map[string]int{}, map[string]int{}, map[string]int{}
	f := &sift.Facets{}
	n := 0
	err := q.Each(ctx, query, args, func(r Row) error {
		var outlet, month, techs string
		if err := r.Scan(&outlet, &month, &techs); err != nil {
			return err
		}
		outlets[outlet]++
		if outlet == "" {
			f.NoOutlet++
		}
		if month != "" {
			months[month]++
		} else {
			f.Undated++
		}
		if techs != "" {
			for _, t := range strings.Split(techs, "\x01") {
				techniques[t]++
			}
		}
		n++
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("counting facets: %w", err)
	}
	if sampled && n == sift.FacetSample {
		f.Sampled = n
	}
	f.Outlets = sift.TopCounts(outlets, FacetLimit)
	f.Months = sift.TopCounts(months, 0)
	sort.Slice(f.Months, func(i, j int) bool { return f.Months[i].Key < f.Months[j].Key })
	f.Techniques = sift.TopCounts(techniques, FacetLimit)
	return f, nil
}

// TechniqueRates sets p.Techniques from the span counts of every
// technique in the store (all, in the order to list them) and in the
// outlet's articles (mine), as rates per 1,000 words of the outlet
// (p.Words) and of the store (storeWords).
func TechniqueRates(p *sift.OutletProfile, storeWords int, all, mine []sift.Count) {
	own := map[string]int{}
	for _, c := range mine {
		own[c.Key] = c.N
	}
	p.Techniques = []sift.TechniqueRate{}
	for _, c := range all {
		r := sift.TechniqueRate{Technique: c.Key, Spans: own[c.Key]}
		if p.Words > 0 {
			r.Rate = 1000 * float64(r.Spans) / float64(p.Words)
		}
		if storeWords > 0 {
			r.StoreRate = 1000 * float64(c.N) / float64(storeWords)
		}
		p.Techniques = append(p.Techniques, r)
	}
}

// techniqueTable gathers ArticleTechniques: the articles first, then the
// counts of their techniques and signals.
type techniqueTable struct {
	list  []sift.ArticleTechniques
	index map[string]int
}

// article reads an (id, outlet, words) row.
func (t *techniqueTable) article(r Row) error {
	a := sift.ArticleTechniques{Techniques: map[string]int{}, Signals: map[string]int{}}
	if err := r.Scan(&a.ID, &a.Outlet, &a.Words); err != nil {
		return err
	}
	t.index[a.ID] = len(t.list)
	t.list = append(t.list, a)
	return nil
}

// count returns a reader of (article id, key, n) rows into the field of
// each listed article; empty keys are left out.
func (t *techniqueTable) count(field func(*sift.ArticleTechniques) map[string]int) func(Row) error {
	return func(r Row) error {
		var id, key string
		var n int
		if err := r.Scan(&id, &key, &n); err != nil {
			return err
		}
		if i, ok := t.index[id]; ok && key != "" {
			field(&t.list[i])[key] = n
		}
		return nil
	}
}

// StorySQL are a store's statements behind the story list.
type StorySQL struct {
	Count string // the number of stories
	Page  string // (limit, offset) -> StorySummary rows, most articles first
	Of    string // (article id) -> the story's id
}

// ListStories returns one page of stories and how many there are.
func ListStories(ctx context.Context, q Querier, s StorySQL, limit, offset int) ([]sift.StorySummary, int, error) {
	var total int
	if err := q.One(ctx, s.Count, nil, &total); err != nil {
		return nil, 0, fmt.Errorf("counting stories: %w", err)
	}
	out, err := All(ctx, q, StorySummary, s.Page, limit, offset)
	if err != nil {
		return nil, 0, fmt.Errorf("listing stories: %w", err)
	}
	return out, total, nil
}

// StoryOf returns the ID of the story an article belongs to, or "".
func StoryOf(ctx context.Context, q Querier, s StorySQL, articleID string) (string, error) {
	var id string
	err := q.One(ctx, s.Of, []any{articleID}, &id)
	if errors.Is(err, ErrNoRows) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("reading story of %s: %w", articleID, err)
	}
	return id, nil
}

// SpeakerSQL are a store's statements behind the speaker pages.
type SpeakerSQL struct {
	List   string // (limit) -> SpeakerSummary rows
	Count  string // (name) -> the number of the speaker's statements that repeat no other
	Page   string // (name, limit, offset) -> quote columns, article id, title, outlet, published
	Copies string // (article id, start) -> StatementCopy rows, earliest first
}

// ListSpeakers returns the speakers quoted in the most articles.
func ListSpeakers(ctx context.Context, q Querier, s SpeakerSQL, limit int) ([]sift.SpeakerSummary, error) {
	out, err := All(ctx, q, SpeakerSummary, s.List, limit)
	if err != nil {
		return nil, fmt.Errorf("listing speakers: %w", err)
	}
	return out, nil
}

// SpeakerStatements returns one page of a speaker's statements, each with
// the copies repeating it, and how many there are.
func SpeakerStatements(ctx context.Context, q Querier, s SpeakerSQL, name string, limit, offset int) ([]sift.Statement, int, error) {
	var total int
	if err := q.One(ctx, s.Count, []any{name}, &total); err != nil {
		return nil, 0, fmt.Errorf("reading quotes of %s: %w", name, err)
	}
	out, err := All(ctx, q, func(r Row) (sift.Statement, error) { return Statement(r) }, s.Page, name, limit, offset)
	if err != nil {
		return nil, 0, fmt.Errorf("reading quotes of %s: %w", name, err)
	}
	for i := range out {
		if out[i].Copies, err = StatementCopies(ctx, q, s, out[i].ArticleID, out[i].Start); err != nil {
			return nil, 0, fmt.Errorf("reading quotes of %s: %w", name, err)
		}
	}
	return out, total, nil
}

// StatementCopies lists the quotes that repeat the statement at offset
// start of an article, earliest first.
func StatementCopies(ctx context.Context, q Querier, s SpeakerSQL, article string, start int) ([]sift.StatementCopy, error) {
	out, err := All(ctx, q, StatementCopy, s.Copies, article, start)
	if err != nil {
		return nil, fmt.Errorf("reading copies of a statement of %s: %w", article, err)
	}
	return out, nil
}

// OutletSQL are a store's statements behind an outlet's profile, each
// taking the outlet but StoreWords and AllTechniques.
type OutletSQL struct {
	Summary       string // articles, words, first and last date
	StoreWords    string // the words of the whole store
	AllTechniques string // (technique, spans) of the store, in the order to list them
	Techniques    string // (technique, spans) of the outlet
	Speakers      string // (speaker, statements), the ten most quoted
	Entities      string // (entity, articles), the ten most named
}

// OutletProfile returns the profile of an outlet, or sift.ErrNotFound.
func OutletProfile(ctx context.Context, q Querier, s OutletSQL, outlet string) (*sift.OutletProfile, error) {
	p := &sift.OutletProfile{Outlet: outlet}
	wrap := func(err error) error { return fmt.Errorf("reading outlet %s: %w", outlet, err) }
	if err := q.One(ctx, s.Summary, []any{outlet}, &p.Articles, &p.Words, &p.First, &p.Last); err != nil {
		return nil, wrap(err)
	}
	if p.Articles == 0 {
		return nil, fmt.Errorf("outlet %s: %w", outlet, sift.ErrNotFound)
	}
	var storeWords int
	if err := q.One(ctx, s.StoreWords, nil, &storeWords); err != nil {
		return nil, wrap(err)
	}
	all, err := All(ctx, q, Count, s.AllTechniques)
	if err != nil {
		return nil, wrap(err)
	}
	mine, err := All(ctx, q, Count, s.Techniques, outlet)
	if err != nil {
		return nil, wrap(err)
	}
	TechniqueRates(p, storeWords, all, mine)
	if p.Speakers, err = All(ctx, q, Count, s.Speakers, outlet); err != nil {
		return nil, wrap(err)
	}
	if p.Entities, err = All(ctx, q, Count, s.Entities, outlet); err != nil {
		return nil, wrap(err)
	}
	return p, nil
}

// TechniqueSQL are a store's statements behind sift.OutletStore's
// ArticleTechniques.
type TechniqueSQL struct {
	Articles   string // (id, outlet, words) of every article, in the order to list them
	Techniques string // (article id, technique, spans)
	Signals    string // (article id, signal kind, signals)
}

// ArticleTechniques returns every article's outlet, words and counts of
// technique spans and signals.
func ArticleTechniques(ctx context.Context, q Querier, s TechniqueSQL) ([]sift.ArticleTechniques, error) {
	t := &techniqueTable{index: map[string]int{}}
	if err := q.Each(ctx, s.Articles, nil, t.article); err != nil {
		return nil, fmt.Errorf("reading articles: %w", err)
	}
	if err := q.Each(ctx, s.Techniques, nil, t.count(func(a *sift.ArticleTechniques) map[string]int { return a.Techniques })); err != nil {
		return nil, fmt.Errorf("counting techniques: %w", err)
	}
	if err := q.Each(ctx, s.Signals, nil, t.count(func(a *sift.ArticleTechniques) map[string]int { return a.Signals })); err != nil {
		return nil, fmt.Errorf("counting signals: %w", err)
	}
	return t.list, nil
}

// EntitySQL are a store's statements behind an entity's profile, each
// taking the entity's canonical name.
type EntitySQL struct {
	Summary string // (mentions, articles), an article and its whole copies counted once
	Names   string // (spelling, mentions), the twenty commonest
	Roles   string // (role, mentions), the ten commonest
	Months  string // (YYYY-MM, articles)
	Days    string // (YYYY-MM-DD, articles, copies counted once)
	Outlets string // (outlet, articles, copies counted once), the twenty with most
	Related string // (name, limit) -> EntitySummary rows of the entities named in the same articles
}

// EntityLookup is what an entity's profile asks of a store beyond its
// statements.
type EntityLookup interface {
	// EntityTypes sets the type of each entity to the one its mentions
	// were given most often.
	EntityTypes(ctx context.Context, es []sift.EntitySummary) error
	// EntityLinks counts the articles of entity name in which each pair of
	// others (canonical names, at least two) are named together, as
	// "A\x00B" keys with A < B.
	EntityLinks(ctx context.Context, name string, others []string) ([]sift.Count, error)
}

// RelatedLimit bounds the co-occurring entities in a profile.
const RelatedLimit = 12

// EntityProfile returns the profile of the entity with the given
// canonical name, or sift.ErrNotFound.
func EntityProfile(ctx context.Context, q Querier, s EntitySQL, look EntityLookup, name string) (*sift.EntityProfile, error) {
	wrap := func(err error) error { return fmt.Errorf("reading entity %s: %w", name, err) }
	p := &sift.EntityProfile{}
	p.Canonical = name
	if err := q.One(ctx, s.Summary, []any{name}, &p.Mentions, &p.Articles); err != nil {
		return nil, wrap(err)
	}
	if p.Mentions == 0 {
		return nil, fmt.Errorf("entity %s: %w", name, sift.ErrNotFound)
	}
	self := []sift.EntitySummary{{Canonical: name}}
	if err := look.EntityTypes(ctx, self); err != nil {
		return nil, wrap(err)
	}
	p.Type = self[0].Type
	for _, c := range []struct {
		dst   *[]sift.Count
		query string
	}{{&p.Names, s.Names}, {&p.Roles, s.Roles}, {&p.Months, s.Months}, {&p.Days, s.Days}, {&p.Outlets, s.Outlets}} {
		var err error
		if *c.dst, err = All(ctx, q, Count, c.query, name); err != nil {
			return nil, wrap(err)
		}
	}
	var err error
	if p.Related, err = All(ctx, q, EntitySummary, s.Related, name, RelatedLimit); err != nil {
		return nil, wrap(err)
	}
	if err := look.EntityTypes(ctx, p.Related); err != nil {
		return nil, wrap(err)
	}
	if len(p.Related) > 1 {
		others := make([]string, len(p.Related))
		for i, r := range p.Related {
			others[i] = r.Canonical
		}
		if p.Links, err = look.EntityLinks(ctx, name, others); err != nil {
			return nil, wrap(err)
		}
	}
	return p, nil
}
