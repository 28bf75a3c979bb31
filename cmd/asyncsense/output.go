package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/asyncsense/asyncsense/rules"
	"github.com/asyncsense/asyncsense/rules/all"
)

// isTerminal reports whether w is a terminal that wants colour: a character
// device, with neither NO_COLOR (no-color.org) set nor TERM=dumb.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok || os.Getenv("NO_COLOR") != "" || os.Getenv("TERM") == "dumb" {
		return false
	}
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}

const (
	bold   = "\x1b[1m"
	red    = "\x1b[1;31m"
	yellow = "\x1b[1;33m"
	cyan   = "\x1b[36m"
	reset  = "\x1b[0m"
)

var severityColour = map[rules.Severity]string{rules.Error: red, rules.Warning: yellow, rules.Suggestion: cyan}

// writeText prints the gcc/MSBuild-style line editors and CI log viewers
// already link: path:line:col: severity ID: message.
func writeText(w io.Writer, found []finding, srcs []*source, colour bool) {
	paint := func(code, s string) string {
		if !colour || code == "" {
			return s
		}
		return code + s + reset
	}
	for _, f := range found {
		fmt.Fprintf(w, "%s %s %s: %s\n",
			paint(bold, fmt.Sprintf("%s:%d:%d:", f.path, f.line, f.col)),
			paint(severityColour[f.d.Severity], f.d.Severity.String()),
			f.d.Rule, f.d.Message)
	}
	fmt.Fprintln(w, summary(found, srcs))
}

type jsonFinding struct {
	File      string    `json:"file"`
	Line      int       `json:"line"`
	Column    int       `json:"column"`
	EndLine   int       `json:"endLine"`
	EndColumn int       `json:"endColumn"`
	Rule      string    `json:"rule"`
	Name      string    `json:"name"`
	Severity  string    `json:"severity"`
	Message   string    `json:"message"`
	Fixes     []jsonFix `json:"fixes"`
}

type jsonFix struct {
	Title string `json:"title"`
	Safe  bool   `json:"safe"`
}

// writeJSON prints one array, `[]` when there is nothing, so a consumer
// never has to special-case an empty run.
func writeJSON(w io.Writer, found []finding) error {
	out := make([]jsonFinding, 0, len(found))
	for _, f := range found {
		jf := jsonFinding{
			File: filepath.ToSlash(f.path), Line: f.line, Column: f.col, EndLine: f.endLine, EndColumn: f.endCol,
			Rule: f.d.Rule, Severity: f.d.Severity.String(), Message: f.d.Message, Fixes: []jsonFix{},
		}
		if a := all.Lookup(f.d.Rule); a != nil {
			jf.Name = a.Name
		}
		for _, fx := range f.d.Fixes {
			jf.Fixes = append(jf.Fixes, jsonFix{fx.Title, fx.Safety == rules.Safe})
		}
		out = append(out, jf)
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false) // messages quote C# code: keep `<T>` and `&&` readable
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}
