package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"text/tabwriter"

	"github.com/charmbracelet/glamour"
	"github.com/charmbracelet/glamour/ansi"
	"github.com/charmbracelet/glamour/styles"
	"golang.org/x/term"

	"github.com/asyncsense/asyncsense/explain"
)

func init() {
	commands["explain"] = command{
		summary: "print the documentation of a rule (ID or name) or of an async keyword or API",
		usage:   "explain ID|NAME|TOPIC  or  explain --list",
		run:     runExplain,
	}
}

func runExplain(_ context.Context, std stdio, args []string) int {
	fs := newFlags("explain")
	list := fs.Bool("list", false, "list every rule and topic that can be explained")
	args, ok, code := parseFlags(fs, std, args)
	if !ok {
		return code
	}
	if *list {
		if len(args) > 0 {
			return usageError(std, "explain", "--list takes no arguments")
		}
		explainList(std.out)
		return exitOK
	}
	if len(args) != 1 {
		return usageError(std, "explain", "want one rule ID, rule name or topic")
	}
	q := args[0]
	doc, ok := explain.Lookup(q)
	if !ok {
		msg := fmt.Sprintf("asyncsense explain: nothing is called %q", q)
		if near := closest(q, explainWords(), 3); len(near) > 0 {
			msg += "; did you mean " + strings.Join(near, ", ") + "?"
		} else {
			msg += " (run 'asyncsense explain --list')"
		}
		fmt.Fprintln(std.err, msg)
		return exitError
	}
	fmt.Fprint(std.out, render(std.out, doc.Markdown()))
	return exitOK
}

// render lays the markdown out for a terminal with glamour (styled
// headings and emphasis, highlighted C#, wrapped to the window) when out is
// one that accepts colour; pipes, files, TERM=dumb and NO_COLOR get the plain
// markdown, which stays greppable and pastes into issues as is.
func render(out io.Writer, md string) string {
	width, ok := terminalWidth(out)
	if !ok {
		return md
	}
	styled, err := renderTerminal(md, width)
	if err != nil {
		return md
	}
	return styled
}

// terminalWidth is the window's width in columns, kept to a readable 40..100,
// or false when out is not an interactive terminal (/dev/null is a character
// device too, but has no window size).
func terminalWidth(out io.Writer) (int, bool) {
	if !isTerminal(out) {
		return 0, false
	}
	w, _, err := term.GetSize(int(out.(*os.File).Fd()))
	if err != nil || w <= 0 {
		return 0, false
	}
	return min(max(w, 40), 100), true
}

// renderTerminal styles md for a window of the given width. GLAMOUR_STYLE
// picks one of glamour's styles (dark, light, auto, a JSON file), which
// colour the C# too; without it the style is neutralStyle.
func renderTerminal(md string, width int) (string, error) {
	style := glamour.WithStyles(neutralStyle())
	if os.Getenv("GLAMOUR_STYLE") != "" {
		style = glamour.WithEnvironmentConfig()
	}
	r, err := glamour.NewTermRenderer(style, glamour.WithWordWrap(width))
	if err != nil {
		return "", err
	}
	return r.Render(md)
}

// neutralStyle is glamour's dark style without the colours that assume a
// dark background (light grey body text, the syntax palette), so it reads
// on light and dark terminals alike. Choosing between glamour's dark and
// light styles would mean asking the terminal for its background colour,
// and a terminal that does not answer (screen, some CI ptys) stalls that
// query for five seconds.
func neutralStyle() ansi.StyleConfig {
	s := styles.DarkStyleConfig
	s.Document.Color = nil
	s.CodeBlock.Chroma = nil
	return s
}

func explainList(w io.Writer) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "Rules:")
	for _, d := range explain.Rules() {
		fmt.Fprintf(tw, "  %s\t%s\t%s\n", d.ID, d.Name, d.Title)
	}
	fmt.Fprintln(tw, "\nTopics:")
	for _, d := range explain.Topics() {
		fmt.Fprintf(tw, "  %s\t%s\n", d.ID, d.Title)
	}
	tw.Flush()
}

// explainWords is everything Lookup answers to, as a user would type it.
func explainWords() []string {
	var words []string
	for _, d := range explain.Rules() {
		words = append(words, d.ID, d.Name)
	}
	for _, d := range explain.Topics() {
		words = append(words, d.ID)
		words = append(words, d.Words...)
	}
	return words
}

// closest returns up to n candidates within a small edit distance of q
// (about one typo per three characters), nearest first.
func closest(q string, candidates []string, n int) []string {
	type scored struct {
		word string
		dist int
	}
	var hits []scored
	seen := map[string]bool{}
	lq := strings.ToLower(q)
	for _, c := range candidates {
		lc := strings.ToLower(c)
		if seen[lc] {
			continue
		}
		seen[lc] = true
		if d := editDistance(lq, lc); d <= max(2, len([]rune(lq))/3) {
			hits = append(hits, scored{c, d})
		}
	}
	sort.SliceStable(hits, func(i, j int) bool { return hits[i].dist < hits[j].dist })
	var out []string
	for i := 0; i < len(hits) && i < n; i++ {
		out = append(out, hits[i].word)
	}
	return out
}

// editDistance is the Levenshtein distance over runes.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
