// Package missingconfigureawait is ASY011 (opt-in, for library code): an
// await on a task that does not say ConfigureAwait(...).
package missingconfigureawait

import (
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
	Kinds:    []string{"await_expression"},
	Run:      run,
}

func run(p *rules.Pass, await syntax.Node) {
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
	edit := rules.Insert(operand.End(), ".ConfigureAwait(false)")
	if !isPrimary(operand) {
		edit = rules.Replace(operand, "("+operand.Text()+").ConfigureAwait(false)")
	}
	fix := rules.Fix{Title: "Append .ConfigureAwait(false)", Safety: rules.Unsafe, Edits: []rules.Edit{edit}}
	p.Report(rules.Diagnostic{Start: await.Start(), End: await.End(), Message: msg, Fixes: []rules.Fix{fix}})
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

func isPrimary(n syntax.Node) bool {
	switch n.Kind() {
	case "identifier", "invocation_expression", "member_access_expression", "element_access_expression",
		"parenthesized_expression", "this_expression", "generic_name":
		return true
	}
	return false
}
