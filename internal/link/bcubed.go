package link

// BCubed scores a clustering against gold clusters with the B-cubed metric
// (Bagga and Baldwin, 1998): for each item, precision is the share of its
// predicted cluster that is in its gold cluster, and recall the share of
// its gold cluster that is in its predicted cluster; both are averaged over
// items and F1 is their harmonic mean. Only items present in both maps are
// scored; both maps go from item to cluster label.
func BCubed(pred, gold map[string]string) (precision, recall, f1 float64) {
	type pair struct{ p, g string }
	predSize := make(map[string]int)
	goldSize := make(map[string]int)
	both := make(map[pair]int)
	n := 0
	for item, p := range pred {
		g, ok := gold[item]
		if !ok {
			continue
		}
		n++
		predSize[p]++
		goldSize[g]++
		both[pair{p, g}]++
	}
	if n == 0 {
		return 0, 0, 0
	}
	for item, p := range pred {
		g, ok := gold[item]
		if !ok {
			continue
		}
		common := float64(both[pair{p, g}])
		precision += common / float64(predSize[p])
		recall += common / float64(goldSize[g])
	}
	precision /= float64(n)
	recall /= float64(n)
	if precision+recall > 0 {
		f1 = 2 * precision * recall / (precision + recall)
	}
	return precision, recall, f1
}
