package rules

import "testing"

// An insertion touching the start of a replacement is not an overlap; the
// fuzzer found ASY006's `await ` + `Flush`->`FlushAsync` panicking here.
func TestApplyEditsInsertBeforeReplacementAtSameOffset(t *testing.T) {
	src := []byte("Flush();")
	for _, edits := range [][]Edit{
		{{Start: 0, End: 5, NewText: "FlushAsync"}, {Start: 0, End: 0, NewText: "await "}},
		{{Start: 0, End: 0, NewText: "await "}, {Start: 0, End: 5, NewText: "FlushAsync"}},
	} {
		if got := string(ApplyEdits(src, edits)); got != "await FlushAsync();" {
			t.Errorf("ApplyEdits(%v) = %q", edits, got)
		}
	}
	two := []Edit{{Start: 0, End: 0, NewText: "a"}, {Start: 0, End: 0, NewText: "b"}}
	if got := string(ApplyEdits(src, two)); got != "abFlush();" {
		t.Errorf("two inserts at one offset: %q, want them in the given order", got)
	}
}
