package rules

import (
	"strconv"
	"strings"
	"sync"

	"github.com/asyncsense/asyncsense/syntax"
)

// ArgFit says whether a blocking call's argument list can be handed to its
// async counterpart unchanged.
type ArgFit int

const (
	ArgsSame   ArgFit = iota // the counterpart accepts them: a safe fix
	ArgsMaybe                // usually, not always (Span vs Memory overloads...): an unsafe fix
	ArgsDiffer               // it does not: the finding stands, with no fix
)

// Counterpart is the awaitable replacement of a blocking call.
type Counterpart struct {
	Owner string      // the type whose fact or declaration matched: "Stream", "IOrderRepository"
	Async string      // the async member's name: "ReadAsync"
	Name  syntax.Node // the identifier in the call to rename
	Fit   ArgFit
	// Namespace is where the counterpart lives when it is an extension method
	// the sync member does not share (EF Core's ToListAsync); "" otherwise.
	Namespace string
	// Workspace is set when the counterpart is a sibling FooAsync declared
	// in the workspace rather than a fact of the API table.
	Workspace bool
}

// AsyncCounterpart finds the async counterpart of a blocking invocation:
// from the API table (counterparts.tsv) for the receiver's type or one of
// its ancestors, or a sibling `FooAsync` that returns a task, declared on
// the same workspace type as `Foo`. ok is false when the receiver's type
// is unknown, when nothing is known, and when the call cannot block
// (`semaphore.Wait(0)`).
func (p *Pass) AsyncCounterpart(inv syntax.Node) (Counterpart, bool) {
	fn := inv.Field("function")
	name := nameIdentifier(fn)
	if name.IsNull() {
		return Counterpart{}, false
	}
	member := name.Text()
	// Most calls are neither in the table nor have a FooAsync sibling;
	// settle that before any type is worked out.
	if !tableMembers()[member] && len(p.Index.Methods(member+"Async")) == 0 {
		return Counterpart{}, false
	}
	args := callArguments(inv)
	for _, a := range args {
		// An async method cannot take ref or out parameters: no counterpart
		// accepts this call's arguments.
		if m := argModifier(a); m == "ref" || m == "out" {
			return Counterpart{}, false
		}
	}
	recv := syntax.Receiver(inv)
	var owner string
	own := false
	switch {
	case fn.Is("identifier", "generic_name"), recv.Is("this", "base", "this_expression", "base_expression"):
		owner, own = syntax.EnclosingType(inv).Field("name").Text(), true
		if fn.Is("identifier", "generic_name") && len(p.methodsInAncestry(owner, member)) == 0 {
			// Not the type's own: `using static Util;` may bring it in.
			if t := p.staticImportDeclaring(inv, member); t != "" {
				owner, own = t, false
			}
		}
	case fn.Kind() != "member_access_expression":
		return Counterpart{}, false
	case isStaticTypeName(recv) && !p.isMemberOfEnclosingTypes(inv, syntax.SimpleName(recv)):
		owner = syntax.SimpleName(recv)
	default:
		owner = syntax.GenericBase(p.ChainType(recv))
	}
	// Inside FooAsync, a call to the type's own Foo is the usual async
	// wrapper over the sync core; suggesting FooAsync there would recurse.
	if owner == "" || own && enclosingMethodName(inv) == member+"Async" {
		return Counterpart{}, false
	}
	for _, t := range p.Ancestry(owner) {
		if p.declaresMethod(t, member) {
			continue // the workspace's own member of that name, not the BCL's
		}
		async, ok := API.Lookup("async", t, member+"/"+strconv.Itoa(len(args)))
		if !ok {
			async, ok = API.Lookup("async", t, member)
		}
		if !ok {
			continue
		}
		if async == "-" || p.cannotBlock(t, member, args) || !p.firstArgFits(t, member, args) {
			return Counterpart{}, false
		}
		ns, _ := API.Lookup("asyncns", t, "-")
		if ns != "" && !p.isQueryOf(recv, ns) {
			return Counterpart{}, false
		}
		return Counterpart{Owner: t, Async: async, Name: name, Fit: p.argFit(t, member, args), Namespace: ns}, true
	}
	return p.workspaceCounterpart(name, owner, own, args)
}

