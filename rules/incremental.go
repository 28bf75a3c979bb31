package rules

import (
	"context"
	"sort"

	"github.com/asyncsense/asyncsense/syntax"
)

// Analysis is Run's Result for one version of a file, plus what the next
// version needs to re-analyse only the member an edit touched. Walking every
// node of a 10,000-line file from Go costs a few hundred milliseconds, a
// keystroke's budget is a few, so the server keeps one Analysis per open
// document and calls Update with the edits since.
//
// Update relies on a locality contract that every rule keeps today: a finding
// reported while visiting a node inside a top-level member (a method,
// property, field... not nested in another member) depends on that member, on
// declarations outside member bodies, and on the Index; never on the body of
// another member. Callers analyse from scratch when the Index, the analyzers
// or the configuration change.
type Analysis struct {
	Result
	units   []*unit
	broken  bool // a rule panicked: its findings are gone file-wide, Update starts over
	partial bool
	style   textStyle
	plan    *plan // the runner's tables, for the next Update
}

// textStyle is what fixes read from the whole file (Pass.Newline,
// Pass.IndentUnit): a change to it changes fixes in every member.
type textStyle struct{ crlf, tabs bool }

func styleOf(f *syntax.File) textStyle {
	return textStyle{crlf: f.CRLF(), tabs: f.TabIndented()}
}

// Partial reports whether Update re-analysed only the edited member.
func (a *Analysis) Partial() bool { return a.partial }

// unit is where findings and syntax errors came from: a top-level member, or
// a node outside every member (a type declaration, an ERROR node...).
type unit struct {
	start, end int
	kind       string
	member     bool
	bodies     [][2]int     // block and `=>` bodies, relative to start: edits inside them stay local
	diags      []Diagnostic // before the error filter and #pragma suppression
	errors     [][2]int     // ERROR/MISSING nodes and members holding them, as Run skips them
}

// Analyze is Run, remembering where each finding came from.
func Analyze(ctx context.Context, f *syntax.File, idx *Index, analyzers []*Analyzer, cfg *Config) (*Analysis, error) {
	r := newRunner(ctx, f, idx, analyzers, cfg, nil)
	if r == nil {
		return &Analysis{}, nil
	}
	var units []*unit
	f.Root().Walk(func(n syntax.Node) bool {
		if ctx.Err() != nil {
			return false
		}
		if memberKinds[n.Kind()] {
			units = append(units, r.member(n))
			return false
		}
		if n.IsError() || n.IsMissing() {
			units = append(units, &unit{start: n.Start(), end: n.End(), kind: n.Kind(), errors: [][2]int{{n.Start(), n.End()}}})
			return false
		}
		if u := r.skeleton(n); u != nil {
			units = append(units, u)
		}
		return true
	})
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return r.finish(units), nil
}

