package syntax

import (
	"os"
	"path/filepath"
	"testing"
)

// queryKinds are the kinds rules dispatch on, plus identifiers (the memo of
// rules' method-group question) and a token kind.
var queryKinds = []string{
	"anonymous_method_expression", "arrow_expression_clause", "assignment_expression",
	"await_expression", "expression_statement", "for_statement", "foreach_statement",
	"if_statement", "implicit_object_creation_expression", "invocation_expression",
	"lambda_expression", "local_declaration_statement", "local_function_statement",
	"member_access_expression", "method_declaration", "object_creation_expression",
	"return_statement", "using_statement", "variable_declarator", "identifier",
	"using_directive", "class_declaration", "await", "no_such_kind",
}

type seen struct {
	start, end int
	kind       string
	err        bool
}

// TestNodesOfKindsMatchesWalk: the query finds exactly the nodes a Walk
// filtering by kind finds, in the same order, also inside broken code.
func TestNodesOfKindsMatchesWalk(t *testing.T) {
	dirs := []string{"testdata/incremental", "../rules/internal/realistic/testdata"}
	var paths []string
	for _, d := range dirs {
		filepath.WalkDir(d, func(p string, e os.DirEntry, err error) error {
			if err == nil && !e.IsDir() && filepath.Ext(p) == ".cs" {
				paths = append(paths, p)
			}
			return nil
		})
	}
	if len(paths) == 0 {
		t.Fatal("no test files")
	}
	want := map[string]bool{}
	for _, k := range queryKinds {
		want[k] = true
	}
	for _, p := range paths {
		src, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		// Whole, and cut at three points so ERROR and MISSING nodes appear.
		for _, cut := range []int{len(src), len(src) / 3, len(src) / 2, 2 * len(src) / 3} {
			f := Parse(p, src[:cut])
			compareKinds(t, p, cut, f.Root(), want)
			// From a member, as the incremental runner queries: the
			// member itself is a match.
			f.Root().NodesOfKinds([]string{"method_declaration"}, func(m Node) bool {
				compareKinds(t, p, cut, m, want)
				return true
			})
		}
	}
}

func compareKinds(t *testing.T, p string, cut int, top Node, want map[string]bool) {
	t.Helper()
	var walked, queried []seen
	top.Walk(func(n Node) bool {
		if want[n.Kind()] {
			walked = append(walked, seen{n.Start(), n.End(), n.Kind(), n.IsError() || n.IsMissing()})
		}
		return true
	})
	top.NodesOfKinds(queryKinds, func(n Node) bool {
		queried = append(queried, seen{n.Start(), n.End(), n.Kind(), n.IsError() || n.IsMissing()})
		return true
	})
	if len(walked) != len(queried) {
		t.Fatalf("%s cut %d under %s@%d: walk found %d nodes, query %d", p, cut, top.Kind(), top.Start(), len(walked), len(queried))
	}
	for i := range walked {
		if walked[i] != queried[i] {
			t.Fatalf("%s cut %d under %s@%d: node %d: walk %+v, query %+v", p, cut, top.Kind(), top.Start(), i, walked[i], queried[i])
		}
	}
}
