package clean

import (
	"strings"
	"testing"
)

const article = "Reservoir to be drained for dam repairs\n\n" +
	"The Talwen reservoir will be drained over the summer so that engineers can repair the dam's outlet tower, the water company said.\n\n" +
	"Fish will be moved to two lakes nearby, and the sailing club will lose its season.\n\n"

// comment is what a test expects of one comment.
type comment struct {
	author string
	depth  int
	text   string // prefix
}

func checkComments(t *testing.T, r Result, paragraphs int, want []comment) {
	t.Helper()
	if len(r.Paragraphs) != paragraphs {
		t.Errorf("body has %d paragraphs, want %d: %q", len(r.Paragraphs), paragraphs, r.Paragraphs)
	}
	if len(r.Comments) != len(want) {
		t.Fatalf("got %d comments, want %d: %+v", len(r.Comments), len(want), r.Comments)
	}
	for i, w := range want {
		c := r.Comments[i]
		if c.Author != w.author || c.Depth != w.depth || !strings.HasPrefix(c.Text, w.text) {
			t.Errorf("comment %d = %+v, want author %q depth %d text %q…", i, c, w.author, w.depth, w.text)
		}
	}
}

// Comments whose author and time come after the text: the first comment
// must not be read as the article's last paragraph.
func TestCommentsSignedBelowTheirText(t *testing.T) {
	for name, thread := range map[string]string{
		"dash and relative time": "Comments (2)\n\nThe sailing club should get its fees back.\n— rhian_b, 4 hours ago\n\n" +
			"Forty years since the last repair. Overdue.\n— Idris Vaughan, 1 hour ago\n",
		"name, place and bar": "What readers think\n\nThe sailing club should get its fees back.\nrhian_b, Talwen | 2 days ago\n\n" +
			"Forty years since the last repair. Overdue.\nIdris Vaughan, Bala | 1 day ago\n",
		"name over time": "Comments\n\nThe sailing club should get its fees back.\nrhian_b\n4 hours ago\n\n" +
			"Forty years since the last repair. Overdue.\nIdris Vaughan\n1 hour ago\n",
		"buttons under the signature": "The sailing club should get its fees back.\nby rhian_b · 2 days ago\nReply · Like · 7\n\n" +
			"Forty years since the last repair. Overdue.\nby Idris Vaughan · 1 day ago\nReply · Like · 2\n",
		"two paragraphs under a count": "2 responses\n\nThe sailing club should get its fees back.\n\nThey paid for the whole year in March.\n" +
			"Posted by rhian_b at 10:02\n\nForty years since the last repair. Overdue.\nPosted by Idris Vaughan at 11:40\n",
	} {
		t.Run(name, func(t *testing.T) {
			checkComments(t, Text(article+thread), 2, []comment{
				{"rhian_b", 0, "The sailing club should get its fees back."},
				{"Idris Vaughan", 0, "Forty years since the last repair."},
			})
		})
	}
}

// A reply quoting the comment it answers keeps only its own words; the
// quotation is set aside with its header.
func TestQuotedCommentsAreNotRepeated(t *testing.T) {
	for name, c := range map[string]struct {
		reply         string
		depth, quoted int // "In reply to" also says the comment is a reply
	}{
		"marked":     {"Gwen Price wrote:\n> Where will the fish go?\nTo the two lakes, it says so above.\n", 0, 2},
		"unmarked":   {"Quote from Gwen Price:\nWhere will the fish go?\nTo the two lakes, it says so above.\n", 0, 2},
		"originally": {"Originally posted by Gwen Price:\n\"Where will the fish go?\"\nTo the two lakes, it says so above.\n", 0, 2},
		"in reply":   {"In reply to Gwen Price:\n» Where will the fish go?\nTo the two lakes, it says so above.\n", 1, 1},
	} {
		t.Run(name, func(t *testing.T) {
			r := Text(article + "3 comments\n\nGwen Price · 5 hours ago\nWhere will the fish go?\n\nOwain · 4 hours ago\n" + c.reply)
			checkComments(t, r, 2, []comment{{"Gwen Price", 0, "Where will the fish go?"}, {"Owain", c.depth, "To the two lakes"}})
			if got := r.Comments[1].Text; strings.Contains(got, "fish") {
				t.Errorf("reply repeats the quotation: %q", got)
			}
			quoted := 0
			for _, b := range r.Boilerplate {
				if b.Reason == ReasonQuote {
					quoted++
				}
			}
			if quoted != c.quoted {
				t.Errorf("%d lines set aside as quotation, want %d: %+v", quoted, c.quoted, r.Boilerplate)
			}
		})
	}
}

