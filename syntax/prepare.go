package syntax

import "bytes"

// prepare returns the text tree-sitter should see: the source with gaps of
// the pinned grammar (tree-sitter-c-sharp v0.21.3) papered over by text of
// exactly the same length, so every offset in the tree is an offset into the
// original source and Node.Text still shows what the user wrote.
//
// Closed here:
//   - a UTF-8 BOM becomes three spaces;
//   - `async` used as an identifier (`bool async`, `Foo(async: false)`,
//     `if (async)`, `async switch`, `$"{async}"`, `async => ...`) becomes
//     `asyn_`: the grammar only knows `async` as a modifier and wrecks the
//     whole member around it otherwise.
//
// And in gaps.go and gaps_if.go, each only where tokens show the construct:
//   - an empty collection expression `[]` where an expression goes
//     (`return [];`, `x ?? []`, `Foo([])`, `ok ? [] : y`, `= [];`) becomes
//     `_ `, an identifier; array types and list patterns keep their `[]`;
//   - `a?.B = x` / `a?[i] += x` (C# 14): that last `?` becomes a space;
//   - `class X : Y;`, `struct S;`, `interface I;` and primary-constructor
//     forms (C# 12): the `;` and one adjacent white-space byte become `{}`
//     (never a line break a directive needs);
//   - `params ReadOnlySpan<T> xs` and other non-array params (C# 13):
//     `params` becomes spaces;
//   - `extension(T x) { ... }` blocks (C# 14): `extension` becomes
//     `class ext`, a nested class with a primary constructor;
//   - a slice pattern that declares its slice (`[_, .. var rest]`, C# 11):
//     `var rest` becomes spaces, leaving the bare `..` the grammar reads;
//   - `#if` groups the grammar cannot place (inside a parameter list,
//     expression, base list or signature, or branches that are not whole
//     statements): the first branch whose condition is not `false` stays,
//     the directive lines and other branches become spaces.
//
// Still open (no same-length rewrite): `class X : Y;//` with no white
// space next to the `;`, receiver-only `extension(T)`, `allows ref struct`,
// unbalanced `#if`. rules.Run skips members that hold syntax errors.
func prepare(src []byte) []byte {
	out, _, _ := prepareLexed(src, nil)
	return bytes.Clone(out) // never the caller's slice, even when nothing changed
}

// prepareLexed is prepare given the tokens of the source (BOM blanked)
// when the caller has them, nil when not; it returns them for next time.
// Tokenizing is most of prepare's cost, and an editor's keystroke changes
// a handful of tokens (see relex). out is src itself when prepare changed
// nothing, else a copy; diffs lists the offsets where the two differ.
func prepareLexed(src []byte, lx *lexed) (out []byte, next lexed, diffs []int32) {
	return prepareWith(&gapText{src: src}, lx)
}

// prepareWith is prepareLexed on a fresh gapText, which a test may set to
// visit every token instead of the triggers.
//
// When lx is partial, only its dirty triggers are visited: every other one
// read the same tokens last time, in a text no pass rewrote (the clean
// one relex came from), so its answer stands. Should a dirty one rewrite
// something, that no longer holds for the others, and the whole text is
// prepared again.
func prepareWith(g *gapText, lx *lexed) (out []byte, next lexed, diffs []int32) {
	src := g.src
	if len(src) >= 3 && src[0] == 0xEF && src[1] == 0xBB && src[2] == 0xBF {
		g.setText(0, "   ")
	}
	if lx == nil {
		next = g.lex()
	} else {
		next = *lx
	}
	g.toks, g.trig = next.toks, next.trig
	g.partial = next.partial
	wrote, groups := closeGaps(g)
	if g.partial && wrote {
		g.src, g.own, g.writes = src, false, nil
		return prepareWith(g, &lexed{toks: next.toks, trig: next.trig})
	}
	// The triggers carry what the passes found only when they are the
	// source's, not those of a text with #if branches blanked.
	next.clean = !wrote && !groups
	next.partial = false
	for _, at := range asyncIdentifiersFrom(g) {
		g.set(at+4, '_')
	}
	return g.src, next, g.diffs(src)
}

