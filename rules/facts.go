package rules

import (
	"github.com/asyncsense/asyncsense/syntax"
)

// ExtractFacts collects what one file contributes to the workspace index.
// Members inside syntax errors are still recorded: a half-typed method body
// does not change what its signature says.
func ExtractFacts(f *syntax.File) *FileFacts {
	facts := &FileFacts{}
	f.Root().Walk(func(n syntax.Node) bool {
		switch n.Kind() {
		case "method_declaration", "local_function_statement":
			facts.Methods = append(facts.Methods, methodFact(n))
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
		Name:     n.Field("name").Text(),
		Return:   syntax.TypeName(syntax.ReturnType(n)),
		Async:    syntax.IsAsync(n),
		Override: !syntax.Modifier(n, "override").IsNull(),
		Local:    n.Kind() == "local_function_statement",
	}
	if !m.Local {
		m.Type = typeNameOf(n)
	}
	for _, p := range syntax.Parameters(n) {
		pf := ParamFact{Name: p.Field("name").Text(), Type: syntax.TypeName(p.Field("type"))}
		if eq := p.ChildOfKind("="); !eq.IsNull() {
			pf.Default = eq.NextNamedSibling().Text()
		}
		m.Params = append(m.Params, pf)
	}
	return m
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
