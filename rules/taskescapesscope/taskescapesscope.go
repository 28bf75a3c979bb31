// Package taskescapesscope is ASY017: a task leaves the scope meant to
// cover it before it completes. A non-async method returns a task from
// inside a `using` whose resource the task uses, or from a `try` with a
// catch or finally; or a task using a `using` resource is started and not
// awaited inside that `using`.
package taskescapesscope

import (
	"github.com/asyncsense/asyncsense/rules"
	"github.com/asyncsense/asyncsense/syntax"
)

var Analyzer = &rules.Analyzer{
	ID:       "ASY017",
	Name:     "task-escapes-scope",
	Severity: rules.Warning,
	Summary:  "Task returned from inside using/try (or fired inside using) outlives the scope that should cover it",
	Fix:      "unsafe",
	Kinds:    []string{"return_statement", "expression_statement"},
	Run:      run,
}

func run(p *rules.Pass, stmt syntax.Node) {
	if stmt.Kind() == "return_statement" {
		checkReturn(p, stmt)
	} else {
		checkFireAndForget(p, stmt)
	}
}

func checkReturn(p *rules.Pass, ret syntax.Node) {
	fn := syntax.EnclosingFunction(ret)
	if !fn.Is("method_declaration", "local_function_statement") || syntax.IsAsync(fn) ||
		!rules.IsTaskType(syntax.TypeName(syntax.ReturnType(fn))) {
		return
	}
	task := syntax.StripParens(syntax.FirstCode(ret))
	if !inFlight(task) {
		return
	}
	msg := escapeReason(p, ret, fn, task)
	if msg == "" {
		return
	}
	var fixes []rules.Fix
	if fix, ok := asyncFix(p, fn); ok {
		fixes = []rules.Fix{fix}
	}
	p.Report(rules.Diagnostic{Start: task.Start(), End: task.End(), Message: msg, Fixes: fixes})
}

// escapeReason explains why returning task from ret leaves a scope too
// early, or returns "" when nothing around the return covers it.
func escapeReason(p *rules.Pass, ret, fn, task syntax.Node) string {
	call := rules.Quote(task.Text())
	for child, up := ret, ret.Parent(); !up.IsNull() && !up.Same(fn); child, up = up, up.Parent() {
		switch up.Kind() {
		case "using_statement":
			if child.Same(up.Field("body")) {
				if msg := usingReason(p, task, up, call); msg != "" {
					return msg
				}
			}
		case "block":
			for _, st := range up.NamedChildren() {
				if st.Start() >= child.Start() {
					break
				}
				if isUsingDeclaration(st) {
					if msg := usingReason(p, task, st, call); msg != "" {
						return msg
					}
				}
			}
		case "try_statement":
			if !child.Same(up.Field("body")) {
				continue
			}
			if !up.ChildOfKind("finally_clause").IsNull() {
				return "The `finally` block runs as soon as " + call + " hands back its task, before the work is done; " +
					"make the method async and `return await` it."
			}
			if catchesOnlyToRethrowAsync(up) {
				continue
			}
			if !up.ChildOfKind("catch_clause").IsNull() {
				return "The `catch` only sees exceptions thrown while " + call + " starts; the task's own failure passes it by. " +
					"Make the method async and `return await` it."
			}
		}
	}
	return ""
}

// usingReason explains why returning task leaves the `using` u too early:
// the task uses its resource. A using that is only a scope (a logger's
// BeginScope) is left alone: such scopes live in AsyncLocal state, which
// the started work captured when it began, so they still cover it.
func usingReason(p *rules.Pass, task, u syntax.Node, call string) string {
	if decl := u.ChildOfKind("variable_declaration"); !decl.IsNull() {
		if r := usedResource(p, task, decl); r != "" {
			return disposedMsg(r, call)
		}
		if a := startedActivity(decl); a != "" {
			return "Disposing " + rules.Quote(a) + " stops the activity as soon as " + call +
				" hands back its task: the span's duration ends before the work it traces. Make the method async and `return await` it."
		}
		return ""
	}
	for _, c := range u.NamedChildren() {
		if c.Same(u.Field("body")) {
			continue
		}
		// `using (db) { return db.SaveChangesAsync(); }`
		if id := syntax.StripParens(c); id.Kind() == "identifier" && reachesResource(p, task, id) {
			return disposedMsg(id.Text(), call)
		}
		break
	}
	return ""
}

// startedActivity returns the name of a variable holding a started
// System.Diagnostics.Activity (`source.StartActivity(...)`), whose Dispose
// stops it; "" otherwise. Unlike a logging scope, what ends early here is a
// measurement: the span's end time.
func startedActivity(decl syntax.Node) string {
	for _, d := range decl.NamedChildren() {
		if d.Kind() != "variable_declarator" {
			continue
		}
		init := syntax.StripParens(d.NamedChild(d.NamedChildCount() - 1))
		if init.Kind() == "invocation_expression" && syntax.CalleeName(init) == "StartActivity" {
			return d.Field("name").Text()
		}
	}
	return ""
}

func reachesResource(p *rules.Pass, task, id syntax.Node) bool {
	hit := task.Find(func(n syntax.Node) bool {
		return n.Kind() == "identifier" && n.Text() == id.Text() && reachesTask(p, n, task)
	}, nil)
	return !hit.IsNull()
}

func disposedMsg(resource, call string) string {
	return rules.Quote(resource) + " is disposed as soon as " + call + " hands back its task, while that task may still be using it; " +
		"make the method async and `return await` it."
}

// inFlight reports whether a returned expression starts work that may
// still be running: a call, except the factories of completed tasks.
func inFlight(e syntax.Node) bool {
	if e.Kind() != "invocation_expression" {
		return false
	}
	switch syntax.CalleeName(e) {
	case "FromResult", "FromException", "FromCanceled", "CompletedTask":
		return false
	}
	return true
}

