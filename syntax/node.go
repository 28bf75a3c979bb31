package syntax

import (
	sitter "github.com/smacker/go-tree-sitter"
)

// Node is a syntax node of a File. The zero Node is the null node: every
// accessor on it answers the zero value, so chains like
// n.Field("function").Field("name").Text() need no nil checks.
type Node struct {
	n *sitter.Node
	f *File
}

// wrap makes a Node of what smacker returned. Every smacker accessor goes
// through its node cache, which answers nil for the null node, so nil is
// the only null to check for: asking n.IsNull() would be a cgo call per
// node handed out.
func (f *File) wrap(n *sitter.Node) Node {
	if n == nil {
		return Node{}
	}
	return Node{n: n, f: f}
}

func (n Node) IsNull() bool { return n.n == nil }

// Kind is the grammar's node type, e.g. "invocation_expression".
func (n Node) Kind() string {
	if n.n == nil {
		return ""
	}
	return n.f.kindOf(n.n)
}

// Is reports whether the node's kind is one of kinds.
func (n Node) Is(kinds ...string) bool {
	k := n.Kind()
	for _, want := range kinds {
		if k == want {
			return true
		}
	}
	return false
}

func (n Node) Start() int {
	if n.n == nil {
		return 0
	}
	return int(n.n.StartByte())
}

func (n Node) End() int {
	if n.n == nil {
		return 0
	}
	return int(n.n.EndByte())
}

// Text is the node's source text, read from the original source (not the
// prepared copy the parser saw).
func (n Node) Text() string {
	if n.n == nil {
		return ""
	}
	return string(n.f.Src[n.Start():n.End()])
}

func (n Node) File() *File     { return n.f }
func (n Node) IsNamed() bool   { return n.n != nil && n.n.IsNamed() }
func (n Node) IsError() bool   { return n.n != nil && n.n.IsError() }
func (n Node) IsMissing() bool { return n.n != nil && n.n.IsMissing() }

// HasError reports whether the node or anything below it is ERROR or MISSING.
func (n Node) HasError() bool { return n.n != nil && n.n.HasError() }

// Same reports whether two Nodes are the same node of the same tree.
func (n Node) Same(o Node) bool {
	if n.n == nil || o.n == nil {
		return n.n == nil && o.n == nil
	}
	return n.f == o.f && n.n.Equal(o.n)
}

func (n Node) Parent() Node {
	if n.n == nil {
		return Node{}
	}
	return n.f.wrap(n.f.parentOf(n.n))
}

func (n Node) Field(name string) Node {
	if n.n == nil {
		return Node{}
	}
	return n.f.wrap(n.f.fieldOf(n.n, name))
}

func (n Node) ChildCount() int {
	if n.n == nil {
		return 0
	}
	return n.f.childCount(n.n)
}

func (n Node) Child(i int) Node {
	if n.n == nil || i < 0 || i >= n.ChildCount() {
		return Node{}
	}
	return n.f.wrap(n.n.Child(i))
}

func (n Node) NamedChildCount() int {
	if n.n == nil {
		return 0
	}
	return int(n.n.NamedChildCount())
}

func (n Node) NamedChild(i int) Node {
	if n.n == nil || i < 0 || i >= n.NamedChildCount() {
		return Node{}
	}
	return n.f.wrap(n.n.NamedChild(i))
}

// Children returns all children, anonymous tokens included.
func (n Node) Children() []Node {
	count := n.ChildCount()
	out := make([]Node, 0, count)
	for i := 0; i < count; i++ {
		out = append(out, n.f.wrap(n.n.Child(i)))
	}
	return out
}

// NamedChildren returns the named children only.
func (n Node) NamedChildren() []Node {
	count := n.NamedChildCount()
	out := make([]Node, 0, count)
	for i := 0; i < count; i++ {
		out = append(out, n.f.wrap(n.n.NamedChild(i)))
	}
	return out
}

// ChildOfKind returns the first direct child of the given kind.
func (n Node) ChildOfKind(kind string) Node {
	count := n.ChildCount()
	for i := 0; i < count; i++ {
		if c := n.f.wrap(n.n.Child(i)); c.Kind() == kind {
			return c
		}
	}
	return Node{}
}

func (n Node) NextSibling() Node {
	if n.n == nil {
		return Node{}
	}
	return n.f.wrap(n.n.NextSibling())
}

func (n Node) PrevSibling() Node {
	if n.n == nil {
		return Node{}
	}
	return n.f.wrap(n.n.PrevSibling())
}

func (n Node) NextNamedSibling() Node {
	if n.n == nil {
		return Node{}
	}
	return n.f.wrap(n.n.NextNamedSibling())
}

// Contains reports whether o lies inside n (or is n).
func (n Node) Contains(o Node) bool {
	return !n.IsNull() && !o.IsNull() && n.Start() <= o.Start() && o.End() <= n.End()
}

// Walk visits n and its descendants in source order with a tree cursor (the
// cheapest way across cgo). visit returns false to skip a node's children.
func (n Node) Walk(visit func(Node) bool) {
	if n.n == nil {
		return
	}
	c := sitter.NewTreeCursor(n.n)
	defer c.Close()
	for {
		descend := visit(n.f.wrap(c.CurrentNode()))
		if descend && c.GoToFirstChild() {
			continue
		}
		for !c.GoToNextSibling() {
			if !c.GoToParent() {
				return
			}
		}
	}
}

// Find returns the first node under n (n included) for which match is true,
// without entering subtrees for which stop is true (stop may be nil).
func (n Node) Find(match func(Node) bool, stop func(Node) bool) Node {
	var found Node
	n.Walk(func(m Node) bool {
		if !found.IsNull() {
			return false
		}
		if match(m) {
			found = m
			return false
		}
		return stop == nil || m.Same(n) || !stop(m)
	})
	return found
}

// DescendantAt returns the smallest named node covering [start, end), found
// by byte offsets only: points are unreliable on incrementally edited trees.
func (f *File) DescendantAt(start, end int) Node {
	n := f.Root()
outer:
	for {
		for i := 0; i < n.ChildCount(); i++ {
			c := n.Child(i)
			if c.IsNamed() && c.Start() <= start && end <= c.End() && !(c.Start() == c.End()) {
				n = c
				continue outer
			}
		}
		return n
	}
}
