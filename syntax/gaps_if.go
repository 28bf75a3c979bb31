package syntax

import "strings"

// The grammar accepts #if/#elif/#else/#endif only between statements and
// members. A group whose #if sits inside a construct (a parameter list, an
// expression, a base list, between a header and its `{`), or whose branches
// are not whole statements (each branch opening its own `if (...) {`),
// breaks the parse around it. For such groups alone, one branch is kept as
// the compiler would see it with its symbols undefined except for the first
// branch, and the directive lines and the other branches become spaces
// (line breaks stay). Groups the grammar reads fine are left alone, so both
// of their branches are still analysed.

type ifBranch struct {
	directive   int    // token index of #if/#elif/#else
	condition   string // text after the keyword
	first, last int    // token range of the branch's content, [first, last)
}

type ifGroup struct {
	branches []ifBranch
	endif    int // token index of #endif
	children []*ifGroup
	parent   *ifGroup
}

func directiveKeyword(g *gapText, k int) (keyword, rest string) {
	text := strings.TrimSpace(g.text(k)[1:])
	i := 0
	for i < len(text) && isWordByte(text[i]) {
		i++
	}
	rest = text[i:]
	if c := strings.Index(rest, "//"); c >= 0 {
		rest = rest[:c]
	}
	return text[:i], strings.TrimSpace(rest)
}

// ifGroups builds the tree of conditional groups; unbalanced directives
// (an #endif without #if, an #if never closed) stop the analysis.
func ifGroups(g *gapText) (top []*ifGroup, ok bool) {
	var cur *ifGroup
	closeBranch := func(k int) {
		cur.branches[len(cur.branches)-1].last = k
	}
	for _, tr := range g.trig {
		k := int(tr.k)
		if tr.kind&trigDirective == 0 || !g.isDirective(k) {
			continue
		}
		kw, rest := directiveKeyword(g, k)
		switch kw {
		case "if":
			grp := &ifGroup{parent: cur, branches: []ifBranch{{directive: k, condition: rest, first: k + 1}}}
			if cur == nil {
				top = append(top, grp)
			} else {
				cur.children = append(cur.children, grp)
			}
			cur = grp
		case "elif", "else":
			if cur == nil {
				return nil, false
			}
			closeBranch(k)
			cur.branches = append(cur.branches, ifBranch{directive: k, condition: rest, first: k + 1})
		case "endif":
			if cur == nil {
				return nil, false
			}
			closeBranch(k)
			cur.endif = k
			cur = cur.parent
		}
	}
	return top, cur == nil
}

// blankInactiveBranches rewrites the groups that break the parse and
// reports whether it changed anything and whether there are groups.
func blankInactiveBranches(g *gapText) (changed, groups bool) {
	top, ok := ifGroups(g)
	if !ok {
		return false, false
	}
	var visit func(grp *ifGroup)
	visit = func(grp *ifGroup) {
		if !breaksParse(g, grp) {
			for _, c := range grp.children {
				visit(c)
			}
			return
		}
		changed = true
		active := len(grp.branches)
		for i, b := range grp.branches {
			if !isFalseCondition(b.condition) {
				active = i
				break
			}
		}
		for i, b := range grp.branches {
			blankTokens(g, b.directive, b.directive+1)
			if i != active {
				blankTokens(g, b.first, b.last)
			}
		}
		blankTokens(g, grp.endif, grp.endif+1)
		for _, c := range grp.children {
			if active < len(grp.branches) && c.branches[0].directive > grp.branches[active].directive &&
				c.endif < grp.branches[active].last {
				visit(c)
			}
		}
	}
	for _, grp := range top {
		visit(grp)
	}
	return changed, len(top) > 0
}

func isFalseCondition(cond string) bool {
	return cond == "false" || cond == "0"
}

// breaksParse: the group follows a statement or member boundary, and each
// branch holds balanced brackets and ends at such a boundary. Anything else
// is inside a construct; so is a branch of attributes only, which the
// grammar cannot attach to the member after #endif.
func breaksParse(g *gapText, grp *ifGroup) bool {
	prev := grp.branches[0].directive - 1
	for prev >= 0 && g.isDirective(prev) {
		prev--
	}
	if prev >= 0 && !g.isOneOf(prev, "{};:") {
		return true
	}
	for _, b := range grp.branches {
		depth, last := 0, -1
		for k := b.first; k < b.last; k++ {
			switch {
			case g.isDirective(k):
				continue
			case g.isOneOf(k, "{(["):
				depth++
			case g.isOneOf(k, "})]"):
				if depth--; depth < 0 {
					return true
				}
			}
			last = k
		}
		if depth != 0 || last >= 0 && !g.isOneOf(last, "};") {
			return true
		}
	}
	return false
}

// blankTokens replaces the text from token first through token last-1,
// and the comments and white space between them, with spaces, keeping line
// breaks so later lines keep their numbers in the parser's eyes.
func blankTokens(g *gapText, first, last int) {
	if first >= last || first >= g.toks.n {
		return
	}
	for i := g.start(first); i < g.end(last-1); i++ {
		if g.src[i] != '\n' && g.src[i] != '\r' {
			g.set(i, ' ')
		}
	}
}
