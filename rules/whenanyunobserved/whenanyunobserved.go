// Package whenanyunobserved is ASY026: `await Task.WhenAny(...)` whose
// winning task is never awaited (or otherwise observed) afterwards, so its
// exception and result are lost.
package whenanyunobserved

import (
	"github.com/asyncsense/asyncsense/rules"
	"github.com/asyncsense/asyncsense/syntax"
)

var Analyzer = &rules.Analyzer{
	ID:       "ASY026",
	Name:     "whenany-unobserved",
	Severity: rules.Suggestion,
	Summary:  "The task that wins Task.WhenAny is never awaited, so its exception or result is lost",
	Fix:      "none",
	Kinds:    []string{"invocation_expression"},
	Run:      run,
}

func run(p *rules.Pass, call syntax.Node) {
	recv := syntax.Receiver(call)
	if syntax.CalleeName(call) != "WhenAny" || syntax.SimpleName(recv) != "Task" || !rules.IsTypeName(recv) {
		return
	}
	await := awaitOf(call)
	if await.IsNull() {
		return
	}
	fn := syntax.EnclosingFunction(call)
	tracked, interesting, ok := arguments(p, call, fn)
	if !ok || !interesting {
		return
	}
	switch ctx := await.Parent(); ctx.Kind() {
	case "expression_statement":
	case "binary_expression":
		if op := ctx.Field("operator").Text(); op != "==" && op != "!=" {
			return
		}
	case "variable_declarator":
		tracked = append(tracked, ctx.Field("name"))
	default:
		return // the winner flows somewhere we do not follow
	}
	for _, name := range tracked {
		if observed(name, fn, call) {
			return
		}
	}
	msg := "Nothing awaits the task that wins " + rules.Quote(call.Text()) +
		" afterwards: if it failed, its exception is never observed, and its result is never read. Await the winner."
	p.Report(rules.Diagnostic{Start: call.Start(), End: call.End(), Message: msg})
}

// awaitOf returns the await consuming call (through .ConfigureAwait), or null.
func awaitOf(call syntax.Node) syntax.Node {
	up := call.Parent()
	if up.Kind() == "member_access_expression" && syntax.SimpleName(up) == "ConfigureAwait" {
		up = up.Parent().Parent()
	}
	if up.Kind() == "await_expression" {
		return up
	}
	return syntax.Node{}
}

// arguments classifies the tasks raced: locals of the function are tracked
// (their declaring names are returned); a call is an anonymous task that
// only the result could observe. Task.Delay timers (inline or in a local)
// have nothing worth observing. ok is false for anything else (a field, a
// parameter, a member): its observer may be elsewhere. interesting says
// whether any raced task is more than a timer.
func arguments(p *rules.Pass, call, fn syntax.Node) (tracked []syntax.Node, interesting, ok bool) {
	for _, a := range syntax.CodeChildren(call.Field("arguments")) {
		e := syntax.StripParens(a.NamedChild(a.NamedChildCount() - 1))
		switch e.Kind() {
		case "invocation_expression":
			if syntax.CalleeName(e) == "AsTask" {
				// `timer.WaitForNextTickAsync(ct).AsTask()`: the ValueTask's
				// operation, as a Task.
				if inner := syntax.StripParens(syntax.Receiver(e)); inner.Kind() == "invocation_expression" {
					e = inner
				}
			}
			if !isDelay(e) && !p.CallStartsTask(e) {
				return nil, false, false // perhaps a collection of tasks owned elsewhere
			}
			interesting = interesting || !isDelay(e)
		case "identifier":
			d := syntax.Resolve(e)
			if d.Kind != syntax.DeclLocal || !fn.Contains(d.Name) {
				return nil, false, false
			}
			tracked = append(tracked, d.Name)
			interesting = interesting || !isDelay(syntax.StripParens(d.Init))
		default:
			return nil, false, false
		}
	}
	return tracked, interesting, true
}

func isDelay(e syntax.Node) bool {
	return e.Kind() == "invocation_expression" && syntax.CalleeName(e) == "Delay" &&
		syntax.SimpleName(syntax.Receiver(e)) == "Task"
}

// observed reports whether the local declared at name is used, anywhere in
// fn outside the WhenAny call itself, in a way that could observe it:
// anything but an identity comparison or an IsCompleted/Id read.
func observed(name, fn, call syntax.Node) bool {
	hit := syntax.Body(fn).Find(func(n syntax.Node) bool {
		if n.Kind() != "identifier" || n.Text() != name.Text() || n.Same(name) || call.Contains(n) {
			return false
		}
		if !syntax.Resolve(n).Name.Same(name) {
			return false
		}
		return !neutral(n)
	}, nil)
	return !hit.IsNull()
}

func neutral(id syntax.Node) bool {
	up := id.Parent()
	switch up.Kind() {
	case "binary_expression":
		op := up.Field("operator").Text()
		return op == "==" || op == "!="
	case "member_access_expression":
		if !up.Field("expression").Same(id) {
			return false
		}
		switch syntax.SimpleName(up) {
		case "IsCompleted", "Id":
			return true
		}
	}
	return false
}
