package rules

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/asyncsense/asyncsense/syntax"
)

// ownNodesByParent is OwnNodesOfKinds as it was: every match of a query on
// the body, kept when its enclosing function is fn. The reference for the
// stack of nested functions and the per-function index.
func ownNodesByParent(fn syntax.Node, kinds []string) []syntax.Node {
	body := syntax.Body(fn)
	if body.IsNull() || syntax.IsFunction(body) {
		return nil
	}
	var out []syntax.Node
	body.NodesOfKinds(kinds, func(n syntax.Node) bool {
		if syntax.EnclosingFunction(n).Same(fn) {
			out = append(out, n)
		}
		return true
	})
	return out
}

// Every function of every rule fixture, with kinds answered from the index
// and kinds that need a query of their own (functions among them): the
// same nodes in the same order as the parent-walking reference.
func TestOwnNodesOfKindsMatchesEnclosingFunction(t *testing.T) {
	files, _ := filepath.Glob("*/testdata/*.cs")
	if len(files) == 0 {
		t.Fatal("no fixtures")
	}
	kindSets := [][]string{ownAwaitKinds, {"yield_statement"}, {"return_statement", "await_expression"},
		{"lambda_expression", "invocation_expression"}, {"local_function_statement", "identifier", "arrow_expression_clause"}}
	functions, nonEmpty := 0, 0
	for _, path := range files {
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		f := syntax.Parse(path, src)
		f.Root().NodesOfKinds(syntax.FunctionKinds(), func(fn syntax.Node) bool {
			if !syntax.IsFunction(fn) {
				return true
			}
			functions++
			for _, kinds := range kindSets {
				want := ownNodesByParent(fn, kinds)
				var got []syntax.Node
				OwnNodesOfKinds(fn, kinds, func(n syntax.Node) bool {
					got = append(got, n)
					return true
				})
				if len(want) > 0 {
					nonEmpty++
				}
				if len(got) != len(want) {
					t.Fatalf("%s: %s at %d, kinds %v: %d own nodes, want %d", path, fn.Kind(), fn.Start(), kinds, len(got), len(want))
				}
				for i := range want {
					if !got[i].Same(want[i]) {
						t.Fatalf("%s: %s at %d, kinds %v: node %d is %s at %d, want %s at %d", path, fn.Kind(), fn.Start(),
							kinds, i, got[i].Kind(), got[i].Start(), want[i].Kind(), want[i].Start())
					}
				}
			}
			return true
		})
	}
	if functions < 100 || nonEmpty < 100 {
		t.Fatalf("only %d functions, %d non-empty answers: the fixtures do not exercise this", functions, nonEmpty)
	}
	t.Logf("%d functions, %d non-empty answers in %d files", functions, nonEmpty, len(files))
}
