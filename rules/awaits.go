package rules

import (
	"slices"

	"github.com/asyncsense/asyncsense/syntax"
)

// WalkOwn visits, in source order, the nodes of fn's body that belong to fn
// itself. Nested lambdas, anonymous methods and local functions are skipped
// whole: their awaits and returns are their own, not fn's. visit returns
// false to skip a node's children.
func WalkOwn(fn syntax.Node, visit func(syntax.Node) bool) {
	body := syntax.Body(fn)
	if body.IsNull() || syntax.IsFunction(body) {
		return
	}
	body.Walk(func(n syntax.Node) bool {
		if syntax.IsFunction(n) {
			return false
		}
		return visit(n)
	})
}

// OwnNodesOfKinds is WalkOwn for nodes of the given kinds only: the
// compiled query finds them in C and only the matches cross into Go, which
// matters on the keystroke path where the edited method is re-analysed.
// visit returns false to stop.
//
// For kinds among ownIndexKinds the nodes come from one query per function,
// kept on its File: the rules asking about the same method share it.
func OwnNodesOfKinds(fn syntax.Node, kinds []string, visit func(syntax.Node) bool) {
	if !subset(kinds, ownIndexKinds) {
		ownNodes(fn, kinds, visit)
		return
	}
	for _, n := range ownIndex(fn) {
		if n.Is(kinds...) && !visit(n) {
			return
		}
	}
}

// ownIndexKinds are the kinds rules ask OwnNodesOfKinds about (HasOwnAwait,
// ASY007's iterator check, ASY009's tail awaits). Another kind works too,
// at the price of a query of its own.
var ownIndexKinds = []string{"await_expression", "return_statement", "try_statement", "using_statement",
	"lock_statement", "foreach_statement", "local_declaration_statement", "yield_statement"}

type ownIndexKey struct{ fn syntax.Node }

// ownIndex returns fn's own nodes of ownIndexKinds, in source order. Inside
// the member the runner is analysing they come from the runner's own query
// (see memberScope), else from a query on fn's body.
func ownIndex(fn syntax.Node) []syntax.Node {
	return fn.File().Memo(ownIndexKey{fn}, func() any {
		var out []syntax.Node
		collect := func(n syntax.Node) bool {
			out = append(out, n)
			return true
		}
		if sc := currentScope(fn.File()); sc == nil || !sc.ownNodes(fn, collect) {
			ownNodes(fn, ownIndexKinds, collect)
		}
		return out
	}).([]syntax.Node)
}

func subset(kinds, of []string) bool {
	for _, k := range kinds {
		if !slices.Contains(of, k) {
			return false
		}
	}
	return true
}

// memberScope is what the runner's query found in the member it is
// analysing: every node of scopeKinds, in pre-order. The functions
// there ask for their own nodes (HasOwnAwait, ASY009) right after; taking
// them from this list saves a second query over the same subtree.
type memberScope struct {
	member syntax.Node
	nodes  []syntax.Node
	spans  [][2]int // of nodes, read on first use
}

// scopeKinds are the kinds the runner's query must find for memberScope
// to stand in for ownNodes' query with ownIndexKinds.
func scopeKinds() []string { return append(syntax.FunctionKinds(), ownIndexKinds...) }

type scopeKey struct{}

// scopeHolder is the File's current memberScope; the runner replaces it
// member by member. One goroutine at a time analyses a File.
type scopeHolder struct{ scope *memberScope }

func holderOf(f *syntax.File) *scopeHolder {
	return f.Memo(scopeKey{}, func() any { return &scopeHolder{} }).(*scopeHolder)
}

func currentScope(f *syntax.File) *memberScope { return holderOf(f).scope }

// setScope makes nodes, the matches of a query with at least scopeKinds
// under member, the File's current scope.
func setScope(member syntax.Node, nodes []syntax.Node) {
	holderOf(member.File()).scope = &memberScope{member: member, nodes: nodes}
}

