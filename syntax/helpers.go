package syntax

import "strings"

// functionKinds are the nodes that own a body of statements: where `await` is
// legal or not, and where "the enclosing method" stops.
var functionKinds = []string{
	"method_declaration", "local_function_statement", "lambda_expression",
	"anonymous_method_expression", "constructor_declaration", "destructor_declaration",
	"operator_declaration", "conversion_operator_declaration", "accessor_declaration",
}

// FunctionKinds lists every kind IsFunction may answer true for, for a
// query that must find all the functions under a node.
func FunctionKinds() []string {
	return append(append([]string(nil), functionKinds...), "arrow_expression_clause")
}

// IsFunction reports whether n is a method, local function, lambda, anonymous
// method, constructor, operator or accessor.
func IsFunction(n Node) bool {
	if n.Is(functionKinds...) {
		return true
	}
	// An expression-bodied property (`Task<int> P => x;`) has no accessor
	// node; its arrow clause plays the function.
	return n.Kind() == "arrow_expression_clause" && n.Parent().Kind() == "property_declaration"
}

// EnclosingFunction returns the innermost function-like node strictly above n.
func EnclosingFunction(n Node) Node {
	for p := n.Parent(); !p.IsNull(); p = p.Parent() {
		if IsFunction(p) {
			return p
		}
	}
	return Node{}
}

// EnclosingType returns the innermost class, struct, record or interface
// declaration above n.
func EnclosingType(n Node) Node {
	for p := n.Parent(); !p.IsNull(); p = p.Parent() {
		if p.Is("class_declaration", "struct_declaration", "record_declaration",
			"record_struct_declaration", "interface_declaration") {
			return p
		}
	}
	return Node{}
}

// Modifiers returns the modifier keywords of a declaration, lambda or
// local function, in source order.
func Modifiers(decl Node) []Node {
	var mods []Node
	for _, c := range decl.Children() {
		if c.Kind() == "modifier" {
			mods = append(mods, c)
		}
	}
	return mods
}

// Modifier returns the modifier node with the given keyword, or null.
func Modifier(decl Node, keyword string) Node {
	for _, m := range Modifiers(decl) {
		if m.Text() == keyword {
			return m
		}
	}
	return Node{}
}

// IsAsync reports whether a function-like node carries the async modifier.
func IsAsync(fn Node) bool { return !Modifier(fn, "async").IsNull() }

// ReturnType returns the declared return type node of a method, local
// function, operator or delegate; null for lambdas, constructors, accessors.
func ReturnType(fn Node) Node {
	switch fn.Kind() {
	case "method_declaration":
		return fn.Field("returns")
	case "local_function_statement", "operator_declaration", "conversion_operator_declaration":
		return fn.Field("type")
	case "arrow_expression_clause":
		return fn.Parent().Field("type")
	case "accessor_declaration":
		if a := fn.Field("name"); a.Text() == "get" {
			if prop := fn.Parent().Parent(); prop.Is("property_declaration", "indexer_declaration") {
				return prop.Field("type")
			}
		}
	}
	return Node{}
}

// Body returns a function's block or expression body (the arrow clause's
// expression for `=>` members, the lambda's body node for lambdas).
func Body(fn Node) Node {
	switch fn.Kind() {
	case "lambda_expression":
		return fn.Field("body")
	case "anonymous_method_expression":
		return fn.ChildOfKind("block")
	case "arrow_expression_clause":
		return arrowExpr(fn)
	}
	if b := fn.Field("body"); !b.IsNull() {
		if b.Kind() == "arrow_expression_clause" {
			return arrowExpr(b)
		}
		return b
	}
	if b := fn.ChildOfKind("block"); !b.IsNull() {
		return b
	}
	if a := fn.ChildOfKind("arrow_expression_clause"); !a.IsNull() {
		return arrowExpr(a)
	}
	return Node{}
}

