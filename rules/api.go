package rules

import (
	_ "embed"
	"fmt"
	"strings"
)

//go:embed data/api.tsv
var apiTSV string

// APIFact is one line of the built-in API table.
type APIFact struct {
	Kind, Type, Member, Value string
}

// API is the parsed table, keyed by kind then "Type.Member".
var API = mustParseAPI(apiTSV)

type apiTable map[string]map[string]string

func mustParseAPI(text string) apiTable {
	t, err := parseAPI(text)
	if err != nil {
		panic(err)
	}
	return t
}

func parseAPI(text string) (apiTable, error) {
	t := apiTable{}
	for i, line := range strings.Split(text, "\n") {
		line = strings.TrimRight(line, "\r")
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 4 {
			return nil, fmt.Errorf("api.tsv:%d: want 4 tab-separated fields, have %d", i+1, len(f))
		}
		if t[f[0]] == nil {
			t[f[0]] = map[string]string{}
		}
		t[f[0]][f[1]+"."+f[2]] = f[3]
	}
	return t, nil
}

// Lookup returns the value of a fact, e.g. API.Lookup("returns", "Task", "Run").
func (t apiTable) Lookup(kind, typ, member string) (string, bool) {
	v, ok := t[kind][typ+"."+member]
	return v, ok
}
