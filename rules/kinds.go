package rules

import (
	"strings"

	"github.com/asyncsense/asyncsense/syntax"
)

// IsController reports whether a type declaration is an ASP.NET Core
// controller: its name ends in Controller, it derives (in the workspace)
// from Controller or ControllerBase, or it carries [ApiController].
func (p *Pass) IsController(typeDecl syntax.Node) bool {
	name := typeDecl.Field("name").Text()
	if name == "" {
		return false
	}
	if strings.HasSuffix(name, "Controller") {
		return true
	}
	for _, a := range AttributeNames(typeDecl) {
		if a == "ApiController" {
			return true
		}
	}
	for _, b := range typeDecl.ChildOfKind("base_list").NamedChildren() {
		switch syntax.GenericBase(syntax.TypeName(b)) {
		case "Controller", "ControllerBase":
			return true
		}
	}
	return p.Index.DerivesFrom(name, "ControllerBase") || p.Index.DerivesFrom(name, "Controller")
}

// testAttributes are the attributes of xUnit, NUnit and MSTest test methods.
var testAttributes = map[string]bool{
	"Fact": true, "Theory": true, "Test": true, "TestCase": true, "TestCaseSource": true,
	"TestMethod": true, "DataTestMethod": true, "SkippableFact": true, "SkippableTheory": true,
}

// IsTestMethod reports whether a method is a unit test by its attributes.
func IsTestMethod(method syntax.Node) bool {
	for _, a := range AttributeNames(method) {
		if testAttributes[a] {
			return true
		}
	}
	return false
}
