package syntax

import (
	"sync"

	sitter "github.com/smacker/go-tree-sitter"
)

// memo holds values derived from one File's tree, computed on first use:
// facts that many rules ask about the same file ("which names are passed as
// method groups?") would otherwise rescan it per question.
type memo struct {
	mu sync.Mutex
	m  map[any]any
	// kinds and parents remember answers that otherwise cross cgo on every
	// call (ts_node_parent even descends from the root each time). Like
	// smacker's own node cache they are unguarded: one goroutine at a
	// time reads a File's tree.
	kinds   map[*sitter.Node]string
	parents map[*sitter.Node]*sitter.Node
	// fields and counts do the same for Field and ChildCount: rules ask
	// the same nodes for the same fields over and over, and smacker's
	// ChildByFieldName costs three cgo calls (it copies the name to C).
	fields map[fieldKey]*sitter.Node
	counts map[*sitter.Node]int
}

type fieldKey struct {
	n    *sitter.Node
	name string
}

func (f *File) kindOf(n *sitter.Node) string {
	c := f.memo
	if c == nil {
		return n.Type()
	}
	if k, ok := c.kinds[n]; ok {
		return k
	}
	if c.kinds == nil {
		c.kinds = map[*sitter.Node]string{}
	}
	k := n.Type()
	c.kinds[n] = k
	return k
}

func (f *File) parentOf(n *sitter.Node) *sitter.Node {
	c := f.memo
	if c == nil {
		return n.Parent()
	}
	if p, ok := c.parents[n]; ok {
		return p
	}
	if c.parents == nil {
		c.parents = map[*sitter.Node]*sitter.Node{}
	}
	p := n.Parent()
	c.parents[n] = p
	return p
}

func (f *File) fieldOf(n *sitter.Node, name string) *sitter.Node {
	c := f.memo
	if c == nil {
		return n.ChildByFieldName(name)
	}
	key := fieldKey{n, name}
	if v, ok := c.fields[key]; ok {
		return v
	}
	if c.fields == nil {
		c.fields = map[fieldKey]*sitter.Node{}
	}
	v := n.ChildByFieldName(name)
	c.fields[key] = v
	return v
}

func (f *File) childCount(n *sitter.Node) int {
	c := f.memo
	if c == nil {
		return int(n.ChildCount())
	}
	if v, ok := c.counts[n]; ok {
		return v
	}
	if c.counts == nil {
		c.counts = map[*sitter.Node]int{}
	}
	v := int(n.ChildCount())
	c.counts[n] = v
	return v
}

// Memo returns the value stored under key for this file, calling compute
// the first time. Values may hold Nodes of f: a File and its tree never
// change, so they stay valid for f's lifetime (Clone starts an empty memo,
// its Nodes belong to the clone). compute must not call Memo on the same
// file with the same key. Keys should be unexported types of the calling
// package, as with context values.
func (f *File) Memo(key any, compute func() any) any {
	if f.memo == nil {
		return compute()
	}
	f.memo.mu.Lock()
	v, ok := f.memo.m[key]
	f.memo.mu.Unlock()
	if ok {
		return v
	}
	v = compute()
	f.memo.mu.Lock()
	if f.memo.m == nil {
		f.memo.m = map[any]any{}
	}
	if old, ok := f.memo.m[key]; ok {
		v = old
	} else {
		f.memo.m[key] = v
	}
	f.memo.mu.Unlock()
	return v
}
