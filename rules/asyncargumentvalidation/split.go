package asyncargumentvalidation

import (
	"strings"

	"github.com/asyncsense/asyncsense/rules"
	"github.com/asyncsense/asyncsense/syntax"
)

// splitFix turns
//
//	async Task<T> FooAsync(x) { <validation>; <rest with awaits> }
//
// into a synchronous wrapper that validates and then returns an async local
// function holding the rest:
//
//	Task<T> FooAsync(x) { <validation>; return FooCoreAsync(); async Task<T> FooCoreAsync() { <rest> } }
//
// It is offered only when the split is mechanical: a block body whose
// leading await-free statements hold every validation site and no return,
// using, try or lock; the rest starting on its own line, with no multi-line
// literal that re-indenting would alter; not in a struct, whose `this` a
// local function cannot capture; and a free name for the local function.
func splitFix(p *rules.Pass, fn syntax.Node, sites []syntax.Node) (rules.Fix, bool) {
	body := fn.Field("body")
	asyncMod := syntax.Modifier(fn, "async")
	if body.Kind() != "block" || asyncMod.IsNull() || inStruct(fn) {
		return rules.Fix{}, false
	}
	stmts := body.NamedChildren()
	split := 0
	for split < len(stmts) && !hasAwait(stmts[split]) {
		split++
	}
	if split == 0 || split == len(stmts) {
		return rules.Fix{}, false
	}
	prefix, rest := stmts[:split], stmts[split:]
	last := prefix[len(prefix)-1]
	for _, s := range sites {
		if s.Start() >= last.End() {
			return rules.Fix{}, false
		}
	}
	for _, s := range prefix {
		if contains(s, "return_statement", "using_statement", "try_statement", "lock_statement", "labeled_statement", "goto_statement") ||
			s.Kind() == "local_declaration_statement" && !s.ChildOfKind("using").IsNull() {
			return rules.Fix{}, false
		}
	}
	src := p.File.Src
	first := rest[0]
	lineStart := strings.LastIndexAny(string(src[:first.Start()]), "\r\n") + 1
	if strings.TrimSpace(string(src[lineStart:first.Start()])) != "" || lineStart <= last.End() {
		return rules.Fix{}, false
	}
	restEnd := rest[len(rest)-1].End()
	restText := string(src[lineStart:restEnd])
	for _, s := range rest {
		if contains(s, "labeled_statement", "goto_statement") || multiLineString(s) || hasDirective(s.Text()) {
			return rules.Fix{}, false
		}
	}
	core := strings.TrimSuffix(fn.Field("name").Text(), "Async") + "CoreAsync"
	if mentionsIdentifier(p.File.Root(), core) {
		return rules.Fix{}, false
	}
	nl, indent, unit := p.Newline(), p.Indent(first), p.IndentUnit()
	ret := syntax.ReturnType(fn).Text()
	var b strings.Builder
	b.WriteString(indent + "return " + core + "();" + nl + nl)
	b.WriteString(indent + "async " + ret + " " + core + "()" + nl)
	b.WriteString(indent + "{" + nl)
	b.WriteString(reindent(restText, unit))
	b.WriteString(nl + indent + "}")
	edits := []rules.Edit{
		{Start: asyncMod.Start(), End: nextTokenStart(src, asyncMod.End()), NewText: ""},
		{Start: lineStart, End: restEnd, NewText: b.String()},
	}
	return rules.Fix{Title: "Validate synchronously and move the async part into a local function", Safety: rules.Unsafe, Edits: edits}, true
}

func hasAwait(stmt syntax.Node) bool {
	if stmt.Kind() == "local_function_statement" {
		return false
	}
	found := stmt.Find(func(n syntax.Node) bool {
		return n.Kind() == "await_expression" || rules.IsAwaitStatement(n)
	}, syntax.IsFunction)
	return !found.IsNull()
}

func contains(n syntax.Node, kinds ...string) bool {
	return !n.Find(func(x syntax.Node) bool { return x.Is(kinds...) }, syntax.IsFunction).IsNull()
}

// multiLineString: a string literal spanning lines would change if its
// lines were re-indented.
func multiLineString(n syntax.Node) bool {
	return !n.Find(func(x syntax.Node) bool {
		return strings.Contains(x.Kind(), "string") && strings.Contains(x.Text(), "\n")
	}, nil).IsNull()
}

func inStruct(fn syntax.Node) bool {
	return syntax.EnclosingType(fn).Is("struct_declaration", "record_struct_declaration")
}

func mentionsIdentifier(root syntax.Node, name string) bool {
	return !root.Find(func(x syntax.Node) bool { return x.Kind() == "identifier" && x.Text() == name }, nil).IsNull()
}

// hasDirective: a line of the text starts with `#` (a preprocessor
// directive, whose lines re-indenting would not break, but whose
// conditional branches the split could separate).
func hasDirective(text string) bool {
	for _, line := range strings.Split(text, "\n") {
		if strings.HasPrefix(strings.TrimSpace(line), "#") {
			return true
		}
	}
	return false
}

// reindent adds one indentation unit to every non-blank line.
func reindent(text, unit string) string {
	lines := strings.Split(text, "\n")
	for i, l := range lines {
		if strings.TrimSpace(l) != "" {
			lines[i] = unit + l
		}
	}
	return strings.Join(lines, "\n")
}

// nextTokenStart skips the whitespace after offset (the space after `async`).
func nextTokenStart(src []byte, offset int) int {
	for offset < len(src) && (src[offset] == ' ' || src[offset] == '\t') {
		offset++
	}
	return offset
}