// arrowExpr returns the expression of an arrow clause. Comments are named
// children too, so `=> // why\n expr` must not answer the comment.
func arrowExpr(a Node) Node {
	for _, c := range a.NamedChildren() {
		if c.Kind() != "comment" {
			return c
		}
	}
	return Node{}
}

// NameNode is where a function-level finding is reported: the declared name
// for methods and local functions, the `=>` for lambdas, the `delegate`
// keyword for anonymous methods.
func NameNode(fn Node) Node {
	switch fn.Kind() {
	case "lambda_expression":
		return fn.ChildOfKind("=>")
	case "anonymous_method_expression":
		return fn.ChildOfKind("delegate")
	}
	if n := fn.Field("name"); !n.IsNull() {
		return n
	}
	return fn
}

// Parameters returns the parameter nodes of a function (lambda implicit
// parameters included).
func Parameters(fn Node) []Node {
	params := fn.Field("parameters")
	if params.IsNull() {
		params = fn.ChildOfKind("parameter_list")
	}
	if params.Kind() == "implicit_parameter" || params.Kind() == "identifier" {
		return []Node{params}
	}
	var out []Node
	for _, c := range params.NamedChildren() {
		if c.Kind() == "parameter" {
			out = append(out, c)
		}
	}
	return out
}

// StripParens returns the expression inside any number of parentheses.
func StripParens(n Node) Node {
	for n.Kind() == "parenthesized_expression" {
		n = n.NamedChild(0)
	}
	return n
}

// CalleeName returns the simple name an invocation calls: "GetAsync" for
// `GetAsync(id)`, `svc.GetAsync(id)`, `svc?.GetAsync(id)` and
// `GetAsync<T>(id)`; empty when the callee is not a name (a delegate
// expression, an indexer result...).
func CalleeName(inv Node) string {
	return SimpleName(inv.Field("function"))
}

// SimpleName returns the rightmost simple identifier of a name or member
// access, without type arguments.
func SimpleName(n Node) string {
	switch n.Kind() {
	case "identifier":
		return n.Text()
	case "generic_name":
		return n.NamedChild(0).Text()
	case "member_access_expression":
		return SimpleName(n.Field("name"))
	case "conditional_access_expression":
		return SimpleName(n.NamedChild(n.NamedChildCount() - 1))
	case "member_binding_expression":
		return SimpleName(n.Field("name"))
	case "qualified_name":
		return SimpleName(n.Field("name"))
	}
	return ""
}

// Receiver returns the expression a member access or invocation of a member
// is applied to: `svc` in `svc.GetAsync(id)`.
func Receiver(n Node) Node {
	if n.Kind() == "invocation_expression" {
		n = n.Field("function")
	}
	if n.Kind() == "member_access_expression" {
		return n.Field("expression")
	}
	return Node{}
}

// TypeName returns a type's text without whitespace, global:: or the
// System.Threading.Tasks namespace prefix, e.g. "Task<int>".
func TypeName(t Node) string {
	s := strings.Join(strings.Fields(t.Text()), "")
	s = strings.TrimPrefix(s, "global::")
	return strings.TrimPrefix(s, "System.Threading.Tasks.")
}

// GenericBase returns the type name before its type arguments: "Task" for
// "Task<int>", "ValueTask" for "System.Threading.Tasks.ValueTask<T>".
func GenericBase(typeName string) string {
	if i := strings.IndexByte(typeName, '<'); i >= 0 {
		typeName = typeName[:i]
	}
	if i := strings.LastIndexByte(typeName, '.'); i >= 0 {
		typeName = typeName[i+1:]
	}
	return strings.TrimSuffix(typeName, "?")
}

// IsThis reports whether n is the `this` keyword used as an expression
// (the grammar gives it the node kind "this", not this_expression).
func IsThis(n Node) bool { return n.Is("this", "this_expression") }

// IsBase reports whether n is the `base` keyword used as an expression.
func IsBase(n Node) bool { return n.Is("base", "base_expression") }
