package syntax

import (
	"bytes"
	"slices"
)

// token is one significant token of the source: a word, a string or char
// literal, a preprocessor line, or a single punctuation byte. Comments and
// white space are not tokens.
type token struct{ start, end int32 }

func tok(start, end int) token { return token{int32(start), int32(end)} }

func tokenize(src []byte) []token {
	toks, _ := lexFrom(src, 0, make([]token, 0, len(src)/4), nil)
	return toks
}

// lexFrom appends the tokens of src from offset i on. The lexer's whole
// state between tokens is its offset and whether only white space has come
// since the last line break; after any token that flag is false, so lexing
// can restart at the end of any token. After each token or comment, stop
// (if not nil) may end the scan; lexFrom then reports true.
func lexFrom(src []byte, i int, toks []token, stop func(end int) bool) ([]token, bool) {
	lineStart := i == 0 // only white space since the last line break
	for i < len(src) {
		c := src[i]
		switch {
		case c == '\n':
			lineStart = true
			i++
			continue
		case c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v':
			i++
			continue
		case c == '#' && lineStart:
			end := i
			for end < len(src) && src[end] != '\n' && src[end] != '\r' {
				end++
			}
			toks = append(toks, tok(i, end))
			i = end
		case c == '/' && i+1 < len(src) && (src[i+1] == '/' || src[i+1] == '*'):
			i = skipComment(src, i)
		case c == '"' || c == '\'':
			end := skipString(src, i, i, nil)
			toks = append(toks, tok(i, end))
			i = end
		case c == '@' || c == '$':
			q := i
			for q < len(src) && (src[q] == '@' || src[q] == '$') {
				q++
			}
			switch {
			case q < len(src) && src[q] == '"':
				end := skipString(src, i, q, nil)
				toks = append(toks, tok(i, end))
				i = end
			case c == '@' && q < len(src) && isWordByte(src[q]):
				end := q // @identifier is one word
				for end < len(src) && isWordByte(src[end]) {
					end++
				}
				toks = append(toks, tok(i, end))
				i = end
			default:
				toks = append(toks, tok(i, i+1))
				i++
			}
		case isWordByte(c):
			end := i
			for end < len(src) && isWordByte(src[end]) {
				end++
			}
			toks = append(toks, tok(i, end))
			i = end
		default:
			toks = append(toks, tok(i, i+1))
			i++
		}
		lineStart = false
		if stop != nil && stop(i) {
			return toks, true
		}
	}
	return toks, false
}

// retokenize returns the tokens of src, the text after one edit, from old,
// the tokens of the text before it; nil means "tokenize from scratch".
func retokenize(src []byte, old []token, e Edit) []token {
	toks, _, _, _, ok := relexTokens(src, runsOf(old), e)
	if !ok {
		return nil
	}
	return toks.flat()
}

// relexTokens returns the tokens of src, the text after one edit, from
// old, the tokens of the text before it, and the window it lexed again:
// tokens [0, keep) are old's, then come `lexed` new ones, then (when the
// lexer caught up with the old tokens) old's from resume on, shifted.
// resume is old.n when lexing ran to the end of the text. ok is false when
// the caller must tokenize from scratch.
//
// Tokens ending before the edit are kept, lexing restarts at the end of
// the last of them, and stops as soon as it ends a token where an old token
// beyond the edit ended, from which point the old tokens are reused,
// shifted. A comment or string opened or closed by the edit simply keeps
// the lexer going until the texts agree.
func relexTokens(src []byte, old tokenRuns, e Edit) (toks tokenRuns, keep, lexed, resume int, ok bool) {
	delta := len(e.NewText) - (e.OldEnd - e.Start)
	// Tokens whose end is before the edit were decided by bytes before it.
	keep = old.searchEnd(e.Start)
	// A lone `@` or `$` is a token of its own only after the lexer looked
	// past the `@`s and `$`s following it for a quote or a word: the edit
	// may decide that although the token ends before it (`@$` + `0` is
	// the one word `@$0`).
	for keep > 0 {
		t := old.at(keep - 1)
		if c := src[t.start]; t.end-t.start != 1 || c != '@' && c != '$' {
			break
		}
		keep--
	}
	if keep == 0 {
		// The edit reaches into the first token: nothing to keep, and the
		// caller's full tokenize also blanks a BOM first.
		return tokenRuns{}, 0, 0, 0, false
	}
	restart := int(old.at(keep - 1).end)
	resume = old.n
	fresh, _ := lexFrom(src, restart, make([]token, 0, 16), func(end int) bool {
		oldEnd := end - delta
		if oldEnd < e.OldEnd {
			return false
		}
		k := old.searchEnd(oldEnd)
		if k < old.n && int(old.at(k).end) == oldEnd {
			resume = k + 1
			return true
		}
		return false
	})
	return old.replace(keep, resume, fresh, int32(delta)), keep, len(fresh), resume, true
}

