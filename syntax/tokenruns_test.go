package syntax

import (
	"math/rand/v2"
	"reflect"
	"testing"
)

// checkRuns checks the shape tokenRuns keeps: runs in order and contiguous,
// none empty or longer than runMax, and, since every run an edit makes
// holds at least a quarter of runMax unless it is the last, not many more
// of them than the tokens need.
func checkRuns(t *testing.T, s tokenRuns) {
	t.Helper()
	k := 0
	for i, r := range s.runs {
		if r.first != k || len(r.toks) == 0 || len(r.toks) > runMax {
			t.Fatalf("run %d of %d: first %d (want %d), %d tokens", i, len(s.runs), r.first, k, len(r.toks))
		}
		k += len(r.toks)
	}
	if k != s.n {
		t.Fatalf("runs hold %d tokens, n is %d", k, s.n)
	}
	if len(s.runs) > s.n/(runMax/4)+2 {
		t.Fatalf("%d runs for %d tokens", len(s.runs), s.n)
	}
}

// Edits on a text of many runs, some deleting thousands of tokens or
// opening a comment that swallows the rest: the runs must always hold what
// tokenize gives, and searchEnd must find what a scan finds.
func TestTokenRunsMatchTokenize(t *testing.T) {
	src := bigText()[:200_000]
	s := runsOf(tokenize(src))
	pieces := []string{"x", " ", "/*", "*/", "\"", "\n", "{ a = b; }", "", "#if X\n"}
	r := rand.New(rand.NewPCG(9, 9))
	for step := 0; step < 300; step++ {
		at := r.IntN(len(src) + 1)
		end := min(len(src), at+r.IntN(6))
		if r.IntN(20) == 0 {
			end = min(len(src), at+r.IntN(40_000)) // a big deletion
		}
		e := Edit{Start: at, OldEnd: end, NewText: []byte(pieces[r.IntN(len(pieces))])}
		src = applyEdit(src, e)
		next, _, _, _, ok := relexTokens(src, s, e)
		if !ok {
			next = runsOf(tokenize(src))
		}
		want := tokenize(src)
		if !reflect.DeepEqual(next.flat(), want) {
			t.Fatalf("step %d: edit %q: tokens differ from tokenize", step, fmtEdits([]Edit{e}))
		}
		checkRuns(t, next)
		off := r.IntN(len(src) + 1)
		k := 0
		for k < len(want) && int(want[k].end) < off {
			k++
		}
		if got := next.searchEnd(off); got != k {
			t.Fatalf("step %d: searchEnd(%d) = %d, want %d", step, off, got, k)
		}
		s = next
	}
}
