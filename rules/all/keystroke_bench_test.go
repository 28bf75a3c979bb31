package all_test

import (
	"bytes"
	"context"
	"fmt"
	"testing"

	"github.com/asyncsense/asyncsense/rules"
	"github.com/asyncsense/asyncsense/rules/all"
	"github.com/asyncsense/asyncsense/syntax"
)

// keystrokeText is about 400 KB of service code shaped like the server's
// keystroke benchmark (lsp's BenchmarkKeystroke): classes of async methods,
// a blocking `.Result` in every 40th.
func keystrokeText() []byte {
	var b bytes.Buffer
	b.WriteString("using System;\nusing System.Collections.Generic;\nusing System.Linq;\nusing System.Threading.Tasks;\n\nnamespace Big.Services\n{\n")
	m := 0
	for c := 0; b.Len() < 400_000; c++ {
		fmt.Fprintf(&b, "    public class Service%d\n    {\n", c)
		b.WriteString("        private readonly Dictionary<int, string> _cache = new Dictionary<int, string>();\n")
		b.WriteString("        public Task<int> FetchAsync(int id) => Task.FromResult(id);\n\n")
		for k := 0; k < 20; k++ {
			m++
			wait := "await FetchAsync(%d)"
			if m%40 == 0 {
				wait = "FetchAsync(%d).Result"
			}
			fmt.Fprintf(&b, `        public async Task<int> Method%d(int x, IEnumerable<int> items)
        {
            var total = 0;
            foreach (var item in items.Where(i => i %% 2 == 0))
            {
                total += await FetchAsync(item + x);
            }
            var a%d = `+wait+`;
            _cache[x] = total.ToString();
            return total + a%d;
        }

`, m, m, m, m)
		}
		b.WriteString("    }\n\n")
	}
	b.WriteString("}\n")
	return b.Bytes()
}

// BenchmarkUpdateKeystroke is the analysis share of one keystroke in a
// 400 KB file: Analysis.Update after typing or deleting a character inside
// a method, each time in another method. The reparse is outside the timer.
// "defaults" runs the rules on by default, "every-rule" all of them.
func BenchmarkUpdateKeystroke(b *testing.B) {
	b.Run("defaults", func(b *testing.B) { benchUpdate(b, nil) })
	every := &rules.Config{Severities: map[string]rules.Severity{}}
	for _, a := range all.Analyzers() {
		every.Severities[a.ID] = rules.Warning
	}
	b.Run("every-rule", func(b *testing.B) { benchUpdate(b, every) })
}

func benchUpdate(b *testing.B, cfg *rules.Config) {
	src := keystrokeText()
	analyzers := all.Analyzers()
	ctx := context.Background()
	f := syntax.Parse("big.cs", src)
	idx := rules.NewIndex()
	idx.Update("big.cs", rules.ExtractFacts(f.Clone()))
	a, err := rules.Analyze(ctx, f.Clone(), idx, analyzers, cfg)
	if err != nil {
		b.Fatal(err)
	}
	var sites []int
	for i := 0; ; {
		j := bytes.Index(src[i:], []byte(".Result;"))
		if j < 0 {
			break
		}
		sites = append(sites, bytes.LastIndex(src[:i+j], []byte("var a"))+5)
		i += j + 1
	}
	if len(sites) == 0 {
		b.Fatal("no sites")
	}
	i := 0
	for b.Loop() {
		b.StopTimer()
		// Insert before the site, then delete it again: the site's offset
		// stays valid for every later keystroke.
		at := sites[(i/2)%len(sites)]
		e := syntax.Edit{Start: at, OldEnd: at, NewText: []byte("x")}
		if i%2 == 1 {
			e = syntax.Edit{Start: at, OldEnd: at + 1}
		}
		i++
		next, err := f.Apply(ctx, []syntax.Edit{e})
		if err != nil {
			b.Fatal(err)
		}
		f = next
		clone := f.Clone()
		b.StartTimer()
		a, err = a.Update(ctx, clone, []syntax.Edit{e}, idx, analyzers, cfg)
		if err != nil || !a.Partial() {
			b.Fatalf("update: %v, partial %v", err, a != nil && a.Partial())
		}
	}
}