// Update returns the Analysis of f, the text of a's file after edits (in
// order, each in offsets of the text before it, as syntax.Edit and
// File.Apply take them). When every edit falls inside one member's body and
// the reparsed tree keeps that member's shape, only that member (and the
// nodes enclosing it) is analysed again and every other finding is shifted;
// otherwise the whole file is.
func (a *Analysis) Update(ctx context.Context, f *syntax.File, edits []syntax.Edit, idx *Index, analyzers []*Analyzer, cfg *Config) (*Analysis, error) {
	if a == nil || a.broken || a.style != styleOf(f) {
		return Analyze(ctx, f, idx, analyzers, cfg)
	}
	// Copies, in one block: a's units stay as they are.
	block := make([]unit, len(a.units))
	units := make([]*unit, len(a.units))
	for i, u := range a.units {
		block[i] = *u
		units[i] = &block[i]
	}
	dirty := map[*unit]bool{}
	for _, e := range edits {
		if !localize(units, e, dirty) {
			return Analyze(ctx, f, idx, analyzers, cfg)
		}
	}
	// Where the parser now reads unedited text differently (see
	// syntax.File.Reread), the tree may have changed as if it was edited.
	for _, r := range f.Reread() {
		if !localize(units, syntax.Edit{Start: r[0], OldEnd: r[1], NewText: f.Src[r[0]:r[1]]}, dirty) {
			return Analyze(ctx, f, idx, analyzers, cfg)
		}
	}
	r := newRunner(ctx, f, idx, analyzers, cfg, a.plan)
	if r == nil {
		return &Analysis{}, nil
	}
	kept := units[:0]
	type key struct {
		start, end int
		kind       string
	}
	ancestors := map[key]syntax.Node{}
	var redone []*unit
	var members [][2]int
	for _, u := range units {
		if !dirty[u] {
			kept = append(kept, u)
			continue
		}
		if !u.member {
			continue // an enclosing node: visited again below
		}
		path := f.Enclosing(u.start, u.end)
		at := -1
		for i, n := range path {
			if n.Start() == u.start && n.End() == u.end && n.Kind() == u.kind {
				at = i
				break
			}
		}
		if at < 0 || !sameRanges(bodyRanges(path[at], u.start), u.bodies) {
			return Analyze(ctx, f, idx, analyzers, cfg)
		}
		for _, n := range path[:at] {
			if n.IsError() || n.IsMissing() || memberKinds[n.Kind()] {
				return Analyze(ctx, f, idx, analyzers, cfg)
			}
			ancestors[key{n.Start(), n.End(), n.Kind()}] = n
		}
		redone = append(redone, r.member(path[at]))
		members = append(members, [2]int{u.start, u.end})
	}
	// tree-sitter's error recovery is not confined to the edited member: a
	// stray `/*` or `{` can re-shape the parse around an ERROR elsewhere.
	// Where no syntax error outside the edited members appeared, moved or
	// vanished, the rest of the tree is the old one, shifted.
	var before [][2]int
	for _, u := range kept {
		before = append(before, u.errors...)
	}
	if !sameErrorSet(before, errorsOutside(f, members)) {
		return Analyze(ctx, f, idx, analyzers, cfg)
	}
	for _, n := range ancestors {
		if u := r.skeleton(n); u != nil {
			redone = append(redone, u)
		}
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	res := r.finish(append(kept, redone...))
	res.partial = true
	return res, nil
}

// errorsOutside lists the error ranges Run would record outside the given
// members, descending only into subtrees that hold an error.
func errorsOutside(f *syntax.File, members [][2]int) [][2]int {
	var out [][2]int
	f.Root().Walk(func(n syntax.Node) bool {
		if !n.HasError() {
			return false
		}
		if n.IsError() || n.IsMissing() {
			out = append(out, [2]int{n.Start(), n.End()})
			return false
		}
		if memberKinds[n.Kind()] {
			for _, m := range members {
				if m == [2]int{n.Start(), n.End()} {
					return false
				}
			}
			out = append(out, [2]int{n.Start(), n.End()})
			return false
		}
		return true
	})
	return out
}

func sameErrorSet(a, b [][2]int) bool {
	if len(a) != len(b) {
		return false
	}
	less := func(x [][2]int) func(i, j int) bool {
		return func(i, j int) bool { return x[i][0] < x[j][0] || x[i][0] == x[j][0] && x[i][1] < x[j][1] }
	}
	sort.Slice(a, less(a))
	sort.Slice(b, less(b))
	return sameRanges(a, b)
}

// localize records edit e against units, in offsets of the text before e,
// and shifts every offset after it. It reports false when the edit is not
// confined to one member's body, or would move a finding or fix it does not
// re-create.
func localize(units []*unit, e syntax.Edit, dirty map[*unit]bool) bool {
	s, oe := e.Start, e.OldEnd
	var target *unit
	for _, u := range units {
		overlaps := s < u.end && u.start < oe
		if s == oe {
			overlaps = u.start <= s && s <= u.end // an insertion at an edge counts
		}
		if !overlaps {
			continue
		}
		if !(u.start < s && oe < u.end) {
			return false // touches a unit's edge
		}
		if u.member {
			if target != nil || !inBody(u.bodies, u.start, s, oe) {
				return false
			}
			target = u
		}
		dirty[u] = true
	}
	if target == nil {
		return false
	}
	delta := len(e.NewText) - (oe - s)
	shift := func(x int) (int, bool) {
		switch {
		case x <= s:
			return x, true
		case x >= oe:
			return x + delta, true
		}
		return x, false
	}
	for _, u := range units {
		start := u.start
		u.start, _ = shift(u.start)
		u.end, _ = shift(u.end)
		if dirty[u] {
			// Only a unit holding the edit has bodies that change relative
			// to its start.
			var bodies [][2]int
			for _, b := range u.bodies {
				x, _ := shift(start + b[0])
				y, _ := shift(start + b[1])
				bodies = append(bodies, [2]int{x - u.start, y - u.start})
			}
			u.bodies = bodies
			u.diags, u.errors = nil, nil
			continue
		}
		u.errors = shiftRanges(u.errors, shift)
		diags, ok := shiftDiags(u.diags, shift, target)
		if !ok {
			return false
		}
		u.diags = diags
	}
	return true
}

// shiftDiags moves diags' offsets past an edit, sharing the slice when
// none moves (a unit before the edit). It reports false when a finding
// overlaps the edit or a fix reaches into target, the edited member: a fix
// there would be stale even where its offsets still shift cleanly.
func shiftDiags(diags []Diagnostic, shift func(int) (int, bool), target *unit) ([]Diagnostic, bool) {
	moves := false
	for _, d := range diags {
		start, ok1 := shift(d.Start)
		end, ok2 := shift(d.End)
		if !ok1 || !ok2 {
			return nil, false
		}
		moves = moves || start != d.Start || end != d.End
		for _, fx := range d.Fixes {
			for _, ed := range fx.Edits {
				if ed.End >= target.start && ed.Start <= target.end {
					return nil, false
				}
				a, _ := shift(ed.Start)
				b, _ := shift(ed.End)
				moves = moves || a != ed.Start || b != ed.End
			}
		}
	}
	if !moves {
		return diags, true
	}
	out := make([]Diagnostic, len(diags))
	for i, d := range diags {
		d.Start, _ = shift(d.Start)
		d.End, _ = shift(d.End)
		if d.Fixes != nil {
			fixes := make([]Fix, len(d.Fixes))
			for j, fx := range d.Fixes {
				moved := make([]Edit, len(fx.Edits))
				for k, ed := range fx.Edits {
					ed.Start, _ = shift(ed.Start)
					ed.End, _ = shift(ed.End)
					moved[k] = ed
				}
				fx.Edits = moved
				fixes[j] = fx
			}
			d.Fixes = fixes
		}
		out[i] = d
	}
	return out, true
}

// inBody reports whether [s, oe) is inside one of bodies, relative to at.
func inBody(bodies [][2]int, at, s, oe int) bool {
	for _, b := range bodies {
		// The opening brace (or `=>`) must survive; the reparse check in
		// Update catches an edit that moved the closing one.
		if at+b[0] < s && oe <= at+b[1] {
			return true
		}
	}
	return false
}

func shiftRanges(rs [][2]int, shift func(int) (int, bool)) [][2]int {
	if rs == nil {
		return nil
	}
	out := make([][2]int, len(rs))
	for i, r := range rs {
		out[i][0], _ = shift(r[0])
		out[i][1], _ = shift(r[1])
	}
	return out
}

func sameRanges(a, b [][2]int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// bodyRanges lists a member's bodies, relative to offset at: a function's
// block or `=>` clause, a property's or indexer's `=>` clause, and its
// accessors' bodies. Relative ranges need no shifting when the member moves.
func bodyRanges(n syntax.Node, at int) [][2]int {
	var out [][2]int
	add := func(b syntax.Node) {
		if b.Is("block", "arrow_expression_clause") {
			out = append(out, [2]int{b.Start() - at, b.End() - at})
		}
	}
	add(n.Field("body"))
	add(n.Field("value"))
	for _, acc := range n.Field("accessors").NamedChildren() {
		add(acc.Field("body"))
	}
	return out
}

// SameMembers reports whether two trees of the same text have the same
// nodes outside members, the same top-level members and the same syntax
// errors. Two parses of one text differ only where tree-sitter's error
// recovery took another path; when they agree on all of this, every member
// was parsed from the same state and an Analysis of one holds for the other.
func SameMembers(a, b *syntax.File) bool {
	sa, sb := skeleton(a), skeleton(b)
	if len(sa) != len(sb) {
		return false
	}
	for i := range sa {
		if sa[i] != sb[i] {
			return false
		}
	}
	return true
}

type shape struct {
	kind       string
	start, end int
	broken     bool
}

// skeleton lists what Run's walk sees outside members, plus each member
// and whether it holds an error, without descending into members.
func skeleton(f *syntax.File) []shape {
	var out []shape
	f.Root().Walk(func(n syntax.Node) bool {
		s := shape{kind: n.Kind(), start: n.Start(), end: n.End(), broken: n.HasError()}
		out = append(out, s)
		return !memberKinds[s.kind] && !n.IsError() && !n.IsMissing()
	})
	return out
}
