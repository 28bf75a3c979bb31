package syntax

// Same-length rewrites for constructs of C# 12-14 that the pinned grammar
// (tree-sitter-c-sharp v0.21.3) cannot parse. Each one is applied only where
// a token-level check shows the construct, so code the grammar already
// reads is never touched; prepare documents the list.

// closeGaps applies every rewrite to g, whose text prepare has already
// started on; when it blanks #if branches, g gets the tokens of the result.
// It reports whether it wrote anything and whether the text has #if groups
// (breaksParse reads their whole span, not a window of one trigger).
func closeGaps(g *gapText) (wrote, groups bool) {
	before := len(g.writes)
	if !g.partial {
		var blanked bool
		if blanked, groups = blankInactiveBranches(g); blanked {
			// The blanked branches are gone. Rare enough to lex it all again.
			lx := g.lex()
			g.toks, g.trig = lx.toks, lx.trig
		}
	}
	// Every trigger, every keystroke: decide on the first byte and the
	// length before anything else. The checks read the text as the
	// rewrites of earlier tokens left it, as a visit of every token would.
	for i := range g.trig {
		tr := &g.trig[i]
		if tr.kind&trigGap == 0 || g.partial && !tr.dirty {
			continue
		}
		k := int(tr.k)
		g.lo, g.hi = k, k
		t := g.tok(k)
		n, c := int(t.end-t.start), g.src[t.start]
		switch {
		case n == 1 && c == '[':
			emptyCollection(g, k)
		case n == 1 && c == '?':
			nullConditionalAssignment(g, k)
		case n == 3 && c == 'v':
			sliceDeclaration(g, k)
		case n >= 5 && n <= 9 && (c == 'c' || c == 's' || c == 'i' || c == 'e' || c == 'p'):
			switch string(g.src[t.start:t.end]) {
			case "class", "struct", "interface":
				semicolonTypeBody(g, k)
			case "extension":
				extensionBlock(g, k)
			case "params":
				paramsCollection(g, k)
			}
		}
		tr.lo, tr.hi = int32(g.lo), int32(g.hi)
	}
	return len(g.writes) > before, groups
}

// emptyCollection: the grammar reads an empty collection expression `[]`
// as an element binding with a MISSING identifier, which marks the whole
// member as broken (`return [];`, `x ?? []`, `Foo([])`, `= [];`). It
// becomes the identifier `_` padded with spaces; Node.Text still shows
// `[]`. An array type's `[]` (`int[]`, `new T[]`) follows a type, and an
// empty list pattern (`is []`, `case []`, `[] =>`) parses already: both
// are left alone.
func emptyCollection(g *gapText, k int) {
	if !g.is(k+1, ']') || g.is(k+2, '=') && g.adjacent(k+2) && g.is(k+3, '>') {
		return
	}
	switch p := k - 1; {
	case p < 0:
		return
	case g.isOneOf(p, "=(,:{"):
	case g.is(p, '>'):
		if !(g.is(p-1, '=') && g.adjacent(p-1)) {
			return // `List<int>[]` is a type
		}
	case g.is(p, '?'):
		// `x ?? []` or the conditional `ok ? [] : y`; not `int?[]`.
		if g.adjacent(p) && !(g.is(p-1, '?') && g.adjacent(p-1)) {
			return
		}
	case g.isWord(p):
		if t := g.text(p); t != "return" && t != "in" {
			return
		}
	default:
		return
	}
	open, close := g.start(k), g.end(k+1)
	g.set(open, '_')
	for i := open + 1; i < close; i++ {
		if g.src[i] != '\n' && g.src[i] != '\r' {
			g.set(i, ' ')
		}
	}
}

