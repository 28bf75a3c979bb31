package rules

import (
	"context"
	"slices"
	"sort"

	"github.com/asyncsense/asyncsense/syntax"
)

// runner is the part of Run shared by Analyze and Update: dispatch by node
// kind with per-rule panic recovery, then the error filter, #pragma
// suppression and ordering, exactly as Run does them.
type runner struct {
	ctx         context.Context
	f           *syntax.File
	cfg         *Config
	plan        *plan
	byKind      map[string][]*Analyzer
	kinds       []string
	memberKinds []string
	passes      map[string]*Pass
	sink        *[]Diagnostic
	failed      map[string]bool
	internal    []error
}

// plan is what a runner derives from the analyzers and their severities
// alone. An Analysis keeps its runner's plan, and Update reuses it when
// nothing it came from changed: building the tables for every rule was a
// visible share of a keystroke.
type plan struct {
	analyzers []*Analyzer
	sevs      []Severity
	byKind    map[string][]*Analyzer
	kinds     []string
	// memberKinds adds scopeKinds to kinds for the query on a member.
	memberKinds []string
}

func newPlan(analyzers []*Analyzer, sevs []Severity) *plan {
	pl := &plan{analyzers: slices.Clone(analyzers), sevs: sevs, byKind: map[string][]*Analyzer{}}
	for i, a := range analyzers {
		if sevs[i] == None {
			continue
		}
		for _, k := range a.Kinds {
			pl.byKind[k] = append(pl.byKind[k], a)
		}
	}
	pl.kinds = kindsOf(pl.byKind)
	pl.memberKinds = append(scopeKinds(), pl.kinds...)
	return pl
}

// fits reports whether the plan was made for these analyzers and severities.
func (pl *plan) fits(analyzers []*Analyzer, sevs []Severity) bool {
	return pl != nil && slices.Equal(pl.analyzers, analyzers) && slices.Equal(pl.sevs, sevs)
}

// newRunner prepares a run of analyzers over f, with prev's tables when
// they fit (prev may be nil).
func newRunner(ctx context.Context, f *syntax.File, idx *Index, analyzers []*Analyzer, cfg *Config, prev *plan) *runner {
	if idx == nil {
		idx = NewIndex()
	}
	sevs := make([]Severity, len(analyzers))
	for i, a := range analyzers {
		sevs[i] = cfg.severity(a)
	}
	pl := prev
	if !pl.fits(analyzers, sevs) {
		pl = newPlan(analyzers, sevs)
	}
	r := &runner{ctx: ctx, f: f, cfg: cfg, plan: pl, byKind: pl.byKind, kinds: pl.kinds, memberKinds: pl.memberKinds,
		passes: make(map[string]*Pass, len(analyzers)), failed: map[string]bool{}}
	shared := newRunShared()
	passes := make([]Pass, len(analyzers))
	for i, a := range analyzers {
		sev := sevs[i]
		if sev == None {
			continue
		}
		passes[i] = Pass{File: f, Index: idx, Analyzer: a, shared: shared, report: func(d Diagnostic) {
			d.Severity = sev
			*r.sink = append(*r.sink, d)
		}}
		r.passes[a.ID] = &passes[i]
	}
	if len(r.passes) == 0 {
		return nil
	}
	return r
}

func (r *runner) dispatch(n syntax.Node, sink *[]Diagnostic) {
	r.sink = sink
	for _, a := range r.byKind[n.Kind()] {
		if r.failed[a.ID] {
			continue
		}
		if err := runOne(r.passes[a.ID], n); err != nil {
			r.failed[a.ID] = true
			r.internal = append(r.internal, err)
		}
	}
}

// member analyses one top-level member's subtree as Run's walk would.
func (r *runner) member(n syntax.Node) *unit {
	start := n.Start()
	u := &unit{start: start, end: n.End(), kind: n.Kind(), member: true, bodies: bodyRanges(n, start)}
	u.errors = errorRegions(n)
	// One query finds what the rules are dispatched on and what
	// OwnNodesOfKinds needs for the functions in the member (see
	// memberScope); the rules run once it is done.
	var found []syntax.Node
	n.NodesOfKinds(r.memberKinds, func(m syntax.Node) bool {
		found = append(found, m)
		return true
	})
	setScope(n, found)
	for _, m := range found {
		if r.ctx.Err() != nil {
			break
		}
		if len(r.byKind[m.Kind()]) == 0 {
			continue
		}
		if len(u.errors) > 0 && insideAny(m, u.errors) && inBrokenCode(m, n) {
			continue
		}
		r.dispatch(m, &u.diags)
	}
	return u
}

// skeleton runs the rules on one node outside every member, without its children.
func (r *runner) skeleton(n syntax.Node) *unit {
	var diags []Diagnostic
	r.dispatch(n, &diags)
	if len(diags) == 0 {
		return nil
	}
	return &unit{start: n.Start(), end: n.End(), kind: n.Kind(), diags: diags}
}

func (r *runner) finish(units []*unit) *Analysis {
	sortUnits(units)
	var errs [][2]int
	for _, u := range units {
		errs = append(errs, u.errors...)
	}
	var kept []Diagnostic
	for _, u := range units {
		for _, d := range u.diags {
			if !r.failed[d.Rule] && !overlapsAny(d, errs) {
				kept = append(kept, d)
			}
		}
	}
	a := &Analysis{units: units, broken: len(r.failed) > 0, style: styleOf(r.f), plan: r.plan}
	a.Internal = r.internal
	a.Diagnostics = r.cfg.suppress(r.f, kept)
	sort.SliceStable(a.Diagnostics, func(i, j int) bool {
		x, y := a.Diagnostics[i], a.Diagnostics[j]
		if x.Start != y.Start {
			return x.Start < y.Start
		}
		return x.Rule < y.Rule
	})
	return a
}

// sortUnits sorts units by start, the outer of two with the same start
// first, keeping the order of equal ones. Update hands over the units it
// kept, already in order, followed by the few it redid: those are
// inserted, which comes to the same as a stable sort without its
// n log n comparisons.
func sortUnits(units []*unit) {
	cmp := func(a, b *unit) int {
		if a.start != b.start {
			return a.start - b.start
		}
		return b.end - a.end
	}
	sorted := 1
	for sorted < len(units) && cmp(units[sorted-1], units[sorted]) <= 0 {
		sorted++
	}
	if len(units)-sorted > 16 {
		slices.SortStableFunc(units, cmp)
		return
	}
	for i := sorted; i < len(units); i++ {
		u := units[i]
		// After every unit that does not sort after u: equal ones stay first.
		at := sort.Search(i, func(j int) bool { return cmp(units[j], u) > 0 })
		copy(units[at+1:i+1], units[at:i])
		units[at] = u
	}
}
