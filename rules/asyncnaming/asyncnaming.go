// Package asyncnaming is ASY013 (opt-in): the Async suffix should say
// whether a method returns a task.
package asyncnaming

import (
	"bytes"
	"strings"

	"github.com/asyncsense/asyncsense/rules"
	"github.com/asyncsense/asyncsense/syntax"
)

var Analyzer = &rules.Analyzer{
	ID:       "ASY013",
	Name:     "async-naming",
	Severity: rules.None,
	Summary:  "Task-returning method without the Async suffix, or a non-task method with it",
	Fix:      "unsafe",
	Kinds:    []string{"method_declaration", "local_function_statement"},
	Run:      run,
}

func run(p *rules.Pass, fn syntax.Node) {
	nameNode := fn.Field("name")
	name := nameNode.Text()
	ret := syntax.ReturnType(fn)
	if name == "" || ret.IsNull() || nameImposed(p, fn, name) {
		return
	}
	retName := syntax.TypeName(ret)
	hasSuffix := strings.HasSuffix(name, "Async")
	var msg, newName string
	switch {
	case rules.IsTaskType(retName) && !hasSuffix:
		newName = name + "Async"
		msg = rules.Quote(name) + " returns " + rules.Quote(retName) + " but its name does not end in Async: callers cannot tell from the call that it must be awaited."
	case !hasSuffix && p.IsA(syntax.GenericBase(retName), "IAsyncEnumerable"):
		// .NET names async streams like tasks (File.ReadLinesAsync,
		// ReadAllAsync): the suffix tells the reader to `await foreach`.
		newName = name + "Async"
		msg = rules.Quote(name) + " returns the async stream " + rules.Quote(retName) + " but its name does not end in Async: callers cannot tell from the call that it must be consumed with `await foreach`."
	case hasSuffix && ret.Kind() == "predefined_type" && len(name) > len("Async") && !isEAP(p, fn, name):
		newName = strings.TrimSuffix(name, "Async")
		msg = rules.Quote(name) + " ends in Async but returns " + rules.Quote(retName) + ": the name promises a task that callers cannot await."
	default:
		return
	}
	var fixes []rules.Fix
	if edits, ok := renameEdits(p, fn, name, newName); ok {
		fixes = []rules.Fix{{Title: "Rename to " + newName, Safety: rules.Unsafe, Edits: edits}}
	}
	p.Report(rules.Diagnostic{Start: nameNode.Start(), End: nameNode.End(), Message: msg, Fixes: fixes})
}

// nameImposed: the name is fixed by something other than this declaration
// (a base type, an interface, a framework convention or a test runner), or
// the method is an entry point or event handler whose name nobody awaits.
func nameImposed(p *rules.Pass, fn syntax.Node, name string) bool {
	if !syntax.Modifier(fn, "override").IsNull() || !syntax.Modifier(fn, "partial").IsNull() ||
		!fn.ChildOfKind("explicit_interface_specifier").IsNull() {
		return true
	}
	if name == "Main" || rules.IsTestMethod(fn) || isEventHandler(p, fn, name) || isMiddlewareInvoke(fn, name) {
		return true
	}
	if fn.Kind() != "method_declaration" {
		return false
	}
	for _, a := range rules.AttributeNames(fn) {
		if _, bound := rules.API.Lookup("named-by-attribute", a, "-"); bound {
			return true // an endpoint, trigger or interop target: callers use the name
		}
	}
	typeDecl := syntax.EnclosingType(fn)
	public := !syntax.Modifier(fn, "public").IsNull() || typeDecl.Kind() == "interface_declaration"
	if public && typeDecl.Kind() == "class_declaration" && p.IsController(typeDecl) {
		return true // an action: the name is its route
	}
	for _, b := range rules.BaseTypes(p, typeDecl) {
		if _, byName := rules.API.Lookup("named-by-caller", b, "-"); byName && public {
			return true
		}
		if declaresMethod(p, b, name) {
			return true
		}
		// A public method of a type implementing an interface the workspace
		// does not declare may implement one of its members
		// (IRequestHandler.Handle): its name is not ours to judge.
		if public && isForeignInterface(p, b) {
			return true
		}
	}
	return false
}

