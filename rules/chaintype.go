package rules

import "github.com/asyncsense/asyncsense/syntax"

// ChainType is TypeOf carried along member chains by the API table's
// `returns` and `base` facts and the workspace's declarations, so that
// `File.OpenText(p)`, `process.StandardOutput`, `_db.Orders.Where(...)` and
// `conn.CreateCommand()` have a type. For a local, the initializer's type
// wins over the declared one: `Stream s = new MemoryStream()` never waits
// on I/O. "" when nothing says.
func (p *Pass) ChainType(expr syntax.Node) string { return p.chainType(expr, 0) }

func (p *Pass) chainType(expr syntax.Node, depth int) string {
	if depth > 16 {
		return ""
	}
	expr = syntax.StripParens(expr)
	switch expr.Kind() {
	case "invocation_expression", "member_access_expression":
		recv, name := syntax.Receiver(expr), syntax.SimpleName(expr)
		if expr.Kind() == "invocation_expression" {
			name = syntax.CalleeName(expr)
		}
		if recv.IsNull() || name == "" {
			break
		}
		var owner string
		switch {
		case recv.Is("this", "this_expression"):
			owner = syntax.EnclosingType(expr).Field("name").Text()
		case isStaticTypeName(recv) && !p.isMemberOfEnclosingTypes(expr, syntax.SimpleName(recv)):
			owner = syntax.SimpleName(recv)
		default:
			owner = syntax.GenericBase(p.chainType(recv, depth+1))
		}
		if t := p.memberType(owner, name); t != "" {
			return t
		}
	case "identifier":
		d := syntax.Resolve(expr)
		switch {
		case d.Kind == syntax.DeclLocal && !d.Init.IsNull():
			if t := p.chainType(d.Init, depth+1); t != "" {
				return t
			}
		case d.Kind == syntax.DeclNone:
			// A member inherited from a workspace base (DbSet properties of
			// a DbContext used inside a subclass).
			if t := p.memberType(syntax.EnclosingType(expr).Field("name").Text(), expr.Text()); t != "" {
				return t
			}
		}
	case "this", "this_expression":
		return syntax.EnclosingType(expr).Field("name").Text()
	case "array_creation_expression":
		return syntax.TypeName(expr.Field("type"))
	case "query_expression":
		from := expr.ChildOfKind("from_clause")
		if src := from.NamedChild(from.NamedChildCount() - 1); p.IsA(p.chainType(src, depth+1), "IQueryable") {
			return "IQueryable"
		}
		return ""
	}
	return p.TypeOf(expr)
}

// memberType is what member name of type owner (or of an ancestor)
// returns or holds. A workspace type's own declarations hide the API
// table's facts for a type of the same name.
func (p *Pass) memberType(owner, name string) string {
	if owner == "" {
		return ""
	}
	for _, t := range p.Ancestry(owner) {
		if ms := p.methodsOn(t, name); len(ms) > 0 {
			return agreeOnReturn(ms)
		}
		if mt := p.indexMemberType(t, name); mt != "" {
			return mt
		}
		if v, ok := API.Lookup("returns", t, name); ok {
			if v == "$0" {
				return "" // the type argument of a receiver only known by name
			}
			return v
		}
	}
	return ""
}

// Ancestry lists a type and what it derives from or implements, nearest
// first: the workspace's base lists and the API table's `base` facts
// (SqlConnection → DbConnection → IDbConnection). Bounded, so cyclic
// hierarchies in broken code stay cheap.
func (p *Pass) Ancestry(typeName string) []string {
	start := syntax.GenericBase(typeName)
	if start == "" {
		return nil
	}
	out := []string{start}
	seen := map[string]bool{start: true}
	for i := 0; i < len(out) && i < 64; i++ {
		var next []string
		for _, t := range p.Index.Types(out[i]) {
			next = append(next, t.Bases...)
		}
		if b, ok := API.Lookup("base", out[i], "-"); ok {
			next = append(next, b)
		}
		for _, b := range next {
			if b = syntax.GenericBase(b); b != "" && !seen[b] {
				seen[b] = true
				out = append(out, b)
			}
		}
	}
	return out
}

// IsA reports whether typeName is base or derives from it (see Ancestry).
func (p *Pass) IsA(typeName, base string) bool {
	for _, t := range p.Ancestry(typeName) {
		if t == base {
			return true
		}
	}
	return false
}