// asyncIdentifiersFrom is asyncIdentifiers over an already tokenized text,
// so prepare scans the source once; only `$` strings that mention async
// are lexed again for their interpolation holes. A partial pass takes the
// answer for an `async` word that is not dirty from its trigger.
func asyncIdentifiersFrom(g *gapText) []int {
	var found []int
	lx := lexer{src: g.src}
	// This runs at every keystroke: only triggers can be `async` or a
	// string mentioning it; test the first byte and the length before
	// comparing text.
	for i := range g.trig {
		tr := &g.trig[i]
		if tr.kind&trigAsync == 0 {
			continue
		}
		if g.partial && !tr.dirty && tr.lo == tr.k && tr.hi == tr.k+1 {
			if tr.found {
				found = append(found, g.start(int(tr.k)))
			}
			continue
		}
		t := g.tok(int(tr.k))
		start, end := int(t.start), int(t.end)
		// It reads this token and, after white space and comments, the
		// next; strings only themselves, but they are rare enough to
		// always look again (their holes can hold several).
		tr.lo, tr.hi, tr.found = tr.k, tr.k, false
		switch c := g.src[start]; {
		case c == 'a' && end-start == 5 && string(g.src[start:end]) == "async":
			tr.hi = tr.k + 1
			if next := lx.peekSignificant(end); next >= 0 && endsAName(g.src, next) {
				found = append(found, start)
				tr.found = true
			}
		case (c == '$' || c == '@') && end-start > 1 && bytes.Contains(g.src[start:end], []byte("async")):
			found = append(found, asyncIdentifiersIn(g.src, start, end)...)
		}
	}
	return found
}

// asyncIdentifiersIn returns the offsets in src[from:to] of every `async`
// token that is used as a name rather than a modifier, judged by the token
// after it: a modifier is always followed by a type, `(`, `delegate` or a
// lambda parameter name, never by punctuation that ends or continues an
// expression. It looks inside the interpolation holes of the strings it
// passes too (`$"{async}"`).
func asyncIdentifiersIn(src []byte, from, to int) []int {
	var found []int
	lx := lexer{src: src[:to], pos: from}
	for {
		start, end, ok := lx.nextWord()
		if !ok {
			break
		}
		if end-start != 5 || string(src[start:end]) != "async" || (start > 0 && src[start-1] == '@') {
			continue
		}
		if next := lx.peekSignificant(end); next >= 0 && endsAName(lx.src, next) {
			found = append(found, start)
		}
	}
	for _, h := range lx.holes {
		// The hole's closing brace stays visible: `{async}` ends a name.
		found = append(found, asyncIdentifiersIn(src, h[0], min(h[1]+1, to))...)
	}
	return found
}

// nameFollowers are keywords that can follow an expression but never the
// `async` modifier: no type is called `is` or `switch`.
var nameFollowers = map[string]bool{"is": true, "as": true, "switch": true, "with": true}

func endsAName(src []byte, i int) bool {
	c := src[i]
	after := byte(0)
	if i+1 < len(src) {
		after = src[i+1]
	}
	switch c {
	case ')', ',', ';', '.', ']', '}', '?', '&', '|', '!', '+', '-', '*', '%', '^', '=':
		// `=` includes `=>`: `async => ...` is a lambda whose parameter
		// is named async; the modifier is followed by the parameters.
		return true
	case ':':
		return after != ':'
	}
	if isWordByte(c) {
		j := i
		for j < len(src) && isWordByte(src[j]) {
			j++
		}
		return nameFollowers[string(src[i:j])]
	}
	return false
}

// lexer skips C# comments, strings and character literals, so words inside
// them are never taken for code.
type lexer struct {
	src []byte
	pos int
	// holes are the interpolation holes of the strings skipped so far, as
	// [first byte, closing brace).
	holes [][2]int
}

func isWordByte(c byte) bool {
	return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80
}

// nextWord returns the next identifier-or-keyword token outside comments and
// literals.
func (lx *lexer) nextWord() (start, end int, ok bool) {
	src := lx.src
	for lx.pos < len(src) {
		c := src[lx.pos]
		switch {
		case c == '/' && lx.pos+1 < len(src) && (src[lx.pos+1] == '/' || src[lx.pos+1] == '*'):
			lx.pos = skipComment(src, lx.pos)
		case c == '"' || c == '\'':
			lx.pos = skipString(src, lx.pos, lx.pos, nil)
		case (c == '@' || c == '$') && lx.pos+1 < len(src):
			// @"…", $"…", $@"…", @$"…", $$"""…""": find the quote the prefix opens.
			q := lx.pos
			for q < len(src) && (src[q] == '@' || src[q] == '$') {
				q++
			}
			if q < len(src) && src[q] == '"' {
				lx.pos = skipString(src, lx.pos, q, &lx.holes)
			} else {
				lx.pos++
			}
		case isWordByte(c):
			start := lx.pos
			for lx.pos < len(src) && isWordByte(src[lx.pos]) {
				lx.pos++
			}
			return start, lx.pos, true
		default:
			lx.pos++
		}
	}
	return 0, 0, false
}

