package rules

import (
	"testing"

	"github.com/asyncsense/asyncsense/syntax"
)

// functionNamed finds the method or local function called name.
func functionNamed(t *testing.T, f *syntax.File, name string) syntax.Node {
	t.Helper()
	fn := f.Root().Find(func(n syntax.Node) bool {
		return n.Is("method_declaration", "local_function_statement") && n.Field("name").Text() == name
	}, nil)
	if fn.IsNull() {
		t.Fatalf("no function %s", name)
	}
	return fn
}

func TestHasOwnAwait(t *testing.T) {
	f := syntax.Parse("a.cs", []byte(`
class C {
    async Task Expr() => await Task.Delay(1);
    async Task Foreach(IAsyncEnumerable<int> xs) { await foreach (var x in xs) { } }
    async Task UsingDecl(Stream s) { await using var r = s; }
    async Task UsingStmt(Stream s) { await using (s) { } }
    async Task Nested() { Func<Task> f = async () => await Task.Delay(1); async Task L() { await Task.Yield(); } }
    async Task Plain(IEnumerable<int> xs, Stream s) { foreach (var x in xs) { } using (s) { } using var r = s; }
    async Task InString() { Log($"{await Now()}"); }
}`))
	for name, want := range map[string]bool{
		"Expr": true, "Foreach": true, "UsingDecl": true, "UsingStmt": true,
		"Nested": false, "Plain": false, "InString": true, "L": true,
	} {
		if got := HasOwnAwait(functionNamed(t, f, name)); got != want {
			t.Errorf("HasOwnAwait(%s) = %v, want %v", name, got, want)
		}
	}
}

func TestTaskQualifier(t *testing.T) {
	for src, want := range map[string]string{
		"using System.Threading.Tasks;\nclass C { void M() { } }":                "",
		"global using System.Threading.Tasks;\nclass C { void M() { } }":         "",
		"namespace N { using System.Threading.Tasks; class C { void M() { } } }": "",
		"class C { Task M() => null; }":                                          "",
		"class C { void M() { var t = tcs.Task; } }":                             "System.Threading.Tasks.",
		"using static System.Threading.Tasks.Task;\nclass C { void M() { } }":    "System.Threading.Tasks.",
		"class C { System.Threading.Tasks.Task M() => null; }":                   "System.Threading.Tasks.",
	} {
		f := syntax.Parse("q.cs", []byte(src))
		if got := TaskQualifier(f.Root()); got != want {
			t.Errorf("TaskQualifier(%q) = %q, want %q", src, got, want)
		}
	}
}

func TestFluentCalls(t *testing.T) {
	f := syntax.Parse("m.cs", []byte(`
class T { void M() {
    repo.Setup(r => r.GetAsync(1)).ReturnsAsync(order);
    RuleFor(x => x.Id).NotEmpty().MustAsync(Exist);
    mailer.Received(1).SendAsync("a");
    mailer.DidNotReceive().Inner.SendAsync("b");
    client.SendAsync("c");
    Received(1);
} }`))
	type answer struct{ builder, verification bool }
	var got []answer
	f.Root().Walk(func(n syntax.Node) bool {
		if n.Kind() == "expression_statement" {
			call := n.NamedChild(0)
			got = append(got, answer{IsFluentBuilder(syntax.CalleeName(call)), OnVerificationChain(call)})
		}
		return true
	})
	want := []answer{{true, false}, {true, false}, {false, true}, {false, true}, {false, false}, {false, false}}
	if len(got) != len(want) {
		t.Fatalf("found %d statements, want %d", len(got), len(want))
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("statement %d: (builder, verification) = %v, want %v", i+1, got[i], want[i])
		}
	}
}

func TestIsMockingCall(t *testing.T) {
	f := syntax.Parse("m.cs", []byte(`
class T { void M() {
    repo.Setup(r => r.GetAsync(1)).ReturnsAsync(order);
    repo.Setup(r => r.SaveAsync(o)).ThrowsAsync(new Exception());
    mailer.Received(1).SendAsync("a");
    mailer.DidNotReceive().SendAsync("b");
    client.SendAsync("c");
    Assert.ThrowsAsync<Exception>(() => client.SendAsync("d"));
    ReturnsAsync(order);
} }`))
	var got []bool
	f.Root().Walk(func(n syntax.Node) bool {
		if n.Kind() == "expression_statement" {
			got = append(got, IsMockingCall(n.NamedChild(0)))
		}
		return true
	})
	want := []bool{true, true, true, true, false, false, false}
	if len(got) != len(want) {
		t.Fatalf("found %d statements, want %d", len(got), len(want))
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("statement %d: IsMockingCall = %v, want %v", i+1, got[i], want[i])
		}
	}
}
