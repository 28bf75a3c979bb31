package lsp

import (
	"context"
	"sync"
	"time"
)

// schedule is a document's pending analysis: at most one timer and one
// running job. A new change cancels both; the job that finally runs
// publishes only if its version is still the document's.
type schedule struct {
	mu       sync.Mutex
	timer    *time.Timer
	cancel   context.CancelFunc // the keystroke analysis
	settling context.CancelFunc // the settle job, see Server.settle
}

func (sc *schedule) stop() {
	sc.mu.Lock()
	defer sc.mu.Unlock()
	if sc.timer != nil {
		sc.timer.Stop()
		sc.timer = nil
	}
	for _, cancel := range []context.CancelFunc{sc.cancel, sc.settling} {
		if cancel != nil {
			cancel()
		}
	}
	sc.cancel, sc.settling = nil, nil
}

// diagnose (re)starts d's analysis after delay, superseding any pending or
// running one. With the debounce off it starts at once, on its own goroutine.
func (s *Server) diagnose(d *document, delay time.Duration) {
	sc := &d.sched
	sc.mu.Lock()
	defer sc.mu.Unlock()
	if sc.timer != nil {
		sc.timer.Stop()
	}
	if sc.cancel != nil {
		sc.cancel()
	}
	if sc.settling != nil {
		sc.settling()
		sc.settling = nil
	}
	ctx, cancel := context.WithCancel(s.ctx)
	sc.cancel = cancel
	run := func() { s.runDiagnostics(ctx, d) }
	if delay <= 0 {
		sc.timer = nil
		go run()
		return
	}
	sc.timer = time.AfterFunc(delay, run)
}

// settle brings d's analysis up to date in the background (a complete
// analysis, or a fresh parse; see document.settle) and publishes if the
// findings changed. The next keystroke cancels it, never the other way
// round; the pause after it settles again.
func (s *Server) settle(d *document) {
	sc := &d.sched
	sc.mu.Lock()
	defer sc.mu.Unlock()
	if sc.settling != nil {
		sc.settling()
	}
	ctx, cancel := context.WithCancel(s.ctx)
	sc.settling = cancel
	go func() {
		if d.settle(ctx, s) {
			s.runDiagnostics(ctx, d)
		}
	}()
}

// runDiagnostics computes the current snapshot and publishes its findings.
// In pull mode the client asks for them itself; computing the snapshot here
// still makes its next request instant.
func (s *Server) runDiagnostics(ctx context.Context, d *document) {
	snap, err := d.snapshot(ctx, s)
	if err != nil {
		return // superseded, or the server is stopping
	}
	if s.caps.pull() {
		return
	}
	diags := s.lspDiagnostics(d.path, snap)
	d.mu.Lock()
	defer d.mu.Unlock()
	// Holding d.mu orders this publish before any later change's: a stale
	// result can never overwrite a newer one on the client.
	if d.closed || d.version != snap.version || ctx.Err() != nil {
		return
	}
	v := snap.version
	s.publish(d.uri, &v, diags)
}

// rediagnoseOpen re-runs the analysis of the open documents that match (all
// when match is nil). full discards their incremental state: the index or
// the configuration they were analysed with has changed.
func (s *Server) rediagnoseOpen(match func(*document) bool, full bool) {
	s.docs.each(func(d *document) {
		if match != nil && !match(d) {
			return
		}
		if !full {
			s.diagnose(d, 0)
			return
		}
		d.mu.Lock()
		d.stale++
		d.mu.Unlock()
		s.settle(d)
	})
	if s.caps.pull() && s.caps.Workspace.Diagnostics.RefreshSupport && s.initialized.Load() {
		go s.conn.Call(s.ctx, "workspace/diagnostic/refresh", nil, nil)
	}
}
