// Package awaitforeachcancellation is ASY027: `await foreach` while a
// CancellationToken is in scope, with the token given neither to the
// producer nor through WithCancellation.
package awaitforeachcancellation

import (
	"github.com/asyncsense/asyncsense/rules"
	"github.com/asyncsense/asyncsense/syntax"
)

var Analyzer = &rules.Analyzer{
	ID:       "ASY027",
	Name:     "await-foreach-cancellation",
	Severity: rules.Suggestion,
	Summary:  "`await foreach` does not flow the CancellationToken in scope to the enumeration",
	Fix:      "safe",
	Kinds:    []string{"foreach_statement"},
	Run:      run,
}

func run(p *rules.Pass, stmt syntax.Node) {
	if !rules.IsAwaitStatement(stmt) {
		return
	}
	tok, ok := p.TokenInScope(stmt)
	if !ok {
		return
	}
	source := stmt.Field("right")
	if source.IsNull() || flowsToken(p, source, 0) {
		return
	}
	producer := stripConfigure(source)
	if producer.Kind() == "invocation_expression" {
		if _, ok := p.OmittedToken(producer); ok {
			return // the producer takes the token itself: ASY012 reports that call
		}
	}
	msg := "`await foreach` over " + rules.Quote(source.Text()) + " does not pass " + rules.Quote(tok.Text) +
		": cancelling does not stop the enumeration while it waits for the next item."
	var fixes []rules.Fix
	if safety, ok := fixSafety(p, producer); ok {
		fixes = []rules.Fix{{Title: "Append .WithCancellation(" + tok.Text + ")", Safety: safety,
			Edits: []rules.Edit{withCancellation(producer, tok.Text)}}}
	}
	p.Report(rules.Diagnostic{Start: source.Start(), End: source.End(), Message: msg, Fixes: fixes})
}

// flowsToken reports whether the enumerated expression already carries a
// token: a WithCancellation call or a token argument anywhere along its
// chain, or, for a local, in the expression that initialised it.
func flowsToken(p *rules.Pass, expr syntax.Node, depth int) bool {
	for n := syntax.StripParens(expr); !n.IsNull() && depth < 8; depth++ {
		switch n.Kind() {
		case "invocation_expression":
			if syntax.CalleeName(n) == "WithCancellation" || p.PassesToken(n.Field("arguments")) {
				return true
			}
			n = syntax.StripParens(syntax.Receiver(n))
		case "member_access_expression":
			n = syntax.StripParens(n.Field("expression"))
		case "identifier":
			d := syntax.Resolve(n)
			return d.Kind == syntax.DeclLocal && !d.Init.IsNull() && flowsToken(p, d.Init, depth+1)
		default:
			return false
		}
	}
	return false
}

// stripConfigure returns the enumerable under a trailing ConfigureAwait.
func stripConfigure(source syntax.Node) syntax.Node {
	s := syntax.StripParens(source)
	if s.Kind() == "invocation_expression" && syntax.CalleeName(s) == "ConfigureAwait" {
		return syntax.StripParens(syntax.Receiver(s))
	}
	return s
}

// fixSafety: WithCancellation exists on IAsyncEnumerable<T> (and on the
// ConfigureAwait result); a type that only has the GetAsyncEnumerator
// pattern would not compile with it. Unknown types get an unsafe fix.
func fixSafety(p *rules.Pass, producer syntax.Node) (rules.Safety, bool) {
	switch syntax.GenericBase(p.TypeOf(producer)) {
	case "IAsyncEnumerable":
		return rules.Safe, true
	case "":
		return rules.Unsafe, true
	}
	return rules.Safe, false
}

// withCancellation inserts `.WithCancellation(tok)` right after the
// producer, before any ConfigureAwait, parenthesising what needs it.
func withCancellation(producer syntax.Node, tok string) rules.Edit {
	call := ".WithCancellation(" + tok + ")"
	if !isPrimary(producer) {
		return rules.Edit{Start: producer.Start(), End: producer.End(), NewText: "(" + producer.Text() + ")" + call}
	}
	return rules.Insert(producer.End(), call)
}

func isPrimary(n syntax.Node) bool {
	switch n.Kind() {
	case "identifier", "invocation_expression", "member_access_expression", "element_access_expression",
		"parenthesized_expression", "this_expression", "generic_name":
		return true
	}
	return false
}
