// Package taskrunwrapsasync is ASY008: `Task.Run(() => XAsync(...))` or
// `Task.Run(async () => await XAsync(...))`, which hands an operation that
// is already asynchronous to the thread pool for no gain.
package taskrunwrapsasync

import (
	"github.com/asyncsense/asyncsense/rules"
	"github.com/asyncsense/asyncsense/syntax"
)

var Analyzer = &rules.Analyzer{
	ID:       "ASY008",
	Name:     "task-run-wraps-async",
	Severity: rules.Warning,
	Summary:  "Task.Run wrapped around a call that is already asynchronous",
	Fix:      "unsafe",
	Kinds:    []string{"invocation_expression"},
	Run:      run,
}

func run(p *rules.Pass, inv syntax.Node) {
	call, ok := WrappedCall(p, inv)
	if !ok || blockedOn(inv) || inTest(inv) || inBackgroundServiceExecute(inv) {
		return
	}
	msg := rules.Quote(inv.Text()) + " queues an already asynchronous call to the thread pool; call " +
		rules.Quote(call.Text()) + " directly."
	var fixes []rules.Fix
	// With a token, Task.Run would not even start the call once it is
	// cancelled; dropping it changes behaviour, so no fix.
	if len(inv.Field("arguments").NamedChildren()) == 1 {
		// Unsafe: the call's synchronous start (argument checks, work before
		// its first await) now runs on the caller's thread and context.
		fixes = []rules.Fix{{Title: "Call " + syntax.CalleeName(call) + " directly", Safety: rules.Unsafe,
			Edits: []rules.Edit{rules.Replace(inv, call.Text())}}}
	}
	fn := inv.Field("function")
	p.Report(rules.Diagnostic{Start: fn.Start(), End: fn.End(), Message: msg, Fixes: fixes})
}

// WrappedCall returns XAsync(...) when inv is `Task.Run(() => XAsync(...))`,
// `Task.Run(async () => await XAsync(...))` or the block-bodied forms with
// that single statement, XAsync returns a Task, and nothing else in the
// lambda (arguments, receiver) does work worth a thread-pool hop: no other
// call, lambda or await. ASY025 uses it to leave these cases to ASY008.
func WrappedCall(p *rules.Pass, inv syntax.Node) (syntax.Node, bool) {
	fn := inv.Field("function")
	if fn.Kind() != "member_access_expression" || syntax.SimpleName(fn) != "Run" || !isTaskType(fn.Field("expression")) {
		return syntax.Node{}, false
	}
	args := inv.Field("arguments").NamedChildren()
	if len(args) == 0 || len(args) > 2 {
		return syntax.Node{}, false
	}
	lambda := syntax.StripParens(args[0].NamedChild(args[0].NamedChildCount() - 1))
	if lambda.Kind() != "lambda_expression" || len(syntax.Parameters(lambda)) > 0 {
		return syntax.Node{}, false
	}
	expr := singleExpression(syntax.Body(lambda), syntax.IsAsync(lambda))
	if syntax.IsAsync(lambda) {
		if expr.Kind() != "await_expression" {
			return syntax.Node{}, false
		}
		expr = withoutConfigureAwait(expr.NamedChild(0))
	}
	expr = syntax.StripParens(expr)
	if expr.Kind() != "invocation_expression" || syntax.GenericBase(p.TypeOf(expr)) != "Task" || doesOtherWork(expr) ||
		nominallyAsync(p, expr) {
		return syntax.Node{}, false
	}
	return expr, true
}

// nominallyAsync reports whether every workspace declaration the call may
// reach is a non-async method of a class: such a method may do all its work
// synchronously and hand back Task.FromResult, and then Task.Run is what
// moves that work off the caller's thread. Interface members say nothing
// about their implementation and do not count.
func nominallyAsync(p *rules.Pass, call syntax.Node) bool {
	ms := p.Index.Methods(syntax.CalleeName(call))
	if owner := receiverType(p, call); owner != "" {
		var on []rules.MethodFact
		for _, m := range ms {
			if m.Type == owner {
				on = append(on, m)
			}
		}
		ms = on
	}
	for _, m := range ms {
		if m.Async || m.Type == "" || isInterface(p, m.Type) {
			return false
		}
	}
	return len(ms) > 0
}

func receiverType(p *rules.Pass, call syntax.Node) string {
	recv := syntax.Receiver(call)
	if recv.IsNull() || recv.Is("this", "this_expression") {
		return syntax.EnclosingType(call).Field("name").Text()
	}
	return syntax.GenericBase(p.ChainType(recv))
}

