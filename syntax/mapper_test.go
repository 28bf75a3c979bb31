package syntax

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"
)

// mapperTexts cover every way a line can end and every width a character
// can have in the three encodings.
var mapperTexts = map[string]string{
	"empty":           "",
	"lf":              "class C {\n    int x;\n}\n",
	"no final eol":    "class C {\n    int x;\n}",
	"crlf":            "class C {\r\n    int x;\r\n}\r\n",
	"lone cr":         "a\rb\r\rc",
	"mixed":           "a\r\n\nb\r\r\nc\n\r",
	"only breaks":     "\n\r\n\r\r\n\n",
	"bom crlf":        "\xef\xbb\xbfusing System;\r\nclass C { }\r\n",
	"bom only":        "\xef\xbb\xbf",
	"bom then eol":    "\xef\xbb\xbf\nx",
	"emoji":           "s = \"🙂🎉\"; // 👍🏽\nt = 1;",
	"cjk":             "var 名前 = \"東京\";\r\nx = 1;",
	"combining":       "e\u0301 = \"cafe\u0301\"; // n\u0303\n",
	"astral crlf bom": "\xef\xbb\xbf𝔸\r\n😀x\r\n",
	"invalid utf8":    "a\xffb\xe6\x97c\n\x80d",
}

// point is a position in all three encodings at once.
type point struct{ line, u8, u16, cp int }

func (p point) col(enc Encoding) int {
	return [...]int{UTF8: p.u8, UTF16: p.u16, CodePoint: p.cp}[enc]
}

// refPositions computes, independently of Mapper, the position of every
// byte offset 0..len(src): a character's interior maps to its start, the
// BOM to column 0, the \n of a CRLF to the end of its line. It also returns
// the offsets where a character (or the end of a line's content) starts.
func refPositions(src string) (pos []point, boundaries []int) {
	pos = make([]point, len(src)+1)
	cur := point{}
	i := 0
	if strings.HasPrefix(src, "\ufeff") {
		pos[0], pos[1], pos[2] = cur, cur, cur
		i = 3
	}
	for i < len(src) {
		boundaries = append(boundaries, i)
		switch {
		case src[i] == '\r' && i+1 < len(src) && src[i+1] == '\n':
			pos[i], pos[i+1] = cur, cur
			i += 2
			cur = point{line: cur.line + 1}
		case src[i] == '\r' || src[i] == '\n':
			pos[i] = cur
			i++
			cur = point{line: cur.line + 1}
		default:
			r, size := utf8.DecodeRuneInString(src[i:])
			for k := 0; k < size; k++ {
				pos[i+k] = cur
			}
			cur.u8 += size
			cur.cp++
			cur.u16++
			if r >= 0x10000 {
				cur.u16++
			}
			i += size
		}
	}
	pos[len(src)] = cur
	return pos, append(boundaries, len(src))
}

var encodings = []Encoding{UTF8, UTF16, CodePoint}

func TestMapperPositionMatchesReference(t *testing.T) {
	for name, src := range mapperTexts {
		m := NewMapper([]byte(src))
		ref, _ := refPositions(src)
		for off := -2; off <= len(src)+2; off++ {
			want := ref[min(max(off, 0), len(src))]
			for _, enc := range encodings {
				line, col := m.Position(off, enc)
				if line != want.line || col != want.col(enc) {
					t.Errorf("%s: Position(%d, %v) = %d:%d, want %d:%d", name, off, encName(enc), line, col, want.line, want.col(enc))
				}
			}
		}
		if got, want := m.LineCount(), ref[len(src)].line+1; got != want {
			t.Errorf("%s: LineCount = %d, want %d", name, got, want)
		}
	}
}

