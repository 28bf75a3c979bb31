package lsp_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"go.lsp.dev/protocol"

	"github.com/asyncsense/asyncsense/lsp"
	"github.com/asyncsense/asyncsense/rules"
	"github.com/asyncsense/asyncsense/rules/all"
	"github.com/asyncsense/asyncsense/syntax"
)

func fileURI(path string) protocol.DocumentURI {
	return protocol.DocumentURI("file://" + filepath.ToSlash(path))
}

func hasFindings(p *protocol.PublishDiagnosticsParams) bool { return len(p.Diagnostics) > 0 }

func TestUTF8PositionEncoding(t *testing.T) {
	c := start(t, lsp.Options{})
	res := c.initialize(`{"general":{"positionEncodings":["utf-8","utf-16"]}}`, nil)
	if enc := res["capabilities"].(map[string]any)["positionEncoding"]; enc != "utf-8" {
		t.Fatalf("positionEncoding = %v, want utf-8", enc)
	}
	c.open(ordersURI, "cs", orders)
	p := c.waitDiagnostics(ordersURI, 5*time.Second, hasFindings)
	line := strings.Split(orders, "\r\n")[10]
	if want := uint32(strings.Index(line, "CountAsync().Result")); p.Diagnostics[0].Range.Start.Character != want {
		t.Errorf("utf-8 column = %d, want byte column %d", p.Diagnostics[0].Range.Start.Character, want)
	}
}

func TestPullDiagnostics(t *testing.T) {
	c := start(t, lsp.Options{})
	res := c.initialize(`{"textDocument":{"diagnostic":{"dynamicRegistration":false}}}`, nil)
	if res["capabilities"].(map[string]any)["diagnosticProvider"] == nil {
		t.Fatal("no diagnosticProvider for a client that pulls")
	}
	c.open(ordersURI, "csharp", orders)
	var report struct {
		Kind     string                `json:"kind"`
		ResultID string                `json:"resultId"`
		Items    []protocol.Diagnostic `json:"items"`
	}
	params := map[string]any{"textDocument": map[string]any{"uri": ordersURI}}
	if _, err := c.conn.Call(context.Background(), "textDocument/diagnostic", params, &report); err != nil {
		t.Fatal(err)
	}
	if report.Kind != "full" || len(report.Items) != 1 || report.Items[0].Code != "ASY001" {
		t.Fatalf("pull report = %+v", report)
	}
	params["previousResultId"] = report.ResultID
	var again map[string]any
	if _, err := c.conn.Call(context.Background(), "textDocument/diagnostic", params, &again); err != nil {
		t.Fatal(err)
	}
	if again["kind"] != "unchanged" {
		t.Errorf("second pull = %v, want unchanged", again)
	}
	var unknown map[string]any
	params = map[string]any{"textDocument": map[string]any{"uri": "file:///nowhere/X.cs"}}
	if _, err := c.conn.Call(context.Background(), "textDocument/diagnostic", params, &unknown); err != nil {
		t.Fatal(err)
	}
	if items, ok := unknown["items"].([]any); !ok || len(items) != 0 {
		t.Errorf("pull for an unknown document = %v, want an empty full report", unknown)
	}
	c.mu.Lock()
	pushed := c.diags[ordersURI]
	c.mu.Unlock()
	if pushed != nil && len(pushed.Diagnostics) > 0 {
		t.Error("findings were pushed to a client that pulls: it would show them twice")
	}
}

// Precedence: #pragma > .editorconfig > settings > the rule's default.
func TestSeverityPrecedence(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, ".editorconfig"), []byte("root = true\n[*.cs]\ndotnet_diagnostic.ASY001.severity = error\n"), 0o644)
	src := "using System.Threading.Tasks;\n\nclass Repo\n{\n    public Task<int> GetAsync() => Task.FromResult(1);\n\n" +
		"    public async Task<int> AAsync()\n    {\n        var x = GetAsync().Result;\n        return await GetAsync() + x;\n    }\n\n" +
		"    public async Task<int> BAsync()\n    {\n#pragma warning disable ASY001\n        var y = GetAsync().Result;\n#pragma warning restore ASY001\n        return await GetAsync() + y;\n    }\n\n" +
		"    public async Task<int> CAsync() => await GetAsync();\n}\n"
	path := filepath.Join(dir, "Repo.cs")
	os.WriteFile(path, []byte(src), 0o644)
	c := start(t, lsp.Options{})
	c.initialize("", map[string]any{"asyncsense": map[string]any{
		"severity": map[string]string{"ASY001": "suggestion", "unneeded-async-await": "warning"},
		"docsUrl":  "https://docs.example/rules/{id}",
	}})
	uri := fileURI(path)
	c.open(uri, "csharp", src)
	p := c.waitDiagnostics(uri, 5*time.Second, func(p *protocol.PublishDiagnosticsParams) bool { return len(p.Diagnostics) >= 2 })
	byCode := map[string][]protocol.Diagnostic{}
	for _, d := range p.Diagnostics {
		byCode[fmt.Sprint(d.Code)] = append(byCode[fmt.Sprint(d.Code)], d)
	}
	if got := byCode["ASY001"]; len(got) != 1 || got[0].Severity != protocol.DiagnosticSeverityError || got[0].Range.Start.Line != 8 {
		t.Errorf("ASY001 = %+v; want one error (the .editorconfig beats settings) on line 9, none under #pragma", got)
	} else if got[0].CodeDescription == nil || got[0].CodeDescription.Href != "https://docs.example/rules/ASY001" {
		t.Errorf("codeDescription = %+v", got[0].CodeDescription)
	}
	got := byCode["ASY009"]
	if len(got) != 1 || got[0].Severity != protocol.DiagnosticSeverityWarning || len(got[0].Tags) != 1 || got[0].Tags[0] != protocol.DiagnosticTagUnnecessary {
		t.Errorf("ASY009 = %+v; want a warning (settings beat the silent default) tagged Unnecessary", got)
	}
}

