package main

import (
	"bytes"
	"regexp"
	"strings"
	"testing"

	"github.com/asyncsense/asyncsense/explain"
)

var ansiEscape = regexp.MustCompile(`\x1b\[[0-9;]*m`)

// Off a terminal the doc is printed as the markdown it is; on one, glamour
// styles it within the window's width.
func TestExplainRendersForTerminalsOnly(t *testing.T) {
	doc, _ := explain.Rule("ASY001")
	md := doc.Markdown()
	var buf bytes.Buffer
	if got := render(&buf, md); got != md {
		t.Errorf("a buffer got rendered output:\n%s", got)
	}

	t.Setenv("GLAMOUR_STYLE", "")
	styled, err := renderTerminal(md, 60)
	if err != nil {
		t.Fatal(err)
	}
	if !ansiEscape.MatchString(styled) {
		t.Error("terminal output has no styling")
	}
	if strings.Contains(styled, "\x1b[38;5;252m") {
		t.Error("the default style paints body text light grey, unreadable on a light terminal")
	}
	t.Setenv("GLAMOUR_STYLE", "light")
	if lightStyled, err := renderTerminal(md, 60); err != nil || lightStyled == styled {
		t.Errorf("GLAMOUR_STYLE=light was ignored (err %v)", err)
	}
	plain := ansiEscape.ReplaceAllString(styled, "")
	for _, want := range []string{"What it does", "Why is this bad?", "GetOrderAsync", "parks the current thread"} {
		if !strings.Contains(plain, want) {
			t.Errorf("terminal output lost %q", want)
		}
	}
	if strings.Contains(plain, "```") {
		t.Error("code fences were printed instead of rendered")
	}
	for _, line := range strings.Split(plain, "\n") {
		if n := len([]rune(strings.TrimRight(line, " "))); n > 60 {
			t.Errorf("line of %d columns in a 60-column window: %q", n, line)
			break
		}
	}
}

func TestExplainSuggestsAmongRealWords(t *testing.T) {
	for q, want := range map[string]string{
		"blockign-wait": "blocking-wait", "configurawait": "configureawait",
		"Task.Rnu": "task.run", "ASY01": "ASY001", "semaphorslim": "semaphoreslim",
	} {
		if got := closest(q, explainWords(), 3); len(got) == 0 || !strings.EqualFold(got[0], want) {
			t.Errorf("closest(%q) = %q, want %s first", q, got, want)
		}
	}
	if got := closest("zzzzzzzzzz", explainWords(), 3); len(got) > 0 {
		t.Errorf("closest(zzzzzzzzzz) = %q, want nothing", got)
	}
}

// `explain` gives the whole doc for every rule ID and name and for every
// topic word; off a terminal that is the doc's markdown, byte for byte.
func TestExplainAnswersEveryRuleAndTopic(t *testing.T) {
	for _, d := range append(explain.Rules(), explain.Topics()...) {
		queries := append([]string{d.ID, strings.ToLower(d.ID), strings.ToUpper(d.ID)}, d.Words...)
		if d.Name != "" {
			queries = append(queries, d.Name)
		}
		for _, q := range queries {
			stdout, stderr, code := runInProcess(t, "explain", q)
			if code != exitOK || stdout != d.Markdown() {
				t.Errorf("explain %q: exit %d, stderr %q, %d bytes of output (want %s's doc)", q, code, stderr, len(stdout), d.ID)
			}
		}
		for _, s := range d.Sections() {
			if d.Section(s) == "" {
				t.Errorf("%s: section %q is empty", d.ID, s)
			}
		}
	}
}
