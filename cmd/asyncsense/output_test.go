package main

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/asyncsense/asyncsense/rules"
	"github.com/asyncsense/asyncsense/rules/all"
)

func TestTextColourOnlyWhenAsked(t *testing.T) {
	found := []finding{{path: "a.cs", line: 3, col: 5, d: rules.Diagnostic{Rule: "ASY001", Severity: rules.Warning, Message: "m"}}}
	var plain, coloured bytes.Buffer
	writeText(&plain, found, nil, false)
	writeText(&coloured, found, nil, true)
	if strings.Contains(plain.String(), "\x1b") {
		t.Errorf("plain output has escapes: %q", plain.String())
	}
	if !strings.HasPrefix(coloured.String(), bold+"a.cs:3:5:"+reset+" "+yellow+"warning"+reset+" ASY001: m\n") {
		t.Errorf("coloured output = %q", coloured.String())
	}

	f, err := os.Create(filepath.Join(t.TempDir(), "out"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if isTerminal(f) || isTerminal(&plain) {
		t.Error("a regular file or a buffer was taken for a terminal")
	}
	if tty, err := os.OpenFile("/dev/tty", os.O_WRONLY, 0); err == nil {
		defer tty.Close()
		t.Setenv("NO_COLOR", "1")
		if isTerminal(tty) {
			t.Error("NO_COLOR did not turn colour off")
		}
	}
}

func TestWriteFixedIsAtomicAndRefusesChangedFiles(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "A.cs")
	read := []byte("\xEF\xBB\xBFclass A {}\r\n")
	if err := os.WriteFile(path, read, 0o640); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(path, 0o640); err != nil { // umask may have narrowed it
		t.Fatal(err)
	}
	link := filepath.Join(dir, "Link.cs")
	if err := os.Symlink("A.cs", link); err != nil {
		t.Fatal(err)
	}
	fixed := []byte("\xEF\xBB\xBFclass B {}\r\n")
	if err := writeFixed(link, read, fixed, 0o640); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(path); !bytes.Equal(got, fixed) {
		t.Errorf("after write: %q", got)
	}
	if info, _ := os.Lstat(link); info.Mode()&os.ModeSymlink == 0 {
		t.Error("the symlink was replaced by a file")
	}
	if info, _ := os.Stat(path); info.Mode().Perm() != 0o640 {
		t.Errorf("mode %v, want 0640", info.Mode().Perm())
	}

	// Someone saved the file after we read it: keep their text.
	if err := writeFixed(path, read, []byte("class C {}"), 0o640); !errors.Is(err, errChangedOnDisk) {
		t.Errorf("writing over a changed file: err = %v", err)
	}
	if got, _ := os.ReadFile(path); !bytes.Equal(got, fixed) {
		t.Errorf("a changed file was overwritten: %q", got)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 2 {
		t.Errorf("temporary files left behind: %v", entries)
	}
}

// Re-parsing in pass 2 (over the tree budget) must find exactly what
// keeping pass 1's trees finds.
func TestTreeBudgetDoesNotChangeResults(t *testing.T) {
	paths, err := rules.Discover([]string{"testdata/budget"})
	if err != nil || len(paths) < 2 {
		t.Fatalf("testdata/budget: %v %v", paths, err)
	}
	analyse := func(budget int64) [][]rules.Diagnostic {
		e := newEngine(all.Analyzers(), func(line string) { t.Error(line) })
		e.budget = budget
		srcs, err := e.load(context.Background(), paths)
		if err != nil {
			t.Fatal(err)
		}
		kept := 0
		for _, s := range srcs {
			if s.file != nil {
				kept++
			}
		}
		if budget == 0 && kept != 0 || budget > 0 && kept != len(srcs) {
			t.Errorf("budget %d kept %d of %d trees", budget, kept, len(srcs))
		}
		if err := e.analyse(context.Background(), srcs); err != nil {
			t.Fatal(err)
		}
		if e.held.Load() != 0 {
			t.Errorf("budget %d: %d bytes of trees still held after analysis", budget, e.held.Load())
		}
		var out [][]rules.Diagnostic
		for _, s := range srcs {
			out = append(out, s.result.Diagnostics)
		}
		return out
	}
	kept, reparsed := analyse(treeBudget), analyse(0)
	if !reflect.DeepEqual(kept, reparsed) {
		t.Errorf("results differ:\nkept     %v\nreparsed %v", kept, reparsed)
	}
	n := 0
	for _, ds := range kept {
		n += len(ds)
	}
	if n == 0 {
		t.Error("testdata/budget produced no findings; the comparison proves nothing")
	}
}
