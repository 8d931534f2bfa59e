package credit

import (
	"testing"

	"github.com/sift-news/sift"
)

func TestOutletFromText(t *testing.T) {
	for _, c := range []struct {
		name  string
		paras []string
		bp    []sift.Boilerplate
		want  string
	}{
		{"wire lead", []string{"KESSEL (Coast Wire) – The ferry ran again on Tuesday.", "It was late."}, nil, "Coast Wire"},
		{"wire lead with a date", []string{"PORT ALMA, March 3, 2019 (Harbour Post) - The ferry ran again.", "More."}, nil, "Harbour Post"},
		{"copyright footer set aside", []string{"The ferry ran again on Tuesday."}, []sift.Boilerplate{{Text: "© 2019 Island Courier. All rights reserved.", Reason: "copyright footer"}}, "Island Courier"},
		{"copyright in the last paragraph", []string{"The ferry ran again on Tuesday.", "Copyright © 2011-2019 Harbour Post"}, nil, "Harbour Post"},
		{"bare copyright", []string{"The ferry ran again on Tuesday.", "© TASS"}, nil, "TASS"},
		{"credit line", []string{"The ferry ran again on Tuesday.", "This article originally appeared on Island Courier."}, nil, "Island Courier"},
		{"source line", []string{"The ferry ran again on Tuesday.", "Source: Coast Wire"}, nil, "Coast Wire"},

		// Not the publisher.
		{"photo credit", []string{"The ferry ran again on Tuesday.", "© Ada Brunn/Coast Wire"}, nil, ""},
		{"caption credit", []string{"Passengers board the ferry on Tuesday. (Coast Wire)", "It was late."}, nil, ""},
		{"parenthesis in a sentence", []string{"The mayor (Green Party) - who spoke first - was pleased."}, nil, ""},
		{"source in a sentence", []string{"The ferry ran again.", "Source: a harbour official who asked not to be named said the ferry would run daily from now on"}, nil, ""},
		{"nothing", []string{"The ferry ran again on Tuesday."}, nil, ""},
	} {
		got, ok := Outlet(c.paras, c.bp)
		if got.Outlet != c.want || ok != (c.want != "") {
			t.Errorf("%s: Outlet = %q, %v; want %q", c.name, got.Outlet, ok, c.want)
		}
		if ok && got.Evidence == "" {
			t.Errorf("%s: no evidence", c.name)
		}
	}
}
