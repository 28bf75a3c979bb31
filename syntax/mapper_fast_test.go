package syntax

import (
	"reflect"
	"testing"
)

// TestMapperLineFeedFastPath: texts without \r take NewMapper's IndexByte
// scan; it must find the line starts the byte loop finds.
func TestMapperLineFeedFastPath(t *testing.T) {
	for _, src := range []string{"", "\n", "a", "a\n", "\n\n", "ab\ncd\n\nef", "\xEF\xBB\xBFx\ny", "x\n\n\n"} {
		want := []int{0}
		for i := 0; i < len(src); i++ {
			if src[i] == '\n' {
				want = append(want, i+1)
			}
		}
		m := NewMapper([]byte(src))
		if !reflect.DeepEqual(m.lineStarts, want) {
			t.Errorf("%q: line starts %v, want %v", src, m.lineStarts, want)
		}
		if m.LineCount() != len(want) {
			t.Errorf("%q: %d lines, want %d", src, m.LineCount(), len(want))
		}
	}
}
