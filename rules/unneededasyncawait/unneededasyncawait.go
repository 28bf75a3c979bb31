// Package unneededasyncawait is ASY009: an async method whose only await
// is the final `return await X;` (or `await X;`), outside any try, using or
// lock, could return X itself and skip the state machine.
package unneededasyncawait

import (
	"strings"

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
	awaits, alone := tailAwaits(fn)
	if len(awaits) == 0 {
		return
	}
	edits := []rules.Edit{{Start: async.Start(), End: async.NextSibling().Start()}}
	for _, await := range awaits {
		if !typesAgree(p, retName, await) {
			return
		}
		replacement := operand(await).Text()
		if await.Parent().Kind() == "expression_statement" {
			replacement = "return " + replacement
		}
		edits = append(edits, rules.Replace(await, replacement))
	}
	what := rules.Quote(awaits[0].Text())
	if len(awaits) > 1 {
		what = "each `return await`"
	}
	msg := rules.Quote(fn.Field("name").Text()) + " only awaits the task it hands back (" + what +
		"): return the task itself and drop `async`, which saves the state machine."
	safety := rules.Unsafe
	if alone {
		safety = rules.Safe
	}
	fix := rules.Fix{Title: "Remove async and return the task", Safety: safety, Edits: edits}
	p.Report(rules.Diagnostic{Start: async.Start(), End: async.End(), Message: msg, Fixes: []rules.Fix{fix}, Unnecessary: true})
}

// tailAwaits returns the function's awaits when each one is the last thing
// it does: the expression body `=> await X`, a `return await X;` (every
// return of the function being one), or, for a method returning a plain
// Task/ValueTask with no return at all, a single final `await X;`. Nothing
// may need the method to stay alive after the await: no try, using or lock
// around one, no `using` declaration, no `await foreach` / `await using`.
// alone says whether the await is the function's only statement.
// tailKinds are the nodes tailAwaits looks at: awaits, returns, and the
// statements that keep an await from being dropped.
var tailKinds = []string{"await_expression", "return_statement", "try_statement", "using_statement",
	"lock_statement", "foreach_statement", "local_declaration_statement"}

func tailAwaits(fn syntax.Node) (awaits []syntax.Node, alone bool) {
	var returns []syntax.Node
	blocked := false
	rules.OwnNodesOfKinds(fn, tailKinds, func(n syntax.Node) bool {
		switch {
		case n.Kind() == "await_expression":
			awaits = append(awaits, n)
		case n.Kind() == "return_statement":
			returns = append(returns, n)
		case n.Is("try_statement", "using_statement", "lock_statement"), rules.IsAwaitStatement(n),
			n.Kind() == "local_declaration_statement" && !n.ChildOfKind("using").IsNull():
			blocked = true
		}
		return true
	})
	if blocked || len(awaits) == 0 {
		return nil, false
	}
	body := syntax.Body(fn)
	if body.Kind() != "block" {
		if len(awaits) == 1 && syntax.StripParens(body).Same(awaits[0]) {
			return awaits, true
		}
		return nil, false
	}
	stmts := syntax.CodeChildren(body)
	if len(returns) == 0 {
		// A final `await X;` in a method returning plain Task/ValueTask.
		last := stmts[len(stmts)-1]
		if len(awaits) != 1 || isGeneric(fn) || last.Kind() != "expression_statement" ||
			!syntax.StripParens(syntax.FirstCode(last)).Same(awaits[0]) {
			return nil, false
		}
		return awaits, len(stmts) == 1
	}
	if len(returns) != len(awaits) {
		return nil, false
	}
	for i, r := range returns {
		if !syntax.StripParens(syntax.FirstCode(r)).Same(awaits[i]) {
			return nil, false
		}
	}
	return awaits, len(stmts) == 1
}

func isGeneric(fn syntax.Node) bool {
	return syntax.TypeName(syntax.ReturnType(fn)) != syntax.GenericBase(syntax.TypeName(syntax.ReturnType(fn)))
}

// operand returns what is awaited, without a trailing .ConfigureAwait(...):
// a task that is returned rather than awaited has no context to capture.
func operand(await syntax.Node) syntax.Node {
	x := syntax.FirstCode(await)
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
	t := taskFactoryType(p, x)
	if t == "" {
		t = fixedResult(p, x)
	}
	known := t != ""
	if !known {
		if q := p.QueryResultType(x); q != "" {
			return q == retName || sameUpToNullableReference(p, q, retName)
		}
		t = p.TypeOf(x)
		known = t != "" && reliable(p, x, 0)
	}
	if retName == "Task" {
		// Any Task<T> converts to Task; only a ValueTask would not, so a
		// type guessed from the Async suffix is enough unless the name
		// has ValueTask overloads.
		return syntax.GenericBase(t) == "Task" && (known || !mayBeValueTask(p, x))
	}
	return known && t == retName
}