// usedResource returns the name of a variable declared by decl that the
// task started by call may still be using, or "".
func usedResource(p *rules.Pass, call, decl syntax.Node) string {
	if decl.IsNull() {
		return ""
	}
	for _, d := range decl.NamedChildren() {
		if d.Kind() != "variable_declarator" {
			continue
		}
		name := d.Field("name")
		hit := call.Find(func(n syntax.Node) bool {
			return n.Kind() == "identifier" && n.Text() == name.Text() && syntax.Resolve(n).Name.Same(name) && reachesTask(p, n, call)
		}, nil)
		if !hit.IsNull() {
			return name.Text()
		}
	}
	return ""
}

// reachesTask reports whether the resource named by id is handed to the
// work behind call: captured by a lambda, the receiver of call or of another
// task-returning call inside it (`conn.ExecuteAsync(...)`), or passed to one
// as an argument, possibly wrapped in an object (`new StringContent(...)`).
// A value merely read from it first (`ProcessAsync(reader.ReadToEnd())`,
// `reader.CurrentEncoding.WebName`) is not: that read is over before the
// task exists.
func reachesTask(p *rules.Pass, id, call syntax.Node) bool {
	for n := id.Parent(); !n.IsNull() && !n.Same(call); n = n.Parent() {
		if syntax.IsFunction(n) {
			return true
		}
	}
	member := false
	for child, n := id, id.Parent(); !n.IsNull(); child, n = n, n.Parent() {
		switch n.Kind() {
		case "member_access_expression":
			if !n.Field("expression").Same(child) {
				return false
			}
			member = true
		case "invocation_expression":
			if !n.Same(call) && !p.CallStartsTask(n) {
				// `db.Orders.Where(...).ExecuteDeleteAsync()`: a query built
				// on the resource is read when the task runs it.
				if n.Field("function").Same(child) && member && rules.IsDeferredQueryOperator(syntax.CalleeName(n)) {
					continue
				}
				return false
			}
			return n.Field("function").Same(child) || !member
		case "argument", "argument_list", "parenthesized_expression", "cast_expression",
			"object_creation_expression", "initializer_expression", "assignment_expression":
			if member {
				return false
			}
		default:
			return false
		}
	}
	return false
}

func isUsingDeclaration(st syntax.Node) bool {
	return st.Kind() == "local_declaration_statement" && !st.ChildOfKind("using").IsNull()
}

// catchesOnlyToRethrowAsync recognises the deliberate pattern of turning
// an exception thrown while starting the call into a faulted task: every
// catch clause returns `Task.FromException(ex)` (or FromCanceled). A catch
// that returns a fallback (`Task.FromResult(0)`) is the bug itself: it
// means to handle the operation's failure, which happens later, inside
// the task.
func catchesOnlyToRethrowAsync(try syntax.Node) bool {
	found := false
	for _, c := range try.NamedChildren() {
		if c.Kind() != "catch_clause" {
			continue
		}
		found = true
		ret := c.Find(func(n syntax.Node) bool { return n.Kind() == "return_statement" && n.NamedChildCount() > 0 },
			func(n syntax.Node) bool { return syntax.IsFunction(n) })
		if ret.IsNull() {
			return false
		}
		switch syntax.CalleeName(syntax.StripParens(syntax.FirstCode(ret))) {
		case "FromException", "FromCanceled":
		default:
			return false
		}
	}
	return found
}

// checkFireAndForget flags `res.WriteAsync(...);` or `_ = res.WriteAsync(...);`
// inside the scope of `using (var res = ...)`: the resource is disposed while
// the unawaited task may still be using it.
func checkFireAndForget(p *rules.Pass, stmt syntax.Node) {
	call := syntax.StripParens(syntax.FirstCode(stmt))
	if call.Kind() == "assignment_expression" && call.Field("left").Text() == "_" && syntax.Resolve(call.Field("left")).Kind == syntax.DeclNone {
		call = syntax.StripParens(call.Field("right"))
	}
	if call.Kind() != "invocation_expression" {
		return
	}
	// The cheap syntactic test first: most statements are in no using.
	resource := enclosingResource(p, stmt, call)
	if resource == "" || !p.CallStartsTask(call) {
		return
	}
	msg := rules.Quote(call.Text()) + " is not awaited, so " + rules.Quote(resource) +
		" may be disposed at the end of its `using` while the task still uses it; await it."
	var fixes []rules.Fix
	if rules.CanAwaitAt(call) {
		fixes = []rules.Fix{{
			Title:  "Await the task inside the using",
			Safety: rules.Safe,
			Edits:  []rules.Edit{rules.Replace(syntax.FirstCode(stmt), "await "+call.Text())},
		}}
	}
	p.Report(rules.Diagnostic{Start: call.Start(), End: call.End(), Message: msg, Fixes: fixes})
}

// enclosingResource finds a `using` resource in scope at stmt (statement
// form or declaration, within the same function) that call mentions.
func enclosingResource(p *rules.Pass, stmt, call syntax.Node) string {
	for child, up := stmt, stmt.Parent(); !up.IsNull() && !syntax.IsFunction(up); child, up = up, up.Parent() {
		switch up.Kind() {
		case "using_statement":
			if child.Same(up.Field("body")) {
				if r := usedResource(p, call, up.ChildOfKind("variable_declaration")); r != "" {
					return r
				}
			}
		case "block":
			for _, st := range up.NamedChildren() {
				if st.Start() >= child.Start() {
					break
				}
				if isUsingDeclaration(st) {
					if r := usedResource(p, call, st.ChildOfKind("variable_declaration")); r != "" {
						return r
					}
				}
			}
		}
	}
	return ""
}
