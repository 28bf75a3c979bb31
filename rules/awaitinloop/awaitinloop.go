// Package awaitinloop is ASY010: a for/foreach loop that awaits one
// independent call per item and only collects the results, so the calls
// run one after another when they could run together.
package awaitinloop

import (
	"strings"

	"github.com/asyncsense/asyncsense/rules"
	"github.com/asyncsense/asyncsense/syntax"
)

var Analyzer = &rules.Analyzer{
	ID:       "ASY010",
	Name:     "await-in-loop",
	Severity: rules.Suggestion,
	Summary:  "Independent awaited calls in a loop run one at a time; start them together and await Task.WhenAll",
	Fix:      "none",
	Kinds:    []string{"foreach_statement", "for_statement"},
	Run:      run,
}

// The loop shapes, and nothing else in the body:
//
//	foreach (var id in ids) { var u = await GetAsync(id); users.Add(u); }
//	foreach (var id in ids) users.Add(await GetAsync(id));
//	for (int i = 0; i < n; i++) results[i] = await GetAsync(ids[i]);
func run(p *rules.Pass, loop syntax.Node) {
	if rules.IsAwaitStatement(loop) {
		return
	}
	v := loopVariable(loop)
	if v == "" {
		return
	}
	aw, collection := collectedAwait(loop, v)
	if aw.IsNull() {
		return
	}
	call := syntax.StripParens(aw.NamedChild(0))
	if call.Kind() == "invocation_expression" && syntax.CalleeName(call) == "ConfigureAwait" {
		call = syntax.StripParens(syntax.Receiver(call))
	}
	if call.Kind() != "invocation_expression" || p.IsTask(call) != rules.Yes {
		return
	}
	forbidden := map[string]bool{v: true, collection: true}
	if loop.Kind() == "foreach_statement" {
		forbidden[rootName(loop.Field("right"))] = true
	}
	if !independent(call, v, loop.Kind() == "for_statement", forbidden) || sequentialResource(p, call) {
		return
	}
	msg := rules.Quote(aw.Text()) + " waits for each call before starting the next, although the calls only depend on `" + v +
		"`; start them all and await Task.WhenAll (throttle with a SemaphoreSlim when the input is large)."
	p.Report(rules.Diagnostic{Start: aw.Start(), End: aw.End(), Message: msg})
}

// loopVariable is the foreach variable, or the counter of a for loop that
// counts up by one.
func loopVariable(loop syntax.Node) string {
	if loop.Kind() == "foreach_statement" {
		if left := loop.Field("left"); left.Kind() == "identifier" {
			return left.Text()
		}
		return ""
	}
	init := loop.Field("initializer")
	decls := init.NamedChildren()
	if init.Kind() != "variable_declaration" || len(decls) != 2 {
		return ""
	}
	name := decls[1].Field("name").Text()
	switch strings.Join(strings.Fields(loop.Field("update").Text()), "") {
	case name + "++", "++" + name, name + "+=1":
		return name
	}
	return ""
}

// collectedAwait returns the await of the loop body and the collection its
// result goes to, when the body has one of the collecting shapes.
func collectedAwait(loop syntax.Node, v string) (syntax.Node, string) {
	body := loop.Field("body")
	stmts := []syntax.Node{body}
	if body.Kind() == "block" {
		stmts = stmts[:0]
		for _, st := range body.NamedChildren() {
			if st.Kind() != "comment" {
				stmts = append(stmts, st)
			}
		}
	}
	switch len(stmts) {
	case 1:
		e := exprOf(stmts[0])
		if coll, arg := addCall(e); coll != "" && syntax.StripParens(arg).Kind() == "await_expression" {
			return syntax.StripParens(arg), coll
		}
		if e.Kind() == "assignment_expression" && e.Field("operator").Text() == "=" && loop.Kind() == "for_statement" {
			left, right := e.Field("left"), syntax.StripParens(e.Field("right"))
			if left.Kind() == "element_access_expression" && indexIs(left, v) && right.Kind() == "await_expression" {
				return right, rootName(left.Field("expression"))
			}
		}
	case 2:
		name, init := singleLocal(stmts[0])
		coll, arg := addCall(exprOf(stmts[1]))
		if name != "" && coll != "" && init.Kind() == "await_expression" && arg.Kind() == "identifier" && arg.Text() == name {
			return init, coll
		}
	}
	return syntax.Node{}, ""
}

func exprOf(st syntax.Node) syntax.Node {
	if st.Kind() != "expression_statement" {
		return syntax.Node{}
	}
	return st.NamedChild(0)
}

