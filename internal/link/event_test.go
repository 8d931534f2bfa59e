package link

import (
	"reflect"
	"testing"

	"github.com/sift-news/sift"
)

func TestYearsIn(t *testing.T) {
	got := yearsIn("In 2019 the dam failed; a 1990s survey, 12,2019 m3 of silt, route A2019 and 2019-05-03 (the date) and 20190 are not years but 1987 is.")
	want := []string{"2019", "1990", "2019", "1987"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("yearsIn = %q, want %q", got, want)
	}
}

// Two earthquakes in one valley, years apart, are told in the same words;
// an article naming only other years than a story's scores lower against
// it, while a report of the same quake that also recalls an older one, or
// names no year, does not.
func TestYearsThatDisagreeLowerTheScore(t *testing.T) {
	quake := func(id, year, extra string) *sift.Article {
		return &sift.Article{ID: id, Title: "Earthquake shakes the Orm valley, damaging houses",
			Text: "An earthquake of magnitude 5.8 struck the Orm valley early on Sunday in " + year +
				", damaging houses in several villages and cutting power to thousands of homes, the seismology institute said." + extra}
	}
	c := NewClusterer()
	st := c.Add(quake("a", "2009", "")).Story
	c.Add(quake("b", "2009", ""))
	for _, tc := range []struct {
		a    *sift.Article
		want float64
	}{
		{quake("c", "2014", ""), yearConflict},
		{quake("d", "2009", " The valley was last hit by a strong earthquake in 1987."), 1},
		{quake("e", "the valley", ""), 1},
		{&sift.Article{ID: "f", Title: "Orm valley quake", Text: "Houses were damaged.", Published: "2014-03-02"}, yearConflict},
	} {
		if got := eventFactor(articleEvent(tc.a), st); got != tc.want {
			t.Errorf("%s: factor %.2f against the 2009 story, want %.2f", tc.a.ID, got, tc.want)
		}
	}
	if yearConflict >= 1 {
		t.Errorf("yearConflict %.2f does not lower the score", yearConflict)
	}
}
