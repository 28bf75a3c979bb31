package rules

import (
	"strings"

	"github.com/asyncsense/asyncsense/syntax"
)

// VoidReason says why an async function has to return void. ASY002 reports
// the async void functions with no reason; ASY018 looks at the ones whose
// void return something else imposes.
type VoidReason int

const (
	// VoidFree: nothing visible requires void; the function could return Task.
	VoidFree VoidReason = iota
	// VoidEventHandler: a (sender, XxxEventArgs) signature, a method attached
	// with `+=` somewhere in the workspace, or a lambda attached with `+=`.
	VoidEventHandler
	// VoidOverride: overrides a void member of a base class.
	VoidOverride
	// VoidContract: implements a void interface member (explicitly, or one
	// the workspace index or the API table knows), or completes a partial
	// method whose other part fixes the signature.
	VoidContract
	// VoidDelegate: used as a method group (`new RelayCommand(Save)`,
	// `Action a = Save;`), where the delegate type decides the return type.
	VoidDelegate
	// VoidFramework: a Unity script's method that Unity may call (a message
	// such as `async void Start()`, a public method the inspector can wire to
	// a UnityEvent, a [ContextMenu] item) or that is tied to a delegate or
	// event. Unity's synchronization context logs the exceptions of async
	// void methods instead of ending the process.
	VoidFramework
)

// AsyncVoid reports whether fn is an async function that returns void and,
// if so, why it must. Methods and local functions say so in their
// signature; a lambda or anonymous method is only known to be async void
// when it is attached to a void-returning event with `+=`.
func AsyncVoid(p *Pass, fn syntax.Node) (reason VoidReason, ok bool) {
	if !syntax.IsAsync(fn) {
		return VoidFree, false
	}
	switch fn.Kind() {
	case "lambda_expression", "anonymous_method_expression":
		if !subscribedVoidLambda(p, fn) {
			return VoidFree, false
		}
		if inUnityType(p, fn) {
			return VoidFramework, true
		}
		return VoidEventHandler, true
	case "method_declaration", "local_function_statement":
		if syntax.TypeName(syntax.ReturnType(fn)) != "void" {
			return VoidFree, false
		}
		r := voidReason(p, fn)
		if fn.Kind() == "method_declaration" && (r != VoidFree || unityCallback(fn)) && inUnityType(p, fn) {
			return VoidFramework, true
		}
		return r, true
	}
	return VoidFree, false
}

// IsEventHandler reports whether fn is an async void event handler in the
// sense of RULES.md: an EventArgs signature, a `+=` subscription (of the
// method's name, or of the lambda itself), or an override of a void member.
func IsEventHandler(p *Pass, fn syntax.Node) bool {
	r, ok := AsyncVoid(p, fn)
	return ok && (r == VoidEventHandler || r == VoidOverride)
}

func voidReason(p *Pass, fn syntax.Node) VoidReason {
	name := fn.Field("name").Text()
	switch {
	case hasEventArgsSignature(fn) || p.Index.IsSubscribed(name):
		return VoidEventHandler
	case !syntax.Modifier(fn, "override").IsNull():
		return VoidOverride
	case fn.Kind() == "method_declaration" && implementsVoidMember(p, fn, name):
		return VoidContract
	case usedAsMethodGroup(fn, name):
		return VoidDelegate
	}
	return VoidFree
}

// hasEventArgsSignature: the .NET event pattern is (object sender, XxxEventArgs e).
func hasEventArgsSignature(fn syntax.Node) bool {
	params := syntax.Parameters(fn)
	return len(params) >= 2 && isEventArgsType(params[1].Field("type"))
}

func isEventArgsType(t syntax.Node) bool {
	return strings.HasSuffix(syntax.GenericBase(syntax.TypeName(t)), "EventArgs")
}

func implementsVoidMember(p *Pass, fn syntax.Node, name string) bool {
	if !fn.ChildOfKind("explicit_interface_specifier").IsNull() || !syntax.Modifier(fn, "partial").IsNull() {
		return true
	}
	for _, base := range BaseTypes(p, syntax.EnclosingType(fn)) {
		if v, ok := API.Lookup("returns", base, name); ok && v == "void" {
			return true
		}
		for _, m := range p.Index.Methods(name) {
			if m.Type == base && m.Return == "void" {
				return true
			}
		}
	}
	return false
}

