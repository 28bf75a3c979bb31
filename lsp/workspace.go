package lsp

import (
	"context"
	"fmt"
	"os"
	"runtime"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/asyncsense/asyncsense/rules"
	"github.com/asyncsense/asyncsense/syntax"
)

// factsDelay is how long typing must pause before an open document's facts
// are re-extracted: a full walk of the tree, too slow for every keystroke
// on a large file and pointless mid-word.
const factsDelay = 400 * time.Millisecond

// pauseFor is the pause that counts as the end of typing in a text of n
// bytes: factsDelay, plus 400 ms per 100 KB up to 3 s, because what runs
// then (a walk of every node, maybe a plain reparse) grows with the file.
func pauseFor(n int) time.Duration {
	return min(factsDelay+time.Duration(n/100_000)*400*time.Millisecond, 3*time.Second)
}

// workspace keeps the index current: every .cs file under the roots
// contributes compact facts (never a tree), from disk or, while open, from
// the editor's buffer.
type workspace struct {
	mu        sync.Mutex
	roots     []string
	facts     map[string]*rules.FileFacts // what the index holds, by path
	ready     bool                        // the first scan has finished
	published map[string]bool             // closed files whose findings were published
	batch     context.CancelFunc          // the running workspace-wide diagnosis
	indexed   atomic.Int64                // files scanned, for tests and logs
}

func newWorkspace() *workspace {
	return &workspace{facts: map[string]*rules.FileFacts{}, published: map[string]bool{}}
}

func (ws *workspace) setRoots(roots []string) {
	ws.mu.Lock()
	defer ws.mu.Unlock()
	ws.roots = roots
}

func (ws *workspace) rootList() []string {
	ws.mu.Lock()
	defer ws.mu.Unlock()
	return append([]string(nil), ws.roots...)
}

func (ws *workspace) isReady() bool {
	ws.mu.Lock()
	defer ws.mu.Unlock()
	return ws.ready
}

// index scans every root in the background: discover, then facts for each
// file (from the content-keyed disk cache when it has them), on all cores.
// When done it re-analyses the open documents against the complete index
// and, with the workspace scope, analyses every closed file.
func (ws *workspace) index(s *Server) { ws.scan(s, ws.rootList(), true) }

