package lsp

import (
	"context"
	"fmt"
	"os"
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	"go.lsp.dev/protocol"

	"github.com/asyncsense/asyncsense/rules"
	"github.com/asyncsense/asyncsense/syntax"
)

// diagnoseClosed analyses closed files from disk and publishes their
// findings (the workspace scope). paths nil means every indexed file, and
// cancels a previous workspace-wide batch. It leaves a core free for the
// documents being edited: this is background work.
func (ws *workspace) diagnoseClosed(s *Server, paths []string) {
	if !ws.isReady() {
		return // the end of the first scan starts it
	}
	ctx := s.ctx
	if paths == nil {
		var cancel context.CancelFunc
		ctx, cancel = context.WithCancel(s.ctx)
		ws.mu.Lock()
		if ws.batch != nil {
			ws.batch()
		}
		ws.batch = cancel
		ws.mu.Unlock()
		paths = ws.paths()
	}
	go func() {
		start := time.Now()
		prog := s.beginProgress("asyncsense: analysing workspace", len(paths) >= 50)
		jobs := make(chan string)
		var wg sync.WaitGroup
		var done, found atomic.Int64
		for range max(1, runtime.GOMAXPROCS(0)-1) {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for path := range jobs {
					found.Add(int64(ws.diagnoseFile(ctx, s, path)))
					prog.report(int(done.Add(1)), len(paths))
				}
			}()
		}
		for _, p := range paths {
			if ctx.Err() != nil {
				break
			}
			jobs <- p
		}
		close(jobs)
		wg.Wait()
		msg := fmt.Sprintf("%d files, %d findings in %v", done.Load(), found.Load(), time.Since(start).Round(time.Millisecond))
		prog.end(msg)
		if len(paths) > 1 {
			s.log.Info("analysed closed files", "files", done.Load(), "findings", found.Load(), "took", time.Since(start).Round(time.Millisecond), "peakRSS", peakRSS())
		}
	}()
}

// diagnoseFile publishes one closed file's findings and returns how many.
func (ws *workspace) diagnoseFile(ctx context.Context, s *Server, path string) int {
	if s.docs.get(path) != nil || s.settings.Load().Diagnostics.Scope != scopeWorkspace {
		return 0
	}
	diags := s.analyzeDisk(ctx, path)
	if ctx.Err() != nil || s.docs.get(path) != nil {
		return 0 // opened meanwhile: the buffer's analysis owns the URI now
	}
	ws.mu.Lock()
	if _, indexed := ws.facts[path]; !indexed || s.settings.Load().Diagnostics.Scope != scopeWorkspace {
		ws.mu.Unlock()
		return 0 // deleted, or its folder left the workspace, meanwhile
	}
	// Publishing under ws.mu orders it before a removal's clearing publish.
	had := ws.published[path]
	ws.published[path] = len(diags) > 0
	if len(diags) > 0 || had {
		s.publish(pathURI(path), nil, diags)
	}
	ws.mu.Unlock()
	return len(diags)
}

// analyzeDisk runs every rule over the saved text of a file.
func (s *Server) analyzeDisk(ctx context.Context, path string) []protocol.Diagnostic {
	src, err := os.ReadFile(path)
	if err != nil || len(src) > s.maxSize || s.config.Load().IsGenerated(path, src) {
		return nil
	}
	f, err := syntax.ParseCtx(ctx, path, src)
	if err != nil {
		return nil
	}
	defer f.Close()
	res := rules.Run(ctx, f, s.index, s.analyzers, s.configFor(path))
	for _, e := range res.Internal {
		s.log.Error("rule failed", "err", e)
	}
	var out []protocol.Diagnostic
	for _, d := range res.Diagnostics {
		if ld, ok := s.lspDiagnostic(f.Mapper(), 0, d); ok {
			out = append(out, ld)
		}
	}
	return out
}

// scopeChanged follows the diagnostics.scope setting: clear every closed
// file's findings, or publish them all.
func (s *Server) scopeChanged(scope string) {
	ws := s.ws
	if scope == scopeWorkspace {
		ws.diagnoseClosed(s, nil)
		return
	}
	ws.mu.Lock()
	if ws.batch != nil {
		ws.batch()
		ws.batch = nil
	}
	var clear []string
	for p, had := range ws.published {
		if had {
			clear = append(clear, p)
		}
	}
	ws.published = map[string]bool{}
	ws.mu.Unlock()
	for _, p := range clear {
		s.publish(pathURI(p), nil, nil)
	}
}
