package blockingwait

import (
	"strings"

	"github.com/asyncsense/asyncsense/rules"
	"github.com/asyncsense/asyncsense/syntax"
)

// knownComplete reports whether the code has already made sure the task is
// finished before `access` reads it, so the read cannot block:
//   - the same task was awaited, or passed to an awaited Task.WhenAll or to
//     Task.WaitAll, earlier in the same function;
//   - the read is guarded by the task's IsCompleted/IsCompletedSuccessfully/
//     IsFaulted/IsCanceled/Status (a deliberate fast path);
//   - the read is the antecedent inside a ContinueWith continuation.
func knownComplete(p *rules.Pass, access, task syntax.Node) bool {
	root := rootName(task)
	if root == "" {
		return false
	}
	if inContinuationOf(access, root) {
		return true
	}
	fn := syntax.EnclosingFunction(access)
	body := outermostBody(fn)
	sources := collectionSources(access, root)
	evidence := func(n syntax.Node) bool {
		if n.Start() >= access.Start() {
			return false
		}
		switch n.Kind() {
		case "await_expression":
			return mentions(n, root, sources) && runsBefore(n, access)
		case "invocation_expression":
			f := n.Field("function")
			return f.Kind() == "member_access_expression" && f.Field("expression").Text() == "Task" &&
				syntax.SimpleName(f) == "WaitAll" && mentions(n, root, sources) && runsBefore(n, access)
		case "member_access_expression":
			switch n.Field("name").Text() {
			case "IsCompleted", "IsCompletedSuccessfully", "IsFaulted", "IsCanceled", "Status":
				return rootName(n.Field("expression")) == root
			}
		}
		return false
	}
	// The newest evidence decides, and only while the variable still holds
	// the task it was about: `await task; task = Task.Run(...); _ = task.Result`
	// reads a new task.
	var last syntax.Node
	body.Find(func(n syntax.Node) bool {
		if evidence(n) {
			last = n
		}
		return false
	}, func(n syntax.Node) bool { return n.Start() >= access.Start() })
	return !last.IsNull() && !reassignedBetween(body, root, last, access)
}

// runsBefore reports whether the evidence always runs before access: it is
// not inside a branch, loop body, catch or nested function that access is
// not inside too (`if (c) { await task; } _ = task.Result;` may block).
func runsBefore(evidence, access syntax.Node) bool {
	for child, a := evidence, evidence.Parent(); !a.IsNull(); child, a = a, a.Parent() {
		if a.Contains(access) {
			return true
		}
		switch a.Kind() {
		case "if_statement", "while_statement", "conditional_expression":
			if !a.Field("condition").Same(child) {
				return false
			}
		case "for_statement", "foreach_statement":
			if a.Field("body").Same(child) {
				return false
			}
		case "binary_expression":
			switch a.Field("operator").Text() {
			case "&&", "||", "??":
				if a.Field("right").Same(child) {
					return false
				}
			}
		case "switch_section", "catch_clause", "finally_clause", "conditional_access_expression",
			"lambda_expression", "anonymous_method_expression", "local_function_statement", "switch_expression_arm":
			return false
		}
	}
	return false
}

// reassignedBetween reports whether root is assigned after the evidence
// starts and before access.
func reassignedBetween(body syntax.Node, root string, evidence, access syntax.Node) bool {
	found := body.Find(func(n syntax.Node) bool {
		return n.Kind() == "assignment_expression" && n.Start() > evidence.Start() && n.Start() < access.Start() &&
			rootName(n.Field("left")) == root
	}, func(n syntax.Node) bool { return n.End() <= evidence.Start() || n.Start() >= access.Start() })
	return !found.IsNull()
}

// outermostBody widens the search to the enclosing member when the read sits
// in a lambda: `tasks.Select(t => t.Result)` after `await Task.WhenAll(tasks)`.
func outermostBody(fn syntax.Node) syntax.Node {
	for fn.Is("lambda_expression", "anonymous_method_expression") {
		outer := syntax.EnclosingFunction(fn)
		if outer.IsNull() {
			break
		}
		fn = outer
	}
	if b := syntax.Body(fn); !b.IsNull() {
		return b
	}
	return fn
}

// rootName is the variable a task expression starts from: `t` in `t`,
// `tasks` in `tasks[0]`, `this._t` → `_t`; "" for calls, whose every
// evaluation is a new task.
func rootName(n syntax.Node) string {
	n = syntax.StripParens(n)
	switch n.Kind() {
	case "identifier":
		return n.Text()
	case "element_access_expression":
		return rootName(n.Field("expression"))
	case "member_access_expression":
		if syntax.IsThis(n.Field("expression")) {
			return n.Field("name").Text()
		}
		return rootName(n.Field("expression")) + "." + n.Field("name").Text()
	}
	return ""
}

// collectionSources names the collections a lambda parameter or foreach
// variable called root iterates: `tasks` for `tasks.Select(t => t.Result)`
// and `foreach (var t in tasks)`.
func collectionSources(access syntax.Node, root string) []string {
	var out []string
	for p := access.Parent(); !p.IsNull(); p = p.Parent() {
		switch p.Kind() {
		case "foreach_statement":
			if p.Field("left").Text() == root {
				out = append(out, rootName(p.Field("right")))
			}
		case "lambda_expression":
			for _, param := range syntax.Parameters(p) {
				name := param.Text()
				if param.Kind() == "parameter" {
					name = param.Field("name").Text()
				}
				if name != root {
					continue
				}
				// lambda → argument → argument_list → invocation
				if inv := p.Parent().Parent().Parent(); inv.Kind() == "invocation_expression" {
					out = append(out, rootName(syntax.Receiver(inv)))
				}
			}
		}
	}
	return out
}

func mentions(n syntax.Node, root string, sources []string) bool {
	found := n.Find(func(x syntax.Node) bool {
		r := rootName(x)
		if r == "" {
			return false
		}
		if r == root || strings.HasPrefix(r, root+".") {
			return true
		}
		for _, s := range sources {
			if s != "" && (r == s || strings.HasPrefix(r, s+".")) {
				return true
			}
		}
		return false
	}, nil)
	return !found.IsNull()
}

// inContinuationOf reports whether access is inside a lambda passed to
// ContinueWith whose antecedent is root (the lambda's parameter, or the
// task ContinueWith was called on).
func inContinuationOf(access syntax.Node, root string) bool {
	for p := access.Parent(); !p.IsNull(); p = p.Parent() {
		if !p.Is("lambda_expression", "anonymous_method_expression") {
			continue
		}
		inv := p.Parent().Parent().Parent()
		if inv.Kind() != "invocation_expression" || syntax.CalleeName(inv) != "ContinueWith" {
			continue
		}
		params := syntax.Parameters(p)
		if len(params) > 0 {
			first := params[0]
			if first.Kind() == "parameter" {
				first = first.Field("name")
			}
			if first.Text() == root {
				return true
			}
		}
		if rootName(syntax.Receiver(inv)) == root {
			return true
		}
	}
	return false
}
