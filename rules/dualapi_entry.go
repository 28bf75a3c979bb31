package rules

import (
	"strings"

	"github.com/asyncsense/asyncsense/syntax"
)

// IsSyncEntryOfDualAPI recognises the synchronous front door of a library that
// implements both APIs with one async core: `ReadCoreAsync(async: false,
// ct).GetAwaiter().GetResult()`. With the flag off the core never awaits an
// incomplete task, so the task is already complete when it is unwrapped and
// nothing blocks. The flag is a literal false passed by name to a parameter
// named like `async`/`isAsync`/`useAsync`, or positionally where the
// workspace declaration of the callee has such a parameter. The task may be
// unwrapped directly, after ConfigureAwait, or through a local it was stored
// in. ASY001 leaves such an unwrap alone; so can any rule that reads a
// task's result.
func (p *Pass) IsSyncEntryOfDualAPI(task syntax.Node) bool {
	task = syntax.StripParens(task)
	if task.Kind() == "invocation_expression" && syntax.CalleeName(task) == "ConfigureAwait" {
		task = syntax.StripParens(syntax.Receiver(task))
	}
	if task.Kind() == "identifier" {
		if d := syntax.Resolve(task); d.Kind == syntax.DeclLocal && !d.Init.IsNull() {
			task = syntax.StripParens(d.Init)
		}
	}
	if task.Kind() != "invocation_expression" {
		return false
	}
	name := syntax.CalleeName(task)
	position := 0
	for _, a := range task.Field("arguments").NamedChildren() {
		if a.Kind() != "argument" {
			continue
		}
		value := a.NamedChild(a.NamedChildCount() - 1)
		if label := a.Field("name"); !label.IsNull() {
			if value.Text() == "false" && isAsyncFlagName(label.Text()) {
				return true
			}
			continue
		}
		if value.Text() == "false" && p.declaredAsyncFlag(name, position) {
			return true
		}
		position++
	}
	return false
}

func (p *Pass) declaredAsyncFlag(method string, position int) bool {
	for _, m := range p.Index.Methods(method) {
		if position < len(m.Params) && isAsyncFlagName(m.Params[position].Name) && m.Params[position].Type == "bool" {
			return true
		}
	}
	return false
}

func isAsyncFlagName(name string) bool {
	switch strings.ToLower(strings.TrimPrefix(name, "@")) {
	case "async", "isasync", "useasync", "runasync", "doasync", "asynchronous":
		return true
	}
	return false
}
