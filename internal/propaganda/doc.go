// Package propaganda is sift's techniques stage: it marks spans of the 18
// techniques of the Propaganda Techniques Corpus (PTC) in an article's
// text, each with a score and the evidence that made it fire, and adds
// article-level manipulation signals of its own (headline/body mismatch,
// claims stated as fact without attribution, anonymous sourcing).
//
// The detector is a set of logistic token and sentence taggers over hashed
// features (lexicons, valence, news word frequencies, context), with a
// sentence re-scorer and a technique classifier that gives a second opinion
// on every span; the trained model is embedded as techniques.model.gz.
// Profiles count techniques per 1,000 words per article and per outlet.
// Training and evaluation live in internal/propaganda/proptrain, which
// training.go serves. See docs/techniques.md.
package propaganda
