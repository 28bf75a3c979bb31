package rules

import (
	"strings"

	"github.com/asyncsense/asyncsense/syntax"
)

// CallStartsTask reports whether an invocation is known to return a task
// with evidence about the callee actually used. IsTask alone falls back to
// the method name across the whole workspace, so a `Task Cancel()` declared
// on some view model would make every `cts.Cancel()` look like a task. A
// name ending in Async is evidence enough; any other name must be found on
// the receiver: a static API-table type, a receiver of known type that
// declares or inherits it, or for `Name()` / `this.Name()` the enclosing
// type or a local function.
func (p *Pass) CallStartsTask(call syntax.Node) bool {
	if call.Kind() != "invocation_expression" || p.IsTask(call) != Yes {
		return false
	}
	name := syntax.CalleeName(call)
	if strings.HasSuffix(name, "Async") {
		return true
	}
	recv := syntax.Receiver(call)
	var owner string
	switch {
	case recv.IsNull() || syntax.IsThis(recv) || syntax.IsBase(recv):
		owner = syntax.EnclosingType(call).Field("name").Text()
	case recv.Kind() == "identifier" && isStaticTypeName(recv):
		owner = recv.Text()
	default:
		owner = syntax.GenericBase(p.TypeOf(recv))
	}
	for _, t := range p.Ancestry(owner) {
		if v, ok := API.Lookup("returns", t, name); ok {
			return IsTaskType(v)
		}
	}
	for _, m := range p.Index.Methods(name) {
		if IsTaskType(m.Return) && (m.Local && recv.IsNull() || owner != "" && m.Type != "" && p.IsA(owner, m.Type)) {
			return true
		}
	}
	return owner == "" && isHubClientProxy(recv) && p.onlyInterfaceTasks(name)
}

// isHubClientProxy recognises SignalR's strongly typed client proxies:
// `Clients.All`, `hub.Clients.Group(g)`, `Clients.Caller`... are the hub's
// client interface, whose methods send a message and return its task.
func isHubClientProxy(recv syntax.Node) bool {
	recv = syntax.StripParens(recv)
	var target syntax.Node
	switch recv.Kind() {
	case "member_access_expression":
		target = recv
	case "invocation_expression":
		target = recv.Field("function")
	}
	if target.Kind() != "member_access_expression" || syntax.SimpleName(target.Field("expression")) != "Clients" {
		return false
	}
	switch target.Field("name").Text() {
	case "All", "Caller", "Others", "Group", "Groups", "GroupExcept", "Client", "Clients", "User", "Users",
		"AllExcept", "OthersInGroup":
		return true
	}
	return false
}

// onlyInterfaceTasks: the workspace declares name only on interfaces, each
// returning a task.
func (p *Pass) onlyInterfaceTasks(name string) bool {
	ms := p.Index.Methods(name)
	for _, m := range ms {
		if !IsTaskType(m.Return) || m.Type == "" || !p.isInterface(m.Type) {
			return false
		}
	}
	return len(ms) > 0
}
