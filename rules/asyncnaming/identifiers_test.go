package asyncnaming

import (
	"maps"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/asyncsense/asyncsense/syntax"
)

// identifiersNamedByWalk is how renameEdits found the identifiers before:
// a walk of every node under scope.
func identifiersNamedByWalk(scope syntax.Node, name string) []syntax.Node {
	var out []syntax.Node
	scope.Walk(func(n syntax.Node) bool {
		if n.Kind() == "identifier" && n.Text() == name {
			out = append(out, n)
		}
		return true
	})
	return out
}

// For every identifier text of every rule fixture (and a few that are
// only parts of words, comments or strings), in the whole file and in each
// method: the same nodes, in the same order, as the walk.
func TestIdentifiersNamedMatchesWalk(t *testing.T) {
	files, _ := filepath.Glob("../*/testdata/*.cs")
	if len(files) < 20 {
		t.Fatalf("only %d fixtures", len(files))
	}
	checked := 0
	for _, path := range files {
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		f := syntax.Parse(path, src)
		names := map[string]bool{"Async": true, "Task": true, "a": true, "await": true, "x": true}
		var scopes []syntax.Node
		f.Root().Walk(func(n syntax.Node) bool {
			switch n.Kind() {
			case "identifier":
				names[n.Text()] = true
			case "method_declaration":
				scopes = append(scopes, n)
			}
			return true
		})
		scopes = append(scopes[max(0, len(scopes)-2):], f.Root())
		sorted := slices.Sorted(maps.Keys(names))
		step := max(1, len(sorted)/12) // a spread of names keeps the walks affordable
		for k := 0; k < len(sorted); k += step {
			name := sorted[k]
			for _, scope := range scopes {
				want := identifiersNamedByWalk(scope, name)
				got := identifiersNamed(scope, name)
				if len(got) != len(want) {
					t.Fatalf("%s: %q under %s at %d: %d identifiers, want %d", path, name, scope.Kind(), scope.Start(), len(got), len(want))
				}
				for i := range want {
					if !got[i].Same(want[i]) {
						t.Fatalf("%s: %q: identifier %d differs", path, name, i)
					}
				}
				checked += len(want)
			}
		}
	}
	if checked < 500 {
		t.Fatalf("only %d identifiers compared", checked)
	}
}
