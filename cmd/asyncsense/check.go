package main

import (
	"context"
	"flag"
	"fmt"
	"strings"

	"github.com/asyncsense/asyncsense/rules"
	"github.com/asyncsense/asyncsense/rules/all"
	"github.com/asyncsense/asyncsense/syntax"
)

func init() {
	commands["check"] = command{
		summary: "analyse C# files and directories and report findings",
		usage:   "check [--format text|json|sarif] [--fix] [--unsafe-fixes] [--severity LEVEL] PATH...",
		run:     runCheck,
	}
}

// severityFlag is a flag.Value so a bad level is a usage error at parse time.
type severityFlag struct{ rules.Severity }

func (f *severityFlag) String() string { return f.Severity.String() }
func (f *severityFlag) Set(s string) error {
	sev, isDefault, err := rules.ParseSeverity(s)
	if err != nil {
		return err
	}
	if isDefault || sev == rules.None {
		return fmt.Errorf("want silent, suggestion, warning or error, not %q", s)
	}
	f.Severity = sev
	return nil
}

func runCheck(ctx context.Context, std stdio, args []string) int {
	fs := newFlags("check")
	format := fs.String("format", "text", "output `format`: text, json or sarif")
	fix := fs.Bool("fix", false, "apply safe fixes and write the files back, then report what remains")
	unsafe := fs.Bool("unsafe-fixes", false, "with --fix, also apply fixes that change signatures or behaviour")
	threshold := severityFlag{rules.Warning}
	fs.Var(&threshold, "severity", "exit 1 when a finding is at or above this `level`: silent, suggestion, warning or error")
	args, ok, code := parseFlags(fs, std, args)
	if !ok {
		return code
	}
	switch {
	case *format != "text" && *format != "json" && *format != "sarif":
		return usageError(std, "check", fmt.Sprintf("unknown format %q (want text, json or sarif)", *format))
	case *unsafe && !*fix:
		return usageError(std, "check", "--unsafe-fixes needs --fix")
	case len(args) == 0:
		return usageError(std, "check", "no paths to check")
	}
	paths, err := rules.Discover(args)
	if err != nil {
		fmt.Fprintf(std.err, "asyncsense check: %v\n", err)
		return exitError
	}

	e := newEngine(all.Analyzers(), func(line string) { fmt.Fprintln(std.err, "asyncsense: "+line) })
	srcs, err := e.load(ctx, paths)
	if err == nil {
		err = e.analyse(ctx, srcs)
	}
	writeFailed := false
	if err == nil && *fix {
		before := map[*source]rules.Result{}
		for _, s := range srcs {
			before[s] = s.result
		}
		if err = e.fix(ctx, srcs, *unsafe, shownSeverity(threshold.Severity)); err == nil {
			writeFailed = e.writeAll(srcs, before) != nil
		}
	}
	if err != nil {
		fmt.Fprintf(std.err, "asyncsense check: %v\n", err)
		return exitError
	}

	// Fix reports share stdout with text only; json and sarif keep stdout
	// one parseable document.
	fixOut := std.out
	if *format != "text" {
		fixOut = std.err
	}
	for _, s := range srcs {
		for _, r := range s.fixed {
			fmt.Fprintf(fixOut, "fixed %s:%d:%d %s: %s\n", s.path, r.line, r.col, r.rule, r.title)
		}
	}

	found := collect(srcs, shownSeverity(threshold.Severity))
	switch *format {
	case "json":
		err = writeJSON(std.out, found)
	case "sarif":
		err = writeSARIF(std.out, found, e.analyzers)
	default:
		writeText(std.out, found, srcs, isTerminal(std.out))
	}
	if err != nil {
		fmt.Fprintf(std.err, "asyncsense check: %v\n", err)
		return exitError
	}
	if writeFailed {
		return exitError
	}
	for _, f := range found {
		if f.d.Severity >= threshold.Severity {
			return exitFindings
		}
	}
	return exitOK
}

// shownSeverity is the lowest severity reported: silent findings stay
// hidden, as in an IDE, unless --severity silent asks for them.
func shownSeverity(threshold rules.Severity) rules.Severity {
	return min(threshold, rules.Suggestion)
}

// finding is a diagnostic placed for output: 1-based lines, columns in code
// points (text, json) and UTF-16 units (SARIF's default column kind).
type finding struct {
	path                       string
	d                          rules.Diagnostic
	line, col, endLine, endCol int
	col16, endCol16            int
}

func collect(srcs []*source, atLeast rules.Severity) []finding {
	var out []finding
	for _, s := range srcs {
		if len(s.result.Diagnostics) == 0 {
			continue
		}
		m := syntax.NewMapper(s.src)
		for _, d := range s.result.Diagnostics {
			if d.Severity < atLeast {
				continue
			}
			f := finding{path: s.path, d: d}
			f.line, f.col = m.Position(d.Start, syntax.CodePoint)
			f.endLine, f.endCol = m.Position(d.End, syntax.CodePoint)
			_, f.col16 = m.Position(d.Start, syntax.UTF16)
			_, f.endCol16 = m.Position(d.End, syntax.UTF16)
			f.line, f.col, f.endLine, f.endCol = f.line+1, f.col+1, f.endLine+1, f.endCol+1
			f.col16, f.endCol16 = f.col16+1, f.endCol16+1
			out = append(out, f)
		}
	}
	return out
}

func plural(n int, word string) string {
	if n == 1 {
		return fmt.Sprintf("1 %s", word)
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// summary is the last line of text output, e.g.
// "3 warnings, 1 suggestion in 2 files (12 files checked)".
func summary(found []finding, srcs []*source) string {
	counts := map[rules.Severity]int{}
	files := map[string]bool{}
	for _, f := range found {
		counts[f.d.Severity]++
		files[f.path] = true
	}
	checked, generated := 0, 0
	for _, s := range srcs {
		if s.generated {
			generated++
		} else {
			checked++
		}
	}
	tail := plural(checked, "file") + " checked"
	if generated > 0 {
		tail += ", " + plural(generated, "generated file") + " skipped"
	}
	var parts []string
	for sev := rules.Error; sev >= rules.Silent; sev-- {
		if n := counts[sev]; n > 0 {
			word := sev.String()
			if sev == rules.Silent {
				parts = append(parts, fmt.Sprintf("%d silent", n))
				continue
			}
			parts = append(parts, plural(n, word))
		}
	}
	if len(parts) == 0 {
		return "No findings (" + tail + ")"
	}
	return fmt.Sprintf("%s in %s (%s)", strings.Join(parts, ", "), plural(len(files), "file"), tail)
}

var _ flag.Value = (*severityFlag)(nil)
