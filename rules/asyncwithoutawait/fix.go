package asyncwithoutawait

import (
	"strings"

	"github.com/asyncsense/asyncsense/rules"
	"github.com/asyncsense/asyncsense/syntax"
)

// shape is what a function's declared return type asks its body to produce
// once the compiler no longer builds the task.
type shape struct {
	void    bool
	value   bool   // ValueTask rather than Task
	prefix  string // how the file spells the namespace, e.g. "System.Threading.Tasks."
	typeArg string // T of Task<T> / ValueTask<T>; "" for the non-generic types
}

// removeAsync builds the fix: drop the modifier and make the body hand back
// the task the async machinery used to create. ok is false where that is
// not mechanical: a task-like type other than Task/ValueTask, or a lambda
// whose delegate type is not spelled out next to it.
func removeAsync(p *rules.Pass, fn syntax.Node) (rules.Fix, bool) {
	mod := syntax.Modifier(fn, "async")
	drop := rules.Edit{Start: mod.Start(), End: mod.NextSibling().Start()}
	sh, ok := returnShape(fn)
	if !ok {
		return rules.Fix{}, false
	}
	if sh.void {
		return rules.Fix{Title: "Remove `async`", Safety: rules.Unsafe, Edits: []rules.Edit{drop}}, true
	}
	var edits []rules.Edit
	var title string
	if sh.typeArg == "" {
		edits, ok = completeBody(p, fn, sh.completed())
		title = "Remove `async` and return " + rules.Quote(sh.completed())
	} else {
		edits, ok = wrapResults(fn, sh)
		title = "Remove `async` and return " + rules.Quote(sh.wrap("..."))
	}
	if !ok {
		return rules.Fix{}, false
	}
	return rules.Fix{Title: title, Safety: rules.Unsafe, Edits: append([]rules.Edit{drop}, edits...)}, true
}

func (s shape) completed() string {
	if s.value {
		return "default"
	}
	return s.prefix + "Task.CompletedTask"
}

// wrap spells the type argument out: Task.FromResult(null) or a derived
// or narrower value would otherwise infer the wrong Task<T>.
func (s shape) wrap(expr string) string {
	if s.value {
		return "new " + s.prefix + "ValueTask<" + s.typeArg + ">(" + expr + ")"
	}
	return s.prefix + "Task.FromResult<" + s.typeArg + ">(" + expr + ")"
}

// returnShape reads the declared return type: a method's or local
// function's own, or the last type argument of the Func<...> a lambda or
// anonymous method initialises.
func returnShape(fn syntax.Node) (shape, bool) {
	var ret syntax.Node
	switch fn.Kind() {
	case "method_declaration", "local_function_statement":
		ret = syntax.ReturnType(fn)
	default:
		ret = delegateResult(fn)
	}
	if ret.Kind() == "predefined_type" && ret.Text() == "void" {
		return shape{void: true}, fn.Is("method_declaration", "local_function_statement")
	}
	name := ret
	if ret.Kind() == "qualified_name" {
		name = ret.Field("name")
	}
	prefix := ret.Text()[:name.Start()-ret.Start()]
	if p := strings.TrimPrefix(strings.Join(strings.Fields(prefix), ""), "global::"); p != "" && p != "System.Threading.Tasks." {
		return shape{}, false
	}
	sh := shape{prefix: prefix}
	base := name
	if name.Kind() == "generic_name" {
		args := name.ChildOfKind("type_argument_list").NamedChildren()
		if len(args) != 1 {
			return shape{}, false
		}
		sh.typeArg = args[0].Text()
		base = name.NamedChild(0)
	} else if name.Kind() != "identifier" {
		return shape{}, false
	}
	switch base.Text() {
	case "Task":
	case "ValueTask":
		sh.value = true
	default:
		return shape{}, false
	}
	return sh, true
}

// delegateResult returns R of the `Func<..., R>` declared for the variable
// a lambda or anonymous method initialises (`Func<Task> f = async () => ...`).
func delegateResult(fn syntax.Node) syntax.Node {
	decl := fn.Parent()
	if decl.Kind() != "variable_declarator" {
		return syntax.Node{}
	}
	t := decl.Parent().Field("type")
	if t.Kind() != "generic_name" || t.NamedChild(0).Text() != "Func" {
		return syntax.Node{}
	}
	args := t.ChildOfKind("type_argument_list").NamedChildren()
	if len(args) == 0 {
		return syntax.Node{}
	}
	return args[len(args)-1]
}

