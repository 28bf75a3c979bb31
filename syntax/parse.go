// Package syntax is the only package that knows tree-sitter. It parses C#,
// hands out Node values that read from the original source, and owns the
// Mapper between byte offsets and line/column positions.
package syntax

import (
	"bytes"
	"context"
	"errors"
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
	parsed []byte  // Src itself when prepare changed nothing
	lx     lexed   // of Src with a BOM blanked, reused by Apply
	diffs  []int32 // offsets where parsed differs from Src, ascending
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
	parsed, lx, diffs := prepareLexed(src, nil)
	f := &File{Path: path, Src: src, parsed: parsed, lx: lx, diffs: diffs, mapper: NewMapper(src), style: styleOf(src)}
	return f.parse(ctx, old)
}

// parse builds f's tree from f.parsed, reusing old's subtrees, and returns
// f, which is not shared with anyone yet.
func (f *File) parse(ctx context.Context, old *sitter.Tree) (*File, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	f.memo = &memo{}
	if ctx.Done() == nil {
		p := parsers.Get().(*sitter.Parser)
		f.tree = p.Parse(old, f.parsed)
		runtime.KeepAlive(old)
		parsers.Put(p)
		return f, nil
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
	tree, err := p.ParseCtx(ctx, old, f.parsed)
	// smacker's ParseCtx stops referencing old once it has the C pointer;
	// without this the finalizer may free the old tree mid-parse.
	runtime.KeepAlive(old)
	if err != nil {
		return nil, err
	}
	f.tree = tree
	return f, nil
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
	return f.apply(ctx, edits, nil)
}

// ErrTextDiverged is ApplyText's answer to a text that is not what the
// edits make of the File's.
var ErrTextDiverged = errors.New("syntax: the text is not the edited source")

// ApplyText is Apply for a caller that already holds the text after the
// edits, as the server does: the new File takes text as its Src (which
// must not change afterwards) instead of building a copy of its own,
// once it has checked that text is exactly what the edits make of f.Src.
// When it is not, ApplyText returns ErrTextDiverged.
func (f *File) ApplyText(ctx context.Context, edits []Edit, text []byte) (*File, error) {
	if len(edits) == 0 {
		if !bytes.Equal(text, f.Src) {
			return nil, ErrTextDiverged
		}
		text = nil // nothing to build
	}
	return f.apply(ctx, edits, text)
}

func (f *File) apply(ctx context.Context, edits []Edit, text []byte) (*File, error) {
	src, mapper, style := f.Src, f.mapper, f.style
	// seen is the text the edited tree now describes: the old prepared text
	// with the edits applied verbatim. It differs from the new source only
	// where the old prepared text differed from the old source, so it is
	// kept as those bytes, their offsets moved along with the edits.
	seen := make([]rewrite, len(f.diffs))
	for i, at := range f.diffs {
		seen[i] = rewrite{int(at), f.parsed[at]}
	}
	tree := f.tree.Copy()
	for i, e := range edits {
		var next []byte
		if text != nil && i == len(edits)-1 {
			if !isEdited(text, src, e) {
				return nil, ErrTextDiverged
			}
			next = text
		} else {
			// bytes.Join does not zero the new text before filling it.
			next = bytes.Join([][]byte{src[:e.Start], e.NewText, src[e.OldEnd:]}, nil)
		}
		seen = moveRewrites(seen, e)
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
	var old *lexed
	if len(edits) == 1 {
		if lx, ok := relex(src, f.lx, edits[0]); ok {
			old = &lx
		}
	}
	parsed, lx, diffs := prepareLexed(src, old)
	// prepare may now read the text differently outside the edited ranges
	// (typing `)` after `async` turns that word into an identifier). Tell
	// the tree about every such byte, or tree-sitter would reuse the
	// subtrees built from the old reading.
	reread := rereadRanges(parsed, src, diffs, seen)
	for _, r := range reread {
		tree.Edit(sitter.EditInput{StartIndex: uint32(r[0]), OldEndIndex: uint32(r[1]), NewEndIndex: uint32(r[1])})
	}
	next, err := (&File{Path: f.Path, Src: src, parsed: parsed, lx: lx, diffs: diffs, mapper: mapper, style: style}).parse(ctx, tree)
	if next != nil {
		next.reread = reread
	}
	return next, err
}

// isEdited reports whether text is src with edit e applied: comparing
// costs a read of both, building the copy an allocation, a write and the
// garbage collector's attention.
func isEdited(text, src []byte, e Edit) bool {
	end := e.Start + len(e.NewText)
	return e.Start >= 0 && e.Start <= e.OldEnd && e.OldEnd <= len(src) &&
		len(text) == len(src)-(e.OldEnd-e.Start)+len(e.NewText) &&
		bytes.Equal(text[:e.Start], src[:e.Start]) && bytes.Equal(text[e.Start:end], e.NewText) &&
		bytes.Equal(text[end:], src[e.OldEnd:])
}

// rewrite is a byte of a prepared text that differs from the source.
type rewrite struct {
	at int
	b  byte
}

// moveRewrites moves rs, ascending, through edit e: those in the replaced
// text are gone, those after it shift.
func moveRewrites(rs []rewrite, e Edit) []rewrite {
	delta := len(e.NewText) - (e.OldEnd - e.Start)
	out := rs[:0]
	for _, r := range rs {
		switch {
		case r.at < e.Start:
		case r.at >= e.OldEnd:
			r.at += delta
		default:
			continue
		}
		out = append(out, r)
	}
	return out
}

// rereadRanges returns the maximal runs of offsets where parsed, the new
// prepared text, differs from seen, the text the edited tree describes.
// parsed differs from src only at diffs and seen only at the rewrites in
// seen, so only those offsets are compared.
func rereadRanges(parsed, src []byte, diffs []int32, seen []rewrite) [][2]int {
	var out [][2]int
	i, j := 0, 0
	for i < len(diffs) || j < len(seen) {
		var at int
		switch {
		case j == len(seen) || i < len(diffs) && int(diffs[i]) < seen[j].at:
			at = int(diffs[i])
			i++
		case i == len(diffs) || seen[j].at < int(diffs[i]):
			at = seen[j].at
			j++
		default:
			at = seen[j].at
			i++
			j++
		}
		old := src[at]
		if j > 0 && seen[j-1].at == at {
			old = seen[j-1].b
		}
		if parsed[at] == old {
			continue
		}
		if n := len(out); n > 0 && out[n-1][1] == at {
			out[n-1][1] = at + 1
		} else {
			out = append(out, [2]int{at, at + 1})
		}
	}
	return out
}

// Reread returns the byte ranges of this File, outside the edits given to
// the Apply that made it, where the parser now reads the text differently
// (an `#endif` typed in one method can un-blank a branch in another; see
// prepare). The tree may differ there too, so an incremental analysis must
// treat them as edited. Nil for a File from Parse.
func (f *File) Reread() [][2]int { return f.reread }
