// Package asyncwithoutawait is ASY007: an async method, local function,
// lambda or anonymous method that never awaits anything itself, so it runs
// synchronously from start to end while still being compiled into an
// async state machine.
package asyncwithoutawait

import (
	"fmt"

	"github.com/asyncsense/asyncsense/rules"
	"github.com/asyncsense/asyncsense/syntax"
)

var Analyzer = &rules.Analyzer{
	ID:       "ASY007",
	Name:     "async-without-await",
	Severity: rules.Warning,
	Summary:  "An async method or lambda with no await of its own runs synchronously",
	Fix:      "unsafe",
	Kinds:    []string{"method_declaration", "local_function_statement", "lambda_expression", "anonymous_method_expression"},
	Run:      run,
}

func run(p *rules.Pass, fn syntax.Node) {
	if !syntax.IsAsync(fn) || syntax.Body(fn).IsNull() || rules.HasOwnAwait(fn) {
		return
	}
	if isAsyncIterator(fn) || onlyThrows(fn) {
		return
	}
	var fixes []rules.Fix
	if fix, ok := removeAsync(p, fn); ok {
		fixes = []rules.Fix{fix}
	}
	remedy := "remove `async`"
	switch sh, ok := returnShape(fn); {
	case !ok:
		remedy += " and return a completed task where one is expected"
	case sh.typeArg != "":
		remedy += " and return " + rules.Quote(sh.wrap("..."))
	case !sh.void:
		remedy += " and return " + rules.Quote(sh.completed())
	}
	p.Report(rules.Diagnostic{
		Start:   syntax.NameNode(fn).Start(),
		End:     syntax.NameNode(fn).End(),
		Message: describe(fn) + " is marked async but awaits nothing: it runs synchronously to the end and still pays for the async state machine; " + remedy + ", or await the work it was meant to wait for.",
		Fixes:   fixes,
	})
}

func describe(fn syntax.Node) string {
	switch fn.Kind() {
	case "lambda_expression":
		return "The lambda " + rules.Quote(fn.Text())
	case "anonymous_method_expression":
		return "The anonymous method " + rules.Quote(fn.Text())
	case "local_function_statement":
		return fmt.Sprintf("Local function %s", rules.Quote(fn.Field("name").Text()))
	}
	return rules.Quote(fn.Field("name").Text())
}

// isAsyncIterator reports whether fn is an async stream (`async
// IAsyncEnumerable<T>` with `yield return`): there `async` is what makes
// the iterator asynchronous, and removing it does not compile.
func isAsyncIterator(fn syntax.Node) bool {
	switch syntax.GenericBase(syntax.TypeName(syntax.ReturnType(fn))) {
	case "IAsyncEnumerable", "IAsyncEnumerator":
		return true
	}
	found := false
	rules.OwnNodesOfKinds(fn, []string{"yield_statement"}, func(syntax.Node) bool {
		found = true
		return false
	})
	return found
}

// onlyThrows reports whether the body does nothing but throw
// (`=> throw new NotSupportedException()`). There `async` is deliberate:
// it turns the throw into a faulted task that surfaces at the caller's
// await, as a task-returning contract promises.
func onlyThrows(fn syntax.Node) bool {
	body := syntax.Body(fn)
	if body.Kind() == "throw_expression" {
		return true
	}
	stmts := statements(body)
	if body.Kind() != "block" || len(stmts) == 0 {
		return false
	}
	for _, s := range stmts {
		if s.Kind() != "throw_statement" {
			return false
		}
	}
	return true
}

// statements returns a block's named children other than comments.
func statements(block syntax.Node) []syntax.Node {
	var out []syntax.Node
	for _, c := range block.NamedChildren() {
		if c.Kind() != "comment" {
			out = append(out, c)
		}
	}
	return out
}
