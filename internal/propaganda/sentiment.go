package propaganda

import (
	"bufio"
	"bytes"
	"strconv"
	"strings"

	vader "github.com/jonreiter/govader/data"
)

// The sentiment lexicon of VADER (C. J. Hutto and E. Gilbert, "VADER: A
// Parsimonious Rule-based Model for Sentiment Analysis of Social Media
// Text", ICWSM 2014): about 7,500 English words, each rated from -4
// (extremely negative) to +4 by ten people. Loaded language is emotive
// language, so how strongly a word is felt is a feature of every token and
// sentence. The lexicon comes from the Go port github.com/jonreiter/govader
// (MIT licence); only its data package is used.
const vaderAsset = "rawdata/vaderLexicon.txt"

// Valence bins, stored in bits valenceShift.. of wordInfo.
const (
	valenceShift = 24
	valenceMask  = 7 << valenceShift
)

// valenceNames name the bins 1–6 in evidence.
var valenceNames = [7]string{"", "mildly negative word", "negative word", "strongly negative word",
	"mildly positive word", "positive word", "strongly positive word"}

// valenceBins reads the VADER lexicon into word → bin: 0 for words it
// does not rate, 1–3 for mildly, clearly and strongly negative ones
// (below 0, -1.5 and -2.5), 4–6 for positive ones likewise.
func valenceBins() map[string]uint32 {
	data, err := vader.Asset(vaderAsset)
	if err != nil {
		// The asset is compiled into the dependency; tests would
		// fail at once if it went missing.
		panic("propaganda: VADER lexicon: " + err.Error())
	}
	out := make(map[string]uint32, 7600)
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		word, rest, ok := strings.Cut(sc.Text(), "\t")
		if !ok {
			continue
		}
		score, _, _ := strings.Cut(rest, "\t")
		v, err := strconv.ParseFloat(score, 64)
		if err != nil {
			continue
		}
		var bin uint32
		switch {
		case v <= -2.5:
			bin = 3
		case v <= -1.5:
			bin = 2
		case v < 0:
			bin = 1
		case v >= 2.5:
			bin = 6
		case v >= 1.5:
			bin = 5
		case v > 0:
			bin = 4
		}
		if bin != 0 {
			out[word] = bin
		}
	}
	return out
}

// valenceBin returns the valence bin of a token (0: not rated).
func valenceBin(t *token) byte {
	return byte(t.info & valenceMask >> valenceShift)
}
