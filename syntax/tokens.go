package syntax

import (
	"bytes"
	"sort"
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
// can restart at the end of any token. After each token, stop (if not nil)
// may end the scan; lexFrom then reports true.
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
		if stop != nil && len(toks) > 0 && stop(i) {
			return toks, true
		}
	}
	return toks, false
}

// retokenize returns the tokens of src, the text after one edit, from old,
// the tokens of the text before it: tokens ending before the edit are
// kept, lexing restarts at the end of the last of them, and stops as soon
// as it ends a token where an old token beyond the edit ended, from which
// point the old tokens are reused, shifted. A comment or string opened or
// closed by the edit simply keeps the lexer going until the texts agree.
// nil means "tokenize from scratch".
func retokenize(src []byte, old []token, e Edit) []token {
	delta := len(e.NewText) - (e.OldEnd - e.Start)
	// Tokens whose end is before the edit were decided by bytes before it.
	keep := sort.Search(len(old), func(k int) bool { return int(old[k].end) >= e.Start })
	if keep == 0 {
		// The edit reaches into the first token: nothing to keep, and the
		// caller's full tokenize also blanks a BOM first.
		return nil
	}
	restart := int(old[keep-1].end)
	toks := make([]token, keep, len(old)+len(e.NewText)/2+16)
	copy(toks, old[:keep])
	resume := -1
	toks, synced := lexFrom(src, restart, toks, func(end int) bool {
		oldEnd := end - delta
		if oldEnd < e.OldEnd {
			return false
		}
		k := sort.Search(len(old), func(k int) bool { return int(old[k].end) >= oldEnd })
		if k < len(old) && int(old[k].end) == oldEnd {
			resume = k + 1
			return true
		}
		return false
	})
	if synced {
		for _, t := range old[resume:] {
			toks = append(toks, token{t.start + int32(delta), t.end + int32(delta)})
		}
	}
	return toks
}

// gapText gives the detectors the text and its tokens.
type gapText struct {
	src  []byte
	toks []token
}

func (g *gapText) start(k int) int { return int(g.toks[k].start) }
func (g *gapText) end(k int) int   { return int(g.toks[k].end) }

func (g *gapText) text(k int) string {
	if k < 0 || k >= len(g.toks) {
		return ""
	}
	return string(g.src[g.start(k):g.end(k)])
}

// is reports whether token k is the punctuation byte c.
func (g *gapText) is(k int, c byte) bool {
	return k >= 0 && k < len(g.toks) && g.end(k)-g.start(k) == 1 && g.src[g.start(k)] == c
}

// adjacent reports whether tokens k and k+1 touch (`?.`, `+=`).
func (g *gapText) adjacent(k int) bool {
	return k >= 0 && k+1 < len(g.toks) && g.end(k) == g.start(k+1)
}

func (g *gapText) isWord(k int) bool {
	return k >= 0 && k < len(g.toks) && isWordByte(g.src[g.start(k)])
}

func (g *gapText) isDirective(k int) bool {
	return k >= 0 && k < len(g.toks) && g.src[g.start(k)] == '#'
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
	return k >= 0 && k < len(g.toks) && g.end(k)-g.start(k) == 1 &&
		bytes.IndexByte([]byte(set), g.src[g.start(k)]) >= 0
}
