package syntax_test

import (
	"context"
	"strings"
	"testing"

	"github.com/asyncsense/asyncsense/rules"
	"github.com/asyncsense/asyncsense/rules/blockingwait"
	"github.com/asyncsense/asyncsense/syntax"
)

// For the gaps no rewrite closes, rules must keep working in the rest of
// the file: each file below has a broken spot holding a `.Result` (which
// must not be reported: the broken member cannot be trusted) and methods
// named Good elsewhere holding one each (which must be).
func TestRulesWorkAroundOpenGaps(t *testing.T) {
	cases := map[string]string{
		"anti-constraint on a method": `
class Svc
{
    public int Good() { return GetAsync().Result; }
    public void Bad<T>(T x) where T : allows ref struct { var r = GetAsync().Result; }
    public int Good2() { return GetAsync().Result; }
}`,
		"half-typed statement": `
class Svc
{
    public int Good() { return GetAsync().Result; }
    public void Bad() { var r = GetAsync().Result; var y = ; }
    public int Good2() { return GetAsync().Result; }
}`,
		"semicolon body against a comment": `
class Before
{
    public int Good() { return GetAsync().Result; }
}
class Marker : IMarker;// nothing inside
class After
{
    public int Good2() { return GetAsync().Result; }
}`,
		"receiver-only extension block": `
static class Ext
{
    public static int Good() => GetAsync().Result;
    extension(string)
    {
        // Only the header is broken; this member is whole and may be
        // reported.
        public static int GoodInside() => GetAsync().Result;
    }
}
class After
{
    public int Good2() { return GetAsync().Result; }
}`,
		"#if never closed in a signature": `
class Svc
{
    public int Good() { return GetAsync().Result; }
    public void Bad(
#if NET
        int x)
    { var r = GetAsync().Result; }
    public int Good2() { return GetAsync().Result; }
}`,
	}
	for name, src := range cases {
		t.Run(name, func(t *testing.T) {
			f := syntax.Parse("gap.cs", []byte(src))
			if !f.HasErrors() {
				t.Fatal("parses cleanly: no longer an open gap")
			}
			res := rules.Run(context.Background(), f, nil, []*rules.Analyzer{blockingwait.Analyzer}, nil)
			for _, err := range res.Internal {
				t.Fatal(err)
			}
			var broken [][2]int
			f.Root().Walk(func(n syntax.Node) bool {
				if n.IsError() || n.IsMissing() {
					broken = append(broken, [2]int{n.Start(), n.End()})
				}
				return true
			})
			goods := map[string]bool{}
			for _, d := range res.Diagnostics {
				for _, b := range broken {
					if d.Start < b[1] && b[0] < d.End || d.Start == b[0] {
						t.Errorf("finding %q at %d-%d touches the syntax error at %d-%d", d.Message, d.Start, d.End, b[0], b[1])
					}
				}
				m := enclosingMethod(f, d.Start)
				if !strings.HasPrefix(m, "Good") {
					t.Errorf("finding in %q, inside or next to the broken code: %s", m, d.Message)
				}
				goods[m] = true
			}
			if !goods["Good"] {
				t.Errorf("the finding in Good, before the broken code, is lost (got %d findings)", len(res.Diagnostics))
			}
			if !strings.Contains(name, "semicolon") && !goods["Good2"] {
				// After `class Marker : IMarker;//` the next class is read
				// as Marker's body with an ERROR in its header; its methods
				// are still found, but that is luck, not a promise.
				t.Errorf("the finding in Good2, after the broken code, is lost")
			}
		})
	}
}

// enclosingMethod names the method, local function or property whose
// declaration holds offset.
func enclosingMethod(f *syntax.File, offset int) string {
	n := f.DescendantAt(offset, offset+1)
	for ; !n.IsNull(); n = n.Parent() {
		if n.Is("method_declaration", "local_function_statement") {
			return n.Field("name").Text()
		}
	}
	return ""
}
