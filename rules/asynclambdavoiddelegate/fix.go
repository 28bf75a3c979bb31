package asynclambdavoiddelegate

import (
	"strings"

	"github.com/asyncsense/asyncsense/rules"
	"github.com/asyncsense/asyncsense/syntax"
)

// fixes offers the async-aware rewrite where one exists, for a call used as
// a statement in an async function:
//   - list.ForEach(async x => ...) and Array.ForEach(a, async x => ...)
//     become a foreach loop that awaits each item in turn;
//   - Parallel.ForEach / Parallel.For become await Parallel.ForEachAsync /
//     ForAsync (.NET 6 / .NET 8).
//
// Both are Unsafe: the work that used to run unobserved (and, for
// ForEach, concurrently) is now awaited, so timing and error handling change.
func fixes(p *rules.Pass, fn, call syntax.Node) []rules.Fix {
	if call.Kind() != "invocation_expression" || call.Parent().Kind() != "expression_statement" || !rules.CanAwaitAt(call) {
		return nil
	}
	name := syntax.CalleeName(call)
	recv := syntax.Receiver(call)
	args := syntax.CodeChildren(call.Field("arguments"))
	isType := !recv.IsNull() && rules.IsTypeName(recv)
	switch {
	case isType && recv.Text() == "Parallel" && (name == "ForEach" || name == "For"):
		return parallelAsync(p, fn, call, name, args)
	case isType && recv.Text() == "Array" && name == "ForEach" && len(args) == 2:
		return foreachLoop(p, fn, call, argExpr(args[0]))
	case !recv.IsNull() && !isType && name == "ForEach" && len(args) == 1:
		return foreachLoop(p, fn, call, recv)
	}
	return nil
}

func argExpr(arg syntax.Node) syntax.Node { return arg.NamedChild(arg.NamedChildCount() - 1) }

// foreachLoop rewrites `source.ForEach(async x => body);` as
// `foreach (var x in source) body`.
func foreachLoop(p *rules.Pass, fn, call, source syntax.Node) []rules.Fix {
	params := syntax.Parameters(fn)
	if len(params) != 1 {
		return nil
	}
	name, typ := params[0], "var"
	if name.Kind() == "parameter" {
		if t := name.Field("type"); !t.IsNull() {
			typ = t.Text()
		}
		name = name.Field("name")
	}
	body := syntax.Body(fn)
	if !bodyMovable(fn, body) || nameTaken(call, fn, name.Text()) {
		return nil
	}
	stmt := call.Parent()
	nl, ind := p.Newline(), p.Indent(stmt)
	text := "foreach (" + typ + " " + name.Text() + " in " + source.Text() + ")"
	if body.Kind() == "block" {
		gap := string(p.File.Src[body.PrevSibling().End():body.Start()])
		if strings.ContainsAny(gap, "\r\n") {
			text += nl + p.Indent(body) + body.Text()
		} else {
			text += " " + body.Text()
		}
	} else {
		text += nl + ind + "{" + nl + ind + p.IndentUnit() + body.Text() + ";" + nl + ind + "}"
	}
	return []rules.Fix{{
		Title:  "Replace ForEach with a foreach loop that awaits each item",
		Safety: rules.Unsafe,
		Edits:  []rules.Edit{rules.Replace(stmt, text)},
	}}
}

// bodyMovable reports whether a lambda body means the same as a loop body:
// a block with no `return` of its own (it would leave the enclosing method),
// or an expression that is valid as a statement.
func bodyMovable(fn, body syntax.Node) bool {
	if body.Kind() != "block" {
		return body.Is("await_expression", "invocation_expression", "assignment_expression")
	}
	ret := body.Find(func(n syntax.Node) bool { return n.Kind() == "return_statement" },
		func(n syntax.Node) bool { return syntax.IsFunction(n) && !n.Same(fn) })
	return ret.IsNull()
}

// nameTaken reports whether name is used in the enclosing function outside
// fn: a loop variable of that name could clash with a local (CS0136).
func nameTaken(call, fn syntax.Node, name string) bool {
	outer := syntax.EnclosingFunction(call)
	if outer.IsNull() {
		return true
	}
	hit := outer.Find(func(n syntax.Node) bool { return n.Kind() == "identifier" && n.Text() == name },
		func(n syntax.Node) bool { return n.Same(fn) })
	return !hit.IsNull()
}

// parallelAsync rewrites `Parallel.ForEach(src, async x => ...)` as
// `await Parallel.ForEachAsync(src, async (x, ct) => ...)`, and Parallel.For
// as ForAsync. Only the plain shapes qualify: a one-parameter body in last
// position, with no localInit/localFinally.
func parallelAsync(p *rules.Pass, fn, call syntax.Node, name string, args []syntax.Node) []rules.Fix {
	want := 2 // source, body  |  source, options, body
	if name == "For" {
		want = 3 // from, to, body  |  from, to, options, body
	}
	if len(args) != want && len(args) != want+1 || !argExpr(args[len(args)-1]).Same(fn) {
		return nil
	}
	if len(args) == want+1 && !isOptions(p, argExpr(args[want-1])) {
		return nil
	}
	params := syntax.Parameters(fn)
	if len(params) != 1 || fn.Kind() != "lambda_expression" {
		return nil
	}
	item := params[0]
	if item.Kind() == "parameter" {
		item = item.Field("name")
	}
	token := ""
	for _, cand := range []string{"cancellationToken", "ct", "token"} {
		if !nameTaken(call, syntax.Node{}, cand) {
			token = cand
			break
		}
	}
	if token == "" {
		return nil
	}
	access := call.Field("function")
	return []rules.Fix{{
		Title:  "Use await Parallel." + name + "Async",
		Safety: rules.Unsafe,
		Edits: []rules.Edit{
			rules.Insert(call.Start(), "await "),
			rules.Replace(access.Field("name"), name+"Async"),
			rules.Replace(fn.Field("parameters"), "("+item.Text()+", "+token+")"),
		},
	}}
}

func isOptions(p *rules.Pass, n syntax.Node) bool {
	return p.TypeOf(n) == "ParallelOptions" || strings.Contains(strings.ToLower(n.Text()), "options")
}
