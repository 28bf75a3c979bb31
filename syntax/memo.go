package syntax

import "sync"

// memo holds values derived from one File's tree, computed on first use:
// facts that many rules ask about the same file ("which names are passed as
// method groups?") would otherwise rescan it per question.
type memo struct {
	mu sync.Mutex
	m  map[any]any
}

// Memo returns the value stored under key for this file, calling compute
// the first time. Values may hold Nodes of f: a File and its tree never
// change, so they stay valid for f's lifetime (Clone starts an empty memo,
// its Nodes belong to the clone). compute must not call Memo on the same
// file with the same key. Keys should be unexported types of the calling
// package, as with context values.
func (f *File) Memo(key any, compute func() any) any {
	if f.memo == nil {
		return compute()
	}
	f.memo.mu.Lock()
	v, ok := f.memo.m[key]
	f.memo.mu.Unlock()
	if ok {
		return v
	}
	v = compute()
	f.memo.mu.Lock()
	if f.memo.m == nil {
		f.memo.m = map[any]any{}
	}
	if old, ok := f.memo.m[key]; ok {
		v = old
	} else {
		f.memo.m[key] = v
	}
	f.memo.mu.Unlock()
	return v
}
