package lsp_test

import (
	"context"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf16"
	"unicode/utf8"

	"go.lsp.dev/protocol"

	"github.com/asyncsense/asyncsense/lsp"
	"github.com/asyncsense/asyncsense/rules"
	"github.com/asyncsense/asyncsense/rules/all"
	"github.com/asyncsense/asyncsense/syntax"
)

// typing are the insertions of the random sessions: line breaks of both
// kinds, findings appearing and disappearing, half-typed code, non-ASCII.
var typing = []string{
	"\n", "\r\n", "\n\n", " ", "x", ";", "{", "}", "(", ")", "\"", "/*", "*/", "//",
	".Result", ".Wait()", "await ", "async ", "é", "名", "🙂",
	"\n        var r = _repo.GetOrderAsync(1).Result;\n",
	"\n        _repo.SaveAsync(null).Wait();\n",
}

// TestIncrementalSessions types at random into open documents through
// didChange (several changes per notification, ranges in UTF-16 computed by
// the client) and checks that the server ends up with the client's text,
// the tree and the findings of a fresh parse of that text.
func TestIncrementalSessions(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("..", "rules", "blockingwait", "testdata", "orders.cs"))
	if err != nil {
		t.Fatal(err)
	}
	sessions := 6
	if testing.Short() {
		sessions = 2
	}
	for seed := range sessions {
		t.Run(fmt.Sprint(seed), func(t *testing.T) {
			text := string(src)
			if seed%2 == 1 {
				text = strings.ReplaceAll(text, "\n", "\r\n")
			}
			runSession(t, uint64(seed), text)
		})
	}
}

func runSession(t *testing.T, seed uint64, text string) {
	c := start(t, lsp.Options{LogLevel: slog.LevelDebug})
	c.initialize("", map[string]any{"debounce": 0})
	path := filepath.Join(t.TempDir(), "Orders.cs")
	uri := protocol.DocumentURI("file://" + filepath.ToSlash(path))
	c.open(uri, "cs", text)
	r := rand.New(rand.NewPCG(seed, 42))
	version := int32(1)
	for step := 0; step < 25; step++ {
		var changes []change
		for range 1 + r.IntN(3) {
			start := runeBoundary(text, r.IntN(len(text)+1))
			end := start
			if r.IntN(3) == 0 {
				end = runeBoundary(text, min(len(text), start+r.IntN(12)))
			}
			ins := ""
			if r.IntN(5) > 0 {
				ins = typing[r.IntN(len(typing))]
			}
			rng := protocol.Range{Start: lspPos(text, start), End: lspPos(text, end)}
			changes = append(changes, change{rng: &rng, text: ins})
			text = text[:start] + ins + text[end:]
		}
		version++
		c.change(uri, version, changes...)
		if step%10 == 0 {
			time.Sleep(30 * time.Millisecond) // let an analysis finish mid-session
		}
	}
	full := syntax.Parse(path, []byte(text))
	wantTree := lsp.SExpr(full)
	deadline := time.Now().Add(10 * time.Second)
	for {
		v, got, tree, ok := c.srv.DocumentState(path)
		if ok && v == version && string(got) == text && tree == wantTree {
			break
		}
		if time.Now().After(deadline) {
			cctx, cancel := context.WithCancel(context.Background())
			sliced, _ := syntax.ParseCtx(cctx, path, []byte(text))
			cancel()
			t.Fatalf("server state never matched the client: version %d/%d, text equal %v, tree equal %v, sliced==full %v, sliced==server %v\nlog:\n%s",
				v, version, string(got) == text, tree == wantTree, lsp.SExpr(sliced) == wantTree, lsp.SExpr(sliced) == tree, c.logText())
		}
		time.Sleep(20 * time.Millisecond)
	}
	idx := rules.NewIndex()
	idx.Update(path, rules.ExtractFacts(full))
	res := rules.Run(context.Background(), full, idx, all.Analyzers(), nil)
	m := syntax.NewMapper([]byte(text))
	var want []string
	for _, d := range res.Diagnostics {
		sl, sc := m.Position(d.Start, syntax.UTF16)
		el, ec := m.Position(d.End, syntax.UTF16)
		want = append(want, fmt.Sprintf("%s %d:%d-%d:%d", d.Rule, sl, sc, el, ec))
	}
	render := func(p *protocol.PublishDiagnosticsParams) []string {
		var out []string
		for _, d := range p.Diagnostics {
			out = append(out, fmt.Sprintf("%v %d:%d-%d:%d", d.Code, d.Range.Start.Line, d.Range.Start.Character, d.Range.End.Line, d.Range.End.Character))
		}
		return out
	}
	var last []string
	deadline = time.Now().Add(10 * time.Second)
	for {
		c.mu.Lock()
		p := c.diags[uri]
		c.mu.Unlock()
		// A publish identical to the previous one is skipped, so the last
		// one may carry an older version; its content is what counts.
		if p != nil {
			last = render(p)
			if fmt.Sprint(last) == fmt.Sprint(want) {
				t.Logf("%d findings after %d versions", len(want), version)
				return
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("published findings differ from a fresh analysis\n got: %v\nwant: %v\nserver index: %s\ntest index: %+v\nlog:\n%s", last, want,
				c.srv.IndexedMethods("GetOrderAsync"), idx.Methods("GetOrderAsync"), c.logText())
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func runeBoundary(s string, i int) int {
	for i > 0 && i < len(s) && !utf8.RuneStart(s[i]) {
		i--
	}
	// Never split a CRLF: editors treat it as one line break.
	if i > 0 && i < len(s) && s[i-1] == '\r' && s[i] == '\n' {
		i--
	}
	return i
}

// lspPos is the client's own conversion of a byte offset to a UTF-16 position.
func lspPos(text string, off int) protocol.Position {
	before := text[:off]
	line := strings.Count(before, "\n") + strings.Count(strings.ReplaceAll(before, "\r\n", ""), "\r")
	start := strings.LastIndexAny(before, "\r\n") + 1
	return protocol.Position{Line: uint32(line), Character: uint32(len(utf16.Encode([]rune(before[start:]))))}
}
