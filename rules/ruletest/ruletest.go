// Package ruletest runs a rule over fixtures written as ordinary C# with the
// expectations in comments, and checks fixes against txtar goldens, in the
// spirit of golang.org/x/tools/go/analysis/analysistest.
//
// A fixture line that should be flagged ends with `// want ASY001` (several
// IDs may follow). Every other line must stay clean: that is how false
// positives are tested. A finding counts for the line its range starts on.
package ruletest

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/asyncsense/asyncsense/rules"
	"github.com/asyncsense/asyncsense/syntax"
	"golang.org/x/tools/txtar"
)

var wantRE = regexp.MustCompile(`//\s*want\s+((?:ASY\d{3}[\s,]*)+)`)

// Enabled returns a config that turns the analyzer on whatever its default,
// so opt-in rules can be tested.
func Enabled(a *rules.Analyzer) *rules.Config {
	sev := a.Severity
	if sev == rules.None {
		sev = rules.Warning
	}
	return &rules.Config{Severities: map[string]rules.Severity{a.ID: sev}}
}

// Index builds the workspace index of a set of parsed files, as the CLI does.
func Index(files ...*syntax.File) *rules.Index {
	idx := rules.NewIndex()
	for _, f := range files {
		idx.Update(f.Path, rules.ExtractFacts(f))
	}
	return idx
}

// Analyze runs one analyzer over src with an index of src plus others.
func Analyze(a *rules.Analyzer, path string, src []byte, others ...*syntax.File) (*syntax.File, []rules.Diagnostic) {
	f := syntax.Parse(path, src)
	idx := Index(append(others, f)...)
	res := rules.Run(context.Background(), f, idx, []*rules.Analyzer{a}, Enabled(a))
	for _, err := range res.Internal {
		panic(err)
	}
	return f, res.Diagnostics
}

// Run checks every testdata/*.cs fixture of dir against its `// want`
// comments. All fixtures of the directory form one workspace index, so a
// fixture can declare types another one uses. Returns the number of flagged
// and clean lines, for the rule's closing statistics.
func Run(t *testing.T, a *rules.Analyzer, dir string) (flagged, clean int) {
	t.Helper()
	paths, _ := filepath.Glob(filepath.Join(dir, "*.cs"))
	if len(paths) == 0 {
		t.Fatalf("no fixtures in %s", dir)
	}
	var files []*syntax.File
	for _, p := range paths {
		src, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, syntax.Parse(p, src))
	}
	idx := Index(files...)
	for _, f := range files {
		name := filepath.Base(f.Path)
		if f.HasErrors() && !strings.Contains(name, "syntaxerror") {
			t.Errorf("%s: fixture does not parse cleanly (name it *syntaxerror*.cs if that is the point)", name)
		}
		res := rules.Run(context.Background(), f, idx, []*rules.Analyzer{a}, Enabled(a))
		for _, err := range res.Internal {
			t.Errorf("%s: %v", name, err)
		}
		got := map[int][]string{}
		for _, d := range res.Diagnostics {
			line, _ := f.Mapper().Position(d.Start, syntax.CodePoint)
			got[line+1] = append(got[line+1], d.Rule)
			checkDiagnostic(t, f, d)
		}
		want := wants(f.Src)
		lines := bytes.Count(f.Src, []byte("\n")) + 1
		for line := 1; line <= lines; line++ {
			g, w := got[line], want[line]
			sort.Strings(g)
			sort.Strings(w)
			if strings.Join(g, " ") != strings.Join(w, " ") {
				t.Errorf("%s:%d: got %v, want %v\n\t%s", name, line, g, w, lineText(f.Src, line))
			}
			if len(w) > 0 {
				flagged++
			} else if isCode(lineText(f.Src, line)) {
				clean++
			}
		}
	}
	return flagged, clean
}

func checkDiagnostic(t *testing.T, f *syntax.File, d rules.Diagnostic) {
	t.Helper()
	if d.Start < 0 || d.End > len(f.Src) || d.Start >= d.End {
		t.Errorf("%s: %s: bad range [%d,%d)", f.Path, d.Rule, d.Start, d.End)
	}
	if !strings.Contains(d.Message, "`") {
		t.Errorf("%s: %s: message names no code: %q", f.Path, d.Rule, d.Message)
	}
	for _, fix := range d.Fixes {
		if fix.Title == "" || len(fix.Edits) == 0 {
			t.Errorf("%s: %s: fix without title or edits: %+v", f.Path, d.Rule, fix)
		}
	}
}

