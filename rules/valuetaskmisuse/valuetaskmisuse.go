// Package valuetaskmisuse is ASY019: a ValueTask consumed more than once
// (awaited twice, or awaited and then read with .Result / .AsTask()), or
// its .Result read before anything made sure it has completed.
package valuetaskmisuse

import (
	"github.com/asyncsense/asyncsense/rules"
	"github.com/asyncsense/asyncsense/syntax"
)

var Analyzer = &rules.Analyzer{
	ID:       "ASY019",
	Name:     "valuetask-misuse",
	Severity: rules.Warning,
	Summary:  "ValueTask awaited twice, awaited and read again, or .Result read before completion",
	Fix:      "none",
	Kinds:    []string{"variable_declarator", "member_access_expression"},
	Run:      run,
}

func run(p *rules.Pass, n syntax.Node) {
	if n.Kind() == "variable_declarator" {
		checkLocal(p, n)
	} else {
		checkResult(p, n)
	}
}

func isValueTask(t string) bool { return rules.IsTaskType(t) && syntax.GenericBase(t) == "ValueTask" }

// checkLocal reports the second consumption of a ValueTask local when the
// first one has certainly happened before it.
func checkLocal(p *rules.Pass, decl syntax.Node) {
	if decl.Parent().Parent().Kind() != "local_declaration_statement" {
		return
	}
	if t := decl.Parent().Field("type"); t.Kind() != "implicit_type" && !isValueTask(syntax.TypeName(t)) {
		return
	}
	name := decl.Field("name")
	if !isValueTask(p.TypeOf(name)) {
		return
	}
	consumes, ok := consumptions(decl, name)
	if !ok {
		return
	}
	for i, b := range consumes {
		for _, a := range consumes[:i] {
			if consumedBefore(a, b) {
				msg := rules.Quote(name.Text()) + " is a ValueTask that was already consumed by " + rules.Quote(a.Text()) +
					"; " + rules.Quote(b.Text()) + " consumes it again, but a ValueTask may be awaited or read only once: " +
					"its source may already be reused for another operation. Await it once and keep the result (or call .AsTask() once)."
				p.Report(rules.Diagnostic{Start: b.Start(), End: b.End(), Message: msg})
				break
			}
		}
	}
}

// consumptions lists the uses of the local that consume it (await,
// .Result, .AsTask(), .GetAwaiter()), in source order. ok is false when
// the local is used any other way (passed on, reassigned, captured by a
// lambda): then nothing is certain.
func consumptions(decl, name syntax.Node) (out []syntax.Node, ok bool) {
	fn := syntax.EnclosingFunction(decl)
	ok = true
	syntax.Body(fn).Walk(func(n syntax.Node) bool {
		if !ok {
			return false
		}
		if n.Kind() != "identifier" || n.Text() != name.Text() || n.Same(name) || !syntax.Resolve(n).Name.Same(name) {
			return true
		}
		if !syntax.EnclosingFunction(n).Same(fn) {
			ok = false
			return false
		}
		switch use := consumer(n); {
		case !use.IsNull():
			out = append(out, use)
		case !isCompletionCheck(n):
			ok = false
		}
		return true
	})
	return out, ok
}

// consumer returns the expression that consumes the ValueTask named by id:
// `await id`, `await id.ConfigureAwait(..)`, `id.Result`, `id.AsTask()`,
// `id.GetAwaiter()`; null for any other use.
func consumer(id syntax.Node) syntax.Node {
	up := id.Parent()
	switch up.Kind() {
	case "await_expression":
		return up
	case "member_access_expression":
		if !up.Field("expression").Same(id) {
			return syntax.Node{}
		}
		switch syntax.SimpleName(up) {
		case "Result":
			if a := up.Parent(); a.Kind() == "assignment_expression" && a.Field("left").Same(up) {
				return syntax.Node{}
			}
			return up
		case "AsTask", "GetAwaiter":
			return up.Parent()
		case "ConfigureAwait":
			if aw := up.Parent().Parent(); aw.Kind() == "await_expression" {
				return aw
			}
		}
	}
	return syntax.Node{}
}

func isCompletionCheck(id syntax.Node) bool {
	up := id.Parent()
	if up.Kind() != "member_access_expression" || !up.Field("expression").Same(id) {
		return false
	}
	switch syntax.SimpleName(up) {
	case "IsCompleted", "IsCompletedSuccessfully", "IsFaulted", "IsCanceled":
		return true
	}
	return false
}

