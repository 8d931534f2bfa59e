// Package storeq holds what the SQLite and PostgreSQL stores share of
// their queries where only the SQL dialect differs: the mapping of result
// rows onto sift's types, the assembly of aggregates from those rows,
// filter conditions written once for either placeholder style, and the
// copy rules applied when links are saved. Each store keeps its own SQL
// and passes the rows in; the package knows neither driver (*sql.Rows and
// pgx.Rows both satisfy Rows).
package storeq

import (
	"encoding/json"
	"fmt"

	"github.com/sift-news/sift"
	"github.com/sift-news/sift/internal/copies"
	"github.com/sift-news/sift/internal/link"
)

// Rows is a result set being read: what *sql.Rows and pgx.Rows have in
// common. The caller closes it.
type Rows interface {
	Next() bool
	Scan(dest ...any) error
	Err() error
}

// Row is one row to scan, as *sql.Row and pgx.Row are.
type Row interface {
	Scan(dest ...any) error
}

// Collect reads every row of rows with scan, in order; the result is
// empty, not nil, without rows.
func Collect[T any](rows Rows, scan func(Row) (T, error)) ([]T, error) {
	out := []T{}
	for rows.Next() {
		v, err := scan(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

// Count scans a (key, n) row.
func Count(r Row) (sift.Count, error) {
	var c sift.Count
	err := r.Scan(&c.Key, &c.N)
	return c, err
}

// StorySummary scans (id, title, articles, outlets, first, last).
func StorySummary(r Row) (sift.StorySummary, error) {
	var st sift.StorySummary
	err := r.Scan(&st.ID, &st.Title, &st.Articles, &st.Outlets, &st.First, &st.Last)
	return st, err
}

// StoryArticle scans (id, source, outlet, title, published).
func StoryArticle(r Row) (sift.StoryArticle, error) {
	var a sift.StoryArticle
	err := r.Scan(&a.ID, &a.Source, &a.Outlet, &a.Title, &a.Published)
	return a, err
}

// EntitySummary scans (canonical, type, mentions, articles).
func EntitySummary(r Row) (sift.EntitySummary, error) {
	var e sift.EntitySummary
	err := r.Scan(&e.Canonical, &e.Type, &e.Mentions, &e.Articles)
	return e, err
}

// SpeakerSummary scans (name, quotes, articles, outlets, copies).
func SpeakerSummary(r Row) (sift.SpeakerSummary, error) {
	var sp sift.SpeakerSummary
	err := r.Scan(&sp.Name, &sp.Quotes, &sp.Articles, &sp.Outlets, &sp.Copies)
	return sp, err
}

// StatementCopy scans (article id, title, outlet, published, start, end,
// text).
func StatementCopy(r Row) (sift.StatementCopy, error) {
	var c sift.StatementCopy
	err := r.Scan(&c.ArticleID, &c.Title, &c.Outlet, &c.Published, &c.Start, &c.End, &c.Text)
	return c, err
}

// OutletCount scans (outlet, articles).
func OutletCount(r Row) (sift.OutletCount, error) {
	var o sift.OutletCount
	err := r.Scan(&o.Outlet, &o.Articles)
	return o, err
}

// ScanQuote scans the quote columns (start, end, text, kind, speaker,
// speaker_canonical, speaker_start, speaker_end, cue, cue_start, cue_end,
// via as JSON text) followed by the extra destinations: a speaker or cue
// whose offsets are NULL is none, and via is never nil.
func ScanQuote(r Row, extra ...any) (sift.Quote, error) {
	var q sift.Quote
	var sp, spc, cue, via string
	var ss, se, cs, ce *int64
	dst := append([]any{&q.Start, &q.End, &q.Text, &q.Kind, &sp, &spc, &ss, &se, &cue, &cs, &ce, &via}, extra...)
	if err := r.Scan(dst...); err != nil {
		return q, err
	}
	if ss != nil && se != nil {
		q.Speaker = &sift.Ref{Span: sift.Span{Start: int(*ss), End: int(*se), Text: sp}, Canonical: spc}
	}
	if cs != nil && ce != nil {
		q.Cue = &sift.Span{Start: int(*cs), End: int(*ce), Text: cue}
	}
	if err := json.Unmarshal([]byte(via), &q.Via); err != nil {
		return q, fmt.Errorf("reading the via of a quote: %w", err)
	}
	if q.Via == nil {
		q.Via = []sift.Ref{}
	}
	return q, nil
}

// Statement scans a statement: the quote columns, then the article's id,
// title, outlet and published, then the extra destinations.
func Statement(r Row, extra ...any) (sift.Statement, error) {
	var st sift.Statement
	var err error
	st.Quote, err = ScanQuote(r, append([]any{&st.ArticleID, &st.Title, &st.Outlet, &st.Published}, extra...)...)
	return st, err
}

// CopyQuote scans (start, end, text, speaker) of a quote as the copy rules
// see it.
func CopyQuote(r Row) (copies.Quote, error) {
	var q copies.Quote
	err := r.Scan(&q.Start, &q.End, &q.Text, &q.Speaker)
	return q, err
}

// Headline scans (title, outlet, published) of a story's article.
func Headline(r Row) (link.Headline, error) {
	var h link.Headline
	err := r.Scan(&h.Title, &h.Outlet, &h.Published)
	return h, err
}

// EntityStat scans (canonical, type, mentions, articles) into an entity
// of `sift entities`, its lists left to fill.
func EntityStat(r Row) (sift.EntityStat, error) {
	e, err := EntitySummary(r)
	return sift.EntityStat{EntitySummary: e}, err
}

// EntityCount scans (canonical, articles).
func EntityCount(r Row) (sift.EntityCount, error) {
	var c sift.EntityCount
	err := r.Scan(&c.Canonical, &c.Articles)
	return c, err
}

// String scans a row of one text column.
func String(r Row) (string, error) {
	var v string
	err := r.Scan(&v)
	return v, err
}

// Pair scans a row of two text columns.
func Pair(r Row) ([2]string, error) {
	var v [2]string
	err := r.Scan(&v[0], &v[1])
	return v, err
}