// ownNodes visits what ownNodes(fn, ownIndexKinds, visit) would, taken from
// the scope's list; it reports false, having visited nothing, when fn is
// not inside the scope's member.
func (sc *memberScope) ownNodes(fn syntax.Node, visit func(syntax.Node) bool) bool {
	start, end := fn.Start(), fn.End()
	if start < sc.member.Start() || end > sc.member.End() || start == end {
		return false
	}
	body := syntax.Body(fn)
	if body.IsNull() || syntax.IsFunction(body) || !syntax.EnclosingFunction(body).Same(fn) {
		return true
	}
	if sc.spans == nil {
		sc.spans = make([][2]int, len(sc.nodes))
		for i, n := range sc.nodes {
			sc.spans[i] = [2]int{n.Start(), n.End()}
		}
	}
	bs, be := body.Start(), body.End()
	// The query on the body would find body and its descendants, in this
	// order. By range alone those are the nodes inside [bs, be], but for
	// an empty node at either edge or one spanning all of it: those could
	// sit beside or above the body, and only the tree can say.
	var inBody []int
	for i, sp := range sc.spans {
		if sp[0] < bs || sp[1] > be {
			continue
		}
		n := sc.nodes[i]
		if (sp[0] == sp[1] && (sp[0] == bs || sp[0] == be) || sp == [2]int{bs, be}) && !n.Same(body) && !within(n, body) {
			continue
		}
		inBody = append(inBody, i)
	}
	walkOwn(inBody, sc.nodes, sc.spans, ownIndexKinds, visit)
	return true
}

// ownNodes visits the nodes of fn's body of the given kinds whose
// enclosing function is fn. Asking EnclosingFunction for each costs a walk
// up the tree in cgo calls; instead one query also finds the functions in
// the body, and since it answers in pre-order, a node belongs to a nested
// function exactly when it starts before the end of one on the stack of
// those it is still inside.
func ownNodes(fn syntax.Node, kinds []string, visit func(syntax.Node) bool) {
	body := syntax.Body(fn)
	if body.IsNull() || syntax.IsFunction(body) {
		return
	}
	// Nothing in the body outside a nested function has another enclosing
	// function than the body itself.
	if !syntax.EnclosingFunction(body).Same(fn) {
		return
	}
	var nodes []syntax.Node
	var spans [][2]int
	body.NodesOfKinds(append(syntax.FunctionKinds(), kinds...), func(n syntax.Node) bool {
		nodes = append(nodes, n)
		spans = append(spans, [2]int{n.Start(), n.End()})
		return true
	})
	order := make([]int, len(nodes))
	for i := range order {
		order[i] = i
	}
	walkOwn(order, nodes, spans, kinds, visit)
}

// walkOwn visits nodes[i] for i in order (pre-order under one function's
// body, functions included) when it has one of kinds and lies inside no
// function that is itself in the body.
func walkOwn(order []int, nodes []syntax.Node, spans [][2]int, kinds []string, visit func(syntax.Node) bool) {
	type open struct {
		fn  syntax.Node
		end int
	}
	var nested []open
	for _, i := range order {
		n, start, end := nodes[i], spans[i][0], spans[i][1]
		for len(nested) > 0 {
			top := nested[len(nested)-1]
			// In pre-order, what follows a function and starts before its
			// end is inside it; an empty node at its very end may be
			// either, and only the tree can say.
			if start < top.end || start == top.end && end == start && within(n, top.fn) {
				break
			}
			nested = nested[:len(nested)-1]
		}
		if len(nested) == 0 && n.Is(kinds...) && !visit(n) {
			return
		}
		if syntax.IsFunction(n) {
			nested = append(nested, open{fn: n, end: end})
		}
	}
}

// within reports whether outer is a proper ancestor of n.
func within(n, outer syntax.Node) bool {
	for p := n.Parent(); !p.IsNull(); p = p.Parent() {
		if p.Same(outer) {
			return true
		}
	}
	return false
}

var ownAwaitKinds = []string{"await_expression", "foreach_statement", "using_statement", "local_declaration_statement"}

// HasOwnAwait reports whether fn awaits anything itself: an await
// expression, an `await foreach` or an `await using` (statement or
// declaration) outside any nested function.
func HasOwnAwait(fn syntax.Node) bool {
	found := false
	OwnNodesOfKinds(fn, ownAwaitKinds, func(n syntax.Node) bool {
		found = n.Kind() == "await_expression" || IsAwaitStatement(n)
		return !found
	})
	return found
}

// IsAwaitStatement reports whether n is `await foreach (...)`,
// `await using (...)` or `await using var x = ...;`: the grammar keeps the
// await as an anonymous token child of the statement.
func IsAwaitStatement(n syntax.Node) bool {
	if !n.Is("foreach_statement", "using_statement", "local_declaration_statement") {
		return false
	}
	for i := 0; i < n.ChildCount(); i++ {
		c := n.Child(i)
		if c.Kind() == "await" {
			return true
		}
		if c.IsNamed() {
			// The token comes first; once the statement's content starts
			// there is none to find (a nested await is an await_expression).
			return false
		}
	}
	return false
}
