package syntax

// DeclKind says where a name was declared.
type DeclKind int

const (
	DeclNone DeclKind = iota
	DeclLocal
	DeclParameter
	DeclField
	DeclProperty
)

// Decl is what name resolution inside one file found for an identifier.
type Decl struct {
	Kind DeclKind
	Name Node // the declaring identifier
	Type Node // the declared type; an implicit_type node for `var`; null for untyped lambda parameters
	Init Node // the initializer expression of a local or field, if any
}

// Resolve finds the declaration an identifier refers to by walking its scopes
// outwards: locals declared earlier in enclosing blocks, parameters of
// enclosing functions, then fields and properties of enclosing types. It is
// syntax only: inherited members and other files are the index's business.
func Resolve(ident Node) Decl {
	if ident.f == nil {
		return Decl{}
	}
	k := resolveKey{ident.Start(), ident.End(), ident.Kind()}
	return ident.f.Memo(k, func() any { return resolve(ident) }).(Decl)
}

// resolveKey names one node of a file for Resolve's memo: rules ask about
// the same identifier many times (types, task-ness, fixes).
type resolveKey struct {
	start, end int
	kind       string
}

func resolve(ident Node) Decl {
	name := ident.Text()
	if name == "" {
		return Decl{}
	}
	for scope := ident.Parent(); !scope.IsNull(); scope = scope.Parent() {
		switch {
		case scope.Is("block", "switch_section", "global_statement", "compilation_unit"):
			if d := localIn(scope, name, ident.Start()); d.Kind != DeclNone {
				return d
			}
		case scope.Is("using_statement", "for_statement", "fixed_statement"):
			if d := declaratorIn(scope.ChildOfKind("variable_declaration"), name); d.Kind != DeclNone {
				return d
			}
		case scope.Kind() == "foreach_statement":
			if left := scope.Field("left"); left.Text() == name {
				return Decl{Kind: DeclLocal, Name: left, Type: scope.Field("type")}
			}
		case scope.Kind() == "catch_clause":
			if cd := scope.ChildOfKind("catch_declaration"); cd.Field("name").Text() == name {
				return Decl{Kind: DeclLocal, Name: cd.Field("name"), Type: cd.Field("type")}
			}
		case IsFunction(scope):
			for _, p := range Parameters(scope) {
				pn := p
				if p.Kind() == "parameter" {
					pn = p.Field("name")
				}
				if pn.Text() == name {
					return Decl{Kind: DeclParameter, Name: pn, Type: p.Field("type")}
				}
			}
		case scope.Is("class_declaration", "struct_declaration", "record_declaration",
			"record_struct_declaration", "interface_declaration"):
			if d := MemberDecl(scope, name); d.Kind != DeclNone {
				return d
			}
		}
	}
	return Decl{}
}

// MemberDecl finds a field or property named name declared directly in a type
// declaration (primary constructor parameters count as fields).
func MemberDecl(typeDecl Node, name string) Decl {
	if typeDecl.f == nil {
		return Decl{}
	}
	k := scopeKey{typeDecl.Start(), typeDecl.End(), typeDecl.Kind(), "members"}
	members := typeDecl.f.Memo(k, func() any { return memberDecls(typeDecl) }).(map[string]Decl)
	return members[name]
}

// scopeKey names a scope node of a file and what was collected from it.
type scopeKey struct {
	start, end int
	kind, what string
}

// memberDecls is MemberDecl for every name at once, kept per type: Resolve
// asks about each unresolved identifier, and a type can have hundreds of
// members. The first declaration of a name wins, as in a search in order.
func memberDecls(typeDecl Node) map[string]Decl {
	out := map[string]Decl{}
	add := func(name string, d Decl) {
		if _, ok := out[name]; !ok {
			out[name] = d
		}
	}
	for _, p := range Parameters(typeDecl) {
		add(p.Field("name").Text(), Decl{Kind: DeclField, Name: p.Field("name"), Type: p.Field("type")})
	}
	for _, m := range typeDecl.Field("body").NamedChildren() {
		switch m.Kind() {
		case "field_declaration", "event_field_declaration":
			for _, d := range declarators(m.ChildOfKind("variable_declaration")) {
				d.Kind = DeclField
				add(d.Name.Text(), d)
			}
		case "property_declaration":
			add(m.Field("name").Text(), Decl{Kind: DeclProperty, Name: m.Field("name"), Type: m.Field("type"), Init: m.Field("value")})
		}
	}
	return out
}

// localIn looks for a local declared by a statement of scope that starts
// before offset (C# forbids use before declaration, so later ones do not count).
func localIn(scope Node, name string, before int) Decl {
	var found Decl
	for _, l := range scopeLocals(scope) {
		if l.start >= before {
			break
		}
		if l.decl.Name.Text() == name {
			found = l.decl // a later declaration in the same scope shadows nothing in C#, but keep the nearest
		}
	}
	return found
}

type local struct {
	start int // of the declaring statement
	decl  Decl
}

// scopeLocals lists the locals the statements of scope declare, in order,
// once per scope: Resolve looks up every identifier of a block in it.
func scopeLocals(scope Node) []local {
	collect := func() any {
		var out []local
		for _, st := range scope.NamedChildren() {
			start := st.Start()
			if st.Kind() == "global_statement" {
				st = st.NamedChild(0)
			}
			if st.Kind() != "local_declaration_statement" {
				continue
			}
			// declaratorIn takes the first declarator of a name.
			seen := map[string]bool{}
			for _, d := range declarators(st.ChildOfKind("variable_declaration")) {
				if n := d.Name.Text(); !seen[n] {
					seen[n] = true
					out = append(out, local{start, d})
				}
			}
		}
		return out
	}
	if scope.f == nil {
		return nil
	}
	return scope.f.Memo(scopeKey{scope.Start(), scope.End(), scope.Kind(), "locals"}, collect).([]local)
}

// declarators is every variable_declarator of vd as a local Decl.
func declarators(vd Node) []Decl {
	var out []Decl
	for _, c := range vd.NamedChildren() {
		if c.Kind() == "variable_declarator" {
			out = append(out, declaratorIn(vd, c.Field("name").Text()))
		}
	}
	return out
}

func declaratorIn(vd Node, name string) Decl {
	if vd.IsNull() {
		return Decl{}
	}
	for _, c := range vd.NamedChildren() {
		if c.Kind() != "variable_declarator" || c.Field("name").Text() != name {
			continue
		}
		d := Decl{Kind: DeclLocal, Name: c.Field("name"), Type: vd.Field("type")}
		// The initializer is the named child after `=`; it has no field name.
		for i, sawEq := 0, false; i < c.ChildCount(); i++ {
			ch := c.Child(i)
			if sawEq && ch.IsNamed() {
				d.Init = ch
				break
			}
			sawEq = sawEq || ch.Kind() == "="
		}
		return d
	}
	return Decl{}
}
