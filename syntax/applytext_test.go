package syntax

import (
	"context"
	"errors"
	"math/rand/v2"
	"testing"
)

// ApplyText gives what Apply gives, with the caller's text as Src, and
// refuses a text the edits do not make.
func TestApplyTextMatchesApply(t *testing.T) {
	ctx := context.Background()
	r := rand.New(rand.NewPCG(8, 1))
	src := []byte("class C\n{\n    async Task M(bool async) { await X(async); }\n}\n")
	f := Parse("t.cs", src)
	g := &editGen{r: r, eol: "\n"}
	for step := 0; step < 150; step++ {
		edits := make([]Edit, 1+r.IntN(3)/2)
		text := f.Src
		for i := range edits {
			edits[i] = g.next(text)
			g.shift(edits[i])
			text = applyEdit(text, edits[i])
		}
		want, err := f.Apply(ctx, edits)
		if err != nil {
			t.Fatal(err)
		}
		got, err := f.ApplyText(ctx, edits, text)
		if err != nil {
			t.Fatalf("step %d: %v", step, err)
		}
		if &got.Src[0] != &text[0] {
			t.Fatalf("step %d: Src is not the caller's text", step)
		}
		if sexp(got.Root()) != sexp(want.Root()) || string(got.parsed) != string(want.parsed) {
			t.Fatalf("step %d: ApplyText and Apply disagree", step)
		}
		checkDerived(t, got, f, edits)
		// A text off by one byte anywhere is refused.
		wrong := append([]byte(nil), text...)
		wrong[r.IntN(len(wrong))] ^= 1
		if _, err := f.ApplyText(ctx, edits, wrong); !errors.Is(err, ErrTextDiverged) {
			t.Fatalf("step %d: a wrong text was accepted (%v)", step, err)
		}
		if _, err := f.ApplyText(ctx, edits, append(text, ' ')); !errors.Is(err, ErrTextDiverged) {
			t.Fatalf("step %d: a longer text was accepted", step)
		}
		f = got
	}
	if _, err := f.ApplyText(ctx, nil, append([]byte(nil), f.Src...)); err != nil {
		t.Fatalf("no edits, same text: %v", err)
	}
	if _, err := f.ApplyText(ctx, nil, []byte("x")); !errors.Is(err, ErrTextDiverged) {
		t.Fatal("no edits, another text: accepted")
	}
}
