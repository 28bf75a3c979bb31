package explain

import (
	"regexp"
	"slices"
	"strings"
	"testing"
)

func TestRuleDocsHaveEverySection(t *testing.T) {
	if len(Rules()) == 0 {
		t.Fatal("no rule docs embedded")
	}
	for _, d := range Rules() {
		for _, s := range RuleSections {
			if d.Section(s) == "" {
				t.Errorf("%s: missing section %q", d.ID, s)
			}
		}
		if d.Name == "" || d.Severity == "" || d.Fix == "" || len(d.SameAs) == 0 && d.Section("Same as") != "none" {
			t.Errorf("%s: incomplete front matter: %+v", d.ID, d)
		}
		if d.Code("Example") == "" || d.Code("Use instead") == "" {
			t.Errorf("%s: Example and Use instead need a C# code block", d.ID)
		}
	}
}

func TestLookup(t *testing.T) {
	for q, want := range map[string]string{"asy001": "ASY001", "Blocking-Wait": "ASY001", "AWAIT": "await"} {
		d, ok := Lookup(q)
		if !ok || d.ID != want {
			t.Errorf("Lookup(%q) = %v, %v; want %s", q, d, ok, want)
		}
	}
	if _, ok := Lookup("no-such-thing"); ok {
		t.Error("Lookup of an unknown word succeeded")
	}
}

func TestParseRejectsBrokenFrontMatter(t *testing.T) {
	for _, text := range []string{"no front matter", "---\nid: X\n", "---\nbogus: 1\ntitle: t\nid: X\n---\n"} {
		if _, err := Parse("rule", text); err == nil {
			t.Errorf("Parse(%q) accepted broken input", text)
		}
	}
}

// The words issue 5 asks topics for; each must lead to a topic.
var requiredTopicWords = []string{
	"async", "await", "task", "task<t>", "valuetask", "configureawait", "task.run",
	"task.whenall", "task.whenany", "task.delay", "thread.sleep", "cancellationtoken",
	"cancellationtokensource", "synchronizationcontext", "taskcompletionsource",
	"iasyncenumerable", "await foreach", "iasyncdisposable", "await using",
	"async void", ".result", ".wait()", "getawaiter().getresult()",
	"task.factory.startnew", "continuewith", "semaphoreslim", "aggregateexception",
	"parallel.foreachasync", "task.fromresult", "task.completedtask", "threadpool",
}

func TestTopicsCoverTheAsyncVocabulary(t *testing.T) {
	if n := len(Topics()); n < 24 {
		t.Errorf("%d topics, want at least 24", n)
	}
	for _, w := range requiredTopicWords {
		if _, ok := Topic(w); !ok {
			t.Errorf("no topic for %q", w)
		}
	}
}

var ruleID = regexp.MustCompile(`\bASY\d{3}\b`)

func TestTopicDocsHaveEverySection(t *testing.T) {
	for _, d := range Topics() {
		if got := d.Sections(); !slices.Equal(got, TopicSections) {
			t.Errorf("%s: sections %q, want %q", d.ID, got, TopicSections)
		}
		if len(d.Words) == 0 {
			t.Errorf("%s: no words lead to it", d.ID)
		}
		if d.Code("Example") == "" {
			t.Errorf("%s: Example needs a C# code block", d.ID)
		}
		if !ruleID.MatchString(d.Section("Common mistakes")) {
			t.Errorf("%s: Common mistakes names no rule", d.ID)
		}
	}
}

// The hover is the first section alone: short, prose only, and every rule it
// names exists.
func TestTopicHoverStandsAlone(t *testing.T) {
	for _, d := range Topics() {
		h := d.Hover()
		if !strings.HasPrefix(h, "**"+d.Title+"**\n\n") {
			t.Errorf("%s: hover does not start with the title: %q", d.ID, h)
		}
		if lines := strings.Count(h, "\n") + 1; lines > 14 {
			t.Errorf("%s: hover is %d lines, want at most 12 after the title", d.ID, lines)
		}
		if strings.Contains(h, "```") || strings.Contains(h, "\n## ") {
			t.Errorf("%s: hover holds a code block or a second section:\n%s", d.ID, h)
		}
		if strings.Contains(h, d.Section(TopicSections[1])) {
			t.Errorf("%s: hover runs into %q", d.ID, TopicSections[1])
		}
	}
}

func TestRuleHover(t *testing.T) {
	d, _ := Rule("ASY001")
	h := d.Hover()
	why, _, _ := strings.Cut(d.Section("Why is this bad?"), "\n\n")
	if !strings.HasPrefix(h, "**ASY001 blocking-wait**: ") || !strings.Contains(h, why) || strings.Contains(h, d.Code("Example")) {
		t.Errorf("ASY001 hover:\n%s", h)
	}
}

// Topics link the rules: every ID they mention exists, and every rule is
// reachable from at least one topic.
func TestTopicsLinkEveryRule(t *testing.T) {
	mentioned := map[string]bool{}
	for _, d := range Topics() {
		for _, id := range ruleID.FindAllString(d.Body, -1) {
			mentioned[id] = true
			if _, ok := Rule(id); !ok {
				t.Errorf("%s mentions %s, which has no doc", d.ID, id)
			}
		}
	}
	for _, d := range Rules() {
		if !mentioned[d.ID] {
			t.Errorf("no topic mentions %s", d.ID)
		}
	}
}

// A word leads to one place: no two topics share a word (even loosely), and
// no topic word is shadowed by a rule ID or name, which Lookup tries first.
func TestTopicWordsAreUnambiguous(t *testing.T) {
	owner := map[string]string{}
	for _, d := range Rules() {
		owner[Loose(d.ID)], owner[Loose(d.Name)] = "rule "+d.ID, "rule "+d.ID
	}
	for _, d := range Topics() {
		seen := map[string]bool{}
		for _, w := range append([]string{d.ID}, d.Words...) {
			if w != strings.ToLower(w) {
				t.Errorf("%s: word %q is not lower case", d.ID, w)
			}
			lw := Loose(w)
			if o, ok := owner[lw]; ok && !seen[lw] {
				t.Errorf("%s: word %q already leads to %s", d.ID, w, o)
			}
			owner[lw], seen[lw] = "topic "+d.ID, true
		}
	}
}

func TestLookupIsForgivingOnlyForTopics(t *testing.T) {
	for q, want := range map[string]string{
		".Wait()": "result-wait", "wait": "result-wait", "Task.Run()": "task-run",
		"ConfigureAwait(false)": "configureawait", "AWAIT  FOREACH": "iasyncenumerable",
		"Task<T>": "task", "async-void": "ASY002", "TASK-RUN": "task-run",
	} {
		if d, ok := Lookup(q); !ok || d.ID != want {
			t.Errorf("Lookup(%q) = %v, %v; want %s", q, d, ok, want)
		}
	}
	// Editors ask Topic for exact spellings: a bare identifier named Wait or
	// Result in user code is not the task API.
	for _, w := range []string{"wait", "result", "run"} {
		if d, ok := Topic(w); ok {
			t.Errorf("Topic(%q) = %s; bare member names must not match", w, d.ID)
		}
	}
}
