package rules

import "github.com/asyncsense/asyncsense/syntax"

// fluentRoles maps a method name to its role in data/fluent.tsv
// ("builder" or "verification"), whatever library declares it.
var fluentRoles = func() map[string]string {
	roles := map[string]string{}
	API.Each("fluent", func(_, member, role string) { roles[member] = role })
	return roles
}()

// IsFluentBuilder reports whether a method name belongs to a fluent
// configuration API (Moq's ReturnsAsync, FluentValidation's MustAsync,
// Stateless's OnEntryAsync...) where an Async suffix does not mean a task.
// Callers should still prefer a workspace declaration of the same name.
func IsFluentBuilder(name string) bool { return fluentRoles[name] == "builder" }

// OnVerificationChain reports whether an invocation is the checked member
// of an NSubstitute verification, `sub.Received(1).SaveAsync(order)`: the
// call records an expectation, and the task it returns is a dummy.
func OnVerificationChain(inv syntax.Node) bool {
	for n := syntax.Receiver(inv); !n.IsNull(); {
		switch n.Kind() {
		case "invocation_expression":
			if fluentRoles[syntax.CalleeName(n)] == "verification" {
				return true
			}
			n = n.Field("function")
		case "member_access_expression":
			n = n.Field("expression")
		default:
			return false
		}
	}
	return false
}

// IsMockingCall reports whether an invocation is part of a test double's
// or another fluent API's setup or verification chain, where an
// Async-suffixed name does not mean a task the caller should observe:
// a builder method called on a chain (`mock.Setup(...).ReturnsAsync(v)`),
// or the checked member of a verification.
func IsMockingCall(inv syntax.Node) bool {
	if IsFluentBuilder(syntax.CalleeName(inv)) && syntax.Receiver(inv).Kind() == "invocation_expression" {
		return true
	}
	return OnVerificationChain(inv)
}
