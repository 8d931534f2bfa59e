package clean

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/sift-news/sift/internal/cputime"
	"github.com/sift-news/sift/internal/dataset"
)

func TestNoiseIsRemovedWithReasons(t *testing.T) {
	in := strings.Join([]string{
		"10 $", "50 $", "",
		"Dam at Orlen holds as river peaks",
		"", "Dam at Orlen holds as river peaks", "",
		"By Mira Castell", "Published: 4 March 2024", "",
		"ORLEN – The dam above Orlen held through the night as the river reached its highest level in forty years, engineers said on Monday.",
		"", "- Advertisement -", "",
		"Residents of the lower town were moved to the school hall as a precaution, and most returned home by noon.",
		"", "Water engineers are worried about the spillway.", "",
		"“We watched the gauges every hour,” said Ilse Marr, the chief engineer. “It was close, but it held.”",
		"", "Share this: Facebook Twitter Email", "Tags: floods, Orlen, dams", "",
		"Subscribe to our newsletter", "Do you value our work? Donate today!", "",
		"Related news", "Orlen school reopens after storm", "River levels to fall by Friday", "",
		"[an error occurred while processing the directive]", "© 2024 Orlen Herald. All rights reserved.",
	}, "\n")
	r := Text(in)
	if r.Title != "Dam at Orlen holds as river peaks" {
		t.Errorf("title = %q", r.Title)
	}
	if r.Author != "Mira Castell" || r.Published != "2024-03-04" || r.Dateline != "ORLEN" {
		t.Errorf("author %q, published %q, dateline %q", r.Author, r.Published, r.Dateline)
	}
	if len(r.Paragraphs) != 4 {
		t.Fatalf("got %d paragraphs, want 4: %q", len(r.Paragraphs), r.Paragraphs)
	}
	reasons := map[string]int{}
	for _, b := range r.Boilerplate {
		reasons[b.Reason]++
	}
	for _, want := range []string{ReasonWidget, ReasonHeadline, ReasonByline, ReasonDate, ReasonAd, ReasonShare, ReasonTags,
		ReasonNewsletter, ReasonDonation, ReasonRelated, ReasonServer, ReasonCopyright} {
		if reasons[want] == 0 {
			t.Errorf("no boilerplate with reason %q; got %v", want, reasons)
		}
	}
	for _, p := range r.Paragraphs {
		if strings.Contains(p, "Subscribe") || strings.Contains(p, "$") || strings.Contains(p, "error") {
			t.Errorf("noise left in body: %q", p)
		}
	}
}

func TestCommentsAreSplitOffWithAuthorsAndDepth(t *testing.T) {
	in := strings.Join([]string{
		"Council approves new bridge over the Vell",
		"",
		"The town council approved the new footbridge over the Vell on Tuesday after three years of debate about its cost and its route.",
		"",
		"Construction is due to start in the spring and to take eighteen months, the council said in a statement.",
		"",
		"3 comments",
		"",
		"  • Tomas Vey",
		"",
		"    About time. The old crossing floods every winter.",
		"",
		"    • Ruth A.",
		"",
		"      It floods because nobody clears the drains.",
		"",
		"  • Karel",
		"",
		"    Who pays for it?",
	}, "\n")
	checkComments(t, Text(in), 2, []comment{{"Tomas Vey", 0, "About time"}, {"Ruth A.", 1, "It floods"}, {"Karel", 0, "Who pays"}})
}

func TestCaptionsAreMetadataNotBody(t *testing.T) {
	r := Text("Ferry returns to service\n\nThe ferry Saint Ilse was seen leaving the harbour at Varn on Monday. (Coast Press)\n\n© Jana Holm/Coast Press\n\nThe only ferry to the islands returned to service on Monday after a week of repairs to its engine, the operator said.\n")
	if len(r.Captions) != 2 {
		t.Fatalf("captions = %q, want the description and the credit", r.Captions)
	}
	if len(r.Paragraphs) != 1 || !strings.HasPrefix(r.Paragraphs[0], "The only ferry") {
		t.Fatalf("body = %q", r.Paragraphs)
	}
}

