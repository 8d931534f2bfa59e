package clean

import "testing"

// Title kinds of cleaner version 6, each on our own text.
func TestTitleKinds6(t *testing.T) {
	body := "\n\nThe Kelby ferry will carry cars again from Monday after six weeks of repairs to its hull, the harbour trust said on Tuesday.\n\n" +
		"Islanders have relied on a small launch since January, and the trust said the ferry's timetable would not change.\n"
	for name, c := range map[string]struct{ in, title, outlet string }{
		"section before the site": {"Kelby ferry returns after six weeks of hull repairs — Travel | The Kelby Courier" + body,
			"Kelby ferry returns after six weeks of hull repairs", "The Kelby Courier"},
		"site joined by an ampersand": {"Kelby ferry returns after six weeks of hull repairs | Tide & Harbour" + body,
			"Kelby ferry returns after six weeks of hull repairs", "Tide & Harbour"},
		"attribution kept before a site": {"Kelby ferry returns after repairs – Harbour Trust's Chief | Tide & Harbour" + body,
			"Kelby ferry returns after repairs – Harbour Trust's Chief", "Tide & Harbour"},
		"headline using a widget's words": {"Kelby ferry repairs draw hundreds of comments from islanders" + body,
			"Kelby ferry repairs draw hundreds of comments from islanders", ""},
		"tagline addressing the reader": {"Harbourline — your island news, all in one place\nKelby ferry returns after six weeks of hull repairs" + body,
			"Kelby ferry returns after six weeks of hull repairs", ""},
	} {
		t.Run(name, func(t *testing.T) {
			r := Text(c.in)
			if r.Title != c.title || c.outlet != "" && r.Outlet != c.outlet {
				t.Errorf("title %q, outlet %q; want %q, %q", r.Title, r.Outlet, c.title, c.outlet)
			}
			if len(r.Paragraphs) != 2 {
				t.Errorf("paragraphs %q, want the two of the article", r.Paragraphs)
			}
		})
	}
}