func isInterface(p *rules.Pass, typ string) bool {
	ts := p.Index.Types(typ)
	return len(ts) > 0 && ts[0].Kind == "interface"
}

func isTaskType(recv syntax.Node) bool {
	switch syntax.TypeName(recv) {
	case "Task", "System.Threading.Tasks.Task":
		return rules.IsTypeName(recv)
	}
	return false
}

// singleExpression is the one expression a lambda body consists of: the
// body itself, `{ return e; }`, or, in an async lambda, `{ e; }` (in a
// non-async one that form is an Action and drops the task).
func singleExpression(body syntax.Node, async bool) syntax.Node {
	if body.Kind() != "block" {
		return body
	}
	var stmts []syntax.Node
	for _, st := range body.NamedChildren() {
		if st.Kind() != "comment" {
			stmts = append(stmts, st)
		}
	}
	if len(stmts) != 1 {
		return syntax.Node{}
	}
	switch s := stmts[0]; {
	case s.Kind() == "return_statement":
		return s.NamedChild(0)
	case s.Kind() == "expression_statement" && async:
		return s.NamedChild(0)
	}
	return syntax.Node{}
}

func withoutConfigureAwait(n syntax.Node) syntax.Node {
	n = syntax.StripParens(n)
	if n.Kind() == "invocation_expression" && syntax.CalleeName(n) == "ConfigureAwait" {
		return syntax.Receiver(n)
	}
	return n
}

// doesOtherWork reports whether evaluating call involves more than the
// call itself: another invocation in its receiver or arguments, a lambda,
// an await. Task.Run may be there to move that work off the thread.
func doesOtherWork(call syntax.Node) bool {
	found := call.Find(func(n syntax.Node) bool {
		if n.Same(call) {
			return false
		}
		return n.Is("invocation_expression", "lambda_expression", "anonymous_method_expression", "await_expression", "query_expression")
	}, nil)
	return !found.IsNull()
}

// blockedOn reports whether the task Task.Run returns is waited on
// synchronously: `Task.Run(() => XAsync()).Result`, `.Wait()`,
// `.GetAwaiter().GetResult()`, `Task.WaitAll(...)`, or through a local
// (`var t = Task.Run(...); t.Wait();`). Running XAsync on the pool there is
// the known way to dodge a context deadlock, which removing Task.Run would
// bring back.
func blockedOn(inv syntax.Node) bool {
	for n := inv; ; {
		parent := n.Parent()
		for parent.Kind() == "parenthesized_expression" {
			n, parent = parent, parent.Parent()
		}
		switch parent.Kind() {
		case "member_access_expression":
			switch syntax.SimpleName(parent) {
			case "Result", "Wait", "GetAwaiter", "GetResult", "WaitAll", "WaitAny":
				return true
			}
			n = parent
			continue
		case "invocation_expression":
			n = parent
			continue
		case "argument":
			call := parent.Parent().Parent()
			switch syntax.CalleeName(call) {
			case "WaitAll", "WaitAny":
				return true
			}
		case "variable_declarator":
			return localBlockedOn(parent)
		}
		return false
	}
}

func localBlockedOn(declarator syntax.Node) bool {
	name := declarator.Field("name").Text()
	fn := syntax.EnclosingFunction(declarator)
	found := syntax.Body(fn).Find(func(n syntax.Node) bool {
		if n.Kind() == "identifier" && n.Text() == name && n.Start() > declarator.End() {
			return blockedOn(n)
		}
		return false
	}, nil)
	return !found.IsNull()
}

// inTest reports whether n is in a unit test, where running an async call
// on another thread is often the point (thread-safety and deadlock tests).
func inTest(n syntax.Node) bool {
	for p := n.Parent(); !p.IsNull(); p = p.Parent() {
		if p.Kind() == "method_declaration" {
			return rules.IsTestMethod(p)
		}
	}
	return false
}

// inBackgroundServiceExecute reports whether n is in an override of
// BackgroundService.ExecuteAsync. The host runs ExecuteAsync on its startup
// path until the first incomplete await, so `return Task.Run(() =>
// LoopAsync(ct))` is the documented way to keep a slow synchronous start of
// the loop from holding up every other hosted service.
func inBackgroundServiceExecute(n syntax.Node) bool {
	for p := n.Parent(); !p.IsNull(); p = p.Parent() {
		if p.Kind() == "method_declaration" {
			return p.Field("name").Text() == "ExecuteAsync" && !syntax.Modifier(p, "override").IsNull()
		}
	}
	return false
}
