package lsp_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"

	"github.com/asyncsense/asyncsense/lsp"
)

// orders is a CRLF file whose finding sits after an emoji (two UTF-16 code
// units, four bytes) and CJK text (one unit, three bytes each) on its line,
// so a byte or code-point column would be visibly wrong.
const orders = "using System.Threading.Tasks;\r\n" +
	"\r\n" +
	"namespace Shop\r\n" +
	"{\r\n" +
	"    public class Orders\r\n" +
	"    {\r\n" +
	"        public Task<int> CountAsync() => Task.FromResult(1);\r\n" +
	"\r\n" +
	"        public async Task<int> TotalAsync()\r\n" +
	"        {\r\n" +
	"            var label = \"🙂 注文\"; var n = CountAsync().Result;\r\n" +
	"            return n + await CountAsync();\r\n" +
	"        }\r\n" +
	"    }\r\n" +
	"}\r\n"

const ordersURI = protocol.DocumentURI("file:///work/shop/Orders.cs")

func TestEndToEnd(t *testing.T) {
	c := start(t, lsp.Options{})
	result := c.initialize("", nil)
	caps, _ := result["capabilities"].(map[string]any)
	if sync, _ := caps["textDocumentSync"].(map[string]any); sync["change"] != float64(2) {
		t.Errorf("textDocumentSync = %v, want incremental (2)", caps["textDocumentSync"])
	}

	c.open(ordersURI, "csharp", orders)
	p := c.waitDiagnostics(ordersURI, 5*time.Second, func(p *protocol.PublishDiagnosticsParams) bool { return len(p.Diagnostics) > 0 })
	if len(p.Diagnostics) != 1 {
		t.Fatalf("diagnostics = %+v, want one ASY001", p.Diagnostics)
	}
	d := p.Diagnostics[0]
	want := locate(t, orders, "CountAsync().Result")
	wantEnd := want
	wantEnd.Character += utf16Col("CountAsync().Result")
	if d.Range.Start != want || d.Range.End != wantEnd {
		t.Errorf("range = %+v, want %+v-%+v (UTF-16 columns after 🙂 and CJK text)", d.Range, want, wantEnd)
	}
	if d.Code != "ASY001" || d.Source != "asyncsense" || d.Severity != protocol.DiagnosticSeverityWarning {
		t.Errorf("diagnostic = code %v source %q severity %v", d.Code, d.Source, d.Severity)
	}
	if p.Version != 1 {
		t.Errorf("published version %d, want 1", p.Version)
	}

	h := c.hover(ordersURI, want.Line, want.Character+3)
	if h == nil || !strings.Contains(h.Contents.Value, "ASY001") || !strings.Contains(h.Contents.Value, "Why is this bad?") || h.Contents.Kind != protocol.Markdown {
		t.Errorf("hover on the finding = %+v", h)
	}

	aw := locate(t, orders, "await CountAsync()")
	h = c.hover(ordersURI, aw.Line, aw.Character+2)
	if h == nil || !strings.Contains(h.Contents.Value, "await") {
		t.Errorf("hover on await = %+v", h)
	}
	if h := c.hover(ordersURI, 0, 2); h != nil {
		t.Errorf("hover on `using` = %+v, want null", h)
	}

	actions, err := c.server.CodeAction(context.Background(), &protocol.CodeActionParams{
		TextDocument: protocol.TextDocumentIdentifier{URI: ordersURI},
		Range:        d.Range,
		Context:      protocol.CodeActionContext{Diagnostics: []protocol.Diagnostic{d}},
	})
	if err != nil {
		t.Fatal(err)
	}
	var fix *protocol.CodeAction
	var titles []string
	for i, a := range actions {
		titles = append(titles, a.Title)
		if a.Kind == protocol.QuickFix && a.IsPreferred {
			fix = &actions[i]
		}
	}
	if fix == nil || len(fix.Edit.DocumentChanges) != 1 || *fix.Edit.DocumentChanges[0].TextDocument.Version != 1 {
		t.Fatalf("no preferred quick fix pinned to version 1 among %q", titles)
	}
	if !strings.Contains(strings.Join(titles, "|"), "Suppress ASY001 on this line") {
		t.Errorf("no suppression among %q", titles)
	}
	fixed := applyEdits(t, orders, fix.Edit.DocumentChanges[0].Edits)
	if !strings.Contains(fixed, "var n = await CountAsync();") {
		t.Fatalf("fix produced:\n%s", fixed)
	}
	c.change(ordersURI, 2, change{text: fixed})
	c.waitDiagnostics(ordersURI, 5*time.Second, func(p *protocol.PublishDiagnosticsParams) bool {
		return p.Version == 2 && len(p.Diagnostics) == 0
	})

	// Robustness: garbage on the wire, methods nobody implements, positions
	// and documents that do not exist. The server must answer each sanely
	// and keep serving.
	c.raw.inject("Content-Length: 9\r\n\r\n{garbage}")
	c.raw.inject("this is not a header\r\n\r\n")
	c.raw.inject("Content-Length: 2\r\n\r\n[]")
	var res any
	_, err = c.conn.Call(context.Background(), "asyncsense/noSuchMethod", map[string]any{}, &res)
	var rpcErr *jsonrpc2.Error
	if !errors.As(err, &rpcErr) || rpcErr.Code != jsonrpc2.MethodNotFound {
		t.Errorf("unknown method: err = %v, want MethodNotFound", err)
	}
	if err := c.conn.Notify(context.Background(), "$/noSuchNotification", nil); err != nil {
		t.Fatal(err)
	}
	if h := c.hover(ordersURI, 9999, 0); h != nil {
		t.Errorf("hover past the end = %+v, want null", h)
	}
	if h := c.hover(ordersURI, 2, 9999); h != nil {
		t.Errorf("hover past the end of a line = %+v, want null", h)
	}
	if h := c.hover("file:///nowhere/Unknown.cs", 0, 0); h != nil {
		t.Errorf("hover on an unknown document = %+v, want null", h)
	}
	if h := c.hover("untitled:Untitled-1", 0, 0); h != nil {
		t.Errorf("hover on an untitled document = %+v, want null", h)
	}
	aw = locate(t, fixed, "await CountAsync()")
	if h := c.hover(ordersURI, aw.Line, aw.Character); h == nil {
		t.Error("the server stopped answering hovers after the garbage")
	}

	if err := c.server.Shutdown(context.Background()); err != nil {
		t.Fatal(err)
	}
	if err := c.server.Exit(context.Background()); err != nil {
		t.Fatal(err)
	}
	select {
	case code := <-c.code:
		if code != 0 {
			t.Errorf("exit code after shutdown = %d, want 0", code)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("server did not exit")
	}
}

func TestExitWithoutShutdown(t *testing.T) {
	c := start(t, lsp.Options{})
	c.initialize("", nil)
	c.server.Exit(context.Background())
	select {
	case code := <-c.code:
		if code != 1 {
			t.Errorf("exit code without shutdown = %d, want 1", code)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("server did not exit")
	}
}

func TestLifecycleGuards(t *testing.T) {
	c := start(t, lsp.Options{})
	_, err := c.server.Hover(context.Background(), &protocol.HoverParams{})
	var rpcErr *jsonrpc2.Error
	if !errors.As(err, &rpcErr) || rpcErr.Code != jsonrpc2.ServerNotInitialized {
		t.Errorf("hover before initialize: err = %v, want ServerNotInitialized", err)
	}
	c.initialize("", nil)
	var res any
	_, err = c.conn.Call(context.Background(), "initialize", map[string]any{"capabilities": map[string]any{}}, &res)
	if !errors.As(err, &rpcErr) || rpcErr.Code != jsonrpc2.InvalidRequest {
		t.Errorf("second initialize: err = %v, want InvalidRequest", err)
	}
	c.server.Shutdown(context.Background())
	_, err = c.server.Hover(context.Background(), &protocol.HoverParams{})
	if !errors.As(err, &rpcErr) || rpcErr.Code != jsonrpc2.InvalidRequest {
		t.Errorf("hover after shutdown: err = %v, want InvalidRequest", err)
	}
}