// nullConditionalAssignment: C# 14 allows `a?.B = x` and `a?[i] += x`; the
// grammar fails when the null-conditional part is the last one before the
// operator (`a?.B.C = x` it reads), and its error recovery swallows the
// next statement. That `?` becomes a space, which leaves an ordinary member
// or element access with the same meaning for a syntactic reader.
func nullConditionalAssignment(g *gapText, k int) {
	if !g.adjacent(k-1) || g.is(k-1, '?') || !(g.isWord(k-1) || g.is(k-1, ')') || g.is(k-1, ']')) {
		return
	}
	// last is the `?` of the final part of the chain, or -1 once an
	// ordinary part follows it.
	last, j := -1, k
	for {
		switch {
		case g.is(j, '?') && g.adjacent(j) && g.is(j+1, '.') && g.adjacent(j+1) && g.isName(j+2):
			last = j
			j += 3
		case g.is(j, '?') && g.adjacent(j) && g.is(j+1, '['):
			last = j
			if j = skipBalanced(g, j+1); j < 0 {
				return
			}
		case j == k:
			return
		case g.is(j, '.') && g.adjacent(j) && g.isName(j+1):
			last = -1
			j += 2
		case g.is(j, '[') || g.is(j, '('):
			last = -1
			if j = skipBalanced(g, j); j < 0 {
				return
			}
		default:
			if last >= 0 && isAssignment(g, j) {
				g.set(g.start(last), ' ')
			}
			return
		}
	}
}

// isAssignment reports whether an assignment operator starts at token j:
// `=` (not `==` or `=>`) or a compound one (`+=`, `??=`, `>>>=`...).
func isAssignment(g *gapText, j int) bool {
	first := j
	for g.isOneOf(j, "+-*/%&|^<>?") && g.adjacent(j) {
		j++
	}
	switch n := j - first; {
	case n == 1 && g.isOneOf(first, "<>?"):
		return false // `<=`, `>=` compare; `?=` does not exist
	case n == 2 && !(g.text(first) == g.text(first+1) && g.isOneOf(first, "<>?")):
		return false
	case n == 3 && !(g.is(first, '>') && g.is(first+1, '>') && g.is(first+2, '>')):
		return false
	case n > 3:
		return false
	}
	return g.is(j, '=') && !(g.adjacent(j) && (g.is(j+1, '=') || g.is(j+1, '>')))
}

// skipBalanced returns the token after the bracket closing the one at k,
// or -1 when a statement boundary comes first.
func skipBalanced(g *gapText, k int) int {
	depth := 0
	for j := k; j < g.toks.n; j++ {
		switch {
		case g.is(j, '(') || g.is(j, '[') || g.is(j, '{'):
			depth++
		case g.is(j, ')') || g.is(j, ']') || g.is(j, '}'):
			depth--
			if depth == 0 {
				return j + 1
			}
		case g.is(j, ';') || g.isDirective(j):
			return -1
		}
	}
	return -1
}

// typeConstraintWords follow `class`/`struct` in a `where` clause, where
// they are constraints rather than declarations.
var typeConstraintWords = map[string]bool{"where": true, "new": true, "class": true, "struct": true, "unmanaged": true, "notnull": true, "default": true}

// semicolonTypeBody: C# 12 lets a class, struct or interface end with `;`
// instead of a body (`class NotFound : Exception;`); the grammar only knows
// that for records and wrecks the next declaration. The `;` and one white
// space byte next to it become `{}`.
func semicolonTypeBody(g *gapText, k int) {
	if g.text(k-1) == "record" || !g.isName(k+1) || typeConstraintWords[g.text(k+1)] {
		return
	}
	depth := 0
	for j := k + 2; j < g.toks.n; j++ {
		switch {
		case g.isDirective(j):
			return
		case g.is(j, '(') || g.is(j, '[') || g.is(j, '<'):
			depth++
		case g.is(j, ')') || g.is(j, ']') || g.is(j, '>'):
			if depth--; depth < 0 {
				return
			}
		case g.is(j, '{') || g.is(j, '}'):
			return
		case depth == 0 && g.is(j, '='):
			return
		case g.is(j, ';'):
			if depth == 0 {
				fillEmptyBody(g, g.start(j))
			}
			return
		}
	}
}

