package clean

import "testing"

// Tests for the kinds of failure cleaner version 8 addresses (issue 20),
// each on our own text.

// Notes of the page about itself — a story still being written, a live
// page's instructions, a transcript's or a column's disclaimer, a market
// data notice — are set aside; the article's sentences with the same words
// stay.
func TestNotesAboutThePageItself(t *testing.T) {
	last := "Islanders had complained that children missed school on days when the only boat could not sail."
	for name, c := range map[string]struct {
		tail []string
		gone []string
		kept []string
	}{
		"more to follow": {
			tail: []string{"More to follow."},
			gone: []string{"More to follow."},
		},
		"full report to follow": {
			tail: []string{"Full timetable and fares to follow."},
			gone: []string{"Full timetable and fares to follow."},
		},
		"a story being updated": {
			tail: []string{"This story is being updated. Reload this page for the latest version."},
			gone: []string{"This story is being updated. Reload this page for the latest version."},
		},
		"a live page's instructions": {
			tail: []string{"Follow our coverage below. Refresh the page for the newest posts."},
			gone: []string{"Follow our coverage below. Refresh the page for the newest posts."},
		},
		"a column's disclaimer": {
			tail: []string{"The views in this column are the writer's and do not necessarily reflect those of the Kelby Courier."},
			gone: []string{"The views in this column are the writer's and do not necessarily reflect those of the Kelby Courier."},
		},
		"a transcript made by a machine": {
			tail: []string{"Episode notes and transcript below. Transcripts are produced by a machine and may contain errors."},
			gone: []string{"Episode notes and transcript below. Transcripts are produced by a machine and may contain errors."},
		},
		"market data notice": {
			tail: []string{"Prices delayed by 20 minutes. Not investment advice."},
			gone: []string{"Prices delayed by 20 minutes. Not investment advice."},
		},
		"a quoted promise is the article's": {
			tail: []string{"\"More to follow,\" the skipper said."},
			kept: []string{"\"More to follow,\" the skipper said."},
		},
		"a report that something is being updated": {
			tail: []string{"The island's timetable is being updated by the harbour board, which expects to publish it in May."},
			kept: []string{"The island's timetable is being updated by the harbour board, which expects to publish it in May."},
		},
	} {
		t.Run(name, func(t *testing.T) {
			r := Text(ferryPage("Ferry to Orm Island to sail twice a day", c.tail...))
			if !hasParagraph(r, last) {
				t.Errorf("the article's last paragraph was lost: %q", r.Paragraphs)
			}
			for _, g := range c.gone {
				if hasParagraph(r, g) || removedAs(r, g) == "" {
					t.Errorf("%q not set aside: paragraphs %q", g, r.Paragraphs)
				}
			}
			for _, k := range c.kept {
				if !hasParagraph(r, k) {
					t.Errorf("%q lost from the body: %q", k, r.Paragraphs)
				}
			}
		})
	}
}
