package lsp

import (
	"net/url"
	"path/filepath"
	"runtime"
	"strings"

	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"

	"github.com/asyncsense/asyncsense/syntax"
)

// The engine speaks byte offsets; this file is the edge where they become
// LSP positions, in the encoding negotiated at initialize. All column
// arithmetic is the syntax.Mapper's.

func (s *Server) position(m *syntax.Mapper, offset int) protocol.Position {
	line, col := m.Position(offset, s.enc)
	return protocol.Position{Line: uint32(line), Character: uint32(col)}
}

func (s *Server) lspRange(m *syntax.Mapper, start, end int) protocol.Range {
	return protocol.Range{Start: s.position(m, start), End: s.position(m, end)}
}

// offset converts a client position. Positions past the end of a line or of
// the text clamp to it, as the specification asks; ok is false when the
// position was outside the text, which a hover treats as "nothing here".
func (s *Server) offset(m *syntax.Mapper, p protocol.Position) (int, bool) {
	return m.Offset(int(p.Line), int(p.Character), s.enc)
}

// span converts a client range to byte offsets, ordered.
func (s *Server) span(m *syntax.Mapper, r protocol.Range) (start, end int) {
	start, _ = s.offset(m, r.Start)
	end, _ = s.offset(m, r.End)
	if end < start {
		start, end = end, start
	}
	return start, end
}

// uriPath returns the file path of a file:// URI. go.lsp.dev/uri's
// Filename panics on other schemes (untitled:, git:), which clients send.
func uriPath(raw string) (string, bool) {
	u, err := url.Parse(raw)
	if err != nil || u.Scheme != "file" {
		return "", false
	}
	p := u.Path
	if runtime.GOOS == "windows" {
		p = strings.TrimPrefix(p, "/")
	}
	if p == "" {
		return "", false
	}
	return filepath.Clean(filepath.FromSlash(p)), true
}

// pathURI is the URI the server uses for a file the client has not opened.
func pathURI(path string) protocol.DocumentURI {
	return protocol.DocumentURI(uri.File(path))
}
