package rules

import (
	"strconv"
	"strings"
	"sync"

	"github.com/asyncsense/asyncsense/syntax"
)

// The CancellationToken questions of ASY012, ASY021, ASY024 and ASY027:
// which token is in reach, whether a call already passes one, and whether
// its callee would take one (data/cancellation.tsv, the workspace index).

// IsTokenType reports whether a type name (syntax.TypeName) is
// CancellationToken itself; a nullable token cannot be passed as one.
func IsTokenType(typeName string) bool {
	return typeName == "CancellationToken" || typeName == "System.Threading.CancellationToken" ||
		typeName == "global::System.Threading.CancellationToken"
}

// lambdaTokenNames are the untyped lambda parameters taken for tokens:
// `(item, ct) =>` in Parallel.ForEachAsync, `async token =>` in Polly. A
// bare `token` is left out: in auth code it is as often a string.
var lambdaTokenNames = map[string]bool{"ct": true, "cancellationToken": true, "cancelToken": true, "stoppingToken": true}

// TokenParams returns the parameters of fn that are CancellationTokens.
func TokenParams(fn syntax.Node) []syntax.Node {
	var out []syntax.Node
	for _, prm := range syntax.Parameters(fn) {
		name := prm.Text()
		if prm.Kind() == "parameter" {
			name = prm.Field("name").Text()
			if t := prm.Field("type"); !t.IsNull() {
				if IsTokenType(syntax.TypeName(t)) && name != "_" {
					out = append(out, prm)
				}
				continue
			}
		}
		// `ct` alone might be a contact or a category in a LINQ lambda; the
		// lambdas that receive tokens (Parallel.ForEachAsync, Polly) are async.
		if name == "cancellationToken" || lambdaTokenNames[name] && syntax.IsAsync(fn) {
			out = append(out, prm)
		}
	}
	return out
}

// ParamName returns the declared name of a parameter node (typed, untyped
// or the implicit parameter of `x => ...`).
func ParamName(prm syntax.Node) string {
	if prm.Kind() == "parameter" {
		return prm.Field("name").Text()
	}
	return prm.Text()
}

// Token is a CancellationToken that code at some point can forward.
type Token struct {
	Text  string      // what a fix writes: "ct", "HttpContext.RequestAborted"
	Param syntax.Node // the declaring parameter; null for RequestAborted
}

// TokenInScope finds the token code at n can forward: the CancellationToken
// parameter of the innermost enclosing function that has one (lambdas and
// local functions see their outer method's), or, directly in a public
// instance method of a class deriving from Controller/ControllerBase,
// HttpContext.RequestAborted.
// Two token parameters on one function make the choice a judgement call:
// no token is returned.
func (p *Pass) TokenInScope(n syntax.Node) (Token, bool) {
	// The answer depends only on the innermost function around n: rules
	// ask for every call in it, so it is worked out once per run.
	inner := syntax.EnclosingFunction(n)
	if p.shared == nil || inner.IsNull() {
		return p.tokenInFunction(inner)
	}
	k := keyOf(inner)
	if a, ok := p.shared.tokens[k]; ok {
		return a.tok, a.ok
	}
	tok, ok := p.tokenInFunction(inner)
	p.shared.tokens[k] = tokenAnswer{tok, ok}
	return tok, ok
}

type tokenAnswer struct {
	tok Token
	ok  bool
}

// tokenInFunction is TokenInScope for code whose innermost enclosing
// function is inner (null: none).
func (p *Pass) tokenInFunction(inner syntax.Node) (Token, bool) {
	var member syntax.Node
	for fn := inner; !fn.IsNull(); fn = syntax.EnclosingFunction(fn) {
		member = fn
		switch toks := TokenParams(fn); len(toks) {
		case 0:
		case 1:
			return Token{Text: ParamName(toks[0]), Param: toks[0]}, true
		default:
			return Token{}, false
		}
		if !syntax.Modifier(fn, "static").IsNull() || !fn.Is("lambda_expression", "anonymous_method_expression", "local_function_statement") {
			break // a static function captures nothing; a member ends the search
		}
	}
	// RequestAborted only for code that runs during the request: directly in
	// a public action, not in lambdas or helpers that may outlive it, where
	// touching HttpContext is itself a bug.
	if member.Kind() == "method_declaration" && member.Same(inner) &&
		!syntax.Modifier(member, "public").IsNull() && syntax.Modifier(member, "static").IsNull() &&
		p.derivesFromController(syntax.EnclosingType(member)) {
		return Token{Text: "HttpContext.RequestAborted"}, true
	}
	// Middleware's InvokeAsync(HttpContext context) and endpoint handlers
	// (`app.MapGet(..., async (HttpContext http) => ...)`) that take the
	// context: its RequestAborted is the request's token.
	if inner.Is("method_declaration", "local_function_statement", "lambda_expression") {
		for _, param := range syntax.Parameters(inner) {
			if syntax.SimpleName(param.Field("type")) == "HttpContext" {
				return Token{Text: ParamName(param) + ".RequestAborted"}, true
			}
		}
	}
	return Token{}, false
}

