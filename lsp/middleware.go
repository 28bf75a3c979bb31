package lsp

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"runtime/debug"
	"sync/atomic"
	"time"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"
)

// Methods decoded here rather than by protocol.ServerHandler, because
// protocol v0.12.0 gets their types wrong or lacks them.
const (
	methodDiagnostic    = "textDocument/diagnostic" // LSP 3.17 pull diagnostics: absent from v0.12.0
	methodLogTrace      = "$/logTrace"
	codeRequestCanceled = jsonrpc2.Code(-32800)
)

// handler builds the chain, outermost first:
//
//	cancel:  $/cancelRequest cancels the matching request's context; it runs
//	         in the read loop so it can overtake the queue.
//	async:   each message gets a goroutine, started in arrival order once the
//	         previous one has replied; a handler may call the client
//	         (workspace/configuration, workDoneProgress/create) without
//	         deadlocking the read loop.
//	guard:   logging, trace, panic recovery, lifecycle state.
//	route:   our own decoders for the methods protocol v0.12.0 mistypes,
//	         protocol.ServerHandler for the rest.
func (s *Server) handler() jsonrpc2.Handler {
	inner, canceller := jsonrpc2.CancelHandler(jsonrpc2.AsyncHandler(s.guard(s.route)))
	return func(ctx context.Context, reply jsonrpc2.Replier, req jsonrpc2.Request) error {
		if req.Method() != protocol.MethodCancelRequest {
			return inner(ctx, reply, req)
		}
		// protocol.CancelHandler type-switches the id on int32, which a
		// JSON number never decodes to, so numeric ids never cancel there.
		var p struct {
			ID *jsonrpc2.ID `json:"id"`
		}
		if err := json.Unmarshal(req.Params(), &p); err == nil && p.ID != nil {
			canceller(*p.ID)
		}
		return reply(ctx, nil, nil)
	}
}

// guard wraps every message: it enforces the lifecycle (nothing but
// initialize before initialize, nothing but exit after shutdown), recovers a
// panic into an InternalError reply so one bad request does not take the
// server down, answers RequestCancelled for cancelled requests, and logs.
func (s *Server) guard(next jsonrpc2.Handler) jsonrpc2.Handler {
	return func(ctx context.Context, reply jsonrpc2.Replier, req jsonrpc2.Request) error {
		start := time.Now()
		method := req.Method()
		call, isCall := req.(*jsonrpc2.Call)
		var replied atomic.Bool
		send := func(ctx context.Context, result interface{}, err error) error {
			// AsyncHandler releases the next message on reply, and a second
			// reply would close its channel twice: keep it to exactly one.
			if replied.Swap(true) {
				return nil
			}
			if isCall && ctx.Err() != nil && (err == nil || errors.Is(err, context.Canceled)) {
				result, err = nil, jsonrpc2.NewError(codeRequestCanceled, "request cancelled")
			}
			s.traceMessage(req, start, err)
			return reply(context.WithoutCancel(ctx), result, err)
		}
		defer func() {
			if r := recover(); r != nil {
				s.log.Error("internal error", "method", method, "panic", fmt.Sprint(r), "stack", string(debug.Stack()))
				send(ctx, nil, jsonrpc2.NewError(jsonrpc2.InternalError, fmt.Sprintf("asyncsense: internal error in %s: %v", method, r)))
			}
		}()
		switch {
		case method == protocol.MethodExit:
		case method == protocol.MethodInitialize && s.initialized.Load():
			return send(ctx, nil, jsonrpc2.NewError(jsonrpc2.InvalidRequest, "initialize was already called"))
		case method != protocol.MethodInitialize && !s.initialized.Load():
			if isCall {
				return send(ctx, nil, jsonrpc2.NewError(jsonrpc2.ServerNotInitialized, "the server is not initialized yet"))
			}
			return send(ctx, nil, nil)
		case s.shutdown.Load():
			if isCall {
				return send(ctx, nil, jsonrpc2.NewError(jsonrpc2.InvalidRequest, "the server is shutting down"))
			}
			return send(ctx, nil, nil)
		}
		if isCall {
			s.log.Debug("request", "method", method, "id", fmt.Sprintf("%v", call.ID()))
		} else {
			s.log.Debug("notification", "method", method)
		}
		err := next(ctx, send, req)
		if !replied.Load() {
			send(ctx, nil, nil)
		}
		if d := time.Since(start); d > 500*time.Millisecond {
			s.log.Info("slow message", "method", method, "took", d.Round(time.Millisecond))
		}
		return err
	}
}

