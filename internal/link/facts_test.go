package link

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/sift-news/sift"
)

// yday is the day of the year (in a leap year) of month m, day d.
func yday(m time.Month, d int) int { return time.Date(2000, m, d, 0, 0, 0, 0, time.UTC).YearDay() }

func TestArticleFactsReadsDatesAndFigures(t *testing.T) {
	pub := time.Date(2026, 3, 5, 0, 0, 0, 0, time.UTC) // a Thursday
	for _, tc := range []struct {
		name, title, text string
		pub               time.Time
		days              []int
		weekdays          uint8
		figures           map[string][]string
	}{
		{name: "quake", text: "A 6.1-magnitude earthquake struck the hill town of Varn on 3 March, killing 14 people.",
			days: []int{yday(3, 3)}, figures: map[string][]string{"magnitude": {"6.1"}, "people": {"14"}}},
		{name: "written date first", text: "On March 14, 2009 the council approved a $4bn budget and 2,500 jobs.",
			days: []int{yday(3, 14)}, figures: map[string][]string{"$": {"4e+09"}, "job": {"2500"}}},
		{name: "weekday resolved", text: "Police arrested the mayor on Tuesday, a day after yesterday's raid.", pub: pub,
			days: []int{yday(3, 3), yday(3, 4)}},
		{name: "weekday alone", text: "Police arrested the mayor on Tuesday.", weekdays: 1 << time.Tuesday},
		{name: "no figures", text: "The 76ers lost 9-14 at 3 p.m. in 2008, their 3rd loss; magnitude 5.4 aftershocks followed.",
			figures: map[string][]string{"magnitude": {"5.4"}}},
		{name: "percent and age", text: "Rates rose to 4.5 percent, the 61-year-old governor said; inflation is 3%.",
			figures: map[string][]string{"%": {"4.5", "3"}, "year-old": {"61"}}},
		// a round thousand written with a comma is a figure, not a year
		{name: "round thousands", text: "Some 2,000 workers walked out and 1,500 jobs are at risk, the union said in 2019.",
			figures: map[string][]string{"worker": {"2000"}, "job": {"1500"}}},
		// a Title Case headline capitalises its units too; a sentence-case
		// one capitalises names only ("44 Monitor" is a source, not a unit)
		{name: "title case headline", title: "Quake Kills 14 People, Leaves 2,000 Homeless In Varn",
			figures: map[string][]string{"people": {"14"}, "homeless": {"2000"}}},
		{name: "sentence case headline", title: "Strike on market kills 44 Monitor says"},
		// a number glued to letters is a name ("R12 viaduct"); a unit is
		// a word ("14 — 24" has none)
		{name: "names and dashes", text: "The R12 viaduct and the G7 summit: 14 — 24 missing.",
			figures: map[string][]string{"missing": {"24"}}},
		// no such day: not a date, and not the 2 March it would roll over to
		{name: "no such day", text: "The vote set for 31 February and for April 31 was moved to 30 April.",
			days: []int{yday(4, 30)}},
	} {
		pub := tc.pub
		f := articleFacts(tc.title, tc.text, pub)
		if !reflect.DeepEqual(f.days, tc.days) || f.weekdays != tc.weekdays || !reflect.DeepEqual(f.figures, tc.figures) {
			t.Errorf("%s: got days %v weekdays %b figures %v, want %v %b %v", tc.name, f.days, f.weekdays, f.figures, tc.days, tc.weekdays, tc.figures)
		}
	}
}

// quake writes a report of an earthquake with its date and figures in the
// lead, told in the same words whatever the quake.
func quake(id, date, magnitude, dead string) *sift.Article {
	return &sift.Article{ID: id, Title: "Earthquake shakes the east",
		Text: "A " + magnitude + "-magnitude earthquake struck the eastern hills on " + date + ", killing " + dead +
			" people and damaging hundreds of homes, the observatory said. Rescue teams searched collapsed buildings through the night."}
}

