package syntax

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"
)

const smallFile = "class C { async Task M() { await N(); } }\n"

// slowFile is large and broken in a way that keeps tree-sitter in error
// recovery: each method lacks its closing brace and has a dangling `async`.
func slowFile(methods int) []byte {
	var b bytes.Buffer
	b.WriteString("namespace N {\npublic class C {\n")
	for i := 0; i < methods; i++ {
		fmt.Fprintf(&b, "    public async Task<int> M%d(int x) {\n        var y = await Load%dAsync(x, async\n        if (y > %d) { return y.Result + [1, 2 }\n", i, i, i)
	}
	b.WriteString("}\n")
	return b.Bytes()
}

// checkPoolHealthy parses a normal file on the pooled parsers: a parser
// left in a cancelled state would fail here.
func checkPoolHealthy(t *testing.T) {
	t.Helper()
	for i := 0; i < 4; i++ {
		f, err := ParseCtx(context.Background(), "ok.cs", []byte(smallFile))
		if err != nil || f == nil || f.HasErrors() || f.Root().NamedChildCount() != 1 {
			t.Fatalf("parse after a cancelled one: file %v, err %v", f != nil, err)
		}
	}
}

func TestParseCtxAlreadyCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	// Many rounds, small and large: the cancellation must never leak into
	// a later parse on the same pooled parser, whichever finishes first.
	for i := 0; i < 200; i++ {
		src := []byte(smallFile)
		if i%50 == 0 {
			src = slowFile(500)
		}
		f, err := ParseCtx(ctx, "c.cs", src)
		if !errors.Is(err, context.Canceled) || f != nil {
			t.Fatalf("round %d: got file %v, err %v; want context.Canceled", i, f != nil, err)
		}
		checkPoolHealthy(t)
	}
}

func TestParseCtxCancelledDuringParse(t *testing.T) {
	src := slowFile(3000)
	ctx, cancel := context.WithCancel(context.Background())
	start := time.Now()
	time.AfterFunc(20*time.Millisecond, cancel)
	f, err := ParseCtx(ctx, "slow.cs", src)
	if !errors.Is(err, context.Canceled) || f != nil {
		t.Fatalf("got file %v, err %v; want context.Canceled", f != nil, err)
	}
	t.Logf("%d KB: cancelled parse returned after %v", len(src)>>10, time.Since(start))
	checkPoolHealthy(t)
}

func TestApplyCancelled(t *testing.T) {
	f := Parse("slow.cs", slowFile(300))
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(10*time.Millisecond, cancel)
	// An edit at the top invalidates everything after it.
	next, err := f.Apply(ctx, []Edit{{Start: 0, OldEnd: 0, NewText: []byte("using X;\n")}})
	if !errors.Is(err, context.Canceled) || next != nil {
		t.Fatalf("got file %v, err %v; want context.Canceled", next != nil, err)
	}
	// The old File is still whole, and an Apply without cancellation works.
	if next, err = f.Apply(context.Background(), []Edit{{Start: 0, OldEnd: 0, NewText: []byte("using X;\n")}}); err != nil || !bytes.HasPrefix(next.Src, []byte("using X;\nnamespace")) {
		t.Fatalf("Apply after a cancelled one: %v", err)
	}
	checkPoolHealthy(t)
}

// Parsers are pooled across goroutines; cancelled and normal parses running
// side by side must not disturb each other.
func TestParseCtxConcurrentCancellation(t *testing.T) {
	var wg sync.WaitGroup
	errs := make(chan error, 8*50)
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for i := 0; i < 50; i++ {
				ctx, cancel := context.WithCancel(context.Background())
				if (g+i)%2 == 0 {
					cancel()
					if _, err := ParseCtx(ctx, "c.cs", []byte(smallFile)); !errors.Is(err, context.Canceled) {
						errs <- fmt.Errorf("cancelled parse: %v", err)
					}
				} else if f, err := ParseCtx(ctx, "c.cs", []byte(smallFile)); err != nil || f.HasErrors() {
					errs <- fmt.Errorf("normal parse: %v", err)
				}
				cancel()
			}
		}(g)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
}