func TestMapperRoundTrip(t *testing.T) {
	for name, src := range mapperTexts {
		m := NewMapper([]byte(src))
		ref, boundaries := refPositions(src)
		for _, off := range boundaries {
			for _, enc := range encodings {
				line, col := m.Position(off, enc)
				back, ok := m.Offset(line, col, enc)
				if back != off || !ok {
					t.Errorf("%s: offset %d -> %d:%d (%v) -> %d, %v", name, off, line, col, encName(enc), back, ok)
				}
			}
		}
		// And every valid position maps to the offset the reference gives it.
		for _, p := range ref {
			for _, enc := range encodings {
				got, ok := m.Offset(p.line, p.col(enc), enc)
				if !ok || ref[got] != p {
					t.Errorf("%s: Offset(%d:%d, %v) = %d (%v), which is not at that position", name, p.line, p.col(enc), encName(enc), got, ok)
				}
			}
		}
	}
}

func TestMapperOffsetClamps(t *testing.T) {
	src := "ab\r\n🙂c\r\nlast"
	m := NewMapper([]byte(src))
	cases := []struct {
		line, col int
		enc       Encoding
		want      int
		ok        bool
	}{
		{0, 2, UTF16, 2, true},  // end of the first line's content
		{0, 3, UTF16, 2, false}, // past it: clamps before the CRLF
		{0, 99, UTF8, 2, false}, // far past it
		{1, 0, UTF16, 4, true},  // start of the emoji
		{1, 1, UTF16, 4, true},  // inside the surrogate pair: snaps to its start
		{1, 2, UTF16, 8, true},  // after the pair
		{1, 1, CodePoint, 8, true},
		{1, 1, UTF8, 4, true},    // inside the 4-byte sequence
		{1, 3, UTF8, 4, true},    // still inside it
		{1, 4, UTF8, 8, true},    // after it
		{1, 4, UTF16, 9, false},  // past "c": line end
		{2, 4, UTF16, 15, true},  // end of a file without a final newline
		{2, 5, UTF16, 15, false}, // past it
		{3, 0, UTF16, 15, false}, // a line past the end
		{99, 9, CodePoint, 15, false},
		{-1, 0, UTF16, 0, false},
		{0, -1, UTF16, 0, false},
	}
	for _, c := range cases {
		got, ok := m.Offset(c.line, c.col, c.enc)
		if got != c.want || ok != c.ok {
			t.Errorf("Offset(%d, %d, %v) = %d, %v; want %d, %v", c.line, c.col, encName(c.enc), got, ok, c.want, c.ok)
		}
	}
}

func TestMapperSpecificColumns(t *testing.T) {
	// `x` after one emoji, one CJK character and one combining sequence.
	src := "\xef\xbb\xbf🙂名e\u0301x"
	m := NewMapper([]byte(src))
	off := strings.IndexByte(src, 'x')
	want := map[Encoding]int{UTF8: 4 + 3 + 1 + 2, UTF16: 2 + 1 + 2, CodePoint: 1 + 1 + 2}
	for enc, col := range want {
		if line, got := m.Position(off, enc); line != 0 || got != col {
			t.Errorf("%v: x at %d:%d, want 0:%d", encName(enc), line, got, col)
		}
	}
	// The first character after a BOM is column 0, and (0,0) is that character.
	if line, col := m.Position(3, UTF16); line != 0 || col != 0 {
		t.Errorf("first character after the BOM at %d:%d", line, col)
	}
	if o, ok := m.Offset(0, 0, UTF16); o != 3 || !ok {
		t.Errorf("Offset(0,0) = %d, %v; want 3 (after the BOM)", o, ok)
	}
}

func TestMapperLineStart(t *testing.T) {
	m := NewMapper([]byte("a\r\nb\rc\nd"))
	for i, want := range []int{0, 3, 5, 7, 8} {
		if got := m.LineStart(i); got != want {
			t.Errorf("LineStart(%d) = %d, want %d", i, got, want)
		}
	}
	if m.LineStart(-1) != 0 || m.LineCount() != 4 {
		t.Errorf("LineStart(-1) = %d, LineCount = %d", m.LineStart(-1), m.LineCount())
	}
}

// encName keeps failure messages readable without giving Encoding a
// String method only tests would use.
type encName Encoding

func (e encName) String() string {
	switch Encoding(e) {
	case UTF8:
		return "utf-8"
	case UTF16:
		return "utf-16"
	case CodePoint:
		return "code points"
	}
	return fmt.Sprintf("Encoding(%d)", int(e))
}
