package syntax

import (
	"math/rand"
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// retokenize must give exactly the tokens a full tokenize of the edited text
// gives, including for edits that open or close strings and comments, type
// a `#` at a line start, or join and split words.
func TestRetokenizeMatchesTokenize(t *testing.T) {
	// Found by FuzzPrepare: the lone `@` token's fate was decided by the
	// byte the edit inserted.
	for _, c := range []struct{ before, insert string }{{"x @$", "0"}, {"x @@$", "\""}, {"x $$", "\""}, {"x @", "y"}} {
		src := []byte(c.before)
		e := Edit{Start: len(src), OldEnd: len(src), NewText: []byte(c.insert)}
		after := append(append([]byte(nil), src...), c.insert...)
		got := retokenize(after, tokenize(src), e)
		if got == nil {
			got = tokenize(after)
		}
		if want := tokenize(after); !reflect.DeepEqual(got, want) {
			t.Errorf("%q + %q: retokenize %v, tokenize %v", c.before, c.insert, got, want)
		}
	}
	paths, _ := filepath.Glob("testdata/incremental/*.cs")
	if len(paths) == 0 {
		t.Fatal("no testdata/incremental/*.cs")
	}
	pieces := []string{"\"", "'", "//", "/*", "*/", "\n", "\r\n", "#if X\n", "#endif\n", "@\"", "$\"", "\"\"\"",
		"async", " ", "x", "{", "}", ";", "\\", "@", "$", "a\"b", "/", "*", ")", "async)"}
	rng := rand.New(rand.NewSource(7))
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		src := append([]byte(nil), data...)
		toks := tokenize(src)
		for step := 0; step < 300; step++ {
			start := rng.Intn(len(src) + 1)
			end := start + rng.Intn(min(8, len(src)-start)+1)
			insert := ""
			if rng.Intn(4) > 0 {
				insert = pieces[rng.Intn(len(pieces))]
			}
			e := Edit{Start: start, OldEnd: end, NewText: []byte(insert)}
			src = append(append(append([]byte(nil), src[:start]...), insert...), src[end:]...)
			got := retokenize(src, toks, e)
			if got == nil {
				got = tokenize(src)
			}
			want := tokenize(src)
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("%s step %d: edit %d-%d %q: retokenize differs from tokenize", filepath.Base(p), step, start, end, insert)
			}
			toks = got
		}
	}
}
