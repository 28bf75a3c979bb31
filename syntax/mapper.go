package syntax

import (
	"bytes"
	"sort"
	"unicode/utf8"
)

// Encoding names how a column counts characters on a line. The engine speaks
// byte offsets; only the edges (CLI, LSP) ask for columns.
type Encoding int

const (
	UTF8      Encoding = iota // bytes: LSP "utf-8"
	UTF16                     // UTF-16 code units: the LSP default
	CodePoint                 // Unicode code points: what the CLI prints
)

// Mapper converts between byte offsets and zero-based line/column positions
// for one immutable source text. Line breaks are \n, \r\n and a lone \r, the
// three the LSP specification recognises. A leading UTF-8 BOM takes no
// column: editors hide it and compilers do not count it, so the first
// character of the file is column 0 either way.
type Mapper struct {
	src        []byte
	lineStarts []int
	bom        int // 3 when src starts with a BOM
}

// NewMapper indexes the line starts of src once; conversions are then a binary
// search plus a scan of one line.
func NewMapper(src []byte) *Mapper {
	bom := 0
	if len(src) >= 3 && src[0] == 0xEF && src[1] == 0xBB && src[2] == 0xBF {
		bom = 3
	}
	if bytes.IndexByte(src, '\r') < 0 {
		// The common case, \n only: bytes.IndexByte is vectorised, several
		// times faster than a byte loop, and the server rebuilds a Mapper
		// per keystroke.
		starts := make([]int, 1, bytes.Count(src, []byte{'\n'})+1)
		for i := 0; ; {
			j := bytes.IndexByte(src[i:], '\n')
			if j < 0 {
				break
			}
			i += j + 1
			starts = append(starts, i)
		}
		return &Mapper{src: src, lineStarts: starts, bom: bom}
	}
	starts := []int{0}
	for i := 0; i < len(src); i++ {
		switch src[i] {
		case '\n':
			starts = append(starts, i+1)
		case '\r':
			if i+1 < len(src) && src[i+1] == '\n' {
				i++
			}
			starts = append(starts, i+1)
		}
	}
	return &Mapper{src: src, lineStarts: starts, bom: bom}
}

// edited returns the Mapper of src, the text after e, from m, the Mapper of
// the text before it, instead of indexing src again. Whether offset s
// starts a line depends on the bytes at s-1 and s alone (after \n, or after
// a \r not followed by \n), so the starts before the edit stay, those past
// it shift, and only the offsets the edit wrote, plus the one after them,
// are looked at.
func (m *Mapper) edited(src []byte, e Edit) *Mapper {
	newEnd := e.Start + len(e.NewText)
	delta := newEnd - e.OldEnd
	lo := sort.SearchInts(m.lineStarts, e.Start)
	hi := sort.SearchInts(m.lineStarts, e.OldEnd+1)
	starts := make([]int, lo, len(m.lineStarts)-(hi-lo)+bytes.Count(e.NewText, []byte{'\n'})+bytes.Count(e.NewText, []byte{'\r'})+1)
	copy(starts, m.lineStarts[:lo])
	for s := e.Start; s <= newEnd && s <= len(src); s++ {
		if s == 0 || src[s-1] == '\n' || src[s-1] == '\r' && (s == len(src) || src[s] != '\n') {
			starts = append(starts, s)
		}
	}
	for _, s := range m.lineStarts[hi:] {
		starts = append(starts, s+delta)
	}
	bom := 0
	if len(src) >= 3 && src[0] == 0xEF && src[1] == 0xBB && src[2] == 0xBF {
		bom = 3
	}
	return &Mapper{src: src, lineStarts: starts, bom: bom}
}

// lineTextStart is where columns start counting on line: after the BOM on
// the first line.
func (m *Mapper) lineTextStart(line int) int {
	if line == 0 {
		return m.bom
	}
	return m.lineStarts[line]
}

// LineCount is the number of lines; a text ending in a line break has an
// empty last line, as editors show it.
func (m *Mapper) LineCount() int { return len(m.lineStarts) }

// LineStart returns the byte offset where zero-based line starts.
func (m *Mapper) LineStart(line int) int {
	if line < 0 {
		return 0
	}
	if line >= len(m.lineStarts) {
		return len(m.src)
	}
	return m.lineStarts[line]
}

// lineContentEnd is the offset of the line break ending line (or EOF).
func (m *Mapper) lineContentEnd(line int) int {
	end := len(m.src)
	if line+1 < len(m.lineStarts) {
		end = m.lineStarts[line+1]
		if end > 0 && m.src[end-1] == '\n' {
			end--
		}
		if end > 0 && m.src[end-1] == '\r' {
			end--
		}
	}
	return end
}

// Position returns the zero-based line and column of a byte offset. Offsets
// past the end clamp to the end; an offset inside a multi-byte character
// counts as that character's start, one inside the BOM as column 0, and one
// between the \r and \n of a CRLF as the line's end.
func (m *Mapper) Position(offset int, enc Encoding) (line, col int) {
	if offset < 0 {
		offset = 0
	}
	if offset > len(m.src) {
		offset = len(m.src)
	}
	line = sort.Search(len(m.lineStarts), func(i int) bool { return m.lineStarts[i] > offset }) - 1
	start := m.lineTextStart(line)
	if offset < start {
		offset = start
	}
	end := m.lineContentEnd(line)
	if offset > end {
		offset = end
	}
	return line, columnWidth(m.src[start:runeStart(m.src[start:end], offset-start)+start], enc)
}

// runeStart moves i back to the start of the character of b it falls in,
// decoding as columnWidth does so stray bytes stay one column each.
func runeStart(b []byte, i int) int {
	for back := 1; back < utf8.UTFMax && i-back >= 0; back++ {
		if p := i - back; utf8.RuneStart(b[p]) {
			if _, size := utf8.DecodeRune(b[p:]); p+size > i {
				return p
			}
			break
		}
	}
	return i
}

// Offset returns the byte offset of a zero-based line and column. A line past
// the end maps to the end of the text and a column past the end of its line to
// the line's end, as the LSP specification asks; ok reports whether the
// position was inside the text as given.
func (m *Mapper) Offset(line, col int, enc Encoding) (offset int, ok bool) {
	if line < 0 || col < 0 {
		return 0, false
	}
	if line >= len(m.lineStarts) {
		return len(m.src), false
	}
	start, end := m.lineTextStart(line), m.lineContentEnd(line)
	i, n := start, 0
	for i < end && n < col {
		r, size := utf8.DecodeRune(m.src[i:end])
		w := 1
		switch enc {
		case UTF8:
			w = size
		case UTF16:
			if r >= 0x10000 {
				w = 2
			}
		}
		if n+w > col {
			// A column inside a surrogate pair or a multi-byte sequence
			// snaps to the character's start rather than splitting it.
			return i, true
		}
		n += w
		i += size
	}
	return i, n == col
}

func columnWidth(b []byte, enc Encoding) int {
	switch enc {
	case UTF8:
		return len(b)
	case CodePoint:
		return utf8.RuneCount(b)
	}
	n := 0
	for len(b) > 0 {
		r, size := utf8.DecodeRune(b)
		if r >= 0x10000 {
			n += 2
		} else {
			n++
		}
		b = b[size:]
	}
	return n
}