func TestCodeActionsFixAllAndSuppress(t *testing.T) {
	src := strings.ReplaceAll("using System.Threading.Tasks;\n\nclass Repo\n{\n\tpublic Task<int> GetAsync() => Task.FromResult(1);\n\n"+
		"\tpublic async Task<int> AAsync()\n\t{\n\t\tvar x = GetAsync().Result;\n\t\tvar y = GetAsync().Result;\n\t\treturn x + y + await GetAsync();\n\t}\n}\n", "\n", "\r\n")
	c := start(t, lsp.Options{})
	c.initialize(`{"textDocument":{"codeAction":{"codeActionLiteralSupport":{"codeActionKind":{"valueSet":["quickfix","source"]}}}}}`, nil)
	uri := protocol.DocumentURI("file:///w/Repo.cs")
	c.open(uri, "c-sharp", src)
	p := c.waitDiagnostics(uri, 5*time.Second, func(p *protocol.PublishDiagnosticsParams) bool { return len(p.Diagnostics) == 2 })

	actions := c.codeActions(uri, protocol.Range{}, []protocol.CodeActionKind{"source.fixAll"})
	if len(actions) != 1 || actions[0].Kind != "source.fixAll.asyncsense" || actions[0].Edit.Changes == nil {
		t.Fatalf("fixAll = %+v; want one source.fixAll.asyncsense with plain changes (no documentChanges support)", actions)
	}
	fixed := applyEdits(t, src, actions[0].Edit.Changes[uri])
	if strings.Count(fixed, "await GetAsync()") != 3 || strings.Contains(fixed, ".Result") {
		t.Errorf("fixAll produced:\n%s", fixed)
	}

	actions = c.codeActions(uri, p.Diagnostics[1].Range, nil)
	var suppress *protocol.CodeAction
	for i, a := range actions {
		if a.Title == "Suppress ASY001 on this line" {
			suppress = &actions[i]
		}
	}
	if suppress == nil {
		t.Fatalf("no suppression among %+v", actions)
	}
	suppressed := applyEdits(t, src, suppress.Edit.Changes[uri])
	want := "\t\tvar x = GetAsync().Result;\r\n\t\t#pragma warning disable ASY001\r\n\t\tvar y = GetAsync().Result;\r\n\t\t#pragma warning restore ASY001\r\n"
	if !strings.Contains(suppressed, want) {
		t.Fatalf("suppression produced:\n%q", suppressed)
	}
	c.change(uri, 2, change{text: suppressed})
	c.waitDiagnostics(uri, 5*time.Second, func(p *protocol.PublishDiagnosticsParams) bool {
		return len(p.Diagnostics) == 1 && p.Diagnostics[0].Range.Start.Line == 8
	})
}

func (c *client) codeActions(uri protocol.DocumentURI, rng protocol.Range, only []protocol.CodeActionKind) []protocol.CodeAction {
	c.t.Helper()
	actions, err := c.server.CodeAction(context.Background(), &protocol.CodeActionParams{
		TextDocument: protocol.TextDocumentIdentifier{URI: uri}, Range: rng,
		Context: protocol.CodeActionContext{Only: only},
	})
	if err != nil {
		c.t.Fatal(err)
	}
	return actions
}

func TestPlainTextHover(t *testing.T) {
	c := start(t, lsp.Options{})
	c.initialize(`{"textDocument":{"hover":{"contentFormat":["plaintext"]}}}`, nil)
	c.open(ordersURI, "csharp", orders)
	c.waitDiagnostics(ordersURI, 5*time.Second, hasFindings)
	pos := locate(t, orders, "CountAsync().Result")
	h := c.hover(ordersURI, pos.Line, pos.Character)
	if h == nil || h.Contents.Kind != protocol.PlainText || strings.Contains(h.Contents.Value, "**") || !strings.Contains(h.Contents.Value, "ASY001") {
		t.Errorf("hover = %+v, want plain text naming ASY001", h)
	}
	pos = locate(t, orders, "Task<int> CountAsync")
	if h := c.hover(ordersURI, pos.Line, pos.Character+1); h == nil || !strings.Contains(h.Contents.Value, "Task") {
		t.Errorf("hover on Task = %+v", h)
	}
}

