// Package unobservedtask is ASY004: a statement that calls a task-returning
// method and drops the task, so its failure is never observed and the code
// after it runs while the operation is still in flight.
package unobservedtask

import (
	"strings"

	"github.com/asyncsense/asyncsense/rules"
	"github.com/asyncsense/asyncsense/syntax"
)

var Analyzer = &rules.Analyzer{
	ID:       "ASY004",
	Name:     "unobserved-task",
	Severity: rules.Warning,
	Summary:  "A call whose task is dropped: neither awaited, stored, returned nor passed on",
	Fix:      "safe",
	Kinds:    []string{"expression_statement", "lambda_expression"},
	Run:      run,
}

func run(p *rules.Pass, n syntax.Node) {
	if n.Kind() == "lambda_expression" {
		runLambda(p, n)
		return
	}
	call := n.NamedChild(0)
	if call.Kind() != "invocation_expression" {
		return
	}
	if isTaskYield(call) {
		reportYield(p, call)
		return
	}
	if !dropsTask(p, call) {
		return
	}
	quoted := rules.Quote(call.Text())
	discard := rules.Fix{
		Title:  "Discard the task explicitly with `_ =`",
		Safety: rules.Safe,
		Edits:  []rules.Edit{rules.Insert(call.Start(), "_ = ")},
	}
	// `await x?.SaveAsync()` throws when x is null, where the statement
	// did nothing: only the discard keeps the meaning there.
	if rules.CanAwaitAt(call) && !nullConditional(call) {
		await := rules.Fix{
			Title:  "Await the task",
			Safety: rules.Safe,
			Edits:  []rules.Edit{rules.Insert(call.Start(), "await ")},
		}
		p.Reportf(call, []rules.Fix{await, discard},
			"The task returned by %s is dropped: exceptions go unobserved and the caller continues before it finishes; await it or discard it explicitly with `_ =`.", quoted)
		return
	}
	p.Reportf(call, []rules.Fix{discard},
		"The task returned by %s is dropped: exceptions go unobserved and the caller continues before it finishes; await it in an async method or discard it explicitly with `_ =`.", quoted)
}

// runLambda covers `items.ForEach(i => SaveAsync(i))`: an expression
// lambda converted to a void-returning delegate evaluates its body as a
// statement, so the task the call returns is dropped just the same.
func runLambda(p *rules.Pass, lambda syntax.Node) {
	call := syntax.StripParens(syntax.Body(lambda))
	if syntax.IsAsync(lambda) || call.Kind() != "invocation_expression" || !dropsTask(p, call) {
		return
	}
	target, _ := p.VoidDelegateTarget(lambda)
	if target == "" {
		return
	}
	discard := rules.Fix{
		Title:  "Discard the task explicitly with `_ =`",
		Safety: rules.Safe,
		Edits:  []rules.Edit{rules.Insert(call.Start(), "_ = ")},
	}
	p.Reportf(call, []rules.Fix{discard},
		"%s returns a task, but this lambda is converted to %s, which returns void: the task is dropped, its exceptions go unobserved and nothing waits for it to finish.", rules.Quote(call.Text()), target)
}

// isTaskYield recognises `Task.Yield()`: its awaitable does nothing until
// it is awaited, so as a statement of its own it is a forgotten await.
func isTaskYield(call syntax.Node) bool {
	fn := call.Field("function")
	if fn.Kind() != "member_access_expression" || fn.Field("name").Text() != "Yield" || call.Field("arguments").NamedChildCount() != 0 {
		return false
	}
	recv := strings.TrimPrefix(strings.Join(strings.Fields(fn.Field("expression").Text()), ""), "global::")
	return recv == "Task" || recv == "System.Threading.Tasks.Task"
}

func reportYield(p *rules.Pass, call syntax.Node) {
	if rules.CanAwaitAt(call) {
		await := rules.Fix{Title: "Await Task.Yield()", Safety: rules.Safe, Edits: []rules.Edit{rules.Insert(call.Start(), "await ")}}
		p.Reportf(call, []rules.Fix{await}, "%s does nothing unless it is awaited: without `await` the method does not yield at all.", rules.Quote(call.Text()))
		return
	}
	p.Reportf(call, nil, "%s does nothing unless it is awaited, and this function is not async: remove it, or make the function async and await it.", rules.Quote(call.Text()))
}