// gapText gives the detectors the text, its tokens and their triggers. The
// text is the caller's until the first rewrite, which copies it: most files
// need no rewrite at all, and then prepare's result is the source itself.
type gapText struct {
	src  []byte
	toks tokenRuns
	hint int // the run of the last token read
	trig []trigger
	// partial: pass over the dirty triggers only (see lexed.partial).
	partial bool
	// lo and hi are the first and last token a pass has read since they
	// were reset; see trigger.
	lo, hi int
	own    bool    // src is prepare's copy
	writes []int32 // offsets set, in the order they were
	// every makes every token a trigger: the passes then visit all tokens,
	// the reference the triggers are tested against.
	every bool
}

// lex tokenizes g's text as it is now.
func (g *gapText) lex() lexed {
	if !g.every {
		return lex(g.src)
	}
	toks := tokenize(g.src)
	trig := make([]trigger, len(toks))
	for k := range trig {
		trig[k] = trigger{k: int32(k), kind: trigAll}
	}
	return lexed{toks: runsOf(toks), trig: trig}
}

// set makes the byte at i c, copying the text on the first change.
func (g *gapText) set(i int, c byte) {
	if g.src[i] == c {
		return
	}
	if !g.own {
		g.src = bytes.Clone(g.src)
		g.own = true
	}
	g.src[i] = c
	g.writes = append(g.writes, int32(i))
}

// setText is set for each byte of text from offset i on.
func (g *gapText) setText(i int, text string) {
	for j := range len(text) {
		g.set(i+j, text[j])
	}
}

// diffs returns the offsets, ascending, where g.src now differs from src.
func (g *gapText) diffs(src []byte) []int32 {
	if len(g.writes) == 0 {
		return nil
	}
	w := slices.Clone(g.writes)
	slices.Sort(w)
	out := w[:0]
	for i, at := range w {
		if (i == 0 || at != w[i-1]) && g.src[at] != src[at] {
			out = append(out, at)
		}
	}
	return out
}

// touch records that a pass read token k, or asked whether there is one.
func (g *gapText) touch(k int) {
	g.lo, g.hi = min(g.lo, k), max(g.hi, k)
}

// tok returns token k; k must be in range.
func (g *gapText) tok(k int) token {
	g.touch(k)
	g.hint = g.toks.run(k, g.hint)
	r := &g.toks.runs[g.hint]
	return r.at(k - r.first)
}

func (g *gapText) start(k int) int { return int(g.tok(k).start) }
func (g *gapText) end(k int) int   { return int(g.tok(k).end) }

func (g *gapText) text(k int) string {
	g.touch(k)
	if k < 0 || k >= g.toks.n {
		return ""
	}
	return string(g.src[g.start(k):g.end(k)])
}

// is reports whether token k is the punctuation byte c.
func (g *gapText) is(k int, c byte) bool {
	g.touch(k)
	return k >= 0 && k < g.toks.n && g.end(k)-g.start(k) == 1 && g.src[g.start(k)] == c
}

// adjacent reports whether tokens k and k+1 touch (`?.`, `+=`).
func (g *gapText) adjacent(k int) bool {
	g.touch(k)
	g.touch(k + 1)
	return k >= 0 && k+1 < g.toks.n && g.end(k) == g.start(k+1)
}

func (g *gapText) isWord(k int) bool {
	g.touch(k)
	return k >= 0 && k < g.toks.n && isWordByte(g.src[g.start(k)])
}

func (g *gapText) isDirective(k int) bool {
	g.touch(k)
	return k >= 0 && k < g.toks.n && g.src[g.start(k)] == '#'
}

// isName reports whether token k is an identifier-like word (not a number).
func (g *gapText) isName(k int) bool {
	if !g.isWord(k) {
		return false
	}
	c := g.src[g.start(k)]
	return c < '0' || c > '9'
}

func (g *gapText) isOneOf(k int, set string) bool {
	g.touch(k)
	return k >= 0 && k < g.toks.n && g.end(k)-g.start(k) == 1 &&
		bytes.IndexByte([]byte(set), g.src[g.start(k)]) >= 0
}
