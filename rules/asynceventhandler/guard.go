package asynceventhandler

import (
	"github.com/asyncsense/asyncsense/rules"
	"github.com/asyncsense/asyncsense/syntax"
)

// firstUnguardedAwait returns the first await of fn itself (an await
// expression, `await foreach`, `await using`) that no catch-all try
// statement inside fn encloses, or null. Code before the first await is not
// asked about: with no await there is nothing asynchronous to escape, and
// ASY007 already reports an async function that never awaits.
func firstUnguardedAwait(fn syntax.Node) syntax.Node {
	var found syntax.Node
	rules.OwnNodesOfKinds(fn, awaitKinds, func(n syntax.Node) bool {
		if (n.Kind() == "await_expression" || rules.IsAwaitStatement(n)) && !guarded(n, fn) {
			found = n
			return false
		}
		return true
	})
	return found
}

// awaitKinds are the nodes that can await: the expression, and the
// statements rules.IsAwaitStatement recognises.
var awaitKinds = []string{"await_expression", "foreach_statement", "using_statement", "local_declaration_statement"}

// guarded reports whether a try statement with a catch-all clause encloses
// n within fn. An await in that try's catch or finally counts as guarded
// too: it is the author's own error handling, and a second try around it
// is not what anyone would write.
func guarded(n, fn syntax.Node) bool {
	for a := n.Parent(); !a.IsNull() && !a.Same(fn); a = a.Parent() {
		if a.Kind() == "try_statement" && catchesAll(a) {
			return true
		}
	}
	return n.Kind() == "await_expression" && awaitsGuardedMethod(n)
}

// awaitsGuardedMethod reports whether an await calls a method of the same
// type declaration whose whole body is one or more catch-all try
// statements (`await RefreshSafelyAsync()`): nothing can come out of it.
func awaitsGuardedMethod(await syntax.Node) bool {
	call := syntax.StripParens(await.NamedChild(0))
	if call.Kind() == "invocation_expression" && syntax.CalleeName(call) == "ConfigureAwait" {
		call = syntax.Receiver(call)
	}
	fn := call.Field("function")
	if recv := syntax.Receiver(call); !(fn.Kind() == "identifier" || recv.Is("this", "this_expression")) {
		return false
	}
	name := syntax.CalleeName(call)
	var target syntax.Node
	for _, m := range syntax.EnclosingType(await).Field("body").NamedChildren() {
		if m.Kind() == "method_declaration" && m.Field("name").Text() == name {
			if !target.IsNull() {
				return false // overloads: which one is called is the compiler's call
			}
			target = m
		}
	}
	// A method that is not async hands back a task its try never sees fail.
	body := syntax.Body(target)
	if !syntax.IsAsync(target) || body.Kind() != "block" {
		return false
	}
	tries := 0
	for _, st := range body.NamedChildren() {
		switch {
		case st.Kind() == "comment":
		case st.Kind() == "try_statement" && catchesAll(st):
			tries++
		default:
			return false
		}
	}
	return tries > 0
}

// catchesAll reports whether a try statement has a clause that stops every
// exception: `catch`, `catch (Exception)` or `catch (System.Exception ex)`,
// with no `when` filter (a filter lets the others through) and not ending
// in an unconditional rethrow. A throw nested in an `if` is a deliberate
// choice about one kind of failure and still counts as handling.
func catchesAll(try syntax.Node) bool {
	for _, c := range try.NamedChildren() {
		if c.Kind() != "catch_clause" || !c.ChildOfKind("catch_filter_clause").IsNull() {
			continue
		}
		if decl := c.ChildOfKind("catch_declaration"); !decl.IsNull() {
			if t := syntax.TypeName(decl.Field("type")); t != "Exception" && t != "System.Exception" {
				continue
			}
		}
		if !rethrows(c.Field("body")) {
			return true
		}
	}
	return false
}

func rethrows(block syntax.Node) bool {
	for _, st := range block.NamedChildren() {
		if st.Kind() == "throw_statement" {
			return true
		}
	}
	return false
}
