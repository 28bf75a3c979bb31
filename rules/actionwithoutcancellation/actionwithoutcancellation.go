// Package actionwithoutcancellation is ASY024 (opt-in): an async ASP.NET
// Core controller action that takes no CancellationToken while it awaits
// calls that would accept one.
package actionwithoutcancellation

import (
	"strings"

	"github.com/asyncsense/asyncsense/rules"
	"github.com/asyncsense/asyncsense/syntax"
)

var Analyzer = &rules.Analyzer{
	ID:       "ASY024",
	Name:     "action-without-cancellation",
	Severity: rules.None,
	Summary:  "Async controller action without a CancellationToken parameter awaits calls that accept one",
	Fix:      "none",
	Kinds:    []string{"method_declaration"},
	Run:      run,
}

func run(p *rules.Pass, fn syntax.Node) {
	if !isAction(p, fn) || len(rules.TokenParams(fn)) > 0 || strings.Contains(syntax.Body(fn).Text(), "RequestAborted") {
		return
	}
	var first syntax.Node
	// rules.AwaitedCall answers only for these kinds.
	rules.OwnNodesOfKinds(fn, []string{"await_expression", "foreach_statement"}, func(n syntax.Node) bool {
		if call := rules.AwaitedCall(n); !call.IsNull() {
			if _, ok := p.OmittedToken(call); ok {
				first = call
				return false
			}
		}
		return true
	})
	if first.IsNull() {
		return
	}
	name := fn.Field("name")
	msg := "The action " + rules.Quote(name.Text()) + " awaits " + rules.Quote(first.Text()) +
		", which accepts a CancellationToken, but takes none: when the client disconnects, the work goes on. Add a CancellationToken parameter (ASP.NET Core binds it to the request) and pass it on."
	p.Report(rules.Diagnostic{Start: name.Start(), End: name.End(), Message: msg})
}

// isAction: an async, public, non-static, non-override method of a
// controller that is not marked [NonAction].
func isAction(p *rules.Pass, fn syntax.Node) bool {
	if !syntax.IsAsync(fn) || syntax.Modifier(fn, "public").IsNull() ||
		!syntax.Modifier(fn, "static").IsNull() || !syntax.Modifier(fn, "override").IsNull() {
		return false
	}
	for _, a := range rules.AttributeNames(fn) {
		if a == "NonAction" {
			return false
		}
	}
	t := syntax.EnclosingType(fn)
	return t.Kind() == "class_declaration" && p.IsController(t)
}
