package syntax

import (
	"strings"
	"testing"
)

func TestAsyncIdentifiersAreRenamedInPlace(t *testing.T) {
	cases := []struct {
		src, want string
	}{
		{"void M(bool async) { }", "void M(bool asyn_) { }"},
		{"Foo(async: false);", "Foo(asyn_: false);"},
		{"if (async) x(); else y();", "if (asyn_) x(); else y();"},
		{"return !async && b;", "return !asyn_ && b;"},
		{"var async = true;", "var asyn_ = true;"},
		{"x = async ? 1 : 2;", "x = asyn_ ? 1 : 2;"},
		{"Run(cancel, async);", "Run(cancel, asyn_);"},
		// Modifiers stay.
		{"public async Task M() { }", "public async Task M() { }"},
		{"Func<Task> f = async () => await X();", "Func<Task> f = async () => await X();"},
		{"x.ForEach(async item => await Y(item));", "x.ForEach(async item => await Y(item));"},
		{"Action a = async delegate { await Z(); };", "Action a = async delegate { await Z(); };"},
		{"async /* c */ Task M() {}", "async /* c */ Task M() {}"},
		// Strings, comments and verbatim identifiers are left alone.
		{`s = "async;"; // async)`, `s = "async;"; // async)`},
		{`s = @"a ""async"","; t = $"{x} async;";`, `s = @"a ""async"","; t = $"{x} async;";`},
		{`s = """async;""";`, `s = """async;""";`},
		{"M(@async);", "M(@async);"},
		{"c = '\"'; M(async);", "c = '\"'; M(asyn_);"},
		// Shapes from npgsql, EF Core and SqlClient, which thread a
		// `bool async` through one implementation of sync and async APIs.
		{"Task<int> ReadCore(bool async, CancellationToken ct = default)", "Task<int> ReadCore(bool asyn_, CancellationToken ct = default)"},
		{"await conn.OpenAsync(async: false, ct);", "await conn.OpenAsync(asyn_: false, ct);"},
		{"var n = async ? await r.ReadAsync(ct) : r.Read();", "var n = asyn_ ? await r.ReadAsync(ct) : r.Read();"},
		{"return (async ? await SendAsync() : Send());", "return (asyn_ ? await SendAsync() : Send());"},
		{"if (async && ct.CanBeCanceled) { }", "if (asyn_ && ct.CanBeCanceled) { }"},
		{"Execute(async, (async) ? 1 : 2);", "Execute(asyn_, (asyn_) ? 1 : 2);"},
		{"x = async switch { true => 1, _ => 2 }; y = async is true;", "x = asyn_ switch { true => 1, _ => 2 }; y = asyn_ is true;"},
		{"Func<bool, Task> f = async async => await Run(async);", "Func<bool, Task> f = async asyn_ => await Run(asyn_);"},
		{"Log($\"async={async}, n={n:D2}\"); Log($@\"{(async ? 1 : 2)}\");", "Log($\"async={asyn_}, n={n:D2}\"); Log($@\"{(asyn_ ? 1 : 2)}\");"},
		{"Log($$\"\"\"{{async}} {async}\"\"\");", "Log($$\"\"\"{{asyn_}} {async}\"\"\");"},
		{"Log($\"{{async}}\");", "Log($\"{{async}}\");"},
		{"M(async /* why */, 1); M(async: async);", "M(asyn_ /* why */, 1); M(asyn_: asyn_);"},
		{"public static async Task Main() { }", "public static async Task Main() { }"},
		{"async Task<(int a, bool b)> M() { }", "async Task<(int a, bool b)> M() { }"},
		{"var t = async (int x) => await Y(x);", "var t = async (int x) => await Y(x);"},
	}
	for _, c := range cases {
		if got := string(prepare([]byte(c.src))); got != c.want {
			t.Errorf("prepare(%q)\n got %q\nwant %q", c.src, got, c.want)
		}
	}
}

func TestAsyncIdentifierParsesCleanly(t *testing.T) {
	src := `class C {
    public async Task<int> ReadAsync(bool async, CancellationToken ct) {
        if (async) { return await ReadCoreAsync(async: true, ct); }
        return ReadCoreAsync(async: false, ct).GetAwaiter().GetResult();
    }
}`
	f := Parse("c.cs", []byte(src))
	if !rawHasErrors(t, src) {
		t.Fatal("the pinned grammar parses `async` identifiers now; the rewrite can go")
	}
	if f.HasErrors() {
		t.Fatalf("still has syntax errors: %s", f.Root().n.String())
	}
	var names []string
	f.Root().Walk(func(n Node) bool {
		if n.Kind() == "identifier" && n.Text() == "async" {
			names = append(names, n.Text())
		}
		return true
	})
	if len(names) != 4 {
		t.Errorf("want 4 identifiers reading `async` from the original text, got %d", len(names))
	}
}

func TestBOMParses(t *testing.T) {
	f := Parse("bom.cs", []byte("\xef\xbb\xbfclass C { void M() { } }\r\n"))
	if f.HasErrors() || !strings.HasPrefix(string(f.Src), "\xef\xbb\xbf") {
		t.Fatal("BOM file did not parse cleanly or lost its BOM")
	}
}
