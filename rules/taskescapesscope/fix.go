package taskescapesscope

import (
	"strings"

	"github.com/asyncsense/asyncsense/rules"
	"github.com/asyncsense/asyncsense/syntax"
)

// asyncFix makes fn async and awaits what each of its returns hands back,
// so the using/try around them covers the whole operation. Unsafe: the
// resource is now disposed (and the finally runs) after the work instead of
// before, and exceptions thrown while starting the call end up in the task.
// ok is false where that rewrite is not mechanical: ref/out/in parameters,
// unsafe code, ref struct locals (which cannot live across an await), a
// return inside a lock, or a return of null.
func asyncFix(p *rules.Pass, fn syntax.Node) (rules.Fix, bool) {
	if !syntax.Modifier(fn, "unsafe").IsNull() || hasByRefParams(fn) {
		return rules.Fix{}, false
	}
	body := syntax.Body(fn)
	if text := body.Text(); strings.Contains(text, "Span<") || strings.Contains(text, "stackalloc") {
		return rules.Fix{}, false
	}
	ret := syntax.ReturnType(fn)
	generic := syntax.TypeName(ret) != syntax.GenericBase(syntax.TypeName(ret))
	edits := []rules.Edit{rules.Insert(ret.Start(), "async ")}
	ok := true
	// No statement sits inside a return outside a nested function, so
	// the returns, locks and yields are all the fix has to look at.
	rules.OwnNodesOfKinds(fn, []string{"lock_statement", "yield_statement", "return_statement"}, func(n syntax.Node) bool {
		if n.Is("lock_statement", "yield_statement") {
			ok = false
			return false
		}
		e := edit(p, n, body, generic)
		if e == nil {
			ok = false
			return false
		}
		edits = append(edits, *e)
		return true
	})
	if !ok {
		return rules.Fix{}, false
	}
	return rules.Fix{Title: "Make the method async and await the task", Safety: rules.Unsafe, Edits: edits}, true
}

// edit rewrites one `return X;`: `return await X;` for Task<T>; for a plain
// Task, `await X;` followed by `return;` unless it is the body's last
// statement. A completed-task factory is unwrapped instead of awaited.
func edit(p *rules.Pass, ret, body syntax.Node, generic bool) *rules.Edit {
	x := syntax.StripParens(syntax.FirstCode(ret))
	switch {
	case x.IsNull(), x.Is("null_literal", "default_expression"):
		return nil
	case x.Kind() == "invocation_expression" && syntax.CalleeName(x) == "FromResult" && generic:
		args := syntax.CodeChildren(x.Field("arguments"))
		if len(args) != 1 {
			return nil
		}
		e := rules.Replace(x, args[0].Text())
		return &e
	case generic:
		e := rules.Insert(x.Start(), "await ")
		return &e
	}
	last := endsMethod(ret, body)
	completed := syntax.SimpleName(x) == "CompletedTask"
	var text string
	switch {
	case completed && last:
		text = ""
	case completed:
		text = "return;"
	case last:
		text = "await " + x.Text() + ";"
	case ret.Parent().Kind() == "block":
		text = "await " + x.Text() + ";" + p.Newline() + p.Indent(ret) + "return;"
	default:
		text = "await " + x.Text() + "; return;"
	}
	if ret.Parent().Kind() != "block" {
		if text == "" {
			text = ";"
		}
		text = "{ " + text + " }"
	}
	e := rules.Replace(ret, text)
	if text == "" {
		// Drop the whole line, not just the statement.
		start := ret.Start()
		for start > 0 && (p.File.Src[start-1] == ' ' || p.File.Src[start-1] == '\t') {
			start--
		}
		end := ret.End()
		if end < len(p.File.Src) && p.File.Src[end] == '\r' {
			end++
		}
		if end < len(p.File.Src) && p.File.Src[end] == '\n' {
			end++
		}
		e = rules.Edit{Start: start, End: end}
	}
	return &e
}

// endsMethod reports whether nothing runs after ret when it is left out:
// it is the last statement of its block, and so is every enclosing
// statement up to the body (through using, try and if).
func endsMethod(ret, body syntax.Node) bool {
	for n := ret; !n.Same(body); n = n.Parent() {
		up := n.Parent()
		switch up.Kind() {
		case "block":
			if code := syntax.CodeChildren(up); !code[len(code)-1].Same(n) {
				return false
			}
		case "using_statement", "if_statement", "else_clause":
		case "try_statement":
			if !up.Field("body").Same(n) {
				return false
			}
		default:
			return false
		}
	}
	return true
}

func hasByRefParams(fn syntax.Node) bool {
	for _, prm := range syntax.Parameters(fn) {
		for _, m := range prm.Children() {
			switch m.Text() {
			case "ref", "out", "in":
				return true
			}
		}
	}
	return false
}
