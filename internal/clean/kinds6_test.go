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

// The outlet's statement about itself closing the article is set aside; a
// closing paragraph that reports what someone told the outlet stays.
func TestOutletNotes(t *testing.T) {
	head := "THE KELBY COURIER\n\nFerry returns after six weeks of hull repairs\n\n" +
		"The Kelby ferry will carry cars again from Monday after six weeks of repairs to its hull, the harbour trust said on Tuesday.\n\n" +
		"Islanders have relied on a small launch since January, and the trust said the ferry's timetable would not change.\n\n"
	for name, c := range map[string]struct {
		last  string
		paras int
	}{
		"membership":      {"The Kelby Courier is a member of the Island Press Network.\n", 2},
		"funding":         {"Disclosure: the Kelby Courier is funded by its readers and takes no money from the harbour trust.\n", 2},
		"editor's bio":    {"Ann Pell is the editor of the Kelby Courier. She lives on the island with two dogs.\n", 2},
		"report stays":    {"The trust's chair told the Kelby Courier on Tuesday that a second ferry was planned.\n", 3},
		"no outlet named": {"A second ferry is planned for 2027, the trust said.\n", 3},
	} {
		t.Run(name, func(t *testing.T) {
			r := Text(head + c.last)
			if len(r.Paragraphs) != c.paras {
				t.Errorf("got %d paragraphs, want %d: %q", len(r.Paragraphs), c.paras, r.Paragraphs)
			}
		})
	}
}
