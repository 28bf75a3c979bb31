package syntax

import (
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkPrepare is the per-keystroke share of Apply that does not depend
// on the edit's size: prepare reads the whole text every time.
func BenchmarkPrepare(b *testing.B) {
	var src []byte
	paths, _ := filepath.Glob("testdata/incremental/*.cs")
	for len(src) < 400_000 && len(paths) > 0 {
		for _, p := range paths {
			data, err := os.ReadFile(p)
			if err != nil {
				b.Fatal(err)
			}
			src = append(src, data...)
		}
	}
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		prepare(src)
	}
}
