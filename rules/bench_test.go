package rules_test

import (
	"testing"

	"github.com/asyncsense/asyncsense/rules"
	"github.com/asyncsense/asyncsense/rules/internal/gen"
	"github.com/asyncsense/asyncsense/syntax"
)

// benchSize is one large file, the size where parse cost is easy to read
// as MB/s. Compare these numbers with rules/all's BenchmarkParseAnalyze.
const benchSize = 1 << 20

// BenchmarkParse is the floor under every full scan: tree-sitter plus the
// same-length rewrites of syntax.prepare.
func BenchmarkParse(b *testing.B) {
	src := gen.Generate(1, benchSize)
	if syntax.Parse("gen.cs", src).HasErrors() {
		b.Fatal("generated code has syntax errors")
	}
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		syntax.Parse("gen.cs", src)
	}
}

// BenchmarkExtractFacts is what indexing adds to a parse: one walk of the
// tree collecting declarations. The tree is parsed outside the timer; the
// bytes are the source's, so MB/s compares with BenchmarkParse.
func BenchmarkExtractFacts(b *testing.B) {
	src := gen.Generate(1, benchSize)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		b.StopTimer()
		// A fresh tree each time: smacker caches the nodes a walk visits,
		// and a warm cache would flatter the second walk.
		f := syntax.Parse("gen.cs", src)
		b.StartTimer()
		if facts := rules.ExtractFacts(f); len(facts.Methods) == 0 {
			b.Fatal("no methods found")
		}
	}
}
