// Package asynclambdavoiddelegate is ASY003: an async lambda or anonymous
// method handed to something that only accepts a void-returning delegate
// (List<T>.ForEach, Parallel.ForEach, new Thread, a Timer callback, an
// Action variable), which silently makes it an async void method.
package asynclambdavoiddelegate

import (
	"strconv"

	"github.com/asyncsense/asyncsense/rules"
	"github.com/asyncsense/asyncsense/syntax"
)

var Analyzer = &rules.Analyzer{
	ID:       "ASY003",
	Name:     "async-lambda-void-delegate",
	Severity: rules.Warning,
	Summary:  "Async lambda passed where only a void-returning delegate is accepted (List.ForEach, Parallel.ForEach, Thread, Timer, Action)",
	Fix:      "unsafe",
	Kinds:    []string{"lambda_expression", "anonymous_method_expression"},
	Run:      run,
}

func run(p *rules.Pass, fn syntax.Node) {
	if !syntax.IsAsync(fn) {
		return
	}
	target, call := voidTarget(p, fn)
	if target == "" {
		return
	}
	head := fn.Start()
	end := syntax.NameNode(fn).End()
	kind := "async lambda"
	if fn.Kind() == "anonymous_method_expression" {
		kind = "async anonymous method"
	}
	msg := "This " + kind + " is converted to " + target + ", which returns void: it runs as `async void`, " +
		"nobody waits for it and an exception in it crashes the process."
	p.Report(rules.Diagnostic{Start: head, End: end, Message: msg, Fixes: fixes(p, fn, call)})
}

// voidTarget names the void-returning delegate the async function fn is
// converted to, and returns the call it is an argument of (if any). An empty
// name means the target is not known to return void.
func voidTarget(p *rules.Pass, fn syntax.Node) (string, syntax.Node) {
	expr := fn
	parent := fn.Parent()
	for parent.Kind() == "parenthesized_expression" {
		expr, parent = parent, parent.Parent()
	}
	switch parent.Kind() {
	case "argument":
		return argumentTarget(p, parent)
	case "variable_declarator":
		return declaredTarget(p, parent.Parent().Field("type")), syntax.Node{}
	case "property_declaration":
		return declaredTarget(p, parent.Field("type")), syntax.Node{}
	case "cast_expression":
		return declaredTarget(p, parent.Field("type")), syntax.Node{}
	case "assignment_expression":
		if !parent.Field("right").Same(expr) {
			return "", syntax.Node{}
		}
		switch parent.Field("operator").Text() {
		case "=", "??=":
			return assignedTarget(p, parent.Field("left"), parent), syntax.Node{}
		}
		// `+=` / `-=` are event subscriptions: ASY018's business.
	case "return_statement", "arrow_expression_clause":
		outer := syntax.EnclosingFunction(fn)
		if outer.Is("method_declaration", "local_function_statement", "arrow_expression_clause", "accessor_declaration") {
			return declaredTarget(p, syntax.ReturnType(outer)), syntax.Node{}
		}
	}
	return "", syntax.Node{}
}

func declaredTarget(p *rules.Pass, t syntax.Node) string {
	if t.IsNull() || t.Kind() == "implicit_type" {
		return ""
	}
	if name := syntax.TypeName(t); isVoidDelegate(p, name) {
		return rules.Quote(name)
	}
	return ""
}

// assignedTarget resolves the type of an assignment target: a local, field
// or property, or a member set in an object initializer (`new Options {
// OnError = async e => ... }`), whose type the index knows.
func assignedTarget(p *rules.Pass, left, assign syntax.Node) string {
	var t string
	if init := assign.Parent(); init.Kind() == "initializer_expression" && init.Parent().Kind() == "object_creation_expression" {
		if left.Kind() != "identifier" {
			return ""
		}
		created := syntax.GenericBase(syntax.TypeName(init.Parent().Field("type")))
		for _, m := range p.Index.Members(left.Text()) {
			if m.Type == created {
				t = m.MemberType
			}
		}
	} else {
		t = p.TypeOf(left)
	}
	if t != "" && isVoidDelegate(p, t) {
		return rules.Quote(t)
	}
	return ""
}

