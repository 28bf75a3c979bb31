package rules

import "github.com/asyncsense/asyncsense/syntax"

// IsTypeName reports whether a receiver reads as a type name used for a
// static member (`Parallel.ForEach`, `Task.Factory.StartNew`) rather than a
// variable: capitalised and declared nowhere in the file as a local,
// parameter or member.
func IsTypeName(recv syntax.Node) bool { return isStaticTypeName(recv) }

// IsVoidDelegateType reports whether a delegate type name (as p.TypeOf or
// syntax.TypeName give it: "Action<int>", "System.Threading.ThreadStart")
// returns void according to the API table, so that an async lambda
// converted to it is an async void method.
func IsVoidDelegateType(typeName string) bool {
	v, ok := API.Lookup("returns", syntax.GenericBase(typeName), "Invoke")
	return ok && v == "void"
}