// workspaceCounterpart looks for `FooAsync` next to `Foo` on a workspace
// type or its workspace ancestors. own is set for calls on the enclosing
// type itself (`Foo()`, `this.Foo()`).
func (p *Pass) workspaceCounterpart(name syntax.Node, owner string, own bool, args []syntax.Node) (Counterpart, bool) {
	member := name.Text()
	async := member + "Async"
	// Dispose next to DisposeAsync is a question of `await using` (ASY020).
	if strings.HasSuffix(member, "Async") || member == "Dispose" {
		return Counterpart{}, false
	}
	for _, t := range p.Ancestry(owner) {
		if !p.declaresMethod(t, async) {
			continue
		}
		asyncs, syncs := notObsolete(p.methodsOn(t, async)), p.methodsOn(t, member)
		if !own || t != owner {
			asyncs = accessible(asyncs)
		}
		if len(asyncs) == 0 {
			continue // only [Obsolete] counterparts: the author retired them
		}
		if len(syncs) == 0 {
			// Foo comes from elsewhere (an extension method, another base).
			syncs = p.methodsInAncestry(owner, member)
		}
		if !allTasks(asyncs) || len(syncs) == 0 || anyTask(syncs) {
			return Counterpart{}, false
		}
		c := Counterpart{Owner: t, Async: async, Name: name, Workspace: true, Fit: workspaceFit(syncs, asyncs, args)}
		if c.Fit == ArgsDiffer {
			// Parse(string) next to ParseAsync(Stream) is not a sync/async
			// pair: nothing says the call blocks.
			return Counterpart{}, false
		}
		// A counterpart on another class may be private (the sync method
		// being its public wrapper); interface members and our own are not.
		if c.Fit == ArgsSame && !own && !p.isInterface(t) {
			c.Fit = ArgsMaybe
		}
		return c, true
	}
	return Counterpart{}, false
}

// workspaceFit compares the declarations: a FooAsync whose leading
// parameters have the types of a Foo overload taking as many arguments,
// with nothing required after them, takes the call's arguments unchanged
// (named arguments also need the same parameter names). Without a Foo
// overload to compare, it may; with only mismatching ones, it does not.
func workspaceFit(syncs, asyncs []MethodFact, args []syntax.Node) ArgFit {
	n := len(args)
	named := false
	for _, a := range args {
		named = named || !a.Field("name").IsNull()
	}
	fit := ArgsDiffer
	for _, a := range asyncs {
		if len(a.Params) < n || !restOptional(a.Params[n:]) {
			continue
		}
		compared := false
		for _, s := range syncs {
			if len(s.Params) != n {
				continue
			}
			compared = true
			switch {
			case !convertibleTypes(s.Params, a.Params[:n]):
			case !named || sameNames(s.Params, a.Params[:n]):
				return ArgsSame
			default:
				fit = ArgsMaybe
			}
		}
		if !compared {
			fit = ArgsMaybe
		}
	}
	return fit
}

// accessible drops the private methods: a call from another type cannot
// switch to them.
func accessible(ms []MethodFact) []MethodFact {
	var out []MethodFact
	for _, m := range ms {
		if !m.Private {
			out = append(out, m)
		}
	}
	return out
}

func notObsolete(ms []MethodFact) []MethodFact {
	var out []MethodFact
	for _, m := range ms {
		obsolete := false
		for _, a := range m.Attributes {
			obsolete = obsolete || a == "Obsolete"
		}
		if !obsolete {
			out = append(out, m)
		}
	}
	return out
}

