package rules

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"sort"
	"strings"
	"testing"
)

// pragmaRegionsByLine is pragmaRegions as it was, parsing every line: the
// reference for the version that only looks at lines holding a `#`.
func pragmaRegionsByLine(src []byte) []pragmaRegion {
	if !bytes.Contains(src, []byte("#pragma")) {
		return nil
	}
	var regions []pragmaRegion
	open := map[string]int{}
	for off := 0; off < len(src); {
		end := bytes.IndexByte(src[off:], '\n')
		if end < 0 {
			end = len(src)
		} else {
			end += off + 1
		}
		if action, ids, ok := parsePragma(string(src[off:end])); ok {
			if len(ids) == 0 {
				ids = []string{""}
			}
			for _, id := range ids {
				switch {
				case action == "disable":
					if _, already := open[id]; !already {
						open[id] = off
					}
				case id == "":
					for k, s := range open {
						regions = append(regions, pragmaRegion{k, s, off})
					}
					open = map[string]int{}
				default:
					if s, isOpen := open[id]; isOpen {
						regions = append(regions, pragmaRegion{id, s, off})
						delete(open, id)
					}
				}
			}
		}
		off = end
	}
	for id, s := range open {
		regions = append(regions, pragmaRegion{id, s, len(src)})
	}
	return regions
}

func TestPragmaRegionsMatchLineScan(t *testing.T) {
	lines := []string{"#pragma warning disable ASY001", "  #pragma warning restore ASY001 // why", "#pragma warning disable",
		"#pragma warning restore", "x = a # b;", "# pragma warning disable ASY002", "\t#pragma warning disable asy002, ASY003",
		"var s = \"#pragma warning disable\";", "code();", "#if X", "", "#", "#pragma warning restore ASY002,ASY003\r"}
	r := rand.New(rand.NewPCG(4, 2))
	for round := 0; round < 2000; round++ {
		var b strings.Builder
		for range r.IntN(12) {
			b.WriteString(lines[r.IntN(len(lines))])
			if r.IntN(8) > 0 {
				b.WriteString("\n")
			}
		}
		src := []byte(b.String())
		got, want := pragmaRegions(src), pragmaRegionsByLine(src)
		if render := func(rs []pragmaRegion) string {
			out := make([]string, len(rs))
			for i, x := range rs {
				out[i] = fmt.Sprint(x)
			}
			sort.Strings(out)
			return strings.Join(out, " ")
		}; render(got) != render(want) {
			t.Fatalf("%q: regions %v, want %v", src, got, want)
		}
	}
}
