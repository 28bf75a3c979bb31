package lsp

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"go.lsp.dev/protocol"

	"github.com/asyncsense/asyncsense/rules"
	"github.com/asyncsense/asyncsense/syntax"
)

// CodeAction offers, for each finding in the range: one quick fix per fix
// the rule computed (the first safe one preferred), and a `#pragma` to
// suppress the rule on the finding's lines; plus source.fixAll.asyncsense,
// which applies every safe fix in the document. Edits are computed on the
// snapshot of the version the client has (messages are handled in order, so
// it is the current one) and say which version they apply to.
func (s *Server) CodeAction(ctx context.Context, p *protocol.CodeActionParams) ([]protocol.CodeAction, error) {
	d, snap, err := s.openSnapshot(ctx, p.TextDocument.URI)
	if snap == nil {
		return nil, err
	}
	m := snap.file.Mapper()
	start, end := s.span(m, p.Range)
	want := func(kind protocol.CodeActionKind) bool {
		if len(p.Context.Only) == 0 {
			return true
		}
		for _, only := range p.Context.Only {
			if kind == only || strings.HasPrefix(string(kind), string(only)+".") {
				return true
			}
		}
		return false
	}
	out := []protocol.CodeAction{}
	var f *syntax.File // a clone, made once if a suppression needs the tree
	for _, dg := range s.actionable(snap, start, end, p.Context.Diagnostics) {
		ld, _ := s.lspDiagnostic(m, snap.version, dg)
		if want(protocol.QuickFix) {
			preferred := true
			for _, fix := range validFixes(s, dg, len(snap.text)) {
				out = append(out, protocol.CodeAction{
					Title:       fix.Title,
					Kind:        protocol.QuickFix,
					Diagnostics: []protocol.Diagnostic{ld},
					IsPreferred: preferred && fix.Safety == rules.Safe,
					Edit:        s.workspaceEdit(d.uri, snap, fix.Edits),
				})
				preferred = false
			}
			if f == nil {
				f = snap.file.Clone()
			}
			if edits, ok := suppressEdits(f, dg); ok {
				out = append(out, protocol.CodeAction{
					Title:       fmt.Sprintf("Suppress %s on this line", dg.Rule),
					Kind:        protocol.QuickFix,
					Diagnostics: []protocol.Diagnostic{ld},
					Edit:        s.workspaceEdit(d.uri, snap, edits),
				})
			}
		}
	}
	if want(kindFixAll) {
		valid := make([]rules.Diagnostic, 0, len(snap.analysis.Diagnostics))
		for _, dg := range snap.analysis.Diagnostics {
			dg.Fixes = validFixes(s, dg, len(snap.text))
			valid = append(valid, dg)
		}
		if _, applied := rules.ApplyFixes(snap.text, valid, false); len(applied) > 0 {
			var edits []rules.Edit
			for _, a := range applied {
				edits = append(edits, a.Fix.Edits...)
			}
			out = append(out, protocol.CodeAction{
				Title: fmt.Sprintf("Fix all safe asyncsense findings (%d)", len(applied)),
				Kind:  kindFixAll,
				Edit:  s.workspaceEdit(d.uri, snap, edits),
			})
		}
	}
	return out, nil
}

// validFixes drops fixes whose edits fall outside the text or overlap: a
// rule bug must cost its own fix, not the whole code action request.
func validFixes(s *Server, d rules.Diagnostic, size int) []rules.Fix {
	var out []rules.Fix
next:
	for _, f := range d.Fixes {
		edits := append([]rules.Edit(nil), f.Edits...)
		sort.Slice(edits, func(i, j int) bool { return edits[i].Start < edits[j].Start })
		for i, e := range edits {
			if e.Start < 0 || e.End < e.Start || e.End > size || i > 0 && e.Start < edits[i-1].End {
				s.log.Error("dropping a fix with invalid edits", "rule", d.Rule, "fix", f.Title, "edit", fmt.Sprintf("%+v", e), "size", size)
				continue next
			}
		}
		out = append(out, f)
	}
	return out
}

