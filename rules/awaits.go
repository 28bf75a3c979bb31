package rules

import "github.com/asyncsense/asyncsense/syntax"

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
func OwnNodesOfKinds(fn syntax.Node, kinds []string, visit func(syntax.Node) bool) {
	body := syntax.Body(fn)
	if body.IsNull() || syntax.IsFunction(body) {
		return
	}
	body.NodesOfKinds(kinds, func(n syntax.Node) bool {
		if !syntax.EnclosingFunction(n).Same(fn) {
			return true
		}
		return visit(n)
	})
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
