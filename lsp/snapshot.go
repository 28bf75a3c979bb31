package lsp

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"go.lsp.dev/protocol"
	"time"

	"github.com/asyncsense/asyncsense/rules"
	"github.com/asyncsense/asyncsense/syntax"
)

// snapshot is one version of a document, parsed and analysed; immutable.
// Its File is shared: walk a Clone, never the File itself (smacker's nodes
// carry an unguarded per-tree cache).
type snapshot struct {
	version   int32
	text      []byte
	file      *syntax.File // nil when the file is too large to analyse
	analysis  *rules.Analysis
	cfgGen    int64  // the settings and .editorconfig it was analysed with
	stale     uint64 // the document's stale count its whole analysis reflects
	generated bool
	// provisional: the tree came from a cancellable parse, incremental or
	// not. With syntax errors such a tree can differ from the one a plain
	// parse of the same text gives (`asyncsense check`'s): tree-sitter's
	// error recovery depends on the edit history and, in time-sliced
	// parses, on where the slices fell. settle replaces it when typing pauses.
	provisional bool
	hasErrors   bool // the tree has ERROR or MISSING nodes
}

// mode says how much of a snapshot may be carried over from the last one.
type mode int

const (
	// keystroke: reparse incrementally and re-analyse the edited member,
	// even when index changes have made the rest of the analysis outdated
	// (a full analysis of a large file takes seconds; it waits for a pause).
	keystroke mode = iota
	// complete: as keystroke, but the whole file is analysed again if the
	// index changed since its analysis.
	complete
	// fresh: analyse everything on a tree given by the caller.
	fresh
)

// openSnapshot is what a request about one document starts with: the open
// document at uri and its current snapshot, or nils (and no error) for a
// URI that is not an open .cs document or whose text did not parse.
func (s *Server) openSnapshot(ctx context.Context, uri protocol.DocumentURI) (*document, *snapshot, error) {
	path, ok := docPath(uri)
	d := s.docs.get(path)
	if !ok || d == nil {
		return nil, nil, nil
	}
	snap, err := d.snapshot(ctx, s)
	if err != nil || snap.file == nil {
		return nil, nil, err
	}
	return d, snap, nil
}

// snapshot returns the parsed and analysed current version, computing it
// from the newest snapshot and the edits since: an incremental reparse from
// the old tree, then rules.Analysis.Update, which re-analyses only the member
// the edits fell in. ctx cancels the work (a newer version supersedes it).
func (d *document) snapshot(ctx context.Context, s *Server) (*snapshot, error) {
	return d.compute1(ctx, s, keystroke, nil)
}

// settle runs when typing pauses: it replaces a reparsed tree that has
// syntax errors by a fresh parse, and an analysis the index has outdated by
// a complete one. It reports whether the findings changed.
func (d *document) settle(ctx context.Context, s *Server) bool {
	d.mu.Lock()
	base, stale, version, text := d.base, d.stale, d.version, d.text
	d.mu.Unlock()
	if base == nil || base.version != version {
		return false // typing goes on; the next pause settles
	}
	var snap *snapshot
	var err error
	switch {
	case base.provisional && base.hasErrors:
		// A plain parse cannot be cancelled, so it runs outside the
		// document's compute slot: keystrokes are not held up, and a
		// result for an outdated version is dropped.
		f := syntax.Parse(d.path, text)
		if ctx.Err() != nil {
			return false
		}
		if base.analysis != nil && base.stale == stale && base.cfgGen == s.cfgGen.Load() && rules.SameMembers(base.file.Clone(), f.Clone()) {
			// Only the tree changes: keep the findings, which a complete
			// analysis of a large file would take seconds to confirm.
			return d.adopt(base, f)
		}
		snap, err = d.compute1(ctx, s, fresh, f)
	case base.stale != stale || base.cfgGen != s.cfgGen.Load():
		snap, err = d.compute1(ctx, s, complete, nil)
	default:
		return false
	}
	return err == nil && snap != base && !sameFindings(snap, base)
}

// adopt replaces base's provisional tree by plain, a parse of the same
// text that rules.SameMembers found equivalent. It reports false: the
// findings are base's.
func (d *document) adopt(base *snapshot, plain *syntax.File) bool {
	select {
	case d.compute <- struct{}{}:
	default:
		return false // a keystroke is being analysed; the next pause retries
	}
	defer func() { <-d.compute }()
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.base != base {
		return false
	}
	c := *base
	c.file, c.provisional, c.hasErrors = plain, false, plain.HasErrors()
	d.base = &c
	return false
}

