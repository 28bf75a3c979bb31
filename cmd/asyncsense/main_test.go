package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/owenrumney/go-sarif/v2/sarif"
	"github.com/rogpeppe/go-internal/testscript"

	"github.com/asyncsense/asyncsense/rules"
	"github.com/asyncsense/asyncsense/rules/all"
)

// TestMain lets the scripts run the real binary: testscript re-executes this
// test binary as `asyncsense`, entering run() exactly as main does.
func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){"asyncsense": func() { os.Exit(run()) }})
}

func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir: "testdata/script",
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"exits":    cmdExits,
			"crlf":     cmdCRLF,
			"bom":      cmdBOM,
			"findings": cmdFindings,
			"sarif":    cmdSARIF,
		},
		RequireExplicitExec: true,
		UpdateScripts:       *update,
	})
}

// exits N PROG ARGS... runs PROG and fails unless it exits with code N; its
// output is then checked with stdout/stderr as after exec.
func cmdExits(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 2 {
		ts.Fatalf("usage: exits CODE PROG [ARGS...]")
	}
	want, err := strconv.Atoi(args[0])
	ts.Check(err)
	err = ts.Exec(args[1], args[2:]...)
	got := 0
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		got = exit.ExitCode()
	} else if err != nil {
		ts.Fatalf("%v", err)
	}
	if got != want {
		ts.Fatalf("%s exited %d, want %d", args[1], got, want)
	}
}

// crlf FILE... rewrites line endings to CRLF (txtar cannot hold them).
func cmdCRLF(ts *testscript.TestScript, neg bool, args []string) {
	for _, f := range args {
		text := strings.ReplaceAll(ts.ReadFile(f), "\r\n", "\n")
		ts.Check(os.WriteFile(ts.MkAbs(f), []byte(strings.ReplaceAll(text, "\n", "\r\n")), 0o644))
	}
}

// bom FILE... puts a UTF-8 byte order mark in front of each file.
func cmdBOM(ts *testscript.TestScript, neg bool, args []string) {
	for _, f := range args {
		ts.Check(os.WriteFile(ts.MkAbs(f), append([]byte("\xEF\xBB\xBF"), ts.ReadFile(f)...), 0o644))
	}
}

// findings FILE checks that FILE is check's JSON, every element with exactly
// the documented fields and types, and prints one line per element:
//
//	file:line:col-endLine:endCol rule name severity [title safe|unsafe; ...] message
func cmdFindings(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 1 {
		ts.Fatalf("usage: findings FILE")
	}
	data := []byte(ts.ReadFile(args[0]))
	var raw []map[string]json.RawMessage
	if err := json.Unmarshal(data, &raw); err != nil {
		ts.Fatalf("not a JSON array of objects: %v", err)
	}
	keys := []string{"column", "endColumn", "endLine", "file", "fixes", "line", "message", "name", "rule", "severity"}
	var elems []jsonFinding
	ts.Check(json.Unmarshal(data, &elems))
	for i, m := range raw {
		var got []string
		for k := range m {
			got = append(got, k)
		}
		sort.Strings(got)
		if !reflect.DeepEqual(got, keys) {
			ts.Fatalf("element %d has fields %v, want %v", i, got, keys)
		}
		var fixes []map[string]any
		ts.Check(json.Unmarshal(m["fixes"], &fixes))
		for _, fx := range fixes {
			_, isString := fx["title"].(string)
			_, isBool := fx["safe"].(bool)
			if len(fx) != 2 || !isString || !isBool {
				ts.Fatalf("element %d: fix %v is not {title string, safe bool}", i, fx)
			}
		}
	}
	for _, e := range elems {
		var fixes []string
		for _, fx := range e.Fixes {
			safety := "unsafe"
			if fx.Safe {
				safety = "safe"
			}
			fixes = append(fixes, fx.Title+" "+safety)
		}
		fmt.Fprintf(ts.Stdout(), "%s:%d:%d-%d:%d %s %s %s [%s] %s\n", e.File, e.Line, e.Column, e.EndLine, e.EndColumn,
			e.Rule, e.Name, e.Severity, strings.Join(fixes, "; "), e.Message)
	}
	if len(elems) == 0 {
		fmt.Fprintln(ts.Stdout(), "no findings")
	}
}

