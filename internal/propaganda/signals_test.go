package propaganda

import (
	"testing"

	"github.com/sift-news/sift"
)

// Vague hearsay is found in every form anonymousWeak knows, whatever the
// capitals, although sentences that cannot match skip the expression.
func TestWeakHearsayFoundPastThePrefilter(t *testing.T) {
	for _, s := range []string{
		"IT IS SAID THAT the minister will resign.",
		"It Has Been Reported That the border is closed.",
		"Some People Believe the vote was rigged.",
		"MANY SAY the talks have failed.",
		"Rumours Suggest the deal is off.",
		"The envoy ReportedLy left the capital.",
		"Es heißt, it was claimed that the bridge fell.", // not ASCII: left to the expression
	} {
		a := &sift.Article{Text: s}
		found := false
		for _, g := range Signals(a) {
			found = found || g.Kind == AnonymousSource
		}
		if !found {
			t.Errorf("%q: no anonymous_source signal", s)
		}
	}
	// A sentence with "it" and a reporting verb but none of the
	// expression's words is not one it can match.
	if s := "It said the talks would go on."; mayMatchWeak(s) || anonymousWeak.MatchString(s) {
		t.Errorf("%q: may match %v, matches %v; want neither", s, mayMatchWeak(s), anonymousWeak.MatchString(s))
	}
}
