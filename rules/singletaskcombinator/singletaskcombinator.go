// Package singletaskcombinator is ASY030: Task.WhenAll, Task.WaitAll or
// Task.WhenAny given a single task, where the task itself would do.
package singletaskcombinator

import (
	"github.com/asyncsense/asyncsense/rules"
	"github.com/asyncsense/asyncsense/syntax"
)

var Analyzer = &rules.Analyzer{
	ID:       "ASY030",
	Name:     "single-task-combinator",
	Severity: rules.Suggestion,
	Summary:  "Task.WhenAll/WaitAll/WhenAny with a single task: use the task itself",
	Fix:      "safe",
	Kinds:    []string{"invocation_expression"},
	Run:      run,
}

func run(p *rules.Pass, call syntax.Node) {
	name := syntax.CalleeName(call)
	if name != "WhenAll" && name != "WaitAll" && name != "WhenAny" {
		return
	}
	recv := syntax.Receiver(call)
	if syntax.SimpleName(recv) != "Task" || !rules.IsTypeName(recv) {
		return
	}
	task := singleTask(p, call)
	if task.IsNull() {
		return
	}
	switch name {
	case "WhenAll":
		msg := rules.Quote(call.Text()) + " wraps a single task in a new one; await " + rules.Quote(task.Text()) + " directly."
		p.Report(rules.Diagnostic{Start: call.Start(), End: call.End(), Message: msg, Fixes: whenAllFix(p, call, task)})
	case "WaitAll":
		msg := rules.Quote(call.Text()) + " waits on a single task; call " + rules.Quote(primary(task)+".Wait()") + " instead."
		fix := rules.Fix{Title: "Call Wait() on the task", Safety: rules.Safe, Edits: []rules.Edit{rules.Replace(call, primary(task)+".Wait()")}}
		p.Report(rules.Diagnostic{Start: call.Start(), End: call.End(), Message: msg, Fixes: []rules.Fix{fix}})
	case "WhenAny":
		// `await Task.WhenAny(t);` as a statement is the idiom for waiting
		// without rethrowing t's exception; only a used result is pointless.
		await := awaitOf(call)
		if await.IsNull() || await.Parent().Kind() == "expression_statement" {
			return
		}
		msg := rules.Quote(call.Text()) + " has a single task, so the winner is always " + rules.Quote(task.Text()) + "; await it directly."
		p.Report(rules.Diagnostic{Start: call.Start(), End: call.End(), Message: msg})
	}
}

// singleTask returns the only task a combinator call is given: its single
// argument, or the single element of `new[] { t }`, when that is known to
// be a Task (a collection of tasks is the normal use).
func singleTask(p *rules.Pass, call syntax.Node) syntax.Node {
	args := syntax.CodeChildren(call.Field("arguments"))
	if len(args) != 1 || !args[0].Field("name").IsNull() {
		return syntax.Node{}
	}
	arg := args[0].NamedChild(args[0].NamedChildCount() - 1)
	if arg.Is("implicit_array_creation_expression", "array_creation_expression") {
		init := arg.ChildOfKind("initializer_expression")
		elems := syntax.CodeChildren(init)
		if len(elems) != 1 {
			return syntax.Node{}
		}
		arg = elems[0]
	}
	if p.IsTask(arg) != rules.Yes || syntax.GenericBase(p.TypeOf(arg)) != "Task" ||
		arg.Kind() == "invocation_expression" && !p.CallStartsTask(arg) {
		return syntax.Node{}
	}
	return arg
}

// whenAllFix replaces Task.WhenAll(t) with t where the types agree: t is a
// plain Task (WhenAll of one returns Task too), or the value only feeds an
// await whose result is thrown away (WhenAll of a Task<T> yields T[]).
func whenAllFix(p *rules.Pass, call, task syntax.Node) []rules.Fix {
	await := awaitOf(call)
	discarded := !await.IsNull() && await.Parent().Kind() == "expression_statement"
	if p.TypeOf(task) != "Task" && !discarded {
		return nil
	}
	return []rules.Fix{{
		Title:  "Use the task itself",
		Safety: rules.Safe,
		Edits:  []rules.Edit{rules.Replace(call, primary(task))},
	}}
}

// awaitOf returns the await expression that consumes call's value, directly
// or through `.ConfigureAwait(...)`, or null.
func awaitOf(call syntax.Node) syntax.Node {
	up := call.Parent()
	for up.Kind() == "parenthesized_expression" {
		up = up.Parent()
	}
	if up.Kind() == "member_access_expression" && syntax.SimpleName(up) == "ConfigureAwait" && up.Parent().Kind() == "invocation_expression" {
		up = up.Parent().Parent()
	}
	if up.Kind() == "await_expression" {
		return up
	}
	return syntax.Node{}
}

// primary returns the task's text, parenthesised unless it is already a
// primary expression that can take a member access or stand anywhere.
func primary(task syntax.Node) string {
	switch task.Kind() {
	case "identifier", "invocation_expression", "member_access_expression", "element_access_expression",
		"parenthesized_expression", "this_expression", "generic_name":
		return task.Text()
	}
	return "(" + task.Text() + ")"
}
