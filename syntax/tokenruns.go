package syntax

import "sort"

// runMax bounds a run: an edit copies the one or two runs it falls in, a
// few thousand tokens, and an access searches a list of a few dozen runs.
const runMax = 2048

// tokenRuns is a text's tokens as runs of consecutive tokens, which the
// versions of a text share: an edit re-creates the runs it falls in and
// moves the later ones by an offset, instead of copying and shifting a
// 400 KB file's hundred thousand tokens per keystroke.
type tokenRuns struct {
	runs []tokRun
	n    int
}

// tokRun is toks (shared, never written) with every offset moved by shift;
// its first token is token number first of the text.
type tokRun struct {
	toks  []token
	shift int32
	first int
}

func (r *tokRun) end() int { return r.first + len(r.toks) }

func (r *tokRun) at(i int) token {
	t := r.toks[i]
	return token{t.start + r.shift, t.end + r.shift}
}

// runsOf splits toks into runs sharing its array.
func runsOf(toks []token) tokenRuns {
	s := tokenRuns{n: len(toks)}
	for i := 0; i < len(toks); i += runMax {
		s.runs = append(s.runs, tokRun{toks: toks[i:min(i+runMax, len(toks))], first: i})
	}
	return s
}

// run returns the index of the run holding token k, trying hint first:
// the passes read tokens near the previous one.
func (s *tokenRuns) run(k, hint int) int {
	if hint < len(s.runs) && s.runs[hint].first <= k && k < s.runs[hint].end() {
		return hint
	}
	return sort.Search(len(s.runs), func(i int) bool { return s.runs[i].end() > k })
}

func (s *tokenRuns) at(k int) token {
	r := &s.runs[s.run(k, 0)]
	return r.at(k - r.first)
}

// searchEnd returns the first token whose end is at or after off, or n.
func (s *tokenRuns) searchEnd(off int) int {
	i := sort.Search(len(s.runs), func(i int) bool {
		r := &s.runs[i]
		return int(r.toks[len(r.toks)-1].end+r.shift) >= off
	})
	if i == len(s.runs) {
		return s.n
	}
	r := &s.runs[i]
	return r.first + sort.Search(len(r.toks), func(j int) bool { return int(r.toks[j].end+r.shift) >= off })
}

// flat returns the tokens as one slice.
func (s *tokenRuns) flat() []token {
	out := make([]token, 0, s.n)
	for i := range s.runs {
		r := &s.runs[i]
		for j := range r.toks {
			out = append(out, r.at(j))
		}
	}
	return out
}

// replace returns the sequence with tokens [from, to) replaced by fresh,
// and every token from `to` on moved by delta bytes. The runs holding
// token from-1 (from >= 1) through the one holding token to (or the last)
// are copied into new ones, with their tokens outside [from, to); the
// others are shared.
func (s *tokenRuns) replace(from, to int, fresh []token, delta int32) tokenRuns {
	a := s.run(from-1, 0)
	b := len(s.runs) - 1
	if to < s.n {
		b = s.run(to, a)
	}
	// A short result takes its right neighbour along, so deletions do not
	// leave ever more tiny runs behind.
	size := func() int { return from - s.runs[a].first + len(fresh) + s.runs[b].end() - to }
	if size() < runMax/4 && b+1 < len(s.runs) {
		b++
	}
	merged := make([]token, 0, size())
	ra := &s.runs[a]
	for j := 0; j < from-ra.first; j++ {
		merged = append(merged, ra.at(j))
	}
	merged = append(merged, fresh...)
	for k := to; k < s.runs[b].end(); {
		r := &s.runs[s.run(k, b)]
		for j := k - r.first; j < len(r.toks); j++ {
			t := r.at(j)
			merged = append(merged, token{t.start + delta, t.end + delta})
		}
		k = r.end()
	}
	next := tokenRuns{runs: make([]tokRun, 0, len(s.runs)+2), n: s.n + len(fresh) - (to - from)}
	next.runs = append(next.runs, s.runs[:a]...)
	// Equal pieces of at most runMax.
	pieces := (len(merged) + runMax - 1) / runMax
	step := (len(merged) + pieces - 1) / pieces
	for i := 0; i < len(merged); i += step {
		next.runs = append(next.runs, tokRun{toks: merged[i:min(i+step, len(merged))], first: ra.first + i})
	}
	dk := len(fresh) - (to - from)
	for _, r := range s.runs[b+1:] {
		r.first += dk
		r.shift += delta
		next.runs = append(next.runs, r)
	}
	return next
}
