package lsp

import (
	"context"
	"fmt"
	"regexp"
	"strings"

	"go.lsp.dev/protocol"

	"github.com/asyncsense/asyncsense/explain"
	"github.com/asyncsense/asyncsense/rules"
	"github.com/asyncsense/asyncsense/syntax"
)

// Hover explains what is under the cursor: the rule behind a finding, or
// the async keyword or API (await, Task.Run, .Result, ConfigureAwait...).
// Anywhere else, including past the end of the text or in a document the
// server does not have, the answer is null.
func (s *Server) Hover(ctx context.Context, p *protocol.HoverParams) (*protocol.Hover, error) {
	_, snap, err := s.openSnapshot(ctx, p.TextDocument.URI)
	if snap == nil {
		return nil, err
	}
	m := snap.file.Mapper()
	off, inside := s.offset(m, p.Position)
	if !inside {
		return nil, nil
	}
	var parts []string
	start, end := -1, -1
	for _, dg := range snap.analysis.Diagnostics {
		if _, shown := lspSeverity[dg.Severity]; !shown || off < dg.Start || off >= dg.End && !(dg.Start == dg.End && off == dg.Start) {
			continue
		}
		parts = append(parts, s.ruleHover(dg))
		if start < 0 || dg.Start < start {
			start = dg.Start
		}
		end = max(end, dg.End)
	}
	// The API under the cursor gets its topic too: alone where nothing is
	// wrong, below the rule doc on a finding (`.Result` in a finding also
	// explains what .Result does).
	doc, tokStart, tokEnd := s.topicAt(snap.file.Clone(), off)
	if doc != nil {
		parts = append(parts, topicHover(doc))
		if start < 0 {
			start, end = tokStart, tokEnd
		}
	}
	if len(parts) == 0 {
		return nil, nil
	}
	r := s.lspRange(m, start, end)
	return &protocol.Hover{Contents: s.markup(strings.Join(parts, "\n\n---\n\n")), Range: &r}, nil
}

// ruleHover renders a finding: its message, then the rule's doc in short.
func (s *Server) ruleHover(d rules.Diagnostic) string {
	var b strings.Builder
	doc, ok := explain.Rule(d.Rule)
	if !ok {
		fmt.Fprintf(&b, "**%s**\n\n%s", d.Rule, d.Message)
		return b.String()
	}
	fmt.Fprintf(&b, "**%s** %s: %s\n\n%s\n\n", doc.ID, doc.Name, doc.Title, d.Message)
	for _, section := range []string{"What it does", "Why is this bad?", "Fix safety"} {
		if text := firstParagraph(doc.Section(section)); text != "" {
			fmt.Fprintf(&b, "**%s** %s\n\n", section, text)
		}
	}
	if len(doc.SameAs) > 0 {
		fmt.Fprintf(&b, "**Same as** %s\n\n", strings.Join(doc.SameAs, ", "))
	}
	if href := s.docsHref(d.Rule); href != "" {
		fmt.Fprintf(&b, "[Documentation](%s)\n\n", href)
	}
	fmt.Fprintf(&b, "Run `asyncsense explain %s` for the full explanation.", doc.ID)
	return b.String()
}

// topicHover is the topic's own hover form: its title and first section,
// written to be read alone.
func topicHover(doc *explain.Doc) string { return doc.Hover() }

func firstParagraph(s string) string {
	p, _, _ := strings.Cut(strings.TrimSpace(s), "\n\n")
	return strings.Join(strings.Fields(p), " ")
}

// topicAt finds the topic doc for the token at off, and the token's range.
// Only code tokens count: a word in a comment or a string is an identifier
// token of no node, so it never matches.
func (s *Server) topicAt(f *syntax.File, off int) (*explain.Doc, int, int) {
	path := f.Enclosing(off, off+1)
	tok := path[len(path)-1]
	if tok.End() <= off || tok.ChildCount() > 0 {
		return nil, 0, 0
	}
	var words []string
	switch tok.Kind() {
	case "await", "async":
		words = []string{tok.Kind()}
	case "identifier":
		words = s.apiWords(f, tok)
	}
	for _, w := range words {
		if doc, ok := explain.Topic(w); ok {
			return doc, tok.Start(), tok.End()
		}
	}
	return nil, 0, 0
}

// apiWords spells an identifier the ways topic docs list APIs: "Task.Run"
// with its receiver, ".Result" as a member, "CancellationToken" alone.
// `.Result` and `.Wait()` on something known not to be a task (an order's
// Result property) get no topic.
func (s *Server) apiWords(f *syntax.File, id syntax.Node) []string {
	name := id.Text()
	parent := id.Parent()
	if parent.Kind() == "member_access_expression" && parent.Field("name").Same(id) {
		recv := parent.Field("expression")
		if name == "Result" || name == "Wait" {
			if (&rules.Pass{File: f, Index: s.index}).IsTask(recv) == rules.No {
				return nil
			}
		}
		var words []string
		if recv.Is("identifier", "member_access_expression") {
			words = append(words, recv.Text()+"."+name)
		}
		return append(words, "."+name, name)
	}
	if parent.Kind() == "generic_name" {
		return []string{name, name + "<t>"}
	}
	return []string{name}
}

// markup returns markdown, or plain text for a client that cannot render it.
func (s *Server) markup(md string) protocol.MarkupContent {
	if s.caps.markdown() {
		return protocol.MarkupContent{Kind: protocol.Markdown, Value: md}
	}
	return protocol.MarkupContent{Kind: protocol.PlainText, Value: plainText(md)}
}

var (
	mdLink     = regexp.MustCompile(`\[([^\]]+)\]\(([^)]+)\)`)
	mdEmphasis = strings.NewReplacer("**", "", "`", "")
)

// plainText strips the markdown our docs use: emphasis, code spans, fences, links.
func plainText(md string) string {
	var lines []string
	for _, line := range strings.Split(md, "\n") {
		if strings.HasPrefix(strings.TrimSpace(line), "```") {
			continue
		}
		if line == "---" {
			line = strings.Repeat("─", 20)
		}
		lines = append(lines, mdEmphasis.Replace(mdLink.ReplaceAllString(line, "$1 ($2)")))
	}
	return strings.Join(lines, "\n")
}
