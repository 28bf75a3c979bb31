// Package startnewpitfalls is ASY016: Task.Factory.StartNew (and
// ContinueWith) given an async delegate, which yields a Task<Task> whose
// outer task completes at the first await; and StartNew/ContinueWith
// without an explicit TaskScheduler, which run on TaskScheduler.Current.
package startnewpitfalls

import (
	"strings"

	"github.com/asyncsense/asyncsense/rules"
	"github.com/asyncsense/asyncsense/syntax"
)

var Analyzer = &rules.Analyzer{
	ID:       "ASY016",
	Name:     "startnew-pitfalls",
	Severity: rules.Warning,
	Summary:  "Task.Factory.StartNew/ContinueWith with an async delegate (Task<Task>) or without an explicit TaskScheduler",
	Fix:      "unsafe",
	Kinds:    []string{"invocation_expression"},
	Run:      run,
}

func run(p *rules.Pass, call syntax.Node) {
	access := call.Field("function")
	if access.Kind() != "member_access_expression" {
		return
	}
	name := syntax.SimpleName(access)
	recv := access.Field("expression")
	var defaultFactory bool // Task.Factory: no scheduler of its own
	switch name {
	case "StartNew":
		defaultFactory = isTaskFactory(recv)
		if !defaultFactory && syntax.GenericBase(p.TypeOf(recv)) != "TaskFactory" {
			return
		}
	case "ContinueWith":
		if p.IsTask(recv) != rules.Yes {
			return
		}
	default:
		return
	}
	args := syntax.CodeChildren(call.Field("arguments"))
	if len(args) == 0 {
		return
	}
	at := access.Field("name")
	if returnsTask(p, argExpr(args[0])) && !unwrapped(call) {
		msg := rules.Quote(recv.Text()+"."+name) + " with an async delegate returns a Task<Task>: the outer task completes at the delegate's first await, " +
			"so waiting for it does not wait for the work, and the work's exceptions are never observed."
		p.Report(rules.Diagnostic{Start: at.Start(), End: at.End(), Message: msg, Fixes: asyncFixes(p, call, name, defaultFactory, args)})
		return
	}
	if name == "StartNew" && !defaultFactory {
		return // a TaskFactory instance may carry its own scheduler
	}
	shape, ok := classify(p, args, name)
	if !ok || shape.scheduler {
		return
	}
	msg := rules.Quote(name) + " without a TaskScheduler runs on TaskScheduler.Current, which is the UI thread or a custom scheduler " +
		"when this code is itself called from one; pass TaskScheduler.Default explicitly (or use Task.Run / await)."
	p.Report(rules.Diagnostic{Start: at.Start(), End: at.End(), Message: msg, Fixes: schedulerFixes(p, call, name, shape)})
}

func argExpr(a syntax.Node) syntax.Node { return a.NamedChild(a.NamedChildCount() - 1) }

// isTaskFactory matches `Task.Factory` and `Task<T>.Factory`, qualified or not.
func isTaskFactory(recv syntax.Node) bool {
	if recv.Kind() != "member_access_expression" || syntax.SimpleName(recv) != "Factory" {
		return false
	}
	owner := recv.Field("expression")
	return syntax.GenericBase(syntax.TypeName(owner)) == "Task" && rules.IsTypeName(owner)
}

// returnsTask reports whether a delegate argument produces a task: an async
// lambda or anonymous method, an expression lambda whose value is a task, or
// a method group every workspace declaration of which returns Task/ValueTask.
func returnsTask(p *rules.Pass, d syntax.Node) bool {
	d = syntax.StripParens(d)
	switch d.Kind() {
	case "lambda_expression", "anonymous_method_expression":
		if syntax.IsAsync(d) {
			return true
		}
		// `() => FooAsync()`: a lambda whose value is itself a task.
		body := syntax.Body(d)
		return body.Kind() != "block" && p.IsTask(body) == rules.Yes
	case "identifier", "member_access_expression":
		if d.Kind() == "identifier" && syntax.Resolve(d).Kind != syntax.DeclNone {
			return false // a delegate variable, not a method group
		}
		ms := p.Index.Methods(syntax.SimpleName(d))
		if len(ms) == 0 {
			return false
		}
		for _, m := range ms {
			if !rules.IsTaskType(m.Return) {
				return false
			}
		}
		return true
	}
	return false
}

// unwrapped reports whether the Task<Task> is taken care of: `.Unwrap()`
// on it, or `await await`.
func unwrapped(call syntax.Node) bool {
	up := call.Parent()
	for up.Kind() == "parenthesized_expression" {
		up = up.Parent()
	}
	if up.Kind() == "member_access_expression" && syntax.SimpleName(up) == "Unwrap" {
		return true
	}
	return up.Kind() == "await_expression" && syntax.StripParens(up).Parent().Kind() == "await_expression"
}

// shape is what the arguments after the delegate are, by overload.
type shape struct {
	body, state, token, options syntax.Node
	scheduler                   bool
}

// classify sorts the arguments into the StartNew / ContinueWith overload
// slots. ok is false when an argument cannot be told apart (a variable of
// unknown type could be the scheduler): the rule then stays silent.
func classify(p *rules.Pass, args []syntax.Node, name string) (shape, bool) {
	s := shape{body: argExpr(args[0])}
	if len(args) >= 4 {
		s.scheduler = true // every 4- and 5-argument overload ends with the scheduler
		return s, true
	}
	rest := args[1:]
	if takesState(s.body, name) && len(rest) > 0 {
		s.state, rest = argExpr(rest[0]), rest[1:]
	}
	for _, a := range rest {
		e := argExpr(a)
		switch {
		case a.Field("name").Text() == "scheduler" || isScheduler(p, e):
			s.scheduler = true
		case isToken(p, e):
			s.token = e
		case isOptions(p, e):
			s.options = e
		default:
			return s, false
		}
	}
	return s, true
}

// takesState reports whether the delegate is the state-taking form:
// StartNew's Action<object> (one parameter) or ContinueWith's
// Action<Task, object> (two).
func takesState(body syntax.Node, name string) bool {
	body = syntax.StripParens(body)
	if !body.Is("lambda_expression", "anonymous_method_expression") {
		return false
	}
	n := len(syntax.Parameters(body))
	return name == "StartNew" && n == 1 || name == "ContinueWith" && n == 2
}

func isScheduler(p *rules.Pass, e syntax.Node) bool {
	return strings.Contains(e.Text(), "TaskScheduler") || p.TypeOf(e) == "TaskScheduler" ||
		strings.Contains(strings.ToLower(syntax.SimpleName(e)), "scheduler")
}

func isToken(p *rules.Pass, e syntax.Node) bool {
	if p.TypeOf(e) == "CancellationToken" || strings.HasPrefix(e.Text(), "CancellationToken.") {
		return true
	}
	name := strings.ToLower(syntax.SimpleName(e))
	return strings.HasSuffix(name, "token") || name == "ct"
}

func isOptions(p *rules.Pass, e syntax.Node) bool {
	t := e.Text()
	return strings.Contains(t, "TaskCreationOptions.") || strings.Contains(t, "TaskContinuationOptions.") ||
		p.TypeOf(e) == "TaskCreationOptions" || p.TypeOf(e) == "TaskContinuationOptions"
}
