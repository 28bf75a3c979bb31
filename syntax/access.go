package syntax

import sitter "github.com/smacker/go-tree-sitter"

// Clone returns a File sharing f's text and (immutable, reference-counted)
// tree, but with its own Go-side node cache, so another goroutine may walk
// the clone while f is walked elsewhere. This is tree-sitter's own rule
// (copy a tree per thread) and costs a pointer copy, not a reparse.
func (f *File) Clone() *File {
	c := *f
	c.tree = f.tree.Copy()
	c.memo = &memo{}
	return &c
}

// Close frees the tree now instead of whenever the garbage collector runs
// its finalizer. The C memory of a tree is invisible to Go's GC pacing, so a
// loop parsing thousands of files (a workspace scan) should close each File
// it is done with. Nothing may use f or its Nodes afterwards.
func (f *File) Close() { f.tree.Close() }

// Enclosing returns the nodes from the root down to the smallest node, named or
// anonymous, that covers [start, end). It descends with a tree cursor by
// byte offset, so reaching one member among thousands of siblings costs a
// few cgo calls, not a scan of every child.
func (f *File) Enclosing(start, end int) []Node {
	root := f.tree.RootNode()
	c := sitter.NewTreeCursor(root)
	defer c.Close()
	path := []Node{f.wrap(root)}
	for c.GoToFirstChildForByte(uint32(start)) >= 0 {
		n := c.CurrentNode()
		if int(n.StartByte()) > start || int(n.EndByte()) < end {
			break
		}
		path = append(path, f.wrap(n))
	}
	return path
}
