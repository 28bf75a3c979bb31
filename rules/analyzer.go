// Package rules holds the rule contract, the runner that drives every rule
// over one walk of a tree, the workspace Index and the API table, and the
// shared questions rules ask ("is this a task?"). Each rule lives in its own
// sub-package; rules/all lists them.
package rules

import (
	"fmt"
	"strings"

	"github.com/asyncsense/asyncsense/syntax"
)

// Severity follows .editorconfig's dotnet_diagnostic.<ID>.severity values.
type Severity int

const (
	None Severity = iota
	Silent
	Suggestion
	Warning
	Error
)

var severityNames = [...]string{"none", "silent", "suggestion", "warning", "error"}

func (s Severity) String() string {
	if s < None || s > Error {
		return fmt.Sprintf("Severity(%d)", int(s))
	}
	return severityNames[s]
}

// ParseSeverity accepts the .editorconfig names plus the aliases Roslyn
// accepts ("info" for suggestion, "hidden" for silent, "default").
func ParseSeverity(s string) (sev Severity, isDefault bool, err error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "none":
		return None, false, nil
	case "silent", "hidden":
		return Silent, false, nil
	case "suggestion", "info":
		return Suggestion, false, nil
	case "warning", "warn":
		return Warning, false, nil
	case "error":
		return Error, false, nil
	case "default":
		return None, true, nil
	}
	return None, false, fmt.Errorf("unknown severity %q (want none, silent, suggestion, warning or error)", s)
}

// Safety says whether a fix may be applied without a human looking at it.
type Safety int

const (
	// Safe fixes keep the program's meaning and compile wherever the
	// original compiled; `check --fix` applies them.
	Safe Safety = iota
	// Unsafe fixes change a signature or behaviour a caller may depend on;
	// they need --unsafe-fixes or a click.
	Unsafe
)

func (s Safety) String() string {
	if s == Safe {
		return "safe"
	}
	return "unsafe"
}

// Edit replaces the bytes [Start, End) of the original text with NewText.
type Edit struct {
	Start, End int
	NewText    string
}

// Fix is one way to resolve a diagnostic; its edits apply together or not at all.
type Fix struct {
	Title  string
	Safety Safety
	Edits  []Edit
}

// Diagnostic is one finding, in byte offsets of the analysed source.
type Diagnostic struct {
	Rule     string
	Start    int
	End      int
	Message  string
	Severity Severity // filled by the runner from configuration
	Fixes    []Fix
	// Unnecessary marks syntax that can be deleted (the LSP greys it out).
	Unnecessary bool
}

// Analyzer is one rule. Run is called once for every node whose kind is in
// Kinds, in source order, during the runner's single walk of the tree.
type Analyzer struct {
	ID       string // stable, e.g. "ASY001": the diagnostic code
	Name     string // kebab-case slug, e.g. "blocking-wait"
	Severity Severity
	Summary  string // one line for `asyncsense rules`
	Kinds    []string
	Run      func(*Pass, syntax.Node)
	// Fix is the best fix the rule can offer ("safe", "unsafe" or "none"),
	// for `asyncsense rules`; the fixes themselves exist only per finding.
	Fix string
}

// Pass is what a rule sees: one file, the workspace facts, and a way to report.
type Pass struct {
	File     *syntax.File
	Index    *Index
	Analyzer *Analyzer
	report   func(Diagnostic)
	// shared holds answers every rule of one run may ask again (nil for a
	// Pass made outside the runner: nothing is cached then). Unlike
	// File.Memo it may depend on the index, which only holds still for
	// one run.
	shared *runShared
}

// runShared is the per-run cache behind shared.
type runShared struct {
	tokens map[nodeKey]tokenAnswer
}

// nodeKey names a node of the run's file.
type nodeKey struct {
	start, end int
	kind       string
}

func keyOf(n syntax.Node) nodeKey { return nodeKey{n.Start(), n.End(), n.Kind()} }

func newRunShared() *runShared { return &runShared{tokens: map[nodeKey]tokenAnswer{}} }

// Report records a finding of the running analyzer.
func (p *Pass) Report(d Diagnostic) {
	d.Rule = p.Analyzer.ID
	p.report(d)
}

// Reportf reports a finding over node n.
func (p *Pass) Reportf(n syntax.Node, fixes []Fix, format string, args ...any) {
	p.Report(Diagnostic{Start: n.Start(), End: n.End(), Message: fmt.Sprintf(format, args...), Fixes: fixes})
}
