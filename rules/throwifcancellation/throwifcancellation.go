// Package throwifcancellation is ASY029: a hand-written
// `if (token.IsCancellationRequested) throw new OperationCanceledException();`
// that CancellationToken.ThrowIfCancellationRequested() does in one call.
package throwifcancellation

import (
	"github.com/asyncsense/asyncsense/rules"
	"github.com/asyncsense/asyncsense/syntax"
)

var Analyzer = &rules.Analyzer{
	ID:       "ASY029",
	Name:     "throw-if-cancellation",
	Severity: rules.Suggestion,
	Summary:  "`if (token.IsCancellationRequested) throw new OperationCanceledException()`: use ThrowIfCancellationRequested()",
	Fix:      "safe",
	Kinds:    []string{"if_statement"},
	Run:      run,
}

func run(p *rules.Pass, stmt syntax.Node) {
	if !stmt.Field("alternative").IsNull() {
		return
	}
	cond := syntax.StripParens(stmt.Field("condition"))
	if cond.Kind() != "member_access_expression" || cond.Field("name").Text() != "IsCancellationRequested" {
		return
	}
	// A CancellationTokenSource has IsCancellationRequested too, but no
	// ThrowIfCancellationRequested: the receiver must be known to be a token.
	token := cond.Field("expression")
	if !rules.IsTokenType(p.TypeOf(token)) {
		return
	}
	throw := onlyThrow(stmt.Field("consequence"))
	if throw.IsNull() || !throwsPlainCancellation(throw, token) {
		return
	}
	replacement := token.Text() + ".ThrowIfCancellationRequested();"
	msg := rules.Quote(stmt.Text()) + " is what " + rules.Quote(replacement) + " does in one call."
	var fixes []rules.Fix
	if !hasComment(stmt) {
		fixes = []rules.Fix{{Title: "Use " + token.Text() + ".ThrowIfCancellationRequested()", Safety: rules.Safe,
			Edits: []rules.Edit{rules.Replace(stmt, replacement)}}}
	}
	p.Report(rules.Diagnostic{Start: stmt.Start(), End: stmt.End(), Message: msg, Fixes: fixes})
}

// onlyThrow returns the throw statement that is the whole consequence,
// directly or as the single statement of a block.
func onlyThrow(body syntax.Node) syntax.Node {
	if body.Kind() == "block" {
		stmts := body.NamedChildren()
		if len(stmts) != 1 {
			return syntax.Node{}
		}
		body = stmts[0]
	}
	if body.Kind() != "throw_statement" {
		return syntax.Node{}
	}
	return body
}

// throwsPlainCancellation: `new OperationCanceledException()` or
// `new OperationCanceledException(token)` with the same token. A message
// or an inner exception would be lost, and TaskCanceledException is a
// different type that catch clauses may single out.
func throwsPlainCancellation(throw, token syntax.Node) bool {
	created := syntax.StripParens(throw.NamedChild(0))
	if created.Kind() != "object_creation_expression" {
		return false
	}
	switch syntax.TypeName(created.Field("type")) {
	case "OperationCanceledException", "System.OperationCanceledException":
	default:
		return false
	}
	if !created.Field("initializer").IsNull() {
		return false
	}
	var args []syntax.Node
	for _, a := range created.Field("arguments").NamedChildren() {
		if a.Kind() == "argument" {
			args = append(args, a)
		}
	}
	switch len(args) {
	case 0:
		return true
	case 1:
		return args[0].Field("name").IsNull() && syntax.StripParens(args[0].NamedChild(0)).Text() == token.Text()
	}
	return false
}

func hasComment(n syntax.Node) bool {
	return !n.Find(func(x syntax.Node) bool { return x.Kind() == "comment" }, nil).IsNull()
}
