package rules

import (
	"strconv"

	"github.com/asyncsense/asyncsense/syntax"
)

// VoidDelegateTarget names the void-returning delegate the lambda or
// anonymous method fn is converted to, and returns the call it is an argument of (if any). An empty
// name means the target is not known to return void.
func (p *Pass) VoidDelegateTarget(fn syntax.Node) (string, syntax.Node) {
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

func declaredTarget(p *Pass, t syntax.Node) string {
	if t.IsNull() || t.Kind() == "implicit_type" {
		return ""
	}
	if name := syntax.TypeName(t); isVoidDelegate(p, name) {
		return Quote(name)
	}
	return ""
}

// assignedTarget resolves the type of an assignment target: a local, field
// or property, or a member set in an object initializer (`new Options {
// OnError = async e => ... }`), whose type the index knows.
func assignedTarget(p *Pass, left, assign syntax.Node) string {
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
		return Quote(t)
	}
	return ""
}

// argumentTarget handles an async function passed as an argument: to a
// constructor or method of the API table, or to a workspace method whose
// every matching overload takes an Action there.
func argumentTarget(p *Pass, arg syntax.Node) (string, syntax.Node) {
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
			return Quote(typ), owner
		}
		if v, ok := API.Lookup("void-delegate", typ, ".ctor"); ok && atPosition(v, index, len(args), named) {
			return "the " + Quote("new "+typ+"(...)") + " callback", owner
		}
	case "invocation_expression":
		return invocationTarget(p, owner, index, len(args), named)
	}
	return "", syntax.Node{}
}

func invocationTarget(p *Pass, call syntax.Node, index, count int, named bool) (string, syntax.Node) {
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
	case IsTypeName(recv):
		typ = syntax.SimpleName(recv)
	default:
		typ = syntax.GenericBase(p.TypeOf(recv))
	}
	if typ != "" && declaresMethodFact(p, typ, name) {
		return workspaceTarget(p, call, typ, name, index, count, named)
	}
	v, ok := API.Lookup("void-delegate", typ, name)
	what := Quote(typ + "." + name)
	if !ok && !IsTypeName(recv) {
		// A receiver the table does not describe: only facts written for
		// any receiver apply, and only when no workspace method of that
		// name could be the callee (an extension method of the project).
		if len(p.Index.Methods(name)) > 0 {
			return "", syntax.Node{}
		}
		v, ok = API.Lookup("void-delegate", "*", name)
		what = Quote(name)
	}
	if ok && atPosition(v, index, count, named) {
		return what + "'s callback", call
	}
	return "", syntax.Node{}
}

// workspaceTarget decides from the index: every declaration of name on typ
// (or a local function) that can take count arguments must have an
// Action-like parameter at the argument's position.
func workspaceTarget(p *Pass, call syntax.Node, typ, name string, index, count int, named bool) (string, syntax.Node) {
	if named || index < 0 {
		return "", syntax.Node{}
	}
	param := ""
	for _, m := range p.Index.Methods(name) {
		if m.Type != typ && !m.Local {
			continue
		}
		if !fitsArgs(m, count) {
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
	callee := Quote(name)
	if name == ".ctor" {
		callee = Quote("new " + typ + "(...)")
	}
	return "the " + Quote(param) + " parameter of " + callee, syntax.Node{}
}

// fitsArgs reports whether a declaration can be called with count positional
// arguments: no more than it has parameters, no fewer than it requires.
func fitsArgs(m MethodFact, count int) bool {
	required := 0
	for _, p := range m.Params {
		if p.Default == "" {
			required++
		}
	}
	return count <= len(m.Params) && count >= required
}

func declaresMethodFact(p *Pass, typ, name string) bool {
	for _, m := range p.Index.Methods(name) {
		if m.Type == typ {
			return true
		}
	}
	return false
}

// atPosition matches an argument position against a table value: an index, "last"
// or "any". A named argument only matches "any": its position says nothing.
func atPosition(v string, index, count int, named bool) bool {
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
func isVoidDelegate(p *Pass, typeName string) bool {
	if IsVoidDelegateType(typeName) {
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
