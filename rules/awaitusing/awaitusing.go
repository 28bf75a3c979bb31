// Package awaitusing is ASY020: a synchronous `using` in an async function
// over a resource that implements IAsyncDisposable.
package awaitusing

import (
	"strings"

	"github.com/asyncsense/asyncsense/rules"
	"github.com/asyncsense/asyncsense/syntax"
)

var Analyzer = &rules.Analyzer{
	ID:       "ASY020",
	Name:     "await-using",
	Severity: rules.Suggestion,
	Summary:  "`using` of an IAsyncDisposable resource in an async method: use `await using`",
	Fix:      "safe",
	Kinds:    []string{"using_statement", "local_declaration_statement"},
	Run:      run,
}

func run(p *rules.Pass, stmt syntax.Node) {
	kw := stmt.ChildOfKind("using")
	if kw.IsNull() || rules.IsAwaitStatement(stmt) || !rules.CanAwaitAt(stmt) {
		return
	}
	resource, typeName, ok := resourceType(p, stmt)
	if !ok {
		return
	}
	end := resource.End()
	if closing := stmt.ChildOfKind(")"); stmt.Kind() == "using_statement" && !closing.IsNull() {
		end = closing.End()
	}
	what := rules.Quote(strings.TrimSpace(string(p.File.Src[kw.Start():end])))
	msg := what + " disposes a " + typeName + " synchronously inside an async function, blocking while it flushes or closes; " +
		typeName + " implements IAsyncDisposable, so use `await using`."
	if typeName == "MemoryStream" {
		// Nothing blocks here; the finding is about one disposal style.
		msg = what + " disposes a MemoryStream with `Dispose()` inside an async function; it implements IAsyncDisposable like every Stream, " +
			"so `await using` keeps the method's disposals uniform (a MemoryStream has nothing to flush, so this one costs nothing either way)."
	}
	fix := rules.Fix{Title: "Use await using", Safety: rules.Safe, Edits: []rules.Edit{rules.Insert(kw.Start(), "await ")}}
	p.Report(rules.Diagnostic{Start: kw.Start(), End: end, Message: msg, Fixes: []rules.Fix{fix}})
}

// resourceType returns the using's resource and the simple name of its
// type when every resource it disposes is known to be IAsyncDisposable:
// `await using` on a mix would not compile.
func resourceType(p *rules.Pass, stmt syntax.Node) (syntax.Node, string, bool) {
	decl := stmt.ChildOfKind("variable_declaration")
	if decl.IsNull() {
		if stmt.Kind() != "using_statement" {
			return syntax.Node{}, "", false
		}
		expr := stmt.NamedChild(0)
		if expr.IsNull() || expr.Kind() == "block" {
			return syntax.Node{}, "", false
		}
		t := p.TypeOf(expr)
		return expr, syntax.GenericBase(t), t != "" && p.IsAsyncDisposable(t, stmt)
	}
	if t := decl.Field("type"); t.Kind() != "implicit_type" {
		text := t.Text()
		return decl, syntax.GenericBase(syntax.TypeName(t)), p.IsAsyncDisposable(text, stmt)
	}
	name := ""
	for _, d := range decl.NamedChildren() {
		if d.Kind() != "variable_declarator" {
			continue
		}
		init := initializer(d)
		t := p.TypeOf(init)
		if init.IsNull() || t == "" || !p.IsAsyncDisposable(t, stmt) ||
			syntax.StripParens(init).Kind() == "object_creation_expression" && p.DisposesLikeItsBase(syntax.GenericBase(t)) {
			return syntax.Node{}, "", false
		}
		if name == "" {
			name = syntax.GenericBase(t)
		}
	}
	return decl, name, name != ""
}

func initializer(declarator syntax.Node) syntax.Node {
	sawEq := false
	for i := 0; i < declarator.ChildCount(); i++ {
		c := declarator.Child(i)
		if sawEq && c.IsNamed() {
			return c
		}
		sawEq = sawEq || c.Kind() == "="
	}
	return syntax.Node{}
}
