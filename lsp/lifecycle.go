package lsp

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"

	"github.com/asyncsense/asyncsense/syntax"
)

// initializeParams is decoded from the raw JSON: protocol v0.12.0's type has
// no workspaceFolders, no general.positionEncodings and no pull-diagnostics
// capability.
type initializeParams struct {
	ClientInfo *struct {
		Name    string `json:"name"`
		Version string `json:"version"`
	} `json:"clientInfo"`
	RootPath              string                     `json:"rootPath"`
	RootURI               string                     `json:"rootUri"`
	WorkspaceFolders      []protocol.WorkspaceFolder `json:"workspaceFolders"`
	InitializationOptions json.RawMessage            `json:"initializationOptions"`
	Capabilities          clientCapabilities         `json:"capabilities"`
	Trace                 string                     `json:"trace"`
}

// clientCapabilities holds the capabilities the server acts on.
type clientCapabilities struct {
	General struct {
		PositionEncodings []string `json:"positionEncodings"`
	} `json:"general"`
	Window struct {
		WorkDoneProgress bool `json:"workDoneProgress"`
	} `json:"window"`
	Workspace struct {
		Configuration bool `json:"configuration"`
		WorkspaceEdit struct {
			DocumentChanges bool `json:"documentChanges"`
		} `json:"workspaceEdit"`
		DidChangeWatchedFiles struct {
			DynamicRegistration bool `json:"dynamicRegistration"`
		} `json:"didChangeWatchedFiles"`
		Diagnostics struct {
			RefreshSupport bool `json:"refreshSupport"`
		} `json:"diagnostics"`
	} `json:"workspace"`
	TextDocument struct {
		Hover struct {
			ContentFormat []string `json:"contentFormat"`
		} `json:"hover"`
		CodeAction struct {
			CodeActionLiteralSupport json.RawMessage `json:"codeActionLiteralSupport"`
		} `json:"codeAction"`
		Diagnostic json.RawMessage `json:"diagnostic"`
	} `json:"textDocument"`
}

func (c *clientCapabilities) markdown() bool {
	return slices.Contains(c.TextDocument.Hover.ContentFormat, "markdown")
}

// pull reports whether the client asks for diagnostics (LSP 3.17) instead
// of taking them pushed.
func (c *clientCapabilities) pull() bool {
	d := c.TextDocument.Diagnostic
	return len(d) > 0 && string(d) != "null"
}

// serverCapabilities is written by hand: protocol v0.12.0 types most of
// these as interface{} and lacks positionEncoding and diagnosticProvider.
type serverCapabilities struct {
	PositionEncoding   string          `json:"positionEncoding,omitempty"`
	TextDocumentSync   textSyncOptions `json:"textDocumentSync"`
	HoverProvider      bool            `json:"hoverProvider"`
	CodeActionProvider any             `json:"codeActionProvider"`
	DiagnosticProvider *struct {
		Identifier            string `json:"identifier"`
		InterFileDependencies bool   `json:"interFileDependencies"`
		WorkspaceDiagnostics  bool   `json:"workspaceDiagnostics"`
	} `json:"diagnosticProvider,omitempty"`
	Workspace struct {
		WorkspaceFolders struct {
			Supported           bool `json:"supported"`
			ChangeNotifications bool `json:"changeNotifications"`
		} `json:"workspaceFolders"`
	} `json:"workspace"`
}

type textSyncOptions struct {
	OpenClose bool `json:"openClose"`
	Change    int  `json:"change"` // 2: incremental
	Save      struct {
		IncludeText bool `json:"includeText"`
	} `json:"save"`
}

const (
	kindFixAll = protocol.CodeActionKind("source.fixAll.asyncsense")
)