func (p *Pass) derivesFromController(typeDecl syntax.Node) bool {
	if typeDecl.Kind() != "class_declaration" {
		return false
	}
	for _, b := range BaseTypes(p, typeDecl) {
		if b == "ControllerBase" || b == "Controller" {
			return true
		}
	}
	return false
}

// PassesToken reports whether an argument list already hands over a token
// (or deliberately none: `default`, `CancellationToken.None`). Unknown
// arguments whose names read like tokens count as tokens: the rules that
// ask stay silent rather than guess.
func (p *Pass) PassesToken(args syntax.Node) bool {
	for _, a := range args.NamedChildren() {
		if a.Kind() != "argument" {
			continue
		}
		if name := strings.ToLower(a.Field("name").Text()); strings.Contains(name, "token") || strings.Contains(name, "cancel") {
			return true
		}
		if looksLikeToken(p, a.NamedChild(a.NamedChildCount()-1)) {
			return true
		}
	}
	return false
}

func looksLikeToken(p *Pass, expr syntax.Node) bool {
	expr = syntax.StripParens(expr)
	if t := p.TypeOf(expr); t != "" {
		return IsTokenType(strings.TrimSuffix(t, "?"))
	}
	switch expr.Kind() {
	case "default_expression":
		return true
	case "identifier", "member_access_expression", "invocation_expression", "conditional_access_expression", "element_access_expression":
		text := strings.ToLower(expr.Text())
		for _, w := range []string{"token", "cancel", "abort", "stopping"} {
			if strings.Contains(text, w) {
				return true
			}
		}
		// `ct`, `_ct`, `linkedCt`; not `product` or `effect`.
		name := strings.TrimPrefix(syntax.SimpleName(expr), "_")
		return strings.EqualFold(name, "ct") || strings.HasSuffix(name, "Ct") || strings.HasSuffix(name, "_ct")
	}
	return false
}

// TokenSlot says how a call that omits a token can be given one.
type TokenSlot struct {
	Callee     string // "HttpClient.GetAsync", "IOrderStore.GetAsync": for messages
	Positional bool   // append `, token` after the arguments
	Name       string // else pass it by this parameter name; both empty: no safe way
	Since      string // the token overload needs this .NET version or later ("net7.0")
}

// OmittedToken reports whether a call passes no CancellationToken although
// its callee accepts one: an API-table member (cancellation.tsv) on a
// receiver of known type, or a workspace method whose declaration (on the
// receiver's type or its bases) takes a token the call leaves out.
func (p *Pass) OmittedToken(call syntax.Node) (TokenSlot, bool) {
	name := syntax.CalleeName(call)
	args := call.Field("arguments")
	// Only table members and workspace methods can take a token: settle
	// the other calls by name before typing any argument or receiver.
	if name == "" || args.IsNull() || len(tokenMembers()[name]) == 0 && len(p.Index.Methods(name)) == 0 || p.PassesToken(args) {
		return TokenSlot{}, false
	}
	recv := callReceiver(call)
	recvType := ""
	if !recv.IsNull() && !syntax.IsThis(recv) && !syntax.IsBase(recv) {
		if isStaticTypeName(recv) {
			recvType = syntax.SimpleName(recv)
		} else {
			recvType = syntax.GenericBase(p.TypeOf(recv))
		}
		if recvType == "" && !p.IsQuery(recv) {
			return TokenSlot{}, false
		}
	}
	if ms := p.declaredOn(call, recv, recvType, name); len(ms) > 0 {
		// Overrides add no overloads: DbContext's SaveChangesAsync(token)
		// is still there next to an override of SaveChangesAsync(bool, token).
		if slot, ok := workspaceSlot(ms, args); ok || !allOverrides(ms) {
			return slot, ok
		}
	}
	if recv.IsNull() {
		return TokenSlot{}, false
	}
	for _, c := range tokenMembers()[name] {
		if recvType != "" && p.IsSubtype(recvType, c.typ) || c.typ == efQueryType && p.IsQuery(recv) {
			slot := TokenSlot{Callee: c.typ + "." + name}
			if c.where == "last" {
				slot.Positional = !hasNamedArgs(args)
			} else if _, err := strconv.Atoi(c.where); err == nil {
				slot.Name = "cancellationToken"
			}
			slot.Since, _ = API.Lookup("token-since", c.typ, name)
			if c.typ == efQueryType {
				slot.Callee = name
			}
			return slot, true
		}
	}
	return TokenSlot{}, false
}

