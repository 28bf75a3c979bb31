package lsp

import (
	"bytes"
	"testing"

	segjson "github.com/segmentio/encoding/json"
	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"
)

// marshalMessage writes a notification's envelope itself; the bytes must
// be exactly what marshalling the message gives, escapes included.
func TestMarshalMessageMatchesJSONRPC(t *testing.T) {
	diags := []protocol.Diagnostic{{
		Range:   protocol.Range{Start: protocol.Position{Line: 3, Character: 7}, End: protocol.Position{Line: 3, Character: 19}},
		Code:    "ASY001",
		Source:  "asyncsense",
		Message: "`GetAsync(id).Result` blocks <the> \"thread\" & more: 名前 🙂 \u2028 \\ \t",
		Data:    diagData{Version: 4, Rule: "ASY001", Start: 10, End: 22},
		Tags:    []protocol.DiagnosticTag{protocol.DiagnosticTagUnnecessary},
	}}
	var msgs []jsonrpc2.Message
	for _, params := range []any{
		&protocol.PublishDiagnosticsParams{URI: "file:///a/b%20c.cs", Version: 7, Diagnostics: diags},
		&protocol.PublishDiagnosticsParams{URI: "file:///x.cs", Diagnostics: []protocol.Diagnostic{}},
		map[string]any{"type": 3, "message": "<script>&</script>"},
		nil,
	} {
		n, err := jsonrpc2.NewNotification("textDocument/publishDiagnostics", params)
		if err != nil {
			t.Fatal(err)
		}
		msgs = append(msgs, n)
	}
	call, _ := jsonrpc2.NewCall(jsonrpc2.NewNumberID(3), "workspace/configuration", map[string]any{"items": []int{1}})
	resp, _ := jsonrpc2.NewResponse(jsonrpc2.NewNumberID(3), []string{"<a>"}, nil)
	msgs = append(msgs, call, resp)
	for _, m := range msgs {
		want, err := segjson.Marshal(m)
		if err != nil {
			t.Fatal(err)
		}
		got, err := marshalMessage(m)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("marshalMessage:\n got %s\nwant %s", got, want)
		}
	}
}