// isForeignInterface: by .NET naming, an I-prefixed base that the workspace
// does not declare and that is not known to have only non-task members.
func isForeignInterface(p *rules.Pass, b string) bool {
	if len(b) < 2 || b[0] != 'I' || b[1] < 'A' || b[1] > 'Z' || len(p.Index.Types(b)) > 0 {
		return false
	}
	_, plain := rules.API.Lookup("plain-interface", b, "-")
	return !plain
}

func declaresMethod(p *rules.Pass, typeName, name string) bool {
	for _, m := range p.Index.Methods(name) {
		if m.Type == typeName {
			return true
		}
	}
	return false
}

// isEAP: the event-based asynchronous pattern names a void starter
// `XxxAsync` whose completion arrives through an `XxxCompleted` event.
func isEAP(p *rules.Pass, fn syntax.Node, name string) bool {
	typeName := syntax.EnclosingType(fn).Field("name").Text()
	for _, m := range p.Index.Members(strings.TrimSuffix(name, "Async") + "Completed") {
		if m.Kind == "event" && m.Type == typeName {
			return true
		}
	}
	return false
}

// isEventHandler: the (sender, XxxEventArgs) shape, or a `+=` subscription.
func isEventHandler(p *rules.Pass, fn syntax.Node, name string) bool {
	params := syntax.Parameters(fn)
	if len(params) == 2 && strings.HasSuffix(syntax.GenericBase(syntax.TypeName(params[1].Field("type"))), "EventArgs") {
		return true
	}
	return p.Index.IsSubscribed(name)
}

// isMiddlewareInvoke: ASP.NET Core finds convention-based middleware's
// Invoke/InvokeAsync(HttpContext) by name.
func isMiddlewareInvoke(fn syntax.Node, name string) bool {
	params := syntax.Parameters(fn)
	return (name == "Invoke" || name == "InvokeAsync") && len(params) > 0 &&
		syntax.GenericBase(syntax.TypeName(params[0].Field("type"))) == "HttpContext"
}

// renameEdits renames the method and every use of its name in the file,
// when that is unambiguous: the workspace declares exactly one method and
// no member of that name, and nothing is called newName yet. Other files
// that call it are not edited, hence the fix is unsafe.
func renameEdits(p *rules.Pass, fn syntax.Node, name, newName string) ([]rules.Edit, bool) {
	if len(p.Index.Methods(name)) != 1 || len(p.Index.Members(name)) > 0 ||
		len(p.Index.Methods(newName)) > 0 || len(p.Index.Members(newName)) > 0 {
		return nil, false
	}
	scope := p.File.Root()
	if fn.Kind() == "local_function_statement" {
		for m := fn.Parent(); !m.IsNull(); m = m.Parent() {
			if m.Is("method_declaration", "constructor_declaration", "property_declaration", "accessor_declaration") {
				scope = m
				break
			}
		}
	}
	if len(identifiersNamed(scope, newName)) > 0 {
		return nil, false
	}
	var edits []rules.Edit
	for _, n := range identifiersNamed(scope, name) {
		edits = append(edits, rules.Replace(n, newName))
	}
	return edits, len(edits) > 0
}

// identifiersNamed returns, in source order, the identifier nodes under
// scope (scope included) whose text is name. The scope is often the whole
// file, whose every node a walk from Go would visit at a cgo call each;
// instead the text is searched for name and each occurrence asked for the
// node spanning exactly it.
func identifiersNamed(scope syntax.Node, name string) []syntax.Node {
	if name == "" {
		return nil // an identifier's text is never empty
	}
	src := scope.File().Src
	start, end := scope.Start(), scope.End()
	var out []syntax.Node
	for i := start; i+len(name) <= end; i++ {
		j := bytes.Index(src[i:end], []byte(name))
		if j < 0 {
			break
		}
		i += j
		// Only the smallest named node over the range can be an
		// identifier spanning exactly it: identifiers have no children.
		n := scope.File().DescendantAt(i, i+len(name))
		if n.Kind() == "identifier" && n.Start() == i && n.End() == i+len(name) && scope.Contains(n) {
			out = append(out, n)
		}
	}
	return out
}
