package syntax

import "bytes"

// textStyle counts what fixes read from the whole text (rules' Pass.Newline
// and Pass.IndentUnit): counted once per Parse and carried through Apply by
// recounting around each edit, so asking costs nothing per keystroke.
type textStyle struct {
	crlf int // "\r\n" pairs
	tabs int // "\n\t": lines after the first that start with a tab
}

func styleOf(src []byte) textStyle {
	return textStyle{crlf: bytes.Count(src, []byte("\r\n")), tabs: bytes.Count(src, []byte("\n\t"))}
}

// edited returns the style of next, the text after e, from s, the style of
// src, the text before it. A two-byte pair changes only where it overlaps
// the replaced bytes, so the pairs within one byte of the edit are counted
// before and after it.
func (s textStyle) edited(src, next []byte, e Edit) textStyle {
	before := styleOf(src[max(0, e.Start-1):min(len(src), e.OldEnd+1)])
	after := styleOf(next[max(0, e.Start-1):min(len(next), e.Start+len(e.NewText)+1)])
	return textStyle{crlf: s.crlf - before.crlf + after.crlf, tabs: s.tabs - before.tabs + after.tabs}
}

// CRLF reports whether the text has a \r\n line break anywhere.
func (f *File) CRLF() bool { return f.style.crlf > 0 }

// TabIndented reports whether a line after the first starts with a tab.
func (f *File) TabIndented() bool { return f.style.tabs > 0 }
