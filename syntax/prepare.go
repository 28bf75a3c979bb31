package syntax

// prepare returns the text tree-sitter should see: the source with gaps of
// the pinned grammar (tree-sitter-c-sharp v0.21.3) papered over by text of
// exactly the same length, so every offset in the tree is an offset into the
// original source and Node.Text still shows what the user wrote.
//
// Closed here:
//   - a UTF-8 BOM becomes three spaces;
//   - `async` used as an identifier (`bool async`, `Foo(async: false)`,
//     `if (async)`) becomes `asyn_`: the grammar only knows `async` as a
//     modifier and wrecks the whole member around it otherwise.
func prepare(src []byte) []byte {
	out := make([]byte, len(src))
	copy(out, src)
	if len(out) >= 3 && out[0] == 0xEF && out[1] == 0xBB && out[2] == 0xBF {
		out[0], out[1], out[2] = ' ', ' ', ' '
	}
	for _, at := range asyncIdentifiers(src) {
		out[at+4] = '_'
	}
	return out
}

// asyncIdentifiers returns the offsets of every `async` token that is used
// as a name rather than a modifier, judged by the token after it: a modifier
// is always followed by a type, `(`, `delegate` or a lambda parameter name,
// never by punctuation that ends or continues an expression.
func asyncIdentifiers(src []byte) []int {
	var found []int
	lx := lexer{src: src}
	for {
		start, end, ok := lx.nextWord()
		if !ok {
			return found
		}
		if end-start != 5 || string(src[start:end]) != "async" || (start > 0 && src[start-1] == '@') {
			continue
		}
		if next := lx.peekSignificant(end); next >= 0 && endsAName(src, next) {
			found = append(found, start)
		}
	}
}

func endsAName(src []byte, i int) bool {
	c := src[i]
	after := byte(0)
	if i+1 < len(src) {
		after = src[i+1]
	}
	switch c {
	case ')', ',', ';', '.', ']', '}', '?', '&', '|', '!', '+', '-', '*', '%', '^':
		return true
	case ':':
		return after != ':'
	case '=':
		return after != '>'
	}
	return false
}

// lexer skips C# comments, strings and character literals, so words inside
// them are never taken for code.
type lexer struct {
	src []byte
	pos int
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
			lx.pos = skipString(src, lx.pos, lx.pos)
		case (c == '@' || c == '$') && lx.pos+1 < len(src):
			// @"…", $"…", $@"…", @$"…", $$"""…""": find the quote the prefix opens.
			q := lx.pos
			for q < len(src) && (src[q] == '@' || src[q] == '$') {
				q++
			}
			if q < len(src) && src[q] == '"' {
				lx.pos = skipString(src, lx.pos, q)
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
// quote is at q, returning the offset after it. Interpolation holes are
// skipped with the literal: a name inside them does not break the parse.
func skipString(src []byte, start, q int) int {
	quote := src[q]
	verbatim := false
	for i := start; i < q; i++ {
		verbatim = verbatim || src[i] == '@'
	}
	// Raw string literal: three or more quotes, closed by as many.
	n := 0
	for q+n < len(src) && src[q+n] == '"' {
		n++
	}
	if quote == '"' && n >= 3 {
		for i := q + n; i < len(src); i++ {
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
