// Package asyncvoid is ASY002: an async void method or local function that
// nothing forces to return void. Event handlers, overrides, interface
// implementations, partial methods and method groups handed to a delegate
// keep their void (ASY018 looks at those).
package asyncvoid

import (
	"github.com/asyncsense/asyncsense/rules"
	"github.com/asyncsense/asyncsense/syntax"
)

var Analyzer = &rules.Analyzer{
	ID:       "ASY002",
	Name:     "async-void",
	Severity: rules.Warning,
	Summary:  "An async void method that is not an event handler: callers cannot await it and its exceptions crash the process",
	Fix:      "safe",
	Kinds:    []string{"method_declaration", "local_function_statement"},
	Run:      run,
}

func run(p *rules.Pass, fn syntax.Node) {
	reason, ok := rules.AsyncVoid(p, fn)
	if !ok || reason != rules.VoidFree || syntax.Body(fn).IsNull() {
		return
	}
	ret := syntax.ReturnType(fn)
	fix := rules.Fix{
		Title:  "Return Task instead of void",
		Safety: rules.Safe,
		Edits:  []rules.Edit{rules.Replace(ret, rules.TaskQualifier(fn)+"Task")},
	}
	if mayImplementUnseen(p, fn) {
		fix.Safety = rules.Unsafe
	}
	p.Reportf(syntax.NameNode(fn), []rules.Fix{fix},
		"%s cannot be awaited and its exceptions crash the process; return Task instead.", rules.Quote(rules.AsyncVoidSignature(fn)))
}

// mayImplementUnseen reports whether a public method could be implementing
// a void member of an interface the workspace does not declare and the API
// table does not know in full (a NuGet package's IMessageHandler, say).
// Returning Task would then break the build, so the fix needs a human.
func mayImplementUnseen(p *rules.Pass, fn syntax.Node) bool {
	if fn.Kind() != "method_declaration" || syntax.Modifier(fn, "public").IsNull() || !syntax.Modifier(fn, "static").IsNull() {
		return false
	}
	for _, base := range rules.BaseTypes(p, syntax.EnclosingType(fn)) {
		if !looksLikeInterface(base) || len(p.Index.Types(base)) > 0 {
			continue
		}
		if _, known := rules.API.Lookup("interface", base, "-"); !known {
			return true
		}
	}
	return false
}

// looksLikeInterface follows the .NET naming rule: I followed by a capital.
func looksLikeInterface(name string) bool {
	return len(name) > 2 && name[0] == 'I' && name[1] >= 'A' && name[1] <= 'Z'
}
