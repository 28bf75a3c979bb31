package lsp_test

import (
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"go.lsp.dev/protocol"

	"github.com/asyncsense/asyncsense/lsp"
)

// bigFile is a 10,000-line C# file of ordinary service code: 40 classes of
// 20 methods, awaits, LINQ, locals, with a blocking `.Result` in every 40th
// method. It returns the text and the 0-based lines of those findings.
func bigFile(lines int) (string, []int) {
	var b strings.Builder
	n := 0
	line := func(format string, args ...any) {
		fmt.Fprintf(&b, format+"\n", args...)
		n++
	}
	var findings []int
	line("using System;")
	line("using System.Collections.Generic;")
	line("using System.Linq;")
	line("using System.Threading.Tasks;")
	line("")
	line("namespace Big.Services")
	line("{")
	m := 0
	for c := 0; n < lines-30; c++ {
		line("    public class Service%d", c)
		line("    {")
		line("        private readonly Dictionary<int, string> _cache = new Dictionary<int, string>();")
		line("        public Task<int> FetchAsync(int id) => Task.FromResult(id);")
		line("")
		for k := 0; k < 20 && n < lines-30; k++ {
			m++
			line("        public async Task<int> Method%d(int x, IEnumerable<int> items)", m)
			line("        {")
			line("            var total = 0;")
			line("            foreach (var item in items.Where(i => i %% 2 == 0))")
			line("            {")
			line("                total += await FetchAsync(item + x);")
			line("            }")
			if m%40 == 0 {
				findings = append(findings, n)
				line("            var a%d = FetchAsync(%d).Result;", m, m)
			} else {
				line("            var a%d = await FetchAsync(%d);", m, m)
			}
			line("            _cache[x] = total.ToString();")
			line("            return total + a%d;", m)
			line("        }")
			line("")
		}
		line("    }")
		line("")
	}
	for n < lines-1 {
		line("    // padding")
	}
	line("}")
	return b.String(), findings
}

// BenchmarkKeystroke measures didChange -> publishDiagnostics on a
// 10,000-line file with the debounce off: each keystroke types or deletes
// one character before a finding, in a different method each time, so every
// change must be published (the finding moves).
func BenchmarkKeystroke(b *testing.B) {
	text, findings := bigFile(10000)
	opts := lsp.Options{}
	if path := os.Getenv("ASYNCSENSE_BENCH_LOG"); path != "" {
		f, err := os.Create(path)
		if err != nil {
			b.Fatal(err)
		}
		defer f.Close()
		opts.LogLevel, opts.Stderr = slog.LevelDebug, f
	}
	c := start(b, opts)
	c.published = make(chan *protocol.PublishDiagnosticsParams, 64)
	c.initialize("", map[string]any{"debounce": 0})
	path := filepath.Join(b.TempDir(), "Big.cs")
	uri := protocol.DocumentURI("file://" + filepath.ToSlash(path))
	c.open(uri, "csharp", text)
	first := c.waitDiagnostics(uri, time.Minute, func(p *protocol.PublishDiagnosticsParams) bool { return len(p.Diagnostics) > 0 })
	if len(first.Diagnostics) != len(findings) {
		b.Fatalf("%d findings, want %d", len(first.Diagnostics), len(findings))
	}
	if !c.srv.Settled(path, time.Minute) {
		b.Fatal("the server never settled after opening the file")
	}
	drain(c.published)
	version := int32(1)
	latencies := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		line := uint32(findings[(i/2)%len(findings)])
		pos := protocol.Position{Line: line, Character: 17} // inside `var aNNN`
		var ch change
		if i%2 == 0 {
			ch = change{rng: &protocol.Range{Start: pos, End: pos}, text: "x"}
		} else {
			end := pos
			end.Character++
			ch = change{rng: &protocol.Range{Start: pos, End: end}, text: ""}
		}
		version++
		t0 := time.Now()
		c.change(uri, version, ch)
		for p := range c.published {
			if p.URI == uri && p.Version == uint32(version) {
				break
			}
		}
		latencies = append(latencies, time.Since(t0))
	}
	b.StopTimer()
	report(b, latencies)
}

// BenchmarkInitToFirstDiagnostics measures a server's start: initialize,
// initialized, didOpen of a small file, until its first publish.
func BenchmarkInitToFirstDiagnostics(b *testing.B) {
	var latencies []time.Duration
	for i := 0; i < b.N; i++ {
		t0 := time.Now()
		c := start(b, lsp.Options{})
		c.initialize("", nil)
		c.open(ordersURI, "csharp", orders)
		c.waitDiagnostics(ordersURI, time.Minute, func(p *protocol.PublishDiagnosticsParams) bool { return len(p.Diagnostics) > 0 })
		latencies = append(latencies, time.Since(t0))
		c.conn.Close()
	}
	report(b, latencies)
}

func report(b *testing.B, d []time.Duration) {
	sort.Slice(d, func(i, j int) bool { return d[i] < d[j] })
	ms := func(q float64) float64 {
		return float64(d[min(len(d)-1, int(q*float64(len(d))))].Microseconds()) / 1000
	}
	b.ReportMetric(ms(0.5), "p50-ms")
	b.ReportMetric(ms(0.99), "p99-ms")
	b.ReportMetric(ms(1), "max-ms")
}

func drain(ch chan *protocol.PublishDiagnosticsParams) {
	for {
		select {
		case <-ch:
		default:
			return
		}
	}
}

// TestBigFileIsRealistic keeps the benchmark honest: the generated file
// parses without errors and its findings are where the benchmark types.
func TestBigFileIsRealistic(t *testing.T) {
	text, findings := bigFile(10000)
	if n := strings.Count(text, "\n"); n != 10000 {
		t.Fatalf("%d lines", n)
	}
	lines := strings.Split(text, "\n")
	for _, l := range findings {
		if !strings.HasPrefix(lines[l], "            var a") || !strings.Contains(lines[l], ".Result") {
			t.Fatalf("line %d is %q", l, lines[l])
		}
	}
	if os.Getenv("ASYNCSENSE_WRITE_BIG") != "" {
		os.WriteFile(os.Getenv("ASYNCSENSE_WRITE_BIG"), []byte(text), 0o644)
	}
}
