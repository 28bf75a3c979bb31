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
// fix (safe and unsafe) never panics, no rule fails internally, every edit
// lies inside the text, and the fixed text has no more syntax errors than
// the input. Seeds are the rules' fixtures plus testdata/fuzz/FuzzAnalyze.
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
		before, after := syntaxErrors(file), syntaxErrors(syntax.Parse("fuzz.cs", fixed))
		if after > before {
			var titles []string
			for _, a := range applied {
				titles = append(titles, a.Diagnostic.Rule+": "+a.Fix.Title)
			}
			t.Fatalf("fixes added syntax errors (%d -> %d): %q\ninput:\n%s\nfixed:\n%s", before, after, titles, src, fixed)
		}
	})
}

// syntaxErrors counts ERROR and MISSING nodes, an ERROR's insides not
// counted separately.
func syntaxErrors(f *syntax.File) int {
	n := 0
	f.Root().Walk(func(x syntax.Node) bool {
		if x.IsError() || x.IsMissing() {
			n++
			return false
		}
		return x.HasError()
	})
	return n
}