// actionable picks the findings a request is about: those the client sent
// back in its context when their data still matches a current finding,
// otherwise every finding touching the range.
func (s *Server) actionable(snap *snapshot, start, end int, sent []protocol.Diagnostic) []rules.Diagnostic {
	var out []rules.Diagnostic
	seen := map[int]bool{}
	for _, ld := range sent {
		if ld.Source != "asyncsense" {
			continue
		}
		raw, _ := json.Marshal(ld.Data)
		var data diagData
		if json.Unmarshal(raw, &data) != nil {
			continue
		}
		for i, dg := range snap.analysis.Diagnostics {
			if !seen[i] && dg.Rule == data.Rule && dg.Start == data.Start && dg.End == data.End {
				seen[i] = true
				out = append(out, dg)
			}
		}
	}
	for i, dg := range snap.analysis.Diagnostics {
		if _, shown := lspSeverity[dg.Severity]; shown && !seen[i] && dg.Start <= end && start <= dg.End {
			seen[i] = true
			out = append(out, dg)
		}
	}
	return out
}

// workspaceEdit converts engine edits on snap's text: documentChanges
// pinned to snap's version when the client supports them, else changes.
func (s *Server) workspaceEdit(uri protocol.DocumentURI, snap *snapshot, edits []rules.Edit) *protocol.WorkspaceEdit {
	m := snap.file.Mapper()
	text := make([]protocol.TextEdit, 0, len(edits))
	for _, e := range edits {
		text = append(text, protocol.TextEdit{Range: s.lspRange(m, e.Start, e.End), NewText: e.NewText})
	}
	if s.caps.Workspace.WorkspaceEdit.DocumentChanges {
		v := snap.version
		return &protocol.WorkspaceEdit{DocumentChanges: []protocol.TextDocumentEdit{{
			TextDocument: protocol.OptionalVersionedTextDocumentIdentifier{
				TextDocumentIdentifier: protocol.TextDocumentIdentifier{URI: uri}, Version: &v,
			},
			Edits: text,
		}}}
	}
	return &protocol.WorkspaceEdit{Changes: map[protocol.DocumentURI][]protocol.TextEdit{uri: text}}
}

// suppressEdits wraps the lines of a finding in `#pragma warning disable` /
// `restore`, indented like the first line and with the file's line ending.
// It refuses when a directive line would land inside a multi-line token (a
// verbatim or raw string, a block comment), where it would change the text
// instead of the compilation.
func suppressEdits(f *syntax.File, d rules.Diagnostic) ([]rules.Edit, bool) {
	src := f.Src
	m := f.Mapper()
	first, _ := m.Position(d.Start, syntax.UTF8)
	last, _ := m.Position(max(d.Start, d.End-1), syntax.UTF8)
	before := m.LineStart(first)
	after := len(src)
	if last+1 < m.LineCount() {
		after = m.LineStart(last + 1)
	}
	if insideToken(f, before) || insideToken(f, after) {
		return nil, false
	}
	nl := "\n"
	if bytes.Contains(src, []byte("\r\n")) {
		nl = "\r\n"
	}
	indent := leadingSpace(src[before:])
	disable := indent + "#pragma warning disable " + d.Rule + nl
	restore := indent + "#pragma warning restore " + d.Rule + nl
	if after == len(src) && (after == 0 || src[after-1] != '\n' && src[after-1] != '\r') {
		restore = nl + strings.TrimSuffix(restore, nl)
	}
	return []rules.Edit{
		{Start: before, End: before, NewText: disable},
		{Start: after, End: after, NewText: restore},
	}, true
}

func insideToken(f *syntax.File, off int) bool {
	if off <= 0 || off >= len(f.Src) {
		return false
	}
	path := f.Enclosing(off, off)
	for _, n := range path[1:] {
		if n.Start() < off && off < n.End() && strings.Contains(n.Kind(), "string") || n.Kind() == "comment" && n.Start() < off && off < n.End() {
			return true
		}
	}
	return false
}

func leadingSpace(line []byte) string {
	i := 0
	for i < len(line) && (line[i] == ' ' || line[i] == '\t') {
		i++
	}
	return string(line[:i])
}