// completeBody makes a Task/ValueTask function return a completed task:
// every `return;` of its own gets the value, a block whose end is reachable
// gets a final return, and an expression body becomes a block.
func completeBody(p *rules.Pass, fn syntax.Node, completed string) ([]rules.Edit, bool) {
	body := syntax.Body(fn)
	if body.Kind() != "block" {
		return expressionToBlock(p, fn, body, completed)
	}
	var edits []rules.Edit
	rules.WalkOwn(fn, func(n syntax.Node) bool {
		if n.Kind() == "return_statement" && n.NamedChildCount() == 0 {
			edits = append(edits, rules.Replace(n, "return "+completed+";"))
		}
		return true
	})
	stmts := statements(body)
	if len(stmts) > 0 && stmts[len(stmts)-1].Is("return_statement", "throw_statement") {
		return edits, true
	}
	return append(edits, appendStatement(p, body, "return "+completed+";")), true
}

// appendStatement adds a statement at the end of a block, on a line of its
// own at the block's indentation (or inline in a one-line block).
func appendStatement(p *rules.Pass, block syntax.Node, stmt string) rules.Edit {
	kids := block.NamedChildren()
	oneLine := !strings.Contains(block.Text(), "\n")
	switch {
	case len(kids) == 0 && oneLine:
		return rules.Replace(block, "{ "+stmt+" }")
	case len(kids) == 0:
		ind := p.Indent(block)
		return rules.Replace(block, "{"+p.Newline()+ind+p.IndentUnit()+stmt+p.Newline()+ind+"}")
	case oneLine:
		return rules.Insert(kids[len(kids)-1].End(), " "+stmt)
	}
	return rules.Insert(kids[len(kids)-1].End(), p.Newline()+p.Indent(kids[0])+stmt)
}

// expressionToBlock turns `=> Log(x)` into a block that runs the expression
// and returns the completed task. Only statement expressions qualify.
func expressionToBlock(p *rules.Pass, fn, expr syntax.Node, completed string) ([]rules.Edit, bool) {
	if !isStatementExpression(expr) {
		return nil, false
	}
	ret := "return " + completed + ";"
	if fn.Kind() == "lambda_expression" {
		return []rules.Edit{rules.Replace(expr, "{ "+expr.Text()+"; "+ret+" }")}, true
	}
	arrow := expr.Parent()
	semi := arrow.NextSibling()
	if arrow.Kind() != "arrow_expression_clause" || semi.Kind() != ";" {
		return nil, false
	}
	nl, ind, unit := p.Newline(), p.Indent(fn), p.IndentUnit()
	block := nl + ind + "{" + nl + ind + unit + expr.Text() + ";" + nl + ind + unit + ret + nl + ind + "}"
	return []rules.Edit{{Start: arrow.PrevSibling().End(), End: semi.End(), NewText: block}}, true
}

func isStatementExpression(e syntax.Node) bool {
	switch e.Kind() {
	case "invocation_expression", "assignment_expression", "object_creation_expression", "postfix_unary_expression":
		return true
	case "prefix_unary_expression":
		return strings.HasPrefix(e.Text(), "++") || strings.HasPrefix(e.Text(), "--")
	}
	return false
}

// wrapResults makes a Task<T>/ValueTask<T> function wrap each value it
// returns itself. A bare `return;` cannot occur in code that compiled.
func wrapResults(fn syntax.Node, sh shape) ([]rules.Edit, bool) {
	body := syntax.Body(fn)
	if body.Kind() != "block" {
		return []rules.Edit{rules.Replace(body, sh.wrap(body.Text()))}, true
	}
	var edits []rules.Edit
	ok := true
	rules.WalkOwn(fn, func(n syntax.Node) bool {
		if n.Kind() != "return_statement" {
			return true
		}
		value := n.NamedChild(0)
		if value.IsNull() {
			ok = false
		} else {
			edits = append(edits, rules.Replace(value, sh.wrap(value.Text())))
		}
		return false
	})
	return edits, ok
}
