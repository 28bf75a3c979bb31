// Package discardedtask is ASY023 (opt-in): `_ = XAsync();` starts work and
// explicitly drops the task, so nobody observes its failure or its end.
package discardedtask

import (
	"github.com/asyncsense/asyncsense/rules"
	"github.com/asyncsense/asyncsense/syntax"
)

var Analyzer = &rules.Analyzer{
	ID:       "ASY023",
	Name:     "discarded-task",
	Severity: rules.None,
	Summary:  "Fire-and-forget task discarded with `_ =`: failures go unobserved and the work outlives its scope",
	Fix:      "none",
	Kinds:    []string{"assignment_expression"},
	Run:      run,
}

func run(p *rules.Pass, assign syntax.Node) {
	left := assign.Field("left")
	if assign.Field("operator").Text() != "=" || left.Kind() != "identifier" || left.Text() != "_" ||
		syntax.Resolve(left).Kind != syntax.DeclNone || assign.Parent().Kind() != "expression_statement" {
		return
	}
	task := syntax.StripParens(assign.Field("right"))
	if task.Kind() == "invocation_expression" && syntax.CalleeName(task) == "ConfigureAwait" {
		task = syntax.Receiver(task)
	}
	if !startsTask(p, task) || handled(task) {
		return
	}
	msg := rules.Quote(assign.Text()) + " fires and forgets: if the task fails nobody observes the exception, " +
		"and the work may still be running when its request or scope has ended."
	p.Report(rules.Diagnostic{Start: assign.Start(), End: assign.End(), Message: msg})
}

// handled reports whether the discarded task already takes care of its own
// failure: a ContinueWith continuation (it exists to observe the
// antecedent), or Task.Run / StartNew over a lambda whose whole body is a
// try with a catch.
func handled(task syntax.Node) bool {
	switch syntax.CalleeName(task) {
	case "ContinueWith":
		return true
	case "Run", "StartNew":
		args := syntax.CodeChildren(task.Field("arguments"))
		if len(args) == 0 {
			return false
		}
		fn := syntax.StripParens(args[0].NamedChild(args[0].NamedChildCount() - 1))
		if !fn.Is("lambda_expression", "anonymous_method_expression") {
			return false
		}
		body := syntax.CodeChildren(syntax.Body(fn))
		return len(body) == 1 && body[0].Kind() == "try_statement" && !body[0].ChildOfKind("catch_clause").IsNull()
	}
	return false
}

// startsTask: a call needs evidence about its callee (CallStartsTask); a
// variable or member is judged by its declared type.
func startsTask(p *rules.Pass, e syntax.Node) bool {
	if e.Kind() == "invocation_expression" {
		return p.CallStartsTask(e)
	}
	return p.IsTask(e) == rules.Yes
}
