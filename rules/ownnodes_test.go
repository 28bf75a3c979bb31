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

// The runner's query on a member stands in for the query on each function's
// body (memberScope): for every function of every member of every fixture,
// the same nodes as the reference; a function outside the member is left to
// the query.
func TestMemberScopeMatchesEnclosingFunction(t *testing.T) {
	files, _ := filepath.Glob("*/testdata/*.cs")
	extra := []string{"invocation_expression", "member_access_expression", "identifier"}
	functions := 0
	for _, path := range files {
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		f := syntax.Parse(path, src)
		var members []syntax.Node
		f.Root().Walk(func(n syntax.Node) bool {
			if memberKinds[n.Kind()] {
				members = append(members, n)
				return false
			}
			return true
		})
		for mi, member := range members {
			var nodes []syntax.Node
			member.NodesOfKinds(append(scopeKinds(), extra...), func(n syntax.Node) bool {
				nodes = append(nodes, n)
				return true
			})
			sc := &memberScope{member: member, nodes: nodes}
			member.NodesOfKinds(syntax.FunctionKinds(), func(fn syntax.Node) bool {
				if !syntax.IsFunction(fn) {
					return true
				}
				functions++
				want := ownNodesByParent(fn, ownIndexKinds)
				var got []syntax.Node
				if !sc.ownNodes(fn, func(n syntax.Node) bool { got = append(got, n); return true }) {
					t.Fatalf("%s: %s at %d: the scope of its own member declined it", path, fn.Kind(), fn.Start())
				}
				if len(got) != len(want) {
					t.Fatalf("%s: %s at %d: %d own nodes from the scope, want %d", path, fn.Kind(), fn.Start(), len(got), len(want))
				}
				for i := range want {
					if !got[i].Same(want[i]) {
						t.Fatalf("%s: %s at %d: node %d differs", path, fn.Kind(), fn.Start(), i)
					}
				}
				// Another member's scope must decline it.
				if other := members[(mi+1)%len(members)]; len(members) > 1 && !other.Contains(fn) {
					osc := &memberScope{member: other}
					if osc.ownNodes(fn, func(syntax.Node) bool { return true }) {
						t.Fatalf("%s: %s at %d: another member's scope answered for it", path, fn.Kind(), fn.Start())
					}
				}
				return true
			})
		}
	}
	if functions < 100 {
		t.Fatalf("only %d functions", functions)
	}
}
