// Package asyncargumentvalidation is ASY035 (opt-in): an async method that
// validates its arguments by throwing ArgumentException (or a subclass),
// which then reaches the caller only through the returned task.
package asyncargumentvalidation

import (
	"github.com/asyncsense/asyncsense/rules"
	"github.com/asyncsense/asyncsense/syntax"
)

var Analyzer = &rules.Analyzer{
	ID:       "ASY035",
	Name:     "async-argument-validation",
	Severity: rules.None,
	Summary:  "Argument validation inside an async method throws only when the task is awaited",
	Fix:      "unsafe",
	Kinds:    []string{"method_declaration", "local_function_statement"},
	Run:      run,
}

func run(p *rules.Pass, fn syntax.Node) {
	if !syntax.IsAsync(fn) || !rules.IsTaskType(syntax.TypeName(syntax.ReturnType(fn))) {
		return
	}
	firstAwait := -1
	var sites []syntax.Node
	// Awaits (expression and statements) and what throwsArgumentException
	// recognises: nothing else can change the answer.
	kinds := []string{"await_expression", "foreach_statement", "using_statement", "local_declaration_statement",
		"throw_statement", "throw_expression", "invocation_expression"}
	rules.OwnNodesOfKinds(fn, kinds, func(n syntax.Node) bool {
		if firstAwait < 0 && (n.Kind() == "await_expression" || rules.IsAwaitStatement(n)) {
			firstAwait = n.Start()
		}
		if (firstAwait < 0 || n.Start() < firstAwait) && throwsArgumentException(p, n) {
			sites = append(sites, n)
		}
		return true
	})
	if len(sites) == 0 {
		return
	}
	name := fn.Field("name").Text()
	var fixes []rules.Fix
	if fix, ok := splitFix(p, fn, sites); ok {
		fixes = []rules.Fix{fix}
	}
	for _, site := range sites {
		msg := rules.Quote(site.Text()) + " is inside the async method " + rules.Quote(name) +
			": the exception is stored in the returned task and reaches the caller only when it awaits, not at the call with the bad argument."
		p.Report(rules.Diagnostic{Start: site.Start(), End: site.End(), Message: msg, Fixes: fixes})
	}
}

// throwsArgumentException: `throw new ArgumentNullException(...)` (as a
// statement or a throw expression) of ArgumentException or a subclass,
// or a helper such as ArgumentNullException.ThrowIfNull(x).
func throwsArgumentException(p *rules.Pass, n syntax.Node) bool {
	switch n.Kind() {
	case "throw_statement", "throw_expression":
		created := syntax.StripParens(n.NamedChild(0))
		if created.Kind() != "object_creation_expression" {
			return false
		}
		return isArgumentException(p, syntax.GenericBase(syntax.TypeName(created.Field("type"))))
	case "invocation_expression":
		recv := syntax.Receiver(n)
		if recv.IsNull() || !rules.IsTypeName(recv) {
			return false
		}
		_, ok := rules.API.Lookup("throw-helper", syntax.SimpleName(recv), syntax.CalleeName(n))
		return ok
	}
	return false
}

func isArgumentException(p *rules.Pass, typeName string) bool {
	if _, ok := rules.API.Lookup("argument-exception", typeName, "-"); ok {
		return true
	}
	return p.IsA(typeName, "ArgumentException")
}
