// Package unneededasyncawait is ASY009: an async method whose only await
// is the final `return await X;` (or `await X;`), outside any try, using or
// lock, could return X itself and skip the state machine.
package unneededasyncawait

import (
	"github.com/asyncsense/asyncsense/rules"
	"github.com/asyncsense/asyncsense/syntax"
)

var Analyzer = &rules.Analyzer{
	ID:       "ASY009",
	Name:     "unneeded-async-await",
	Severity: rules.Silent,
	Summary:  "async/await that only returns the awaited task: return the task directly",
	Fix:      "safe",
	Kinds:    []string{"method_declaration", "local_function_statement"},
	Run:      run,
}

func run(p *rules.Pass, fn syntax.Node) {
	async := syntax.Modifier(fn, "async")
	if async.IsNull() {
		return
	}
	ret := syntax.ReturnType(fn)
	retName := syntax.TypeName(ret)
	if !rules.IsTaskType(retName) {
		return
	}
	await, alone := finalAwait(fn)
	if await.IsNull() || !typesAgree(p, retName, await) {
		return
	}
	task := operand(await)
	msg := rules.Quote(fn.Field("name").Text()) + " only awaits the task it hands back (" + rules.Quote(await.Text()) +
		"): return the task itself and drop `async`, which saves the state machine."
	safety := rules.Unsafe
	if alone {
		safety = rules.Safe
	}
	replacement := task.Text()
	if stmt := await.Parent(); stmt.Kind() == "expression_statement" {
		replacement = "return " + replacement
	}
	fix := rules.Fix{
		Title:  "Remove async and return the task",
		Safety: safety,
		Edits: []rules.Edit{
			{Start: async.Start(), End: async.NextSibling().Start()},
			rules.Replace(await, replacement),
		},
	}
	p.Report(rules.Diagnostic{Start: async.Start(), End: async.End(), Message: msg, Fixes: []rules.Fix{fix}, Unnecessary: true})
}

// finalAwait returns the function's only await when it is the value of the
// expression body, the operand of the final `return`, or (for a method
// returning a plain Task/ValueTask) the final expression statement, with no
// other return, no `await foreach`/`await using` and no `using`
// declaration in scope. alone says whether it is the only statement.
func finalAwait(fn syntax.Node) (await syntax.Node, alone bool) {
	var awaits, returns int
	blocked := false
	rules.WalkOwn(fn, func(n syntax.Node) bool {
		switch {
		case n.Kind() == "await_expression":
			awaits++
		case n.Kind() == "return_statement":
			returns++
		case rules.IsAwaitStatement(n), n.Kind() == "local_declaration_statement" && !n.ChildOfKind("using").IsNull():
			blocked = true
		}
		return true
	})
	if awaits != 1 || blocked {
		return syntax.Node{}, false
	}
	body := syntax.Body(fn)
	if body.Kind() != "block" {
		if e := syntax.StripParens(body); e.Kind() == "await_expression" {
			return e, true
		}
		return syntax.Node{}, false
	}
	stmts := body.NamedChildren()
	if len(stmts) == 0 {
		return syntax.Node{}, false
	}
	last := stmts[len(stmts)-1]
	e := syntax.StripParens(last.NamedChild(0))
	if e.Kind() != "await_expression" {
		return syntax.Node{}, false
	}
	switch {
	case last.Kind() == "return_statement" && returns == 1:
	case last.Kind() == "expression_statement" && returns == 0 && !isGeneric(fn):
	default:
		return syntax.Node{}, false
	}
	return e, len(stmts) == 1
}

func isGeneric(fn syntax.Node) bool {
	return syntax.TypeName(syntax.ReturnType(fn)) != syntax.GenericBase(syntax.TypeName(syntax.ReturnType(fn)))
}

// operand returns what is awaited, without a trailing .ConfigureAwait(...):
// a task that is returned rather than awaited has no context to capture.
func operand(await syntax.Node) syntax.Node {
	x := await.NamedChild(0)
	if x.Kind() == "invocation_expression" && syntax.CalleeName(x) == "ConfigureAwait" {
		if recv := syntax.Receiver(x); !recv.IsNull() {
			return recv
		}
	}
	return x
}

// typesAgree reports whether the awaited task can be returned as the
// method's return type: the same Task<T>/ValueTask<T>, or any Task for a
// method returning plain Task. A type guessed from an Async suffix alone is
// not enough: it could be a ValueTask.
func typesAgree(p *rules.Pass, retName string, await syntax.Node) bool {
	x := operand(await)
	t := p.TypeOf(x)
	if t == "" || !reliable(p, x, 0) {
		return false
	}
	if retName == "Task" {
		return syntax.GenericBase(t) == "Task"
	}
	return t == retName
}

// reliable reports whether TypeOf(x) rests on declarations: a declared
// type, or a call the index or the API table knows.
func reliable(p *rules.Pass, x syntax.Node, depth int) bool {
	x = syntax.StripParens(x)
	switch x.Kind() {
	case "invocation_expression":
		return knownCallee(p, x)
	case "identifier":
		d := syntax.Resolve(x)
		if d.Type.Kind() == "implicit_type" {
			return depth < 8 && !d.Init.IsNull() && reliable(p, d.Init, depth+1)
		}
		return true
	}
	return true
}

// knownCallee reports whether an invocation's return type comes from a
// declaration, not from its name: the API table entry or the workspace
// declarations of the receiver's type, or (for a receiver of unknown type)
// workspace declarations that all agree. `memoryStream.WriteAsync(buffer)`
// returns a ValueTask although nothing in its name says so.
func knownCallee(p *rules.Pass, call syntax.Node) bool {
	name := syntax.CalleeName(call)
	var owner string
	if recv := syntax.Receiver(call); !recv.IsNull() && !recv.Is("base", "base_expression", "this", "this_expression") {
		owner = syntax.SimpleName(recv)
		if !rules.IsTypeName(recv) {
			owner = syntax.GenericBase(p.TypeOf(recv))
		}
		if owner != "" {
			if _, ok := rules.API.Lookup("returns", owner, name); ok {
				return true
			}
		}
	}
	var ms []rules.MethodFact
	for _, m := range p.Index.Methods(name) {
		if owner == "" || m.Type == owner {
			ms = append(ms, m)
		}
	}
	if len(ms) == 0 {
		return false
	}
	// Overloads with different task types leave the answer open.
	for _, m := range ms[1:] {
		if m.Return != ms[0].Return {
			return false
		}
	}
	return true
}