// "↳ replying to" lines are widget text, and the comment under one is a reply.
func TestReplyMarkersNestComments(t *testing.T) {
	r := Text(article + "Join the conversation\n\n@gwen_p · 5h\nWhere will the fish go?\n\n@owain_t · 4h\n↳ replying to @gwen_p\n" +
		"To the two lakes.\n\n↳ Gwen Price replying to owain_t · 3h\nThanks, I missed that.\n")
	checkComments(t, r, 2, []comment{{"@gwen_p", 0, "Where will"}, {"@owain_t", 1, "To the two lakes."}, {"Gwen Price", 1, "Thanks"}})
}

// Pages whose body only looks like a thread keep all of it: an interview
// with named answers, letters signed "Name, Place", an essay signed with
// a dash and a date, a reporting credit.
func TestCommentLookalikesStayInTheBody(t *testing.T) {
	for name, c := range map[string]struct {
		in    string
		paras int
	}{
		"interview": {"Talking to the dam keeper\n\nFor thirty years Elin Rhys has kept the Talwen dam. We asked her about the repairs before they begin.\n\n" +
			"What will you do all summer?\n\nELIN RHYS: Watch other people work on my dam, mostly. It is harder than it sounds.\n\n" +
			"Will the valley look different?\n\nELIN RHYS: For a few months. The water comes back quickly once the gates close.\n", 5},
		"letters": {"Letters: the dam, the bus and the bridge\n\n" +
			"Draining the reservoir in summer is the worst possible timing for the sailing club and for every café on the shore.\n\n" +
			"Huw Jenkins, Talwen\n\nThe new timetable has cut the last bus from the valley to the town, which leaves students stranded after evening classes.\n\n" +
			"Mari Lloyd, Bala\n", 4},
		"essay": {"Why the dam repair cannot wait\n\nThe outlet tower has leaked for a decade, and every winter the engineers have patched it and hoped.\n\n" +
			"Draining the reservoir is inconvenient, but a failure of the tower would be far worse for everyone below it.\n\n" +
			"— Carys Morgan, 3 May 2025\n", 2},
		"blog footer": {"Why the dam repair cannot wait\n\nThe outlet tower has leaked for a decade, and every winter the engineers have patched it and hoped.\n\n" +
			"Draining the reservoir is inconvenient, but a failure of the tower would be far worse for everyone below it.\n" +
			"Posted by Carys Morgan at 10:14\n", 2},
		"embedded posts": {"Anglers react to the draining\n\nThe news that the reservoir will be drained drew a quick response from anglers online on Monday.\n\n" +
			"“Forty years fishing here and nobody asked us.”\n— Talwen Anglers (@talwenanglers) May 2, 2025\n\n" +
			"“The fish will be moved, not lost. Details on our site.”\n— Talwen Water (@talwenwater) 9:15 AM · May 2, 2025\n\n" +
			"The anglers' club said it would meet the water company next week to discuss compensation for members.\n", 6},
	} {
		t.Run(name, func(t *testing.T) {
			r := Text(c.in)
			if len(r.Comments) != 0 || len(r.Paragraphs) != c.paras {
				t.Errorf("got %d paragraphs (want %d) and comments %+v: %q", len(r.Paragraphs), c.paras, r.Comments, r.Paragraphs)
			}
		})
	}
}

// News introduces quotations with "X, a voter in Y, said:" and "X,
// director of Z, commented,": such lines are attributions in the body, not
// comment authors, and the article after them stays the article.
func TestAttributionLinesAreNotCommentAuthors(t *testing.T) {
	for name, in := range map[string]string{
		"said with a colon": "Voters in Kelm went to the polls on Sunday in a vote meant to show change.\n" +
			"Retired teacher Anna Vell, a voter in Kelm, said:\n" +
			"\"I remember the elections from the old days.\"\n" +
			"Observers say the old leader still casts a shadow over the country and its politics.\n" +
			"The new parliament meets next month in the capital.\n",
		"commented with a comma": "The ministry will change the rules for river dams, officials said on Monday.\n" +
			"Marta Ossel, director of the Riverkeepers Council's fish programme, commented,\n" +
			"\"This ministry has rejected anything with a whiff of science.\"\n" +
			"The ministry said the change would speed up decisions.\n" +
			"A public hearing is planned for June in the capital.\n",
	} {
		r := Text(in)
		if len(r.Comments) != 0 {
			t.Errorf("%s: %d comments, want none: %+v", name, len(r.Comments), r.Comments)
		}
		if last := r.Paragraphs[len(r.Paragraphs)-1]; !strings.HasPrefix(last, "A public hearing") && !strings.HasPrefix(last, "The new parliament") {
			t.Errorf("%s: body ends with %q, want the article's last paragraph", name, last)
		}
	}
}
