package lsp

import (
	"bytes"
	"context"
	"sync"

	segjson "github.com/segmentio/encoding/json"
	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"

	"github.com/asyncsense/asyncsense/syntax"
)

// store holds the open documents by path: a client may spell one file's URI
// in more than one way, the file system has one name for it.
type store struct {
	mu   sync.Mutex
	docs map[string]*document
}

func newStore() *store { return &store{docs: map[string]*document{}} }

func (st *store) get(path string) *document {
	st.mu.Lock()
	defer st.mu.Unlock()
	return st.docs[path]
}

func (st *store) each(fn func(*document)) {
	st.mu.Lock()
	docs := make([]*document, 0, len(st.docs))
	for _, d := range st.docs {
		docs = append(docs, d)
	}
	st.mu.Unlock()
	for _, d := range docs {
		fn(d)
	}
}

// document is one open file. The text is updated synchronously by each
// change, in arrival order; parsing and analysis happen later, off the
// request loop, in snapshot.
type document struct {
	uri  protocol.DocumentURI // as the client spells it: publish under this one
	path string

	mu       sync.Mutex
	version  int32
	text     []byte
	mapper   *syntax.Mapper // of text, built on demand
	log      []change       // edits since base, oldest first
	base     *snapshot      // the newest snapshot computed, possibly of an older version
	stale    uint64         // bumped when index changes make base's analysis outdated
	closed   bool
	compute  chan struct{} // one snapshot computation at a time
	sched    schedule
	factsSeq uint64 // facts extraction generation, see workspace.go
}

type change struct {
	version int32
	edits   []syntax.Edit
}

func (d *document) mapperLocked() *syntax.Mapper {
	if d.mapper == nil {
		d.mapper = syntax.NewMapper(d.text)
	}
	return d.mapper
}

// current returns the version and text the client has.
func (d *document) current() (int32, []byte, *syntax.Mapper) {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.version, d.text, d.mapperLocked()
}

// DidOpen starts tracking a .cs document and schedules its first analysis
// without debounce: nothing is being typed yet.
func (s *Server) DidOpen(ctx context.Context, p *protocol.DidOpenTextDocumentParams) error {
	path, ok := docPath(p.TextDocument.URI)
	if !ok {
		return nil
	}
	d := &document{
		uri: p.TextDocument.URI, path: path, version: p.TextDocument.Version,
		text: []byte(p.TextDocument.Text), compute: make(chan struct{}, 1),
	}
	s.docs.mu.Lock()
	if old := s.docs.docs[path]; old != nil {
		old.close()
	}
	s.docs.docs[path] = d
	s.docs.mu.Unlock()
	if u := pathURI(path); u != d.uri {
		s.publish(u, nil, nil) // closed-file findings under our spelling of the URI
	}
	if s.caps.pull() {
		// The client pulls for open documents; findings pushed while the
		// file was closed would show twice.
		s.publish(d.uri, nil, nil)
	}
	s.diagnose(d, 0)
	s.ws.scheduleFacts(s, d)
	return nil
}

// handleDidChange applies content changes in order: each range is relative
// to the text after the previous change.
func (s *Server) handleDidChange(ctx context.Context, reply jsonrpc2.Replier, req jsonrpc2.Request) error {
	var p struct {
		TextDocument struct {
			URI     protocol.DocumentURI `json:"uri"`
			Version int32                `json:"version"`
		} `json:"textDocument"`
		ContentChanges []struct {
			Range *protocol.Range `json:"range"`
			Text  string          `json:"text"`
		} `json:"contentChanges"`
	}
	// segmentio's decoder: encoding/json's reflection showed in the
	// keystroke's profile.
	if err := segjson.Unmarshal(req.Params(), &p); err != nil {
		s.log.Warn("didChange: bad params", "err", err)
		return reply(ctx, nil, nil)
	}
	path, ok := docPath(p.TextDocument.URI)
	if !ok {
		return reply(ctx, nil, nil)
	}
	d := s.docs.get(path)
	if d == nil {
		s.log.Warn("didChange for a document that is not open", "uri", p.TextDocument.URI)
		return reply(ctx, nil, nil)
	}
	d.mu.Lock()
	var edits []syntax.Edit
	for _, c := range p.ContentChanges {
		e := syntax.Edit{Start: 0, OldEnd: len(d.text), NewText: []byte(c.Text)}
		if c.Range != nil {
			e.Start, e.OldEnd = s.span(d.mapperLocked(), *c.Range)
		}
		d.text = applyEdit(d.text, e)
		d.mapper = nil
		edits = append(edits, e)
	}
	d.version = p.TextDocument.Version
	d.log = append(d.log, change{version: d.version, edits: edits})
	d.mu.Unlock()
	s.diagnose(d, s.settings.Load().debounce())
	s.ws.scheduleFacts(s, d)
	return reply(ctx, nil, nil)
}

func applyEdit(text []byte, e syntax.Edit) []byte {
	// bytes.Join allocates without zeroing first: at every keystroke this
	// is a new copy of the whole document.
	return bytes.Join([][]byte{text[:e.Start], e.NewText, text[e.OldEnd:]}, nil)
}

// DidSave refreshes the document's facts in the index at once: a save is
// the natural point to tell the rest of the workspace about new signatures.
func (s *Server) DidSave(ctx context.Context, p *protocol.DidSaveTextDocumentParams) error {
	if path, ok := docPath(p.TextDocument.URI); ok {
		if d := s.docs.get(path); d != nil {
			s.ws.updateFacts(s, d)
		}
	}
	return nil
}

// DidClose forgets the document. Its findings are cleared, or, with the
// workspace scope, replaced by those of the file on disk.
func (s *Server) DidClose(ctx context.Context, p *protocol.DidCloseTextDocumentParams) error {
	path, ok := docPath(p.TextDocument.URI)
	if !ok {
		return nil
	}
	s.docs.mu.Lock()
	d := s.docs.docs[path]
	if d != nil {
		delete(s.docs.docs, path)
	}
	s.docs.mu.Unlock()
	if d == nil {
		return nil
	}
	d.close()
	s.publish(d.uri, nil, nil)
	s.ws.closed(s, path)
	return nil
}

// close stops the document's scheduled work; a publish racing with it
// sees closed and stays quiet.
func (d *document) close() {
	d.mu.Lock()
	d.closed = true
	d.mu.Unlock()
	d.sched.stop()
}
