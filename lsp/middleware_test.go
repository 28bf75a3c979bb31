package lsp

import (
	"context"
	"errors"
	"testing"

	"go.lsp.dev/jsonrpc2"
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
