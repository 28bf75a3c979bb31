package asynceventhandler

import (
	"strconv"
	"strings"

	"github.com/asyncsense/asyncsense/rules"
	"github.com/asyncsense/asyncsense/syntax"
)

// logCall is what the generated catch does with the exception. Trace (not
// Debug, which Release builds compile away) reaches the configured trace
// listeners and the debugger's output in every build, and needs no logger
// field or using directive; the user is expected to swap in their logger.
const logCall = "System.Diagnostics.Trace.TraceError(%s.ToString());"

// wrapBody returns the edit that puts fn's whole body inside
// `try { ... } catch (Exception ex) { <log> }`, keeping the file's newline
// and indentation style; an expression body becomes a block body.
func wrapBody(p *rules.Pass, fn syntax.Node) (rules.Edit, bool) {
	body := syntax.Body(fn)
	if body.IsNull() {
		return rules.Edit{}, false
	}
	w := wrapper{p: p, nl: p.Newline(), unit: p.IndentUnit(), exType: exceptionType(fn), exName: freeName(fn)}
	if body.Kind() == "block" {
		open, close := body.Child(0), body.Child(body.ChildCount()-1)
		if open.Kind() != "{" || close.Kind() != "}" {
			return rules.Edit{}, false
		}
		indent := p.Indent(body)
		stmts := w.blockLines(open.End(), close.Start(), indent+w.unit+w.unit)
		text := w.nl + w.tryCatch(indent+w.unit, stmts) + w.nl + indent
		return rules.Edit{Start: open.End(), End: close.Start(), NewText: text}, true
	}
	// Expression body: `=> await X();` on a method, `=> await X()` on a lambda.
	var start, end int
	var indent string
	if fn.Kind() == "lambda_expression" {
		start, end, indent = fn.ChildOfKind("=>").End(), body.End(), p.Indent(fn)
	} else {
		arrow := fn.Field("body")
		semi := arrow.NextSibling()
		if arrow.Kind() != "arrow_expression_clause" || semi.Kind() != ";" {
			return rules.Edit{}, false
		}
		start, end, indent = arrow.PrevSibling().End(), semi.End(), p.Indent(fn.Field("name"))
	}
	// The edit rewrites everything around the expression; a comment there
	// would be lost, so such code gets no automatic fix.
	src := p.File.Src
	if strings.TrimSpace(strings.Replace(string(src[start:body.Start()]), "=>", "", 1)) != "" ||
		strings.TrimSpace(strings.TrimSuffix(string(src[body.End():end]), ";")) != "" {
		return rules.Edit{}, false
	}
	stmt := indent + w.unit + w.unit + w.shifted(body.Start(), body.End(), w.unit) + ";"
	text := w.nl + indent + "{" + w.nl + w.tryCatch(indent+w.unit, stmt) + w.nl + indent + "}"
	return rules.Edit{Start: start, End: end, NewText: text}, true
}

type wrapper struct {
	p              *rules.Pass
	nl, unit       string
	exType, exName string
}

func (w wrapper) tryCatch(indent, stmts string) string {
	lines := []string{
		indent + "try",
		indent + "{",
		stmts,
		indent + "}",
		indent + "catch (" + w.exType + " " + w.exName + ")",
		indent + "{",
		indent + w.unit + strings.Replace(logCall, "%s", w.exName, 1),
		indent + "}",
	}
	return strings.Join(lines, w.nl)
}

// blockLines returns the statements between a block's braces, one level
// deeper: blank edges dropped, a statement sharing the `{` line moved to
// its own line at indent, every other line shifted by one unit.
func (w wrapper) blockLines(start, end int, indent string) string {
	src := w.p.File.Src
	text := string(src[start:end])
	first := strings.IndexByte(text, '\n')
	if first < 0 || strings.TrimSpace(text[:first]) != "" {
		lead := len(text) - len(strings.TrimLeft(text, " \t"))
		return indent + strings.TrimRight(w.shifted(start+lead, end, w.unit), " \t\r\n")
	}
	// Skip the rest of the `{` line and any blank lines after it.
	for {
		i := strings.IndexByte(text, '\n')
		if i < 0 || strings.TrimSpace(text[:i]) != "" {
			break
		}
		start += i + 1
		text = text[i+1:]
	}
	// Drop the indentation in front of `}` (and any blank lines before it).
	trimmed := strings.TrimRight(text, " \t\r\n")
	return w.unit + w.shifted(start, start+len(trimmed), w.unit)
}

// shifted returns src[start:end] with unit inserted at the start of every
// line after the first, except blank lines and lines that begin inside a
// string literal (a verbatim or raw string's text must not change).
func (w wrapper) shifted(start, end int, unit string) string {
	src := w.p.File.Src
	var b strings.Builder
	last := start
	for i := start; i < end; i++ {
		if src[i] != '\n' || i+1 >= end {
			continue
		}
		b.Write(src[last : i+1])
		last = i + 1
		if rest := lineRest(src, i+1, end); strings.TrimSpace(rest) != "" && !insideString(w.p.File, i+1) {
			b.WriteString(unit)
		}
	}
	b.Write(src[last:end])
	return b.String()
}

func lineRest(src []byte, from, end int) string {
	to := from
	for to < end && src[to] != '\n' {
		to++
	}
	return string(src[from:to])
}

func insideString(f *syntax.File, offset int) bool {
	for n := f.DescendantAt(offset, offset); !n.IsNull(); n = n.Parent() {
		if n.Is("string_literal", "verbatim_string_literal", "raw_string_literal", "interpolated_string_expression") && n.Start() < offset {
			return true
		}
	}
	return false
}

// exceptionType spells Exception so that it resolves: bare when the file
// imports System or already names a System type unqualified (an implicit
// or global using is then in effect), else fully qualified.
func exceptionType(fn syntax.Node) string {
	found := fn.File().Root().Find(func(x syntax.Node) bool {
		switch x.Kind() {
		case "using_directive":
			return x.ChildOfKind("static").IsNull() && x.ChildOfKind("=").IsNull() &&
				x.NamedChild(x.NamedChildCount()-1).Text() == "System"
		case "identifier":
			switch x.Text() {
			case "Exception", "EventArgs", "Console", "TimeSpan", "DateTime", "Guid", "IDisposable":
				par := x.Parent()
				return !(par.Is("member_access_expression", "qualified_name", "member_binding_expression") && par.Field("name").Same(x))
			}
		}
		return false
	}, nil)
	if found.IsNull() {
		return "System.Exception"
	}
	return "Exception"
}

// freeName picks a name for the caught exception that no identifier of the
// enclosing member uses, so it cannot clash with a parameter or a local of
// an enclosing scope (CS0136).
func freeName(fn syntax.Node) string {
	outer := fn
	for f := syntax.EnclosingFunction(fn); !f.IsNull(); f = syntax.EnclosingFunction(f) {
		outer = f
	}
	used := map[string]bool{}
	outer.Walk(func(n syntax.Node) bool {
		if n.Kind() == "identifier" {
			used[n.Text()] = true
		}
		return true
	})
	for _, name := range []string{"ex", "exception", "error", "failure"} {
		if !used[name] {
			return name
		}
	}
	for i := 2; ; i++ {
		if name := "ex" + strconv.Itoa(i); !used[name] {
			return name
		}
	}
}
