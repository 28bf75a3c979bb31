package rules

import (
	"bytes"
	"sort"
	"strings"

	"github.com/asyncsense/asyncsense/syntax"
)

// Applied is one fix that ApplyFixes used.
type Applied struct {
	Diagnostic Diagnostic
	Fix        Fix
}

// ApplyFixes applies, for each diagnostic, its first fix that the allowed
// safety permits, skipping any fix whose edits overlap an earlier chosen one
// (including two inserts at the same offset: both would claim the spot).
// Callers re-analyse and call again until nothing applies, which is how
// conflicting fixes for the same code all land eventually.
func ApplyFixes(src []byte, diags []Diagnostic, allowUnsafe bool) ([]byte, []Applied) {
	var chosen []Applied
	var taken []Edit
	for _, d := range diags {
		for _, f := range d.Fixes {
			if f.Safety == Unsafe && !allowUnsafe || len(f.Edits) == 0 {
				continue
			}
			if conflicts(f.Edits, taken) {
				break
			}
			chosen = append(chosen, Applied{d, f})
			taken = append(taken, f.Edits...)
			break
		}
	}
	if len(chosen) == 0 {
		return src, nil
	}
	return ApplyEdits(src, taken), chosen
}

// ApplyEdits applies non-overlapping edits given in offsets of src. An
// insertion at the offset where a replacement starts goes before it
// (`await ` + `Flush`->`FlushAsync`); insertions at one offset keep their order.
func ApplyEdits(src []byte, edits []Edit) []byte {
	sorted := append([]Edit(nil), edits...)
	sort.SliceStable(sorted, func(i, j int) bool {
		a, b := sorted[i], sorted[j]
		if a.Start != b.Start {
			return a.Start < b.Start
		}
		return a.End == a.Start && b.End > b.Start
	})
	var out bytes.Buffer
	last := 0
	for _, e := range sorted {
		out.Write(src[last:e.Start])
		out.WriteString(e.NewText)
		last = e.End
	}
	out.Write(src[last:])
	return out.Bytes()
}

func conflicts(edits, taken []Edit) bool {
	for _, e := range edits {
		for _, t := range taken {
			if e.Start < t.End && t.Start < e.End || e.Start == t.Start {
				return true
			}
		}
	}
	return false
}

// Newline returns the line ending the file already uses, so inserted lines
// match it ("\r\n" in a CRLF file).
func (p *Pass) Newline() string {
	if p.File.CRLF() {
		return "\r\n"
	}
	return "\n"
}

// Indent returns the whitespace that starts the line holding n.
func (p *Pass) Indent(n syntax.Node) string {
	src := p.File.Src
	start := n.Start()
	lineStart := bytes.LastIndexAny(src[:start], "\r\n") + 1
	end := lineStart
	for end < len(src) && (src[end] == ' ' || src[end] == '\t') {
		end++
	}
	return string(src[lineStart:end])
}

// IndentUnit guesses one level of indentation from the file: a tab if lines
// start with tabs, else four spaces (the .NET default).
func (p *Pass) IndentUnit() string {
	if p.File.TabIndented() {
		return "\t"
	}
	return "    "
}

// Replace is an Edit that replaces node n with text.
func Replace(n syntax.Node, text string) Edit {
	return Edit{Start: n.Start(), End: n.End(), NewText: text}
}

// Insert is an Edit that inserts text at offset.
func Insert(offset int, text string) Edit {
	return Edit{Start: offset, End: offset, NewText: text}
}

// Quote renders code for a message: `code`, collapsed to one line and
// shortened so a message stays one readable sentence.
func Quote(code string) string {
	code = joinChain(strings.Join(strings.Fields(withoutComments(code)), " "))
	if r := []rune(code); len(r) > 60 {
		code = string(r[:57]) + "..."
	}
	return "`" + code + "`"
}

// withoutComments drops `//` and `/* */` comments from a code excerpt, so a
// chain written over several lines does not quote its trailing remarks.
// String and character literals are copied whole: `"https://..."` stays.
func withoutComments(code string) string {
	if !strings.Contains(code, "//") && !strings.Contains(code, "/*") {
		return code
	}
	var b strings.Builder
	for i := 0; i < len(code); i++ {
		switch {
		case code[i] == '"' || code[i] == '\'':
			j := literalEnd(code, i)
			b.WriteString(code[i:j])
			i = j - 1
		case strings.HasPrefix(code[i:], "//"):
			for i < len(code) && code[i] != '\n' {
				i++
			}
			b.WriteByte(' ')
		case strings.HasPrefix(code[i:], "/*"):
			end := strings.Index(code[i+2:], "*/")
			if end < 0 {
				return b.String()
			}
			i += end + 3
			b.WriteByte(' ')
		default:
			b.WriteByte(code[i])
		}
	}
	return b.String()
}

// joinChain closes the gap that joining lines leaves in a fluent chain:
// `db.Orders .Where(...)` reads `db.Orders.Where(...)`; literals are kept.
func joinChain(code string) string {
	if !strings.Contains(code, " .") && !strings.Contains(code, " ?.") {
		return code
	}
	var b strings.Builder
	for i := 0; i < len(code); i++ {
		switch c := code[i]; {
		case c == '"' || c == '\'':
			j := literalEnd(code, i)
			b.WriteString(code[i:j])
			i = j - 1
		case c == ' ' && i > 0 && memberAccessFollows(code[i+1:]):
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

func memberAccessFollows(s string) bool {
	s = strings.TrimPrefix(s, "?")
	if len(s) < 2 || s[0] != '.' {
		return false
	}
	c := s[1]
	return c == '_' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z'
}

// literalEnd returns the offset just past the string or character literal
// opening at code[start]: escapes in regular literals, doubled quotes in
// verbatim (@"...") ones. An unterminated literal runs to the end.
func literalEnd(code string, start int) int {
	quote := code[start]
	verbatim := quote == '"' && (start > 0 && code[start-1] == '@' || start > 1 && code[start-2] == '@' && code[start-1] == '$')
	for j := start + 1; j < len(code); j++ {
		switch {
		case code[j] == '\\' && !verbatim:
			j++
		case code[j] == quote && verbatim && j+1 < len(code) && code[j+1] == '"':
			j++
		case code[j] == quote:
			return j + 1
		}
	}
	return len(code)
}
