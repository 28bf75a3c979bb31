package rules

import "github.com/asyncsense/asyncsense/syntax"

// PromisesAsync reports whether the function fn's callers expect it not to
// block: it is async, or it is a method or local function that is not async
// but returns a Task, ValueTask or async stream. A caller of
// `Task SaveAsync() { File.WriteAllText(...); return Task.CompletedTask; }`
// gets its task only after the write, so the blocking is as real as in an
// async method; VSTHRD103 and MA0042 treat both alike. Lambdas count only
// when async: a plain lambda's caller is a delegate invocation that may
// well be synchronous.
func PromisesAsync(fn syntax.Node) bool {
	if fn.IsNull() {
		return false
	}
	if syntax.IsAsync(fn) {
		return true
	}
	if !fn.Is("method_declaration", "local_function_statement") || syntax.Body(fn).IsNull() {
		return false
	}
	t := syntax.TypeName(syntax.ReturnType(fn))
	switch syntax.GenericBase(t) {
	case "IAsyncEnumerable", "IAsyncEnumerator":
		return true
	}
	return IsTaskType(t)
}
