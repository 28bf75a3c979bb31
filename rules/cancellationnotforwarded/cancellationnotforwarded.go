// Package cancellationnotforwarded is ASY012: a CancellationToken is in
// reach but a call that accepts one is not given it.
package cancellationnotforwarded

import (
	"strings"

	"github.com/asyncsense/asyncsense/rules"
	"github.com/asyncsense/asyncsense/syntax"
)

var Analyzer = &rules.Analyzer{
	ID:       "ASY012",
	Name:     "cancellation-not-forwarded",
	Severity: rules.Suggestion,
	Summary:  "A call that accepts a CancellationToken is not given the one in scope",
	Fix:      "safe",
	Kinds:    []string{"invocation_expression"},
	Run:      run,
}

func run(p *rules.Pass, call syntax.Node) {
	if rules.IsMockingCall(call) || inCleanup(call) || withCancellation(call) {
		return
	}
	tok, ok := p.TokenInScope(call)
	if !ok {
		return
	}
	slot, ok := p.OmittedToken(call)
	if !ok {
		return
	}
	name := calleeNameNode(call)
	msg := rules.Quote(quoted(call, name)) + " is not given " + rules.Quote(tok.Text) + ", although " + slot.Callee +
		" accepts a CancellationToken: when the caller cancels, this call keeps running."
	var fixes []rules.Fix
	if edit, ok := rules.TokenArgumentEdit(call, slot, tok.Text); ok {
		safety := rules.Safe
		if slot.Since != "" {
			// The overload that takes the token is newer than the baseline;
			// on an older target framework the edit would not compile.
			safety = rules.Unsafe
		}
		fixes = []rules.Fix{{Title: "Pass " + tok.Text + " to " + syntax.CalleeName(call), Safety: safety, Edits: []rules.Edit{edit}}}
	}
	p.Report(rules.Diagnostic{Start: name.Start(), End: call.End(), Message: msg, Fixes: fixes})
}

// inCleanup: code in catch and finally blocks usually must run to the end
// even when the operation was cancelled (rolling back, releasing, logging),
// so handing it the token would be the bug. A Task.Delay in a catch is
// different: it is a retry backoff, cleaning nothing up, and without the
// token it holds up a shutdown for the whole pause.
func inCleanup(n syntax.Node) bool {
	for p := n.Parent(); !p.IsNull() && !syntax.IsFunction(p); p = p.Parent() {
		switch p.Kind() {
		case "finally_clause":
			return true
		case "catch_clause":
			return !isTaskDelay(n) || catchesCancellation(p)
		}
	}
	return false
}

// catchesCancellation: after a cancellation, a delay given the token
// would only throw again.
func catchesCancellation(catch syntax.Node) bool {
	switch syntax.SimpleName(catch.ChildOfKind("catch_declaration").Field("type")) {
	case "OperationCanceledException", "TaskCanceledException":
		return true
	}
	return false
}

func isTaskDelay(call syntax.Node) bool {
	fn := call.Field("function")
	if fn.Kind() != "member_access_expression" || fn.Field("name").Text() != "Delay" {
		return false
	}
	recv := strings.TrimPrefix(strings.Join(strings.Fields(fn.Field("expression").Text()), ""), "global::")
	return recv == "Task" || recv == "System.Threading.Tasks.Task"
}

// withCancellation: `Produce().WithCancellation(ct)` hands the token to the
// async stream's enumerator, which is how it reaches an iterator's
// [EnumeratorCancellation] parameter; the producer call needs no token of its own.
func withCancellation(call syntax.Node) bool {
	access := call.Parent()
	return access.Kind() == "member_access_expression" && access.Field("expression").Same(call) &&
		access.Field("name").Text() == "WithCancellation" && access.Parent().Kind() == "invocation_expression"
}

// calleeNameNode is where the finding starts: the method name, so that in
// a multi-line query chain the line of `.ToListAsync()` is the one marked.
func calleeNameNode(call syntax.Node) syntax.Node {
	fn := call.Field("function")
	switch fn.Kind() {
	case "member_access_expression":
		return fn.Field("name")
	case "conditional_access_expression":
		return fn.NamedChild(fn.NamedChildCount() - 1)
	}
	return fn
}

// quoted is the code a message names: the whole call when it is short, else
// from the method name on (`ToListAsync()` rather than a cut-off chain).
func quoted(call, name syntax.Node) string {
	if text := call.Text(); len(text) <= 60 && !strings.ContainsAny(text, "\r\n") {
		return text
	}
	return string(call.File().Src[name.Start():call.End()])
}
