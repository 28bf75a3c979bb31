// Package unstartedtask is ASY015: `new Task(...)` creates a cold task that
// does nothing until Start() is called; when nothing in the method starts
// it, whoever waits for it waits forever.
package unstartedtask

import (
	"strings"

	"github.com/asyncsense/asyncsense/rules"
	"github.com/asyncsense/asyncsense/syntax"
)

var Analyzer = &rules.Analyzer{
	ID:       "ASY015",
	Name:     "unstarted-task",
	Severity: rules.Warning,
	Summary:  "new Task(...) that is never started: awaiting or waiting on it hangs",
	Fix:      "safe",
	Kinds:    []string{"object_creation_expression"},
	Run:      run,
}

func run(p *rules.Pass, creation syntax.Node) {
	typ := syntax.TypeName(creation.Field("type"))
	if syntax.GenericBase(typ) != "Task" || len(p.Index.Types("Task")) > 0 {
		return
	}
	use := outerUse(creation)
	var direct bool
	switch {
	case use.Parent().Kind() == "variable_declarator" && use.Parent().Parent().Parent().Kind() == "local_declaration_statement":
		if !neverStarted(use.Parent()) {
			return
		}
	case use.Parent().Kind() == "expression_statement", returned(use):
	case isFieldAssignment(use):
		if !fieldNeverStarted(use) {
			return
		}
	case consumes(use):
		direct = true
	default:
		return // stored or passed on: the receiver may start it
	}
	msg := rules.Quote(creation.Text()) + " creates a task that does not run until Start() is called, and nothing here starts it: " +
		"waiting for it never ends. Use Task.Run to create and start it at once."
	p.Report(rules.Diagnostic{Start: creation.Start(), End: creation.End(), Message: msg, Fixes: runFix(p, creation, direct)})
}

// outerUse climbs out of parentheses and casts to the expression whose
// parent decides what happens to the task.
func outerUse(n syntax.Node) syntax.Node {
	for n.Parent().Is("parenthesized_expression", "cast_expression") {
		n = n.Parent()
	}
	return n
}

// returned reports whether the task is what a method returns. The
// task-based pattern expects a returned task to be running already, so a
// caller awaits it rather than starting it: returning it cold hangs them.
func returned(e syntax.Node) bool {
	switch e.Parent().Kind() {
	case "return_statement":
		return true
	case "arrow_expression_clause":
		return !syntax.EnclosingFunction(e).Is("lambda_expression", "anonymous_method_expression")
	}
	return false
}

// consumes reports whether the expression e (a task) is used in a way that
// waits for it or chains on it, without starting it: awaited, .Wait(),
// .Result, .GetAwaiter(), .ConfigureAwait(), .ContinueWith(), or passed to
// Task.WhenAll/WhenAny/WaitAll/WaitAny (directly or in an array).
func consumes(e syntax.Node) bool {
	parent := e.Parent()
	switch parent.Kind() {
	case "await_expression":
		return true
	case "member_access_expression":
		if !parent.Field("expression").Same(e) {
			return false
		}
		switch parent.Field("name").Text() {
		case "Wait", "Result", "GetAwaiter", "ConfigureAwait", "ContinueWith", "IsCompleted", "Status":
			return true
		}
	case "argument":
		return isCombinator(parent.Parent().Parent())
	case "initializer_expression":
		// new[] { t1, t2 } → argument → argument_list → invocation
		return isCombinator(parent.Parent().Parent().Parent().Parent())
	}
	return false
}

func isCombinator(call syntax.Node) bool {
	if call.Kind() != "invocation_expression" || syntax.SimpleName(syntax.Receiver(call)) != "Task" {
		return false
	}
	switch syntax.CalleeName(call) {
	case "WhenAll", "WhenAny", "WaitAll", "WaitAny":
		return true
	}
	return false
}

// neverStarted reports whether the local declared by decl is never started
// in its function: every use waits for it, chains on it or returns it. A
// use anywhere else (stored, passed to a method, captured in another
// expression) might start it, so the answer is then no.
func neverStarted(decl syntax.Node) bool {
	name := decl.Field("name")
	fn := syntax.EnclosingFunction(decl)
	body := syntax.Body(fn)
	if body.IsNull() {
		return false
	}
	ok := true
	body.Walk(func(n syntax.Node) bool {
		if !ok {
			return false
		}
		if n.Kind() != "identifier" || n.Text() != name.Text() || n.Same(name) {
			return true
		}
		if d := syntax.Resolve(n); !d.Name.Same(name) {
			return true
		}
		if use := outerUse(n); !consumes(use) && !returned(use) {
			ok = false
		}
		return true
	})
	return ok
}

