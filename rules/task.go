package rules

import (
	"strings"

	"github.com/asyncsense/asyncsense/syntax"
)

// Tri is a three-valued answer. Unknown never justifies a warning.
type Tri int8

const (
	Unknown Tri = iota
	No
	Yes
)

// IsTaskType reports whether a type name (as syntax.TypeName gives it) is
// Task, Task<T>, ValueTask or ValueTask<T>, nullable or not.
func IsTaskType(typeName string) bool {
	if strings.HasSuffix(strings.TrimSuffix(typeName, "?"), "]") {
		return false // Task<int>[]: an array of tasks, not a task
	}
	switch syntax.GenericBase(typeName) {
	case "Task", "ValueTask":
		return true
	}
	return false
}

// IsTask answers "does this expression evaluate to a Task/ValueTask?" from
// the file, the workspace index and the API table.
func (p *Pass) IsTask(expr syntax.Node) Tri {
	t := p.TypeOf(expr)
	switch {
	case t == "":
		return Unknown
	case IsTaskType(t):
		return Yes
	}
	return No
}

// TypeOf returns the type name of an expression when the file, the index or
// the API table tell it, or "" when they do not. It is deliberately shallow:
// a wrong answer would turn into a false positive.
func (p *Pass) TypeOf(expr syntax.Node) string {
	expr = syntax.StripParens(expr)
	switch expr.Kind() {
	case "invocation_expression":
		return p.returnTypeOf(expr)
	case "identifier":
		return p.typeOfName(expr)
	case "member_access_expression":
		recv := expr.Field("expression")
		name := expr.Field("name").Text()
		if syntax.IsThis(recv) {
			return p.typeOfMember(syntax.EnclosingType(expr), name)
		}
		if v, ok := API.Lookup("returns", syntax.SimpleName(recv), name); ok && isStaticTypeName(recv) {
			return v
		}
		if recvType := p.TypeOf(recv); recvType != "" {
			if v, ok := API.Lookup("returns", syntax.GenericBase(recvType), name); ok {
				return v
			}
			if t := p.indexMemberType(syntax.GenericBase(recvType), name); t != "" {
				return t
			}
			// Inherited: `_db.Database` on the project's DbContext.
			return p.memberType(syntax.GenericBase(recvType), name)
		}
	case "await_expression":
		// `await x` has the T of x's Task<T> / ValueTask<T>, also through
		// ConfigureAwait: `var s = await OpenAsync();` makes s a Stream.
		awaited := syntax.StripParens(expr.NamedChild(0))
		if awaited.Kind() == "invocation_expression" && syntax.CalleeName(awaited) == "ConfigureAwait" {
			awaited = syntax.Receiver(awaited)
		}
		t := p.TypeOf(awaited)
		if base := syntax.GenericBase(t); base == "Task" || base == "ValueTask" {
			if i, j := strings.IndexByte(t, '<'), strings.LastIndexByte(t, '>'); i > 0 && j > i {
				return strings.TrimSpace(t[i+1 : j])
			}
		}
	case "object_creation_expression":
		return syntax.TypeName(expr.Field("type"))
	case "cast_expression":
		return syntax.TypeName(expr.Field("type"))
	case "conditional_access_expression":
		// x?.FooAsync() has the type of FooAsync(), lifted to nullable.
		if last := expr.NamedChild(expr.NamedChildCount() - 1); last.Kind() == "invocation_expression" {
			return p.returnTypeOf(last)
		}
	case "string_literal", "interpolated_string_expression", "verbatim_string_literal", "raw_string_literal":
		return "string"
	case "integer_literal":
		return "int"
	case "boolean_literal":
		return "bool"
	}
	return ""
}