func restOptional(ps []ParamFact) bool {
	for _, p := range ps {
		if p.Default == "" {
			return false
		}
	}
	return true
}

// convertibleTypes: every parameter type of a converts implicitly to the
// one of b in the same position, so arguments that bind to a also bind to
// b: the same type, or a widening numeric conversion that keeps every value
// exactly (int to long or double, not int to float or long to double).
func convertibleTypes(a, b []ParamFact) bool {
	for i := range a {
		if a[i].Type != b[i].Type && !strings.Contains(wideningTo[numericAlias(a[i].Type)], " "+numericAlias(b[i].Type)+" ") {
			return false
		}
	}
	return true
}

var wideningTo = map[string]string{
	"sbyte":  " short int long float double decimal ",
	"byte":   " short ushort int uint long ulong float double decimal ",
	"short":  " int long float double decimal ",
	"ushort": " int uint long ulong float double decimal ",
	"char":   " ushort int uint long ulong float double decimal ",
	"int":    " long double decimal ",
	"uint":   " long ulong double decimal ",
	"long":   " decimal ",
	"ulong":  " decimal ",
	"float":  " double ",
}

func numericAlias(t string) string {
	switch strings.TrimPrefix(t, "System.") {
	case "SByte":
		return "sbyte"
	case "Byte":
		return "byte"
	case "Int16":
		return "short"
	case "UInt16":
		return "ushort"
	case "Char":
		return "char"
	case "Int32":
		return "int"
	case "UInt32":
		return "uint"
	case "Int64":
		return "long"
	case "UInt64":
		return "ulong"
	case "Single":
		return "float"
	case "Double":
		return "double"
	case "Decimal":
		return "decimal"
	}
	return t
}

func sameNames(a, b []ParamFact) bool {
	for i := range a {
		if a[i].Name != b[i].Name {
			return false
		}
	}
	return true
}

func allTasks(ms []MethodFact) bool {
	for _, m := range ms {
		if !IsTaskType(m.Return) {
			return false
		}
	}
	return len(ms) > 0
}

func anyTask(ms []MethodFact) bool {
	for _, m := range ms {
		if IsTaskType(m.Return) {
			return true
		}
	}
	return false
}

// argFit reads asyncargs for Type.Member/n, Type.Member, then Type.*.
func (p *Pass) argFit(typ, member string, args []syntax.Node) ArgFit {
	for _, a := range args {
		if argModifier(a) != "" {
			return ArgsDiffer // ref/out/in: async methods cannot take them
		}
	}
	v, ok := API.Lookup("asyncargs", typ, member+"/"+strconv.Itoa(len(args)))
	if !ok {
		v, ok = API.Lookup("asyncargs", typ, member)
	}
	if !ok {
		v, ok = API.Lookup("asyncargs", typ, "*")
	}
	fit := ArgsSame
	switch {
	case !ok:
	case v == "maybe":
		fit = ArgsMaybe
	case v == "differ":
		return ArgsDiffer
	default:
		// A list of types: known to be one of them carries over, known to
		// be something else does not, unknown may.
		for _, a := range args {
			t := p.ChainType(argExpr(a))
			switch {
			case t == "":
				fit = ArgsMaybe
			case !oneOf(t, strings.Split(v, "|")):
				return ArgsDiffer
			}
		}
	}
	// Named arguments bind by name; the API table does not record names.
	for _, a := range args {
		if fit == ArgsSame && !a.Field("name").IsNull() {
			fit = ArgsMaybe
		}
	}
	return fit
}

func (p *Pass) cannotBlock(typ, member string, args []syntax.Node) bool {
	v, ok := API.Lookup("nonblocking", typ, member)
	if !ok || len(args) == 0 {
		return false
	}
	first := strings.Join(strings.Fields(argExpr(args[0]).Text()), "")
	for _, s := range strings.Split(v, "|") {
		if first == s {
			return true
		}
	}
	return false
}

