package all_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/asyncsense/asyncsense/rules"
	"github.com/asyncsense/asyncsense/rules/all"
	"github.com/asyncsense/asyncsense/syntax"
)

// FuzzAnalyze: for any text, parsing, running every rule and applying every
// fix (safe and unsafe) never panics, no rule fails internally and every
// edit lies inside the text. A text that parses cleanly still does after
// its fixes. In a text that does not, no applied edit touches its ERROR or
// MISSING nodes; the error count itself is not compared there, because
// tree-sitter's recovery is not local: turning `async void` into `Task`
// after a broken class header re-shapes how the header is recovered (seed
// recovery_reshapes_after_fix). Seeds are the rules' fixtures plus
// testdata/fuzz/FuzzAnalyze.
func FuzzAnalyze(f *testing.F) {
	fixtures, _ := filepath.Glob("../*/testdata/*.cs")
	if len(fixtures) == 0 {
		f.Fatal("no rule fixtures to seed from")
	}
	for _, p := range fixtures {
		src, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(src)
	}
	analyzers := all.Analyzers()
	f.Fuzz(func(t *testing.T, src []byte) {
		// Error recovery on a large random input can take seconds and
		// teaches the fuzzer nothing a smaller one would not.
		if len(src) > 32<<10 {
			return
		}
		file := syntax.Parse("fuzz.cs", src)
		idx := rules.NewIndex()
		idx.Update(file.Path, rules.ExtractFacts(file))
		res := rules.Run(context.Background(), file, idx, analyzers, nil)
		for _, err := range res.Internal {
			t.Fatal(err)
		}
		for _, d := range res.Diagnostics {
			if d.Start < 0 || d.Start > d.End || d.End > len(src) {
				t.Fatalf("%s: range [%d,%d) outside a %d-byte text", d.Rule, d.Start, d.End, len(src))
			}
			for _, fix := range d.Fixes {
				for _, e := range fix.Edits {
					if e.Start < 0 || e.Start > e.End || e.End > len(src) {
						t.Fatalf("%s: fix %q edits [%d,%d) outside a %d-byte text", d.Rule, fix.Title, e.Start, e.End, len(src))
					}
				}
			}
		}
		fixed, applied := rules.ApplyFixes(src, res.Diagnostics, true)
		if len(applied) == 0 {
			return
		}
		broken := syntaxErrors(file)
		for _, a := range applied {
			for _, e := range a.Fix.Edits {
				for _, b := range broken {
					if inside(e.Start, e.End, b[0], b[1]) {
						t.Fatalf("%s: fix %q edits [%d,%d), inside the syntax error at [%d,%d)\ninput:\n%s", a.Diagnostic.Rule, a.Fix.Title, e.Start, e.End, b[0], b[1], src)
					}
				}
			}
		}
		if after := syntaxErrors(syntax.Parse("fuzz.cs", fixed)); len(broken) == 0 && len(after) > 0 {
			var titles []string
			for _, a := range applied {
				titles = append(titles, a.Diagnostic.Rule+": "+a.Fix.Title)
			}
			t.Fatalf("fixes broke a clean file (%d syntax errors): %q\ninput:\n%s\nfixed:\n%s", len(after), titles, src, fixed)
		}
	})
}

// syntaxErrors returns the ranges of ERROR and MISSING nodes, an ERROR's
// insides not listed separately.
func syntaxErrors(f *syntax.File) [][2]int {
	var out [][2]int
	f.Root().Walk(func(x syntax.Node) bool {
		if x.IsError() || x.IsMissing() {
			out = append(out, [2]int{x.Start(), x.End()})
			return false
		}
		return x.HasError()
	})
	return out
}

// inside reports whether [s,e) and [b0,b1) share an interior point; an empty
// range (an insertion, a MISSING token) counts when it lies strictly inside
// the other, not when it only touches its edge.
func inside(s, e, b0, b1 int) bool {
	switch {
	case s == e && b0 == b1:
		return s == b0
	case s == e:
		return b0 < s && s < b1
	case b0 == b1:
		return s < b0 && b0 < e
	}
	return max(s, b0) < min(e, b1)
}
