package rules

import "github.com/asyncsense/asyncsense/syntax"

// mockSetupMethods end in Async but configure a test double and return the
// setup for further chaining, not a task: Moq's ReturnsAsync/ThrowsAsync on
// a Setup(...) chain, NSubstitute's ThrowsAsync on a configured call.
var mockSetupMethods = map[string]bool{
	"ReturnsAsync": true, "ThrowsAsync": true, "ThrowsAsyncForAnyArgs": true,
}

// mockVerifiers start an NSubstitute verification: in
// `sub.Received(1).SaveAsync(order)` the call records an expectation and
// the task it returns is a dummy nobody needs to await.
var mockVerifiers = map[string]bool{
	"Received": true, "DidNotReceive": true, "ReceivedWithAnyArgs": true, "DidNotReceiveWithAnyArgs": true,
}

// IsMockingCall reports whether an invocation is part of a mocking
// library's setup or verification chain, where an Async-suffixed name does
// not mean a task the caller should observe.
func IsMockingCall(inv syntax.Node) bool {
	recv := syntax.Receiver(inv)
	if mockSetupMethods[syntax.CalleeName(inv)] && recv.Kind() == "invocation_expression" {
		return true
	}
	for n := recv; !n.IsNull(); {
		switch n.Kind() {
		case "invocation_expression":
			if mockVerifiers[syntax.CalleeName(n)] {
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
