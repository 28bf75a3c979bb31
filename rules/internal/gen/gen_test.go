package gen_test

import (
	"bytes"
	"context"
	"testing"

	"github.com/asyncsense/asyncsense/rules"
	"github.com/asyncsense/asyncsense/rules/all"
	"github.com/asyncsense/asyncsense/rules/internal/gen"
	"github.com/asyncsense/asyncsense/syntax"
)

func TestGenerateIsDeterministicAndSized(t *testing.T) {
	a, b := gen.Generate(7, 100_000), gen.Generate(7, 100_000)
	if !bytes.Equal(a, b) {
		t.Fatal("same seed, different output")
	}
	if bytes.Equal(a, gen.Generate(8, 100_000)) {
		t.Fatal("different seeds, same output")
	}
	if len(a) < 100_000 || len(a) > 120_000 {
		t.Fatalf("asked for ~100 KB, got %d bytes", len(a))
	}
}

// The corpus stands for real code: it must parse cleanly, or benchmarks
// would measure error recovery, and the rules must find its planted
// mistakes without crashing.
func TestGeneratedCodeParsesAndTriggersRules(t *testing.T) {
	fired := map[string]int{}
	for seed := uint64(1); seed <= 3; seed++ {
		src := gen.Generate(seed, 60_000)
		f := syntax.Parse("gen.cs", src)
		if f.HasErrors() {
			f.Root().Walk(func(n syntax.Node) bool {
				if n.IsError() || n.IsMissing() {
					line, _ := f.Mapper().Position(n.Start(), syntax.CodePoint)
					t.Errorf("seed %d: syntax error at line %d: %q", seed, line+1, n.Text())
					return false
				}
				return true
			})
			continue
		}
		idx := rules.NewIndex()
		idx.Update(f.Path, rules.ExtractFacts(f))
		res := rules.Run(context.Background(), f, idx, all.Analyzers(), nil)
		for _, err := range res.Internal {
			t.Errorf("seed %d: %v", seed, err)
		}
		for _, d := range res.Diagnostics {
			fired[d.Rule]++
		}
	}
	// The generator plants blocking waits, async void, Thread.Sleep in
	// async code, dropped tasks and async methods without await.
	for _, id := range []string{"ASY001", "ASY002", "ASY005"} {
		if fired[id] == 0 {
			t.Errorf("%s never fired on the generated code; findings: %v", id, fired)
		}
	}
	t.Logf("findings on 180 KB: %v", fired)
}

func TestFilesMakeAWorkspace(t *testing.T) {
	files := gen.Files(1, 200_000, 20_000)
	total := 0
	paths := map[string]bool{}
	for _, f := range files {
		total += len(f.Src)
		if paths[f.Path] {
			t.Errorf("duplicate path %s", f.Path)
		}
		paths[f.Path] = true
	}
	if len(files) < 8 || total < 200_000 {
		t.Fatalf("%d files, %d bytes", len(files), total)
	}
}
