package clean

import "testing"

// Tests for the kinds of failure cleaner version 7 addresses (issue 20),
// each on our own text.

// A tailCase is lines written under the ferry article (tail): those of
// them that must be set aside (gone) and those that must stay paragraphs
// of the body (kept).
type tailCase struct{ tail, gone, kept []string }

// checkTails cleans the ferry article with each case's tail under it and
// checks that its last paragraph (last) stays, and the case's gone and
// kept lines go where they must.
func checkTails(t *testing.T, last string, cases map[string]tailCase) {
	t.Helper()
	for name, c := range cases {
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

// What closes a page under the article is set aside; sentences of the
// article that look like it stay.
func TestClosingsOfThePage(t *testing.T) {
	last := "Islanders had complained that children missed school on days when the only boat could not sail."
	checkTails(t, last, map[string]tailCase{
		"newsletter sign-off and footer": {
			tail: []string{"Until next week,", "Marit", "", "You are receiving this because you signed up at kelbycourier.example."},
			gone: []string{"Until next week,", "Marit", "You are receiving this because you signed up at kelbycourier.example."},
		},
		"footer under a rule": {
			tail: []string{"------------------------------", "Notices for the next issue to the harbour office by Friday noon."},
			gone: []string{"------------------------------", "Notices for the next issue to the harbour office by Friday noon."},
		},
		"a rule inside the article": {
			tail: []string{"------------------------------", "",
				"The harbour board will meet again in May to decide whether the second boat stays for the summer, when the island's visitors more than double its population."},
			kept: []string{"The harbour board will meet again in May to decide whether the second boat stays for the summer, when the island's visitors more than double its population."},
		},
		"organisation's standing description": {
			tail: []string{"About Orm Ferries", "Orm Ferries is a community-owned company founded in 1988. It runs two crossings."},
			gone: []string{"About Orm Ferries", "Orm Ferries is a community-owned company founded in 1988. It runs two crossings."},
		},
		"update promise": {
			tail: []string{"This story will be updated."},
			gone: []string{"This story will be updated."},
		},
		"automated transcript note": {
			tail: []string{"This transcript was produced by an automated service and may contain errors."},
			gone: []string{"This transcript was produced by an automated service and may contain errors."},
		},
		"subscription offer": {
			tail: []string{"Print and digital: 2 a week for 8 weeks, then 5.50 a week. Cancel anytime."},
			gone: []string{"Print and digital: 2 a week for 8 weeks, then 5.50 a week. Cancel anytime."},
		},
		"share prompts in other words": {
			tail: []string{"Found this worth reading? Hand it on to someone on the island.", "",
				"Don't let them hide this. Hit that share button now!"},
			gone: []string{"Found this worth reading? Hand it on to someone on the island.",
				"Don't let them hide this. Hit that share button now!"},
		},
		"telling the council is not a share prompt": {
			tail: []string{"The board's consultation closes at the end of the month. Tell them what kind of ferry you want."},
			kept: []string{"The board's consultation closes at the end of the month. Tell them what kind of ferry you want."},
		},
	})
}

// A gallery's counters with their arrows are noise and the line under each
// is a caption; a related-links heading narrowed to a topic heads its list;
// a pull quote in ornaments or capitalised from mid-sentence is set aside.
func TestGalleriesRelatedTopicsAndPullQuotes(t *testing.T) {
	r := Text(ferryPage("Ferry to Orm Island to sail twice a day",
		"Image 1/3 ‹ ›", "The new boat at the quay on Monday.", "Image 2/3 ‹ ›", "Islanders queue for the first crossing.", "",
		"The harbour board will review the timetable in the autumn."))
	if removedAs(r, "Image 1/3 ‹ ›") == "" || len(r.Captions) != 2 {
		t.Errorf("gallery: captions %q, removed %v", r.Captions, r.Boilerplate)
	}

	r = Text(ferryPage("Ferry to Orm Island to sail twice a day",
		"More stories about the ferry", "• Orm Island school gets a new roof", "• Harbour fees to rise in June", "",
		"The harbour board will review the timetable in the autumn."))
	if hasParagraph(r, "• Harbour fees to rise in June") || removedAs(r, "More stories about the ferry") != ReasonRelated {
		t.Errorf("related list kept: %q", r.Paragraphs)
	}
	if !hasParagraph(r, "The harbour board will review the timetable in the autumn.") {
		t.Errorf("the paragraph after the list was lost: %q", r.Paragraphs)
	}

	for _, pull := range []string{"❝ Without the boat we are cut off from everything. ❞", "“Children missed school on days when the only boat could not sail”"} {
		r = Text(ferryPage("Ferry to Orm Island to sail twice a day",
			"Councillor Rhea Dunn said: “Without the boat we are cut off from everything. Nobody on the mainland sees it.”", "", pull, "",
			"The harbour board will review the timetable in the autumn, when the lease of the second boat ends."))
		if removedAs(r, pull) != ReasonPullQuote {
			t.Errorf("pull quote %q kept: %q", pull, r.Paragraphs)
		}
	}
}

// Titles of cleaner version 7: an explainer headline that speaks to the
// reader, a headline over an "Interview: Name" byline, a video page's
// headline behind the player's label, and a headline over the body's
// sentences printed one to a line.
func TestTitleKinds7(t *testing.T) {
	for name, c := range map[string]struct{ in, title, author string }{
		"explainer addressing the reader": {"Kelby Courier\nOrm Island ferry timetable\nWhat you need to know about the new ferry timetable\n4 March 2025\n\n" +
			"Passengers need to know that the new ferry timetable starts on Monday, with two crossings a day to Orm Island instead of one.\n\n" +
			"Tickets bought for the old timetable will be honoured until the end of the month.\n",
			"What you need to know about the new ferry timetable", ""},
		"interview byline": {"KELBY COURIER\n\"The sea decides\": the skipper who wants you to take the slow boat\nInterview: Rhea Dunn\n4 March 2025\n\n" +
			"Ivo Brand has skippered the Orm Island ferry for thirty years and has never once missed the morning tide without a reason.\n\n" +
			"Rhea Dunn: Why the slow boat?\n\nIvo Brand: Because the sea decides, not the timetable.\n",
			"\"The sea decides\": the skipper who wants you to take the slow boat", "Rhea Dunn"},
		"video page": {"Kelby Courier\nVIDEO · 1 min\nWatch: Storm waves break over the Kelby harbour wall\n4 March 2025\n" +
			"This video is not available in your browser.\nAutoplay next video: Ferry returns to service\nUp next\n",
			"Watch: Storm waves break over the Kelby harbour wall", ""},
		"sentences one to a line": {"THE KELBY BULLETIN\nWater leak closes Mill Row\nRhea Dunn · 4 March 2025, 10:12\nMill Row is closed.\n" +
			"A water main burst under the road at about 9am on Saturday.\nAround forty homes are without water.\n" +
			"Residents can collect bottled water at the Mill Row community hall.\nEngineers are on site and say repairs could take most of the day.\n" +
			"Buses are being diverted along Carver Road.\nNo one has been hurt.\n",
			"Water leak closes Mill Row", ""},
	} {
		t.Run(name, func(t *testing.T) {
			r := Text(c.in)
			if r.Title != c.title {
				t.Errorf("title %q, want %q", r.Title, c.title)
			}
			if c.author != "" && r.Author != c.author {
				t.Errorf("author %q, want %q", r.Author, c.author)
			}
		})
	}
}

// A cookie wall abroad that asks to personalise advertising is a cookie
// notice, and the headline under it is found; a printed page's "Printed
// from …" header is not hard-wrapped into the text under it, so the
// paragraph cut by the page break is rejoined.
func TestCookieWallAndPrintNoteBetweenPages(t *testing.T) {
	r := Text("Nous utilisons des cookies pour améliorer votre expérience et personnaliser les publicités de nos partenaires.\nTout accepter\n" +
		ferryPage("Ferry to Orm Island to sail twice a day"))
	if r.Title != "Ferry to Orm Island to sail twice a day" || len(r.Paragraphs) != 3 {
		t.Errorf("title %q, paragraphs %q", r.Title, r.Paragraphs)
	}

	wrapped := "Kelby Courier\nFerry to Orm Island to sail twice a day\n\n" +
		"The ferry between Kelby and Orm Island will run twice a day from\nApril, the harbour board said on Tuesday, after a winter of\ncancelled crossings and a long row with the islanders, who\n\n" +
		"https://kelbycourier.example/news/ferry                     Page 1 of 2\nPrinted from kelbycourier.example on 05/03/2025 at 08:12\n" +
		"had asked for a second boat since the autumn.\n\n" +
		"The board has leased a second boat from a company in the south\nwhile its own vessel is repaired, at a cost of about 40,000 a\nmonth.\n"
	r = Text(wrapped)
	want := "The ferry between Kelby and Orm Island will run twice a day from April, the harbour board said on Tuesday, after a winter of " +
		"cancelled crossings and a long row with the islanders, who had asked for a second boat since the autumn."
	if !hasParagraph(r, want) {
		t.Errorf("paragraph across the page break not rejoined: %q", r.Paragraphs)
	}
}

// An article that introduces a quoted post ("Mayor … wrote on Monday
// evening:") is not a comment thread: the verb is followed by the news's
// time, not a widget's date and time.
func TestQuotedPostsAreNotAThread(t *testing.T) {
	in := ferryPage("Harbour board and ferry crews trade blows online",
		"Mayor Rhea Dunn wrote on Monday evening:", "",
		"\"Crews need to turn up and sail the timetable they agreed. Islanders deserve better than this.\"", "",
		"— Rhea Dunn (@rheadunn) March 3, 2025", "",
		"The crews' union replied within the hour, saying the cancelled crossings were caused by a broken engine the board had failed to repair.", "",
		"\"Fix the boat before you point fingers,\" the union posted.", "",
		"— Kelby Ferry Crews (@kelbycrews) March 3, 2025", "",
		"The board said on Tuesday that the engine would be repaired by the end of the week, and that a launch would carry foot passengers until then.")
	r := Text(in)
	if len(r.Comments) != 0 {
		t.Errorf("quoted posts taken for comments: %+v", r.Comments)
	}
	for _, p := range []string{"Mayor Rhea Dunn wrote on Monday evening:", "\"Fix the boat before you point fingers,\" the union posted."} {
		if !hasParagraph(r, p) {
			t.Errorf("%q lost from the body: %q", p, r.Paragraphs)
		}
	}
}