// BaseTypes returns the simple names of everything typeDecl derives from
// or implements: its own base list, the base lists of its other partial
// parts, and, through the workspace index, their bases in turn.
func BaseTypes(p *Pass, typeDecl syntax.Node) []string {
	var out []string
	seen := map[string]bool{}
	queue := []string{typeDecl.Field("name").Text()}
	add := func(b string) {
		if b != "" && !seen[b] {
			seen[b] = true
			out = append(out, b)
			queue = append(queue, b)
		}
	}
	for _, b := range typeDecl.ChildOfKind("base_list").NamedChildren() {
		if b.Kind() == "primary_constructor_base_type" {
			b = b.NamedChild(0)
		}
		add(syntax.GenericBase(syntax.TypeName(b)))
	}
	// The bound keeps cyclic or absurdly deep hierarchies in broken code cheap.
	for i := 0; i < len(queue) && i < 64; i++ {
		for _, t := range p.Index.Types(queue[i]) {
			for _, b := range t.Bases {
				add(b)
			}
		}
	}
	return out
}

// usedAsMethodGroup reports whether the file hands the method over as a
// delegate (an argument, an initializer, the right side of an assignment,
// a returned value) instead of calling it.
func usedAsMethodGroup(fn syntax.Node, name string) bool {
	// The declaring identifier itself never qualifies: its parent is the
	// declaration, none of the delegate positions below.
	return fileIdentifiers(fn.File()).usedAsMethodGroup(name)
}

// identifiers is every identifier of one file by text, with the
// method-group answers already worked out: rules ask per method, and a
// scan of the whole file per question made large files quadratic.
type identifiers struct {
	byName map[string][]syntax.Node
	group  map[string]bool
}

type identifiersKey struct{}

func fileIdentifiers(f *syntax.File) *identifiers {
	return f.Memo(identifiersKey{}, func() any {
		ids := &identifiers{byName: map[string][]syntax.Node{}, group: map[string]bool{}}
		f.Root().NodesOfKinds([]string{"identifier"}, func(n syntax.Node) bool {
			t := n.Text()
			ids.byName[t] = append(ids.byName[t], n)
			return true
		})
		return ids
	}).(*identifiers)
}

func (ids *identifiers) usedAsMethodGroup(name string) bool {
	if v, ok := ids.group[name]; ok {
		return v
	}
	v := false
	for _, n := range ids.byName[name] {
		if isMethodGroupRef(n) {
			v = true
			break
		}
	}
	ids.group[name] = v
	return v
}

func isMethodGroupRef(n syntax.Node) bool {
	ref := n
	if par := ref.Parent(); par.Kind() == "member_access_expression" && par.Field("name").Same(ref) {
		ref = par
	}
	par := ref.Parent()
	switch par.Kind() {
	case "argument":
		call := par.Parent().Parent()
		return !(call.Kind() == "invocation_expression" && syntax.CalleeName(call) == "nameof")
	case "variable_declarator", "return_statement", "arrow_expression_clause":
		return !par.Field("name").Same(ref)
	case "assignment_expression":
		return par.Field("right").Same(ref)
	}
	return false
}

// unityMessages are MonoBehaviour messages Unity invokes by name, for
// which `async void` is the idiom Unity's own documentation shows.
var unityMessages = map[string]bool{
	"Awake": true, "Start": true, "Update": true, "FixedUpdate": true, "LateUpdate": true,
	"OnEnable": true, "OnDisable": true, "OnDestroy": true, "OnApplicationQuit": true,
	"OnApplicationPause": true, "OnApplicationFocus": true, "OnGUI": true, "OnValidate": true,
	"Reset": true, "OnBecameVisible": true, "OnBecameInvisible": true,
	"OnTriggerEnter": true, "OnTriggerExit": true, "OnTriggerStay": true,
	"OnCollisionEnter": true, "OnCollisionExit": true, "OnCollisionStay": true,
	"OnTriggerEnter2D": true, "OnTriggerExit2D": true, "OnCollisionEnter2D": true, "OnCollisionExit2D": true,
	"OnMouseDown": true, "OnMouseUp": true, "OnMouseEnter": true, "OnMouseExit": true,
}

var unityBases = map[string]bool{
	"MonoBehaviour": true, "NetworkBehaviour": true, "StateMachineBehaviour": true,
	"ScriptableObject": true, "EditorWindow": true, "Editor": true,
}

