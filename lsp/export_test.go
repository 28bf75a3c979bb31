package lsp

import (
	"fmt"
	"strings"
	"time"

	"github.com/asyncsense/asyncsense/syntax"
)

// DocumentState exposes, to the tests, the text and tree of the newest
// snapshot of an open document and the version they belong to.
func (s *Server) DocumentState(path string) (version int32, text []byte, tree string, ok bool) {
	d := s.docs.get(path)
	if d == nil {
		return 0, nil, "", false
	}
	d.mu.Lock()
	base := d.base
	d.mu.Unlock()
	if base == nil || base.file == nil {
		return 0, nil, "", false
	}
	return base.version, base.text, SExpr(base.file.Clone()), true
}

// SExpr renders every node by kind and byte range; points are left out, as
// smacker's Tree.Edit gets them wrong after line-count changes.
func SExpr(f *syntax.File) string {
	var b strings.Builder
	var rec func(n syntax.Node)
	rec = func(n syntax.Node) {
		fmt.Fprintf(&b, "(%s %d %d", n.Kind(), n.Start(), n.End())
		for _, c := range n.Children() {
			b.WriteByte(' ')
			rec(c)
		}
		b.WriteByte(')')
	}
	rec(f.Root())
	return b.String()
}

// IndexedMethods lists the methods the index knows by name, for tests.
func (s *Server) IndexedMethods(name string) string {
	return fmt.Sprintf("%+v", s.index.Methods(name))
}

// Settled waits until an open document's facts are in the index and its
// analysis reflects them: the state a user typing after a pause meets.
func (s *Server) Settled(path string, timeout time.Duration) bool {
	deadline := time.Now().Add(timeout)
	for time.Now().Before(deadline) {
		d := s.docs.get(path)
		if d != nil {
			d.mu.Lock()
			base, stale := d.base, d.stale
			d.mu.Unlock()
			s.ws.mu.Lock()
			_, indexed := s.ws.facts[path]
			s.ws.mu.Unlock()
			if indexed && base != nil && base.stale == stale && len(d.compute) == 0 {
				return true
			}
		}
		time.Sleep(10 * time.Millisecond)
	}
	return false
}
