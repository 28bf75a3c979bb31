package syntax

import (
	"bytes"
	"context"
	"fmt"
	"testing"
)

// bigText is about 400 KB of ordinary service code in one namespace, like
// the server's keystroke benchmark: classes of async methods.
func bigText() []byte {
	var b bytes.Buffer
	b.WriteString("using System;\nusing System.Linq;\nusing System.Threading.Tasks;\n\nnamespace Big\n{\n")
	for c := 0; b.Len() < 400_000; c++ {
		fmt.Fprintf(&b, "    public class Service%d\n    {\n        public Task<int> FetchAsync(int id) => Task.FromResult(id);\n\n", c)
		for m := 0; m < 20; m++ {
			fmt.Fprintf(&b, `        public async Task<int> Method%d(int x, IEnumerable<int> items)
        {
            var total = 0;
            foreach (var item in items.Where(i => i %% 2 == 0))
            {
                total += await FetchAsync(item + x);
            }
            var a = await FetchAsync(%d);
            return total + a;
        }

`, m, m)
		}
		b.WriteString("    }\n\n")
	}
	b.WriteString("}\n")
	return b.Bytes()
}

// BenchmarkApplyKeystroke is one keystroke's Apply in the middle of a
// 400 KB file: type a character into a statement, then delete it. With a
// cancellable context, as the server parses.
func BenchmarkApplyKeystroke(b *testing.B) {
	src := bigText()
	at := len(src)/2 + bytes.Index(src[len(src)/2:], []byte("var a")) + 4 // inside a method body
	for _, tc := range []struct {
		name string
		ctx  func() (context.Context, context.CancelFunc)
	}{
		{"background", func() (context.Context, context.CancelFunc) { return context.Background(), func() {} }},
		{"cancellable", func() (context.Context, context.CancelFunc) { return context.WithCancel(context.Background()) }},
	} {
		b.Run(tc.name, func(b *testing.B) {
			f := Parse("big.cs", src)
			i := 0
			for b.Loop() {
				e := Edit{Start: at, OldEnd: at, NewText: []byte("x")}
				if i%2 == 1 {
					e = Edit{Start: at, OldEnd: at + 1}
				}
				i++
				ctx, cancel := tc.ctx()
				next, err := f.Apply(ctx, []Edit{e})
				cancel()
				if err != nil {
					b.Fatal(err)
				}
				f = next
			}
		})
	}
}
