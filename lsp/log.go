package lsp

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"sync"

	"go.lsp.dev/protocol"
)

// logHandler writes records to stderr and forwards them to the client as
// window/logMessage, where editors show them (VS Code's output channel,
// Neovim's :LspLog). Forwarding goes through a buffered queue drained by one
// goroutine: logging must never block a handler on the client reading, and a
// record logged while sending a record must not recurse.
type logHandler struct {
	text  slog.Handler
	level slog.Level
	attrs []slog.Attr
	fwd   *forwarder
}

type forwarder struct {
	mu     sync.Mutex
	queue  chan protocol.LogMessageParams
	closed bool
}

func newLogHandler(w io.Writer, level slog.Level) *logHandler {
	return &logHandler{
		text:  slog.NewTextHandler(w, &slog.HandlerOptions{Level: level}),
		level: level,
		fwd:   &forwarder{},
	}
}

// attach starts forwarding to client.
func (h *logHandler) attach(ctx context.Context, client protocol.Client) {
	q := make(chan protocol.LogMessageParams, 256)
	h.fwd.mu.Lock()
	h.fwd.queue = q
	h.fwd.mu.Unlock()
	go func() {
		for p := range q {
			client.LogMessage(context.WithoutCancel(ctx), &p)
		}
	}()
}

// detach stops forwarding; later records go to stderr only.
func (h *logHandler) detach() {
	h.fwd.mu.Lock()
	defer h.fwd.mu.Unlock()
	if h.fwd.queue != nil && !h.fwd.closed {
		close(h.fwd.queue)
		h.fwd.closed = true
	}
}

func (h *logHandler) Enabled(_ context.Context, l slog.Level) bool { return l >= h.level }

func (h *logHandler) Handle(ctx context.Context, r slog.Record) error {
	err := h.text.Handle(ctx, r)
	var b strings.Builder
	b.WriteString(r.Message)
	write := func(a slog.Attr) bool {
		fmt.Fprintf(&b, " %s=%v", a.Key, a.Value)
		return true
	}
	for _, a := range h.attrs {
		write(a)
	}
	r.Attrs(write)
	typ := protocol.MessageTypeLog
	switch {
	case r.Level >= slog.LevelError:
		typ = protocol.MessageTypeError
	case r.Level >= slog.LevelWarn:
		typ = protocol.MessageTypeWarning
	case r.Level >= slog.LevelInfo:
		typ = protocol.MessageTypeInfo
	}
	h.fwd.mu.Lock()
	if h.fwd.queue != nil && !h.fwd.closed {
		select {
		case h.fwd.queue <- protocol.LogMessageParams{Type: typ, Message: b.String()}:
		default: // the client is not reading; stderr still has it
		}
	}
	h.fwd.mu.Unlock()
	return err
}

func (h *logHandler) WithAttrs(attrs []slog.Attr) slog.Handler {
	c := *h
	c.text = h.text.WithAttrs(attrs)
	c.attrs = append(append([]slog.Attr(nil), h.attrs...), attrs...)
	return &c
}

func (h *logHandler) WithGroup(name string) slog.Handler {
	c := *h
	c.text = h.text.WithGroup(name)
	return &c
}

// ParseLevel reads --log-level: debug, info, warn (warning) or error.
func ParseLevel(s string) (slog.Level, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "debug":
		return slog.LevelDebug, nil
	case "info", "":
		return slog.LevelInfo, nil
	case "warn", "warning":
		return slog.LevelWarn, nil
	case "error":
		return slog.LevelError, nil
	}
	return 0, fmt.Errorf("unknown log level %q (want debug, info, warn or error)", s)
}