// consumedBefore reports whether some run of the function reaches b after
// a: a comes first, and nothing makes that impossible. It is impossible
// when a and b sit in different branches of one if, switch or conditional,
// when a is in a nested function, and when the statements after a on its
// way out (return, throw, break, continue) always leave before b. A branch
// that may skip a does not clear b: `if (!vt.IsCompleted) await vt; await
// vt;` consumes it twice whenever the branch runs.
func consumedBefore(a, b syntax.Node) bool {
	if a.Start() >= b.Start() || a.Contains(b) {
		return false
	}
	for child, up := a, a.Parent(); !up.IsNull(); child, up = up, up.Parent() {
		if up.Contains(b) {
			return !exclusive(up, child, b)
		}
		switch up.Kind() {
		case "lambda_expression", "anonymous_method_expression", "local_function_statement",
			"return_statement", "throw_statement", "throw_expression", "yield_statement":
			return false
		case "block", "switch_section":
			for _, st := range up.NamedChildren() {
				if st.Start() > child.Start() && st.Is("return_statement", "throw_statement", "break_statement", "continue_statement", "goto_statement") {
					return false
				}
			}
		}
	}
	return false
}

// exclusive reports whether, inside up, the part holding a (child) and the
// part holding b are alternatives of which only one runs.
func exclusive(up, child, b syntax.Node) bool {
	switch up.Kind() {
	case "if_statement", "conditional_expression":
		branches := []syntax.Node{up.Field("consequence"), up.Field("alternative")}
		for i, br := range branches {
			if br.Same(child) || br.Contains(child) {
				other := branches[1-i]
				return !other.IsNull() && (other.Same(b) || other.Contains(b))
			}
		}
	case "switch_body", "switch_statement", "switch_expression":
		return child.Is("switch_section", "switch_expression_arm")
	}
	return false
}

// checkResult reports `vt.Result` (or `vt.GetAwaiter().GetResult()`) on a
// ValueTask when nothing before it in the function checks IsCompleted /
// IsCompletedSuccessfully. A local that was consumed earlier is
// checkLocal's business.
func checkResult(p *rules.Pass, access syntax.Node) {
	var vt syntax.Node
	switch syntax.SimpleName(access) {
	case "Result":
		if parent := access.Parent(); parent.Kind() == "assignment_expression" && parent.Field("left").Same(access) ||
			parent.Kind() == "invocation_expression" && parent.Field("function").Same(access) {
			return
		}
		vt = access.Field("expression")
	case "GetResult":
		inner := access.Field("expression")
		if inner.Kind() != "invocation_expression" || syntax.CalleeName(inner) != "GetAwaiter" {
			return
		}
		vt = syntax.Receiver(inner)
	default:
		return
	}
	// A dual API's sync entry (`ReadCoreAsync(useAsync: false).GetAwaiter().GetResult()`)
	// unwraps a ValueTask its core has already completed.
	if vt.IsNull() || !isValueTask(p.TypeOf(vt)) || checkedBefore(access, vt) || p.IsSyncEntryOfDualAPI(vt) {
		return
	}
	what := access.Text()
	if access.Parent().Kind() == "invocation_expression" {
		what = access.Parent().Text()
	}
	msg := rules.Quote(what) + " reads a ValueTask's result without knowing it has completed: unlike a Task, a ValueTask " +
		"need not support blocking until it is done. Await it, or check IsCompletedSuccessfully first."
	p.Report(rules.Diagnostic{Start: access.Start(), End: access.End(), Message: msg})
}

// checkedBefore reports whether the function mentions the same variable
// earlier in a completion check, an await, or any other consumption (the
// fast path `if (vt.IsCompletedSuccessfully) return vt.Result;`).
func checkedBefore(access, vt syntax.Node) bool {
	vt = syntax.StripParens(vt)
	if vt.Kind() != "identifier" {
		return false
	}
	fn := syntax.EnclosingFunction(access)
	found := syntax.Body(fn).Find(func(n syntax.Node) bool {
		if n.Start() >= access.Start() || n.Kind() != "identifier" || n.Text() != vt.Text() {
			return false
		}
		return isCompletionCheck(n) || !consumer(n).IsNull()
	}, nil)
	return !found.IsNull()
}
