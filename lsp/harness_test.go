package lsp_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf16"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"
	"go.uber.org/zap"

	"github.com/asyncsense/asyncsense/lsp"
)

// client is an LSP client built only from go.lsp.dev's client side: the
// server is reached over a net.Pipe exactly as an editor reaches it over
// stdio. It records what the server sends.
type client struct {
	t      testing.TB
	conn   jsonrpc2.Conn
	server protocol.Server
	raw    *rawStream
	code   chan int
	srv    *lsp.Server

	mu        sync.Mutex
	diags     map[protocol.DocumentURI]*protocol.PublishDiagnosticsParams
	logs      []string
	progress  []string
	changed   chan struct{}
	settings  any                                     // answer to workspace/configuration
	published chan *protocol.PublishDiagnosticsParams // when set, every publish is also sent here
	regs      []string
	unknown   []string // notifications protocol.Client has no method for
}

// rawStream lets a test write bytes no well-behaved client would.
type rawStream struct {
	jsonrpc2.Stream
	mu   sync.Mutex
	conn net.Conn
}

func (r *rawStream) Write(ctx context.Context, m jsonrpc2.Message) (int64, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.Stream.Write(ctx, m)
}

func (r *rawStream) inject(b string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.conn.Write([]byte(b))
}

// start runs a server with opts on one end of a pipe and connects a client.
func start(t testing.TB, opts lsp.Options) *client {
	t.Helper()
	if opts.CacheDir == "" {
		opts.CacheDir = "off"
	}
	serverEnd, clientEnd := net.Pipe()
	c := &client{t: t, code: make(chan int, 1), diags: map[protocol.DocumentURI]*protocol.PublishDiagnosticsParams{}, changed: make(chan struct{}, 1)}
	c.srv = lsp.New(opts)
	go func() { c.code <- c.srv.Serve(context.Background(), serverEnd) }()
	c.raw = &rawStream{Stream: jsonrpc2.NewStream(clientEnd), conn: clientEnd}
	c.conn = jsonrpc2.NewConn(c.raw)
	c.conn.Go(context.Background(), protocol.Handlers(protocol.ClientHandler(c, c.other)))
	c.server = protocol.ServerDispatcher(c.conn, zap.NewNop())
	t.Cleanup(func() { c.conn.Close() })
	return c
}

// initialize sends initialize with raw capabilities (protocol v0.12.0's
// types cannot express all of them) and then initialized.
func (c *client) initialize(caps string, initOptions any) map[string]any {
	c.t.Helper()
	if caps == "" {
		caps = `{"textDocument":{"hover":{"contentFormat":["markdown","plaintext"]},"codeAction":{"codeActionLiteralSupport":{"codeActionKind":{"valueSet":["quickfix","source"]}}}},"workspace":{"workspaceEdit":{"documentChanges":true}}}`
	}
	params := map[string]any{"processId": nil, "rootUri": nil, "capabilities": json.RawMessage(caps), "initializationOptions": initOptions}
	var result map[string]any
	if _, err := c.conn.Call(context.Background(), "initialize", params, &result); err != nil {
		c.t.Fatalf("initialize: %v", err)
	}
	if err := c.server.Initialized(context.Background(), &protocol.InitializedParams{}); err != nil {
		c.t.Fatal(err)
	}
	return result
}

func (c *client) open(uri protocol.DocumentURI, languageID, text string) {
	c.t.Helper()
	err := c.server.DidOpen(context.Background(), &protocol.DidOpenTextDocumentParams{TextDocument: protocol.TextDocumentItem{
		URI: uri, LanguageID: protocol.LanguageIdentifier(languageID), Version: 1, Text: text,
	}})
	if err != nil {
		c.t.Fatal(err)
	}
}

// change sends one didChange with the given content changes (a nil Range
// replaces the whole text), encoded by hand because protocol v0.12.0 cannot
// leave the range out.
func (c *client) change(uri protocol.DocumentURI, version int32, changes ...change) {
	c.t.Helper()
	var cc []map[string]any
	for _, ch := range changes {
		m := map[string]any{"text": ch.text}
		if ch.rng != nil {
			m["range"] = ch.rng
		}
		cc = append(cc, m)
	}
	err := c.conn.Notify(context.Background(), "textDocument/didChange", map[string]any{
		"textDocument": map[string]any{"uri": uri, "version": version}, "contentChanges": cc,
	})
	if err != nil {
		c.t.Fatal(err)
	}
}

type change struct {
	rng  *protocol.Range
	text string
}

// waitDiagnostics waits for a publish for uri that satisfies ok.
func (c *client) waitDiagnostics(uri protocol.DocumentURI, timeout time.Duration, ok func(*protocol.PublishDiagnosticsParams) bool) *protocol.PublishDiagnosticsParams {
	c.t.Helper()
	deadline := time.After(timeout)
	for {
		c.mu.Lock()
		p := c.diags[uri]
		c.mu.Unlock()
		if p != nil && ok(p) {
			return p
		}
		select {
		case <-c.changed:
		case <-deadline:
			c.t.Fatalf("timed out waiting for diagnostics on %s; last: %+v\nlog:\n%s", uri, p, c.logText())
			return nil
		}
	}
}

func (c *client) logText() string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return strings.Join(c.logs, "\n")
}

// waitLog waits for a window/logMessage containing substr: the server
// forwards its log asynchronously.
func (c *client) waitLog(substr string) {
	c.t.Helper()
	c.waitLogWithin(substr, 10*time.Second)
}

