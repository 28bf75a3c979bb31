package lsp

import (
	"bytes"
	"encoding/json"
	"sort"

	"github.com/asyncsense/asyncsense/rules"
)

// changedNames lists the declared names whose facts differ between two
// versions of a file: what other files may have been analysed against.
func changedNames(old, new *rules.FileFacts) []string {
	a, b := factsByName(old), factsByName(new)
	var out []string
	for name, v := range a {
		if b[name] != v {
			out = append(out, name)
		}
	}
	for name := range b {
		if _, ok := a[name]; !ok {
			out = append(out, name)
		}
	}
	sort.Strings(out)
	return out
}

func factsByName(f *rules.FileFacts) map[string]string {
	out := map[string]string{}
	if f == nil {
		return out
	}
	add := func(name string, v any) {
		if name == "" {
			return
		}
		data, _ := json.Marshal(v)
		out[name] += string(data)
	}
	for _, m := range f.Methods {
		add(m.Name, m)
	}
	for _, m := range f.Members {
		add(m.Name, m)
	}
	for _, sub := range f.Subscriptions {
		add(sub.Handler, sub)
	}
	for _, t := range f.Types {
		add(t.Name, t)
	}
	return out
}

// mentionsAny reports whether text contains one of names as a whole word.
func mentionsAny(text []byte, names []string) bool {
	for _, name := range names {
		for i := 0; ; {
			j := bytes.Index(text[i:], []byte(name))
			if j < 0 {
				break
			}
			j += i
			end := j + len(name)
			if (j == 0 || !identByte(text[j-1])) && (end == len(text) || !identByte(text[end])) {
				return true
			}
			i = j + 1
		}
	}
	return false
}

func identByte(b byte) bool {
	return b == '_' || b >= '0' && b <= '9' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= 0x80
}
