package main

import (
	"fmt"
	"io"
	"net/url"
	"path/filepath"

	"github.com/owenrumney/go-sarif/v2/sarif"

	"github.com/asyncsense/asyncsense/explain"
	"github.com/asyncsense/asyncsense/rules"
)

// sarifLevel maps a severity to SARIF's result levels.
func sarifLevel(s rules.Severity) string {
	switch s {
	case rules.Error:
		return "error"
	case rules.Warning:
		return "warning"
	case rules.Suggestion:
		return "note"
	}
	return "none"
}

// writeSARIF prints a SARIF 2.1.0 log with one run: every rule's metadata
// (help from its explain doc) and one result per finding. Columns are
// UTF-16 code units, declared explicitly: it is SARIF's default, so a
// consumer that ignores columnKind still lands on the right character.
func writeSARIF(w io.Writer, found []finding, analyzers []*rules.Analyzer) error {
	report, err := sarif.New(sarif.Version210)
	if err != nil {
		return err
	}
	run := sarif.NewRun(*sarif.NewTool(sarif.NewVersionedDriver("asyncsense", version())))
	run.WithColumnKind("utf16CodeUnits")
	index := map[string]int{}
	for i, a := range analyzers {
		index[a.ID] = i
		rule := run.AddRule(a.ID).
			WithName(a.Name).
			WithShortDescription(sarif.NewMultiformatMessageString(a.Summary)).
			WithDefaultConfiguration(sarif.NewReportingConfiguration().WithLevel(sarifLevel(a.Severity)))
		if doc, ok := explain.Rule(a.ID); ok {
			md := doc.Markdown()
			rule.WithFullDescription(sarif.NewMultiformatMessageString(doc.Title)).
				WithTextHelp(md).
				WithMarkdownHelp(md)
		}
	}
	for _, f := range found {
		region := sarif.NewRegion().
			WithStartLine(f.line).WithStartColumn(f.col16).
			WithEndLine(f.endLine).WithEndColumn(f.endCol16)
		loc := sarif.NewPhysicalLocation().
			WithArtifactLocation(sarif.NewSimpleArtifactLocation(artifactURI(f.path))).
			WithRegion(region)
		result := run.CreateResultForRule(f.d.Rule).
			WithLevel(sarifLevel(f.d.Severity)).
			WithMessage(sarif.NewTextMessage(f.d.Message)).
			WithLocations([]*sarif.Location{sarif.NewLocationWithPhysicalLocation(loc)})
		if i, ok := index[f.d.Rule]; ok {
			result.WithRuleIndex(i)
		}
	}
	report.AddRun(run)
	if err := report.PrettyWrite(w); err != nil {
		return err
	}
	_, err = fmt.Fprintln(w)
	return err
}

// artifactURI is a relative URI reference for a relative path (what code
// scanning services resolve against the checkout) and a file: URI for an
// absolute one, escaped either way.
func artifactURI(path string) string {
	p := filepath.ToSlash(filepath.Clean(path))
	if filepath.IsAbs(path) {
		return (&url.URL{Scheme: "file", Path: p}).String()
	}
	return (&url.URL{Path: p}).String()
}
