package rules

import (
	"strings"

	"github.com/asyncsense/asyncsense/syntax"
)

// factKinds are the nodes ExtractFacts reads.
var factKinds = []string{
	"class_declaration", "struct_declaration", "record_declaration", "record_struct_declaration",
	"interface_declaration", "method_declaration", "local_function_statement", "constructor_declaration",
	"field_declaration", "event_field_declaration", "property_declaration", "event_declaration",
	"assignment_expression",
}

// ExtractFacts collects what one file contributes to the workspace index.
// Members inside syntax errors are still recorded: a half-typed method body
// does not change what its signature says.
func ExtractFacts(f *syntax.File) *FileFacts {
	facts := &FileFacts{}
	// The compiled query finds the declarations in C; walking every node
	// from Go cost as much as the parse (this runs at every typing pause).
	f.Root().NodesOfKinds(factKinds, func(n syntax.Node) bool {
		switch n.Kind() {
		case "class_declaration", "struct_declaration", "record_declaration",
			"record_struct_declaration", "interface_declaration":
			facts.Types = append(facts.Types, typeFact(n))
			if list := n.ChildOfKind("parameter_list"); !list.IsNull() {
				// A primary constructor: `class RelayCommand(Action execute)`.
				facts.Methods = append(facts.Methods, MethodFact{
					Name: ".ctor", Type: n.Field("name").Text(), Params: paramFacts(list.NamedChildren()),
				})
			}
		case "method_declaration", "local_function_statement":
			facts.Methods = append(facts.Methods, methodFact(n))
		case "constructor_declaration":
			// Recorded as a method named ".ctor" of its type, so rules can
			// see the parameters `new T(...)` binds to.
			ctor := methodFact(n)
			ctor.Name = ".ctor"
			facts.Methods = append(facts.Methods, ctor)
		case "field_declaration", "event_field_declaration":
			vd := n.ChildOfKind("variable_declaration")
			kind := "field"
			if n.Kind() == "event_field_declaration" {
				kind = "event"
			}
			for _, d := range vd.NamedChildren() {
				if d.Kind() == "variable_declarator" {
					facts.Members = append(facts.Members, MemberFact{
						Type: typeNameOf(n), Name: d.Field("name").Text(),
						MemberType: syntax.TypeName(vd.Field("type")), Kind: kind,
					})
				}
			}
		case "property_declaration", "event_declaration":
			kind := "property"
			if n.Kind() == "event_declaration" {
				kind = "event"
			}
			facts.Members = append(facts.Members, MemberFact{
				Type: typeNameOf(n), Name: n.Field("name").Text(),
				MemberType: syntax.TypeName(n.Field("type")), Kind: kind,
			})
		case "assignment_expression":
			if n.Field("operator").Text() == "+=" {
				if h := handlerName(n.Field("right")); h != "" {
					facts.Subscriptions = append(facts.Subscriptions, SubscriptionFact{
						Event: syntax.SimpleName(n.Field("left")), Handler: h,
					})
				}
			}
		}
		return true
	})
	return facts
}

func methodFact(n syntax.Node) MethodFact {
	m := MethodFact{
		Name:       n.Field("name").Text(),
		Return:     syntax.TypeName(syntax.ReturnType(n)),
		Async:      syntax.IsAsync(n),
		Override:   !syntax.Modifier(n, "override").IsNull(),
		Local:      n.Kind() == "local_function_statement",
		Attributes: AttributeNames(n),
	}
	if !m.Local {
		m.Type = typeNameOf(n)
		m.Private = IsPrivateMember(n)
	}
	m.Params = paramFacts(syntax.Parameters(n))
	return m
}

func paramFacts(params []syntax.Node) []ParamFact {
	var out []ParamFact
	for _, p := range params {
		if p.Kind() != "parameter" {
			continue
		}
		pf := ParamFact{Name: p.Field("name").Text(), Type: syntax.TypeName(p.Field("type"))}
		if eq := p.ChildOfKind("="); !eq.IsNull() {
			pf.Default = eq.NextNamedSibling().Text()
		}
		out = append(out, pf)
	}
	return out
}

// IsPrivateMember reports whether a member declaration can be reached only
// from inside its own type: `private` (not `private protected`), or no
// access modifier in a class or struct.
func IsPrivateMember(member syntax.Node) bool {
	access := map[string]bool{}
	for _, m := range syntax.Modifiers(member) {
		switch t := m.Text(); t {
		case "private", "protected", "internal", "public":
			access[t] = true
		}
	}
	if len(access) == 0 {
		owner := syntax.EnclosingType(member)
		return !owner.IsNull() && owner.Kind() != "interface_declaration"
	}
	return access["private"] && !access["protected"]
}

func typeFact(n syntax.Node) TypeFact {
	t := TypeFact{
		Name:       n.Field("name").Text(),
		Kind:       strings.TrimSuffix(strings.TrimSuffix(n.Kind(), "_declaration"), "_struct"),
		Attributes: AttributeNames(n),
	}
	for _, b := range n.ChildOfKind("base_list").NamedChildren() {
		if b.Kind() == "primary_constructor_base_type" {
			b = b.NamedChild(0)
		}
		t.Bases = append(t.Bases, syntax.GenericBase(syntax.TypeName(b)))
	}
	for _, m := range n.Field("body").NamedChildren() {
		if m.Kind() == "method_declaration" {
			t.Methods = append(t.Methods, m.Field("name").Text())
		}
	}
	return t
}

// AttributeNames returns the simple names of a declaration's attributes,
// without namespace or the Attribute suffix: [Xunit.FactAttribute] -> Fact.
func AttributeNames(decl syntax.Node) []string {
	var out []string
	for _, list := range decl.Children() {
		if list.Kind() != "attribute_list" {
			continue
		}
		for _, a := range list.NamedChildren() {
			if a.Kind() == "attribute" {
				name := syntax.GenericBase(syntax.TypeName(a.Field("name")))
				out = append(out, strings.TrimSuffix(name, "Attribute"))
			}
		}
	}
	return out
}

func typeNameOf(n syntax.Node) string {
	return syntax.EnclosingType(n).Field("name").Text()
}

// handlerName returns the method name subscribed by `+= Handler`,
// `+= this.Handler` or `+= new EventHandler(Handler)`; lambdas have none.
func handlerName(right syntax.Node) string {
	switch right.Kind() {
	case "identifier", "member_access_expression":
		return syntax.SimpleName(right)
	case "object_creation_expression":
		args := right.Field("arguments").NamedChildren()
		if len(args) == 1 {
			return handlerName(args[0].NamedChild(0))
		}
	}
	return ""
}