func (p *Pass) firstArgFits(typ, member string, args []syntax.Node) bool {
	want, ok := API.Lookup("asyncarg0", typ, member)
	if !ok {
		return true
	}
	return len(args) > 0 && p.IsA(p.ChainType(argExpr(args[0])), want)
}

// ImportsNamespace reports whether n's file has a plain `using ns;`.
func ImportsNamespace(n syntax.Node, ns string) bool {
	return importedNamespaces(n.File())[ns]
}

type importsKey struct{}

// importedNamespaces is the set of plain `using` namespaces of f (not
// static, not aliases), outside type declarations, computed once per file.
func importedNamespaces(f *syntax.File) map[string]bool {
	return f.Memo(importsKey{}, func() any {
		out := map[string]bool{}
		// Matches come in source order, so a directive inside a type
		// declaration starts before the end of the last one seen.
		typeEnd := -1
		f.Root().NodesOfKinds([]string{"using_directive", "class_declaration", "struct_declaration", "record_declaration"}, func(x syntax.Node) bool {
			if x.Start() < typeEnd {
				return true
			}
			if x.Kind() != "using_directive" {
				typeEnd = x.End()
				return true
			}
			if !x.ChildOfKind("static").IsNull() || !x.ChildOfKind("=").IsNull() {
				return true
			}
			name := x.NamedChild(x.NamedChildCount() - 1)
			out[strings.Join(strings.Fields(name.Text()), "")] = true
			return true
		})
		return out
	}).(map[string]bool)
}

type staticImportsKey struct{}

// staticImportDeclaring returns the type imported with `using static` in
// n's file that declares member, or "".
func (p *Pass) staticImportDeclaring(n syntax.Node, member string) string {
	imports := n.File().Memo(staticImportsKey{}, func() any {
		var out []string
		n.File().Root().NodesOfKinds([]string{"using_directive"}, func(x syntax.Node) bool {
			if !x.ChildOfKind("static").IsNull() {
				out = append(out, syntax.GenericBase(syntax.SimpleName(x.NamedChild(x.NamedChildCount()-1))))
			}
			return true
		})
		return out
	}).([]string)
	for _, t := range imports {
		if len(p.methodsOn(t, member)) > 0 {
			return t
		}
	}
	return ""
}

// UsingEdit inserts `using ns;` after the file's last top-level (or
// first namespace's) using directive; ok is false when the file has none
// to anchor it.
func (p *Pass) UsingEdit(ns string) (Edit, bool) {
	var last syntax.Node
	scopes := []syntax.Node{p.File.Root()}
	for _, c := range p.File.Root().NamedChildren() {
		if c.Is("namespace_declaration", "file_scoped_namespace_declaration") {
			scopes = append(scopes, c, c.Field("body"))
			break
		}
	}
	for _, s := range scopes {
		for _, c := range s.NamedChildren() {
			if c.Kind() == "using_directive" {
				last = c
			}
		}
		if !last.IsNull() {
			break
		}
	}
	if last.IsNull() {
		return Edit{}, false
	}
	return Insert(last.End(), p.Newline()+p.Indent(last)+"using "+ns+";"), true
}

// nameIdentifier is the identifier a call names: `ReadToEnd` in
// `r.ReadToEnd()`, `Deserialize` in `JsonSerializer.Deserialize<T>(s)`.
func nameIdentifier(fn syntax.Node) syntax.Node {
	if fn.Kind() == "member_access_expression" {
		fn = fn.Field("name")
	}
	if fn.Kind() == "generic_name" {
		fn = fn.NamedChild(0)
	}
	if fn.Kind() != "identifier" {
		return syntax.Node{}
	}
	return fn
}

func callArguments(inv syntax.Node) []syntax.Node {
	var out []syntax.Node
	for _, a := range inv.Field("arguments").NamedChildren() {
		if a.Kind() == "argument" {
			out = append(out, a)
		}
	}
	return out
}

