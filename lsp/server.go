// Package lsp is asyncsense's language server: the same engine as
// `asyncsense check`, kept current as the user types.
//
// It has three layers, after gopls and buf's buflsp:
//
//   - Protocol glue (server.go, middleware.go, lifecycle.go and one file per
//     feature): thin handlers that decode, take a document snapshot, call a
//     pure function of the engine (rules.Analyze, explain.Topic) and convert
//     byte offsets to LSP positions at the edge (position.go).
//   - The document store (documents.go): per URI the text, its version and
//     the edits since the last snapshot; a snapshot is an immutable parsed
//     File plus its rules.Analysis, computed incrementally from the previous
//     one (tree-sitter reparse from the old tree, re-analysis of the edited
//     member only).
//   - Scheduling (schedule.go): per document, a change cancels the analysis
//     in flight, waits out the debounce, and publishes only if the version it
//     analysed is still current and the result differs from what the client has.
//
// Settings precedence is `#pragma warning` > .editorconfig > client settings >
// the rule's default. diagnostics.scope defaults to "workspace": a Problems
// list that silently omits every closed file is the most common complaint
// about Roslyn's open-files-only default, and the workspace scan already
// parses every file for the index, so the findings cost one more walk per file
// in the background, after the index is complete.
package lsp

import (
	"context"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"
	"go.uber.org/zap"

	"github.com/asyncsense/asyncsense/rules"
	"github.com/asyncsense/asyncsense/rules/all"
	"github.com/asyncsense/asyncsense/syntax"
)

// DefaultMaxFileSize is the largest file analysed. Parsing runs at ~3 MB/s
// and a tree costs ~100× its source, so a 20 MB generated file would take
// seconds and gigabytes; such files are kept in sync but not analysed.
const DefaultMaxFileSize = 2 << 20

// Options configure a server; the zero value serves with every rule.
type Options struct {
	// Analyzers run on every document; nil means all.Analyzers().
	Analyzers []*rules.Analyzer
	// LogLevel filters what goes to Stderr and window/logMessage.
	LogLevel slog.Level
	// Stderr receives the log; nil discards it.
	Stderr io.Writer
	// CacheDir holds the on-disk facts cache; "" means
	// os.UserCacheDir()/asyncsense, "off" disables the cache.
	CacheDir string
	// MaxFileSize overrides DefaultMaxFileSize.
	MaxFileSize int
	// Version is reported in serverInfo.
	Version string
}

// Server is one client's session. Its exported methods implement the parts
// of protocol.Server that asyncsense supports; everything else falls to the
// embedded unimplemented.
type Server struct {
	unimplemented

	opts      Options
	analyzers []*rules.Analyzer
	maxSize   int
	log       *slog.Logger
	logs      *logHandler

	conn   jsonrpc2.Conn
	stream *stream
	client protocol.Client

	// ctx lives until shutdown; background work (indexing, analyses) uses it.
	ctx    context.Context
	cancel context.CancelFunc

	initialized atomic.Bool // initialize has been answered
	shutdown    atomic.Bool
	exited      atomic.Bool
	exit        chan struct{} // closed by the exit notification
	trace       atomic.Value  // string: "off", "messages" or "verbose"

	caps clientCapabilities // read-only after initialize
	enc  syntax.Encoding

	settings atomic.Pointer[Settings]
	config   atomic.Pointer[rules.Workspace] // .editorconfig over settings
	cfgGen   atomic.Int64                    // bumped when either changes

	docs  *store
	index *rules.Index
	ws    *workspace
	cache *factsCache

	pubMu     sync.Mutex
	published map[protocol.DocumentURI]string // last payload per URI, to skip identical publishes
}

// New returns a server for one connection; Serve runs it.
func New(opts Options) *Server {
	s := &Server{opts: opts, analyzers: opts.Analyzers, maxSize: opts.MaxFileSize}
	if s.analyzers == nil {
		s.analyzers = all.Analyzers()
	}
	if s.maxSize <= 0 {
		s.maxSize = DefaultMaxFileSize
	}
	stderr := opts.Stderr
	if stderr == nil {
		stderr = io.Discard
	}
	s.logs = newLogHandler(stderr, opts.LogLevel)
	s.log = slog.New(s.logs)
	s.ctx, s.cancel = context.WithCancel(context.Background())
	s.exit = make(chan struct{})
	s.trace.Store("off")
	s.enc = syntax.UTF16
	def := defaultSettings()
	s.settings.Store(&def)
	s.config.Store(rules.NewWorkspace(s.severityOverrides(&def)))
	s.docs = newStore()
	s.index = rules.NewIndex()
	s.ws = newWorkspace()
	s.cache = openFactsCache(opts.CacheDir, s.log)
	s.published = map[protocol.DocumentURI]string{}
	return s
}

// Serve answers LSP on rwc until the client sends exit or closes the stream,
// and returns the process exit code the specification asks for: 0 when
// shutdown came before exit (or before the stream ended), else 1.
func Serve(ctx context.Context, rwc io.ReadWriteCloser, opts Options) int {
	return New(opts).Serve(ctx, rwc)
}

// Serve runs s on rwc; see the package-level Serve.
func (s *Server) Serve(ctx context.Context, rwc io.ReadWriteCloser) int {
	s.stream = newStream(rwc, s.log)
	s.conn = jsonrpc2.NewConn(s.stream)
	s.client = protocol.ClientDispatcher(s.conn, zap.NewNop())
	s.logs.attach(s.ctx, s.client)
	// The connection outlives s.ctx: shutdown stops background work but
	// must still answer, and exit must still arrive.
	connCtx, cancelConn := context.WithCancel(context.Background())
	defer cancelConn()
	s.conn.Go(connCtx, s.handler())
	// After exit, return even if the read loop is still blocked: closing
	// the process's stdin does not reliably wake a reader, and the caller
	// exits the process anyway.
	select {
	case <-s.conn.Done():
	case <-s.exit:
	case <-ctx.Done():
		s.conn.Close()
	}
	s.stop()
	if err := s.conn.Err(); err != nil && !s.exited.Load() {
		s.log.Info("connection closed", "err", err)
	}
	if s.shutdown.Load() {
		return 0
	}
	return 1
}

// stop ends background work: indexing, pending analyses, log forwarding.
func (s *Server) stop() {
	s.cancel()
	s.docs.each(func(d *document) { d.sched.stop() })
	s.logs.detach()
}

// docPath returns the file path of a document URI and whether the server
// handles it: file URIs ending in .cs, whatever languageId the client uses
// (cs, csharp and c-sharp all occur).
func docPath(u protocol.DocumentURI) (string, bool) {
	p, ok := uriPath(string(u))
	if !ok || !isCSharp(p) {
		return "", false
	}
	return p, true
}

func isCSharp(path string) bool {
	ext := filepath.Ext(path)
	return len(ext) == 3 && (ext == ".cs" || ext == ".CS" || ext == ".Cs" || ext == ".cS")
}

func fileExists(path string) bool {
	st, err := os.Stat(path)
	return err == nil && !st.IsDir()
}
