package syntax

import "bytes"

// textStyle counts what rules read from the whole text: the line ending and
// indentation fixes copy (Pass.Newline, Pass.IndentUnit) and whether any
// `#pragma` needs looking at. Counted once per Parse and carried through
// Apply by recounting around each edit, so asking costs nothing per
// keystroke.
type textStyle struct {
	crlf    int // "\r\n" pairs
	tabs    int // "\n\t": lines after the first that start with a tab
	pragmas int // "#pragma"
}

// stylePatterns are what textStyle counts; none can overlap itself, so
// bytes.Count finds every occurrence.
var stylePatterns = [...]string{"\r\n", "\n\t", "#pragma"}

func styleOf(src []byte) textStyle {
	return textStyle{
		crlf:    bytes.Count(src, []byte(stylePatterns[0])),
		tabs:    bytes.Count(src, []byte(stylePatterns[1])),
		pragmas: bytes.Count(src, []byte(stylePatterns[2])),
	}
}

// edited returns the style of next, the text after e, from s, the style of
// src, the text before it. An occurrence changes only where it overlaps the
// replaced bytes, so the occurrences reaching into the edit are counted
// before and after it.
func (s textStyle) edited(src, next []byte, e Edit) textStyle {
	count := func(text []byte, start, end int, pat string) int {
		reach := len(pat) - 1
		return bytes.Count(text[max(0, start-reach):min(len(text), end+reach)], []byte(pat))
	}
	newEnd := e.Start + len(e.NewText)
	n := [3]int{s.crlf, s.tabs, s.pragmas}
	for i, pat := range stylePatterns {
		n[i] += count(next, e.Start, newEnd, pat) - count(src, e.Start, e.OldEnd, pat)
	}
	return textStyle{crlf: n[0], tabs: n[1], pragmas: n[2]}
}

// CRLF reports whether the text has a \r\n line break anywhere.
func (f *File) CRLF() bool { return f.style.crlf > 0 }

// TabIndented reports whether a line after the first starts with a tab.
func (f *File) TabIndented() bool { return f.style.tabs > 0 }

// MentionsPragma reports whether `#pragma` occurs anywhere in the text.
func (f *File) MentionsPragma() bool { return f.style.pragmas > 0 }
