package syntax

import (
	"context"
	"testing"
	"unicode/utf8"
)

// FuzzPrepare: the rewrites before parsing never panic or loop, keep the
// length (every offset must stay valid in both texts), leave line breaks
// where a directive or `//` comment needs them, and an incremental Apply of
// any split of the text ends in the tree a full parse builds.
func FuzzPrepare(f *testing.F) {
	for _, s := range []string{
		"class X : Y;\nclass Z { }", "return ok ? [] : xs;", "a?.B = 1;", "void M(params ReadOnlySpan<int> xs) { }",
		"static class E { extension(string s) { } }", "void M(\n#if A\nint a\n#else\nlong a\n#endif\n) { }",
		"M($\"{async}\", $$\"\"\"{{async}}\"\"\", @$\"{(async ? 1 : 2)}\");", "bool async = x is [] ? [] : [..ys];",
		"\ufeffclass C { async Task M() { await X(); } }\r\n",
	} {
		f.Add([]byte(s), uint(len(s)/2))
	}
	f.Fuzz(func(t *testing.T, src []byte, cut uint) {
		if len(src) > 4<<10 {
			return
		}
		out := prepare(src)
		if len(out) != len(src) {
			t.Fatalf("prepare changed the length: %d -> %d", len(src), len(out))
		}
		for i := range src {
			// A line break may move right by one or go where a blank line
			// follows, but a directive line never loses the break before it.
			if src[i] == '#' && i > 0 && (src[i-1] == '\n') && out[i-1] != '\n' && out[i-1] != '\r' && out[i] == '#' {
				t.Fatalf("prepare removed the line break before the directive at %d: %q", i, out)
			}
		}
		full := Parse("f.cs", src)
		// Apply the text as two edits from an empty file: the reparse must
		// agree with the full parse, whatever prepare read in between.
		at := int(cut % uint(len(src)+1))
		for at > 0 && at < len(src) && !utf8.RuneStart(src[at]) {
			at--
		}
		half := Parse("f.cs", src[:at])
		edits := []Edit{{Start: at, OldEnd: at, NewText: src[at:]}}
		next, err := half.Apply(context.Background(), edits)
		if err != nil {
			t.Fatal(err)
		}
		// What Apply carried over (tokens, triggers, prepared text, line
		// index, reread ranges) is what a full computation gives.
		checkDerived(t, next, half, edits)
		if sexp(next.Root()) != sexp(full.Root()) {
			t.Fatalf("incremental tree differs from a full parse (cut at %d)", at)
		}
	})
}
