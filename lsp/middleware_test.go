package lsp

import (
	"context"
	"errors"
	"testing"
	"time"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"
)

// TestGuardRecoversPanics: a handler that panics answers InternalError,
// exactly once, and the guard stays usable for the next message.
func TestGuardRecoversPanics(t *testing.T) {
	s := New(Options{CacheDir: "off"})
	s.initialized.Store(true)
	calls := 0
	var got error
	reply := func(_ context.Context, _ interface{}, err error) error {
		calls++
		got = err
		return nil
	}
	h := s.guard(func(context.Context, jsonrpc2.Replier, jsonrpc2.Request) error { panic("handler bug") })
	call, _ := jsonrpc2.NewCall(jsonrpc2.NewNumberID(1), "textDocument/hover", nil)
	h(context.Background(), reply, call)
	var rpcErr *jsonrpc2.Error
	if calls != 1 || !errors.As(got, &rpcErr) || rpcErr.Code != jsonrpc2.InternalError {
		t.Fatalf("after a panic: %d replies, err %v; want one InternalError", calls, got)
	}
	calls = 0
	ok := s.guard(func(ctx context.Context, reply jsonrpc2.Replier, _ jsonrpc2.Request) error {
		return reply(ctx, "fine", nil)
	})
	ok(context.Background(), reply, call)
	if calls != 1 || got != nil {
		t.Fatalf("the next message: %d replies, err %v", calls, got)
	}
	// A handler that forgets to reply still releases the queue.
	calls = 0
	s.guard(func(context.Context, jsonrpc2.Replier, jsonrpc2.Request) error { return nil })(context.Background(), reply, call)
	if calls != 1 {
		t.Fatalf("a handler without a reply: %d replies, want 1", calls)
	}
}

// TestCancelRequest: $/cancelRequest with a numeric id (which
// protocol.CancelHandler never matches) cancels a request stuck waiting for
// its document, and the request answers RequestCancelled.
func TestCancelRequest(t *testing.T) {
	s := New(Options{CacheDir: "off"})
	s.initialized.Store(true)
	s.client = quietClient{}
	uri := protocol.DocumentURI("file:///w/A.cs")
	s.DidOpen(context.Background(), &protocol.DidOpenTextDocumentParams{TextDocument: protocol.TextDocumentItem{URI: uri, Version: 1, Text: "class A {}"}})
	d := s.docs.get("/w/A.cs")
	d.compute <- struct{}{} // hold the document: the hover below must wait
	defer func() { <-d.compute }()

	replies := make(chan error, 1)
	h := s.handler()
	hover, _ := jsonrpc2.NewCall(jsonrpc2.NewNumberID(7), "textDocument/hover",
		map[string]any{"textDocument": map[string]string{"uri": string(uri)}, "position": map[string]int{"line": 0, "character": 0}})
	h(context.Background(), func(_ context.Context, _ interface{}, err error) error { replies <- err; return nil }, hover)
	cancel, _ := jsonrpc2.NewNotification("$/cancelRequest", map[string]int{"id": 7})
	h(context.Background(), func(context.Context, interface{}, error) error { return nil }, cancel)
	select {
	case err := <-replies:
		var rpcErr *jsonrpc2.Error
		if !errors.As(err, &rpcErr) || rpcErr.Code != codeRequestCanceled {
			t.Fatalf("cancelled hover answered %v, want RequestCancelled", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("the cancelled request never answered")
	}
}

// quietClient takes what a server without a connection publishes.
type quietClient struct{ protocol.Client }

func (quietClient) PublishDiagnostics(context.Context, *protocol.PublishDiagnosticsParams) error {
	return nil
}
