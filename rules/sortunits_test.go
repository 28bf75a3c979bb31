package rules

import (
	"math/rand/v2"
	"sort"
	"testing"
)

// sortUnits must order exactly as the stable sort it replaces, for a sorted
// run followed by a few stragglers (Update's case) and for any order.
func TestSortUnitsIsStableSort(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for round := 0; round < 500; round++ {
		n := r.IntN(60)
		units := make([]*unit, n)
		for i := range units {
			start := r.IntN(20)
			units[i] = &unit{start: start, end: start + r.IntN(5)}
		}
		if round%2 == 0 {
			// Sorted but for a tail, as Update hands them over.
			tail := r.IntN(4)
			head := units[:max(0, n-tail)]
			sort.SliceStable(head, func(i, j int) bool {
				return head[i].start < head[j].start || head[i].start == head[j].start && head[i].end > head[j].end
			})
		}
		want := append([]*unit(nil), units...)
		sort.SliceStable(want, func(i, j int) bool {
			if want[i].start != want[j].start {
				return want[i].start < want[j].start
			}
			return want[i].end > want[j].end
		})
		sortUnits(units)
		for i := range want {
			if units[i] != want[i] {
				t.Fatalf("round %d: position %d holds another unit than a stable sort puts there", round, i)
			}
		}
	}
}
