// Package cancellationtokenlast is ASY028: a CancellationToken parameter
// that is not the last one of its method.
package cancellationtokenlast

import (
	"github.com/asyncsense/asyncsense/rules"
	"github.com/asyncsense/asyncsense/syntax"
)

var Analyzer = &rules.Analyzer{
	ID:       "ASY028",
	Name:     "cancellation-token-last",
	Severity: rules.Suggestion,
	Summary:  "A CancellationToken parameter should be the method's last parameter",
	Fix:      "none",
	Kinds:    []string{"method_declaration", "local_function_statement"},
	Run:      run,
}

func run(p *rules.Pass, fn syntax.Node) {
	if !syntax.Modifier(fn, "override").IsNull() || !fn.ChildOfKind("explicit_interface_specifier").IsNull() || implementsWorkspaceMember(p, fn) {
		return // the signature is someone else's
	}
	params := syntax.Parameters(fn)
	for i, prm := range params {
		if !rules.IsTokenType(syntax.TypeName(prm.Field("type"))) || hasModifier(prm, "this") {
			continue
		}
		optional := !prm.ChildOfKind("=").IsNull()
		for _, next := range params[i+1:] {
			if allowedAfter(next, optional) {
				continue
			}
			msg := rules.Quote(prm.Text()) + " is not the last parameter of " + rules.Quote(fn.Field("name").Text()) +
				": .NET APIs put the token last, so callers can forward it the same way everywhere and optional tokens can be left out."
			p.Report(rules.Diagnostic{Start: prm.Start(), End: prm.End(), Message: msg})
			return
		}
	}
}

// allowedAfter: other tokens, out/ref results, and, after a required
// token, optional parameters (C# wants those at the end, so the token
// cannot move behind them without becoming optional itself).
func allowedAfter(prm syntax.Node, tokenOptional bool) bool {
	switch {
	case rules.IsTokenType(syntax.TypeName(prm.Field("type"))):
		return true
	case hasModifier(prm, "out") || hasModifier(prm, "ref"):
		return true
	case !prm.ChildOfKind("=").IsNull():
		return !tokenOptional
	}
	return false
}

func hasModifier(prm syntax.Node, word string) bool {
	for _, c := range prm.Children() {
		if c.Kind() == "modifier" && c.Text() == word {
			return true
		}
	}
	return false
}

// implementsWorkspaceMember: a method whose name a base type or interface
// declared in the workspace also declares has its parameter order fixed there.
func implementsWorkspaceMember(p *rules.Pass, fn syntax.Node) bool {
	if fn.Kind() != "method_declaration" {
		return false
	}
	name := fn.Field("name").Text()
	bases := map[string]bool{}
	for _, b := range rules.BaseTypes(p, syntax.EnclosingType(fn)) {
		bases[b] = true
	}
	for _, m := range p.Index.Methods(name) {
		if bases[m.Type] {
			return true
		}
	}
	return false
}
