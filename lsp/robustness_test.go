package lsp_test

import (
	"context"
	"errors"
	"net"
	"testing"
	"time"

	"go.lsp.dev/jsonrpc2"

	"github.com/asyncsense/asyncsense/lsp"
)

// TestMalformedFrames talks raw JSON-RPC: a frame with a usable id but an
// invalid message gets ParseError for that id, garbage without an id is
// dropped, and the server reads on.
func TestMalformedFrames(t *testing.T) {
	serverEnd, clientEnd := net.Pipe()
	done := make(chan int, 1)
	go func() { done <- lsp.Serve(context.Background(), serverEnd, lsp.Options{CacheDir: "off"}) }()
	defer clientEnd.Close()
	out := jsonrpc2.NewStream(clientEnd)
	write := func(s string) {
		if _, err := clientEnd.Write([]byte(s)); err != nil {
			t.Fatal(err)
		}
	}
	read := func() *jsonrpc2.Response {
		t.Helper()
		type result struct {
			msg jsonrpc2.Message
			err error
		}
		ch := make(chan result, 1)
		go func() {
			for {
				// Skip window/logMessage and other notifications.
				msg, _, err := out.Read(context.Background())
				if _, isNote := msg.(*jsonrpc2.Notification); err == nil && isNote {
					continue
				}
				ch <- result{msg, err}
				return
			}
		}()
		select {
		case r := <-ch:
			if r.err != nil {
				t.Fatal(r.err)
			}
			resp, ok := r.msg.(*jsonrpc2.Response)
			if !ok {
				t.Fatalf("got %T, want a response", r.msg)
			}
			return resp
		case <-time.After(5 * time.Second):
			t.Fatal("no response")
			return nil
		}
	}
	frame := func(body string) string {
		return "Content-Length: " + itoa(len(body)) + "\r\n\r\n" + body
	}
	write(frame(`{"jsonrpc":"2.0","id":42,"method":7}`))
	resp := read()
	var rpcErr *jsonrpc2.Error
	if resp.ID() != jsonrpc2.NewNumberID(42) || !errors.As(resp.Err(), &rpcErr) || rpcErr.Code != jsonrpc2.ParseError {
		t.Fatalf("response to a malformed request = id %v err %v, want ParseError for id 42", resp.ID(), resp.Err())
	}
	write(frame(`{not json`))
	write(frame(`[]`))
	write(frame(`{}`))
	write("garbage without headers\r\n\r\n")
	write(frame(`{"jsonrpc":"2.0","id":"s-1","method":"textDocument/hover","params":{}}`))
	resp = read()
	if resp.ID() != jsonrpc2.NewStringID("s-1") || !errors.As(resp.Err(), &rpcErr) || rpcErr.Code != jsonrpc2.ServerNotInitialized {
		t.Fatalf("hover before initialize = id %v err %v, want ServerNotInitialized for the string id", resp.ID(), resp.Err())
	}
	write(frame(`{"jsonrpc":"2.0","method":"exit"}`))
	select {
	case code := <-done:
		if code != 1 {
			t.Errorf("exit without shutdown = %d, want 1", code)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("server did not exit")
	}
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b []byte
	for ; n > 0; n /= 10 {
		b = append([]byte{byte('0' + n%10)}, b...)
	}
	return string(b)
}
