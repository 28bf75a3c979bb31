// Package corpus loads C# files whose expectations are written as
// `// want ASYnnn` comments and runs the registered rules over them; the
// anchor and realistic-code measurements share it.
package corpus

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"github.com/asyncsense/asyncsense/rules"
	"github.com/asyncsense/asyncsense/syntax"
)

var wantRE = regexp.MustCompile(`//\s*want\s+((?:ASY\d{3}[\s,]*)+)`)

// File is one parsed corpus file with its expectations by 1-based line.
type File struct {
	Path  string // relative to the corpus root, slash-separated
	Syn   *syntax.File
	Wants map[int][]string
	Lines int // number of lines, for findings-per-1,000-lines figures
}

// Finding is a diagnostic reduced to what the measurements compare.
type Finding struct {
	Rule      string
	Line, End int // 1-based lines of the range's start and end
	Message   string
}

// Load parses every *.cs file under root (recursively), sorted by path.
func Load(root string) ([]*File, error) {
	var out []*File
	err := filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".cs") {
			return err
		}
		src, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		out = append(out, &File{
			Path:  filepath.ToSlash(rel),
			Syn:   syntax.Parse(p, src),
			Wants: Wants(src),
			Lines: strings.Count(string(src), "\n") + 1,
		})
		return nil
	})
	sort.Slice(out, func(i, j int) bool { return out[i].Path < out[j].Path })
	return out, err
}

// Wants reads the `// want` comments of src by 1-based line.
func Wants(src []byte) map[int][]string {
	out := map[int][]string{}
	for i, line := range strings.Split(string(src), "\n") {
		if m := wantRE.FindStringSubmatch(line); m != nil {
			out[i+1] = strings.FieldsFunc(m[1], func(r rune) bool { return r == ' ' || r == ',' || r == '\t' || r == '\r' })
		}
	}
	return out
}

// Index builds one workspace index over files, as the CLI does for a project.
func Index(files ...*File) *rules.Index {
	idx := rules.NewIndex()
	for _, f := range files {
		idx.Update(f.Syn.Path, rules.ExtractFacts(f.Syn))
	}
	return idx
}

// AllOn is a configuration that turns every analyzer on, opt-in ones included.
func AllOn(analyzers []*rules.Analyzer) *rules.Config {
	cfg := &rules.Config{Severities: map[string]rules.Severity{}}
	for _, a := range analyzers {
		if a.Severity == rules.None {
			cfg.Severities[a.ID] = rules.Warning
		}
	}
	return cfg
}

// Analyze runs analyzers over f with idx and cfg, skipping generated files
// as the CLI does. A rule that panics is an error: a measurement must not
// quietly lose findings.
func Analyze(f *File, idx *rules.Index, analyzers []*rules.Analyzer, cfg *rules.Config) ([]Finding, error) {
	if rules.IsGenerated(f.Syn.Path, f.Syn.Src) {
		return nil, nil // check and the language server skip generated code, as Roslyn does
	}
	res := rules.Run(context.Background(), f.Syn, idx, analyzers, cfg)
	if len(res.Internal) > 0 {
		return nil, fmt.Errorf("%s: %v", f.Path, res.Internal)
	}
	m := f.Syn.Mapper()
	var out []Finding
	for _, d := range res.Diagnostics {
		l, _ := m.Position(d.Start, syntax.CodePoint)
		e, _ := m.Position(max(d.Start, d.End-1), syntax.CodePoint)
		out = append(out, Finding{Rule: d.Rule, Line: l + 1, End: e + 1, Message: d.Message})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Line != out[j].Line {
			return out[i].Line < out[j].Line
		}
		return out[i].Rule < out[j].Rule
	})
	return out, nil
}

// LineText returns 1-based line n of f without its line break, trimmed.
func (f *File) LineText(n int) string {
	lines := strings.Split(string(f.Syn.Src), "\n")
	if n < 1 || n > len(lines) {
		return ""
	}
	return strings.TrimSpace(strings.TrimRight(lines[n-1], "\r"))
}

// Has reports whether rule is among ids.
func Has(ids []string, rule string) bool {
	for _, id := range ids {
		if id == rule {
			return true
		}
	}
	return false
}
