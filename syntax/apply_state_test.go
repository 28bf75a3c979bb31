package syntax

import (
	"bytes"
	"context"
	"fmt"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
)

// gapsText exercises every rewrite of prepare at once, so random edits keep
// switching them on and off.
const gapsText = `namespace N;
public sealed class NotFound(string m) : Exception(m);
struct Empty;
public static class Ext
{
    extension(string s)
    {
        public bool IsBlank => s.Trim().Length == 0;
    }
    public static int[] None() { return []; }
    public static void Log(string format, params ReadOnlySpan<object?> args) { xs = ok ? [] : ys; }
    public async Task M(
#if NET
        CancellationToken ct
#else
        int x
#endif
    ) { order?.Status = Status.Paid; xs?[0] += 1; await Load(async: false, $"{async}"); }
#if DEBUG
    void A() { if (async) { } }
#else
    void B() { }
#endif
}
`

// gapPieces are edits that build or break the constructs prepare rewrites.
var gapPieces = []string{"[]", "[", "]", "?", "?.", " = ", ";", "class ", "struct ", "interface ", "extension", "params ",
	"#if X\n", "#else\n", "#elif Y\n", "#endif\n", "#if false\n", "async", "async)", "$\"{async}\"", "@\"async\"", "{", "}", "(", ")", "\n", "\r\n", "\ufeff"}

// TestApplyMatchesFullPrepare: what Apply carries from the old File to the
// new one instead of recomputing it (tokens and triggers, the prepared text
// and where it differs from the source, the line index, the text style and
// the reread ranges) must be exactly what a full computation on the new
// text gives, after every step of random edit sequences.
func TestApplyMatchesFullPrepare(t *testing.T) {
	sequences := 120
	if testing.Short() {
		sequences = 20
	}
	bases := incrementalBases(t)
	bases["gaps lf"] = []byte(gapsText)
	bases["gaps crlf bom"] = append([]byte("\xef\xbb\xbf"), strings.ReplaceAll(gapsText, "\n", "\r\n")...)
	names := make([]string, 0, len(bases))
	for n := range bases {
		names = append(names, n)
	}
	sortStrings(names)
	for seq := 0; seq < sequences; seq++ {
		r := rand.New(rand.NewPCG(uint64(seq), 0xa11))
		name := names[seq%len(names)]
		eol := "\n"
		if strings.Contains(name, "crlf") {
			eol = "\r\n"
		}
		g := &editGen{r: r, eol: eol}
		src := bases[name]
		f := Parse(name, src)
		checkDerived(t, f, nil, nil)
		for step := 0; step < 30; step++ {
			batch := make([]Edit, 1+r.IntN(5)/4)
			for i := range batch {
				if r.IntN(2) == 0 {
					at := r.IntN(len(src) + 1)
					for at < len(src) && at > 0 && !isCharStart(src[at]) {
						at--
					}
					end := at
					if r.IntN(3) == 0 {
						end = min(len(src), at+r.IntN(4))
						for end < len(src) && !isCharStart(src[end]) {
							end++
						}
					}
					batch[i] = Edit{Start: at, OldEnd: end, NewText: []byte(gapPieces[r.IntN(len(gapPieces))])}
				} else {
					batch[i] = g.next(src)
				}
				g.shift(batch[i])
				src = applyEdit(src, batch[i])
			}
			next, err := f.Apply(context.Background(), batch)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(next.Src, src) {
				t.Fatalf("%s seq %d step %d: text after Apply differs", name, seq, step)
			}
			checkDerived(t, next, f, batch)
			f = next
		}
	}
}

// checkDerived compares f's derived state with a full computation; old and
// edits, when given, made f, and the reread ranges are checked against the
// byte-by-byte comparison they stand for.
func checkDerived(t *testing.T, f, old *File, edits []Edit) {
	t.Helper()
	where := fmt.Sprintf("%q after %q", f.Path, fmtEdits(edits))
	// The reference visits every token, as prepare did before triggers.
	want, wantLx, _ := prepareWith(&gapText{src: bytes.Clone(f.Src), every: true}, nil)
	if !bytes.Equal(f.parsed, want) {
		t.Fatalf("%s: prepared text differs from a full prepare:\n got %q\nwant %q", where, f.parsed, want)
	}
	if !reflect.DeepEqual(f.lx.toks.flat(), wantLx.toks.flat()) {
		t.Fatalf("%s: tokens differ from a full tokenize", where)
	}
	checkRuns(t, f.lx.toks)
	blanked := f.Src // what the tokens were lexed from
	if bytes.HasPrefix(blanked, []byte("\xef\xbb\xbf")) {
		blanked = append([]byte("   "), blanked[3:]...)
	}
	var trig, got []trigger
	for k, tk := range wantLx.toks.flat() {
		if kind := triggerKind(blanked, tk); kind != 0 {
			trig = append(trig, trigger{k: int32(k), kind: kind})
		}
	}
	for _, tr := range f.lx.trig {
		got = append(got, trigger{k: tr.k, kind: tr.kind})
	}
	if len(got) != len(trig) || len(trig) > 0 && !reflect.DeepEqual(got, trig) {
		t.Fatalf("%s: triggers %v, want %v", where, f.lx.trig, trig)
	}
	var diffs []int32
	for i := range f.Src {
		if f.parsed[i] != f.Src[i] {
			diffs = append(diffs, int32(i))
		}
	}
	if !slicesEqual(f.diffs, diffs) {
		t.Fatalf("%s: diffs %v, want %v", where, f.diffs, diffs)
	}
	if len(diffs) == 0 && len(f.Src) > 0 && &f.parsed[0] != &f.Src[0] {
		t.Errorf("%s: an unchanged prepared text should be the source itself", where)
	}
	m := NewMapper(f.Src)
	if !reflect.DeepEqual(f.mapper.lineStarts, m.lineStarts) || f.mapper.bom != m.bom || !bytes.Equal(f.mapper.src, f.Src) {
		t.Fatalf("%s: mapper line starts %v, want %v", where, f.mapper.lineStarts, m.lineStarts)
	}
	if f.style != styleOf(f.Src) {
		t.Fatalf("%s: style %+v, want %+v", where, f.style, styleOf(f.Src))
	}
	if old == nil {
		return
	}
	seen := old.parsed
	for _, e := range edits {
		seen = applyEdit(seen, e)
	}
	var reread [][2]int
	for i := 0; i < len(f.parsed); i++ {
		if f.parsed[i] == seen[i] {
			continue
		}
		j := i + 1
		for j < len(f.parsed) && f.parsed[j] != seen[j] {
			j++
		}
		reread = append(reread, [2]int{i, j})
		i = j
	}
	if !reflect.DeepEqual(f.reread, reread) {
		t.Fatalf("%s: reread %v, want %v", where, f.reread, reread)
	}
}

func slicesEqual(a, b []int32) bool {
	return len(a) == len(b) && (len(a) == 0 || reflect.DeepEqual(a, b))
}