// isFieldAssignment reports whether e is the value assigned to a field of
// the enclosing type (`_warmup = new Task(...)`, `this._warmup = ...`).
func isFieldAssignment(e syntax.Node) bool {
	assign := e.Parent()
	if assign.Kind() != "assignment_expression" || !assign.Field("right").Same(e) || assign.Field("operator").Text() != "=" {
		return false
	}
	left := assign.Field("left")
	switch {
	case left.Kind() == "member_access_expression" && syntax.IsThis(left.Field("expression")):
		return syntax.MemberDecl(syntax.EnclosingType(e), syntax.SimpleName(left)).Kind == syntax.DeclField
	case left.Kind() == "identifier":
		return syntax.Resolve(left).Kind == syntax.DeclField
	}
	return false
}

// fieldNeverStarted reports whether the field the task is stored in is a
// private field of a non-partial type whose every use in that type awaits
// it, waits for it, returns it or stores a new task in it, and at least one
// waits or returns: nothing calls Start(), nothing hands it to code that
// might, and someone ends up waiting.
func fieldNeverStarted(e syntax.Node) bool {
	left := e.Parent().Field("left")
	name := syntax.SimpleName(left)
	typ := syntax.EnclosingType(e)
	if typ.IsNull() || !syntax.Modifier(typ, "partial").IsNull() {
		return false
	}
	decl := syntax.MemberDecl(typ, name)
	field := decl.Name.Parent().Parent().Parent() // declarator, declaration, field
	if decl.Kind != syntax.DeclField || field.Kind() != "field_declaration" || !rules.IsPrivateMember(field) {
		return false
	}
	ok, waited := true, false
	typ.Field("body").Walk(func(n syntax.Node) bool {
		if !ok {
			return false
		}
		if n.Kind() != "identifier" || n.Text() != name || n.Same(decl.Name) {
			return true
		}
		use := n
		if up := n.Parent(); up.Kind() == "member_access_expression" && up.Field("name").Same(n) {
			if !syntax.IsThis(up.Field("expression")) {
				return true // another object's member of the same name
			}
			use = up
		} else if k := syntax.Resolve(n).Kind; k != syntax.DeclField && k != syntax.DeclNone {
			return true // a local or parameter of that name
		}
		use = outerUse(use)
		switch up := use.Parent(); {
		case up.Kind() == "assignment_expression" && up.Field("left").Same(use):
		case consumes(use), returned(use):
			waited = true
		default:
			ok = false
		}
		return true
	})
	return ok && waited
}

// runFix replaces `new Task(body)` / `new Task(body, token)` with
// Task.Run(...). Safe when the task is consumed right where it is created
// (it would have run there anyway had it been started); unsafe when it is
// kept in a variable, since it now starts before the code between creation
// and use has run.
func runFix(p *rules.Pass, creation syntax.Node, direct bool) []rules.Fix {
	args := syntax.CodeChildren(creation.Field("arguments"))
	if len(args) == 0 || len(args) > 2 {
		return nil
	}
	for _, a := range args {
		if !a.Field("name").IsNull() {
			return nil
		}
	}
	body := args[0].NamedChild(0)
	if body.Is("lambda_expression", "anonymous_method_expression") && len(syntax.Parameters(body)) > 0 {
		return nil // Action<object> with a state argument: Task.Run has no such overload
	}
	if len(args) == 2 && !isToken(p, args[1].NamedChild(0)) {
		return nil
	}
	run := rules.TaskQualifier(creation) + "Task.Run"
	if targs := creation.Field("type").ChildOfKind("type_argument_list"); !targs.IsNull() {
		run += targs.Text()
	}
	safety := rules.Unsafe
	if direct {
		safety = rules.Safe
	}
	return []rules.Fix{{
		Title:  "Create and start the task with Task.Run",
		Safety: safety,
		Edits:  []rules.Edit{rules.Replace(creation, run+creation.Field("arguments").Text())},
	}}
}

func isToken(p *rules.Pass, e syntax.Node) bool {
	if p.TypeOf(e) == "CancellationToken" {
		return true
	}
	name := syntax.SimpleName(e)
	return name == "None" && strings.HasPrefix(e.Text(), "CancellationToken") ||
		strings.HasSuffix(strings.ToLower(name), "token") || name == "ct"
}
