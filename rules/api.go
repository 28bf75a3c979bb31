package rules

import (
	"embed"
	"fmt"
	"io/fs"
	"strings"
)

// The table is split into one file per family of facts (data/*.tsv) so
// that rule families can grow their part without touching the others'.
//
//go:embed data/*.tsv
var apiFiles embed.FS

// APIFact is one line of the built-in API table.
type APIFact struct {
	Kind, Type, Member, Value string
}

// API is the parsed table, keyed by kind then "Type.Member".
var API = mustLoadAPI()

type apiTable map[string]map[string]string

func mustLoadAPI() apiTable {
	t := apiTable{}
	names, _ := fs.Glob(apiFiles, "data/*.tsv")
	for _, name := range names {
		data, _ := apiFiles.ReadFile(name)
		if err := t.parse(name, string(data)); err != nil {
			panic(err) // embedded data: the api test catches it first
		}
	}
	return t
}

func (t apiTable) parse(name, text string) error {
	for i, line := range strings.Split(text, "\n") {
		line = strings.TrimRight(line, "\r")
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 4 {
			return fmt.Errorf("%s:%d: want 4 tab-separated fields, have %d", name, i+1, len(f))
		}
		if t[f[0]] == nil {
			t[f[0]] = map[string]string{}
		}
		key := f[1] + "." + f[2]
		if old, dup := t[f[0]][key]; dup && old != f[3] {
			return fmt.Errorf("%s:%d: %s %s already says %q", name, i+1, f[0], key, old)
		}
		t[f[0]][key] = f[3]
	}
	return nil
}

// Each calls fn for every fact of a kind, e.g. to list all counterparts.
func (t apiTable) Each(kind string, fn func(typ, member, value string)) {
	for key, v := range t[kind] {
		typ, member, _ := strings.Cut(key, ".")
		fn(typ, member, v)
	}
}

// Lookup returns the value of a fact, e.g. API.Lookup("returns", "Task", "Run").
func (t apiTable) Lookup(kind, typ, member string) (string, bool) {
	v, ok := t[kind][typ+"."+member]
	return v, ok
}
