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