// unityCallback reports whether Unity itself may call a method: a message
// such as Start, a public method (the inspector can bind it to a UnityEvent
// like a button's onClick, which only takes void methods), or a
// [ContextMenu] item.
func unityCallback(fn syntax.Node) bool {
	if unityMessages[fn.Field("name").Text()] || !syntax.Modifier(fn, "public").IsNull() {
		return true
	}
	for _, a := range AttributeNames(fn) {
		if a == "ContextMenu" {
			return true
		}
	}
	return false
}

// inUnityType reports whether fn sits in a Unity script: its type derives
// from a Unity base class (through the workspace for indirect bases), or
// the file imports UnityEngine and the type derives from a class the
// workspace does not declare. Unity's synchronization context logs the
// exceptions of async void methods instead of ending the process.
func inUnityType(p *Pass, fn syntax.Node) bool {
	typeDecl := syntax.EnclosingType(fn)
	for _, b := range BaseTypes(p, typeDecl) {
		if unityBases[b] {
			return true
		}
	}
	first := syntax.GenericBase(syntax.TypeName(typeDecl.ChildOfKind("base_list").NamedChild(0)))
	if first == "" || len(p.Index.Types(first)) > 0 || len(first) > 1 && first[0] == 'I' && first[1] >= 'A' && first[1] <= 'Z' {
		return false
	}
	imports := fn.File().Root().Find(func(n syntax.Node) bool {
		return n.Kind() == "using_directive" && n.NamedChild(n.NamedChildCount()-1).Text() == "UnityEngine"
	}, func(n syntax.Node) bool {
		return !n.Is("compilation_unit", "namespace_declaration", "file_scoped_namespace_declaration", "declaration_list")
	})
	return !imports.IsNull()
}

// subscribedVoidLambda reports whether an async lambda or anonymous method
// is attached with `+=` (possibly inside `new XxxEventHandler(...)`) to an
// event whose delegate returns void. Events typed Func<..., Task> (Discord.Net,
// AsyncEventHandler) take async lambdas that return Task: those are not void.
func subscribedVoidLambda(p *Pass, fn syntax.Node) bool {
	n := climbParens(fn)
	var ctor syntax.Node
	if n.Parent().Kind() == "argument" {
		if c := n.Parent().Parent().Parent(); c.Kind() == "object_creation_expression" {
			ctor, n = c, climbParens(c)
		}
	}
	assign := n.Parent()
	if assign.Kind() != "assignment_expression" || assign.Field("operator").Text() != "+=" || !assign.Field("right").Same(n) {
		return false
	}
	if !ctor.IsNull() {
		return isVoidEventDelegate(syntax.TypeName(ctor.Field("type")))
	}
	known, allVoid := false, true
	for _, m := range p.Index.Members(syntax.SimpleName(assign.Field("left"))) {
		if m.Kind == "event" || m.Kind == "field" || m.Kind == "property" {
			known = true
			allVoid = allVoid && isVoidEventDelegate(m.MemberType)
		}
	}
	if known {
		return allVoid
	}
	// An event the workspace does not declare: the (sender, e) shape is the
	// EventHandler pattern, whose delegates all return void.
	params := syntax.Parameters(fn)
	return len(params) == 2 || len(params) >= 2 && isEventArgsType(params[1].Field("type"))
}

func climbParens(n syntax.Node) syntax.Node {
	for n.Parent().Kind() == "parenthesized_expression" {
		n = n.Parent()
	}
	return n
}

// isVoidEventDelegate: the API table's void delegates (Action, ThreadStart...)
// and the XxxEventHandler family return void; AsyncEventHandler and
// Func<..., Task> do not.
func isVoidEventDelegate(typeName string) bool {
	base := syntax.GenericBase(typeName)
	return IsVoidDelegateType(typeName) || strings.HasSuffix(base, "EventHandler") && !strings.HasPrefix(base, "Async")
}

// AsyncVoidSignature is how messages name an async void method or local
// function: `async void Save(string path)`, or `async void Save(...)` when
// the parameters would not fit a readable one-line quote.
func AsyncVoidSignature(fn syntax.Node) string {
	head := "async void " + fn.Field("name").Text()
	params := strings.Join(strings.Fields(fn.Field("parameters").Text()), " ")
	if len([]rune(head+params)) > 60 {
		params = "(...)"
	}
	return head + params
}

// VoidIsForced reports whether a void method (async or not) must keep its
// void return type: an event handler, an override, an implementation of a
// void interface member, or a method passed where a void delegate is expected.
func VoidIsForced(p *Pass, fn syntax.Node) bool { return voidReason(p, fn) != VoidFree }
