package syntax

import (
	"context"
	"strings"
	"testing"
)

// A cancellable parse must give the same tree as a plain one, also for
// broken text where tree-sitter's error recovery runs: the server parses
// with a context, and a tree that changed from run to run would make
// findings flicker between identical versions of a document.
func TestCancellableParseIsDeterministic(t *testing.T) {
	body := strings.Repeat(`
    public async Task<int> LoadAsync(int id)
    {
        var order = await _repo.GetAsync(id).ConfigureAwait(false);
        if (order == null) { return -1; }
        return order.Lines.Sum(l => l.Quantity * l.Price);
    }
`, 40)
	broken := []string{
		"class C {" + body + "  void M( { var x = ; }\n}",
		"class C {" + body + "  async Task N() { await ; if (x { } }\n}",
		"class C {" + body[:len(body)/2] + "\n",
		"namespace N { class C {" + body + " public int P { get; set } ) }",
	}
	for i, text := range broken {
		want := sexp(Parse("a.cs", []byte(text)).Root())
		for run := 0; run < 10; run++ {
			ctx, cancel := context.WithCancel(context.Background())
			f, err := ParseCtx(ctx, "a.cs", []byte(text))
			cancel()
			if err != nil {
				t.Fatalf("text %d run %d: %v", i, run, err)
			}
			if got := sexp(f.Root()); got != want {
				t.Fatalf("text %d run %d: the cancellable parse differs from the plain one", i, run)
			}
		}
	}
}