func sameFindings(a, b *snapshot) bool {
	if a.analysis == nil || b.analysis == nil {
		return a.analysis == b.analysis
	}
	return fmt.Sprint(a.analysis.Diagnostics) == fmt.Sprint(b.analysis.Diagnostics)
}

// compute1 computes the current version's snapshot in mode m; plain is
// the tree of a plain parse for mode fresh, dropped if the text has moved on.
func (d *document) compute1(ctx context.Context, s *Server, m mode, plain *syntax.File) (*snapshot, error) {
	select {
	case d.compute <- struct{}{}:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	defer func() { <-d.compute }()

	d.mu.Lock()
	version, text, base, stale := d.version, d.text, d.base, d.stale
	var edits []syntax.Edit
	for _, c := range d.log {
		edits = append(edits, c.edits...)
	}
	d.mu.Unlock()
	gen := s.cfgGen.Load()
	if base != nil && base.version == version && base.cfgGen == gen {
		switch {
		case m == keystroke, m == complete && base.stale == stale:
			return base, nil
		}
	}
	if m == fresh && !bytes.Equal(plain.Src, text) {
		return nil, context.Canceled // a change arrived; the next pause settles
	}
	snap := &snapshot{version: version, text: text, cfgGen: gen, stale: stale}
	if len(text) > s.maxSize {
		if base == nil || base.file != nil {
			s.log.Warn("file too large to analyse; its text is kept in sync", "path", d.path, "bytes", len(text), "limit", s.maxSize)
		}
		d.store(snap)
		return snap, nil
	}
	parseStart := time.Now()
	var f *syntax.File
	var err error
	reparse := base != nil && base.file != nil && m != fresh
	provisional := true
	switch {
	case m == fresh:
		f, provisional = plain, false
	case reparse && base.version == version:
		// Same text, new analysis: keep the tree. Even an edit-free
		// reparse re-runs error recovery and may change a broken tree.
		f, provisional = base.file, base.provisional
		snap.hasErrors = base.hasErrors
	case reparse:
		// The new File shares the document's text rather than building
		// its own copy of it.
		f, err = base.file.ApplyText(ctx, edits, text)
	default:
		f, err = syntax.ParseCtx(ctx, d.path, text)
	}
	diverged := errors.Is(err, syntax.ErrTextDiverged)
	if err != nil && !diverged {
		return nil, err
	}
	if diverged || !bytes.Equal(f.Src, text) {
		// The edit log and the text disagree: a bug, but one that must not
		// leave the client with findings for a text it never had.
		s.log.Error("incremental text diverged; reparsing", "path", d.path, "version", version)
		reparse = false
		if f, err = syntax.ParseCtx(ctx, d.path, text); err != nil {
			return nil, err
		}
	}
	if f != base.fileOrNil() {
		// Reading a tree writes smacker's node cache: only a File no other
		// goroutine has seen yet may be asked directly.
		snap.hasErrors = f.HasErrors()
	}
	snap.file, snap.provisional = f, provisional
	snap.generated = s.config.Load().IsGenerated(d.path, text)
	analyzers := s.analyzers
	if snap.generated {
		analyzers = nil // Roslyn's analyzers skip generated code; so do we
	}
	parsing := time.Since(parseStart)
	cfg := s.configFor(d.path)
	started := time.Now()
	partial := reparse && m != fresh && base.analysis != nil && base.cfgGen == gen && (m == keystroke || base.stale == stale)
	if partial {
		snap.analysis, err = base.analysis.Update(ctx, f.Clone(), edits, s.index, analyzers, cfg)
		if snap.analysis != nil && snap.analysis.Partial() {
			snap.stale = base.stale // the members not re-analysed saw the old index
		}
	} else {
		snap.analysis, err = rules.Analyze(ctx, f.Clone(), s.index, analyzers, cfg)
	}
	if err != nil {
		return nil, err
	}
	s.log.Debug("analysed", "path", d.path, "version", version, "mode", m, "reparsed", reparse,
		"partial", snap.analysis.Partial(), "findings", len(snap.analysis.Diagnostics), "parse", parsing, "analysis", time.Since(started))
	for _, e := range snap.analysis.Internal {
		s.log.Error("rule failed", "err", e)
	}
	d.store(snap)
	return snap, nil
}

func (sn *snapshot) fileOrNil() *syntax.File {
	if sn == nil {
		return nil
	}
	return sn.file
}

// store makes snap the document's newest snapshot and drops the edits it
// already includes.
func (d *document) store(snap *snapshot) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.base = snap
	for len(d.log) > 0 && d.log[0].version <= snap.version {
		d.log = d.log[1:]
	}
	if d.version == snap.version && snap.file != nil && d.mapper == nil {
		d.mapper = snap.file.Mapper()
	}
}