// isStaticTypeName reports whether a receiver looks like a type name used
// for a static call (Task.Run, File.ReadAllText) rather than a variable:
// capitalised and not declared as a local, parameter or member in the file.
func isStaticTypeName(recv syntax.Node) bool {
	switch recv.Kind() {
	case "identifier":
		name := recv.Text()
		return name != "" && name[0] >= 'A' && name[0] <= 'Z' && syntax.Resolve(recv).Kind == syntax.DeclNone
	case "member_access_expression", "qualified_name":
		// Task.Factory.StartNew, System.Threading.Tasks.Task.Run
		return isStaticTypeName(recv.Field("expression")) || strings.HasPrefix(recv.Text(), "System.")
	case "generic_name", "predefined_type":
		return true
	}
	return false
}

func (p *Pass) returnTypeOf(inv syntax.Node) string {
	name := syntax.CalleeName(inv)
	if name == "" {
		return ""
	}
	if t := resolvedService(p, inv, name); t != "" {
		return t
	}
	recv := syntax.Receiver(inv)
	// `Clients.Caller` reads like a static type but is SignalR's proxy for
	// the hub's client interface: the workspace's declarations decide.
	if !recv.IsNull() && !isHubClientProxy(recv) {
		if r, known := p.returnOnReceiver(recv, name); known {
			return withTypeArgument(inv, r)
		}
	}
	if ms := p.Index.Methods(name); len(ms) > 0 {
		if r := agreeOnReturn(ms); r != "" {
			return withTypeArgument(inv, r)
		}
		// Declarations disagree (overloads or same-named methods on other
		// types): the name convention is all that is left, and only when
		// none of them contradicts it.
		if strings.HasSuffix(name, "Async") && allTaskOrUnknown(ms) {
			return "Task"
		}
		return ""
	}
	if strings.HasSuffix(name, "Async") {
		return "Task"
	}
	return ""
}

// returnOnReceiver answers from the receiver's type when it is known: the
// API table, Task's own members, then the workspace declarations on the
// type and its ancestors. known is false when the receiver's type is
// unknown, so the caller may fall back to the method name; when the type is
// known but declares nothing by that name, a name that does not end in Async
// stays unknown rather than borrowing some other type's `Create` or `Run`.
func (p *Pass) returnOnReceiver(recv syntax.Node, name string) (ret string, known bool) {
	recvType := ""
	if isStaticTypeName(recv) {
		recvType = syntax.SimpleName(recv)
	} else {
		recvType = p.TypeOf(recv)
	}
	if recv.Text() == "Task.Factory" && name == "StartNew" {
		return "Task", true
	}
	if recvType == "" {
		return "", false
	}
	base := syntax.GenericBase(recvType)
	if v, ok := API.Lookup("returns", base, name); ok {
		if v == "$0" {
			// The receiver's type argument: IDbContextFactory<ShopDb>.CreateDbContext().
			return singleTypeArgument(recvType), true
		}
		return v, true
	}
	if IsTaskType(recvType) {
		switch name {
		case "ConfigureAwait":
			return "ConfiguredTaskAwaitable", true
		case "GetAwaiter":
			return "TaskAwaiter", true
		case "ContinueWith", "WaitAsync":
			return "Task", true
		}
	}
	for _, t := range p.Ancestry(base) {
		if ms := p.methodsOn(t, name); len(ms) > 0 {
			return agreeOnReturn(ms), true
		}
	}
	if strings.HasSuffix(name, "Async") {
		return "", false
	}
	return "", true
}

func (p *Pass) methodsOn(typeName, name string) []MethodFact {
	var out []MethodFact
	for _, m := range p.Index.Methods(name) {
		if m.Type == typeName {
			out = append(out, m)
		}
	}
	return out
}

// agreeOnReturn returns the common "task or not" answer of several
// declarations: their return type if they all agree, else "".
func agreeOnReturn(ms []MethodFact) string {
	first := ms[0].Return
	for _, m := range ms[1:] {
		if IsTaskType(m.Return) != IsTaskType(first) {
			return ""
		}
	}
	return first
}

