package rules

import "github.com/asyncsense/asyncsense/syntax"

// AssertionCall names the framework and the `Class.Member` of an assertion
// call: `Assert.ThrowsAsync<T>(...)` on a static Assert, or FluentAssertions'
// `x.Should().ThrowAsync<T>()`.
func AssertionCall(p *Pass, call syntax.Node) (framework, member string, ok bool) {
	name := syntax.CalleeName(call)
	recv := syntax.Receiver(call)
	switch {
	case recv.Kind() == "identifier" && recv.Text() == "Assert" && IsTypeName(recv):
		fw := assertFramework(p, call)
		return fw, "Assert." + name, fw != ""
	case recv.Kind() == "invocation_expression" && syntax.CalleeName(recv) == "Should":
		if usesTestFramework(p, call, "fluentassertions") {
			return "fluentassertions", "Should." + name, true
		}
	}
	return "", "", false
}

// assertFramework is the one framework with a static Assert that the file
// imports, or failing that the one the enclosing test method's attributes
// belong to; "" when that is unknown or ambiguous.
func assertFramework(p *Pass, n syntax.Node) string {
	found := ""
	for _, fw := range []string{"xunit", "nunit", "mstest"} {
		if usesTestFramework(p, n, fw) {
			if found != "" {
				return ""
			}
			found = fw
		}
	}
	return found
}

// usesTestFramework: the file imports the framework's namespace, or the enclosing method
// carries one of its test attributes.
func usesTestFramework(p *Pass, n syntax.Node, framework string) bool {
	imported := false
	API.Each("test-framework", func(fw, ns, _ string) {
		imported = imported || fw == framework && ImportsNamespace(n, ns)
	})
	if imported {
		return true
	}
	for fn := syntax.EnclosingFunction(n); !fn.IsNull(); fn = syntax.EnclosingFunction(fn) {
		if fn.Kind() != "method_declaration" {
			continue
		}
		for _, a := range AttributeNames(fn) {
			if _, ok := API.Lookup("test-attribute", framework, a); ok {
				return true
			}
		}
	}
	return false
}

// DropsAssertionTask reports whether call is an assertion that returns a
// task (xUnit's Assert.ThrowsAsync, FluentAssertions' ThrowAsync...), as
// opposed to NUnit's Assert.ThrowsAsync, which blocks and returns the
// exception.
func DropsAssertionTask(p *Pass, call syntax.Node) bool {
	framework, member, ok := AssertionCall(p, call)
	if !ok {
		return false
	}
	_, isTask := API.Lookup("assert-task", framework, member)
	return isTask
}
