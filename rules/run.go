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
	r := newRunner(ctx, f, idx, analyzers, cfg, nil)
	if r == nil {
		return Result{}
	}
	var diags []Diagnostic
	errorRanges := errorRegions(f.Root())
	// The candidates come from one compiled query, matched in C: walking
	// every node from Go cost as much as the parse. The query also enters
	// broken code, which the runner never analyses (see memberKinds).
	f.Root().NodesOfKinds(r.kinds, func(n syntax.Node) bool {
		if ctx.Err() != nil {
			return false
		}
		if !(insideAny(n, errorRanges) && inBrokenCode(n, syntax.Node{})) {
			r.dispatch(n, &diags)
		}
		return true
	})
	res := Result{Internal: r.internal}
	kept := diags[:0]
	for _, d := range diags {
		if r.failed[d.Rule] || overlapsAny(d, errorRanges) {
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

func kindsOf(byKind map[string][]*Analyzer) []string {
	kinds := make([]string, 0, len(byKind))
	for k := range byKind {
		kinds = append(kinds, k)
	}
	return kinds
}

// errorRegions lists the ranges under top the runner does not analyse:
// ERROR and MISSING nodes and members containing one, outermost only. Only
// nodes whose subtree has an error are entered, so clean code costs one call.
func errorRegions(top syntax.Node) [][2]int {
	var out [][2]int
	top.Walk(func(n syntax.Node) bool {
		if !n.HasError() {
			return false
		}
		if n.IsError() || n.IsMissing() || memberKinds[n.Kind()] {
			out = append(out, [2]int{n.Start(), n.End()})
			return false
		}
		return true
	})
	return out
}

// insideAny reports whether a range of ranges covers n. The regions are
// disjoint (none is entered) and in source order, so their ends ascend too.
func insideAny(n syntax.Node, ranges [][2]int) bool {
	start, end := n.Start(), n.End()
	for i := sort.Search(len(ranges), func(i int) bool { return ranges[i][1] >= end }); i < len(ranges) && ranges[i][0] <= start; i++ {
		if ranges[i][1] >= end {
			return true
		}
	}
	return false
}

// inBrokenCode reports whether n or an ancestor up to top (the root when
// top is null) is ERROR or MISSING or a member with an error below it.
// Ranges alone cannot tell: a zero-width MISSING node "contains" any empty
// node at its offset.
func inBrokenCode(n, top syntax.Node) bool {
	for ; !n.IsNull(); n = n.Parent() {
		if n.IsError() || n.IsMissing() || memberKinds[n.Kind()] && n.HasError() {
			return true
		}
		if !top.IsNull() && n.Start() == top.Start() && n.End() == top.End() && n.Same(top) {
			return false
		}
	}
	return false
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
