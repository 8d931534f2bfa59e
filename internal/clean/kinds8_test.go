package clean

import (
	"strings"
	"testing"
)

// Tests for the kinds of failure cleaner version 8 addresses (issue 20),
// each on our own text.

// Notes of the page about itself — a story still being written, a live
// page's instructions, a transcript's or a column's disclaimer, a market
// data notice — are set aside; the article's sentences with the same words
// stay.
func TestNotesAboutThePageItself(t *testing.T) {
	last := "Islanders had complained that children missed school on days when the only boat could not sail."
	checkTails(t, last, map[string]tailCase{
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
	})
}

// A press release's notes under its end marker, and a sign-off with the
// signer's office or over a footer's short rule, are set aside; a
// paragraph that mentions the end, and a closing line naming a place, stay.
func TestEndMarkersAndSignOffs(t *testing.T) {
	last := "Islanders had complained that children missed school on days when the only boat could not sail."
	checkTails(t, last, map[string]tailCase{
		"notes under ENDS": {
			tail: []string{"- ENDS -", "", "Notes to editors", "", "1. Orm Ferries is owned by the island's trust.", "",
				"2. Photographs of the new boat are available on request."},
			gone: []string{"- ENDS -", "Notes to editors", "1. Orm Ferries is owned by the island's trust.",
				"2. Photographs of the new boat are available on request."},
		},
		"notes under ###": {
			tail: []string{"###", "Press office: press@ormferries.example"},
			gone: []string{"###", "Press office: press@ormferries.example"},
		},
		"sign-off with the signer's office": {
			tail: []string{"Kind regards,", "Mirela Stoica, Chair", "------------------------------",
				"You receive this bulletin as a member of the Orm Island Trust."},
			gone: []string{"Kind regards,", "Mirela Stoica, Chair"},
		},
		"sign-off over a short rule": {
			tail: []string{"Warmly,", "Tove", "~~", "You are getting this because you subscribed at ormnotes.example."},
			gone: []string{"Warmly,", "Tove"},
		},
		"the end in a sentence": {
			tail: []string{"The End of the Line festival will be held at the quay in June, the trust said."},
			kept: []string{"The End of the Line festival will be held at the quay in June, the trust said."},
		},
	})
}

// Titles of cleaner version 8: the masthead that a headline's site suffix
// names is not the title, nor a line of "Role: Name" credits, and a
// headline that an e-mail's subject repeats wins over a prompt above it.
func TestTitlesMastheadCreditsAndSubject(t *testing.T) {
	body := []string{"",
		"A company from the south has won the contract to run the Orm Island ferry, the harbour board said on Tuesday.", "",
		"Its boat, the Island Courier, will sail twice a day from April.", ""}
	for name, c := range map[string]struct {
		head []string
		want string
	}{
		"masthead named by the suffix": {
			head: []string{"Boat company wins contract as board blames winter - News | The Orm Island Courier", "", "The Orm Island Courier", "",
				"By Ines Albrecht"},
			want: "Boat company wins contract as board blames winter",
		},
		"credits under the headline": {
			head: []string{"\"We sail whatever the weather\": a skipper on forty winters | Orm Review", "",
				"Words: Island Courier · Photographs: Kelby Harbour"},
			want: "\"We sail whatever the weather\": a skipper on forty winters",
		},
		"headline repeated in the subject": {
			head: []string{"Subject: Orm Notes #12: the boat nobody wanted to lose", "Read this company's issue on the web",
				"The boat nobody wanted to lose"},
			want: "The boat nobody wanted to lose",
		},
	} {
		t.Run(name, func(t *testing.T) {
			if r := Text(strings.Join(append(c.head, body...), "\n")); r.Title != c.want {
				t.Errorf("title %q, want %q", r.Title, c.want)
			}
		})
	}
}

// A byline of a name, the writer's role and a date gives the author and the
// date; a hard-wrapped last paragraph right above a framed separator
// ("----- End of forwarded text -----") is rejoined and kept.
func TestBylineWithRoleAndFramedSeparator(t *testing.T) {
	r := Text(strings.Join([]string{"Kelby Courier", "Ferry to Orm Island to sail twice a day",
		"Ines Albrecht, transport reporter · 4 March 2025", "",
		"The ferry between Kelby and Orm Island will run twice a day from April, the harbour board said on Tuesday.", ""}, "\n"))
	if r.Author != "Ines Albrecht" || r.Published != "2025-03-04" || removedAs(r, "Ines Albrecht, transport reporter · 4 March 2025") == "" {
		t.Errorf("byline with a role: author %q, published %q, paragraphs %q", r.Author, r.Published, r.Paragraphs)
	}

	r = Text(strings.Join([]string{"----- Forwarded from the Orm Island Newsletter -----", "Ferry to Orm Island to sail twice a day", "",
		"The ferry between Kelby and Orm Island will run twice a day from",
		"April, the harbour board said on Tuesday, after a winter of",
		"cancelled crossings that kept children away from school.", "",
		"Anyone who would like to help at the quay is welcome on Fridays",
		"from 9am. No experience is needed, only warm clothes and a",
		"willingness to lift.",
		"----- End of forwarded text -----"}, "\n"))
	want := "Anyone who would like to help at the quay is welcome on Fridays from 9am. No experience is needed, only warm clothes and a willingness to lift."
	if !hasParagraph(r, want) {
		t.Errorf("last wrapped paragraph lost: %q", r.Paragraphs)
	}
}

