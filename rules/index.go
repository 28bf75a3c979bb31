package rules

import (
	"sort"
	"sync"
)

// MethodFact is one method (or local function, or interface member)
// declaration as the index remembers it: compact text, never a tree.
type MethodFact struct {
	Name     string `json:"name"`
	Type     string `json:"type,omitempty"` // containing type; empty for local functions
	Return   string `json:"return"`         // syntax.TypeName of the return type
	Async    bool   `json:"async,omitempty"`
	Override bool   `json:"override,omitempty"`
	Local    bool   `json:"local,omitempty"`
	// Private: callable only from inside its own type (explicitly private,
	// or a class or struct member without an access modifier).
	Private bool        `json:"private,omitempty"`
	Params  []ParamFact `json:"params,omitempty"`
	// Attributes are the simple names of the method's attributes ("Fact",
	// "HttpGet"), without the Attribute suffix.
	Attributes []string `json:"attributes,omitempty"`
	File       string   `json:"-"`
}

// TypeFact is a class, struct, record or interface declaration.
type TypeFact struct {
	Name       string   `json:"name"`
	Kind       string   `json:"kind"`            // "class", "struct", "record", "interface"
	Bases      []string `json:"bases,omitempty"` // syntax.GenericBase of each base-list entry
	Attributes []string `json:"attributes,omitempty"`
	Methods    []string `json:"methods,omitempty"` // names of the methods it declares
}

type ParamFact struct {
	Name    string `json:"name"`
	Type    string `json:"type"`
	Default string `json:"default,omitempty"`
}

// MemberFact is a field, property or event of a type.
type MemberFact struct {
	Type       string `json:"type"`       // containing type
	Name       string `json:"name"`       // member name
	MemberType string `json:"memberType"` // syntax.TypeName of its declared type
	Kind       string `json:"kind"`       // "field", "property" or "event"
}

// SubscriptionFact is `x.Evt += Handler`: Handler is wired to an event.
type SubscriptionFact struct {
	Event   string `json:"event"`
	Handler string `json:"handler"`
}

// FileFacts is everything one file contributes to the index.
type FileFacts struct {
	Methods       []MethodFact       `json:"methods,omitempty"`
	Members       []MemberFact       `json:"members,omitempty"`
	Subscriptions []SubscriptionFact `json:"subscriptions,omitempty"`
	Types         []TypeFact         `json:"types,omitempty"`
}

// Index holds the workspace facts syntax alone lacks. It is safe for
// concurrent use: the server updates it from edits while analyses read it.
type Index struct {
	mu          sync.RWMutex
	files       map[string]*FileFacts
	methods     map[string][]MethodFact // by method name
	members     map[string][]MemberFact // by member name
	subscribers map[string]int          // handler name -> number of `+=` sites
	types       map[string][]TypeFact   // by type name (partial types have several)
}

func NewIndex() *Index {
	return &Index{
		files:       map[string]*FileFacts{},
		methods:     map[string][]MethodFact{},
		members:     map[string][]MemberFact{},
		subscribers: map[string]int{},
		types:       map[string][]TypeFact{},
	}
}

// Update replaces the facts of one file.
func (x *Index) Update(path string, facts *FileFacts) {
	x.mu.Lock()
	defer x.mu.Unlock()
	x.removeLocked(path)
	x.files[path] = facts
	for _, m := range facts.Methods {
		m.File = path
		x.methods[m.Name] = append(x.methods[m.Name], m)
	}
	for _, m := range facts.Members {
		x.members[m.Name] = append(x.members[m.Name], m)
	}
	for _, s := range facts.Subscriptions {
		x.subscribers[s.Handler]++
	}
	for _, t := range facts.Types {
		x.types[t.Name] = append(x.types[t.Name], t)
	}
}

// Remove forgets a file (deleted, or no longer under the workspace).
func (x *Index) Remove(path string) {
	x.mu.Lock()
	defer x.mu.Unlock()
	x.removeLocked(path)
}