func allTaskOrUnknown(ms []MethodFact) bool {
	for _, m := range ms {
		if m.Return != "" && !IsTaskType(m.Return) && m.Return != "var" {
			return false
		}
	}
	return true
}

// typeOfName resolves a simple name: a local, parameter, field or property
// of the file, then a field or property of the same type declared elsewhere
// in the workspace (partial classes).
func (p *Pass) typeOfName(ident syntax.Node) string {
	d := syntax.Resolve(ident)
	if d.Kind == syntax.DeclNone {
		return p.typeOfMember(syntax.EnclosingType(ident), ident.Text())
	}
	return p.declaredType(d)
}

func (p *Pass) declaredType(d syntax.Decl) string {
	switch {
	case d.Type.Kind() == "implicit_type" || (d.Type.IsNull() && d.Kind == syntax.DeclLocal):
		if d.Init.IsNull() {
			return ""
		}
		init := d.Init
		if init.Kind() == "arrow_expression_clause" {
			init = init.NamedChild(0)
		}
		return p.TypeOf(init)
	case d.Type.IsNull():
		return "" // an untyped lambda parameter
	}
	return syntax.TypeName(d.Type)
}

func (p *Pass) typeOfMember(typeDecl syntax.Node, name string) string {
	if typeDecl.IsNull() {
		return ""
	}
	if d := syntax.MemberDecl(typeDecl, name); d.Kind != syntax.DeclNone {
		return p.declaredType(d)
	}
	return p.indexMemberType(typeDecl.Field("name").Text(), name)
}

func (p *Pass) indexMemberType(typeName, name string) string {
	for _, m := range p.Index.Members(name) {
		if m.Type == typeName && m.MemberType != "var" {
			return m.MemberType
		}
	}
	return ""
}

// withTypeArgument substitutes the type argument of a generic call into a
// declared return type that mentions one type parameter: a workspace
// `Task<T> GetJsonAsync<T>(...)` called as `GetJsonAsync<Order>(...)`
// returns Task<Order>. With more type arguments or parameters, or none,
// ret is returned unchanged. The text is checked first: most return types
// mention no type parameter, and the call's nodes cost cgo calls.
func withTypeArgument(inv syntax.Node, ret string) string {
	param := ""
	for _, tok := range strings.FieldsFunc(ret, notIdentRune) {
		if looksLikeTypeParameter(tok) {
			if param != "" && param != tok {
				return ret
			}
			param = tok
		}
	}
	if param == "" {
		return ret
	}
	name := inv.Field("function")
	if name.Kind() == "member_access_expression" {
		name = name.Field("name")
	}
	if name.Kind() != "generic_name" {
		return ret
	}
	args := name.ChildOfKind("type_argument_list").NamedChildren()
	if len(args) != 1 {
		return ret
	}
	var b, tok strings.Builder
	flush := func() {
		if tok.String() == param {
			b.WriteString(syntax.TypeName(args[0]))
		} else {
			b.WriteString(tok.String())
		}
		tok.Reset()
	}
	for _, r := range ret {
		if notIdentRune(r) {
			flush()
			b.WriteRune(r)
			continue
		}
		tok.WriteRune(r)
	}
	flush()
	return b.String()
}

func notIdentRune(r rune) bool {
	return !(r == '_' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9')
}

// resolvedService types the dependency-injection lookups by their type
// argument: `provider.GetRequiredService<ShopDb>()` is a ShopDb, whatever
// the provider (they are extension methods of IServiceProvider).
func resolvedService(p *Pass, inv syntax.Node, name string) string {
	switch name {
	case "GetRequiredService", "GetService", "GetRequiredKeyedService", "GetKeyedService":
	default:
		return ""
	}
	if len(p.Index.Methods(name)) > 0 {
		return ""
	}
	if t := withTypeArgument(inv, "T"); t != "T" {
		return t
	}
	return ""
}
