package proptrain

import "sort"

// PRF is a precision, recall and F1 with partial-overlap credit, and the
// number of predicted and gold spans it was computed from.
type PRF struct {
	Precision float64
	Recall    float64
	F1        float64
	Pred      int
	Gold      int
}

// ScoreSpans is the span-identification score of SemEval-2020 Task 11
// (Da San Martino et al. 2020): techniques are ignored, overlapping spans of
// an article are merged (in gold and in predictions alike), and with S the
// predicted and T the gold spans,
//
//	P = 1/|S| Σ_s Σ_t |s∩t|/|s|    R = 1/|T| Σ_s Σ_t |s∩t|/|t|
//
// so that a prediction covering half of a gold span earns half credit.
func ScoreSpans(gold, pred []Annotation) PRF {
	strip := func(as []Annotation) []Annotation {
		out := make([]Annotation, len(as))
		for i, a := range as {
			a.Technique = ""
			out[i] = a
		}
		return out
	}
	return score(strip(gold), strip(pred))
}

// ScoreLabelled is the labelled score of Da San Martino et al. (EMNLP
// 2019): the same partial-overlap credit as ScoreSpans, but a predicted span
// earns credit only for gold spans of the same technique. Overlapping spans
// of one technique in one article are merged. With technique set, only
// spans of that technique count (the per-technique score); with technique
// empty, all do.
func ScoreLabelled(gold, pred []Annotation, technique string) PRF {
	if technique == "" {
		return score(gold, pred)
	}
	keep := func(as []Annotation) []Annotation {
		var out []Annotation
		for _, a := range as {
			if a.Technique == technique {
				out = append(out, a)
			}
		}
		return out
	}
	return score(keep(gold), keep(pred))
}

// group keys annotations by article and technique.
type groupKey struct{ article, technique string }

// mergeSpans groups annotations by article and technique and merges
// overlapping spans within each group.
func mergeSpans(as []Annotation) map[groupKey][]Annotation {
	m := map[groupKey][]Annotation{}
	for _, a := range as {
		if a.End <= a.Start {
			continue
		}
		k := groupKey{a.Article, a.Technique}
		m[k] = append(m[k], a)
	}
	for k, g := range m {
		sort.Slice(g, func(i, j int) bool { return g[i].Start < g[j].Start })
		out := g[:1]
		for _, a := range g[1:] {
			last := &out[len(out)-1]
			if a.Start < last.End {
				last.End = max(last.End, a.End)
				continue
			}
			out = append(out, a)
		}
		m[k] = out
	}
	return m
}

// score computes partial-overlap precision and recall between span sets
// that credit only pairs with the same article and technique.
func score(gold, pred []Annotation) PRF {
	g, p := mergeSpans(gold), mergeSpans(pred)
	var r PRF
	var precSum, recSum float64
	for _, spans := range g {
		r.Gold += len(spans)
	}
	// Sum in a fixed order: float addition is not associative, and
	// training compares these scores, so they must not depend on map order.
	keys := make([]groupKey, 0, len(p))
	for k := range p {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i].article != keys[j].article {
			return keys[i].article < keys[j].article
		}
		return keys[i].technique < keys[j].technique
	})
	for _, k := range keys {
		ps := p[k]
		r.Pred += len(ps)
		gs := g[k]
		for _, s := range ps {
			for _, t := range gs {
				inter := min(s.End, t.End) - max(s.Start, t.Start)
				if inter <= 0 {
					continue
				}
				precSum += float64(inter) / float64(s.End-s.Start)
				recSum += float64(inter) / float64(t.End-t.Start)
			}
		}
	}
	if r.Pred > 0 {
		r.Precision = precSum / float64(r.Pred)
	}
	if r.Gold > 0 {
		r.Recall = recSum / float64(r.Gold)
	}
	if r.Precision+r.Recall > 0 {
		r.F1 = 2 * r.Precision * r.Recall / (r.Precision + r.Recall)
	}
	return r
}
