// Package syntax is the only package that knows tree-sitter. It parses C#,
// hands out Node values that read from the original source, and owns the
// Mapper between byte offsets and line/column positions.
package syntax

import (
	"bytes"
	"context"
	"runtime"
	"sync"

	sitter "github.com/smacker/go-tree-sitter"
	"github.com/smacker/go-tree-sitter/csharp"
)

var language = csharp.GetLanguage()

// Parsers are not safe for concurrent use and cost a few KB each, so the CLI's
// worker goroutines and the server's documents share a pool.
var parsers = sync.Pool{New: func() any {
	p := sitter.NewParser()
	p.SetLanguage(language)
	return p
}}

// File is one parsed C# source. Src is the text exactly as read (BOM, CRLF
// and all); the tree was built from a same-length copy in which gaps of the
// grammar were papered over (see prepare), so every byte offset is valid in both.
// A File is immutable; the tree inside it is not safe for concurrent use
// (smacker's binding caches nodes in an unguarded map), so one goroutine at a
// time may walk it.
type File struct {
	Path   string
	Src    []byte
	parsed []byte
	toks   []token // of Src with a BOM blanked, reused by Apply
	tree   *sitter.Tree
	mapper *Mapper
	style  textStyle
	reread [][2]int
	memo   *memo
}

// Parse parses src without a deadline.
func Parse(path string, src []byte) *File {
	f, _ := ParseCtx(context.Background(), path, src)
	return f
}

// ParseCtx parses src and gives up, returning ctx.Err(), within a few
// milliseconds of ctx being cancelled: tree-sitter's error recovery can take
// a second on one pathological file, and a newer version of the document
// makes the work pointless.
func ParseCtx(ctx context.Context, path string, src []byte) (*File, error) {
	return parse(ctx, path, src, nil)
}

func parse(ctx context.Context, path string, src []byte, old *sitter.Tree) (*File, error) {
	parsed, toks := prepareTokens(src, nil)
	return parsePrepared(ctx, path, src, parsed, toks, NewMapper(src), styleOf(src), old)
}

func parsePrepared(ctx context.Context, path string, src, parsed []byte, toks []token, mapper *Mapper, style textStyle, old *sitter.Tree) (*File, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if ctx.Done() == nil {
		p := parsers.Get().(*sitter.Parser)
		tree := p.Parse(old, parsed)
		runtime.KeepAlive(old)
		parsers.Put(p)
		return &File{Path: path, Src: src, parsed: parsed, toks: toks, tree: tree, mapper: mapper, style: style, memo: &memo{}}, nil
	}
	// A cancellable parse gets a parser of its own, used once: smacker's
	// watcher goroutine may raise the parser's cancellation flag after the
	// parse has finished, which would poison a pooled parser, and parsing
	// in resumable time slices instead is not deterministic on broken
	// trees (error recovery resumed at different points gives different
	// trees). A new parser costs microseconds; the flag is Go memory the
	// goroutine may still write, so the parser is left to the collector.
	p := sitter.NewParser()
	p.SetLanguage(language)
	tree, err := p.ParseCtx(ctx, old, parsed)
	// smacker's ParseCtx stops referencing old once it has the C pointer;
	// without this the finalizer may free the old tree mid-parse.
	runtime.KeepAlive(old)
	if err != nil {
		return nil, err
	}
	return &File{Path: path, Src: src, parsed: parsed, toks: toks, tree: tree, mapper: mapper, style: style, memo: &memo{}}, nil
}

// Root is the compilation_unit node.
func (f *File) Root() Node { return f.wrap(f.tree.RootNode()) }

// Mapper converts this file's byte offsets to positions.
func (f *File) Mapper() *Mapper { return f.mapper }

// HasErrors reports whether the grammar left any ERROR or MISSING node.
func (f *File) HasErrors() bool { return f.tree.RootNode().HasError() }

// Edit describes one text change in byte offsets of the text before it.
type Edit struct {
	Start, OldEnd int
	NewText       []byte
}

// Apply returns a new File for the text after edits (applied in order, each
// on the result of the previous one), reparsed incrementally from this file's
// tree. f itself stays valid and unchanged: the tree is copied before it is
// edited, because analyses of the old version may still be reading it.
func (f *File) Apply(ctx context.Context, edits []Edit) (*File, error) {
	src, seen, mapper, style := f.Src, f.parsed, f.mapper, f.style
	tree := f.tree.Copy()
	for _, e := range edits {
		next := make([]byte, 0, len(src)-(e.OldEnd-e.Start)+len(e.NewText))
		next = append(append(append(next, src[:e.Start]...), e.NewText...), src[e.OldEnd:]...)
		// seen is the text the edited tree now describes: the old prepared
		// text with the edits applied verbatim.
		seen = append(append(append([]byte(nil), seen[:e.Start]...), e.NewText...), seen[e.OldEnd:]...)
		style = style.edited(src, next, e)
		mapper = mapper.edited(next, e)
		// smacker's EditInput copies the old end point into the new end
		// point, so points are wrong after a line-count change whatever we
		// pass; tree-sitter only needs the byte offsets to reuse subtrees,
		// and nothing here reads points from an edited tree.
		tree.Edit(sitter.EditInput{
			StartIndex:  uint32(e.Start),
			OldEndIndex: uint32(e.OldEnd),
			NewEndIndex: uint32(e.Start + len(e.NewText)),
		})
		src = next
	}
	// prepare may now read the text differently outside the edited ranges
	// (typing `)` after `async` turns that word into an identifier). Tell
	// the tree about every such byte, or tree-sitter would reuse the
	// subtrees built from the old reading.
	var toks []token
	if len(edits) == 1 && f.toks != nil {
		toks = retokenize(src, f.toks, edits[0])
	}
	parsed, toks := prepareTokens(src, toks)
	var reread [][2]int
	for i := 0; i < len(parsed); i++ {
		if parsed[i] == seen[i] {
			// Skip equal stretches with the vectorised comparison: the
			// texts almost always agree everywhere, and this runs per
			// keystroke over the whole file.
			const chunk = 1024
			for i+chunk <= len(parsed) && bytes.Equal(parsed[i:i+chunk], seen[i:i+chunk]) {
				i += chunk
			}
			if i >= len(parsed) || parsed[i] == seen[i] {
				continue
			}
		}
		j := i + 1
		for j < len(parsed) && parsed[j] != seen[j] {
			j++
		}
		tree.Edit(sitter.EditInput{StartIndex: uint32(i), OldEndIndex: uint32(j), NewEndIndex: uint32(j)})
		reread = append(reread, [2]int{i, j})
		i = j
	}
	next, err := parsePrepared(ctx, f.Path, src, parsed, toks, mapper, style, tree)
	if next != nil {
		next.reread = reread
	}
	return next, err
}

// Reread returns the byte ranges of this File, outside the edits given to
// the Apply that made it, where the parser now reads the text differently
// (an `#endif` typed in one method can un-blank a branch in another; see
// prepare). The tree may differ there too, so an incremental analysis must
// treat them as edited. Nil for a File from Parse.
func (f *File) Reread() [][2]int { return f.reread }