// sameUpToNullableReference: Task<Order> and Task<Order?> differ only in a
// nullable annotation when Order is a class, record or interface of the
// workspace (EF Core's FirstOrDefaultAsync is declared Task<T?>): returning
// the task changes nothing the await did not already. A struct's T? is
// Nullable<T>, another type.
func sameUpToNullableReference(p *rules.Pass, a, b string) bool {
	strip := func(t string) string { return strings.ReplaceAll(t, "?", "") }
	if strip(a) != strip(b) || syntax.GenericBase(a) != "Task" {
		return false
	}
	elem := strings.TrimSuffix(strings.TrimPrefix(strip(a), "Task<"), ">")
	ts := p.Index.Types(elem)
	if len(ts) == 0 {
		return false
	}
	for _, t := range ts {
		if t.Kind == "struct" || t.Kind == "record_struct" || t.Kind == "enum" {
			return false
		}
	}
	return true
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
	}
	var ms []rules.MethodFact
	if owner == "" {
		ms = p.Index.Methods(name)
	}
	// The nearest type in the receiver's ancestry that declares the member
	// decides: a DbContext subclass's SaveChangesAsync is DbContext's.
	for _, t := range p.Ancestry(owner) {
		if _, ok := rules.API.Lookup("returns", t, name); ok {
			return true
		}
		for _, m := range p.Index.Methods(name) {
			if m.Type == t {
				ms = append(ms, m)
			}
		}
		if len(ms) > 0 {
			break
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

// taskFactoryType types the calls TypeOf cannot: invoking a Func<..., R>
// local or parameter yields R; the task factories the API table only knows
// as "Task", Task.FromResult(v) and Task.Run(() => v), are Task<type of v>,
// or Task<T> with an explicit type argument. "" when that is not known.
func taskFactoryType(p *rules.Pass, x syntax.Node) string {
	if x.Kind() != "invocation_expression" {
		return ""
	}
	if t := delegateResult(x); t != "" {
		return t
	}
	recv := syntax.Receiver(x)
	name := syntax.CalleeName(x)
	if syntax.SimpleName(recv) != "Task" || !rules.IsTypeName(recv) || name != "FromResult" && name != "Run" {
		return ""
	}
	if targs := x.Field("function").Field("name").ChildOfKind("type_argument_list"); !targs.IsNull() {
		return "Task" + syntax.TypeName(targs)
	}
	args := syntax.CodeChildren(x.Field("arguments"))
	if len(args) == 0 {
		return ""
	}
	value := args[0].NamedChild(args[0].NamedChildCount() - 1)
	if name == "Run" {
		if value.Kind() != "lambda_expression" || syntax.IsAsync(value) || len(syntax.Parameters(value)) > 0 {
			return ""
		}
		value = syntax.Body(value)
	}
	t := p.TypeOf(value)
	if t == "" || t == "void" || rules.IsTaskType(t) {
		return ""
	}
	return "Task<" + t + ">"
}

// delegateResult returns R for `f(...)` where f is a local or parameter
// declared as Func<..., R>.
func delegateResult(call syntax.Node) string {
	f := call.Field("function")
	if f.Kind() != "identifier" {
		return ""
	}
	t := syntax.Resolve(f).Type
	if t.Kind() == "qualified_name" {
		t = t.Field("name")
	}
	if t.Kind() != "generic_name" || t.NamedChild(0).Text() != "Func" {
		return ""
	}
	args := t.ChildOfKind("type_argument_list").NamedChildren()
	if len(args) == 0 {
		return ""
	}
	return syntax.TypeName(args[len(args)-1])
}

// mayBeValueTask reports whether a call of unknown declaration could return
// a ValueTask: its name has ValueTask overloads in the BCL (API table kind
// "valuetask") or a workspace declaration returning one.
func mayBeValueTask(p *rules.Pass, x syntax.Node) bool {
	name := syntax.CalleeName(x)
	if x.Kind() != "invocation_expression" || name == "" {
		return true
	}
	if _, ok := rules.API.Lookup("valuetask", "*", name); ok {
		return true
	}
	for _, m := range p.Index.Methods(name) {
		if syntax.GenericBase(m.Return) == "ValueTask" {
			return true
		}
	}
	return false
}

// fixedResult types a call by name when the API table says every receiver
// with that member returns the same Task<T> (`AnyAsync` is Task<bool> on
// any query) and no workspace method of the name could be the callee.
func fixedResult(p *rules.Pass, x syntax.Node) string {
	name := syntax.CalleeName(x)
	if x.Kind() != "invocation_expression" || name == "" || len(p.Index.Methods(name)) > 0 {
		return ""
	}
	v, _ := rules.API.Lookup("result", "*", name)
	return v
}
