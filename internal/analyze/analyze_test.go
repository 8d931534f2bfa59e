package analyze

import (
	"errors"
	"strings"
	"testing"

	"github.com/sift-news/sift"
)

func TestCleanChoosesByFormat(t *testing.T) {
	text := sift.Document{Source: "a.txt", Format: sift.FormatText,
		Body: "Bridge reopens\n\nThe bridge over the Vell reopened on Monday after six months of repairs, officials said.\n\n- Advertisement -\n"}
	a, err := Clean(text, false)
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != "Bridge reopens" || strings.Contains(a.Text, "Advertisement") || len(a.Boilerplate) != 1 {
		t.Errorf("text: title %q, text %q, boilerplate %+v", a.Title, a.Text, a.Boilerplate)
	}
	if a.Language != "en" || a.Entities == nil || a.Quotes == nil || a.Techniques == nil || a.Comments == nil {
		t.Errorf("language %q or empty lists missing: %+v", a.Language, a)
	}
	page := sift.Document{Source: "a.html", Format: sift.FormatHTML,
		Body: "<html><head><title>Bridge reopens</title></head><body><article><h1>Bridge reopens</h1><p>The bridge over the Vell reopened on Monday after six months of repairs, officials said. Traffic was light in the morning.</p><p>The mayor said the town had waited long enough for its bridge.</p></article></body></html>"}
	h, err := Clean(page, false)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(h.Text, "<p>") || !strings.Contains(h.Text, "reopened on Monday") {
		t.Errorf("HTML not extracted: %q", h.Text)
	}
}

func TestRawKeepsBodyAndRejectsBadInput(t *testing.T) {
	body := "  - Advertisement -\r\nkeep me  \n"
	a, err := Clean(sift.Document{Source: "r", Body: body}, true)
	if err != nil || a.Text != body {
		t.Fatalf("raw: %q, %v", a.Text, err)
	}
	if _, err := Clean(sift.Document{Source: "bad", Body: "abc\xff"}, false); err == nil {
		t.Error("invalid UTF-8 accepted")
	}
	if _, err := Clean(sift.Document{Source: "empty", Body: "0 $\n\n- Advertisement -\n"}, false); !errors.Is(err, ErrEmpty) {
		t.Errorf("all-noise input: err = %v, want ErrEmpty", err)
	}
}

func TestLanguage(t *testing.T) {
	for want, text := range map[string]string{
		"en": "The minister said that the talks would continue in the capital on Monday and that was all.",
		"fr": "Le ministre a dit que les négociations vont continuer dans la capitale et que la paix est possible pour une fois.",
		"de": "Der Minister sagte, dass die Gespräche in der Hauptstadt nicht mit den Rebellen und die Armee sich zurückzieht.",
	} {
		if got := Language(text); got != want {
			t.Errorf("Language(%.30q) = %q, want %q", text, got, want)
		}
	}
}

// A feed item that is only a headline (with the outlet and time under it)
// is an article: it is kept, with the headline as its text, not refused as
// empty.
func TestHeadlineOnlyItemIsAnArticle(t *testing.T) {
	doc := sift.Document{Source: "item.txt", Body: "LATEST\nFerry services to Gull Island cancelled as gales close in\nIsland Herald · 4 March 2025, 07:10\nRead more »\n"}
	a, err := Clean(doc, false)
	if err != nil {
		t.Fatalf("headline-only item refused: %v", err)
	}
	want := "Ferry services to Gull Island cancelled as gales close in"
	if a.Title != want || a.Text != want {
		t.Errorf("title %q, text %q; want both %q", a.Title, a.Text, want)
	}
	if a.Published != "2025-03-04" {
		t.Errorf("published %q, want 2025-03-04 from the line under the headline", a.Published)
	}
}
