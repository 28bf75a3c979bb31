package syntax

import (
	"bytes"
	"slices"
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

// lexed is a text's tokens with its triggers: the tokens prepare's passes
// act on (see triggerKind). The passes visit only those, in order, so
// their cost follows the number of triggers, not of tokens.
type lexed struct {
	toks tokenRuns
	trig []trigger
	// clean: prepare's passes over these tokens rewrote nothing but
	// `async` identifiers, and found no #if group, so each trigger's
	// answer depended on its own window of tokens alone (see trigger).
	clean bool
	// partial: relex made this from a clean text without touching a
	// directive; only the dirty triggers need their passes again.
	partial bool
}

// trigger is token k, which the passes in kind may act on. After a pass,
// lo and hi are the first and last tokens it read for k (or probed for,
// past either end), and found says whether an `async` word was taken for
// a name.
type trigger struct {
	k      int32
	kind   trigKind
	found  bool
	dirty  bool // the window is not known to be unchanged since the last pass
	lo, hi int32
}

type trigKind uint8

const (
	trigGap       trigKind = 1 << iota // closeGaps dispatches on it
	trigDirective                      // ifGroups reads it
	trigAsync                          // asyncIdentifiersFrom looks into it
	trigAll       = trigGap | trigDirective | trigAsync
)

func lex(src []byte) lexed {
	toks := tokenize(src)
	return lexed{toks: runsOf(toks), trig: appendTriggers(nil, src, toks, 0)}
}

// relex is relexTokens for lexed texts, carrying the triggers outside the
// lexed window over; ok is false when the caller must lex from scratch.
//
// A carried trigger is dirty when its window reaches the replaced tokens
// [keep, resume) or the white space right before them, where the edit may
// be: a pass reads the bytes between its window's tokens and those next
// to them (`;` followed by a line break, `async` by a comment), so the
// window counts one token wider on each side. New triggers are dirty.
func relex(src []byte, old lexed, e Edit) (lexed, bool) {
	toks, keep, n, resume, ok := relexTokens(src, old.toks, e)
	if !ok {
		return lexed{}, false
	}
	partial := old.clean
	touched := func(t trigger) bool { return int(t.hi) >= keep-1 && int(t.lo) <= resume }
	before := sort.Search(len(old.trig), func(i int) bool { return int(old.trig[i].k) >= keep })
	after := sort.Search(len(old.trig), func(i int) bool { return int(old.trig[i].k) >= resume })
	trig := make([]trigger, 0, len(old.trig)+8)
	for _, t := range old.trig[:before] {
		t.dirty = touched(t)
		trig = append(trig, t)
	}
	for _, t := range old.trig[before:after] {
		partial = partial && t.kind&trigDirective == 0 // a directive replaced
	}
	for k := keep; k < keep+n; k++ {
		if kind := triggerKind(src, toks.at(k)); kind != 0 {
			partial = partial && kind&trigDirective == 0 // a directive typed
			trig = append(trig, trigger{k: int32(k), kind: kind, dirty: true})
		}
	}
	shift := int32(keep + n - resume)
	for _, t := range old.trig[after:] {
		t.dirty = touched(t)
		t.k += shift
		t.lo += shift
		t.hi += shift
		trig = append(trig, t)
	}
	return lexed{toks: toks, trig: trig, partial: partial}, true
}

// appendTriggers appends the triggers among toks[from:].
func appendTriggers(trig []trigger, src []byte, toks []token, from int) []trigger {
	for k := from; k < len(toks); k++ {
		if kind := triggerKind(src, toks[k]); kind != 0 {
			trig = append(trig, trigger{k: int32(k), kind: kind})
		}
	}
	return trig
}

// triggerKind says which passes of prepare may act on token t, 0 for
// none: closeGaps dispatches on `[`, `?` and a few keywords, ifGroups reads
// directives, asyncIdentifiersFrom looks at `async` and strings mentioning
// it. It reads only the token's own text, so a token carried over
// unchanged keeps its kind. The passes check their own conditions again;
// the rewrites they make never turn a token into a trigger.
func triggerKind(src []byte, t token) trigKind {
	start, end := int(t.start), int(t.end)
	switch c, n := src[start], end-start; {
	case n == 1 && (c == '[' || c == '?'):
		return trigGap
	case c == '#':
		return trigDirective
	case n == 1:
		return 0
	case n == 3 && c == 'v':
		if string(src[start:end]) == "var" {
			return trigGap // `.. var rest` in a list pattern
		}
	case c == '$' || c == '@':
		if bytes.Contains(src[start:end], []byte("async")) {
			return trigAsync
		}
	case n == 5 && c == 'a':
		if string(src[start:end]) == "async" {
			return trigAsync
		}
	case n >= 5 && n <= 9 && (c == 'c' || c == 's' || c == 'i' || c == 'e' || c == 'p'):
		switch string(src[start:end]) {
		case "class", "struct", "interface", "extension", "params":
			return trigGap
		}
	}
	return 0
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