// sarif FILE checks FILE is a SARIF 2.1.0 log whose one run describes every
// registered rule with help text, and prints its column kind and results:
//
//	level ruleId#ruleIndex uri:startLine:startColumn-endLine:endColumn
func cmdSARIF(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 1 {
		ts.Fatalf("usage: sarif FILE")
	}
	report, err := sarif.FromBytes([]byte(ts.ReadFile(args[0])))
	ts.Check(err)
	if report.Version != "2.1.0" || len(report.Runs) != 1 {
		ts.Fatalf("version %q with %d runs, want 2.1.0 with one", report.Version, len(report.Runs))
	}
	run := report.Runs[0]
	driver := run.Tool.Driver
	if driver == nil || driver.Name != "asyncsense" {
		ts.Fatalf("tool driver is not asyncsense")
	}
	registered := all.Analyzers()
	if len(driver.Rules) != len(registered) {
		ts.Fatalf("%d rules described, %d registered", len(driver.Rules), len(registered))
	}
	for i, r := range driver.Rules {
		a := registered[i]
		if r.ID != a.ID || r.Name == nil || *r.Name != a.Name || r.ShortDescription == nil || *r.ShortDescription.Text != a.Summary {
			ts.Fatalf("rule %d is %s, want %s %s with its summary", i, r.ID, a.ID, a.Name)
		}
		if r.Help == nil || r.Help.Markdown == nil || !strings.Contains(*r.Help.Markdown, "## What it does") {
			ts.Fatalf("rule %s has no help markdown from its doc", r.ID)
		}
	}
	fmt.Fprintf(ts.Stdout(), "columnKind %v\n", run.ColumnKind)
	for _, res := range run.Results {
		loc := res.Locations[0].PhysicalLocation
		reg := loc.Region
		fmt.Fprintf(ts.Stdout(), "%s %s#%d %s:%d:%d-%d:%d\n", *res.Level, *res.RuleID, *res.RuleIndex,
			*loc.ArtifactLocation.URI, *reg.StartLine, *reg.StartColumn, *reg.EndLine, *reg.EndColumn)
	}
}

// The text summary's wording is what users grep for in CI logs.
func TestSummaryWording(t *testing.T) {
	srcs := []*source{{path: "a.cs"}, {path: "b.cs"}, {path: "c.g.cs", generated: true}}
	if got, want := summary(nil, srcs), "No findings (2 files checked, 1 generated file skipped)"; got != want {
		t.Errorf("empty summary = %q, want %q", got, want)
	}
	var found []finding
	for _, sev := range []rules.Severity{rules.Warning, rules.Warning, rules.Warning, rules.Suggestion} {
		f := finding{path: "a.cs"}
		f.d.Severity = sev
		found = append(found, f)
	}
	found[3].path = "b.cs"
	if got, want := summary(found, srcs[:2]), "3 warnings, 1 suggestion in 2 files (2 files checked)"; got != want {
		t.Errorf("summary = %q, want %q", got, want)
	}
}

func TestClosestSuggestsNearNames(t *testing.T) {
	words := []string{"ASY001", "blocking-wait", "await", "ConfigureAwait", "async-void"}
	for q, want := range map[string][]string{
		"blockign-wait": {"blocking-wait"},
		"asy01":         {"ASY001"},
		"awiat":         {"await"},
		"xyzzy":         nil,
	} {
		if got := closest(q, words, 3); !reflect.DeepEqual(got, want) {
			t.Errorf("closest(%q) = %v, want %v", q, got, want)
		}
	}
	if d := editDistance("kitten", "sitting"); d != 3 {
		t.Errorf("editDistance = %d", d)
	}
}

func runInProcess(t *testing.T, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errb bytes.Buffer
	code = dispatch(t.Context(), stdio{strings.NewReader(""), &out, &errb}, args)
	return out.String(), errb.String(), code
}
