// Package taskruninrequest is ASY025: `await Task.Run(...)` inside an
// ASP.NET Core request handler (controller action, Razor Pages handler,
// minimal-API lambda), which only trades one thread-pool thread for another.
package taskruninrequest

import (
	"strings"

	"github.com/asyncsense/asyncsense/rules"
	"github.com/asyncsense/asyncsense/rules/taskrunwrapsasync"
	"github.com/asyncsense/asyncsense/syntax"
)

var Analyzer = &rules.Analyzer{
	ID:       "ASY025",
	Name:     "task-run-in-request",
	Severity: rules.Suggestion,
	Summary:  "await Task.Run(...) inside an ASP.NET Core request handler",
	Fix:      "none",
	Kinds:    []string{"invocation_expression"},
	Run:      run,
}

func run(p *rules.Pass, inv syntax.Node) {
	fn := inv.Field("function")
	if fn.Kind() != "member_access_expression" || syntax.SimpleName(fn) != "Run" || !isTask(fn.Field("expression")) || !awaited(inv) {
		return
	}
	if _, wraps := taskrunwrapsasync.WrappedCall(p, inv); wraps {
		return // ASY008 says more precisely what to do
	}
	handler, ok := requestHandler(p, syntax.EnclosingFunction(inv))
	if !ok {
		return
	}
	what := inv.Text()
	if strings.Contains(what, "\n") {
		what = syntax.TypeName(fn) + "(...)"
	}
	msg := rules.Quote(what) + " in " + handler +
		" moves the work to another thread-pool thread while the request waits for it; run it directly (through an async API if it does I/O)."
	p.Report(rules.Diagnostic{Start: fn.Start(), End: fn.End(), Message: msg})
}

func isTask(recv syntax.Node) bool {
	switch syntax.TypeName(recv) {
	case "Task", "System.Threading.Tasks.Task":
		return rules.IsTypeName(recv)
	}
	return false
}

// awaited reports whether the task is awaited where it is created:
// `await Task.Run(...)` or `await Task.Run(...).ConfigureAwait(false)`.
func awaited(inv syntax.Node) bool {
	parent := inv.Parent()
	if parent.Kind() == "member_access_expression" && syntax.SimpleName(parent) == "ConfigureAwait" {
		parent = parent.Parent().Parent()
	}
	return parent.Kind() == "await_expression"
}

// requestHandler names fn when it handles an HTTP request: a public
// instance method of an ASP.NET Core controller (not [NonAction]), a Razor
// Pages handler (On<Verb>... on a PageModel), or a lambda passed as the
// handler of app.MapGet/MapPost/... .
func requestHandler(p *rules.Pass, fn syntax.Node) (string, bool) {
	switch fn.Kind() {
	case "method_declaration":
		name := fn.Field("name").Text()
		if syntax.Modifier(fn, "public").IsNull() || !syntax.Modifier(fn, "static").IsNull() || hasAttribute(fn, "NonAction") {
			return "", false
		}
		typ := syntax.EnclosingType(fn)
		if typ.Kind() == "class_declaration" && isController(p, typ) {
			return "action `" + name + "`", true
		}
		if typ.Kind() == "class_declaration" && isPageHandler(name) && derives(p, typ, "PageModel") {
			return "page handler `" + name + "`", true
		}
	case "lambda_expression":
		arg := fn.Parent()
		call := arg.Parent().Parent()
		if arg.Kind() != "argument" || call.Kind() != "invocation_expression" || syntax.Receiver(call).IsNull() {
			return "", false
		}
		args := call.Field("arguments").NamedChildren()
		if len(args) < 2 || !args[len(args)-1].Same(arg) || !isRoutePattern(args[0]) {
			return "", false
		}
		switch verb := syntax.CalleeName(call); verb {
		case "MapGet", "MapPost", "MapPut", "MapDelete", "MapPatch", "MapMethods", "Map", "MapFallback":
			return "the " + rules.Quote(verb+"("+args[0].Text()+")") + " handler", true
		}
	}
	return "", false
}

// isController asks for ASP.NET evidence beyond the name, since desktop
// and game code have plenty of *Controller classes: a controller base,
// [ApiController]/[Controller]/[Route], or an ASP.NET using in the file.
func isController(p *rules.Pass, typ syntax.Node) bool {
	if !p.IsController(typ) {
		return false
	}
	for _, a := range []string{"ApiController", "Controller", "Route"} {
		if hasAttribute(typ, a) {
			return true
		}
	}
	if derives(p, typ, "ControllerBase") || derives(p, typ, "Controller") || derives(p, typ, "ApiController") {
		return true
	}
	found := typ.File().Root().Find(func(n syntax.Node) bool {
		if n.Kind() != "using_directive" {
			return false
		}
		t := n.Text()
		return strings.Contains(t, "Microsoft.AspNetCore") || strings.Contains(t, "System.Web.Http") || strings.Contains(t, "System.Web.Mvc")
	}, func(n syntax.Node) bool { return n.Is("class_declaration", "struct_declaration", "record_declaration") })
	return !found.IsNull()
}

func derives(p *rules.Pass, typ syntax.Node, base string) bool {
	for _, b := range rules.BaseTypes(p, typ) {
		if b == base {
			return true
		}
	}
	return false
}

func hasAttribute(decl syntax.Node, name string) bool {
	for _, a := range rules.AttributeNames(decl) {
		if a == name {
			return true
		}
	}
	return false
}

// isPageHandler matches Razor Pages' handler convention: OnGet, OnPostAsync,
// OnPostDeleteAsync...
func isPageHandler(name string) bool {
	for _, verb := range []string{"OnGet", "OnPost", "OnPut", "OnDelete", "OnPatch"} {
		if strings.HasPrefix(name, verb) {
			return true
		}
	}
	return false
}

func isRoutePattern(arg syntax.Node) bool {
	e := arg.NamedChild(arg.NamedChildCount() - 1)
	return e.Is("string_literal", "verbatim_string_literal", "raw_string_literal", "interpolated_string_expression")
}
