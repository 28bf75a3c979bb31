package syntax

import "bytes"

// token is one significant token of the source: a word, a string or char
// literal, a preprocessor line, or a single punctuation byte. Comments and
// white space are not tokens.
type token struct{ start, end int32 }

func tok(start, end int) token { return token{int32(start), int32(end)} }

func tokenize(src []byte) []token {
	toks := make([]token, 0, len(src)/4)
	lineStart := true // only white space since the last line break
	for i := 0; i < len(src); {
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
