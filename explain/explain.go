// Package explain holds everything a user reads about a rule or an async
// API: one embedded markdown file per rule (docs/rules/ASYnnn.md) and per
// topic (docs/topics/*.md). Hover, `asyncsense explain`, SARIF help text and
// the README table all read from here, so there is one source of truth.
package explain

import (
	"embed"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"
)

//go:embed docs
var docsFS embed.FS

// Doc is one parsed markdown document.
type Doc struct {
	Kind     string   // "rule" or "topic"
	ID       string   // rule ID ("ASY001"); topic slug ("await")
	Name     string   // rule slug ("blocking-wait"); empty for topics
	Title    string   // one line
	Severity string   // rules: default severity
	Fix      string   // rules: "safe", "unsafe" or "none"
	SameAs   []string // rules: anchor analyzer IDs
	Words    []string // topics: the words and APIs that lead here (lower case)
	Body     string   // the markdown after the front matter
	sections map[string]string
	order    []string
}

// Section names every rule doc has, in order.
var RuleSections = []string{"What it does", "Why is this bad?", "Example", "Use instead", "Fix safety", "Same as", "Material"}

// TopicSections names every topic doc's sections, in order. The first one is
// the hover, so it is written to stand on its own in about a dozen lines.
var TopicSections = []string{"What it is", "What happens at runtime", "Common mistakes", "Example", "Material"}

var (
	rules  []*Doc
	topics []*Doc
)

func init() {
	var err error
	if rules, err = load("docs/rules", "rule"); err == nil {
		topics, err = load("docs/topics", "topic")
	}
	if err != nil {
		panic(err) // the docs are embedded; a broken one is a build defect caught by the tests
	}
}

func load(dir, kind string) ([]*Doc, error) {
	entries, err := fs.ReadDir(docsFS, dir)
	if err != nil {
		return nil, err
	}
	var out []*Doc
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), ".md") {
			continue
		}
		data, err := docsFS.ReadFile(path.Join(dir, e.Name()))
		if err != nil {
			return nil, err
		}
		d, err := Parse(kind, string(data))
		if err != nil {
			return nil, fmt.Errorf("%s/%s: %w", dir, e.Name(), err)
		}
		out = append(out, d)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out, nil
}

// Parse reads a doc: a front matter block of `key: value` lines between
// `---` lines, then markdown with `## ` sections.
func Parse(kind, text string) (*Doc, error) {
	text = strings.ReplaceAll(text, "\r\n", "\n")
	if !strings.HasPrefix(text, "---\n") {
		return nil, fmt.Errorf("missing front matter")
	}
	end := strings.Index(text[4:], "\n---\n")
	if end < 0 {
		return nil, fmt.Errorf("unterminated front matter")
	}
	d := &Doc{Kind: kind, Body: strings.TrimSpace(text[4+end+5:]), sections: map[string]string{}}
	for _, line := range strings.Split(text[4:4+end], "\n") {
		key, value, ok := strings.Cut(line, ":")
		if !ok {
			return nil, fmt.Errorf("front matter line %q is not key: value", line)
		}
		value = strings.TrimSpace(value)
		switch strings.TrimSpace(key) {
		case "id", "topic":
			d.ID = value
		case "name":
			d.Name = value
		case "title":
			d.Title = value
		case "severity":
			d.Severity = value
		case "fix":
			d.Fix = value
		case "same_as":
			d.SameAs = list(value)
		case "words":
			d.Words = list(strings.ToLower(value))
		default:
			return nil, fmt.Errorf("unknown front matter key %q", key)
		}
	}
	if d.ID == "" || d.Title == "" {
		return nil, fmt.Errorf("front matter needs id (or topic) and title")
	}
	var current string
	for _, line := range strings.Split(d.Body, "\n") {
		if strings.HasPrefix(line, "## ") {
			current = strings.TrimSpace(line[3:])
			d.order = append(d.order, current)
			continue
		}
		if current != "" {
			d.sections[current] += line + "\n"
		}
	}
	for k, v := range d.sections {
		d.sections[k] = strings.TrimSpace(v)
	}
	return d, nil
}

