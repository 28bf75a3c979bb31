package main

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"runtime"
	"sync"
	"sync/atomic"

	"github.com/asyncsense/asyncsense/rules"
	"github.com/asyncsense/asyncsense/syntax"
)

// treeBudget bounds the source bytes whose pass-1 trees are kept for pass 2;
// files beyond it are parsed again in pass 2 instead. A tree costs about 100
// times its source, more for small dense files: on 17.5 MB in 6,000 files,
// peak RSS was 0.26 GB with no trees kept, 1.0 GB with 4 MB kept and 1.3 GB
// with everything kept, for 15% and 26% less CPU. 4 MB keeps every tree of
// a typical solution and bounds the cost of a large one.
const treeBudget = 4 << 20

// source is one file of a check run, from reading to reporting.
type source struct {
	path      string
	src       []byte      // current text: as read, then as fixed
	read      []byte      // the text as read, to detect a change on disk
	info      fs.FileInfo // at read time: mode and mtime for --fix
	generated bool        // indexed, never analysed
	cfg       *rules.Config
	file      *syntax.File // pass 1's tree, when the budget allowed keeping it
	facts     *rules.FileFacts
	result    rules.Result
	fixed     []fixRecord
}

// engine runs the two passes over a set of files on every core.
type engine struct {
	ws        *rules.Workspace
	idx       *rules.Index
	analyzers []*rules.Analyzer
	workers   int
	held      atomic.Int64 // source bytes whose trees are alive
	budget    int64

	mu   sync.Mutex
	warn func(string) // one stderr line; called under mu
}

func newEngine(analyzers []*rules.Analyzer, warn func(string)) *engine {
	return &engine{
		ws:        rules.NewWorkspace(nil),
		idx:       rules.NewIndex(),
		analyzers: analyzers,
		workers:   runtime.NumCPU(),
		budget:    treeBudget,
		warn:      warn,
	}
}

func (e *engine) warnf(format string, args ...any) {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.warn(fmt.Sprintf(format, args...))
}

// parallel calls fn(i) for i in [0, n) on e.workers goroutines.
func (e *engine) parallel(n int, fn func(i int)) {
	var next atomic.Int64
	var wg sync.WaitGroup
	for w := 0; w < min(e.workers, n); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := int(next.Add(1) - 1); i < n; i = int(next.Add(1) - 1) {
				fn(i)
			}
		}()
	}
	wg.Wait()
}

// hold reserves budget for a tree of a source of this size.
func (e *engine) hold(size int) bool {
	if e.held.Add(int64(size)) <= e.budget {
		return true
	}
	e.held.Add(-int64(size))
	return false
}

func (e *engine) release(s *source) {
	if s.file != nil {
		e.held.Add(-int64(len(s.file.Src)))
		s.file = nil
	}
}

// load is pass 1: read, resolve configuration, parse and index every file.
// The first read error by path order is returned, so the message does not
// depend on scheduling.
func (e *engine) load(ctx context.Context, paths []string) ([]*source, error) {
	srcs := make([]*source, len(paths))
	errs := make([]error, len(paths))
	e.parallel(len(paths), func(i int) {
		if ctx.Err() != nil {
			errs[i] = ctx.Err()
			return
		}
		s, err := e.loadOne(ctx, paths[i])
		srcs[i], errs[i] = s, err
	})
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return srcs, nil
}

func (e *engine) loadOne(ctx context.Context, path string) (*source, error) {
	src, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	info, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	cfg, warnings := e.ws.ConfigFor(path)
	for _, w := range warnings {
		e.warnf("warning: %s", w)
	}
	s := &source{path: path, src: src, read: src, info: info, cfg: cfg, generated: e.ws.IsGenerated(path, src)}
	f, err := syntax.ParseCtx(ctx, path, src)
	if err != nil {
		return nil, err
	}
	s.facts = rules.ExtractFacts(f)
	e.idx.Update(path, s.facts)
	if !s.generated && e.hold(len(src)) {
		s.file = f
	}
	return s, nil
}

// analyse is pass 2 over the given sources, against the complete index.
func (e *engine) analyse(ctx context.Context, srcs []*source) error {
	e.parallel(len(srcs), func(i int) {
		s := srcs[i]
		if s.generated || ctx.Err() != nil {
			return
		}
		f := s.file
		if f == nil {
			var err error
			if f, err = syntax.ParseCtx(ctx, s.path, s.src); err != nil {
				return
			}
		}
		s.result = rules.Run(ctx, f, e.idx, e.analyzers, s.cfg)
		e.release(s)
		for _, err := range s.result.Internal {
			e.warnf("internal error: %v", err)
		}
	})
	return ctx.Err()
}
