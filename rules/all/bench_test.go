package all_test

import (
	"context"
	"testing"

	"github.com/asyncsense/asyncsense/rules"
	"github.com/asyncsense/asyncsense/rules/all"
	"github.com/asyncsense/asyncsense/rules/internal/gen"
	"github.com/asyncsense/asyncsense/syntax"
)

// BenchmarkParseAnalyze is `check` on one file: parse, then every
// registered rule in the runner's single walk, with the file's own facts in
// the index. "one-file" is a 1 MB file (compare with rules' BenchmarkParse);
// "workspace" is the same volume as 20 KB files, the shape of real
// projects, where a rule that rescans its whole file per finding costs
// far less.
func BenchmarkParseAnalyze(b *testing.B) {
	analyzers := all.Analyzers()
	b.Run("one-file", func(b *testing.B) {
		benchAnalyze(b, []gen.File{{Path: "gen.cs", Src: gen.Generate(1, 1<<20)}}, analyzers)
	})
	b.Run("workspace", func(b *testing.B) {
		benchAnalyze(b, gen.Files(1, 1<<20, 20_000), analyzers)
	})
}

func benchAnalyze(b *testing.B, files []gen.File, analyzers []*rules.Analyzer) {
	idx := rules.NewIndex()
	total := 0
	for _, f := range files {
		idx.Update(f.Path, rules.ExtractFacts(syntax.Parse(f.Path, f.Src)))
		total += len(f.Src)
	}
	ctx := context.Background()
	b.SetBytes(int64(total))
	b.ReportAllocs()
	findings := 0
	for b.Loop() {
		findings = 0
		for _, f := range files {
			res := rules.Run(ctx, syntax.Parse(f.Path, f.Src), idx, analyzers, nil)
			if len(res.Internal) > 0 {
				b.Fatal(res.Internal[0])
			}
			findings += len(res.Diagnostics)
		}
	}
	b.ReportMetric(float64(findings), "findings")
}
