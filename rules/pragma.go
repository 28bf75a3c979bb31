package rules

import (
	"bytes"
	"strings"

	"github.com/asyncsense/asyncsense/syntax"
)

// suppress drops diagnostics that `#pragma warning disable` covers. The
// directive works as in the C# compiler: from its line to a matching
// `restore` or the end of the file; without IDs it covers every rule.
func (c *Config) suppress(f *syntax.File, diags []Diagnostic) []Diagnostic {
	if !f.MentionsPragma() {
		return diags // what pragmaRegions would find out by reading the whole text
	}
	regions := pragmaRegions(f.Src)
	if len(regions) == 0 {
		return diags
	}
	kept := diags[:0]
	for _, d := range diags {
		if !suppressed(regions, d) {
			kept = append(kept, d)
		}
	}
	return kept
}

type pragmaRegion struct {
	id         string // "" for every rule
	start, end int
}

func suppressed(regions []pragmaRegion, d Diagnostic) bool {
	for _, r := range regions {
		if (r.id == "" || r.id == d.Rule) && r.start <= d.Start && d.Start < r.end {
			return true
		}
	}
	return false
}

func pragmaRegions(src []byte) []pragmaRegion {
	if !bytes.Contains(src, []byte("#pragma")) {
		return nil
	}
	var regions []pragmaRegion
	open := map[string]int{} // rule ID ("" for all) -> where its disable began
	for next := 0; next < len(src); {
		// Only a line holding a `#` can be a directive: go from one to the
		// next instead of converting every line.
		hash := bytes.IndexByte(src[next:], '#')
		if hash < 0 {
			break
		}
		hash += next
		off := next + bytes.LastIndexByte(src[next:hash], '\n') + 1 // the line's start
		end := bytes.IndexByte(src[hash:], '\n')
		if end < 0 {
			end = len(src)
		} else {
			end += hash + 1
		}
		next = end
		action, ids, ok := parsePragma(string(src[off:end]))
		if ok {
			if len(ids) == 0 {
				ids = []string{""}
			}
			for _, id := range ids {
				switch action {
				case "disable":
					if _, already := open[id]; !already {
						open[id] = off
					}
				case "restore":
					if id == "" {
						for k, s := range open {
							regions = append(regions, pragmaRegion{k, s, off})
						}
						open = map[string]int{}
					} else if s, isOpen := open[id]; isOpen {
						regions = append(regions, pragmaRegion{id, s, off})
						delete(open, id)
					}
				}
			}
		}
	}
	for id, s := range open {
		regions = append(regions, pragmaRegion{id, s, len(src)})
	}
	return regions
}

// parsePragma reads `#pragma warning disable|restore [ID, ID...] [// comment]`.
func parsePragma(line string) (action string, ids []string, ok bool) {
	line = strings.TrimSpace(line)
	if !strings.HasPrefix(line, "#") {
		return "", nil, false
	}
	if i := strings.Index(line, "//"); i >= 0 {
		line = line[:i]
	}
	fields := strings.Fields(strings.ReplaceAll(strings.TrimPrefix(line, "#"), ",", " "))
	if len(fields) < 3 || fields[0] != "pragma" || fields[1] != "warning" {
		return "", nil, false
	}
	if fields[2] != "disable" && fields[2] != "restore" {
		return "", nil, false
	}
	for _, id := range fields[3:] {
		ids = append(ids, strings.ToUpper(id))
	}
	return fields[2], ids, true
}
