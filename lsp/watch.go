package lsp

import (
	"context"
	"path/filepath"
	"slices"
	"strings"

	"go.lsp.dev/protocol"
)

// DidChangeWatchedFiles follows changes made outside the editor's buffers:
// git checkouts, generators, other editors.
func (s *Server) DidChangeWatchedFiles(ctx context.Context, p *protocol.DidChangeWatchedFilesParams) error {
	reload := false
	var changed []string
	for _, c := range p.Changes {
		path, ok := uriPath(string(c.URI))
		if !ok {
			continue
		}
		switch {
		case filepath.Base(path) == ".editorconfig":
			reload = true
		case isCSharp(path):
			if s.docs.get(path) != nil {
				continue // the buffer is the truth while open
			}
			if c.Type == protocol.FileChangeTypeDeleted {
				s.ws.remove(s, path)
			} else {
				changed = append(changed, path)
			}
		case c.Type == protocol.FileChangeTypeDeleted:
			for _, p := range s.ws.paths() {
				if strings.HasPrefix(p, path+string(filepath.Separator)) {
					s.ws.remove(s, p)
				}
			}
		}
	}
	if reload {
		s.log.Info(".editorconfig changed; re-reading severities")
		s.reloadConfig()
	}
	if len(changed) > 0 {
		go func() {
			for _, path := range changed {
				s.ws.indexDisk(s.ctx, s, path, nil)
			}
			if s.settings.Load().Diagnostics.Scope == scopeWorkspace && s.ws.isReady() {
				s.ws.diagnoseClosed(s, changed)
			}
		}()
	}
	return nil
}

// DidChangeWorkspaceFolders indexes added folders and forgets removed ones.
func (s *Server) DidChangeWorkspaceFolders(ctx context.Context, p *protocol.DidChangeWorkspaceFoldersParams) error {
	var added, removed []string
	for _, f := range p.Event.Added {
		if path, ok := uriPath(f.URI); ok {
			added = append(added, path)
		}
	}
	for _, f := range p.Event.Removed {
		if path, ok := uriPath(f.URI); ok {
			removed = append(removed, path)
		}
	}
	ws := s.ws
	ws.mu.Lock()
	kept := ws.roots[:0]
	for _, r := range ws.roots {
		if !slices.Contains(removed, r) {
			kept = append(kept, r)
		}
	}
	ws.roots = append(kept, added...)
	ws.mu.Unlock()
	for _, p := range ws.paths() {
		if !ws.underRoot(p) && s.docs.get(p) == nil {
			ws.remove(s, p)
		}
	}
	if len(added) > 0 {
		go ws.scan(s, added, false)
	}
	return nil
}

func (ws *workspace) underRoot(path string) bool {
	ws.mu.Lock()
	defer ws.mu.Unlock()
	for _, r := range ws.roots {
		if strings.HasPrefix(path, r+string(filepath.Separator)) {
			return true
		}
	}
	return false
}
