// Package threadsleep is ASY005: Thread.Sleep inside an async method,
// lambda or local function, which blocks the thread the method runs on
// where `await Task.Delay` would release it.
package threadsleep

import (
	"strings"

	"github.com/asyncsense/asyncsense/rules"
	"github.com/asyncsense/asyncsense/syntax"
)

var Analyzer = &rules.Analyzer{
	ID:       "ASY005",
	Name:     "thread-sleep-in-async",
	Severity: rules.Warning,
	Summary:  "Thread.Sleep inside an async method or lambda blocks the thread; await Task.Delay instead",
	Fix:      "safe",
	Kinds:    []string{"invocation_expression"},
	Run:      run,
}

func run(p *rules.Pass, call syntax.Node) {
	if !isThreadSleep(p, call) {
		return
	}
	// The innermost function decides: a plain lambda inside an async method
	// (`items.ForEach(i => Thread.Sleep(i))`) runs synchronously anyway.
	fn := syntax.EnclosingFunction(call)
	if !rules.PromisesAsync(fn) || rules.InSyncBranchOfDualAPI(call) {
		return
	}
	args := call.Field("arguments").NamedChildren()
	if len(args) != 1 || args[0].Kind() != "argument" {
		return
	}
	// Drop a parameter name: Thread.Sleep's (millisecondsTimeout, timeout)
	// differ from Task.Delay's (millisecondsDelay, delay).
	delay := args[0].NamedChild(args[0].NamedChildCount() - 1)
	quoted := rules.Quote(call.Text())
	where := "async " + functionWord(fn)
	if !syntax.IsAsync(fn) {
		// No await is legal here, so no fix: making the method async
		// changes what its return statements mean.
		p.Reportf(call, nil, "%s blocks the caller of this %s-returning %s: it gets its task only after the whole pause; make the method async and %s.",
			quoted, syntax.GenericBase(syntax.TypeName(syntax.ReturnType(fn))), functionWord(fn), rules.Quote("await Task.Delay(...)"))
		return
	}

	if delay.Kind() == "integer_literal" && delay.Text() == "0" {
		// Sleep(0) only offers the rest of the time slice to other threads;
		// Task.Delay(0) would complete at once and yield nothing.
		p.Reportf(call, fixes(p, call, fn, "Task.Yield()", "Replace Thread.Sleep(0) with await Task.Yield()", rules.Unsafe),
			"%s in an %s keeps the thread busy instead of handing it back; `await Task.Yield()` lets other work run.", quoted, where)
		return
	}
	replacement := "Task.Delay(" + delay.Text() + ")"
	p.Reportf(call, fixes(p, call, fn, replacement, "Replace Thread.Sleep with await Task.Delay", rules.Safe),
		"%s blocks the thread running this %s for the whole pause; %s waits on a timer and frees the thread.",
		quoted, where, rules.Quote("await "+replacement))
}

// fixes returns the await fix when the call stands where an awaited
// Task.Delay means the same thing: a statement of its own, or the whole
// body of an async lambda, in a place where await compiles.
func fixes(p *rules.Pass, call, fn syntax.Node, awaited, title string, safety rules.Safety) []rules.Fix {
	parent := call.Parent()
	standsAlone := parent.Kind() == "expression_statement" || parent.Same(fn) && syntax.Body(fn).Same(call)
	if !standsAlone || !rules.CanAwaitAt(call) {
		return nil
	}
	text := rules.AwaitText(call, rules.TaskQualifier(call)+awaited)
	return []rules.Fix{{Title: title, Safety: safety, Edits: []rules.Edit{rules.Replace(call, text)}}}
}

// isThreadSleep recognises System.Threading.Thread.Sleep however it is
// spelled: `Thread.Sleep`, fully qualified, or `Sleep` under
// `using static System.Threading.Thread;`, unless the workspace declares
// its own Thread type or Sleep method that the name could mean instead.
func isThreadSleep(p *rules.Pass, call syntax.Node) bool {
	fn := call.Field("function")
	switch fn.Kind() {
	case "member_access_expression":
		if fn.Field("name").Text() != "Sleep" {
			return false
		}
		recv := fn.Field("expression")
		switch strings.TrimPrefix(strings.Join(strings.Fields(recv.Text()), ""), "global::") {
		case "System.Threading.Thread":
			return true
		case "Thread":
			return syntax.Resolve(recv).Kind == syntax.DeclNone && !workspaceThreadSleep(p)
		}
	case "identifier":
		return fn.Text() == "Sleep" && len(p.Index.Methods("Sleep")) == 0 && importsThreadStatically(call)
	}
	return false
}

func workspaceThreadSleep(p *rules.Pass) bool {
	for _, t := range p.Index.Types("Thread") {
		for _, m := range t.Methods {
			if m == "Sleep" {
				return true
			}
		}
	}
	return false
}

func importsThreadStatically(n syntax.Node) bool {
	found := n.File().Root().Find(func(x syntax.Node) bool {
		if x.Kind() != "using_directive" || x.ChildOfKind("static").IsNull() {
			return false
		}
		name := x.NamedChild(x.NamedChildCount() - 1)
		return strings.Join(strings.Fields(name.Text()), "") == "System.Threading.Thread"
	}, func(x syntax.Node) bool {
		// usings sit at the top of the file or of a namespace
		return !x.Is("compilation_unit", "namespace_declaration", "file_scoped_namespace_declaration", "declaration_list")
	})
	return !found.IsNull()
}

func functionWord(fn syntax.Node) string {
	switch fn.Kind() {
	case "lambda_expression":
		return "lambda"
	case "anonymous_method_expression":
		return "anonymous method"
	case "local_function_statement":
		return "local function"
	}
	return "method"
}
