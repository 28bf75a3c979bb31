package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"text/tabwriter"

	"github.com/asyncsense/asyncsense/explain/reference"
	"github.com/asyncsense/asyncsense/rules"
	"github.com/asyncsense/asyncsense/rules/all"
)

func init() {
	commands["rules"] = command{
		summary: "list every rule with its default severity and fix",
		usage:   "rules [--format text|json|markdown]",
		run:     runRules,
	}
}

type ruleInfo struct {
	ID       string `json:"id"`
	Name     string `json:"name"`
	Severity string `json:"severity"`
	Summary  string `json:"summary"`
	Fix      string `json:"fix"`
}

func runRules(_ context.Context, std stdio, args []string) int {
	fs := newFlags("rules")
	format := fs.String("format", "text", "output `format`: text, json, or markdown (the README's rule table)")
	args, ok, code := parseFlags(fs, std, args)
	if !ok {
		return code
	}
	if len(args) > 0 {
		return usageError(std, "rules", "takes no arguments")
	}
	var err error
	switch *format {
	case "text":
		err = rulesText(std.out, all.Analyzers())
	case "json":
		err = rulesJSON(std.out, all.Analyzers())
	case "markdown":
		_, err = io.WriteString(std.out, rulesMarkdown(all.Analyzers()))
	default:
		return usageError(std, "rules", fmt.Sprintf("unknown format %q (want text, json or markdown)", *format))
	}
	if err != nil {
		fmt.Fprintf(std.err, "asyncsense rules: %v\n", err)
		return exitError
	}
	return exitOK
}

func rulesText(w io.Writer, analyzers []*rules.Analyzer) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tNAME\tSEVERITY\tFIX\tSUMMARY")
	for _, a := range analyzers {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", a.ID, a.Name, a.Severity, a.Fix, a.Summary)
	}
	return tw.Flush()
}

func rulesJSON(w io.Writer, analyzers []*rules.Analyzer) error {
	out := make([]ruleInfo, 0, len(analyzers))
	for _, a := range analyzers {
		out = append(out, ruleInfo{a.ID, a.Name, a.Severity.String(), a.Summary, a.Fix})
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

// rulesMarkdown is the README's rule table, as `go generate
// ./cmd/asyncsense` writes it there.
func rulesMarkdown(analyzers []*rules.Analyzer) string {
	return reference.RuleTable(analyzers)
}
