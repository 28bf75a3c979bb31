package main

import (
	"context"
	"io"

	"github.com/asyncsense/asyncsense/lsp"
)

func init() {
	commands["serve"] = command{
		summary: "run the language server on stdin/stdout (for editors)",
		usage:   "serve [--stdio] [--log-level LEVEL]",
		run:     runServe,
	}
}

func runServe(ctx context.Context, std stdio, args []string) int {
	fs := newFlags("serve")
	// vscode-languageclient appends --stdio for its stdio transport; it is
	// the only transport, so the flag is accepted and changes nothing.
	fs.Bool("stdio", true, "talk LSP over stdin and stdout (the default and only transport)")
	level := fs.String("log-level", "info", "log `level` for stderr and the client's log: debug, info, warn or error")
	cacheDir := fs.String("cache-dir", "", "`directory` for the facts cache (default: the user cache directory; \"off\" disables it)")
	rest, ok, code := parseFlags(fs, std, args)
	if !ok {
		return code
	}
	if len(rest) > 0 {
		return usageError(std, "serve", "takes no arguments")
	}
	lvl, err := lsp.ParseLevel(*level)
	if err != nil {
		return usageError(std, "serve", err.Error())
	}
	return lsp.Serve(ctx, stdioConn{std.in, std.out}, lsp.Options{
		LogLevel: lvl,
		Stderr:   std.err,
		CacheDir: *cacheDir,
		Version:  version(),
	})
}

// stdioConn is the server's end of the pipe to the editor. Closing it does
// not close the process's stdout: the exit code still has to be returned.
type stdioConn struct {
	io.Reader
	io.Writer
}

func (stdioConn) Close() error { return nil }
