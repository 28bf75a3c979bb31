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

// ownIndex returns fn's own nodes of ownIndexKinds, in source order.
func ownIndex(fn syntax.Node) []syntax.Node {
	return fn.File().Memo(ownIndexKey{fn}, func() any {
		var out []syntax.Node
		ownNodes(fn, ownIndexKinds, func(n syntax.Node) bool {
			out = append(out, n)
			return true
		})
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
	type open struct {
		fn  syntax.Node
		end int
	}
	var nested []open
	body.NodesOfKinds(append(syntax.FunctionKinds(), kinds...), func(n syntax.Node) bool {
		start, end := n.Start(), n.End()
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
			return false
		}
		if syntax.IsFunction(n) {
			nested = append(nested, open{fn: n, end: end})
		}
		return true
	})
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
