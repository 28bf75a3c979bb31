package realistic

import (
	"context"
	"syscall"
	"testing"

	"github.com/asyncsense/asyncsense/rules"
	"github.com/asyncsense/asyncsense/rules/all"
	"github.com/asyncsense/asyncsense/rules/internal/corpus"
	"github.com/asyncsense/asyncsense/syntax"
)

// firstWave are the rules registered before the full catalogue landed; the
// "first-wave" run against "all" shows what the new rules cost.
var firstWave = map[string]bool{
	"ASY001": true, "ASY002": true, "ASY003": true, "ASY004": true, "ASY005": true, "ASY006": true,
	"ASY007": true, "ASY008": true, "ASY012": true, "ASY018": true, "ASY020": true, "ASY029": true,
}

// BenchmarkCorpus parses and analyses the realistic corpus (about 200 KB of
// hand-written C#) the way check does: the workspace index is built once,
// then every file is parsed and analysed per iteration.
func BenchmarkCorpus(b *testing.B) {
	files, err := corpus.Load("testdata")
	if err != nil {
		b.Fatal(err)
	}
	var first []*rules.Analyzer
	for _, a := range all.Analyzers() {
		if firstWave[a.ID] {
			first = append(first, a)
		}
	}
	b.Run("parse", func(b *testing.B) { bench(b, files, nil, nil) })
	b.Run("first-wave", func(b *testing.B) { bench(b, files, first, nil) })
	b.Run("all", func(b *testing.B) { bench(b, files, all.Analyzers(), nil) })
	b.Run("all-opt-in-on", func(b *testing.B) { bench(b, files, all.Analyzers(), corpus.AllOn(all.Analyzers())) })
}

// bench runs analyzers with cfg (nil: default severities, as check does;
// nil analyzers: parse only).
func bench(b *testing.B, files []*corpus.File, analyzers []*rules.Analyzer, cfg *rules.Config) {
	idx := corpus.Index(files...)
	total := 0
	for _, f := range files {
		total += len(f.Syn.Src)
	}
	b.SetBytes(int64(total))
	start := cpuSeconds()
	for b.Loop() {
		for _, f := range files {
			parsed := syntax.Parse(f.Syn.Path, f.Syn.Src)
			if analyzers != nil {
				rules.Run(context.Background(), parsed, idx, analyzers, cfg)
			}
		}
	}
	if used := cpuSeconds() - start; used > 0 {
		b.ReportMetric(float64(total)*float64(b.N)/1e6/used, "MB/cpu-s")
	}
}

// cpuSeconds is the process's user+system CPU time: on a shared machine
// wall-clock MB/s follows the neighbours' load, CPU MB/s much less.
func cpuSeconds() float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return float64(ru.Utime.Nano()+ru.Stime.Nano()) / 1e9
}