func (ws *workspace) scan(s *Server, roots []string, first bool) {
	ctx := s.ctx
	start := time.Now()
	var paths []string
	for _, root := range roots {
		found, err := rules.Discover([]string{root})
		if err != nil {
			s.log.Warn("cannot scan workspace folder", "root", root, "err", err)
			continue
		}
		paths = append(paths, found...)
	}
	prog := s.beginProgress("asyncsense: indexing", len(paths) > 0)
	cached := s.cache.load(roots)
	var (
		mu                     sync.Mutex
		fresh                  = map[string]*rules.FileFacts{}
		done, parsed, fromDisk atomic.Int64
		bytesRead              atomic.Int64
	)
	jobs := make(chan string)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for path := range jobs {
				hash, facts, wasParsed, n := ws.indexDisk(ctx, s, path, cached)
				if facts != nil {
					mu.Lock()
					fresh[hash] = facts
					mu.Unlock()
				}
				if wasParsed {
					parsed.Add(1)
				} else if facts != nil {
					fromDisk.Add(1)
				}
				bytesRead.Add(int64(n))
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
	if ctx.Err() != nil {
		prog.end("cancelled")
		return
	}
	s.cache.save(roots, fresh)
	ws.indexed.Add(int64(len(paths)))
	took := time.Since(start)
	prog.end(fmt.Sprintf("%d files in %v", len(paths), took.Round(time.Millisecond)))
	s.log.Info("indexed workspace", "files", len(paths), "parsed", parsed.Load(), "cached", fromDisk.Load(),
		"bytes", bytesRead.Load(), "took", took.Round(time.Millisecond), "peakRSS", peakRSS())
	ws.mu.Lock()
	ws.ready = true
	ws.mu.Unlock()
	s.rediagnoseOpen(nil, true)
	if s.settings.Load().Diagnostics.Scope == scopeWorkspace {
		if first {
			ws.diagnoseClosed(s, nil)
		} else {
			ws.diagnoseClosed(s, paths)
		}
	}
}

// indexDisk reads one closed file and puts its facts in the index. Trees are
// closed at once: their C memory is invisible to Go's garbage collector.
func (ws *workspace) indexDisk(ctx context.Context, s *Server, path string, cached map[string]*rules.FileFacts) (hash string, facts *rules.FileFacts, parsed bool, n int) {
	if s.docs.get(path) != nil {
		return "", nil, false, 0 // the buffer's facts win while it is open
	}
	src, err := os.ReadFile(path)
	if err != nil {
		s.log.Debug("cannot read", "path", path, "err", err)
		return "", nil, false, 0
	}
	if len(src) > s.maxSize {
		s.log.Info("not indexing a file over the size limit", "path", path, "bytes", len(src))
		return "", nil, false, len(src)
	}
	hash = contentHash(src)
	if facts = cached[hash]; facts == nil {
		f, err := syntax.ParseCtx(ctx, path, src)
		if err != nil {
			return "", nil, false, len(src)
		}
		facts = rules.ExtractFacts(f)
		f.Close()
		parsed = true
	}
	ws.setFacts(s, path, facts)
	return hash, facts, parsed, len(src)
}

// setFacts replaces one file's facts and, once the first scan is over,
// re-analyses whatever mentions a declaration that changed.
func (ws *workspace) setFacts(s *Server, path string, facts *rules.FileFacts) {
	ws.mu.Lock()
	old := ws.facts[path]
	ws.facts[path] = facts
	ready := ws.ready
	ws.mu.Unlock()
	changed := changedNames(old, facts)
	if len(changed) == 0 {
		return
	}
	s.index.Update(path, facts)
	if ready {
		ws.dependentsChanged(s, changed, path)
	}
}

func (ws *workspace) remove(s *Server, path string) {
	ws.mu.Lock()
	old, had := ws.facts[path]
	delete(ws.facts, path)
	if ws.published[path] {
		s.publish(pathURI(path), nil, nil)
	}
	delete(ws.published, path)
	ready := ws.ready
	ws.mu.Unlock()
	if !had {
		return
	}
	s.index.Remove(path)
	if ready {
		ws.dependentsChanged(s, changedNames(old, nil), path)
	}
}

// dependentsChanged re-analyses from scratch the open documents, and with
// the workspace scope the closed files, whose text mentions a changed name.
func (ws *workspace) dependentsChanged(s *Server, names []string, origin string) {
	s.log.Debug("declarations changed", "file", origin, "names", names)
	s.rediagnoseOpen(func(d *document) bool {
		_, text, _ := d.current()
		return d.path == origin || mentionsAny(text, names)
	}, true)
	if s.settings.Load().Diagnostics.Scope != scopeWorkspace {
		return
	}
	go func() {
		var hit []string
		for _, p := range ws.paths() {
			if p == origin || s.docs.get(p) != nil {
				continue
			}
			if src, err := os.ReadFile(p); err == nil && mentionsAny(src, names) {
				hit = append(hit, p)
			}
		}
		if len(hit) > 0 {
			ws.diagnoseClosed(s, hit)
		}
	}()
}

func (ws *workspace) paths() []string {
	ws.mu.Lock()
	defer ws.mu.Unlock()
	out := make([]string, 0, len(ws.facts))
	for p := range ws.facts {
		out = append(out, p)
	}
	sort.Strings(out)
	return out
}

// scheduleFacts re-extracts an open document's facts once typing pauses,
// then settles its analysis (see document.settle).
func (ws *workspace) scheduleFacts(s *Server, d *document) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.factsSeq++
	seq := d.factsSeq
	time.AfterFunc(pauseFor(len(d.text)), func() {
		d.mu.Lock()
		current := d.factsSeq == seq && !d.closed
		d.mu.Unlock()
		if current {
			ws.updateFacts(s, d)
		}
	})
}

// updateFacts extracts the facts of d's current version, on a clone of its
// tree so the document's own analyses are not held up.
func (ws *workspace) updateFacts(s *Server, d *document) {
	snap, err := d.snapshot(s.ctx, s)
	if err != nil {
		return
	}
	facts := &rules.FileFacts{}
	if snap.file != nil {
		facts = rules.ExtractFacts(snap.file.Clone())
	}
	ws.setFacts(s, d.path, facts)
	s.settle(d)
}

// closed hands a file that was open back to the disk: its facts and, with
// the workspace scope, its findings now come from the saved text.
func (ws *workspace) closed(s *Server, path string) {
	go func() {
		if !fileExists(path) {
			ws.remove(s, path)
			return
		}
		ws.indexDisk(s.ctx, s, path, nil)
		if s.settings.Load().Diagnostics.Scope == scopeWorkspace && ws.isReady() {
			ws.diagnoseClosed(s, []string{path})
		}
	}()
}

// peakRSS is the process's high-water resident memory (Linux), tree memory
// included, which Go's own statistics do not see.
func peakRSS() string {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return "unknown"
	}
	for _, line := range strings.Split(string(data), "\n") {
		if strings.HasPrefix(line, "VmHWM:") {
			return strings.TrimSpace(strings.TrimPrefix(line, "VmHWM:"))
		}
	}
	return "unknown"
}