const efQueryType = "EntityFrameworkQueryableExtensions"

// callReceiver is syntax.Receiver that also sees through `x?.M()`.
func callReceiver(call syntax.Node) syntax.Node {
	fn := call.Field("function")
	if fn.Kind() == "conditional_access_expression" {
		return fn.Field("condition")
	}
	return syntax.Receiver(call)
}

// declaredOn returns the workspace declarations a call may bind to: methods
// of the receiver's type and its bases, or for an unqualified call those of
// the enclosing type and local functions of the file.
func (p *Pass) declaredOn(call, recv syntax.Node, recvType, name string) []MethodFact {
	owners := map[string]bool{}
	if recvType != "" {
		owners[recvType] = true
		for _, b := range p.Ancestry(recvType) {
			owners[b] = true
		}
	} else if recv.IsNull() || syntax.IsThis(recv) || syntax.IsBase(recv) {
		if t := syntax.EnclosingType(call); !t.IsNull() {
			owners[t.Field("name").Text()] = true
			for _, b := range BaseTypes(p, t) {
				owners[b] = true
			}
		}
	} else {
		return nil
	}
	var out []MethodFact
	for _, m := range p.Index.Methods(name) {
		if owners[m.Type] || m.Local && recv.IsNull() && m.File == p.File.Path {
			out = append(out, m)
		}
	}
	return out
}

// workspaceSlot decides from the declarations a call may bind to whether
// it omits a token: some overload that fits the call's arguments takes one
// (optional, or non-optional right after the arguments given), and every
// token-less overload the call could bind to instead has such a twin with
// the same leading parameter types, so that adding the token picks the twin.
func workspaceSlot(ms []MethodFact, args syntax.Node) (TokenSlot, bool) {
	positional, named := 0, map[string]bool{}
	for _, a := range args.NamedChildren() {
		if a.Kind() != "argument" {
			continue
		}
		if n := a.Field("name"); !n.IsNull() {
			named[n.Text()] = true
		} else {
			positional++
		}
	}
	var fits []MethodFact
	for _, m := range ms {
		i := tokenIndex(m)
		if i < positional || !defaultsBetween(m, positional, i) || !namesKnown(m, named) {
			continue
		}
		if m.Params[i].Default != "" || i == positional && len(named) == 0 {
			fits = append(fits, m)
		}
	}
	if len(fits) == 0 {
		return TokenSlot{}, false
	}
	for _, m := range ms {
		if tokenIndex(m) < 0 && arityFits(m, positional+len(named)) && !hasTwin(m, fits, positional) {
			return TokenSlot{}, false
		}
	}
	slot := TokenSlot{Callee: calleeLabel(fits[0])}
	allAtEnd, name := len(named) == 0, ""
	for i, m := range fits {
		ti := tokenIndex(m)
		allAtEnd = allAtEnd && ti == positional
		if i == 0 {
			name = m.Params[ti].Name
		} else if name != m.Params[ti].Name {
			name = ""
		}
	}
	if allAtEnd {
		slot.Positional = true
	} else {
		slot.Name = name
	}
	return slot, true
}

// hasTwin: some token-taking overload starts with the same n parameter types.
func hasTwin(m MethodFact, fits []MethodFact, n int) bool {
	for _, f := range fits {
		if len(f.Params) < n || len(m.Params) < n {
			continue
		}
		same := true
		for i := 0; i < n; i++ {
			same = same && f.Params[i].Type == m.Params[i].Type
		}
		if same {
			return true
		}
	}
	return false
}

func calleeLabel(m MethodFact) string {
	if m.Type == "" {
		return m.Name
	}
	return m.Type + "." + m.Name
}

func tokenIndex(m MethodFact) int {
	for i, prm := range m.Params {
		if IsTokenType(prm.Type) {
			return i
		}
	}
	return -1
}

// defaultsBetween: the parameters the call skips to reach the token
// ([from, to)) and those after the token must all be optional.
func defaultsBetween(m MethodFact, from, to int) bool {
	for i := from; i < len(m.Params); i++ {
		if i != to && m.Params[i].Default == "" {
			return false
		}
	}
	return true
}

func namesKnown(m MethodFact, named map[string]bool) bool {
	for n := range named {
		found := false
		for _, prm := range m.Params {
			found = found || prm.Name == n
		}
		if !found {
			return false
		}
	}
	return true
}

