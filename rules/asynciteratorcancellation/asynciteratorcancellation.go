// Package asynciteratorcancellation is ASY021: an async iterator whose
// consumers cannot cancel it, because its token parameter lacks
// [EnumeratorCancellation] or because it takes no token at all while it
// awaits calls that would accept one.
package asynciteratorcancellation

import (
	"github.com/asyncsense/asyncsense/rules"
	"github.com/asyncsense/asyncsense/syntax"
)

var Analyzer = &rules.Analyzer{
	ID:       "ASY021",
	Name:     "async-iterator-cancellation",
	Severity: rules.Warning,
	Summary:  "Async iterator without an [EnumeratorCancellation] CancellationToken parameter",
	Fix:      "safe",
	Kinds:    []string{"method_declaration", "local_function_statement"},
	Run:      run,
}

const (
	attrNamespace = "System.Runtime.CompilerServices"
	attr          = "EnumeratorCancellation"
)

func run(p *rules.Pass, fn syntax.Node) {
	if !syntax.IsAsync(fn) || syntax.GenericBase(syntax.TypeName(syntax.ReturnType(fn))) != "IAsyncEnumerable" {
		return
	}
	tokens := rules.TokenParams(fn)
	if len(tokens) == 0 {
		checkMissingToken(p, fn)
		return
	}
	for _, t := range tokens {
		for _, a := range rules.AttributeNames(t) {
			if a == attr {
				return
			}
		}
	}
	first := tokens[0]
	msg := rules.Quote(first.Text()) + " of the async iterator " + rules.Quote(fn.Field("name").Text()) +
		" lacks [EnumeratorCancellation]: a token passed with WithCancellation(...) never reaches it."
	edits := []rules.Edit{rules.Insert(first.Start(), "["+attrName(p)+"] ")}
	if e, ok := usingEdit(p); ok {
		edits = append(edits, e)
	}
	fix := rules.Fix{Title: "Add [EnumeratorCancellation]", Safety: rules.Safe, Edits: edits}
	p.Report(rules.Diagnostic{Start: first.Start(), End: first.End(), Message: msg, Fixes: []rules.Fix{fix}})
}

// checkMissingToken reports an async iterator with no token parameter
// whose own body awaits calls that accept one: nothing can stop them.
func checkMissingToken(p *rules.Pass, fn syntax.Node) {
	if !syntax.Modifier(fn, "override").IsNull() || !fn.ChildOfKind("explicit_interface_specifier").IsNull() {
		return // the signature is the base's
	}
	var calls []syntax.Node
	var slots []rules.TokenSlot
	rules.OwnNodesOfKinds(fn, awaitedCallKinds, func(n syntax.Node) bool {
		if call := rules.AwaitedCall(n); !call.IsNull() {
			if slot, ok := p.OmittedToken(call); ok {
				calls = append(calls, call)
				slots = append(slots, slot)
			}
		}
		return true
	})
	if len(calls) == 0 {
		return
	}
	name := fn.Field("name")
	msg := "The async iterator " + rules.Quote(name.Text()) + " awaits " + rules.Quote(calls[0].Text()) +
		", which accepts a CancellationToken, but takes no token itself: consumers cannot cancel the stream."
	var fixes []rules.Fix
	if fix, ok := addParameter(p, fn, calls, slots); ok {
		fixes = []rules.Fix{fix}
	}
	p.Report(rules.Diagnostic{Start: name.Start(), End: name.End(), Message: msg, Fixes: fixes})
}

// awaitedCallKinds are the nodes rules.AwaitedCall can answer for.
var awaitedCallKinds = []string{"await_expression", "foreach_statement"}

// addParameter appends `[EnumeratorCancellation] CancellationToken
// cancellationToken = default` and passes it to the calls found. Unsafe:
// the signature changes for every caller and implementer.
func addParameter(p *rules.Pass, fn syntax.Node, calls []syntax.Node, slots []rules.TokenSlot) (rules.Fix, bool) {
	const tok = "cancellationToken"
	params := fn.Field("parameters")
	closing := params.ChildOfKind(")")
	if closing.IsNull() || !params.ChildOfKind("params").IsNull() || mentions(fn, tok) || implementsWorkspaceMember(p, fn) {
		return rules.Fix{}, false
	}
	text := "[" + attrName(p) + "] " + tokenType(p) + " " + tok + " = default"
	if len(syntax.Parameters(fn)) > 0 {
		text = ", " + text
	}
	edits := []rules.Edit{rules.Insert(closing.Start(), text)}
	for i, call := range calls {
		if e, ok := rules.TokenArgumentEdit(call, slots[i], tok); ok {
			edits = append(edits, e)
		}
	}
	if e, ok := usingEdit(p); ok {
		edits = append(edits, e)
	}
	return rules.Fix{Title: "Add an [EnumeratorCancellation] CancellationToken parameter", Safety: rules.Unsafe, Edits: edits}, true
}

func mentions(fn syntax.Node, name string) bool {
	return !fn.Find(func(x syntax.Node) bool { return x.Kind() == "identifier" && x.Text() == name }, nil).IsNull()
}

// attrName spells the attribute so it resolves: short when the file
// imports its namespace or can be given the using directive, else qualified.
func attrName(p *rules.Pass) string {
	if rules.ImportsNamespace(p.File.Root(), attrNamespace) {
		return attr
	}
	if _, ok := p.UsingEdit(attrNamespace); ok {
		return attr
	}
	return attrNamespace + "." + attr
}

func usingEdit(p *rules.Pass) (rules.Edit, bool) {
	if rules.ImportsNamespace(p.File.Root(), attrNamespace) {
		return rules.Edit{}, false
	}
	return p.UsingEdit(attrNamespace)
}

// tokenType spells CancellationToken so it resolves in the file.
func tokenType(p *rules.Pass) string {
	if rules.ImportsNamespace(p.File.Root(), "System.Threading") || mentions(p.File.Root(), "CancellationToken") {
		return "CancellationToken"
	}
	return "System.Threading.CancellationToken"
}

// implementsWorkspaceMember: a base type or interface of the workspace
// declares a method of the same name, whose signature a new parameter
// would no longer match.
func implementsWorkspaceMember(p *rules.Pass, fn syntax.Node) bool {
	if fn.Kind() != "method_declaration" {
		return false
	}
	bases := map[string]bool{}
	for _, b := range rules.BaseTypes(p, syntax.EnclosingType(fn)) {
		bases[b] = true
	}
	for _, m := range p.Index.Methods(fn.Field("name").Text()) {
		if bases[m.Type] {
			return true
		}
	}
	return false
}