func TestHardWrappedParagraphsAreJoined(t *testing.T) {
	in := "Wind farm plan rejected\n\nThe planning board rejected the wind farm on the ridge above Dornach\non Thursday, saying the turbines would spoil the view from the old\ncastle and disturb the eagles that nest on the cliffs.\n\nThe developer said it would appeal.\n"
	r := Text(in)
	if len(r.Paragraphs) != 2 || !strings.Contains(r.Paragraphs[0], "Dornach on Thursday") {
		t.Fatalf("paragraphs = %q", r.Paragraphs)
	}
}

func TestProseMentioningSubscriptionsStays(t *testing.T) {
	in := "Paper cuts print days\n\nThe Harlow Post will print only on weekends from June, its editor said, as more readers subscribe to the digital edition instead.\n\n“Readers who want the newsletter can sign up on the website,” the editor said, adding that no jobs would be lost.\n\nThe paper was founded in 1881.\n"
	r := Text(in)
	if len(r.Paragraphs) != 3 {
		t.Fatalf("paragraphs = %q; boilerplate = %+v", r.Paragraphs, r.Boilerplate)
	}
}

func TestNoTitleWhenTextStartsWithProse(t *testing.T) {
	r := Text("The river rose by two metres overnight, flooding the lower streets of the town and cutting the road to the coast, officials said.\n\nSchools were closed.\n")
	if r.Title != "" || len(r.Paragraphs) != 2 {
		t.Fatalf("title %q, paragraphs %q", r.Title, r.Paragraphs)
	}
}

// The five real scraped seeds must keep cleaning as they do now. The test
// reads them from ../shared (never copied into the repository) and checks
// structure, not strings.
func TestSeeds(t *testing.T) {
	dir := dataset.Require(t, "../samples/seeds")
	files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	if len(files) != 5 {
		t.Skipf("expected 5 seeds in %s, found %d", dir, len(files))
	}
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		r := Text(string(raw))
		name := filepath.Base(f)
		firstLine := strings.TrimSpace(strings.SplitN(string(raw), "\n", 2)[0])
		if strings.HasPrefix(name, "001") {
			// The first lines are donation-widget amounts, not the title.
			if !isAmount(firstLine) {
				t.Errorf("%s: expected the file to open with widget amounts", name)
			}
		} else if fold(r.Title) != fold(firstLine) {
			t.Errorf("%s: title %q, want the first line %q", name, r.Title, firstLine)
		}
		if r.Title == "" || len(r.Paragraphs) < 8 {
			t.Errorf("%s: title %q, %d paragraphs", name, r.Title, len(r.Paragraphs))
		}
		for _, p := range r.Paragraphs {
			lp := strings.ToLower(p)
			for _, noise := range []string{"subscribe", "advertisement", "consider helping", "notify of", "inline feedback",
				"view all comments", "related news", "error occurred", "sign up here"} {
				if strings.Contains(lp, noise) {
					t.Errorf("%s: noise %q left in body paragraph %.60q", name, noise, p)
				}
			}
			if fold(p) == fold(r.Title) {
				t.Errorf("%s: repeated headline left in body", name)
			}
			if isAmount(p) {
				t.Errorf("%s: widget amount %q in body", name, p)
			}
		}
		switch name[:3] {
		case "001":
			if len(r.Captions) != 1 || !strings.HasSuffix(r.Captions[0], "(AFP)") {
				t.Errorf("%s: captions %q, want the (AFP) photo caption", name, r.Captions)
			}
		case "002":
			if r.Dateline != "MOSCOW" {
				t.Errorf("%s: dateline %q, want MOSCOW", name, r.Dateline)
			}
		case "003":
			if len(r.Captions) != 1 || !strings.HasPrefix(r.Captions[0], "©") {
				t.Errorf("%s: captions %q, want the © credit", name, r.Captions)
			}
			if len(r.Comments) < 15 {
				t.Errorf("%s: %d comments, want the reader thread (at least 15)", name, len(r.Comments))
			}
			nested := 0
			for _, c := range r.Comments {
				if c.Depth > 0 {
					nested++
				}
				if strings.Contains(strings.Join(r.Paragraphs, " "), c.Text) {
					t.Errorf("%s: comment text in body: %.50q", name, c.Text)
				}
			}
			if nested == 0 {
				t.Errorf("%s: no nested replies found in the thread", name)
			}
		}
	}
}