func (x *Index) removeLocked(path string) {
	old, ok := x.files[path]
	if !ok {
		return
	}
	delete(x.files, path)
	for _, m := range old.Methods {
		x.methods[m.Name] = filterMethods(x.methods[m.Name], path)
		if len(x.methods[m.Name]) == 0 {
			delete(x.methods, m.Name)
		}
	}
	for _, m := range old.Members {
		var kept []MemberFact // new: readers may hold the old slice
		for _, have := range x.members[m.Name] {
			if have != m {
				kept = append(kept, have)
			}
		}
		if len(kept) == 0 {
			delete(x.members, m.Name)
		} else {
			x.members[m.Name] = kept
		}
	}
	for _, s := range old.Subscriptions {
		if x.subscribers[s.Handler]--; x.subscribers[s.Handler] <= 0 {
			delete(x.subscribers, s.Handler)
		}
	}
	for _, t := range old.Types {
		x.types[t.Name] = removeType(x.types[t.Name], t)
		if len(x.types[t.Name]) == 0 {
			delete(x.types, t.Name)
		}
	}
}

func removeType(ts []TypeFact, gone TypeFact) []TypeFact {
	for i, t := range ts {
		if t.Name == gone.Name && t.Kind == gone.Kind && equalStrings(t.Bases, gone.Bases) && equalStrings(t.Methods, gone.Methods) {
			return append(ts[:i:i], ts[i+1:]...)
		}
	}
	return ts
}

func equalStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// Types returns every declaration (partial parts included) of a type name.
//
// Like Methods and Members it returns the index's own slice, without a
// copy: lookups run for every call a rule looks at. The index never writes
// into a slice it has handed out (removal builds a new one; Update appends
// only past every reader's length, and the returned capacity is clipped so
// a caller's append copies). Callers must not assign to its elements.
func (x *Index) Types(name string) []TypeFact {
	x.mu.RLock()
	defer x.mu.RUnlock()
	ts := x.types[name]
	return ts[:len(ts):len(ts)]
}

// DerivesFrom reports whether the type named typeName lists base (directly
// or through types declared in the workspace) in its base lists. depth
// bounds the walk: cyclic or very deep hierarchies in broken code end it.
func (x *Index) DerivesFrom(typeName, base string) bool {
	seen := map[string]bool{}
	var walk func(name string, depth int) bool
	walk = func(name string, depth int) bool {
		if depth > 16 || seen[name] {
			return false
		}
		seen[name] = true
		for _, t := range x.Types(name) {
			for _, b := range t.Bases {
				if b == base || walk(b, depth+1) {
					return true
				}
			}
		}
		return false
	}
	return walk(typeName, 0)
}

// filterMethods returns a new slice: readers may still hold the old one
// (see Methods).
func filterMethods(ms []MethodFact, path string) []MethodFact {
	var kept []MethodFact
	for _, m := range ms {
		if m.File != path {
			kept = append(kept, m)
		}
	}
	return kept
}

// Methods returns every declaration of a method with this name.
func (x *Index) Methods(name string) []MethodFact {
	x.mu.RLock()
	defer x.mu.RUnlock()
	v := x.methods[name]
	return v[:len(v):len(v)] // shared, read-only: see Types
}

// Members returns every field, property or event with this name.
func (x *Index) Members(name string) []MemberFact {
	x.mu.RLock()
	defer x.mu.RUnlock()
	v := x.members[name]
	return v[:len(v):len(v)] // shared, read-only: see Types
}

// IsSubscribed reports whether a method of this name is attached to an event
// with `+=` anywhere in the workspace.
func (x *Index) IsSubscribed(handler string) bool {
	x.mu.RLock()
	defer x.mu.RUnlock()
	return x.subscribers[handler] > 0
}

// Files lists the indexed paths, sorted.
func (x *Index) Files() []string {
	x.mu.RLock()
	defer x.mu.RUnlock()
	out := make([]string, 0, len(x.files))
	for p := range x.files {
		out = append(out, p)
	}
	sort.Strings(out)
	return out
}
