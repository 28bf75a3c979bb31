package syntax

import (
	"bytes"
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	sitter "github.com/smacker/go-tree-sitter"
)

// sexp renders every node (anonymous tokens too) by kind and byte range.
// Points are left out on purpose: smacker's Tree.Edit gets them wrong after
// an edit that changes the line count, and nothing in the engine reads them.
func sexp(n Node) string {
	c := sitter.NewTreeCursor(n.n)
	defer c.Close()
	var b []byte
	for {
		cur := c.CurrentNode()
		b = append(append(b, '('), cur.Type()...)
		b = strconv.AppendUint(append(b, ' '), uint64(cur.StartByte()), 10)
		b = strconv.AppendUint(append(b, ' '), uint64(cur.EndByte()), 10)
		if cur.IsMissing() {
			b = append(b, " MISSING"...)
		}
		if c.GoToFirstChild() {
			continue
		}
		b = append(b, ')')
		for !c.GoToNextSibling() {
			if !c.GoToParent() {
				return string(b)
			}
			b = append(b, ')')
		}
	}
}

// editGen produces edits a person typing C# makes, on the current text.
type editGen struct {
	r   *rand.Rand
	eol string
	// repair is an edit undoing an earlier breaking edit, offered on a
	// later step; its offset follows the edits made since.
	repair *Edit
}

var (
	typedChars = []string{"a", "x", "_", "1", " ", "(", ")", "{", "}", ";", ",", ".", "=", "<", ">", "\"", "'", "/", "*", "?", ":", "[", "]", "!", "&", "@", "$", "é", "名", "🙂"}
	typedWords = []string{"await ", "async ", "async", "Task", "var ", "return ", ".Result", ".Wait()", "ConfigureAwait(false)", "/*", "*/", "// ", "new ", "static ", "=> ", "bool async", "async: true", "(async)", "async)", "if (", "else", "$\"{x}\"", "@\"a\"\"b\"", "\"\"\""}
	typedLines = []string{
		"var result = await _orders.FindAsync(id, ct);",
		"_repo.SaveAllAsync().Wait();",
		"return Task.FromResult(async ? 1 : 2);",
		"public async Task<int> LoadAsync(bool async) { return await LoadCoreAsync(async: async, 1); }",
		"private int _count;",
		"if (x > 0) { Thread.Sleep(10); }",
		"// TODO: make this async",
		"var s = \"emoji 🙂 and 名前\";",
		"}",
		"{",
		"#if DEBUG",
		"#endif",
		"List<int> xs = [1, 2, 3];",
		"async void Handler(object s, EventArgs e) { await Task.Yield(); }",
	}
	breakers = []string{"{", "}", ";", ")", "(", "\""}
)

func (g *editGen) next(src []byte) Edit {
	if g.repair != nil && g.r.IntN(3) == 0 {
		e := *g.repair
		g.repair = nil
		return e
	}
	n := len(src)
	at := g.r.IntN(n + 1)
	for at < n && at > 0 && !isCharStart(src[at]) {
		at-- // never split a UTF-8 sequence: editors send whole characters
	}
	switch g.r.IntN(11) {
	case 0: // type a character
		return Edit{Start: at, OldEnd: at, NewText: []byte(typedChars[g.r.IntN(len(typedChars))])}
	case 1: // backspace over one to three characters
		end := at
		for k := 1 + g.r.IntN(3); k > 0 && end < n; k-- {
			end += charLen(src[end:])
		}
		return Edit{Start: at, OldEnd: end}
	case 2: // type a word
		return Edit{Start: at, OldEnd: at, NewText: []byte(typedWords[g.r.IntN(len(typedWords))])}
	case 3: // delete the word under the cursor
		s, e := at, at
		for s > 0 && isWordByte(src[s-1]) {
			s--
		}
		for e < n && isWordByte(src[e]) {
			e++
		}
		return Edit{Start: s, OldEnd: e}
	case 4: // paste a whole line before the current one
		ls := bytes.LastIndexAny(src[:at], "\r\n") + 1
		line := "        " + typedLines[g.r.IntN(len(typedLines))] + g.eol
		return Edit{Start: ls, OldEnd: ls, NewText: []byte(line)}
	case 5: // delete the current line with its line break
		ls := bytes.LastIndexAny(src[:at], "\r\n") + 1
		le := ls
		for le < n && src[le] != '\n' && src[le] != '\r' {
			le++
		}
		if le < n && src[le] == '\r' {
			le++
		}
		if le < n && src[le] == '\n' {
			le++
		}
		return Edit{Start: ls, OldEnd: le}
	case 6: // press Enter, sometimes with the other line ending
		eol := g.eol
		if g.r.IntN(4) == 0 {
			eol = map[string]string{"\n": "\r\n", "\r\n": "\n"}[eol]
		}
		return Edit{Start: at, OldEnd: at, NewText: []byte(eol + "    ")}
	case 7: // join two lines
		i := bytes.IndexAny(src[at:], "\r\n")
		if i < 0 {
			return Edit{Start: at, OldEnd: at}
		}
		s, e := at+i, at+i+1
		if src[s] == '\r' && e < n && src[e] == '\n' {
			e++
		}
		return Edit{Start: s, OldEnd: e}
	case 8: // break the syntax now and repair it on a later step
		for _, b := range g.r.Perm(len(breakers)) {
			if i := bytes.Index(src[at:], []byte(breakers[b])); i >= 0 && g.repair == nil {
				g.repair = &Edit{Start: at + i, OldEnd: at + i, NewText: []byte(breakers[b])}
				return Edit{Start: at + i, OldEnd: at + i + 1}
			}
		}
		return Edit{Start: at, OldEnd: at, NewText: []byte("{")}
	case 9: // edit right after an `async` token, which flips how prepare reads it
		idx := allIndex(src, "async")
		if len(idx) == 0 {
			return Edit{Start: at, OldEnd: at, NewText: []byte("async")}
		}
		p := idx[g.r.IntN(len(idx))] + 5
		if g.r.IntN(2) == 0 && p < n {
			return Edit{Start: p, OldEnd: p + charLen(src[p:])}
		}
		return Edit{Start: p, OldEnd: p, NewText: []byte([]string{")", " ", ",", " x", ";", "?"}[g.r.IntN(6)])}
	default: // replace a selection with a word
		end := min(n, at+g.r.IntN(12))
		for end < n && !isCharStart(src[end]) {
			end++
		}
		return Edit{Start: at, OldEnd: end, NewText: []byte(typedWords[g.r.IntN(len(typedWords))])}
	}
}