func FuzzText(f *testing.F) {
	f.Add("Title\n\nBody sentence that is long enough to count as prose in an article.\n")
	f.Add("0 $\n\n• Name\n\n    text\n")
	f.Add("Related news\n[error]\n\xff\xfe")
	f.Add("A\r\nB\r\n\u00a0\u200b\t\n1. x\n2) y\nBy \n© \n(\n")
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return // readers hand the cleaner valid UTF-8 only
		}
		r := Text(s)
		for _, p := range r.Paragraphs {
			if p == "" || strings.Contains(p, "\n") || !utf8.ValidString(p) {
				t.Fatalf("bad paragraph %q", p)
			}
		}
		if strings.Contains(r.Title, "\n") {
			t.Fatalf("title spans lines: %q", r.Title)
		}
		if r.Published != "" && len(r.Published) != 10 {
			t.Fatalf("published %q is not YYYY-MM-DD", r.Published)
		}
	})
}

func BenchmarkText(b *testing.B) {
	files, _ := filepath.Glob("testdata/labelled/*.txt")
	var docs []string
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, string(raw))
	}
	b.ResetTimer()
	cpu := cputime.Seconds()
	n := 0
	for i := 0; i < b.N; i++ {
		d := docs[i%len(docs)]
		n += len(d)
		Text(d)
	}
	b.SetBytes(int64(n / b.N))
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
	if used := cputime.Seconds() - cpu; used > 0 {
		b.ReportMetric(float64(b.N)/used, "articles/cpu-s")
	}
}

func TestRepeatedOutletLinesAreTemplate(t *testing.T) {
	footer := "The Orlen Herald is with you every morning."
	in := "Market day returns\n\nThe weekly market reopened on Saturday after the winter break, with forty stalls and a brass band.\n\n" + footer + "\n"
	if r := Text(in); len(r.Paragraphs) != 2 {
		t.Fatalf("without outlet knowledge the footer reads as a sentence of the body; got %q", r.Paragraphs)
	}
	r := Options{Repeated: func(l string) bool { return l == footer }}.Text(in)
	if len(r.Paragraphs) != 1 || len(r.Boilerplate) != 1 || r.Boilerplate[0].Reason != ReasonTemplate {
		t.Fatalf("paragraphs %q, boilerplate %+v", r.Paragraphs, r.Boilerplate)
	}
}

func TestTagRunWithoutColon(t *testing.T) {
	r := Text("Convoy reaches Dorvan\n\nThe first aid convoy reached the besieged town of Dorvan on Sunday after a week of delays at the checkpoint, the UN said.\n\nTags Velmora Dorvan Hadria UN Aid\n")
	if len(r.Paragraphs) != 1 || len(r.Boilerplate) != 1 || r.Boilerplate[0].Reason != ReasonTags {
		t.Fatalf("paragraphs %q, boilerplate %+v", r.Paragraphs, r.Boilerplate)
	}
}

// BenchmarkTextSeeds cleans the five real scraped seeds (2–7 KB each, read
// from ../shared when present): the "seed-sized articles" of the target.
func BenchmarkTextSeeds(b *testing.B) {
	dir := dataset.Require(b, "../samples/seeds")
	files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	var docs []string
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, string(raw))
	}
	b.ResetTimer()
	cpu := cputime.Seconds()
	for i := 0; i < b.N; i++ {
		Text(docs[i%len(docs)])
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
	if used := cputime.Seconds() - cpu; used > 0 {
		b.ReportMetric(float64(b.N)/used, "articles/cpu-s")
	}
}
