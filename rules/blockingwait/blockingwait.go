// Package blockingwait is ASY001: blocking on a task with .Result, .Wait(),
// .GetAwaiter().GetResult(), Task.WaitAll or Task.WaitAny.
package blockingwait

import (
	"bytes"
	"strings"

	"github.com/asyncsense/asyncsense/rules"
	"github.com/asyncsense/asyncsense/syntax"
)

var Analyzer = &rules.Analyzer{
	ID:       "ASY001",
	Name:     "blocking-wait",
	Severity: rules.Warning,
	Summary:  "Blocking on a task with .Result, .Wait(), GetAwaiter().GetResult() or Task.WaitAll/WaitAny",
	Fix:      "safe",
	Kinds:    []string{"member_access_expression", "member_binding_expression"},
	Run:      run,
}

func run(p *rules.Pass, access syntax.Node) {
	if access.Kind() == "member_binding_expression" {
		checkConditionalResult(p, access)
		return
	}
	name := access.Field("name").Text()
	recv := access.Field("expression")
	parent := access.Parent()
	isCall := parent.Kind() == "invocation_expression" && parent.Field("function").Same(access)
	switch {
	case name == "Result" && !isCall:
		checkResult(p, access, recv)
	case name == "Wait" && isCall:
		checkWait(p, access, recv, parent)
	case name == "GetResult" && isCall && len(parent.Field("arguments").NamedChildren()) == 0:
		checkGetResult(p, access, recv, parent)
	case (name == "WaitAll" || name == "WaitAny") && isCall && recv.Text() == "Task":
		checkWaitAll(p, access, name, parent)
	}
}

func checkResult(p *rules.Pass, access, recv syntax.Node) {
	if isAssignmentTarget(access) || p.IsTask(recv) != rules.Yes || knownComplete(p, access, recv) {
		return
	}
	report(p, access, access, recv)
}

// checkConditionalResult handles `t?.Result`. No fix: `await t` throws on
// a null t where `t?.Result` gives null.
func checkConditionalResult(p *rules.Pass, binding syntax.Node) {
	cond := binding.Parent()
	if cond.Kind() != "conditional_access_expression" || binding.Field("name").Text() != "Result" ||
		!cond.NamedChild(cond.NamedChildCount()-1).Same(binding) {
		return
	}
	recv := cond.Field("condition")
	if isAssignmentTarget(cond) || p.IsTask(recv) != rules.Yes || knownComplete(p, binding, recv) {
		return
	}
	report(p, binding, cond, recv, true)
}

func checkWait(p *rules.Pass, access, recv, call syntax.Node) {
	if p.IsTask(recv) != rules.Yes || knownComplete(p, access, recv) {
		return
	}
	// Wait(timeout) returns bool and Wait(token) has no await equivalent
	// with the same meaning before .NET 6's WaitAsync: report, offer no fix.
	withArgs := len(call.Field("arguments").NamedChildren()) > 0
	report(p, access, call, recv, withArgs)
}

func checkGetResult(p *rules.Pass, access, recv, call syntax.Node) {
	recv = syntax.StripParens(recv) // (task.GetAwaiter()).GetResult()
	if recv.Kind() != "invocation_expression" || syntax.CalleeName(recv) != "GetAwaiter" {
		return
	}
	awaited := syntax.Receiver(recv)
	if p.IsTask(awaited) != rules.Yes && !isConfiguredTask(p, awaited) || knownComplete(p, access, awaited) {
		return
	}
	report(p, access, call, awaited)
}

func checkWaitAll(p *rules.Pass, access syntax.Node, name string, call syntax.Node) {
	if rules.InSyncBranchOfDualAPI(access) {
		return
	}
	when := "WhenAll"
	if name == "WaitAny" {
		when = "WhenAny"
	}
	msg := rules.Quote(call.Text()) + " blocks the calling thread until the tasks complete; await Task." + when + " instead."
	var fixes []rules.Fix
	args := call.Field("arguments")
	// Only a bare statement keeps its meaning: WaitAny returns an index and
	// WaitAll(…, timeout) a bool, where WhenAny/WhenAll return tasks.
	if call.Parent().Kind() == "expression_statement" && !hasTimeoutOrToken(p, args) {
		replacement := "await Task." + when + args.Text()
		fixes = rules.AwaitFixes(p, call, "Await Task."+when+" instead of Task."+name, rules.Replace(call, replacement))
	}
	p.Report(rules.Diagnostic{Start: access.Start(), End: access.End(), Message: msg, Fixes: fixes})
}

// report flags a blocking access. replaced is the expression the await
// replaces (the member access for .Result, the whole call for the others).
func report(p *rules.Pass, access, replaced, awaited syntax.Node, noFix ...bool) {
	if rules.InSyncBranchOfDualAPI(access) || p.IsSyncEntryOfDualAPI(awaited) {
		return
	}
	what := rules.Quote(replaced.Text())
	msg := what + " blocks the calling thread until the task completes; await it instead."
	var fixes []rules.Fix
	if len(noFix) == 0 || !noFix[0] {
		fixes = rules.AwaitFixes(p, replaced, "Replace "+blockingPart(replaced, awaited)+" with await", rules.Replace(replaced, rules.AwaitText(replaced, awaited.Text())))
	}
	p.Report(rules.Diagnostic{Start: blockingStart(access, awaited), End: access.End(), Message: msg, Fixes: fixes})
}

// blockingStart is where the squiggle starts: at the receiver, so the
// whole blocking expression is marked, unless the receiver is a chain
// spread over lines above; then at the member that blocks (`Result`,
// `Wait`, `GetAwaiter`), the line a reader looks at.
func blockingStart(access, awaited syntax.Node) int {
	name := access.Field("name")
	if name.Text() == "GetResult" {
		if getAwaiter := syntax.StripParens(access.Field("expression")); getAwaiter.Kind() == "invocation_expression" {
			if fn := getAwaiter.Field("function"); fn.Kind() == "member_access_expression" {
				name = fn.Field("name")
			}
		}
	}
	if name.IsNull() || name.Start() < awaited.End() ||
		bytes.IndexByte(access.File().Src[access.Start():name.Start()], '\n') < 0 {
		return access.Start()
	}
	return name.Start()
}

func blockingPart(replaced, awaited syntax.Node) string {
	tail := strings.TrimSpace(replaced.Text()[awaited.End()-replaced.Start():])
	return strings.Join(strings.Fields(tail), "")
}

func isConfiguredTask(p *rules.Pass, n syntax.Node) bool {
	return n.Kind() == "invocation_expression" && syntax.CalleeName(n) == "ConfigureAwait" &&
		p.IsTask(syntax.Receiver(n)) == rules.Yes
}

func isAssignmentTarget(access syntax.Node) bool {
	parent := access.Parent()
	return parent.Kind() == "assignment_expression" && parent.Field("left").Same(access)
}

func hasTimeoutOrToken(p *rules.Pass, args syntax.Node) bool {
	for _, a := range args.NamedChildren() {
		expr := a.NamedChild(a.NamedChildCount() - 1)
		t := p.TypeOf(expr)
		text := strings.ToLower(expr.Text())
		if t == "int" || t == "TimeSpan" || t == "CancellationToken" || expr.Kind() == "integer_literal" ||
			strings.Contains(text, "timespan") || strings.Contains(text, "timeout") || strings.Contains(text, "token") {
			return true
		}
	}
	return false
}
