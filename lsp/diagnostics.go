package lsp

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"strings"

	segjson "github.com/segmentio/encoding/json"
	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"

	"github.com/asyncsense/asyncsense/rules"
	"github.com/asyncsense/asyncsense/syntax"
)

// diagData rides along with each diagnostic so a code action request can
// find the exact finding again: the version it was computed on, the rule
// and its byte range.
type diagData struct {
	Version int32  `json:"version"`
	Rule    string `json:"rule"`
	Start   int    `json:"start"`
	End     int    `json:"end"`
}

var lspSeverity = map[rules.Severity]protocol.DiagnosticSeverity{
	rules.Error:      protocol.DiagnosticSeverityError,
	rules.Warning:    protocol.DiagnosticSeverityWarning,
	rules.Suggestion: protocol.DiagnosticSeverityInformation,
	rules.Silent:     protocol.DiagnosticSeverityHint,
}

// lspDiagnostics converts a snapshot's findings; never nil, because a nil
// slice marshals to null and clients want [] to clear.
func (s *Server) lspDiagnostics(path string, snap *snapshot) []protocol.Diagnostic {
	out := []protocol.Diagnostic{}
	if snap.analysis == nil || snap.file == nil {
		return out
	}
	m := snap.file.Mapper()
	for _, d := range snap.analysis.Diagnostics {
		if ld, ok := s.lspDiagnostic(m, snap.version, d); ok {
			out = append(out, ld)
		}
	}
	return out
}

func (s *Server) lspDiagnostic(m *syntax.Mapper, version int32, d rules.Diagnostic) (protocol.Diagnostic, bool) {
	sev, ok := lspSeverity[d.Severity]
	if !ok {
		return protocol.Diagnostic{}, false // none: not published
	}
	ld := protocol.Diagnostic{
		Range:    s.lspRange(m, d.Start, d.End),
		Severity: sev,
		Code:     d.Rule,
		Source:   "asyncsense",
		Message:  d.Message,
		Data:     diagData{Version: version, Rule: d.Rule, Start: d.Start, End: d.End},
	}
	if d.Unnecessary {
		ld.Tags = []protocol.DiagnosticTag{protocol.DiagnosticTagUnnecessary}
	}
	if href := s.docsHref(d.Rule); href != "" {
		ld.CodeDescription = &protocol.CodeDescription{Href: protocol.URI(href)}
	}
	return ld, true
}

// docsHref fills the docsUrl setting for one rule.
func (s *Server) docsHref(id string) string {
	tmpl := s.settings.Load().DocsURL
	if tmpl == "" {
		return ""
	}
	name := ""
	if a := s.lookupRule(id); a != nil {
		name = a.Name
	}
	if strings.Contains(tmpl, "{id}") || strings.Contains(tmpl, "{name}") {
		return strings.NewReplacer("{id}", id, "{name}", name).Replace(tmpl)
	}
	return strings.TrimSuffix(tmpl, "/") + "/" + id
}

// publish sends textDocument/publishDiagnostics unless the client already
// has exactly these diagnostics for uri. A nil diags clears.
func (s *Server) publish(uri protocol.DocumentURI, version *int32, diags []protocol.Diagnostic) {
	if diags == nil {
		diags = []protocol.Diagnostic{}
	}
	key := publishKey(diags)
	s.pubMu.Lock()
	defer s.pubMu.Unlock()
	if last, ok := s.published[uri]; ok && last == key || !ok && len(diags) == 0 && version == nil {
		return
	}
	params := &protocol.PublishDiagnosticsParams{URI: uri, Diagnostics: diags}
	if version != nil && *version >= 0 {
		params.Version = uint32(*version)
	}
	if err := s.client.PublishDiagnostics(s.ctx, params); err != nil {
		s.log.Debug("publishDiagnostics failed", "uri", uri, "err", err)
		return
	}
	s.published[uri] = key
}

// publishKey identifies a diagnostics list for "has the client got this
// already?". The version inside data is left out: after an edit below every
// finding, the client already holds the right ranges and offsets.
func publishKey(diags []protocol.Diagnostic) string {
	norm := make([]protocol.Diagnostic, len(diags))
	for i, d := range diags {
		if dd, ok := d.Data.(diagData); ok {
			dd.Version = 0
			d.Data = dd
		}
		norm[i] = d
	}
	payload, _ := segjson.Marshal(norm) // as fast as what publishes them, unlike encoding/json
	return string(payload)
}

// handlePullDiagnostics answers textDocument/diagnostic (LSP 3.17), which
// protocol v0.12.0 does not know. A client that pulls gets no pushes for
// open documents, or it would show every finding twice.
func (s *Server) handlePullDiagnostics(ctx context.Context, reply jsonrpc2.Replier, req jsonrpc2.Request) error {
	var p struct {
		TextDocument struct {
			URI protocol.DocumentURI `json:"uri"`
		} `json:"textDocument"`
		PreviousResultID string `json:"previousResultId"`
	}
	if err := json.Unmarshal(req.Params(), &p); err != nil {
		return reply(ctx, nil, jsonrpc2.NewError(jsonrpc2.InvalidParams, err.Error()))
	}
	// A full report needs its items even when empty, hence a map and not
	// a struct with omitempty.
	full := func(id string, items []protocol.Diagnostic) map[string]any {
		r := map[string]any{"kind": "full", "items": items}
		if id != "" {
			r["resultId"] = id
		}
		return r
	}
	path, ok := docPath(p.TextDocument.URI)
	d := s.docs.get(path)
	if !ok || d == nil {
		return reply(ctx, full("", []protocol.Diagnostic{}), nil)
	}
	snap, err := d.snapshot(ctx, s)
	if err != nil {
		return reply(ctx, nil, jsonrpc2.NewError(codeRequestCanceled, "superseded"))
	}
	items := s.lspDiagnostics(path, snap)
	sum := sha256.Sum256([]byte(publishKey(items)))
	id := hex.EncodeToString(sum[:12])
	if id == p.PreviousResultID {
		return reply(ctx, map[string]any{"kind": "unchanged", "resultId": id}, nil)
	}
	return reply(ctx, full(id, items), nil)
}
