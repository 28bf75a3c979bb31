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
	Kinds:    []string{"return_statement", "arrow_expression_clause", "lambda_expression"},
	Run:      run,
}

func run(p *rules.Pass, n syntax.Node) {
	value := syntax.FirstCode(n)
	if n.Kind() == "lambda_expression" {
		value = syntax.Body(n)
	}
	nulls := nullsIn(value)
	if len(nulls) == 0 {
		return
	}
	var fn syntax.Node
	switch n.Kind() {
	case "return_statement":
		fn = syntax.EnclosingFunction(n)
	case "lambda_expression":
		fn = n
	case "arrow_expression_clause":
		fn = n
		if !syntax.IsFunction(n) {
			fn = n.Parent()
		}
		if fn.Kind() == "method_declaration" && !fn.Field("body").Same(n) {
			return
		}
	}
	if syntax.IsAsync(fn) {
		return
	}
	ret := returnType(fn)
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

// returnType is the declared return type of a method, local function or
// getter; for a lambda or anonymous method, the last type argument of the
// Func<..., TResult> its declaration names (`Func<Task> f = () => null;`).
func returnType(fn syntax.Node) syntax.Node {
	switch fn.Kind() {
	case "method_declaration", "local_function_statement", "arrow_expression_clause", "accessor_declaration":
		return syntax.ReturnType(fn)
	case "lambda_expression", "anonymous_method_expression":
		up := fn.Parent()
		for up.Kind() == "parenthesized_expression" {
			up = up.Parent()
		}
		if up.Kind() != "variable_declarator" {
			return syntax.Node{}
		}
		t := up.Parent().Field("type")
		if t.Kind() == "qualified_name" {
			t = t.Field("name")
		}
		if t.Kind() != "generic_name" || t.NamedChild(0).Text() != "Func" {
			return syntax.Node{}
		}
		args := t.ChildOfKind("type_argument_list").NamedChildren()
		if len(args) == 0 {
			return syntax.Node{}
		}
		return args[len(args)-1]
	}
	return syntax.Node{}
}

// nullsIn returns the null-valued leaves of a returned expression: `null`,
// `null!`, `default`, `default(Task)`, a call through `?.`, and either
// branch of `c ? x : y`.
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
	case "invocation_expression", "member_access_expression":
		if nullPropagating(e) {
			return []syntax.Node{e}
		}
	}
	return nil
}

// nullPropagating reports whether a call chain goes through `?.`
// (`_inner?.SaveAsync()`, `x?.Client.SendAsync()`): it is null whenever the
// receiver is.
func nullPropagating(e syntax.Node) bool {
	for {
		switch e.Kind() {
		case "invocation_expression":
			e = e.Field("function")
		case "member_access_expression", "element_access_expression":
			e = e.Field("expression")
		case "conditional_access_expression":
			return true
		default:
			return false
		}
	}
}

func report(p *rules.Pass, fn, ret, null syntax.Node) {
	replacement, title := completedTask(p, ret, null)
	msg := rules.Quote(null.Text()) + " is returned as a " + rules.Quote(ret.Text()) +
		": a caller that awaits it gets a NullReferenceException; return " + rules.Quote(replacement) + " instead."
	if null.Is("invocation_expression", "member_access_expression") {
		msg = rules.Quote(null.Text()) + " is null when the receiver before `?.` is, and a caller that awaits the " +
			rules.Quote(ret.Text()) + " gets a NullReferenceException; fall back to " + rules.Quote(replacement) + "."
		replacement = null.Text() + " ?? " + replacement
		title = "Fall back to a completed task with ??"
	}
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