// argExpr is an argument's expression, past `name:` and ref/out/in.
func argExpr(a syntax.Node) syntax.Node { return a.NamedChild(a.NamedChildCount() - 1) }

func argModifier(a syntax.Node) string {
	for _, c := range a.Children() {
		switch c.Kind() {
		case "ref", "out", "in":
			return c.Kind()
		}
	}
	return ""
}

func enclosingMethodName(n syntax.Node) string {
	for p := n.Parent(); !p.IsNull(); p = p.Parent() {
		if p.Is("method_declaration", "local_function_statement") {
			return p.Field("name").Text()
		}
	}
	return ""
}

// isMemberOfEnclosingTypes reports whether name is a field or property of
// the enclosing type as the index knows it (declared in another part of a
// partial class or in a base), so `File.Read()` on a property called File
// is not taken for System.IO.File.
func (p *Pass) isMemberOfEnclosingTypes(n syntax.Node, name string) bool {
	typ := syntax.EnclosingType(n).Field("name").Text()
	if typ == "" {
		return false
	}
	anc := p.Ancestry(typ)
	for _, m := range p.Index.Members(name) {
		for _, t := range anc {
			if m.Type == t {
				return true
			}
		}
	}
	return false
}

func (p *Pass) declaresMethod(typ, member string) bool {
	for _, t := range p.Index.Types(typ) {
		for _, m := range t.Methods {
			if m == member {
				return true
			}
		}
	}
	return false
}

func (p *Pass) methodsInAncestry(typ, member string) []MethodFact {
	for _, t := range p.Ancestry(typ) {
		if ms := p.methodsOn(t, member); len(ms) > 0 {
			return ms
		}
	}
	return nil
}

func (p *Pass) isInterface(typ string) bool {
	ts := p.Index.Types(typ)
	return len(ts) > 0 && ts[0].Kind == "interface"
}

func oneOf(s string, list []string) bool {
	for _, x := range list {
		if s == x {
			return true
		}
	}
	return false
}

// isQueryOf reports whether a receiver typed as a query belongs to the
// provider whose async operators live in namespace ns (EF Core): its chain
// starts from a type that is known to be one (a DbSet, a DbContext), or the
// file imports ns and no AsQueryable() on something that is not a query
// turned a collection into one (LINQ-to-objects, where the provider's async
// operators throw).
func (p *Pass) isQueryOf(recv syntax.Node, ns string) bool {
	for n, depth := recv, 0; !n.IsNull() && depth < 32; depth++ {
		n = syntax.StripParens(n)
		switch n.Kind() {
		case "invocation_expression":
			inner := syntax.Receiver(n)
			if syntax.CalleeName(n) == "AsQueryable" && !p.IsA(p.ChainType(inner), "IQueryable") {
				return false
			}
			n = inner
		case "member_access_expression":
			if t := p.ChainType(n); p.IsA(t, "DbSet") || p.IsA(t, "DbContext") {
				return true
			}
			n = n.Field("expression")
		case "identifier":
			if t := p.ChainType(n); p.IsA(t, "DbSet") || p.IsA(t, "DbContext") {
				return true
			}
			if d := syntax.Resolve(n); d.Kind == syntax.DeclLocal && !d.Init.IsNull() {
				n = d.Init
				continue
			}
			return ImportsNamespace(recv, ns)
		case "query_expression":
			from := n.ChildOfKind("from_clause")
			n = from.NamedChild(from.NamedChildCount() - 1)
		default:
			return ImportsNamespace(recv, ns)
		}
	}
	return ImportsNamespace(recv, ns)
}

// tableMembers is the set of member names with an `async` fact.
var tableMembers = sync.OnceValue(func() map[string]bool {
	names := map[string]bool{}
	API.Each("async", func(_, member, _ string) {
		name, _, _ := strings.Cut(member, "/")
		names[name] = true
	})
	return names
})
