package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"sync/atomic"

	"github.com/asyncsense/asyncsense/rules"
	"github.com/asyncsense/asyncsense/syntax"
)

// maxFixRounds bounds the apply/re-analyse loop; fixes that keep producing
// new fixable findings past this are a rule bug, not a reason to spin.
const maxFixRounds = 10

// fixRecord is one applied fix, positioned in the text it was applied to.
type fixRecord struct {
	line, col int // 1-based, code points
	rule      string
	title     string
}

// fix applies fixes in rounds: every file gets its non-overlapping fixes,
// the index learns the changed files' new facts, the changed files are
// analysed again, until a round changes nothing. Rounds are global rather
// than per file so every file is re-analysed against the same index.
// Only findings at or above atLeast are fixed: what --fix changes is what
// the report would show, never a hidden (silent) rule's rewrite.
func (e *engine) fix(ctx context.Context, srcs []*source, allowUnsafe bool, atLeast rules.Severity) error {
	stuck := make([]bool, len(srcs))
	for round := 0; round < maxFixRounds; round++ {
		changed := make([]bool, len(srcs))
		var factsChanged atomic.Bool
		e.parallel(len(srcs), func(i int) {
			s := srcs[i]
			if s.generated || stuck[i] || len(s.result.Diagnostics) == 0 || ctx.Err() != nil {
				return
			}
			var shown []rules.Diagnostic
			for _, d := range s.result.Diagnostics {
				if d.Severity >= atLeast {
					shown = append(shown, d)
				}
			}
			next, applied := rules.ApplyFixes(s.src, shown, allowUnsafe)
			if len(applied) == 0 {
				return
			}
			f, err := syntax.ParseCtx(ctx, s.path, next)
			if err != nil {
				return
			}
			// A fix that breaks the parse would hand the user a file that
			// no longer compiles; keep the last good text instead.
			if f.HasErrors() && !syntax.Parse(s.path, s.src).HasErrors() {
				e.warnf("warning: %s: fixes %s would leave a syntax error; not applied", s.path, titles(applied))
				stuck[i] = true
				return
			}
			m := syntax.NewMapper(s.src)
			for _, a := range applied {
				line, col := m.Position(a.Diagnostic.Start, syntax.CodePoint)
				s.fixed = append(s.fixed, fixRecord{line + 1, col + 1, a.Diagnostic.Rule, a.Fix.Title})
			}
			s.src = next
			facts := rules.ExtractFacts(f)
			if !reflect.DeepEqual(facts, s.facts) {
				s.facts = facts
				e.idx.Update(s.path, facts)
				factsChanged.Store(true)
			}
			if e.hold(len(next)) {
				s.file = f
			}
			changed[i] = true
		})
		// A changed signature (async void -> async Task, a method made
		// async) changes what other files' findings are: re-analyse all.
		var again []*source
		for i, c := range changed {
			if c || factsChanged.Load() {
				again = append(again, srcs[i])
			}
		}
		if !slices.Contains(changed, true) {
			break
		}
		if err := e.analyse(ctx, again); err != nil {
			return err
		}
	}
	return ctx.Err()
}

func titles(applied []rules.Applied) string {
	var b bytes.Buffer
	for i, a := range applied {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "%q", a.Fix.Title)
	}
	return b.String()
}

var errChangedOnDisk = errors.New("changed on disk since it was read; not fixed")

// writeFixed replaces path with text atomically: a temporary file in the same
// directory (same file system, so the rename is atomic) with the original's
// permission bits, renamed over the original only if the original still
// holds exactly what was read. A symlink is followed so the link survives.
func writeFixed(path string, read, text []byte, perm os.FileMode) error {
	target, err := filepath.EvalSymlinks(path)
	if err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(target), "."+filepath.Base(target)+".asyncsense-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // a no-op once renamed
	if _, err := tmp.Write(text); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Chmod(perm); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	// Compare content, not mtime: a coarse clock or a tool that restores
	// mtimes would fool a timestamp check, and the files are small.
	now, err := os.ReadFile(target)
	if err != nil {
		return err
	}
	if !bytes.Equal(now, read) {
		return errChangedOnDisk
	}
	return os.Rename(tmp.Name(), target)
}

// writeAll writes every fixed source. A file that cannot be written keeps
// its original text and findings, so the report matches what is on disk;
// the returned error is the first failure.
func (e *engine) writeAll(srcs []*source, before map[*source]rules.Result) error {
	var first error
	for _, s := range srcs {
		if len(s.fixed) == 0 || bytes.Equal(s.src, s.read) {
			continue
		}
		if err := writeFixed(s.path, s.read, s.src, s.info.Mode().Perm()); err != nil {
			e.warnf("%s: %v", s.path, err)
			s.src, s.result, s.fixed = s.read, before[s], nil
			if first == nil {
				first = fmt.Errorf("%s: %w", s.path, err)
			}
		}
	}
	return first
}
