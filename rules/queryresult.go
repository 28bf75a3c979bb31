package rules

import (
	"strings"

	"github.com/asyncsense/asyncsense/syntax"
)

// elementPreserving are the EF Core and LINQ operators that hand on a query
// of the same element type: `db.Orders.Include(...).AsNoTracking()` is
// still a query of Order.
var elementPreserving = map[string]bool{
	"Where": true, "OrderBy": true, "OrderByDescending": true, "ThenBy": true, "ThenByDescending": true,
	"Include": true, "ThenInclude": true, "AsNoTracking": true, "AsNoTrackingWithIdentityResolution": true,
	"AsTracking": true, "AsSplitQuery": true, "AsSingleQuery": true, "IgnoreQueryFilters": true,
	"IgnoreAutoIncludes": true, "TagWith": true, "Skip": true, "Take": true, "Distinct": true,
	"AsQueryable": true, "Reverse": true,
}

// IsDeferredQueryOperator reports whether a LINQ/EF Core operator only
// builds a query (nothing runs until a terminal operator), so the source it
// is called on is read later by whatever executes the query.
func IsDeferredQueryOperator(name string) bool {
	switch name {
	case "Select", "SelectMany", "GroupBy", "Join", "GroupJoin", "OfType", "Cast", "Union", "Concat",
		"Intersect", "Except", "Zip", "DistinctBy", "UnionBy", "ExceptBy", "IntersectBy", "AsEnumerable":
		return true
	}
	return elementPreserving[name]
}

// singleResult are the terminal EF Core operators whose task carries one
// element; listResult and arrayResult materialise the query.
var singleResult = map[string]bool{
	"FirstAsync": true, "FirstOrDefaultAsync": true, "SingleAsync": true, "SingleOrDefaultAsync": true,
	"LastAsync": true, "LastOrDefaultAsync": true,
}

// QueryResultType returns the task type of an EF Core terminal operator
// applied to a query whose element type is known: Task<Order> for
// `db.Orders.Where(...).SingleOrDefaultAsync(...)`, Task<List<Order>> for
// `ToListAsync()`. "" when the chain's element type is not known (a
// Select changes it, a receiver of unknown type hides it).
func (p *Pass) QueryResultType(call syntax.Node) string {
	name := syntax.CalleeName(call)
	if call.Kind() != "invocation_expression" || p.workspaceQueryOperator(name) {
		return ""
	}
	var wrap func(string) string
	switch {
	case singleResult[name]:
		wrap = func(t string) string { return "Task<" + t + ">" }
	case name == "ToListAsync":
		wrap = func(t string) string { return "Task<List<" + t + ">>" }
	case name == "ToArrayAsync":
		wrap = func(t string) string { return "Task<" + t + "[]>" }
	default:
		return ""
	}
	if elem := p.queryElement(syntax.Receiver(call), 0); elem != "" {
		return wrap(elem)
	}
	return ""
}

// queryElement is T for an expression that is a DbSet<T> or IQueryable<T>,
// directly or through element-preserving operators.
func (p *Pass) queryElement(n syntax.Node, depth int) string {
	n = syntax.StripParens(n)
	if n.IsNull() || depth > 32 {
		return ""
	}
	if n.Kind() == "invocation_expression" {
		name := syntax.CalleeName(n)
		if !elementPreserving[name] || p.workspaceQueryOperator(name) {
			return ""
		}
		return p.queryElement(syntax.Receiver(n), depth+1)
	}
	t := p.TypeOf(n)
	switch syntax.GenericBase(t) {
	case "DbSet", "IQueryable", "IOrderedQueryable":
		return singleTypeArgument(t)
	}
	return ""
}

func singleTypeArgument(t string) string {
	i, j := strings.IndexByte(t, '<'), strings.LastIndexByte(t, '>')
	if i < 0 || j <= i {
		return ""
	}
	arg := strings.TrimSpace(t[i+1 : j])
	if strings.ContainsAny(arg, ",<") {
		return "" // keep to simple element types
	}
	return arg
}

// workspaceQueryOperator reports whether the workspace declares a method of
// this name that could extend a query (its first parameter is a query or a
// sequence): then the project's own operator may be the callee. A
// `FirstAsync` on some unrelated class cannot be.
func (p *Pass) workspaceQueryOperator(name string) bool {
	for _, m := range p.Index.Methods(name) {
		if len(m.Params) == 0 {
			continue
		}
		switch syntax.GenericBase(m.Params[0].Type) {
		case "IQueryable", "IOrderedQueryable", "DbSet", "IEnumerable", "IIncludableQueryable":
			return true
		}
		if looksLikeTypeParameter(m.Params[0].Type) {
			return true // `this TSource source` extends anything
		}
	}
	return false
}

// looksLikeTypeParameter follows the .NET naming convention for type
// parameters: T, or T followed by a capitalised word (TSource, TEntity).
func looksLikeTypeParameter(t string) bool {
	return t == "T" || len(t) > 1 && t[0] == 'T' && t[1] >= 'A' && t[1] <= 'Z'
}
