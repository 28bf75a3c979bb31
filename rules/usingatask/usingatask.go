// Package usingatask is ASY034: `using (XAsync())` or `using var x =
// XAsync();` disposes the Task instead of the resource the task produces.
package usingatask

import (
	"github.com/asyncsense/asyncsense/rules"
	"github.com/asyncsense/asyncsense/syntax"
)

var Analyzer = &rules.Analyzer{
	ID:       "ASY034",
	Name:     "using-a-task",
	Severity: rules.Warning,
	Summary:  "using on a Task disposes the task, not the resource it produces",
	Fix:      "safe",
	Kinds:    []string{"using_statement", "local_declaration_statement"},
	Run:      run,
}

func run(p *rules.Pass, stmt syntax.Node) {
	if !isPlainUsing(stmt) {
		return
	}
	decl := stmt.ChildOfKind("variable_declaration")
	if decl.IsNull() {
		if stmt.Kind() == "using_statement" {
			// `using (expr) body`: the resource is the first named child.
			check(p, syntax.FirstCode(stmt), true)
		}
		return
	}
	// An explicit `Task<Stream>` type would no longer match after `await`.
	fixable := decl.Field("type").Kind() == "implicit_type"
	for _, d := range decl.NamedChildren() {
		if d.Kind() == "variable_declarator" {
			if init := initializer(d); !init.IsNull() {
				check(p, init, fixable)
			}
		}
	}
}

// isPlainUsing reports whether stmt is `using (...)` or `using var ...;`
// without `await` (a Task is not IAsyncDisposable: the compiler rejects
// `await using` on one).
func isPlainUsing(stmt syntax.Node) bool {
	for _, c := range stmt.Children() {
		switch c.Kind() {
		case "await":
			return false
		case "using":
			return true
		}
		if c.IsNamed() {
			return false
		}
	}
	return false
}

func initializer(d syntax.Node) syntax.Node {
	sawEq := false
	for _, c := range d.Children() {
		if sawEq && c.IsNamed() {
			return c
		}
		sawEq = sawEq || c.Kind() == "="
	}
	return syntax.Node{}
}

func check(p *rules.Pass, expr syntax.Node, fixable bool) {
	if expr.IsNull() || syntax.StripParens(expr).Kind() == "await_expression" {
		return
	}
	// ValueTask is not IDisposable: `using` on it does not compile.
	if t := typeOf(p, expr); !rules.IsTaskType(t) || syntax.GenericBase(t) != "Task" || !calleesKnown(p, expr) {
		return
	}
	msg := "`using` disposes the task " + rules.Quote(expr.Text()) + " returns, not the resource it produces; await it first."
	var fixes []rules.Fix
	if fixable {
		operand := expr.Text()
		if syntax.StripParens(expr).Is("binary_expression", "conditional_expression") {
			operand = "(" + operand + ")" // `await a ?? b` would await only a
		}
		edit := rules.Replace(expr, rules.AwaitText(expr, operand))
		const title = "Await the task before using its result"
		if rules.CanAwaitAt(expr) {
			fixes = []rules.Fix{{Title: title, Safety: rules.Safe, Edits: []rules.Edit{edit}}}
		} else if fix, ok := rules.MakeAsyncFix(p, expr, "Make the method async and await the task", edit); ok {
			fixes = []rules.Fix{fix}
		}
	}
	p.Report(rules.Diagnostic{Start: expr.Start(), End: expr.End(), Message: msg, Fixes: fixes})
}

// typeOf extends TypeOf to `a ?? b` and `c ? a : b`, whose type is their
// operands' when both operands agree (or one is unknown).
func typeOf(p *rules.Pass, e syntax.Node) string {
	e = syntax.StripParens(e)
	var a, b syntax.Node
	switch {
	case e.Kind() == "binary_expression" && e.Field("operator").Text() == "??":
		a, b = e.Field("left"), e.Field("right")
	case e.Kind() == "conditional_expression":
		a, b = e.Field("consequence"), e.Field("alternative")
	default:
		return p.TypeOf(e)
	}
	ta, tb := typeOf(p, a), typeOf(p, b)
	switch {
	case ta == "":
		return tb
	case tb == "" || ta == tb:
		return ta
	}
	return ""
}

// calleesKnown asks for evidence about every call the resource expression
// may come from (see rules.CallStartsTask): a name alone, borrowed from
// another type's method, is not enough.
func calleesKnown(p *rules.Pass, e syntax.Node) bool {
	e = syntax.StripParens(e)
	switch {
	case e.Kind() == "invocation_expression":
		return p.CallStartsTask(e)
	case e.Kind() == "binary_expression":
		return calleesKnown(p, e.Field("left")) && calleesKnown(p, e.Field("right"))
	case e.Kind() == "conditional_expression":
		return calleesKnown(p, e.Field("consequence")) && calleesKnown(p, e.Field("alternative"))
	}
	return true
}
