// Package asynceventhandler is ASY018: an async void event handler (or any
// async void function whose void return is imposed: an override, an
// interface member, a partial method, a method group handed to a delegate)
// with an await that no try/catch-all covers. The exception it lets out is
// rethrown on the SynchronizationContext or the thread pool and ends the
// process.
package asynceventhandler

import (
	"fmt"
	"strings"

	"github.com/asyncsense/asyncsense/rules"
	"github.com/asyncsense/asyncsense/syntax"
)

var Analyzer = &rules.Analyzer{
	ID:       "ASY018",
	Name:     "async-event-handler-unguarded",
	Severity: rules.Suggestion,
	Summary:  "An async void event handler whose awaits are not inside try/catch: an exception crashes the process",
	Fix:      "unsafe",
	Kinds:    []string{"method_declaration", "local_function_statement", "lambda_expression", "anonymous_method_expression"},
	Run:      run,
}

func run(p *rules.Pass, fn syntax.Node) {
	reason, ok := rules.AsyncVoid(p, fn)
	if !ok || reason == rules.VoidFree || reason == rules.VoidFramework {
		return
	}
	await := firstUnguardedAwait(fn)
	if await.IsNull() {
		return
	}
	msg := fmt.Sprintf("%s: an exception from %s escapes to the SynchronizationContext and crashes the process; catch it inside the %s.",
		rules.Quote(headline(fn)), rules.Quote(awaitText(await)), noun(fn))
	var fixes []rules.Fix
	if edit, ok := wrapBody(p, fn); ok {
		fixes = []rules.Fix{{Title: "Wrap the body in try/catch", Safety: rules.Unsafe, Edits: []rules.Edit{edit}}}
	}
	p.Reportf(syntax.NameNode(fn), fixes, "%s", msg)
}

// headline names the handler: `async void OnSaveClicked(object sender,
// RoutedEventArgs e)` for a method, `SaveButton.Click += async (s, e) =>`
// for a lambda.
func headline(fn syntax.Node) string {
	if !fn.Is("lambda_expression", "anonymous_method_expression") {
		return rules.AsyncVoidSignature(fn)
	}
	end := fn.ChildOfKind("=>").End()
	if fn.Kind() == "anonymous_method_expression" {
		end = syntax.Body(fn).Start()
	}
	head := string(fn.File().Src[fn.Start():end])
	if assign := assignmentOf(fn); !assign.IsNull() {
		head = assign.Field("left").Text() + " += " + head
	}
	return head
}

// assignmentOf returns the `+=` a lambda is the right side of, looking
// through parentheses and a `new XxxEventHandler(...)` wrapper.
func assignmentOf(fn syntax.Node) syntax.Node {
	for n := fn.Parent(); ; n = n.Parent() {
		switch n.Kind() {
		case "assignment_expression":
			return n
		case "parenthesized_expression", "argument", "argument_list", "object_creation_expression":
			continue
		}
		return syntax.Node{}
	}
}

// awaitText is what the message quotes: the await expression, or the head
// of an `await foreach` / `await using` statement.
func awaitText(n syntax.Node) string {
	if n.Kind() == "await_expression" {
		return n.Text()
	}
	if body := n.Field("body"); !body.IsNull() {
		return strings.TrimSpace(strings.TrimSuffix(n.Text()[:body.Start()-n.Start()], " "))
	}
	return n.Text()
}

func noun(fn syntax.Node) string {
	switch fn.Kind() {
	case "lambda_expression":
		return "lambda"
	case "anonymous_method_expression":
		return "anonymous method"
	}
	return "method"
}
