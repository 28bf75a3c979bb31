package syntax

import "testing"

// wrap trusts smacker to hand out nil, never a null node, when there is no
// node: the accessors at the edges of a tree must give the null Node.
func TestAccessorsAtEdgesGiveNullNode(t *testing.T) {
	f := Parse("w.cs", []byte("class C { void M() { var x = 1; } }"))
	root := f.Root()
	nonNull := func(n Node) bool { return n.n != nil && !n.n.IsNull() }
	if !root.Parent().IsNull() {
		t.Error("the root has a parent")
	}
	root.Walk(func(n Node) bool {
		for _, m := range []Node{n.Parent(), n.NextSibling(), n.PrevSibling(), n.NextNamedSibling(),
			n.Field("no_such_field"), n.Field("name"), n.Child(n.ChildCount()), n.Child(-1), n.NamedChild(n.NamedChildCount())} {
			if m.n != nil && !nonNull(m) {
				t.Fatalf("%s at %d: an accessor returned a null node that is not the null Node", n.Kind(), n.Start())
			}
		}
		for _, m := range []Node{n.Field("no_such_field"), n.Child(n.ChildCount()), n.NamedChild(n.NamedChildCount())} {
			if !m.IsNull() {
				t.Fatalf("%s at %d: expected the null Node", n.Kind(), n.Start())
			}
		}
		return true
	})
}