// argumentTarget handles an async function passed as an argument: to a
// constructor or method of the API table, or to a workspace method whose
// every matching overload takes an Action there.
func argumentTarget(p *rules.Pass, arg syntax.Node) (string, syntax.Node) {
	list := arg.Parent()
	owner := list.Parent()
	args := syntax.CodeChildren(list)
	index := -1
	for i, a := range args {
		if a.Same(arg) {
			index = i
		}
	}
	named := !arg.Field("name").IsNull()
	switch owner.Kind() {
	case "object_creation_expression":
		typ := syntax.GenericBase(syntax.TypeName(owner.Field("type")))
		if len(p.Index.Types(typ)) > 0 {
			// A workspace type (an MVVM RelayCommand of the project's own):
			// its constructors decide, not the table.
			return workspaceTarget(p, owner, typ, ".ctor", index, len(args), named)
		}
		if isVoidDelegate(p, typ) && index == 0 {
			return rules.Quote(typ), owner
		}
		if v, ok := rules.API.Lookup("void-delegate", typ, ".ctor"); ok && at(v, index, len(args), named) {
			return "the " + rules.Quote("new "+typ+"(...)") + " callback", owner
		}
	case "invocation_expression":
		return invocationTarget(p, owner, index, len(args), named)
	}
	return "", syntax.Node{}
}

func invocationTarget(p *rules.Pass, call syntax.Node, index, count int, named bool) (string, syntax.Node) {
	name := syntax.CalleeName(call)
	recv := syntax.Receiver(call)
	if name == "" {
		return "", syntax.Node{}
	}
	var typ string
	switch {
	case recv.IsNull():
		if call.Field("function").Kind() != "identifier" {
			return "", syntax.Node{}
		}
		return workspaceTarget(p, call, syntax.EnclosingType(call).Field("name").Text(), name, index, count, named)
	case rules.IsTypeName(recv):
		typ = syntax.SimpleName(recv)
	default:
		typ = syntax.GenericBase(p.TypeOf(recv))
	}
	if typ != "" && declaresMethod(p, typ, name) {
		return workspaceTarget(p, call, typ, name, index, count, named)
	}
	v, ok := rules.API.Lookup("void-delegate", typ, name)
	what := rules.Quote(typ + "." + name)
	if !ok && !rules.IsTypeName(recv) {
		// A receiver the table does not describe: only facts written for
		// any receiver apply, and only when no workspace method of that
		// name could be the callee (an extension method of the project).
		if len(p.Index.Methods(name)) > 0 {
			return "", syntax.Node{}
		}
		v, ok = rules.API.Lookup("void-delegate", "*", name)
		what = rules.Quote(name)
	}
	if ok && at(v, index, count, named) {
		return what + "'s callback", call
	}
	return "", syntax.Node{}
}

// workspaceTarget decides from the index: every declaration of name on typ
// (or a local function) that can take count arguments must have an
// Action-like parameter at the argument's position.
func workspaceTarget(p *rules.Pass, call syntax.Node, typ, name string, index, count int, named bool) (string, syntax.Node) {
	if named || index < 0 {
		return "", syntax.Node{}
	}
	param := ""
	for _, m := range p.Index.Methods(name) {
		if m.Type != typ && !m.Local {
			continue
		}
		if !fits(m, count) {
			continue
		}
		if index >= len(m.Params) || !isVoidDelegate(p, m.Params[index].Type) {
			return "", syntax.Node{}
		}
		param = m.Params[index].Type
	}
	if param == "" {
		return "", syntax.Node{}
	}
	callee := rules.Quote(name)
	if name == ".ctor" {
		callee = rules.Quote("new " + typ + "(...)")
	}
	return "the " + rules.Quote(param) + " parameter of " + callee, syntax.Node{}
}

// fits reports whether a declaration can be called with count positional
// arguments: no more than it has parameters, no fewer than it requires.
func fits(m rules.MethodFact, count int) bool {
	required := 0
	for _, p := range m.Params {
		if p.Default == "" {
			required++
		}
	}
	return count <= len(m.Params) && count >= required
}

func declaresMethod(p *rules.Pass, typ, name string) bool {
	for _, m := range p.Index.Methods(name) {
		if m.Type == typ {
			return true
		}
	}
	return false
}

// at matches an argument position against a table value: an index, "last"
// or "any". A named argument only matches "any": its position says nothing.
func at(v string, index, count int, named bool) bool {
	switch v {
	case "any":
		return true
	case "last":
		return !named && index == count-1
	}
	n, err := strconv.Atoi(v)
	return err == nil && !named && index == n
}

// isVoidDelegate reports whether a delegate type returns void: a type the
// API table knows (Action, ThreadStart...), or a `delegate void D(...)`
// declared in this file (the index does not record delegate declarations).
func isVoidDelegate(p *rules.Pass, typeName string) bool {
	if rules.IsVoidDelegateType(typeName) {
		return true
	}
	name := syntax.GenericBase(typeName)
	if name == "" || name == "Func" {
		return false
	}
	decl := p.File.Root().Find(func(n syntax.Node) bool {
		return n.Kind() == "delegate_declaration" && n.Field("name").Text() == name
	}, func(n syntax.Node) bool { return syntax.IsFunction(n) })
	return !decl.IsNull() && decl.Field("type").Text() == "void"
}