func (s *Server) handleInitialize(ctx context.Context, reply jsonrpc2.Replier, req jsonrpc2.Request) error {
	var p initializeParams
	if err := json.Unmarshal(req.Params(), &p); err != nil {
		// A wrong type deep inside a capability we never read is no reason
		// to refuse a client: keep what decoded.
		var typeErr *json.UnmarshalTypeError
		if !errors.As(err, &typeErr) {
			return reply(ctx, nil, jsonrpc2.NewError(jsonrpc2.ParseError, "initialize: "+err.Error()))
		}
		s.log.Warn("initialize: ignoring an unexpected capability", "err", err)
	}
	s.caps = p.Capabilities
	var caps serverCapabilities
	if slices.Contains(p.Capabilities.General.PositionEncodings, "utf-8") {
		s.enc = syntax.UTF8
		caps.PositionEncoding = "utf-8"
	} else if len(p.Capabilities.General.PositionEncodings) > 0 {
		caps.PositionEncoding = "utf-16"
	}
	caps.TextDocumentSync = textSyncOptions{OpenClose: true, Change: 2}
	caps.HoverProvider = true
	caps.CodeActionProvider = true
	if len(p.Capabilities.TextDocument.CodeAction.CodeActionLiteralSupport) > 0 {
		caps.CodeActionProvider = map[string]any{
			"codeActionKinds": []protocol.CodeActionKind{protocol.QuickFix, kindFixAll},
		}
	}
	if p.Capabilities.pull() {
		caps.DiagnosticProvider = &struct {
			Identifier            string `json:"identifier"`
			InterFileDependencies bool   `json:"interFileDependencies"`
			WorkspaceDiagnostics  bool   `json:"workspaceDiagnostics"`
		}{Identifier: "asyncsense", InterFileDependencies: true}
	}
	caps.Workspace.WorkspaceFolders.Supported = true
	caps.Workspace.WorkspaceFolders.ChangeNotifications = true

	if p.Trace != "" {
		s.trace.Store(p.Trace)
	}
	st, warnings := parseSettings(p.InitializationOptions)
	s.applySettings(st, warnings)
	s.ws.setRoots(rootsOf(&p))

	client := "unknown client"
	if p.ClientInfo != nil {
		client = p.ClientInfo.Name + " " + p.ClientInfo.Version
	}
	version := s.opts.Version
	if version == "" {
		version = "devel"
	}
	s.log.Info("initialize", "client", client, "encoding", encodingName(s.enc), "pull", p.Capabilities.pull(), "roots", s.ws.rootList())
	result := map[string]any{
		"capabilities": caps,
		"serverInfo":   map[string]string{"name": "asyncsense", "version": version},
	}
	// Before the reply: AsyncHandler starts the next message (initialized)
	// as soon as reply is called, and the guard must let it through.
	s.initialized.Store(true)
	return reply(ctx, result, nil)
}

func rootsOf(p *initializeParams) []string {
	var roots []string
	for _, f := range p.WorkspaceFolders {
		if path, ok := uriPath(f.URI); ok {
			roots = append(roots, path)
		}
	}
	if len(roots) == 0 {
		if path, ok := uriPath(p.RootURI); ok {
			roots = append(roots, path)
		} else if p.RootPath != "" {
			roots = append(roots, p.RootPath)
		}
	}
	return roots
}

// Initialized starts what needs the client's answers: settings, the file
// watcher, and the workspace index. It runs after the reply so that didOpen
// and friends are not queued behind the client's responses.
func (s *Server) Initialized(ctx context.Context, _ *protocol.InitializedParams) error {
	go func() {
		if s.caps.Workspace.Configuration {
			s.fetchSettings()
		}
		s.registerWatchers()
		s.ws.index(s)
	}()
	return nil
}

// Shutdown stops background work; the process keeps serving exit.
func (s *Server) Shutdown(ctx context.Context) error {
	s.shutdown.Store(true)
	s.stop()
	s.log.Info("shutdown")
	return nil
}

// handleExit ends the connection; Serve then returns 0 if shutdown came first.
func (s *Server) handleExit(ctx context.Context, reply jsonrpc2.Replier) error {
	if s.exited.Swap(true) {
		return reply(ctx, nil, nil)
	}
	s.log.Info("exit", "afterShutdown", s.shutdown.Load())
	err := reply(ctx, nil, nil)
	s.stop()
	s.conn.Close()
	close(s.exit)
	return err
}

// registerWatchers asks the client to report *.cs and .editorconfig changes
// on disk (files changed by git, by another editor, by a code generator).
func (s *Server) registerWatchers() {
	if !s.caps.Workspace.DidChangeWatchedFiles.DynamicRegistration {
		return
	}
	params := map[string]any{"registrations": []map[string]any{{
		"id":     "asyncsense-watch",
		"method": protocol.MethodWorkspaceDidChangeWatchedFiles,
		"registerOptions": map[string]any{"watchers": []map[string]string{
			{"globPattern": "**/*.cs"}, {"globPattern": "**/.editorconfig"},
		}},
	}}}
	if _, err := s.conn.Call(s.ctx, protocol.MethodClientRegisterCapability, params, nil); err != nil {
		s.log.Warn("could not register the file watcher", "err", err)
	}
}

func encodingName(e syntax.Encoding) string {
	switch e {
	case syntax.UTF8:
		return "utf-8"
	case syntax.UTF16:
		return "utf-16"
	}
	return fmt.Sprintf("encoding(%d)", int(e))
}
