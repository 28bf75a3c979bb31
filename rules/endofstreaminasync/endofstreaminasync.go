// Package endofstreaminasync is ASY032: reading StreamReader.EndOfStream
// inside an async function, where it may fill its buffer with a blocking
// read of the underlying stream.
package endofstreaminasync

import (
	"bytes"
	"strings"

	"github.com/asyncsense/asyncsense/rules"
	"github.com/asyncsense/asyncsense/syntax"
)

var Analyzer = &rules.Analyzer{
	ID:       "ASY032",
	Name:     "endofstream-in-async",
	Severity: rules.Warning,
	Summary:  "StreamReader.EndOfStream read inside an async method, where it can block",
	Fix:      "safe",
	Kinds:    []string{"member_access_expression"},
	Run:      run,
}

func run(p *rules.Pass, access syntax.Node) {
	if syntax.SimpleName(access.Field("name")) != "EndOfStream" {
		return
	}
	fn := syntax.EnclosingFunction(access)
	if fn.IsNull() || !syntax.IsAsync(fn) {
		return
	}
	reader := access.Field("expression")
	if !p.IsA(p.ChainType(reader), "StreamReader") {
		return
	}
	msg := rules.Quote(access.Text()) + " can block on a synchronous read of the stream inside an async function; loop on `await " +
		reader.Text() + ".ReadLineAsync()` until it returns null instead."
	p.Report(rules.Diagnostic{Start: access.Start(), End: access.End(), Message: msg, Fixes: loopFix(p, access, reader)})
}

// loopFix rewrites the common loop
//
//	while (!reader.EndOfStream) { var line = await reader.ReadLineAsync(); ... }
//
// (or with a synchronous ReadLine) into
//
//	while (await reader.ReadLineAsync() is string line) { ... }
//
// which reads the same lines: ReadLine returns null exactly when
// EndOfStream would have been true. The pattern variable is scoped to the
// loop like the local it replaces, and the form compiles from C# 7.
func loopFix(p *rules.Pass, access, reader syntax.Node) []rules.Fix {
	not := access.Parent()
	loop := not.Parent()
	if not.Kind() != "prefix_unary_expression" || !strings.HasPrefix(not.Text(), "!") ||
		loop.Kind() != "while_statement" || !loop.Field("condition").Same(not) || !rules.CanAwaitAt(not) {
		return nil
	}
	body := loop.Field("body")
	if body.Kind() != "block" || body.NamedChildCount() < 2 {
		return nil
	}
	first := body.NamedChild(0)
	name, read, ok := lineDeclaration(first, reader)
	if !ok {
		return nil
	}
	cond := read + " is string " + name
	return []rules.Fix{{
		Title:  "Loop on await " + reader.Text() + ".ReadLineAsync()",
		Safety: rules.Safe,
		Edits:  []rules.Edit{rules.Replace(not, cond), deleteStatement(p, first)},
	}}
}

// lineDeclaration matches `var|string|string? line = <read>;` where read is
// `await reader.ReadLineAsync(...)` (ConfigureAwait allowed) or
// `reader.ReadLine()`, and returns the name and the awaited read to use.
func lineDeclaration(st, reader syntax.Node) (name, read string, ok bool) {
	if st.Kind() != "local_declaration_statement" || len(st.Children()) != 2 {
		return "", "", false // `using`, `const` and other modifiers change its meaning
	}
	vd := st.ChildOfKind("variable_declaration")
	switch syntax.TypeName(vd.Field("type")) {
	case "var", "string", "string?":
	default:
		return "", "", false
	}
	decls := vd.NamedChildren()
	if len(decls) != 2 || decls[1].Kind() != "variable_declarator" {
		return "", "", false
	}
	d := decls[1]
	init := d.NamedChild(d.NamedChildCount() - 1)
	if init.Same(d.Field("name")) {
		return "", "", false
	}
	call := syntax.StripParens(init)
	awaited := call.Kind() == "await_expression"
	if awaited {
		call = syntax.StripParens(call.NamedChild(0))
		if call.Kind() == "invocation_expression" && syntax.CalleeName(call) == "ConfigureAwait" {
			call = syntax.Receiver(call)
		}
	}
	if call.Kind() != "invocation_expression" || !sameText(syntax.Receiver(call), reader) {
		return "", "", false
	}
	switch {
	case awaited && syntax.CalleeName(call) == "ReadLineAsync":
		return d.Field("name").Text(), init.Text(), true
	case !awaited && syntax.CalleeName(call) == "ReadLine" && call.Field("arguments").NamedChildCount() == 0:
		return d.Field("name").Text(), "await " + reader.Text() + ".ReadLineAsync()", true
	}
	return "", "", false
}

func sameText(a, b syntax.Node) bool {
	return !a.IsNull() && strings.Join(strings.Fields(a.Text()), "") == strings.Join(strings.Fields(b.Text()), "")
}

// deleteStatement removes a statement with its whole line when it stands
// alone on it, else just the statement.
func deleteStatement(p *rules.Pass, st syntax.Node) rules.Edit {
	src := p.File.Src
	start, end := st.Start(), st.End()
	lineStart := bytes.LastIndexByte(src[:start], '\n') + 1
	if strings.TrimSpace(string(src[lineStart:start])) != "" {
		return rules.Edit{Start: start, End: end}
	}
	rest := end
	for rest < len(src) && (src[rest] == ' ' || src[rest] == '\t' || src[rest] == '\r') {
		rest++
	}
	if rest < len(src) && src[rest] == '\n' {
		return rules.Edit{Start: lineStart, End: rest + 1}
	}
	return rules.Edit{Start: start, End: end}
}
