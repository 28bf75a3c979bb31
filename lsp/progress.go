package lsp

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"
	"time"
)

// progress reports one background job as LSP work-done progress:
// window/workDoneProgress/create, then $/progress begin, reports with a
// percentage at most every 100 ms, end. Written by hand: protocol v0.12.0's
// begin/report types drop a 0 percentage and its token is awkward to build.
// Without client support every method is a no-op.
type progress struct {
	s     *Server
	token string
	on    bool
	mu    sync.Mutex
	last  time.Time
	pct   int
}

var progressSeq atomic.Int64

func (s *Server) beginProgress(title string, wanted bool) *progress {
	p := &progress{s: s}
	if !wanted || !s.caps.Window.WorkDoneProgress {
		return p
	}
	p.token = fmt.Sprintf("asyncsense-%d", progressSeq.Add(1))
	ctx, cancel := context.WithTimeout(s.ctx, 5*time.Second)
	defer cancel()
	if _, err := s.conn.Call(ctx, "window/workDoneProgress/create", map[string]string{"token": p.token}, nil); err != nil {
		s.log.Debug("client refused a progress token", "err", err)
		return p
	}
	p.on = true
	p.send(map[string]any{"kind": "begin", "title": title, "percentage": 0, "cancellable": false})
	return p
}

func (p *progress) report(done, total int) {
	if !p.on || total == 0 {
		return
	}
	pct := done * 100 / total
	p.mu.Lock()
	if pct == p.pct || time.Since(p.last) < 100*time.Millisecond && done < total {
		p.mu.Unlock()
		return
	}
	p.pct, p.last = pct, time.Now()
	p.mu.Unlock()
	p.send(map[string]any{"kind": "report", "message": fmt.Sprintf("%d/%d files", done, total), "percentage": pct})
}

func (p *progress) end(message string) {
	if !p.on {
		return
	}
	p.on = false
	p.send(map[string]any{"kind": "end", "message": message})
}

func (p *progress) send(value map[string]any) {
	p.s.conn.Notify(context.WithoutCancel(p.s.ctx), "$/progress", map[string]any{"token": p.token, "value": value})
}
