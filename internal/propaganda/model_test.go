package propaganda

import (
	"math/rand/v2"
	"testing"
)

// TestAddQRowsAddsSignedBytes checks addQRows, which adds eight weights at
// a time, against adding the signed bytes one by one, with extreme weights
// and with more rows than its 16-bit sums hold at once.
func TestAddQRowsAddsSignedBytes(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	const rows = 64
	table := make([]byte, rows*numTech)
	for i := range table {
		table[i] = byte(rng.IntN(256))
	}
	for k := 0; k < numTech; k++ {
		table[k], table[numTech+k], table[2*numTech+k] = 0x7f, 0x80, 0x81 // 127, -128, -127
	}
	for _, n := range []int{0, 1, 3, 255, 256, 257, 700} {
		feats := make([]uint32, n)
		for i := range feats {
			feats[i] = uint32(rng.IntN(rows))
			if n >= 256 && i%2 == 0 {
				feats[i] = uint32(i / 2 % 3) // runs of the extreme rows
			}
		}
		var got, want [numTech]int32
		got[3], want[3] = 5, 5
		addQRows(&got, table, feats)
		for _, h := range feats {
			for k := 0; k < numTech; k++ {
				want[k] += int32(int8(table[int(h)*numTech+k]))
			}
		}
		if got != want {
			t.Fatalf("%d rows: got %v, want %v", n, got, want)
		}
	}
}
