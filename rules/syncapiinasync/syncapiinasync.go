// Package syncapiinasync is ASY006: a blocking call inside an async
// function when an awaitable counterpart exists, in the API table
// (File.ReadAllText → ReadAllTextAsync, EF Core's ToList on a query...) or
// as a sibling FooAsync on the same workspace type.
package syncapiinasync

import (
	"github.com/asyncsense/asyncsense/rules"
	"github.com/asyncsense/asyncsense/syntax"
)

var Analyzer = &rules.Analyzer{
	ID:       "ASY006",
	Name:     "sync-api-in-async",
	Severity: rules.Warning,
	Summary:  "Blocking API called inside an async method although an awaitable counterpart exists",
	Fix:      "safe",
	Kinds:    []string{"invocation_expression"},
	Run:      run,
}

func run(p *rules.Pass, inv syntax.Node) {
	if inv.Parent().Kind() == "await_expression" {
		return // whatever it returns is awaited already
	}
	fn := syntax.EnclosingFunction(inv)
	if !rules.PromisesAsync(fn) {
		return
	}
	c, ok := p.AsyncCounterpart(inv)
	if !ok || inQueryClause(inv, fn) || rules.InSyncBranchOfDualAPI(inv) {
		return
	}
	msg := rules.Quote(inv.Text()) + " blocks the thread inside an async function; "
	if !syntax.IsAsync(fn) {
		msg = rules.Quote(inv.Text()) + " blocks the caller of this " + syntax.GenericBase(syntax.TypeName(syntax.ReturnType(fn))) +
			"-returning method before it gets the task; "
	}
	if c.Workspace {
		msg += "`" + c.Owner + "` also declares " + rules.Quote(c.Async) + ", "
	}
	if c.Fit == rules.ArgsDiffer {
		msg += "await " + rules.Quote(c.Owner+"."+c.Async) + " instead (it takes different arguments)."
	} else {
		msg += "await " + rules.Quote(suggestion(inv, c)) + " instead."
	}
	fn2 := inv.Field("function")
	p.Report(rules.Diagnostic{Start: fn2.Start(), End: fn2.End(), Message: msg, Fixes: fixes(p, inv, c)})
}

// fixes awaits the counterpart: Safe when the arguments carry over and
// await is legal here; Unsafe when the arguments may not fit or the
// counterpart's namespace has to be imported first.
func fixes(p *rules.Pass, inv syntax.Node, c rules.Counterpart) []rules.Fix {
	if c.Fit == rules.ArgsDiffer || !rules.CanAwaitAt(inv) || inCatchFilter(inv) || hasConditionalAccess(inv) {
		return nil
	}
	safety := rules.Safe
	if c.Fit == rules.ArgsMaybe {
		safety = rules.Unsafe
	}
	edits := []rules.Edit{rules.Replace(c.Name, c.Async)}
	if aw := rules.AwaitText(inv, "x"); aw[0] == '(' {
		edits = append(edits, rules.Insert(inv.Start(), "(await "), rules.Insert(inv.End(), ")"))
	} else {
		edits = append(edits, rules.Insert(inv.Start(), "await "))
	}
	if c.Namespace != "" && !rules.ImportsNamespace(inv, c.Namespace) {
		using, ok := p.UsingEdit(c.Namespace)
		if !ok {
			return nil
		}
		// A global using elsewhere may already import it, or an extension
		// library may make the new name ambiguous: let a human look.
		edits = append(edits, using)
		safety = rules.Unsafe
	}
	return []rules.Fix{{Title: "Await " + c.Async + " instead", Safety: safety, Edits: edits}}
}

// suggestion is the call's text with the counterpart's name, or just the
// name when the call is too long to quote whole.
func suggestion(inv syntax.Node, c rules.Counterpart) string {
	text := inv.Text()
	off := c.Name.Start() - inv.Start()
	if s := text[:off] + c.Async + text[off+len(c.Name.Text()):]; len(s) <= 60 {
		return s
	}
	return c.Async + "(...)"
}

// inQueryClause reports whether n sits in a clause of a query expression
// (`where _db.Orders.Any(...)`): the compiler turns clauses into lambdas
// that are not async.
func inQueryClause(n, fn syntax.Node) bool {
	for child, p := n, n.Parent(); !p.IsNull() && !p.Same(fn); child, p = p, p.Parent() {
		if p.Kind() == "query_expression" {
			first := p.ChildOfKind("from_clause")
			src := first.NamedChild(first.NamedChildCount() - 1)
			return !src.Contains(child) && !src.Same(child)
		}
	}
	return false
}

func inCatchFilter(n syntax.Node) bool {
	for p := n.Parent(); !p.IsNull() && !syntax.IsFunction(p); p = p.Parent() {
		if p.Kind() == "catch_filter_clause" {
			return true
		}
	}
	return false
}

// hasConditionalAccess reports whether the call hangs off `a?.b`: awaiting
// the null a short-circuited chain produces would throw.
func hasConditionalAccess(inv syntax.Node) bool {
	for n := inv.Field("function"); !n.IsNull(); {
		switch n.Kind() {
		case "conditional_access_expression":
			return true
		case "member_access_expression":
			n = n.Field("expression")
		case "invocation_expression":
			n = n.Field("function")
		case "element_access_expression":
			n = n.Field("expression")
		default:
			return false
		}
	}
	return false
}
