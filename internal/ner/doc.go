// Package ner is sift's named-entity stage: it finds the people,
// organisations, places and other names of an article's text (CoNLL-2003
// conventions), gives each one canonical name through the alias table of
// internal/entity and records the titles introduced with people
// ("foreign minister").
//
// Names are tagged by a linear sequence model over hashed token features
// (BILOU tags, Viterbi decoding; model.go, features.go), trained on
// CoNLL-2003 and embedded as model.gz, then corrected by a gazetteer, the
// alias lexicon and document-level rules (gazetteer.go, lexicon.go,
// rules.go). Stage wraps it all as an analyze stage. Training and scoring
// the model are not run-time code and live in internal/ner/nertrain. See
// docs/entities.md.
package ner