func list(v string) []string {
	var out []string
	for _, s := range strings.Split(strings.Trim(v, "[]"), ",") {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// Section returns the markdown of a `## name` section, or "".
func (d *Doc) Section(name string) string { return d.sections[name] }

// Sections lists the section names in the order they appear.
func (d *Doc) Sections() []string { return append([]string(nil), d.order...) }

// Code returns the contents of the first fenced code block in a section.
func (d *Doc) Code(section string) string {
	s := d.sections[section]
	start := strings.Index(s, "```")
	if start < 0 {
		return ""
	}
	s = s[start+3:]
	if nl := strings.IndexByte(s, '\n'); nl >= 0 {
		s = s[nl+1:]
	}
	if end := strings.Index(s, "```"); end >= 0 {
		s = s[:end]
	}
	return s
}

// Markdown renders the whole doc with its title.
func (d *Doc) Markdown() string {
	head := "# " + d.Title
	if d.Kind == "rule" {
		head = fmt.Sprintf("# %s %s: %s\n\nDefault severity: %s · Fix: %s", d.ID, d.Name, d.Title, d.Severity, d.Fix)
	}
	return head + "\n\n" + d.Body + "\n"
}

// Summary is the short form for hovers: the first paragraph of each of the
// given sections (all sections when none are given).
func (d *Doc) Summary(sections ...string) string {
	if len(sections) == 0 {
		sections = d.order
	}
	var b strings.Builder
	for _, name := range sections {
		text := d.sections[name]
		if text == "" {
			continue
		}
		if para, _, _ := strings.Cut(text, "\n\n"); para != "" {
			text = para
		}
		fmt.Fprintf(&b, "**%s** %s\n\n", name, text)
	}
	return strings.TrimSpace(b.String())
}

// Hover is the concise form an editor shows under the pointer. A topic's is
// its title and first section, which each topic writes to be read alone; a
// rule's is its title and the first paragraphs of What it does and Why is
// this bad?. The rest of the doc is what `asyncsense explain` adds.
func (d *Doc) Hover() string {
	if d.Kind == "rule" {
		return fmt.Sprintf("**%s %s**: %s\n\n%s", d.ID, d.Name, d.Title, d.Summary("What it does", "Why is this bad?"))
	}
	var first string
	if len(d.order) > 0 {
		first = d.sections[d.order[0]]
	}
	return strings.TrimSpace("**" + d.Title + "**\n\n" + first)
}

// Rule returns the doc of a rule ID ("ASY001", any case).
func Rule(id string) (*Doc, bool) {
	for _, d := range rules {
		if strings.EqualFold(d.ID, id) {
			return d, true
		}
	}
	return nil, false
}

// Rules lists every rule doc, by ID.
func Rules() []*Doc { return append([]*Doc(nil), rules...) }

// Topics lists every topic doc, by slug.
func Topics() []*Doc { return append([]*Doc(nil), topics...) }

// Topic finds the topic for a word or API name ("await", "ConfigureAwait",
// "Task.Run"), case-insensitively.
func Topic(word string) (*Doc, bool) {
	w := strings.ToLower(strings.TrimSpace(word))
	for _, d := range topics {
		if d.ID == w {
			return d, true
		}
		for _, alias := range d.Words {
			if alias == w {
				return d, true
			}
		}
	}
	return nil, false
}

// Lookup finds a rule by ID or name, or a topic by word. Unlike Topic, which
// editors call with exact spellings, it then retries loosely, the way API
// names get typed on a command line: ".Wait()", "wait()" and "Wait" alike.
func Lookup(q string) (*Doc, bool) {
	if d, ok := Rule(q); ok {
		return d, true
	}
	for _, d := range rules {
		if strings.EqualFold(d.Name, q) {
			return d, true
		}
	}
	if d, ok := Topic(q); ok {
		return d, true
	}
	if lq := Loose(q); lq != "" {
		for _, d := range topics {
			for _, w := range append([]string{d.ID}, d.Words...) {
				if Loose(w) == lq {
					return d, true
				}
			}
		}
	}
	return nil, false
}

// Loose is the form Lookup compares when an exact match fails: lower case,
// single spaces, without a leading "." or a trailing "()".
func Loose(word string) string {
	w := strings.Join(strings.Fields(strings.ToLower(word)), " ")
	return strings.TrimSuffix(strings.TrimPrefix(w, "."), "()")
}
