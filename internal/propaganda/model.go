package propaganda

import ()

// Techniques are the 18 technique names of the Propaganda Techniques
// Corpus, spelled as in propaganda-techniques-names.txt.
var Techniques = [...]string{
	"Appeal_to_Authority",
	"Appeal_to_fear-prejudice",
	"Bandwagon",
	"Black-and-White_Fallacy",
	"Causal_Oversimplification",
	"Doubt",
	"Exaggeration,Minimisation",
	"Flag-Waving",
	"Loaded_Language",
	"Name_Calling,Labeling",
	"Obfuscation,Intentional_Vagueness,Confusion",
	"Red_Herring",
	"Reductio_ad_hitlerum",
	"Repetition",
	"Slogans",
	"Straw_Men",
	"Thought-terminating_Cliches",
	"Whataboutism",
}

// numTech is the number of techniques.
const numTech = len(Techniques)

// techIndex maps a technique name to its index in Techniques.
var techIndex = func() map[string]int {
	m := make(map[string]int, numTech)
	for i, n := range Techniques {
		m[n] = i
	}
	return m
}()

// IsTechnique reports whether name is one of the 18 technique names.
func IsTechnique(name string) bool {
	_, ok := techIndex[name]
	return ok
}

// Model is a trained technique detector. For every technique it has two
// logistic regressions over hashed features: a token tagger (does this token
// belong to a span of the technique?) and a sentence classifier (does this
// sentence hold such a span?). Training picks, per technique, whichever of
// the two finds its spans better, and a probability threshold: short,
// word-level techniques (loaded language, name calling) come out as runs of
// tagged tokens, clause-level ones (doubt, causal oversimplification) as
// whole sentences. A technique classifier (classify.go) gives a second
// opinion on the technique of every span found, shown in its evidence. A
// Model is read-only after training and safe for concurrent use.
type Model struct {
	// token[b*numTech+k] is the token tagger's weight of feature bucket b
	// for technique k; sent is the same for the sentence classifier. They
	// hold the weights while training and are nil in a decoded model.
	token, sent []float32
	// any is a sentence classifier for "some technique is used here"
	// (a weight per feature bucket). A sentence whose probability, once
	// re-scored (rescore), is above anyThreshold and in which no
	// technique fired becomes a span of the sentence classifier's most
	// likely technique.
	any []float32
	// class is the technique classifier (classify.go), laid out like token.
	class []float32
	// q holds the weights as used and stored: signed bytes.
	q quantized
	// thresholds[k] is the probability above which technique k fires.
	thresholds [numTech]float32
	// bySentence[k] says technique k is found by the sentence classifier.
	bySentence   [numTech]bool
	anyThreshold float32
	// rescore re-scores the "any" classifier's sentences from the first
	// stage's scores (rescore.go); nil in the models that only produce
	// scores for tuning.
	rescore *rescorer
	// news is how often words occur in news reporting: token features.
	news *NewsWords
}

// ModelFile is the name of the embedded model file in this package's
// directory, written by `sift train techniques`.
const ModelFile = "techniques.model.gz"
