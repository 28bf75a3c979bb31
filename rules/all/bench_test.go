package all_test

import (
	"context"
	"syscall"
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
	// A quarter of one-file: where a per-call rescan of the file shows
	// without one-file's minutes per iteration.
	b.Run("file-256k", func(b *testing.B) {
		benchAnalyze(b, []gen.File{{Path: "gen.cs", Src: gen.Generate(1, 1<<18)}}, analyzers)
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
	start := cpuSeconds()
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
	reportCPU(b, total, start)
	b.ReportMetric(float64(findings), "findings")
}

// cpuSeconds is the process's user+system CPU time: on a shared machine
// wall-clock MB/s swings with the neighbours' load, CPU MB/s much less.
func cpuSeconds() float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return float64(ru.Utime.Nano()+ru.Stime.Nano()) / 1e9
}

// reportCPU adds MB per CPU-second for n bytes processed per iteration.
func reportCPU(b *testing.B, bytes int, start float64) {
	if used := cpuSeconds() - start; used > 0 {
		b.ReportMetric(float64(bytes)*float64(b.N)/1e6/used, "MB/cpu-s")
	}
}