func wants(src []byte) map[int][]string {
	out := map[int][]string{}
	for i, line := range strings.Split(string(src), "\n") {
		if m := wantRE.FindStringSubmatch(line); m != nil {
			out[i+1] = strings.FieldsFunc(m[1], func(r rune) bool { return r == ' ' || r == ',' || r == '\t' || r == '\r' })
		}
	}
	return out
}

func lineText(src []byte, line int) string {
	lines := strings.Split(string(src), "\n")
	if line-1 < len(lines) {
		return strings.TrimRight(lines[line-1], "\r")
	}
	return ""
}

// isCode reports whether a line holds code (not blank, brace or comment), so
// the clean-line count measures something.
func isCode(line string) bool {
	s := strings.TrimSpace(line)
	return s != "" && s != "{" && s != "}" && !strings.HasPrefix(s, "//")
}

// Goldens checks every testdata/fixes/*.txtar of dir. An archive holds
// `-- input.cs --` and `-- want.cs --`; its comment may say `unsafe` (allow
// unsafe fixes), `crlf` (both files use CRLF line endings) and `bom` (both
// start with a UTF-8 BOM). The rule's fixes are applied until nothing
// changes; the result must equal want.cs, parse with no more syntax errors
// than the input, and carry fewer findings of the rule than the input did.
func Goldens(t *testing.T, a *rules.Analyzer, dir string) int {
	t.Helper()
	paths, _ := filepath.Glob(filepath.Join(dir, "fixes", "*.txtar"))
	if len(paths) == 0 {
		t.Fatalf("no fix goldens in %s/fixes", dir)
	}
	for _, p := range paths {
		t.Run(filepath.Base(p), func(t *testing.T) {
			ar, err := txtar.ParseFile(p)
			if err != nil {
				t.Fatal(err)
			}
			opts := string(ar.Comment)
			input, want := section(t, ar, "input.cs", opts), section(t, ar, "want.cs", opts)
			got, before, after := FixAll(a, "input.cs", input, strings.Contains(opts, "unsafe"))
			if !bytes.Equal(got, want) {
				t.Errorf("fixed output differs\n--- got ---\n%s\n--- want ---\n%s", got, want)
			}
			if errorCount(syntax.Parse("want.cs", got)) > errorCount(syntax.Parse("input.cs", input)) {
				t.Errorf("the fix introduced syntax errors:\n%s", got)
			}
			if after >= before {
				t.Errorf("findings before the fix: %d, after: %d; the fix did not remove one", before, after)
			}
		})
	}
	return len(paths)
}

// FixAll applies a's fixes to src until nothing changes and returns the
// result with the finding counts before and after.
func FixAll(a *rules.Analyzer, path string, src []byte, allowUnsafe bool) (out []byte, before, after int) {
	_, diags := Analyze(a, path, src)
	before = len(diags)
	out = src
	for i := 0; i < 20; i++ {
		next, applied := rules.ApplyFixes(out, diags, allowUnsafe)
		if len(applied) == 0 {
			break
		}
		out = next
		_, diags = Analyze(a, path, out)
	}
	return out, before, len(diags)
}

func section(t *testing.T, ar *txtar.Archive, name, opts string) []byte {
	for _, f := range ar.Files {
		if f.Name == name {
			data := f.Data
			if strings.Contains(opts, "crlf") {
				data = bytes.ReplaceAll(data, []byte("\n"), []byte("\r\n"))
			}
			if strings.Contains(opts, "bom") {
				data = append([]byte("\xef\xbb\xbf"), data...)
			}
			return data
		}
	}
	t.Fatalf("archive has no %s section", name)
	return nil
}

func errorCount(f *syntax.File) int {
	n := 0
	f.Root().Walk(func(x syntax.Node) bool {
		if x.IsError() || x.IsMissing() {
			n++
		}
		return true
	})
	return n
}

// Stats formats the counts a rule test logs, for closing notes.
func Stats(a *rules.Analyzer, flagged, clean, goldens int) string {
	return fmt.Sprintf("%s %s: %d flagged lines, %d clean code lines, %d fix goldens", a.ID, a.Name, flagged, clean, goldens)
}