// dropsTask reports whether the statement's call is known to produce a
// task (or a configured task awaitable) that nothing observes.
func dropsTask(p *rules.Pass, call syntax.Node) bool {
	name := syntax.CalleeName(call)
	recv := syntax.Receiver(call)
	switch {
	case rules.OnVerificationChain(call):
		return false
	case syntax.SimpleName(recv) == "Assert":
		// xUnit's Assert.ThrowsAsync returns a task (ASY033 reports the
		// unchecked assertion as well); NUnit's blocks and returns the
		// exception.
		return rules.DropsAssertionTask(p, call)
	case rules.IsFluentBuilder(name) && !workspaceTask(p, name):
		return false
	case name == "ContinueWith":
		// The classic way to observe a fire-and-forget task's failure is a
		// continuation that logs it; the continuation itself rarely throws.
		return false
	case name == "ConfigureAwait":
		// `SaveAsync().ConfigureAwait(false);` is an await that was forgotten.
		return p.IsTask(recv) == rules.Yes
	}
	if t := delegateType(p, call.Field("function")); t != "" {
		// A delegate variable: only Func<..., Task> hands back a task.
		return syntax.GenericBase(t) == "Func" && rules.IsTaskType(lastTypeArgument(t))
	}
	return !frameworkNonTask(p, recv, name) && p.CallStartsTask(call)
}

// workspaceTask reports whether the workspace declares a task-returning
// method of this name, which outranks a library's fluent API of the same name.
func workspaceTask(p *rules.Pass, name string) bool {
	for _, m := range p.Index.Methods(name) {
		if rules.IsTaskType(m.Return) {
			return true
		}
	}
	return false
}

// delegateType returns the declared type when the callee is a variable,
// field or property (a delegate being invoked) rather than a method.
func delegateType(p *rules.Pass, fn syntax.Node) string {
	switch fn.Kind() {
	case "identifier":
		// TypeOf answers for names only from locals, parameters, fields and
		// properties, never from methods.
		return p.TypeOf(fn)
	case "member_access_expression":
		recv, name := fn.Field("expression"), fn.Field("name").Text()
		if recv.Is("this", "this_expression") {
			if d := syntax.MemberDecl(syntax.EnclosingType(fn), name); d.Kind != syntax.DeclNone {
				return syntax.TypeName(d.Type)
			}
			return ""
		}
		owner := syntax.GenericBase(p.TypeOf(recv))
		for _, m := range p.Index.Members(name) {
			if owner != "" && m.Type == owner {
				return m.MemberType
			}
		}
	}
	return ""
}

// frameworkNonTask catches receivers whose type syntax cannot tell but
// whose name the API table knows, such as WPF's inherited `Dispatcher`
// property in `this.Dispatcher.InvokeAsync(...)`: a DispatcherOperation,
// not a task. It can only silence a finding, never create one.
func frameworkNonTask(p *rules.Pass, recv syntax.Node, name string) bool {
	if recv.IsNull() || p.TypeOf(recv) != "" {
		return false
	}
	v, ok := rules.API.Lookup("returns", syntax.SimpleName(recv), name)
	return ok && !rules.IsTaskType(v)
}

// nullConditional reports whether the call sits at the end of a `?.` chain,
// so its value is null when a receiver on the way is.
func nullConditional(call syntax.Node) bool {
	for n := call.Field("function"); !n.IsNull(); {
		switch n.Kind() {
		case "conditional_access_expression":
			return true
		case "member_access_expression", "element_access_expression":
			n = n.Field("expression")
		case "invocation_expression":
			n = n.Field("function")
		default:
			return false
		}
	}
	return false
}

// lastTypeArgument returns the last top-level type argument of a generic
// type name: "Task<int>" for "Func<string,Task<int>>".
func lastTypeArgument(t string) string {
	open := strings.IndexByte(t, '<')
	if open < 0 || !strings.HasSuffix(t, ">") {
		return ""
	}
	args := t[open+1 : len(t)-1]
	depth, start := 0, 0
	for i, r := range args {
		switch r {
		case '<', '(':
			depth++
		case '>', ')':
			depth--
		case ',':
			if depth == 0 {
				start = i + 1
			}
		}
	}
	return args[start:]
}