func arityFits(m MethodFact, n int) bool {
	required := 0
	for _, prm := range m.Params {
		if prm.Default == "" {
			required++
		}
	}
	return required <= n && n <= len(m.Params)
}

func hasNamedArgs(args syntax.Node) bool {
	for _, a := range args.NamedChildren() {
		if a.Kind() == "argument" && !a.Field("name").IsNull() {
			return true
		}
	}
	return false
}

// TokenArgumentEdit passes tok to a call as slot says: appended after the
// last argument, or as a named argument. ok is false when the slot has no
// safe spelling.
func TokenArgumentEdit(call syntax.Node, slot TokenSlot, tok string) (Edit, bool) {
	args := call.Field("arguments")
	text := tok
	switch {
	case slot.Positional:
	case slot.Name != "":
		text = slot.Name + ": " + tok
	default:
		return Edit{}, false
	}
	var last syntax.Node
	for _, a := range args.NamedChildren() {
		if a.Kind() == "argument" {
			last = a
		}
	}
	if last.IsNull() {
		close := args.ChildOfKind(")")
		if close.IsNull() {
			return Edit{}, false
		}
		return Insert(close.Start(), text), true
	}
	return Insert(last.End(), ", "+text), true
}

// IsSubtype reports whether typeName is base or derives from it, by the
// API table's `base` facts and the workspace's base lists (see Ancestry).
func (p *Pass) IsSubtype(typeName, base string) bool {
	return typeName != "" && p.IsA(typeName, base)
}

// IsQuery reports whether an expression is an Entity Framework Core query:
// a DbSet or IQueryable, `db.Set<T>()`, or a chain of LINQ operators over
// one, or a chain through an EF-only operator such as AsNoTracking.
// LINQ-to-objects chains are not queries.
func (p *Pass) IsQuery(expr syntax.Node) bool {
	for depth := 0; depth < 32; depth++ {
		expr = syntax.StripParens(expr)
		if expr.Kind() != "invocation_expression" {
			return isQueryType(p, p.TypeOf(expr))
		}
		name := syntax.CalleeName(expr)
		recv := syntax.Receiver(expr)
		switch queryRoles()[name] {
		case "source":
			return true
		case "passthrough":
			if recv.IsNull() {
				return false
			}
			expr = recv
			continue
		}
		if name == "Set" && expr.Field("function").Field("name").Kind() == "generic_name" && !recv.IsNull() {
			return p.IsSubtype(syntax.GenericBase(p.TypeOf(recv)), "DbContext")
		}
		return isQueryType(p, p.TypeOf(expr))
	}
	return false
}

func isQueryType(p *Pass, t string) bool {
	switch b := syntax.GenericBase(t); b {
	case "":
		return false
	case "DbSet", "IQueryable", "IOrderedQueryable", "IIncludableQueryable":
		return true
	default:
		return p.IsSubtype(b, "IQueryable")
	}
}

type tokenMember struct{ typ, where string }

var (
	tokenOnce    sync.Once
	tokenByName  map[string][]tokenMember
	queryRoleMap map[string]string
)

func loadTokenFacts() {
	tokenByName = map[string][]tokenMember{}
	API.Each("token", func(typ, member, value string) {
		tokenByName[member] = append(tokenByName[member], tokenMember{typ, value})
	})
	queryRoleMap = map[string]string{}
	API.Each("query", func(_, member, value string) { queryRoleMap[member] = value })
}

// tokenMembers maps a member name to the types whose member of that name
// takes a token (data/cancellation.tsv).
func tokenMembers() map[string][]tokenMember {
	tokenOnce.Do(loadTokenFacts)
	return tokenByName
}

func queryRoles() map[string]string {
	tokenOnce.Do(loadTokenFacts)
	return queryRoleMap
}

// AwaitedCall returns the invocation that an await expression or an
// `await foreach` consumes (looking through a trailing ConfigureAwait), or
// null when n is neither or awaits something other than a call.
func AwaitedCall(n syntax.Node) syntax.Node {
	var x syntax.Node
	switch {
	case n.Kind() == "await_expression":
		x = n.NamedChild(0)
	case n.Kind() == "foreach_statement" && IsAwaitStatement(n):
		x = n.Field("right")
	default:
		return syntax.Node{}
	}
	x = syntax.StripParens(x)
	if x.Kind() == "invocation_expression" && syntax.CalleeName(x) == "ConfigureAwait" {
		x = syntax.StripParens(syntax.Receiver(x))
	}
	if x.Kind() != "invocation_expression" {
		return syntax.Node{}
	}
	return x
}

func allOverrides(ms []MethodFact) bool {
	for _, m := range ms {
		if !m.Override {
			return false
		}
	}
	return true
}
