package rules

import (
	"strings"

	"github.com/asyncsense/asyncsense/syntax"
)

const tasksNamespace = "System.Threading.Tasks"

// TaskQualifier returns the prefix that makes `Task` resolve in n's file:
// "" when the file imports System.Threading.Tasks or already names Task or
// ValueTask unqualified (an SDK implicit or a global using is then in
// effect), else "System.Threading.Tasks.". Fixes that introduce
// Task.Delay, Task.CompletedTask and friends spell the type with it.
func TaskQualifier(n syntax.Node) string {
	found := n.File().Root().Find(func(x syntax.Node) bool {
		switch x.Kind() {
		case "using_directive":
			return importsTasks(x)
		case "identifier":
			return (x.Text() == "Task" || x.Text() == "ValueTask") && !isQualifiedPart(x)
		}
		return false
	}, nil)
	if found.IsNull() {
		return tasksNamespace + "."
	}
	return ""
}

// importsTasks reports whether a using directive is a plain (or global)
// `using System.Threading.Tasks;`: not static, not an alias.
func importsTasks(u syntax.Node) bool {
	if !u.ChildOfKind("static").IsNull() || !u.ChildOfKind("=").IsNull() {
		return false
	}
	name := u.NamedChild(u.NamedChildCount() - 1)
	return strings.Join(strings.Fields(name.Text()), "") == tasksNamespace
}

// isQualifiedPart reports whether an identifier is the right-hand name of a
// member access or qualified name (`tcs.Task`, `System.Threading.Tasks.Task`),
// which says nothing about what an unqualified `Task` means in the file.
func isQualifiedPart(id syntax.Node) bool {
	if g := id.Parent(); g.Kind() == "generic_name" {
		id = g // `System.Threading.Tasks.Task<int>`: the generic name is the qualified part
	}
	p := id.Parent()
	switch p.Kind() {
	case "member_access_expression", "qualified_name", "member_binding_expression":
		return p.Field("name").Same(id)
	}
	return false
}
