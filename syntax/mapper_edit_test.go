package syntax

import (
	"context"
	"math/rand/v2"
	"reflect"
	"testing"
)

// A Mapper derived from the previous one and an edit must index exactly
// what NewMapper indexes: edits that split and join \r\n pairs, leave a \r
// or \n at either end, add or remove a BOM, or replace everything.
func TestEditedMapperMatchesNewMapper(t *testing.T) {
	pieces := []string{"\r", "\n", "\r\n", "\n\r", "x", "", "名", "\ufeff", "\r\r\n\n", "a\rb"}
	r := rand.New(rand.NewPCG(5, 6))
	for seq := 0; seq < 40; seq++ {
		src := []byte("\ufeffa\r\nb\rc\nd\r")
		m := NewMapper(src)
		for step := 0; step < 60; step++ {
			at := r.IntN(len(src) + 1)
			end := min(len(src), at+r.IntN(4))
			if r.IntN(30) == 0 {
				at, end = 0, len(src)
			}
			e := Edit{Start: at, OldEnd: end, NewText: []byte(pieces[r.IntN(len(pieces))])}
			src = applyEdit(src, e)
			m = m.edited(src, e)
			want := NewMapper(src)
			if !reflect.DeepEqual(m.lineStarts, want.lineStarts) || m.bom != want.bom {
				t.Fatalf("seq %d step %d: after %q on %q: starts %v bom %d, want %v bom %d",
					seq, step, fmtEdits([]Edit{e}), src, m.lineStarts, m.bom, want.lineStarts, want.bom)
			}
		}
	}
	// Apply hands the derived Mapper on.
	f := Parse("m.cs", []byte("class C\r\n{\n}\n"))
	next, err := f.Apply(context.Background(), []Edit{{Start: 8, OldEnd: 9, NewText: []byte("\r")}})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := next.Mapper().lineStarts, NewMapper(next.Src).lineStarts; !reflect.DeepEqual(got, want) {
		t.Fatalf("Apply's Mapper starts %v, want %v", got, want)
	}
}