// route sends each method to its decoder.
func (s *Server) route(ctx context.Context, reply jsonrpc2.Replier, req jsonrpc2.Request) error {
	switch req.Method() {
	case protocol.MethodInitialize:
		return s.handleInitialize(ctx, reply, req)
	case protocol.MethodShutdown:
		// protocol rejects `"params": null`, which lsp4j sends.
		return reply(ctx, nil, s.Shutdown(ctx))
	case protocol.MethodExit:
		return s.handleExit(ctx, reply)
	case protocol.MethodTextDocumentDidChange:
		// protocol's change event has a non-pointer Range, so a
		// whole-document change reads as an insertion at 0:0.
		return s.handleDidChange(ctx, reply, req)
	case methodDiagnostic:
		return s.handlePullDiagnostics(ctx, reply, req)
	case protocol.MethodSetTrace:
		// protocol spells the value "message"; the specification "messages".
		var p struct {
			Value string `json:"value"`
		}
		if err := json.Unmarshal(req.Params(), &p); err == nil {
			s.trace.Store(p.Value)
		}
		return reply(ctx, nil, nil)
	}
	if !knownMethods[req.Method()] {
		if _, isCall := req.(*jsonrpc2.Call); isCall {
			return reply(ctx, nil, jsonrpc2.NewError(jsonrpc2.MethodNotFound, "method not found: "+req.Method()))
		}
		// Unknown notifications ($/ ones, custom ones from other servers'
		// clients) are ignored, as the specification asks.
		return reply(ctx, nil, nil)
	}
	return protocol.ServerHandler(s, nil)(ctx, reply, nullParams(req))
}

// knownMethods are those protocol.ServerHandler decodes; anything else would
// reach Server.Request after a JSON round trip that fails on absent params.
var knownMethods = map[string]bool{}

func init() {
	for _, m := range []string{
		protocol.MethodInitialized, protocol.MethodWorkDoneProgressCancel, protocol.MethodLogTrace,
		protocol.MethodTextDocumentCodeAction, protocol.MethodTextDocumentCodeLens, protocol.MethodCodeLensResolve,
		protocol.MethodTextDocumentColorPresentation, protocol.MethodTextDocumentCompletion, protocol.MethodCompletionItemResolve,
		protocol.MethodTextDocumentDeclaration, protocol.MethodTextDocumentDefinition,
		protocol.MethodWorkspaceDidChangeConfiguration, protocol.MethodWorkspaceDidChangeWatchedFiles,
		protocol.MethodWorkspaceDidChangeWorkspaceFolders, protocol.MethodTextDocumentDidClose,
		protocol.MethodTextDocumentDidOpen, protocol.MethodTextDocumentDidSave, protocol.MethodTextDocumentDocumentColor,
		protocol.MethodTextDocumentDocumentHighlight, protocol.MethodTextDocumentDocumentLink, protocol.MethodDocumentLinkResolve,
		protocol.MethodTextDocumentDocumentSymbol, protocol.MethodWorkspaceExecuteCommand, protocol.MethodTextDocumentFoldingRange,
		protocol.MethodTextDocumentFormatting, protocol.MethodTextDocumentHover, protocol.MethodTextDocumentImplementation,
		protocol.MethodTextDocumentOnTypeFormatting, protocol.MethodTextDocumentPrepareRename,
		protocol.MethodTextDocumentRangeFormatting, protocol.MethodTextDocumentReferences, protocol.MethodTextDocumentRename,
		protocol.MethodTextDocumentSignatureHelp, protocol.MethodWorkspaceSymbol, protocol.MethodTextDocumentTypeDefinition,
		protocol.MethodTextDocumentWillSave, protocol.MethodTextDocumentWillSaveWaitUntil,
		protocol.MethodWillCreateFiles, protocol.MethodDidCreateFiles, protocol.MethodWillRenameFiles,
		protocol.MethodDidRenameFiles, protocol.MethodWillDeleteFiles, protocol.MethodDidDeleteFiles,
		protocol.MethodTextDocumentPrepareCallHierarchy, protocol.MethodCallHierarchyIncomingCalls,
		protocol.MethodCallHierarchyOutgoingCalls, protocol.MethodSemanticTokensFull, protocol.MethodSemanticTokensFullDelta,
		protocol.MethodSemanticTokensRange, protocol.MethodLinkedEditingRange, protocol.MethodMoniker,
	} {
		knownMethods[m] = true
	}
}

// nullParams gives a message without params an explicit null, which every
// protocol decoder accepts as the zero value, instead of an empty body none does.
func nullParams(req jsonrpc2.Request) jsonrpc2.Request {
	if len(req.Params()) > 0 {
		return req
	}
	if call, ok := req.(*jsonrpc2.Call); ok {
		c, _ := jsonrpc2.NewCall(call.ID(), call.Method(), nil)
		return c
	}
	n, _ := jsonrpc2.NewNotification(req.Method(), nil)
	return n
}

// traceMessage answers $/setTrace: with tracing on, each message handled
// becomes a $/logTrace line (with its params when verbose).
func (s *Server) traceMessage(req jsonrpc2.Request, start time.Time, err error) {
	mode, _ := s.trace.Load().(string)
	if mode == "" || mode == "off" || s.conn == nil {
		return
	}
	msg := fmt.Sprintf("handled %s in %v", req.Method(), time.Since(start).Round(time.Microsecond))
	if err != nil {
		msg += ": " + err.Error()
	}
	p := struct {
		Message string `json:"message"`
		Verbose string `json:"verbose,omitempty"`
	}{Message: msg}
	if mode == "verbose" {
		p.Verbose = string(req.Params())
		if len(p.Verbose) > 4096 {
			p.Verbose = p.Verbose[:4096] + "…"
		}
	}
	go s.conn.Notify(s.ctx, methodLogTrace, p)
}