// addCall matches `list.Add(arg)` and returns the list's name and arg.
func addCall(e syntax.Node) (string, syntax.Node) {
	if e.Kind() != "invocation_expression" || syntax.CalleeName(e) != "Add" {
		return "", syntax.Node{}
	}
	args := e.Field("arguments").NamedChildren()
	recv := syntax.Receiver(e)
	if len(args) != 1 || rootName(recv) == "" {
		return "", syntax.Node{}
	}
	return rootName(recv), args[0].NamedChild(args[0].NamedChildCount() - 1)
}

func singleLocal(st syntax.Node) (string, syntax.Node) {
	if st.Kind() != "local_declaration_statement" || len(st.Children()) != 2 {
		return "", syntax.Node{}
	}
	decls := st.ChildOfKind("variable_declaration").NamedChildren()
	if len(decls) != 2 {
		return "", syntax.Node{}
	}
	d := decls[1]
	init := d.NamedChild(d.NamedChildCount() - 1)
	if init.Same(d.Field("name")) {
		return "", syntax.Node{}
	}
	return d.Field("name").Text(), syntax.StripParens(init)
}

func indexIs(access syntax.Node, v string) bool {
	args := access.Field("subscript").NamedChildren()
	return len(args) == 1 && args[0].NamedChild(0).Kind() == "identifier" && args[0].NamedChild(0).Text() == v
}

// independent reports whether the call uses the loop variable as an
// argument (`GetAsync(id)`, or `GetAsync(ids[i])` in a for loop) and
// otherwise only things the loop does not change: fields, parameters,
// literals, member chains of those. Its receiver must be such a chain too.
func independent(call syntax.Node, v string, isFor bool, forbidden map[string]bool) bool {
	if recv := syntax.Receiver(call); !recv.IsNull() && !invariant(recv, forbidden) {
		return false
	}
	if f := call.Field("function"); f.Kind() != "member_access_expression" && !f.Is("identifier", "generic_name") {
		return false
	}
	usesVar := false
	for _, a := range call.Field("arguments").NamedChildren() {
		e := a.NamedChild(a.NamedChildCount() - 1)
		switch {
		case e.Kind() == "identifier" && e.Text() == v:
			usesVar = true
		case isFor && e.Kind() == "element_access_expression" && indexIs(e, v) && invariant(e.Field("expression"), forbidden):
			usesVar = true
		case !invariant(e, forbidden):
			return false
		}
	}
	return usesVar
}

func invariant(e syntax.Node, forbidden map[string]bool) bool {
	switch e.Kind() {
	case "identifier":
		return !forbidden[e.Text()]
	case "member_access_expression":
		return invariant(e.Field("expression"), forbidden)
	case "this", "this_expression", "predefined_type", "integer_literal", "real_literal", "string_literal",
		"verbatim_string_literal", "boolean_literal", "null_literal", "character_literal", "default_expression":
		return true
	}
	return false
}

// sequentialResource reports whether the call goes to something that
// cannot serve concurrent operations, where Task.WhenAll would throw or
// corrupt: an EF Core context or query, an ADO.NET connection, command or
// reader, a stream or text reader/writer, or a receiver whose name says it
// wraps a data context (repositories, units of work).
func sequentialResource(p *rules.Pass, call syntax.Node) bool {
	recv := syntax.Receiver(call)
	if recv.IsNull() {
		return false
	}
	t := p.ChainType(recv)
	for _, base := range []string{"DbContext", "IQueryable", "DatabaseFacade", "DbConnection", "IDbConnection",
		"DbCommand", "DbDataReader", "Stream", "TextReader", "TextWriter"} {
		if p.IsA(t, base) {
			return true
		}
	}
	if efOperator(syntax.CalleeName(call)) {
		return true
	}
	names := strings.ToLower(syntax.GenericBase(t) + " " + recv.Text())
	for _, hint := range []string{"repository", "repo", "dbcontext", "context", "unitofwork", "session", "connection", "transaction"} {
		if strings.Contains(names, hint) {
			return true
		}
	}
	return false
}

// efOperator reports whether name is an async member EF Core has on its
// contexts, sets or queries (FindAsync, ToListAsync...), whatever the
// receiver: those never run concurrently on one context.
func efOperator(name string) bool {
	found := false
	rules.API.Each("async", func(typ, member, value string) {
		switch typ {
		case "IQueryable", "DbContext", "DbSet", "DatabaseFacade":
			found = found || value == name
		}
	})
	return found
}

// rootName is the variable an expression starts from: `results` for
// `results`, `this._results`, `_results.Items`.
func rootName(n syntax.Node) string {
	n = syntax.StripParens(n)
	switch n.Kind() {
	case "identifier":
		return n.Text()
	case "member_access_expression":
		if e := n.Field("expression"); e.Is("this", "this_expression") {
			return syntax.SimpleName(n)
		}
		return rootName(n.Field("expression"))
	}
	return ""
}