// peekSignificant returns the offset of the first byte at or after i that is
// neither white space nor inside a comment, or -1.
func (lx *lexer) peekSignificant(i int) int {
	src := lx.src
	for i < len(src) {
		switch c := src[i]; {
		case c == ' ' || c == '\t' || c == '\r' || c == '\n':
			i++
		case c == '/' && i+1 < len(src) && (src[i+1] == '/' || src[i+1] == '*'):
			i = skipComment(src, i)
		default:
			return i
		}
	}
	return -1
}

func skipComment(src []byte, i int) int {
	if src[i+1] == '/' {
		for i < len(src) && src[i] != '\n' {
			i++
		}
		return i
	}
	for i += 2; i+1 < len(src); i++ {
		if src[i] == '*' && src[i+1] == '/' {
			return i + 2
		}
	}
	return len(src)
}

// skipString skips a literal whose prefix starts at start and whose opening
// quote is at q, returning the offset after it. The interpolation holes of a
// `$` string are skipped with it and, when holes is not nil, appended to it.
func skipString(src []byte, start, q int, holes *[][2]int) int {
	quote := src[q]
	verbatim, dollars := false, 0
	for i := start; i < q; i++ {
		verbatim = verbatim || src[i] == '@'
		if src[i] == '$' {
			dollars++
		}
	}
	// Raw string literal: three or more quotes, closed by as many; holes
	// open with as many braces as the prefix has dollars.
	n := 0
	for q+n < len(src) && src[q+n] == '"' {
		n++
	}
	if quote == '"' && n >= 3 {
		for i := q + n; i < len(src); i++ {
			if dollars > 0 && src[i] == '{' {
				run := 0
				for i+run < len(src) && src[i+run] == '{' {
					run++
				}
				if run >= dollars {
					i = skipHole(src, i+run, holes) + dollars - 1
				} else {
					i += run - 1
				}
				continue
			}
			run := 0
			for i+run < len(src) && src[i+run] == '"' {
				run++
			}
			if run >= n {
				return i + run
			}
			i += run
		}
		return len(src)
	}
	for i := q + 1; i < len(src); i++ {
		switch c := src[i]; {
		case dollars > 0 && c == '{':
			if i+1 < len(src) && src[i+1] == '{' {
				i++
				continue
			}
			i = skipHole(src, i+1, holes)
		case verbatim && c == '"':
			if i+1 < len(src) && src[i+1] == '"' {
				i++
				continue
			}
			return i + 1
		case !verbatim && c == '\\':
			i++
		case c == quote:
			return i + 1
		case !verbatim && c == '\n':
			return i // unterminated: stop at the line end as the compiler does
		}
	}
	return len(src)
}

// skipHole finds the brace closing an interpolation hole whose code starts
// at i, skipping nested brackets, strings and comments, and records the hole.
func skipHole(src []byte, i int, holes *[][2]int) int {
	start, depth := i, 0
	for ; i < len(src); i++ {
		switch c := src[i]; {
		case c == '(' || c == '[' || c == '{':
			depth++
		case c == ')' || c == ']':
			depth--
		case c == '}':
			if depth == 0 {
				if holes != nil {
					*holes = append(*holes, [2]int{start, i})
				}
				return i
			}
			depth--
		case c == '"' || c == '\'':
			i = skipString(src, i, i, nil) - 1
		case (c == '@' || c == '$') && i+1 < len(src) && (src[i+1] == '"' || src[i+1] == '@' || src[i+1] == '$'):
			q := i
			for q < len(src) && (src[q] == '@' || src[q] == '$') {
				q++
			}
			if q < len(src) && src[q] == '"' {
				i = skipString(src, i, q, nil) - 1
			}
		case c == '/' && i+1 < len(src) && src[i+1] == '*':
			i = skipComment(src, i) - 1
		}
	}
	return len(src)
}
