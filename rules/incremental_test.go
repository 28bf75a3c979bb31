package rules_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/asyncsense/asyncsense/rules"
	"github.com/asyncsense/asyncsense/rules/all"
	"github.com/asyncsense/asyncsense/syntax"
)

// snippets are what a person types inside a method: statements that create
// and remove findings, line breaks, and half-typed code that breaks the parse.
var snippets = []string{
	"\n", "\r\n", " ", "x", ";", "{", "}", "(", ")", "\"", "//", "/*", "*/",
	".Result", ".Wait();", "await ", "async ", "#pragma warning disable ASY001\n",
	"\n            var r = _repo.GetOrderAsync(1).Result;\n",
	"\n            Thread.Sleep(10);\n",
	"\n            await Task.Delay(1);\n",
	"\n        public void Added() { GetAsync().Wait(); }\n",
	"Task<int> ",
}

const stepsPerFile = 12

// TestUpdateMatchesRun edits the rule fixtures at random, mostly inside
// method bodies where Update stays incremental, and checks after every edit
// that the incremental Analysis equals Run on a fresh parse of the same text.
func TestUpdateMatchesRun(t *testing.T) {
	files, _ := filepath.Glob("*/testdata/*.cs")
	if len(files) == 0 {
		t.Skip("no fixtures")
	}
	// Every fixture would take a minute; a deterministic spread of them
	// covers every rule package's shapes well enough.
	limit := 30
	if testing.Short() {
		limit = 8
	}
	if len(files) > limit {
		spread := make([]string, 0, limit)
		for i := range limit {
			spread = append(spread, files[i*len(files)/limit])
		}
		files = spread
	}
	analyzers := all.Analyzers()
	ctx := context.Background()
	steps, incremental := 0, 0
	for fi, path := range files {
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		r := rand.New(rand.NewPCG(uint64(fi), 7))
		f := syntax.Parse(path, src)
		idx := rules.NewIndex()
		idx.Update(path, rules.ExtractFacts(f))
		a, err := rules.Analyze(ctx, f, idx, analyzers, nil)
		if err != nil {
			t.Fatal(err)
		}
		compare(t, 0, a, f, idx, analyzers)
		for step := 1; step <= stepsPerFile; step++ {
			e := randomEdit(r, f)
			next, err := f.Apply(ctx, []syntax.Edit{e})
			if err != nil {
				t.Fatal(err)
			}
			b, err := a.Update(ctx, next, []syntax.Edit{e}, idx, analyzers, nil)
			if err != nil {
				t.Fatal(err)
			}
			if !t.Run(fmt.Sprintf("%s/%d", filepath.Base(path), step), func(t *testing.T) {
				compare(t, step, b, next, idx, analyzers)
			}) {
				t.Logf("edit: %+v %q", e, e.NewText)
				return
			}
			f, a = next, b
			steps++
			if b.Partial() {
				incremental++
			}
		}
	}
	// Most edits land in bodies; if few stay partial, Update has become a
	// slow path to Analyze and the server's keystroke latency with it.
	if incremental < steps/4 {
		t.Fatalf("only %d of %d edits were analysed incrementally", incremental, steps)
	}
	t.Logf("%d of %d edits analysed incrementally", incremental, steps)
}

func randomEdit(r *rand.Rand, f *syntax.File) syntax.Edit {
	src := f.Src
	// Aim inside a block most of the time, where edits stay local.
	var start int
	blocks := bodiesOf(f)
	if len(blocks) > 0 && r.IntN(4) > 0 {
		b := blocks[r.IntN(len(blocks))]
		start = b[0] + 1 + r.IntN(max(1, b[1]-b[0]-1))
	} else {
		start = r.IntN(len(src) + 1)
	}
	end := start
	if r.IntN(3) == 0 {
		end = min(len(src), start+r.IntN(20))
	}
	text := ""
	if r.IntN(4) > 0 {
		text = snippets[r.IntN(len(snippets))]
	}
	for start > 0 && start < len(src) && (src[start]&0xC0) == 0x80 {
		start--
	}
	for end < len(src) && (src[end]&0xC0) == 0x80 {
		end++
	}
	if end < start {
		end = start
	}
	return syntax.Edit{Start: start, OldEnd: end, NewText: []byte(text)}
}

func bodiesOf(f *syntax.File) [][2]int {
	var out [][2]int
	f.Root().Walk(func(n syntax.Node) bool {
		if n.Kind() == "block" {
			out = append(out, [2]int{n.Start(), n.End()})
		}
		return true
	})
	return out
}

// compare checks got against Run on the same tree. tree-sitter's error
// recovery depends on history, so a tree with syntax errors can differ from
// a fresh parse of the same text (the server reparses such files when typing
// pauses); an error-free tree must not, and neither may its findings.
func compare(t *testing.T, step int, got *rules.Analysis, f *syntax.File, idx *rules.Index, analyzers []*rules.Analyzer) {
	t.Helper()
	want := rules.Run(context.Background(), f, idx, analyzers, nil)
	if !reflect.DeepEqual(render(got.Diagnostics), render(want.Diagnostics)) {
		t.Errorf("step %d: incremental analysis differs from Run on the same tree\n got: %s\nwant: %s",
			step, strings.Join(render(got.Diagnostics), "\n      "), strings.Join(render(want.Diagnostics), "\n      "))
	}
	if f.HasErrors() {
		return
	}
	fresh := rules.Run(context.Background(), syntax.Parse(f.Path, f.Src), idx, analyzers, nil)
	if !reflect.DeepEqual(render(got.Diagnostics), render(fresh.Diagnostics)) {
		t.Errorf("step %d: incremental analysis differs from Run on a fresh parse\n got: %s\nwant: %s",
			step, strings.Join(render(got.Diagnostics), "\n      "), strings.Join(render(fresh.Diagnostics), "\n      "))
	}
}

func render(ds []rules.Diagnostic) []string {
	out := []string{}
	for _, d := range ds {
		out = append(out, fmt.Sprintf("%s %d-%d %s %s %v", d.Rule, d.Start, d.End, d.Severity, d.Message, d.Fixes))
	}
	return out
}

func TestSameMembers(t *testing.T) {
	src := []byte("class C\n{\n    void A() { int x = 1; }\n    void B() { Foo(); }\n}\n")
	if !rules.SameMembers(syntax.Parse("a.cs", src), syntax.Parse("a.cs", src)) {
		t.Error("two parses of one text differ")
	}
	moved := []byte("class C\n{\n    void A() { int x = 1; }\n}\nclass D { void B() { Foo(); } }\n")
	if rules.SameMembers(syntax.Parse("a.cs", src), syntax.Parse("a.cs", moved)) {
		t.Error("a member that moved to another type went unnoticed")
	}
	broken := []byte("class C\n{\n    void A() { int x = 1 }\n    void B() { Foo(); }\n}\n")
	if rules.SameMembers(syntax.Parse("a.cs", src), syntax.Parse("a.cs", broken)) {
		t.Error("a syntax error went unnoticed")
	}
}
