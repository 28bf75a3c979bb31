package rules

import (
	"strings"

	"github.com/asyncsense/asyncsense/syntax"
)

// IsAsyncDisposable reports whether a type, written as typeText in the file
// of n, is known to implement IAsyncDisposable with disposal worth awaiting:
// a type of data/disposables.tsv (or a table subtype of one), or a workspace
// type that declares DisposeAsync, lists IAsyncDisposable or derives from
// such a type. A name another imported namespace also uses for a
// synchronous-only type (System.Timers.Timer) is not assumed to be the
// table's.
func (p *Pass) IsAsyncDisposable(typeText string, n syntax.Node) bool {
	name := syntax.GenericBase(strings.Join(strings.Fields(typeText), ""))
	if name == "" {
		return false
	}
	if qual := qualifier(typeText); qual != "" {
		ns, ok := API.Lookup("async-disposable", name, "DisposeAsync")
		return ok && ns == qual
	}
	for _, a := range p.Ancestry(name) {
		if p.tableAsyncDisposable(a, n) || workspaceAsyncDisposable(p, a) {
			return true
		}
	}
	return false
}

func (p *Pass) tableAsyncDisposable(name string, n syntax.Node) bool {
	for i := 0; i < 8 && name != ""; i++ {
		if _, ok := API.Lookup("async-disposable", name, "DisposeAsync"); ok {
			return !importsClash(n, name)
		}
		name, _ = API.Lookup("base", name, "-")
	}
	return false
}

func workspaceAsyncDisposable(p *Pass, name string) bool {
	for _, t := range p.Index.Types(name) {
		for _, b := range t.Bases {
			if b == "IAsyncDisposable" {
				return true
			}
		}
		for _, m := range t.Methods {
			if m == "DisposeAsync" {
				return true
			}
		}
	}
	return false
}

// DisposesLikeItsBase reports whether a workspace type keeps an abstract
// base's DisposeAsync (Stream, TextWriter, DbConnection, ...; the
// `default-dispose` kind), which only calls Dispose(): neither the type nor
// a workspace ancestor declares DisposeAsync or lists IAsyncDisposable. For
// an object created with `new` the runtime type is that exact type, so
// `await using` would gain nothing.
func (p *Pass) DisposesLikeItsBase(name string) bool {
	if len(p.Index.Types(name)) == 0 {
		return false
	}
	for _, a := range p.Ancestry(name) {
		if len(p.Index.Types(a)) > 0 {
			if workspaceAsyncDisposable(p, a) {
				return false
			}
			continue
		}
		for t, i := a, 0; i < 8 && t != ""; i++ {
			if _, ok := API.Lookup("default-dispose", t, "DisposeAsync"); ok {
				return true
			}
			if _, ok := API.Lookup("async-disposable", t, "DisposeAsync"); ok {
				return false // a concrete type whose disposal does work
			}
			t, _ = API.Lookup("base", t, "-")
		}
	}
	return false
}

// qualifier returns the namespace part of a qualified type name
// ("System.Timers" for "System.Timers.Timer"), or "".
func qualifier(typeText string) string {
	s := strings.Join(strings.Fields(typeText), "")
	s = strings.TrimPrefix(s, "global::")
	if i := strings.IndexByte(s, '<'); i >= 0 {
		s = s[:i]
	}
	if i := strings.LastIndexByte(s, '.'); i >= 0 {
		return s[:i]
	}
	return ""
}

// importsClash reports whether n's file imports a namespace that uses the
// simple name for another type (name-clash facts).
func importsClash(n syntax.Node, name string) bool {
	clash := map[string]bool{}
	API.Each("name-clash", func(typ, ns, _ string) {
		if typ == name {
			clash[ns] = true
		}
	})
	if len(clash) == 0 {
		return false
	}
	found := n.File().Root().Find(func(x syntax.Node) bool {
		if x.Kind() != "using_directive" || !x.ChildOfKind("=").IsNull() {
			return false
		}
		last := x.NamedChild(x.NamedChildCount() - 1)
		return clash[strings.Join(strings.Fields(last.Text()), "")]
	}, func(x syntax.Node) bool {
		return x.Kind() != "compilation_unit" && !x.Is("namespace_declaration", "file_scoped_namespace_declaration", "declaration_list", "using_directive")
	})
	return !found.IsNull()
}
