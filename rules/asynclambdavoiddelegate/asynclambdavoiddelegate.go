// Package asynclambdavoiddelegate is ASY003: an async lambda or anonymous
// method handed to something that only accepts a void-returning delegate
// (List<T>.ForEach, Parallel.ForEach, new Thread, a Timer callback, an
// Action variable), which silently makes it an async void method.
package asynclambdavoiddelegate

import (
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
	target, call := p.VoidDelegateTarget(fn)
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
