// Package asyncassertnotawaited is ASY033: in tests, an async assertion
// whose task is dropped, or a synchronous assertion given an async lambda.
// Either way the assertion checks nothing.
package asyncassertnotawaited

import (
	"strings"

	"github.com/asyncsense/asyncsense/rules"
	"github.com/asyncsense/asyncsense/syntax"
)

var Analyzer = &rules.Analyzer{
	ID:       "ASY033",
	Name:     "async-assert-not-awaited",
	Severity: rules.Warning,
	Summary:  "Async test assertion not awaited, or a synchronous Assert.Throws around an async call",
	Fix:      "safe",
	Kinds:    []string{"invocation_expression"},
	Run:      run,
}

func run(p *rules.Pass, call syntax.Node) {
	framework, member, ok := rules.AssertionCall(p, call)
	if !ok {
		return
	}
	if _, isTask := rules.API.Lookup("assert-task", framework, member); isTask {
		reportDropped(p, call)
		return
	}
	if replacement, isSync := rules.API.Lookup("assert-sync", framework, member); isSync {
		checkSync(p, call, replacement)
	}
}

// reportDropped flags an async assertion whose task is the value of an
// expression statement, possibly through a chain of further calls
// (`.Should().ThrowAsync<T>().WithMessage("...")`).
func reportDropped(p *rules.Pass, call syntax.Node) {
	top := call
	for {
		parent := top.Parent()
		if parent.Kind() == "member_access_expression" && parent.Field("expression").Same(top) &&
			parent.Parent().Kind() == "invocation_expression" && parent.Parent().Field("function").Same(parent) {
			top = parent.Parent()
			continue
		}
		break
	}
	if rules.IsMockingCall(call) {
		return
	}
	switch parent := top.Parent(); parent.Kind() {
	case "expression_statement":
	case "variable_declarator":
		// `var thrown = Assert.ThrowsAsync<...>(...);` and thrown is never
		// awaited or otherwise observed: the same dropped assertion.
		if parent.Parent().Parent().Kind() != "local_declaration_statement" || observed(parent) {
			return
		}
	default:
		return
	}
	msg := rules.Quote(top.Text()) + " returns a task that nobody awaits: the assertion is never checked and the test passes whatever the code does."
	fixes := rules.AwaitFixes(p, top, "Await the assertion", rules.Insert(top.Start(), "await "))
	p.Report(rules.Diagnostic{Start: top.Start(), End: top.End(), Message: msg, Fixes: fixes})
}

// observed reports whether the task stored by the declarator is awaited,
// returned, waited on, continued or handed to another call later on.
func observed(declarator syntax.Node) bool {
	name := declarator.Field("name")
	fn := syntax.EnclosingFunction(declarator)
	hit := syntax.Body(fn).Find(func(n syntax.Node) bool {
		if n.Kind() != "identifier" || n.Same(name) || n.Text() != name.Text() || !syntax.Resolve(n).Name.Same(name) {
			return false
		}
		for up := n.Parent(); !up.IsNull() && !up.Same(fn); up = up.Parent() {
			switch up.Kind() {
			case "await_expression", "return_statement", "arrow_expression_clause", "lambda_expression":
				return true
			case "member_access_expression":
				switch up.Field("name").Text() {
				case "Result", "Wait", "GetAwaiter", "ContinueWith", "IsCompleted", "IsFaulted", "Exception":
					return true
				}
			case "argument":
				// Assert.NotNull(thrown) checks the task object, not the
				// assertion; any other call may await it.
				inv := up.Parent().Parent()
				return inv.Kind() != "invocation_expression" || syntax.SimpleName(syntax.Receiver(inv)) != "Assert"
			case "expression_statement", "local_declaration_statement", "block":
				return false
			}
		}
		return false
	}, nil)
	return !hit.IsNull()
}

// checkSync flags `Assert.Throws<T>(() => XAsync())`: the lambda returns a
// task, the exception lands in that task, and the assertion never sees it.
func checkSync(p *rules.Pass, call syntax.Node, replacement string) {
	lambda := lastLambda(call)
	if lambda.IsNull() {
		return
	}
	body := syntax.Body(lambda)
	async := syntax.IsAsync(lambda)
	exprBody := body.Kind() != "block"
	if !async && !(exprBody && p.IsTask(body) == rules.Yes) && !(body.Kind() == "block" && blockDropsTask(p, body)) {
		return
	}
	msg := rules.Quote(call.Text()) + " runs an async call inside a synchronous assertion: the exception is stored in the returned task instead of being thrown, so the assertion never sees it; use " +
		rules.Quote(strings.TrimPrefix(replacement, "await ")) + "."
	var fixes []rules.Fix
	// A block lambda that drops the task does not convert to Func<Task>.
	if async || exprBody {
		fn := call.Field("function")
		if strings.HasPrefix(replacement, "await ") {
			rename := rules.Replace(fn, "await "+renamed(fn, replacement))
			fixes = rules.AwaitFixes(p, call, "Use "+strings.TrimPrefix(replacement, "await "), rename)
		} else {
			rename := rules.Replace(fn, renamed(fn, replacement))
			fixes = []rules.Fix{{Title: "Use " + replacement, Safety: rules.Safe, Edits: []rules.Edit{rename}}}
		}
	}
	p.Report(rules.Diagnostic{Start: call.Start(), End: call.End(), Message: msg, Fixes: fixes})
}

// renamed rewrites the callee `Assert.Throws<T>` to the replacement member,
// keeping the type arguments.
func renamed(fn syntax.Node, replacement string) string {
	target := strings.TrimPrefix(replacement, "await ")
	member := target[strings.LastIndexByte(target, '.')+1:]
	name := fn.Field("name")
	if name.Kind() == "generic_name" {
		return fn.Field("expression").Text() + "." + member + name.NamedChild(1).Text()
	}
	return fn.Field("expression").Text() + "." + member
}

func lastLambda(call syntax.Node) syntax.Node {
	var found syntax.Node
	for _, a := range call.Field("arguments").NamedChildren() {
		if a.Kind() == "argument" && a.NamedChild(a.NamedChildCount()-1).Is("lambda_expression", "anonymous_method_expression") {
			found = a.NamedChild(a.NamedChildCount() - 1)
		}
	}
	return found
}

// blockDropsTask: `() => { svc.SaveAsync(x); }`, a block whose only
// statement calls something that returns a task.
func blockDropsTask(p *rules.Pass, block syntax.Node) bool {
	stmts := block.NamedChildren()
	if len(stmts) != 1 || stmts[0].Kind() != "expression_statement" {
		return false
	}
	return p.IsTask(stmts[0].NamedChild(0)) == rules.Yes
}
