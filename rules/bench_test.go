package rules_test

import (
	"syscall"
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
	start := cpuSeconds()
	for b.Loop() {
		syntax.Parse("gen.cs", src)
	}
	reportCPU(b, len(src), start)
}

// BenchmarkExtractFacts is what indexing adds to a parse: one walk of the
// tree collecting declarations. The tree is parsed outside the timer; the
// bytes are the source's, so MB/s compares with BenchmarkParse.
func BenchmarkExtractFacts(b *testing.B) {
	src := gen.Generate(1, benchSize)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	var used float64
	for b.Loop() {
		b.StopTimer()
		// A fresh tree each time: smacker caches the nodes a walk visits,
		// and a warm cache would flatter the second walk.
		f := syntax.Parse("gen.cs", src)
		b.StartTimer()
		start := cpuSeconds()
		if facts := rules.ExtractFacts(f); len(facts.Methods) == 0 {
			b.Fatal("no methods found")
		}
		used += cpuSeconds() - start
	}
	if used > 0 {
		b.ReportMetric(float64(len(src))*float64(b.N)/1e6/used, "MB/cpu-s")
	}
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
