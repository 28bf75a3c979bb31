// Package missingconfigureawait is ASY011 (opt-in, for library code): an
// await on a task that does not say ConfigureAwait(...).
package missingconfigureawait

import (
	"strings"

	"github.com/asyncsense/asyncsense/rules"
	"github.com/asyncsense/asyncsense/syntax"
)

// Analyzer is off by default. Turning it on (for a library project, or a
// library folder through .editorconfig) is the "library mode" of RULES.md:
// the project declares that its awaits need no captured context.
var Analyzer = &rules.Analyzer{
	ID:       "ASY011",
	Name:     "missing-configureawait",
	Severity: rules.None,
	Summary:  "An await in library code without .ConfigureAwait(false) resumes on the captured context",
	Fix:      "unsafe",
	Kinds:    []string{"await_expression", "foreach_statement", "using_statement", "local_declaration_statement"},
	Run:      run,
}

func run(p *rules.Pass, n syntax.Node) {
	switch n.Kind() {
	case "await_expression":
		runAwait(p, n)
	case "foreach_statement":
		runAwaitForeach(p, n)
	default:
		runAwaitUsing(p, n)
	}
}

func runAwait(p *rules.Pass, await syntax.Node) {
	operand := syntax.StripParens(await.NamedChild(0))
	if operand.IsNull() || operand.Kind() == "invocation_expression" && syntax.CalleeName(operand) == "ConfigureAwait" {
		return
	}
	// Only tasks: Task.Yield() and awaitables the workspace declares have no
	// ConfigureAwait, or one with another meaning.
	if p.IsTask(operand) != rules.Yes || needsContext(p, await) {
		return
	}
	msg := rules.Quote(await.Text()) + " resumes on the captured SynchronizationContext; library code should not depend on it: append .ConfigureAwait(false)."
	p.Report(rules.Diagnostic{Start: await.Start(), End: await.End(), Message: msg, Fixes: configureFix(operand, "Append .ConfigureAwait(false)")})
}

// needsContext reports whether the code after this await probably needs
// the context it was called on, or is application code that library mode
// is not about: UI event handlers (the function or any function around
// it), members of UI, Blazor and view-model types, controllers, and test
// methods (xUnit forbids ConfigureAwait(false) there: xUnit1030).
func needsContext(p *rules.Pass, n syntax.Node) bool {
	for fn := syntax.EnclosingFunction(n); !fn.IsNull(); fn = syntax.EnclosingFunction(fn) {
		if rules.IsEventHandler(p, fn) || fn.Kind() == "method_declaration" && rules.IsTestMethod(fn) {
			return true
		}
	}
	t := syntax.EnclosingType(n)
	if t.IsNull() {
		return false
	}
	if t.Kind() == "class_declaration" && p.IsController(t) {
		return true // application code: classic ASP.NET needs the context, Core gains nothing
	}
	for _, b := range rules.BaseTypes(p, t) {
		if _, ok := rules.API.Lookup("ui-type", b, "-"); ok {
			return true
		}
	}
	return false
}

// runAwaitForeach covers `await foreach`: every MoveNextAsync is an await
// that resumes on the captured context unless the stream is configured.
// Only a known IAsyncEnumerable gets a finding: a type that merely has a
// GetAsyncEnumerator method has no ConfigureAwait to call.
func runAwaitForeach(p *rules.Pass, loop syntax.Node) {
	if loop.ChildOfKind("await").IsNull() {
		return
	}
	source := syntax.StripParens(loop.Field("right"))
	if source.IsNull() || chainCalls(source, "ConfigureAwait") || !isAsyncStream(p, source) || needsContext(p, loop) {
		return
	}
	msg := "`await foreach` over " + rules.Quote(source.Text()) + " resumes every iteration on the captured SynchronizationContext; library code should not depend on it: append .ConfigureAwait(false) to the stream."
	p.Report(rules.Diagnostic{Start: loop.Start(), End: source.End(), Message: msg, Fixes: configureFix(source, "Append .ConfigureAwait(false) to the stream")})
}

func isAsyncStream(p *rules.Pass, source syntax.Node) bool {
	if chainCalls(source, "WithCancellation") {
		return true // defined for IAsyncEnumerable<T> only
	}
	switch syntax.GenericBase(p.TypeOf(source)) {
	case "IAsyncEnumerable", "ConfiguredCancelableAsyncEnumerable":
		return true
	}
	return false
}

// runAwaitUsing covers `await using`: the DisposeAsync at the end of the
// scope is an await too. A fix is offered only for `await using (expr)`:
// in the declaration forms the variable would change type
// (ConfiguredAsyncDisposable), which needs a human.
func runAwaitUsing(p *rules.Pass, stmt syntax.Node) {
	if stmt.ChildOfKind("await").IsNull() || stmt.ChildOfKind("using").IsNull() || needsContext(p, stmt) {
		return
	}
	decl := stmt.ChildOfKind("variable_declaration")
	if !decl.IsNull() {
		var names []string
		for _, d := range decl.NamedChildren() {
			if d.Kind() != "variable_declarator" {
				continue
			}
			if v := d.NamedChild(d.NamedChildCount() - 1); !v.Same(d.Field("name")) && chainCalls(v, "ConfigureAwait") {
				return
			}
			names = append(names, d.Field("name").Text())
		}
		msg := "`await using` disposes " + rules.Quote(strings.Join(names, ", ")) + " with an await that resumes on the captured SynchronizationContext; library code should not depend on it: declare the resource first and write `await using (resource.ConfigureAwait(false))`."
		p.Report(rules.Diagnostic{Start: stmt.Start(), End: decl.End(), Message: msg})
		return
	}
	var resource syntax.Node
	for _, c := range stmt.NamedChildren() {
		if !c.Same(stmt.Field("body")) {
			resource = syntax.StripParens(c)
			break
		}
	}
	if resource.IsNull() || chainCalls(resource, "ConfigureAwait") {
		return
	}
	msg := "`await using` disposes " + rules.Quote(resource.Text()) + " with an await that resumes on the captured SynchronizationContext; library code should not depend on it: append .ConfigureAwait(false)."
	p.Report(rules.Diagnostic{Start: stmt.Start(), End: resource.End(), Message: msg, Fixes: configureFix(resource, "Append .ConfigureAwait(false)")})
}

// configureFix appends .ConfigureAwait(false) to expr, parenthesised when
// it is not a primary expression. Unsafe: what follows may now run on a
// thread-pool thread.
func configureFix(expr syntax.Node, title string) []rules.Fix {
	edit := rules.Insert(expr.End(), ".ConfigureAwait(false)")
	if !isPrimary(expr) {
		edit = rules.Replace(expr, "("+expr.Text()+").ConfigureAwait(false)")
	}
	return []rules.Fix{{Title: title, Safety: rules.Unsafe, Edits: []rules.Edit{edit}}}
}

// chainCalls reports whether the call chain ending in expr calls method
// (`xs.WithCancellation(ct).ConfigureAwait(false)`).
func chainCalls(expr syntax.Node, method string) bool {
	for n := syntax.StripParens(expr); n.Kind() == "invocation_expression"; {
		if syntax.CalleeName(n) == method {
			return true
		}
		fn := n.Field("function")
		if fn.Kind() != "member_access_expression" {
			return false
		}
		n = syntax.StripParens(fn.Field("expression"))
	}
	return false
}

func isPrimary(n syntax.Node) bool {
	switch n.Kind() {
	case "identifier", "invocation_expression", "member_access_expression", "element_access_expression",
		"parenthesized_expression", "this_expression", "generic_name":
		return true
	}
	return false
}
