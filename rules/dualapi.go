package rules

import (
	"strings"

	"github.com/asyncsense/asyncsense/syntax"
)

// InSyncBranchOfDualAPI recognises libraries that implement a sync and an
// async API with one body: `if (async) await FooAsync(); else Foo();`,
// `if (!async) ... else ...` and `async ? await X : Y`. Blocking is the
// documented intent of the sync branch, so it is not a finding.
func InSyncBranchOfDualAPI(n syntax.Node) bool {
	for child, p := n, n.Parent(); !p.IsNull() && !syntax.IsFunction(p); child, p = p, p.Parent() {
		switch p.Kind() {
		case "if_statement":
			if alt := p.Field("alternative"); alt.Contains(child) && isAsyncFlag(p.Field("condition")) {
				return true
			}
			if cons := p.Field("consequence"); cons.Contains(child) && isNegatedAsyncFlag(p.Field("condition")) {
				return true
			}
		case "conditional_expression":
			if alt := p.Field("alternative"); alt.Contains(child) && isAsyncFlag(p.Field("condition")) {
				return true
			}
		}
	}
	return false
}

func isAsyncFlag(cond syntax.Node) bool {
	cond = syntax.StripParens(cond)
	if cond.Is("identifier", "member_access_expression") {
		return strings.Contains(strings.ToLower(syntax.SimpleName(cond)), "async")
	}
	return false
}

func isNegatedAsyncFlag(cond syntax.Node) bool {
	cond = syntax.StripParens(cond)
	return cond.Kind() == "prefix_unary_expression" && strings.HasPrefix(cond.Text(), "!") && isAsyncFlag(cond.NamedChild(0))
}