// shift moves the pending repair past e, or drops it when e touched it.
func (g *editGen) shift(e Edit) {
	if g.repair == nil {
		return
	}
	switch p := g.repair.Start; {
	case e.OldEnd <= p && !(e.Start == p && e.OldEnd == p && len(e.NewText) > 0 && g.repair != nil && e.NewText[0] == g.repair.NewText[0]):
		d := len(e.NewText) - (e.OldEnd - e.Start)
		g.repair.Start += d
		g.repair.OldEnd += d
	case e.Start > p:
	default:
		g.repair = nil
	}
}

func isCharStart(b byte) bool { return b&0xC0 != 0x80 }

func charLen(b []byte) int {
	i := 1
	for i < len(b) && !isCharStart(b[i]) {
		i++
	}
	return i
}

func allIndex(src []byte, word string) []int {
	var out []int
	for i := 0; ; {
		j := bytes.Index(src[i:], []byte(word))
		if j < 0 {
			return out
		}
		out = append(out, i+j)
		i += j + 1
	}
}

func applyEdit(src []byte, e Edit) []byte {
	out := append([]byte(nil), src[:e.Start]...)
	out = append(out, e.NewText...)
	return append(out, src[e.OldEnd:]...)
}

func incrementalBases(t *testing.T) map[string][]byte {
	paths, _ := filepath.Glob("testdata/incremental/*.cs")
	if len(paths) == 0 {
		t.Fatal("no base texts")
	}
	bases := map[string][]byte{}
	for _, p := range paths {
		src, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		name := filepath.Base(p)
		bases[name+" lf"] = src
		bases[name+" crlf bom"] = append([]byte("\xef\xbb\xbf"), bytes.ReplaceAll(src, []byte("\n"), []byte("\r\n"))...)
	}
	return bases
}

func TestIncrementalReparseMatchesFullParse(t *testing.T) {
	sequences := 200
	if testing.Short() {
		sequences = 30
	}
	bases := incrementalBases(t)
	names := make([]string, 0, len(bases))
	for n := range bases {
		names = append(names, n)
	}
	sortStrings(names)
	// Four parallel shards: the sequences are independent and the pool
	// hands each goroutine its own parser.
	const shards = 4
	for shard := 0; shard < shards; shard++ {
		t.Run(fmt.Sprintf("shard%d", shard), func(t *testing.T) {
			t.Parallel()
			for seq := shard; seq < sequences; seq += shards {
				runEditSequence(t, uint64(seq), names, bases)
			}
		})
	}
}

