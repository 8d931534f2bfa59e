package propaganda

import "strings"

// labels are the readable names of the techniques, for people; the exact
// names of Techniques stay in JSON and in links.
var labels = map[string]string{
	"Appeal_to_Authority":                         "Appeal to authority",
	"Appeal_to_fear-prejudice":                    "Appeal to fear or prejudice",
	"Bandwagon":                                   "Bandwagon",
	"Black-and-White_Fallacy":                     "Black-and-white fallacy",
	"Causal_Oversimplification":                   "Causal oversimplification",
	"Doubt":                                       "Doubt",
	"Exaggeration,Minimisation":                   "Exaggeration or minimisation",
	"Flag-Waving":                                 "Flag-waving",
	"Loaded_Language":                             "Loaded language",
	"Name_Calling,Labeling":                       "Name calling or labelling",
	"Obfuscation,Intentional_Vagueness,Confusion": "Obfuscation or intentional vagueness",
	"Red_Herring":                                 "Red herring",
	"Reductio_ad_hitlerum":                        "Reductio ad Hitlerum",
	"Repetition":                                  "Repetition",
	"Slogans":                                     "Slogans",
	"Straw_Men":                                   "Straw man",
	"Thought-terminating_Cliches":                 "Thought-terminating cliché",
	"Whataboutism":                                "Whataboutism",
}

// Label returns the readable name of a technique ("Name calling or
// labelling" for "Name_Calling,Labeling"), for text output and pages. A
// name that is not one of the 18 is shown with underscores as spaces and
// commas as " or ".
func Label(name string) string {
	if l, ok := labels[name]; ok {
		return l
	}
	return strings.ReplaceAll(strings.ReplaceAll(name, "_", " "), ",", " or ")
}
