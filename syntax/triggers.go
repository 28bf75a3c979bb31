package syntax

import (
	"bytes"
	"sort"
)

// Triggers: the tokens prepare's passes act on, kept with a text's tokens
// so that a keystroke's prepare visits a handful of them instead of every
// token of the file.

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