// runEditSequence applies 20 steps of random edits to one base text through
// Apply and compares the result with a full parse of the final text.
func runEditSequence(t *testing.T, seed uint64, names []string, bases map[string][]byte) {
	const steps = 20
	r := rand.New(rand.NewPCG(seed, 0x5eed))
	name := names[r.IntN(len(names))]
	eol := "\n"
	if strings.Contains(name, "crlf") {
		eol = "\r\n"
	}
	g := &editGen{r: r, eol: eol}
	want := bases[name]
	f := Parse(name, want)
	var log []string
	for step := 0; step < steps; step++ {
		// Sometimes several edits in one Apply, each on the previous result.
		batch := make([]Edit, 1+r.IntN(3)/2+r.IntN(2)*r.IntN(2))
		for i := range batch {
			batch[i] = g.next(want)
			g.shift(batch[i])
			want = applyEdit(want, batch[i])
		}
		log = append(log, fmt.Sprintf("%+q", fmtEdits(batch)))
		// Walking a tree costs as much as reparsing it; check that the
		// old File survives Apply on every fourth step.
		checkOld := step%4 == int(seed%4)
		var oldSrc []byte
		var oldTree string
		if checkOld {
			oldSrc, oldTree = append([]byte(nil), f.Src...), sexp(f.Root())
		}
		next, err := f.Apply(context.Background(), batch)
		if err != nil {
			t.Fatalf("seed %d: Apply: %v", seed, err)
		}
		if checkOld && (!bytes.Equal(f.Src, oldSrc) || sexp(f.Root()) != oldTree) {
			t.Fatalf("seed %d step %d: Apply changed the old File", seed, step)
		}
		if !bytes.Equal(next.Src, want) {
			t.Fatalf("seed %d step %d: text after Apply differs from the expected text", seed, step)
		}
		f = next
	}
	full := Parse(name, want)
	if got, exp := sexp(f.Root()), sexp(full.Root()); got != exp {
		t.Fatalf("seed %d (%s): incremental tree differs from a full parse at byte %d\nedits:\n%s\ntext:\n%s",
			seed, name, firstDiff(got, exp), strings.Join(log, "\n"), want)
	}
	if f.HasErrors() != full.HasErrors() {
		t.Fatalf("seed %d: HasErrors %v, full parse %v", seed, f.HasErrors(), full.HasErrors())
	}
}

// firstDiff turns the first differing position of two S-expressions into
// the source offset of the node where they part, to point at the culprit.
func firstDiff(a, b string) int {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	open := strings.LastIndexByte(a[:i], '(')
	var kind string
	var start int
	fmt.Sscanf(a[open:], "(%s %d", &kind, &start)
	return start
}

func fmtEdits(es []Edit) []string {
	var out []string
	for _, e := range es {
		out = append(out, fmt.Sprintf("[%d,%d)=%q", e.Start, e.OldEnd, e.NewText))
	}
	return out
}

func sortStrings(s []string) {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && s[j] < s[j-1]; j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
}

// The old File stays walkable after Apply, even while the new one is read:
// analyses of the previous version may still be running.
func TestApplyLeavesOldFileIntact(t *testing.T) {
	src := []byte("class C {\n    async Task M(bool async) { await X(async); }\n}\n")
	f := Parse("c.cs", src)
	before := sexp(f.Root())
	at := bytes.Index(src, []byte("await"))
	next, err := f.Apply(context.Background(), []Edit{
		{Start: at, OldEnd: at + len("await "), NewText: nil},
		{Start: 0, OldEnd: 0, NewText: []byte("// header\r\n")},
	})
	if err != nil {
		t.Fatal(err)
	}
	if sexp(f.Root()) != before || string(f.Src) != string(src) {
		t.Fatal("the old File changed")
	}
	if got := string(next.Src); !strings.HasPrefix(got, "// header\r\nclass C") || strings.Contains(got, "await") {
		t.Fatalf("new text %q", got)
	}
	if sexp(next.Root()) != sexp(Parse("c.cs", next.Src).Root()) {
		t.Fatal("new tree differs from a full parse")
	}
	count := 0
	f.Root().Walk(func(n Node) bool { count++; return true })
	if count == 0 || f.Root().Kind() != "compilation_unit" {
		t.Fatal("old tree not walkable")
	}
}

// An edit in one member can change how prepare reads another: deleting a
// brace in the #if branch makes the group unplaceable, so the #else branch
// is blanked. Reread names that branch for incremental analyses.
func TestApplyReportsRereadRanges(t *testing.T) {
	src := []byte("class C\n{\n#if NET\n    void A() { }\n#else\n    void B() { }\n#endif\n    void D() { }\n}\n")
	f := Parse("c.cs", src)
	if f.Reread() != nil {
		t.Fatal("a parsed File has no reread ranges")
	}
	brace := bytes.Index(src, []byte("{ }"))
	next, err := f.Apply(context.Background(), []Edit{{Start: brace + 2, OldEnd: brace + 3}})
	if err != nil {
		t.Fatal(err)
	}
	b := bytes.Index(next.Src, []byte("void B"))
	covered := false
	for _, r := range next.Reread() {
		if r[0] <= b && b < r[1] {
			covered = true
		}
		if r[0] < brace+2 && brace+2 < r[1] {
			t.Errorf("reread range %v overlaps the edit itself", r)
		}
	}
	if !covered {
		t.Fatalf("Reread() = %v does not cover the blanked `void B` at %d", next.Reread(), b)
	}
	if sexp(next.Root()) != sexp(Parse("c.cs", next.Src).Root()) {
		t.Fatal("tree differs from a full parse")
	}
}