func (c *client) waitLogWithin(substr string, timeout time.Duration) {
	c.t.Helper()
	for deadline := time.Now().Add(timeout); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		if strings.Contains(c.logText(), substr) {
			return
		}
	}
	c.t.Fatalf("no log message with %q:\n%s", substr, c.logText())
}

func (c *client) hover(uri protocol.DocumentURI, line, char uint32) *protocol.Hover {
	c.t.Helper()
	h, err := c.server.Hover(context.Background(), &protocol.HoverParams{TextDocumentPositionParams: protocol.TextDocumentPositionParams{
		TextDocument: protocol.TextDocumentIdentifier{URI: uri}, Position: protocol.Position{Line: line, Character: char},
	}})
	if err != nil {
		c.t.Fatalf("hover: %v", err)
	}
	return h
}

// other records what protocol.Client has no method for ($/logTrace).
func (c *client) other(ctx context.Context, reply jsonrpc2.Replier, req jsonrpc2.Request) error {
	c.mu.Lock()
	c.unknown = append(c.unknown, req.Method()+" "+string(req.Params()))
	c.mu.Unlock()
	return jsonrpc2.MethodNotFoundHandler(ctx, reply, req)
}

// protocol.Client: what the server calls.

func (c *client) PublishDiagnostics(_ context.Context, p *protocol.PublishDiagnosticsParams) error {
	c.mu.Lock()
	c.diags[p.URI] = p
	pub := c.published
	c.mu.Unlock()
	if pub != nil {
		pub <- p
	}
	select {
	case c.changed <- struct{}{}:
	default:
	}
	return nil
}

func (c *client) LogMessage(_ context.Context, p *protocol.LogMessageParams) error {
	c.mu.Lock()
	c.logs = append(c.logs, p.Message)
	c.mu.Unlock()
	return nil
}

func (c *client) Progress(_ context.Context, p *protocol.ProgressParams) error {
	data, _ := json.Marshal(p.Value)
	c.mu.Lock()
	c.progress = append(c.progress, string(data))
	c.mu.Unlock()
	return nil
}

func (c *client) WorkDoneProgressCreate(context.Context, *protocol.WorkDoneProgressCreateParams) error {
	return nil
}
func (c *client) ShowMessage(context.Context, *protocol.ShowMessageParams) error { return nil }
func (c *client) ShowMessageRequest(context.Context, *protocol.ShowMessageRequestParams) (*protocol.MessageActionItem, error) {
	return nil, nil
}
func (c *client) Telemetry(context.Context, interface{}) error { return nil }
func (c *client) RegisterCapability(_ context.Context, p *protocol.RegistrationParams) error {
	c.mu.Lock()
	for _, r := range p.Registrations {
		c.regs = append(c.regs, r.Method)
	}
	c.mu.Unlock()
	return nil
}
func (c *client) UnregisterCapability(context.Context, *protocol.UnregistrationParams) error {
	return nil
}
func (c *client) ApplyEdit(context.Context, *protocol.ApplyWorkspaceEditParams) (bool, error) {
	return false, nil
}
func (c *client) Configuration(context.Context, *protocol.ConfigurationParams) ([]interface{}, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return []interface{}{c.settings}, nil
}
func (c *client) WorkspaceFolders(context.Context) ([]protocol.WorkspaceFolder, error) {
	return nil, nil
}

// utf16Col counts UTF-16 code units the way an editor does, independently
// of the server's Mapper.
func utf16Col(s string) uint32 { return uint32(len(utf16.Encode([]rune(s)))) }

// locate returns the LSP position (UTF-16) of the first occurrence of needle.
func locate(t testing.TB, text, needle string) protocol.Position {
	t.Helper()
	i := strings.Index(text, needle)
	if i < 0 {
		t.Fatalf("%q not in text", needle)
	}
	before := text[:i]
	line := strings.Count(before, "\n")
	lineStart := strings.LastIndex(before, "\n") + 1
	return protocol.Position{Line: uint32(line), Character: utf16Col(strings.TrimSuffix(before[lineStart:], "\r"))}
}

// applyEdits applies LSP text edits (UTF-16 positions, all relative to
// text) the way an editor does, from the last to the first.
func applyEdits(t testing.TB, text string, edits []protocol.TextEdit) string {
	t.Helper()
	offset := func(p protocol.Position) int {
		lines := strings.SplitAfter(text, "\n")
		off := 0
		for i := 0; i < int(p.Line) && i < len(lines); i++ {
			off += len(lines[i])
		}
		units := 0
		for i, r := range text[off:] {
			if units >= int(p.Character) || r == '\n' || r == '\r' {
				return off + i
			}
			units += len(utf16.Encode([]rune{r}))
		}
		return len(text)
	}
	type span struct {
		start, end int
		text       string
	}
	var spans []span
	for _, e := range edits {
		spans = append(spans, span{offset(e.Range.Start), offset(e.Range.End), e.NewText})
	}
	sort.SliceStable(spans, func(i, j int) bool { return spans[i].start > spans[j].start })
	for _, s := range spans {
		text = text[:s.start] + s.text + text[s.end:]
	}
	return text
}

func ruleCodes(p *protocol.PublishDiagnosticsParams) string {
	var codes []string
	for _, d := range p.Diagnostics {
		codes = append(codes, fmt.Sprint(d.Code))
	}
	return strings.Join(codes, ",")
}
