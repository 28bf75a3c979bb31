package syntax

// CodeChildren returns n's named children without comments. The grammar
// makes a comment a named child of whatever block, argument list or
// statement it sits in, so "the last statement of a block" or "the
// second argument" must skip them.
func CodeChildren(n Node) []Node {
	var out []Node
	for _, c := range n.NamedChildren() {
		if c.Kind() != "comment" {
			out = append(out, c)
		}
	}
	return out
}

// FirstCode returns n's first named child that is not a comment (the value
// of `return /* why */ x;`), or the null node.
func FirstCode(n Node) Node {
	for _, c := range n.NamedChildren() {
		if c.Kind() != "comment" {
			return c
		}
	}
	return Node{}
}