// Two earthquakes on different days with different magnitudes and tolls
// disagree, the more the more kinds of fact differ; a report of the same quake does not, nor one whose toll has
// risen (one figure that differs is no conflict), nor one that gives no
// facts in its lead.
func TestFactsThatDisagreeLowerTheScore(t *testing.T) {
	c := NewClusterer()
	st := c.Add(quake("a", "3 March", "6.1", "14")).Story
	for _, tc := range []struct {
		a    *sift.Article
		want float64
	}{
		// date, magnitude and toll: three kinds, one more than the least,
		// and the day on its own
		{quake("b", "21 March", "5.4", "2"), factConflict * factConflict * dayConflict},
		// only the day, weeks apart, and no figure that agrees: a day
		// costs on its own
		{&sift.Article{ID: "b4", Title: "Earthquake shakes the east", Text: "An earthquake struck the eastern hills on 21 March, the observatory said."}, dayConflict},
		// no date: magnitude and toll
		{&sift.Article{ID: "b2", Title: "Earthquake shakes the east", Text: "A 5.4-magnitude earthquake struck the eastern hills, killing 2 people."}, factConflict},
		// only the toll differs: an update, no conflict
		{&sift.Article{ID: "b3", Title: "Earthquake shakes the east", Text: "The earthquake that struck the eastern hills has killed 30 people."}, 1},
		{quake("c", "3 March", "6.1", "14"), 1},
		{quake("d", "3 March", "6.1", "23"), 1},
		{quake("e", "4 March", "6.0", "20"), 1}, // a day later: the date agrees
		{&sift.Article{ID: "f", Title: "Earthquake shakes the east", Text: "An earthquake struck the eastern hills, the observatory said."}, 1},
	} {
		if got := eventFactor(articleEvent(tc.a), st); got != tc.want {
			t.Errorf("%s: factor %.2f against the story of the 3 March quake, want %.2f", tc.a.ID, got, tc.want)
		}
	}
	if factConflict >= 1 || dayConflict >= 1 {
		t.Errorf("factConflict %.2f, dayConflict %.2f: one does not lower the score", factConflict, dayConflict)
	}
}

// The two quakes make two stories when linked, and another outlet's
// report of the first quake joins it.
func TestQuakesOnTwoDaysAreTwoStories(t *testing.T) {
	l := NewLinker()
	var ids []string
	details := []string{
		" Villagers in Kesh and Oradna slept outdoors as aftershocks continued; the governor asked the army for tents and blankets.",
		" The coastal road to Pellin was closed by a landslide, and a school in Vantry lost its roof; no deaths were reported in the port.",
		" In Kesh families camped in the square while soldiers handed out tents; the governor said Oradna's clinic was still without power.",
	}
	for i, a := range []*sift.Article{
		quake("a1", "3 March", "6.1", "14"), quake("b1", "21 March", "5.4", "2"), quake("c1", "3 March", "6.1", "16"),
	} {
		a.Text += details[i]
		up, err := l.Add(a)
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, up.Story.ID)
	}
	if ids[0] == ids[1] {
		t.Errorf("the quakes of 3 and 21 March were put in one story %s", ids[0])
	}
	if ids[0] != ids[2] {
		t.Errorf("a second report of the 3 March quake opened story %s, not joined %s", ids[2], ids[0])
	}
}

func FuzzArticleFacts(f *testing.F) {
	for _, s := range []string{"A 6.1-magnitude quake on 3 March killed 14 people.", "$4.2bn, 9-14, 3 p.m., Dec. 11, 2,500.5%",
		"-", "1,", "March", "76ers", "$", "5-year-old", "Tuesday 31 February"} {
		f.Add(s)
	}
	pub := time.Date(2026, 3, 5, 0, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, s string) {
		fs := articleFacts(s, s, pub)
		for _, d := range fs.days {
			if d < 1 || d > 366 {
				t.Fatalf("day %d out of range for %q", d, s)
			}
		}
		for u, vs := range fs.figures {
			if u == "" || len(vs) == 0 {
				t.Fatalf("empty unit or values %q: %v for %q", u, vs, s)
			}
		}
	})
}

// TestLeadOfBoundsTextWithoutSpaces checks that the lead of a text with no
// white space after the cut (Chinese, a blob) is the cut, not the whole
// text, while a word running past the cut is still finished.
func TestLeadOfBoundsTextWithoutSpaces(t *testing.T) {
	blob := strings.Repeat("字", 50000)
	if got := []rune(leadOf(blob, 600)); len(got) != 600 {
		t.Errorf("lead of 50,000 code points without spaces: %d code points, want 600", len(got))
	}
	text := strings.Repeat("a", 598) + "bcdef tail"
	if got := leadOf(text, 600); got != strings.Repeat("a", 598)+"bcdef" {
		t.Errorf("lead cut inside a word: %q", got[590:])
	}
}