func TestLargeFileIsKeptInSyncButNotAnalysed(t *testing.T) {
	c := start(t, lsp.Options{MaxFileSize: len(orders) + 10})
	c.initialize("", nil)
	big := orders + "// " + strings.Repeat("padding ", 10) + "\r\n"
	c.open(ordersURI, "csharp", big)
	time.Sleep(100 * time.Millisecond)
	c.mu.Lock()
	p := c.diags[ordersURI]
	c.mu.Unlock()
	if p != nil && len(p.Diagnostics) > 0 {
		t.Fatalf("a file over the limit was analysed: %+v", p.Diagnostics)
	}
	c.waitLog("too large")
	// Deleting the padding through an incremental change brings the file
	// under the limit: its findings prove the text stayed in sync.
	start := locate(t, big, "// padding")
	c.change(ordersURI, 2, change{rng: &protocol.Range{Start: start, End: protocol.Position{Line: start.Line + 1}}, text: ""})
	c.waitDiagnostics(ordersURI, 5*time.Second, hasFindings)
}

// TestAnalyzerPanic injects a rule that panics on every call: the runner
// drops its findings, the server logs the failure and keeps publishing
// everyone else's.
func TestAnalyzerPanic(t *testing.T) {
	boom := &rules.Analyzer{ID: "ASY999", Name: "boom", Severity: rules.Warning, Kinds: []string{"invocation_expression"},
		Run: func(*rules.Pass, syntax.Node) { panic("boom") }}
	bogus := &rules.Analyzer{ID: "ASY998", Name: "bogus-fix", Severity: rules.Warning, Kinds: []string{"await_expression"},
		Run: func(p *rules.Pass, n syntax.Node) {
			p.Report(rules.Diagnostic{Start: n.Start(), End: n.End(), Message: "bogus",
				Fixes: []rules.Fix{{Title: "Break everything", Edits: []rules.Edit{{Start: n.Start(), End: 1 << 30}}}}})
		}}
	c := start(t, lsp.Options{Analyzers: append(all.Analyzers(), boom, bogus)})
	c.initialize("", nil)
	c.open(ordersURI, "csharp", orders)
	p := c.waitDiagnostics(ordersURI, 5*time.Second, func(p *protocol.PublishDiagnosticsParams) bool { return len(p.Diagnostics) >= 2 })
	if codes := ruleCodes(p); codes != "ASY001,ASY998" {
		t.Errorf("codes = %s, want ASY001 and the bogus rule's finding", codes)
	}
	c.waitLog("internal error in ASY999 (boom)")
	actions := c.codeActions(ordersURI, protocol.Range{End: protocol.Position{Line: 99}}, nil)
	for _, a := range actions {
		if a.Title == "Break everything" {
			t.Error("a fix with out-of-range edits was offered")
		}
	}
	pos := locate(t, orders, "await CountAsync")
	if h := c.hover(ordersURI, pos.Line, pos.Character); h == nil {
		t.Error("hover stopped working")
	}
}

func TestSetTrace(t *testing.T) {
	c := start(t, lsp.Options{})
	c.initialize("", nil)
	if err := c.conn.Notify(context.Background(), "$/setTrace", map[string]string{"value": "verbose"}); err != nil {
		t.Fatal(err)
	}
	c.open(ordersURI, "csharp", orders)
	c.waitDiagnostics(ordersURI, 5*time.Second, hasFindings)
	for deadline := time.Now().Add(5 * time.Second); ; time.Sleep(10 * time.Millisecond) {
		c.mu.Lock()
		traces := strings.Join(c.unknown, "\n")
		c.mu.Unlock()
		if strings.Contains(traces, "$/logTrace") && strings.Contains(traces, "textDocument/didOpen") && strings.Contains(traces, `\"languageId\":\"csharp\"`) {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("no verbose $/logTrace for didOpen:\n%s", traces)
		}
	}
}

func TestWorkspaceFoldersChange(t *testing.T) {
	root, added := t.TempDir(), t.TempDir()
	writeFiles(t, added, map[string]string{"Repo.cs": repoCS, "Service.cs": serviceCS})
	c := start(t, lsp.Options{})
	c.initializeWorkspace(root, nil)
	c.waitLog("indexed workspace files=0")
	c.server.DidChangeWorkspaceFolders(context.Background(), &protocol.DidChangeWorkspaceFoldersParams{Event: protocol.WorkspaceFoldersChangeEvent{
		Added: []protocol.WorkspaceFolder{{URI: string(fileURI(added)), Name: "added"}},
	}})
	service := fileURI(filepath.Join(added, "Service.cs"))
	c.waitDiagnostics(service, 10*time.Second, hasFindings)
	c.server.DidChangeWorkspaceFolders(context.Background(), &protocol.DidChangeWorkspaceFoldersParams{Event: protocol.WorkspaceFoldersChangeEvent{
		Removed: []protocol.WorkspaceFolder{{URI: string(fileURI(added)), Name: "added"}},
	}})
	c.waitDiagnostics(service, 10*time.Second, func(p *protocol.PublishDiagnosticsParams) bool { return len(p.Diagnostics) == 0 })
}