// Forum threads with "u/name" handles over compact times ("· 10h", "OP ·
// 9h"), and name-over-text threads under a heading with a count ("Comments
// from readers (2)"), are comments with their authors, not body.
func TestForumHandlesAndCountedHeadings(t *testing.T) {
	last := "Islanders had complained that children missed school on days when the only boat could not sail."
	r := Text(ferryPage("Ferry to Orm Island to sail twice a day",
		"Sort by: Best", "u/quayside_kate", "· 10h", "About time. My two missed a week of school in January.", "Reply 12",
		"u/ormdweller", "OP · 9h", "Same here, it was a long winter.", "Reply 3",
		"u/tidewatcher", "· 7h", "The second boat is older than I am.", "Reply 8"))
	if !hasParagraph(r, last) || hasParagraph(r, "The second boat is older than I am.") {
		t.Errorf("forum thread: paragraphs %q", r.Paragraphs)
	}
	if len(r.Comments) != 3 || r.Comments[1].Author != "u/ormdweller" {
		t.Errorf("forum thread: comments %+v", r.Comments)
	}

	r = Text(ferryPage("Ferry to Orm Island to sail twice a day",
		"Comments from readers (2)", "Maren Holt", "We waited three hours at the quay in February. Good news at last.",
		"Pim", "Lovely to see the board listen for once.", "Add your comment"))
	if !hasParagraph(r, last) || hasParagraph(r, "Lovely to see the board listen for once.") || len(r.Comments) != 2 || r.Comments[1].Author != "Pim" {
		t.Errorf("counted heading: paragraphs %q, comments %+v", r.Paragraphs, r.Comments)
	}
}

// The heading of a newsletter box set into the article goes with the box;
// a subheading over the article's text stays.
func TestBoxHeadingGoesWithItsBox(t *testing.T) {
	r := Text(ferryPage("Ferry to Orm Island to sail twice a day",
		"📬 The Courier Harbour Letter", "Sign up for our newsletter and get the tide tables in your inbox every Friday.",
		"Enter your email to subscribe", "",
		"What the islanders say", "",
		"Several islanders said the second crossing would let them work full days on the mainland again."))
	if hasParagraph(r, "📬 The Courier Harbour Letter") || removedAs(r, "📬 The Courier Harbour Letter") == "" {
		t.Errorf("box heading kept: %q", r.Paragraphs)
	}
	if !hasParagraph(r, "What the islanders say") {
		t.Errorf("subheading lost: %q", r.Paragraphs)
	}

	r = Text(ferryPage("Ferry to Orm Island to sail twice a day",
		"HARBOUR LETTER", "The week's tides and timetables, in your inbox every Friday.",
		"By signing up you agree to our privacy notice. You can unsubscribe at any time.", "",
		"Several islanders said the second crossing would let them work full days on the mainland again."))
	if hasParagraph(r, "HARBOUR LETTER") {
		t.Errorf("box heading over an offer and its small print kept: %q", r.Paragraphs)
	}
}

// A byline of a name and a newsroom job over the date is the article's
// byline, not the author line of a comment that would swallow the article;
// the placeholder of an embedded post is set aside.
func TestWriterBylineAndEmbedPlaceholder(t *testing.T) {
	r := Text(strings.Join([]string{"Kelby Courier", "Ferry to Orm Island to sail twice a day",
		"Correction, 5 March 2025: An earlier version of this article gave the wrong month for the new timetable.", "",
		"Ines Albrecht, Transport Reporter", "Tuesday, 4 March 2025 3:02 pm",
		"The ferry between Kelby and Orm Island will run twice a day from April, the harbour board said on Tuesday.", "",
		"The board has leased a second boat from a company in the south while its own vessel is repaired.", "",
		"Embedded content from Chirp. Load external content?", "",
		"Islanders had complained that children missed school on days when the only boat could not sail."}, "\n"))
	if len(r.Comments) != 0 || !hasParagraph(r, "Islanders had complained that children missed school on days when the only boat could not sail.") {
		t.Errorf("article taken for a comment: paragraphs %q, comments %+v", r.Paragraphs, r.Comments)
	}
	if r.Author != "Ines Albrecht" || hasParagraph(r, "Ines Albrecht, Transport Reporter") {
		t.Errorf("byline: author %q, paragraphs %q", r.Author, r.Paragraphs)
	}
	if hasParagraph(r, "Embedded content from Chirp. Load external content?") {
		t.Errorf("embed placeholder kept: %q", r.Paragraphs)
	}
}

// A donation appeal whose imperative opens its second sentence is set
// aside; a sentence of the article with the same words stays.
func TestAppealInItsSecondSentence(t *testing.T) {
	appeal := "Local reporting costs money. Chip in £5 today and keep the Courier free for everyone."
	r := Text(ferryPage("Ferry to Orm Island to sail twice a day", appeal, "",
		"The trust asked islanders to chip in for the new gangway, and raised £8,000 in a month."))
	if hasParagraph(r, appeal) {
		t.Errorf("appeal kept: %q", r.Paragraphs)
	}
	if !hasParagraph(r, "The trust asked islanders to chip in for the new gangway, and raised £8,000 in a month.") {
		t.Errorf("the article's sentence lost: %q", r.Paragraphs)
	}
}

// A line taken for a comment's author with no comment under it is not lost:
// with no comment there is no thread, and the line is body or set aside
// with a reason.
func TestAuthorLineWithoutCommentIsNotLost(t *testing.T) {
	line := "Agnes Holm, skipper, born 3 March 1931; died 8 January 2025"
	r := Text(ferryPage("Ferry to Orm Island to sail twice a day", line, "", "Share", "", "Print"))
	if !hasParagraph(r, line) && removedAs(r, line) == "" {
		t.Errorf("%q lost: paragraphs %q, removed %v, comments %+v", line, r.Paragraphs, r.Boilerplate, r.Comments)
	}
}
