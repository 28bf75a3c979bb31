package rules

import (
	"strings"

	"github.com/asyncsense/asyncsense/syntax"
)

// CanAwaitAt reports whether an `await` inserted at n would compile as it
// stands: the innermost enclosing function is async, and n is not inside a
// lock statement, a query expression or an unsafe block, where C# forbids it.
func CanAwaitAt(n syntax.Node) bool {
	fn := syntax.EnclosingFunction(n)
	if fn.IsNull() || !syntax.IsAsync(fn) {
		return false
	}
	return !insideAwaitBarrier(n, fn)
}

func insideAwaitBarrier(n, fn syntax.Node) bool {
	for p := n.Parent(); !p.IsNull() && !p.Same(fn); p = p.Parent() {
		if p.Is("lock_statement", "query_expression", "unsafe_statement") {
			return true
		}
	}
	return false
}

// AwaitText returns `await <operand>` for replacing the expression at
// `replaced`, parenthesised when the parent goes on to use it as a primary
// expression (`(await t).Length`).
func AwaitText(replaced syntax.Node, operand string) string {
	text := "await " + operand
	parent := replaced.Parent()
	switch parent.Kind() {
	case "member_access_expression", "element_access_expression", "conditional_access_expression",
		"invocation_expression", "postfix_unary_expression":
		if parent.NamedChild(0).Same(replaced) {
			return "(" + text + ")"
		}
	}
	return text
}

// MakeAsyncFix returns the Unsafe fix that turns the enclosing method or
// local function of n into an async one (`void`→`Task`, `T`→`Task<T>`),
// plus the extra edits, applied together. A method whose void is forced (an
// event handler, an interface member, a method group passed as an Action)
// stays `async void`: its signature is fixed by what it is wired to, often
// from XAML where no compiler error would show the break. ok is false where
// the change cannot be made mechanically: lambdas, overrides, iterators,
// methods with ref/out parameters, and methods already returning a task.
func MakeAsyncFix(p *Pass, n syntax.Node, title string, extra ...Edit) (Fix, bool) {
	fn := syntax.EnclosingFunction(n)
	if !fn.Is("method_declaration", "local_function_statement") || syntax.IsAsync(fn) {
		return Fix{}, false
	}
	if insideAwaitBarrier(n, fn) || !syntax.Modifier(fn, "override").IsNull() || !syntax.Modifier(fn, "unsafe").IsNull() {
		return Fix{}, false
	}
	ret := syntax.ReturnType(fn)
	retName := syntax.TypeName(ret)
	if ret.IsNull() || IsTaskType(retName) || strings.HasPrefix(retName, "IEnumerable") || strings.HasPrefix(retName, "IEnumerator") {
		return Fix{}, false
	}
	for _, p := range syntax.Parameters(fn) {
		for _, m := range p.Children() {
			if m.Is("modifier", "parameter_modifier") && (m.Text() == "ref" || m.Text() == "out" || m.Text() == "in") {
				return Fix{}, false
			}
			if m.Text() == "ref" || m.Text() == "out" {
				return Fix{}, false
			}
		}
	}
	if hasYield(syntax.Body(fn), fn) {
		return Fix{}, false
	}
	newRet := "Task"
	switch {
	case retName == "void" && VoidIsForced(p, fn):
		newRet = "void"
	case retName != "void":
		newRet = "Task<" + ret.Text() + ">"
	}
	edits := []Edit{Replace(ret, "async "+newRet)}
	return Fix{Title: title, Safety: Unsafe, Edits: append(edits, extra...)}, true
}

func hasYield(body, fn syntax.Node) bool {
	found := body.Find(func(x syntax.Node) bool { return x.Kind() == "yield_statement" },
		func(x syntax.Node) bool { return syntax.IsFunction(x) && !x.Same(fn) })
	return !found.IsNull()
}

// AwaitFixes offers edits that introduce an `await` at n: Safe where await
// compiles as it stands, else together with making the enclosing method
// async (Unsafe, see MakeAsyncFix); none where neither is possible.
func AwaitFixes(p *Pass, n syntax.Node, title string, edits ...Edit) []Fix {
	if CanAwaitAt(n) {
		return []Fix{{Title: title, Safety: Safe, Edits: edits}}
	}
	if fix, ok := MakeAsyncFix(p, n, "Make the method async and "+strings.ToLower(title[:1])+title[1:], edits...); ok {
		return []Fix{fix}
	}
	return nil
}
