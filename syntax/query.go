package syntax

import (
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	sitter "github.com/smacker/go-tree-sitter"
)

// kindSymbols says, for every node kind of the grammar, whether it exists as
// a named node, an anonymous token, or both: a query names the two
// differently ((identifier) versus "await").
var kindSymbols = sync.OnceValue(func() map[string]uint8 {
	out := map[string]uint8{}
	for s := uint32(0); s < language.SymbolCount(); s++ {
		sym := sitter.Symbol(s)
		switch language.SymbolType(sym) {
		case sitter.SymbolTypeRegular:
			out[language.SymbolName(sym)] |= 1
		case sitter.SymbolTypeAnonymous:
			out[language.SymbolName(sym)] |= 2
		}
	}
	return out
})

// kindQueries caches one compiled query per set of kinds. A compiled query
// is immutable and may be shared; each call gets its own cursor.
// Compiling one takes tens of milliseconds, so concurrent first callers
// (a server's warm-up and its first analysis) wait for a single compile.
var kindQueries sync.Map // sorted kinds joined by "\x00" -> *compiledQuery

type compiledQuery struct {
	once  sync.Once
	q     *sitter.Query // nil: no kind exists
	ready atomic.Bool
}

func kindQuery(kinds []string) *sitter.Query {
	sorted := append([]string(nil), kinds...)
	sort.Strings(sorted)
	key := strings.Join(sorted, "\x00")
	v, ok := kindQueries.Load(key)
	if !ok {
		v, _ = kindQueries.LoadOrStore(key, &compiledQuery{})
	}
	c := v.(*compiledQuery)
	c.once.Do(func() {
		c.q = compileKindQuery(sorted)
		c.ready.Store(true)
	})
	return c.q
}

// coldWalkLimit is the size of subtree (in bytes of source) below which a
// query not compiled yet is replaced by a walk: a 16 KB file walks in about
// a millisecond, a query compiles in some 25.
const coldWalkLimit = 16 << 10

// kindQueryReady reports whether the query for kinds is compiled already.
func kindQueryReady(kinds []string) bool {
	sorted := append([]string(nil), kinds...)
	sort.Strings(sorted)
	v, ok := kindQueries.Load(strings.Join(sorted, "\x00"))
	if !ok {
		return false
	}
	c := v.(*compiledQuery)
	return c.ready.Load()
}

// walkKinds is NodesOfKinds by a walk from Go: same nodes, same order.
func (n Node) walkKinds(kinds []string, visit func(Node) bool) {
	stopped := false
	n.Walk(func(m Node) bool {
		if stopped {
			return false
		}
		for _, k := range kinds {
			if m.Kind() == k {
				stopped = !visit(m)
				break
			}
		}
		return !stopped
	})
}

func compileKindQuery(sorted []string) *sitter.Query {
	var b strings.Builder
	b.WriteString("[")
	any := false
	syms := kindSymbols()
	for i, k := range sorted {
		if i > 0 && sorted[i-1] == k {
			continue
		}
		if syms[k]&1 != 0 {
			b.WriteString(" (" + k + ")")
			any = true
		}
		if syms[k]&2 != 0 {
			b.WriteString(` "` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(k) + `"`)
			any = true
		}
	}
	b.WriteString(" ] @n")
	var q *sitter.Query
	if any {
		var err error
		if q, err = sitter.NewQuery([]byte(b.String()), language); err != nil {
			// Every kind came from the grammar's own symbol table, so a
			// failure here is a bug in building the pattern.
			panic("syntax: kind query: " + err.Error())
		}
	}
	return q
}

// NodesOfKinds calls visit, in the order Walk would, for every node under n
// (n included) whose kind is one of kinds, until visit returns false. The
// matching runs in tree-sitter's compiled query engine, so only the matches
// cross into Go: far cheaper than Walk when few nodes match. Like Walk it
// enters ERROR nodes; callers that must not look inside them check.
func (n Node) NodesOfKinds(kinds []string, visit func(Node) bool) {
	if n.n == nil || len(kinds) == 0 {
		return
	}
	if n.End()-n.Start() < coldWalkLimit && !kindQueryReady(kinds) {
		// Compiling the query costs more than walking a small tree from Go:
		// a server's first file should not wait for it. Later calls use it.
		go kindQuery(kinds)
		n.walkKinds(kinds, visit)
		return
	}
	q := kindQuery(kinds)
	if q == nil {
		return
	}
	qc := sitter.NewQueryCursor()
	defer qc.Close()
	qc.Exec(q, n.n)
	for {
		m, ok := qc.NextMatch()
		if !ok {
			return
		}
		for _, c := range m.Captures {
			if !visit(n.f.wrap(c.Node)) {
				return
			}
		}
	}
}