// fillEmptyBody turns the `;` at i into `{}` by taking one white space byte
// next to it, without removing a line break a directive or `//` comment on
// the next line depends on.
func fillEmptyBody(g *gapText, i int) {
	src := g.src
	w := i + 1
	switch {
	case w < len(src) && (src[w] == ' ' || src[w] == '\t'):
	case w+1 < len(src) && src[w] == '\r' && src[w+1] == '\n':
		// `;\r\n` -> `{}\n`: the \n alone still ends the line.
	case w < len(src) && (src[w] == '\n' || src[w] == '\r'):
		next := byte(0)
		if w+1 < len(src) {
			next = src[w+1]
		}
		switch next {
		case ' ', '\t':
			// `;\n    x` -> `{}\n   x`: the line break moves right by one.
			g.set(w+1, src[w])
		case '\n', '\r', 0:
			// A blank line (or the end) follows: one line break can go.
		case '#':
			return // a directive must stay first on its line
		}
	case i > 0 && (src[i-1] == ' ' || src[i-1] == '\t'):
		g.set(i-1, '{')
		g.set(i, '}')
		return
	default:
		return
	}
	g.set(i, '{')
	g.set(w, '}')
}

// extensionBlock: C# 14 `extension(string s) { members }` inside a static
// class. The keyword becomes `class ext`, which makes the block a nested
// class with a primary constructor: the receiver is a parameter, the
// members stay members. The declaration's name node reads "ion".
func extensionBlock(g *gapText, k int) {
	if k > 0 && !(g.is(k-1, '{') || g.is(k-1, '}') || g.is(k-1, ';') || g.is(k-1, ']')) {
		return
	}
	if !g.is(k+1, '(') && !g.is(k+1, '<') {
		return
	}
	depth, sawParams := 0, false
	for j := k + 1; j < g.toks.n; j++ {
		switch {
		case g.isDirective(j):
			return
		case g.is(j, '(') || g.is(j, '[') || g.is(j, '<'):
			depth++
		case g.is(j, ')') || g.is(j, ']') || g.is(j, '>'):
			if depth--; depth < 0 {
				return
			}
			sawParams = sawParams || g.is(j, ')')
		case g.is(j, '{'):
			if depth == 0 && sawParams {
				g.setText(g.start(k), "class ext")
			}
			return
		case g.is(j, ';') || g.is(j, '}') || g.is(j, '='):
			return
		}
	}
}

// paramsCollection: C# 13 allows `params` on any collection type
// (`params ReadOnlySpan<T> xs`); the grammar wants an array and inserts a
// MISSING token. For a type not ending in `]` (or `?`, which it also takes)
// the keyword becomes spaces: the parameter keeps its type and name.
func paramsCollection(g *gapText, k int) {
	depth, j := 0, k+1
	for ; j < g.toks.n; j++ {
		if g.isOneOf(j, "{;") || g.isDirective(j) {
			return
		}
		if g.isOneOf(j, "<([") {
			depth++
			continue
		}
		if g.isOneOf(j, ">)]") {
			if depth == 0 {
				break // the `)` closing the parameter list
			}
			depth--
			continue
		}
		if depth == 0 && g.isOneOf(j, ",=") {
			break
		}
	}
	// The token before the parameter's end is its name; the one before
	// that ends the type.
	name := j - 1
	if name < k+2 || !g.isName(name) || g.isOneOf(name-1, "]?") {
		return
	}
	g.setText(g.start(k), "      ")
}

// sliceDeclaration: a slice pattern with a subpattern (C# 11, `[var
// first, .. var rest]`, `["push", .. var args] =>`) is beyond the grammar,
// which only reads a bare `..` and otherwise breaks the whole switch or
// member. `var rest` becomes spaces, leaving the bare slice: the pattern
// still matches the same shapes; `rest` is then a name nothing declares,
// which rules treat as unknown.
func sliceDeclaration(g *gapText, k int) {
	if !(g.is(k-1, '.') && g.is(k-2, '.') && g.adjacent(k-2)) || !g.isName(k+1) || !g.isOneOf(k+2, ",]") {
		return
	}
	for i := g.start(k); i < g.end(k+1); i++ {
		if g.src[i] != '\n' && g.src[i] != '\r' {
			g.set(i, ' ')
		}
	}
}
