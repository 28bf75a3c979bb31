package rules

import (
	"context"
	"fmt"
	"runtime/debug"
	"sort"

	"github.com/asyncsense/asyncsense/syntax"
)

// Result is what one file's analysis produced.
type Result struct {
	Diagnostics []Diagnostic
	// Internal lists rules that panicked on this file; their findings for
	// the file are lost, every other rule's are kept.
	Internal []error
}

// memberKinds are the declarations that bound the damage of a syntax error:
// a member whose subtree holds ERROR or MISSING nodes is not analysed at all
// (an await hidden in the broken part would make ASY007 lie), while its
// neighbours in the same file are.
var memberKinds = map[string]bool{
	"method_declaration": true, "constructor_declaration": true, "destructor_declaration": true,
	"property_declaration": true, "indexer_declaration": true, "operator_declaration": true,
	"conversion_operator_declaration": true, "event_declaration": true, "field_declaration": true,
	"local_function_statement": true, "global_statement": true,
}

// Run walks f's tree once and calls every analyzer on the node kinds it asked
// for. cfg decides severities and suppressions; a nil cfg uses defaults.
// ctx is checked between top-level members so a superseded analysis stops early.
func Run(ctx context.Context, f *syntax.File, idx *Index, analyzers []*Analyzer, cfg *Config) Result {
	if idx == nil {
		idx = NewIndex()
	}
	byKind := map[string][]*Analyzer{}
	sev := map[string]Severity{}
	for _, a := range analyzers {
		s := cfg.severity(a)
		if s == None {
			continue
		}
		sev[a.ID] = s
		for _, k := range a.Kinds {
			byKind[k] = append(byKind[k], a)
		}
	}
	var res Result
	if len(sev) == 0 {
		return res
	}
	var errorRanges [][2]int
	failed := map[string]bool{}
	passes := map[string]*Pass{}
	for _, a := range analyzers {
		a := a
		passes[a.ID] = &Pass{File: f, Index: idx, Analyzer: a, report: func(d Diagnostic) {
			d.Severity = sev[a.ID]
			res.Diagnostics = append(res.Diagnostics, d)
		}}
	}
	f.Root().Walk(func(n syntax.Node) bool {
		if ctx.Err() != nil {
			return false
		}
		if n.IsError() || n.IsMissing() {
			errorRanges = append(errorRanges, [2]int{n.Start(), n.End()})
			return false
		}
		if memberKinds[n.Kind()] && n.HasError() {
			errorRanges = append(errorRanges, [2]int{n.Start(), n.End()})
			return false
		}
		for _, a := range byKind[n.Kind()] {
			if failed[a.ID] {
				continue
			}
			if err := runOne(passes[a.ID], n); err != nil {
				failed[a.ID] = true
				res.Internal = append(res.Internal, err)
			}
		}
		return true
	})
	kept := res.Diagnostics[:0]
	for _, d := range res.Diagnostics {
		if failed[d.Rule] || overlapsAny(d, errorRanges) {
			continue
		}
		kept = append(kept, d)
	}
	res.Diagnostics = cfg.suppress(f, kept)
	sort.SliceStable(res.Diagnostics, func(i, j int) bool {
		a, b := res.Diagnostics[i], res.Diagnostics[j]
		if a.Start != b.Start {
			return a.Start < b.Start
		}
		return a.Rule < b.Rule
	})
	return res
}

func runOne(p *Pass, n syntax.Node) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%s: internal error in %s (%s) at byte %d: %v\n%s",
				p.File.Path, p.Analyzer.ID, p.Analyzer.Name, n.Start(), r, debug.Stack())
		}
	}()
	p.Analyzer.Run(p, n)
	return nil
}

func overlapsAny(d Diagnostic, ranges [][2]int) bool {
	for _, r := range ranges {
		if d.Start < r[1] && r[0] < d.End || d.Start == r[0] {
			return true
		}
	}
	return false
}
