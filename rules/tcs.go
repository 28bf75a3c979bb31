package rules

import "github.com/asyncsense/asyncsense/syntax"

// TCSCreation reports whether n creates a TaskCompletionSource (generic or
// not): `new TaskCompletionSource<T>(...)`, or a target-typed `new(...)`
// whose declared target is one. args is the creation's argument list.
func (p *Pass) TCSCreation(n syntax.Node) (args syntax.Node, ok bool) {
	switch n.Kind() {
	case "object_creation_expression":
		if !isTCSType(syntax.TypeName(n.Field("type"))) {
			return syntax.Node{}, false
		}
		return n.Field("arguments"), !n.Field("arguments").IsNull()
	case "implicit_object_creation_expression":
		target := ""
		switch parent := n.Parent(); parent.Kind() {
		case "variable_declarator":
			target = syntax.TypeName(parent.Parent().Field("type"))
		case "assignment_expression":
			if parent.Field("right").Same(n) && parent.Field("operator").Text() == "=" {
				target = p.TypeOf(parent.Field("left"))
			}
		}
		args := n.ChildOfKind("argument_list")
		return args, isTCSType(target) && !args.IsNull()
	}
	return syntax.Node{}, false
}

func isTCSType(typeName string) bool {
	return typeName != "" && syntax.GenericBase(typeName) == "TaskCompletionSource"
}

// EnumMembers returns the members named by an expression made only of
// `Enum.Member` accesses of the given enum type combined with `|` (and
// parentheses), with the identifier nodes that spell the type; ok is false
// for anything else.
func EnumMembers(expr syntax.Node, enum string) (members []string, typeNodes []syntax.Node, ok bool) {
	expr = syntax.StripParens(expr)
	switch expr.Kind() {
	case "binary_expression":
		if expr.Field("operator").Text() != "|" {
			return nil, nil, false
		}
		lm, lt, lok := EnumMembers(expr.Field("left"), enum)
		rm, rt, rok := EnumMembers(expr.Field("right"), enum)
		return append(lm, rm...), append(lt, rt...), lok && rok
	case "member_access_expression":
		typ := expr.Field("expression")
		name := typ
		if typ.Kind() == "member_access_expression" || typ.Kind() == "qualified_name" {
			name = typ.Field("name")
		}
		if name.Kind() != "identifier" || name.Text() != enum {
			return nil, nil, false
		}
		member := expr.Field("name").Text()
		if _, known := API.Lookup("enum", enum, member); !known {
			return nil, nil, false
		}
		return []string{member}, []syntax.Node{name}, true
	}
	return nil, nil, false
}
