// Package tcscontinuationoptions is ASY031: a TaskContinuationOptions value
// passed to a TaskCompletionSource constructor, where it binds to the
// `object state` parameter and is silently ignored.
package tcscontinuationoptions

import (
	"strings"

	"github.com/asyncsense/asyncsense/rules"
	"github.com/asyncsense/asyncsense/syntax"
)

var Analyzer = &rules.Analyzer{
	ID:       "ASY031",
	Name:     "tcs-continuation-options",
	Severity: rules.Warning,
	Summary:  "TaskContinuationOptions passed to a TaskCompletionSource is taken as its state object and ignored",
	Fix:      "safe",
	Kinds:    []string{"object_creation_expression", "implicit_object_creation_expression"},
	Run:      run,
}

func run(p *rules.Pass, creation syntax.Node) {
	args, ok := p.TCSCreation(creation)
	if !ok {
		return
	}
	var list []syntax.Node
	for _, a := range args.NamedChildren() {
		if a.Kind() == "argument" {
			list = append(list, a)
		}
	}
	// Only the one-argument constructor takes `object state`; with two
	// arguments the wrong enum does not compile.
	if len(list) != 1 || !list[0].Field("name").IsNull() {
		return
	}
	arg := list[0].NamedChild(0)
	members, typeNodes, literal := rules.EnumMembers(arg, "TaskContinuationOptions")
	if !literal && p.TypeOf(arg) != "TaskContinuationOptions" {
		return
	}
	msg := rules.Quote(arg.Text()) + " is a TaskContinuationOptions value: TaskCompletionSource takes it as its `object state` argument and the option is silently ignored; pass TaskCreationOptions instead."
	var fixes []rules.Fix
	if literal && allCreationOptions(members) {
		var edits []rules.Edit
		for _, n := range typeNodes {
			edits = append(edits, rules.Replace(n, "TaskCreationOptions"))
		}
		title := "Use TaskCreationOptions." + strings.Join(members, " | TaskCreationOptions.")
		fixes = []rules.Fix{{Title: title, Safety: rules.Safe, Edits: edits}}
	}
	p.Report(rules.Diagnostic{Start: arg.Start(), End: arg.End(), Message: msg, Fixes: fixes})
}

// allCreationOptions: every member also exists in TaskCreationOptions
// (ExecuteSynchronously, LazyCancellation and the OnlyOn/NotOn flags do not).
func allCreationOptions(members []string) bool {
	for _, m := range members {
		if _, ok := rules.API.Lookup("enum", "TaskCreationOptions", m); !ok {
			return false
		}
	}
	return true
}
