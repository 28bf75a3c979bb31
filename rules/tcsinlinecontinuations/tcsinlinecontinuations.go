// Package tcsinlinecontinuations is ASY022: a TaskCompletionSource created
// without TaskCreationOptions.RunContinuationsAsynchronously, so whoever
// completes it runs the awaiting code inline.
package tcsinlinecontinuations

import (
	"strings"

	"github.com/asyncsense/asyncsense/rules"
	"github.com/asyncsense/asyncsense/syntax"
)

var Analyzer = &rules.Analyzer{
	ID:       "ASY022",
	Name:     "tcs-inline-continuations",
	Severity: rules.Suggestion,
	Summary:  "TaskCompletionSource without RunContinuationsAsynchronously runs awaiters inline on the completing thread",
	Fix:      "unsafe",
	Kinds:    []string{"object_creation_expression", "implicit_object_creation_expression"},
	Run:      run,
}

const option = "TaskCreationOptions.RunContinuationsAsynchronously"

func run(p *rules.Pass, creation syntax.Node) {
	args, ok := p.TCSCreation(creation)
	if !ok {
		return
	}
	if wrong := continuationOptionsArgument(args); !wrong.IsNull() {
		// ASY031 reports the wrong enum and its fix; the source still lacks
		// the creation option, which is this rule's finding.
		msg := rules.Quote(creation.Text()) + " lacks " + option + ": " + rules.Quote(wrong.Text()) +
			" is a TaskContinuationOptions value, taken as the state object, so SetResult/SetException will still run every awaiting continuation inline."
		p.Report(rules.Diagnostic{Start: creation.Start(), End: args.Start(), Message: msg})
		return
	}
	if strings.Contains(args.Text(), "RunContinuationsAsynchronously") {
		return
	}
	var list []syntax.Node
	for _, a := range args.NamedChildren() {
		if a.Kind() == "argument" {
			list = append(list, a)
		}
	}
	var edit rules.Edit
	switch len(list) {
	case 0:
		edit = rules.Insert(args.ChildOfKind(")").Start(), option)
	case 1:
		e, ok := oneArgument(p, list[0])
		if !ok {
			return
		}
		edit = e
	case 2:
		e, ok := addToOptions(p, list[1])
		if !ok {
			return
		}
		edit = e
	default:
		return
	}
	msg := rules.Quote(creation.Text()) + " lacks " + option + ": SetResult/SetException will run every awaiting continuation inline on the completing thread."
	fix := rules.Fix{Title: "Add " + option, Safety: rules.Unsafe, Edits: []rules.Edit{edit}}
	p.Report(rules.Diagnostic{Start: creation.Start(), End: args.Start(), Message: msg, Fixes: []rules.Fix{fix}})
}

// oneArgument handles `new TaskCompletionSource<T>(x)`: x is either the
// options (extend them) or the state object (add the options after it).
// An argument of unknown type, or an options variable whose value the file
// does not show, stays silent.
func oneArgument(p *rules.Pass, arg syntax.Node) (rules.Edit, bool) {
	if !arg.Field("name").IsNull() {
		return rules.Edit{}, false
	}
	expr := arg.NamedChild(0)
	t := p.TypeOf(expr)
	switch {
	case isOptionsLiteral(expr):
		return rules.Insert(expr.End(), " | "+option), true
	case t == "" || t == "TaskCreationOptions" || t == "TaskContinuationOptions":
		// Unknown, an options variable, or ASY031's business.
		return rules.Edit{}, false
	}
	return rules.Insert(arg.End(), ", "+option), true
}

// addToOptions handles `new TaskCompletionSource<T>(state, options)`.
func addToOptions(p *rules.Pass, arg syntax.Node) (rules.Edit, bool) {
	expr := arg.NamedChild(0)
	if !arg.Field("name").IsNull() || !isOptionsLiteral(expr) {
		return rules.Edit{}, false
	}
	return rules.Insert(expr.End(), " | "+option), true
}

func isOptionsLiteral(expr syntax.Node) bool {
	_, _, ok := rules.EnumMembers(expr, "TaskCreationOptions")
	return ok
}

// continuationOptionsArgument returns the only argument when it is a
// TaskContinuationOptions literal (`new TaskCompletionSource(
// TaskContinuationOptions.RunContinuationsAsynchronously)`).
func continuationOptionsArgument(args syntax.Node) syntax.Node {
	list := syntax.CodeChildren(args)
	if len(list) != 1 || !list[0].Field("name").IsNull() {
		return syntax.Node{}
	}
	expr := list[0].NamedChild(list[0].NamedChildCount() - 1)
	if _, _, ok := rules.EnumMembers(expr, "TaskContinuationOptions"); ok {
		return expr
	}
	return syntax.Node{}
}
