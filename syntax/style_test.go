package syntax

import (
	"bytes"
	"context"
	"math/rand/v2"
	"testing"
)

// The style Apply carries forward must be the one counted on the new text,
// through edits that make and break \r\n, \n\t and #pragma at their edges.
func TestApplyKeepsTextStyle(t *testing.T) {
	pieces := []string{"\r", "\n", "\t", "\r\n", "\n\t", "\r\n\t", "x", "", "\t\t", "#pragma", "#", "pragma", "#prag", "ma", "p"}
	r := rand.New(rand.NewPCG(3, 4))
	f := Parse("s.cs", []byte("class C\r\n{\n\tvoid M() { }\r\n}\n"))
	for step := 0; step < 400; step++ {
		at := r.IntN(len(f.Src) + 1)
		end := min(len(f.Src), at+r.IntN(4))
		edits := []Edit{{Start: at, OldEnd: end, NewText: []byte(pieces[r.IntN(len(pieces))])}}
		next, err := f.Apply(context.Background(), edits)
		if err != nil {
			t.Fatal(err)
		}
		if next.style != styleOf(next.Src) {
			t.Fatalf("step %d: style %+v after %q, want %+v", step, next.style, next.Src, styleOf(next.Src))
		}
		if next.CRLF() != (styleOf(next.Src).crlf > 0) || next.TabIndented() != (styleOf(next.Src).tabs > 0) ||
			next.MentionsPragma() != bytes.Contains(next.Src, []byte("#pragma")) {
			t.Fatal("accessors disagree with the counts")
		}
		f = next
	}
}
