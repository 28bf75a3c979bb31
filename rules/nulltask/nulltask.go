// Package nulltask is ASY014: a non-async method declared to return Task,
// Task<T> or ValueTask<T> that returns null, which every awaiting caller
// turns into a NullReferenceException.
package nulltask

import (
	"strings"

	"github.com/asyncsense/asyncsense/rules"
	"github.com/asyncsense/asyncsense/syntax"
)

var Analyzer = &rules.Analyzer{
	ID:       "ASY014",
	Name:     "null-task",
	Severity: rules.Warning,
	Summary:  "A non-async Task-returning method returns null instead of a completed task",
	Fix:      "safe",
	Kinds:    []string{"return_statement", "arrow_expression_clause"},
	Run:      run,
}

func run(p *rules.Pass, n syntax.Node) {
	nulls := nullsIn(n.NamedChild(0))
	if len(nulls) == 0 {
		return
	}
	fn := syntax.EnclosingFunction(n)
	if n.Kind() == "arrow_expression_clause" {
		fn = n
		if !syntax.IsFunction(n) {
			fn = n.Parent()
		}
	}
	if !fn.Is("method_declaration", "local_function_statement", "arrow_expression_clause", "accessor_declaration") || syntax.IsAsync(fn) {
		return
	}
	if n.Kind() == "arrow_expression_clause" && fn.Kind() == "method_declaration" && !fn.Field("body").Same(n) {
		return
	}
	ret := syntax.ReturnType(fn)
	retName := syntax.TypeName(ret)
	// `Task?` says null is part of the contract; ValueTask is a struct, so
	// `return null` does not compile there and `default` is a completed task.
	if syntax.GenericBase(retName) != "Task" || strings.HasSuffix(retName, "?") {
		return
	}
	for _, null := range nulls {
		report(p, fn, ret, null)
	}
}

// nullsIn returns the null-valued leaves of a returned expression: `null`,
// `null!`, `default`, `default(Task)`, and either branch of `c ? x : y`.
func nullsIn(e syntax.Node) []syntax.Node {
	e = syntax.StripParens(e)
	switch e.Kind() {
	case "null_literal":
		return []syntax.Node{e}
	case "postfix_unary_expression":
		if strings.HasSuffix(e.Text(), "!") && syntax.StripParens(e.NamedChild(0)).Kind() == "null_literal" {
			return []syntax.Node{e}
		}
	case "default_expression":
		if t := e.Field("type"); t.IsNull() || rules.IsTaskType(syntax.TypeName(t)) {
			return []syntax.Node{e}
		}
	case "conditional_expression":
		return append(nullsIn(e.Field("consequence")), nullsIn(e.Field("alternative"))...)
	}
	return nil
}

func report(p *rules.Pass, fn, ret, null syntax.Node) {
	replacement, title := completedTask(p, ret, null)
	msg := rules.Quote(null.Text()) + " is returned as a " + rules.Quote(ret.Text()) +
		": a caller that awaits it gets a NullReferenceException; return " + rules.Quote(replacement) + " instead."
	safety := rules.Unsafe
	if onlyAwaitedPrivately(fn) {
		safety = rules.Safe
	}
	fix := rules.Fix{Title: title, Safety: safety, Edits: []rules.Edit{rules.Replace(null, replacement)}}
	p.Report(rules.Diagnostic{Start: null.Start(), End: null.End(), Message: msg, Fixes: []rules.Fix{fix}})
}

// completedTask spells the completed task that replaces null:
// Task.CompletedTask, or Task.FromResult<T>(null) — `default` when T may be
// a value type, where null would not compile.
func completedTask(p *rules.Pass, ret, at syntax.Node) (text, title string) {
	q := rules.TaskQualifier(at)
	if ret.Kind() == "qualified_name" {
		ret = ret.Field("name")
	}
	args := ret.ChildOfKind("type_argument_list").NamedChildren()
	if len(args) != 1 {
		return q + "Task.CompletedTask", "Return Task.CompletedTask"
	}
	t := args[0].Text()
	value := "default"
	if isReferenceType(p, args[0]) {
		value = "null"
	}
	return q + "Task.FromResult<" + t + ">(" + value + ")", "Return Task.FromResult<" + t + ">(" + value + ")"
}

// isReferenceType reports whether null is known to convert to type t:
// string, object, arrays, nullable value types, and workspace classes and
// interfaces. Unknown types get `default`, which compiles for every T.
func isReferenceType(p *rules.Pass, t syntax.Node) bool {
	switch t.Kind() {
	case "array_type":
		return true
	case "nullable_type":
		inner := t.NamedChild(0)
		return inner.Kind() == "predefined_type" || isReferenceType(p, inner)
	case "predefined_type":
		switch t.Text() {
		case "string", "object", "dynamic":
			return true
		}
		return false
	}
	name := syntax.GenericBase(syntax.TypeName(t))
	kinds := p.Index.Types(name)
	for _, k := range kinds {
		if k.Kind != "class" && k.Kind != "interface" {
			return false
		}
	}
	return len(kinds) > 0
}

// onlyAwaitedPrivately reports whether no code outside this file can see
// the method (private, or a local function) and every call to it in the
// file awaits the result, so none of them can be relying on null.
func onlyAwaitedPrivately(fn syntax.Node) bool {
	if !fn.Is("method_declaration", "local_function_statement") {
		return false
	}
	if fn.Kind() == "method_declaration" {
		for _, m := range syntax.Modifiers(fn) {
			switch m.Text() {
			case "public", "internal", "protected", "override", "virtual", "abstract":
				return false
			}
		}
		if syntax.EnclosingType(fn).Kind() == "interface_declaration" {
			return false
		}
	}
	name := fn.Field("name").Text()
	only := true
	fn.File().Root().Walk(func(n syntax.Node) bool {
		if !only {
			return false
		}
		if n.Kind() == "identifier" && n.Text() == name && !n.Same(fn.Field("name")) && !isAwaitedCall(n) {
			only = false
		}
		return true
	})
	return only
}

// isAwaitedCall reports whether a name is the callee of `await Name(...)`
// (possibly through `.ConfigureAwait(...)` or `this.`).
func isAwaitedCall(id syntax.Node) bool {
	callee := id
	if p := id.Parent(); p.Kind() == "member_access_expression" && p.Field("name").Same(id) {
		if !p.Field("expression").Is("this", "this_expression") {
			return false
		}
		callee = p
	}
	call := callee.Parent()
	if call.Kind() != "invocation_expression" || !call.Field("function").Same(callee) {
		return false
	}
	up := call.Parent()
	if up.Kind() == "member_access_expression" && syntax.SimpleName(up) == "ConfigureAwait" {
		up = up.Parent().Parent()
	}
	return up.Kind() == "await_expression"
}
