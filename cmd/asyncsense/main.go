// Command asyncsense finds async/await misuse in C#: `asyncsense check` for
// terminals and CI, `asyncsense serve` for editors. Each subcommand lives in
// its own file and registers itself in commands from an init function.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"sort"
	"strings"
)

// Exit codes, the contract CI pipelines rely on.
const (
	exitOK       = 0 // nothing at or above the threshold
	exitFindings = 1 // findings at or above the threshold
	exitError    = 2 // usage or I/O error, explained in one line on stderr
)

// stdio is where a command reads and writes; tests and `serve` get the
// process's streams, but nothing below main reaches for os.Std* itself.
type stdio struct {
	in       io.Reader
	out, err io.Writer
}

// command is one subcommand. A file adds its own with
//
//	func init() { commands["serve"] = command{summary: ..., usage: ..., run: runServe} }
//
// run gets the arguments after the subcommand's name and returns the exit
// code; ctx is cancelled on interrupt.
type command struct {
	summary string // one line for `asyncsense help`
	usage   string // synopsis after "asyncsense ", e.g. "check [flags] PATH..."
	run     func(ctx context.Context, std stdio, args []string) int
}

var commands = map[string]command{}

func init() {
	commands["help"] = command{
		summary: "show the commands, or one command's flags",
		usage:   "help [COMMAND]",
		run:     runHelp,
	}
}

func main() { os.Exit(run()) }

// run is main without the exit, so the testscript harness can call it.
func run() int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	return dispatch(ctx, stdio{os.Stdin, os.Stdout, os.Stderr}, os.Args[1:])
}

func dispatch(ctx context.Context, std stdio, args []string) int {
	if len(args) == 0 {
		printCommands(std.err)
		return exitError
	}
	name := args[0]
	switch name {
	case "-h", "-help", "--help":
		printCommands(std.out)
		return exitOK
	case "-version", "--version":
		name = "version"
	}
	cmd, ok := commands[name]
	if !ok {
		fmt.Fprintf(std.err, "asyncsense: unknown command %q (run 'asyncsense help')\n", name)
		return exitError
	}
	return cmd.run(ctx, std, args[1:])
}

func runHelp(ctx context.Context, std stdio, args []string) int {
	switch len(args) {
	case 0:
		printCommands(std.out)
		return exitOK
	case 1:
		cmd, ok := commands[args[0]]
		if !ok {
			fmt.Fprintf(std.err, "asyncsense help: unknown command %q\n", args[0])
			return exitError
		}
		return cmd.run(ctx, std, []string{"-h"})
	}
	fmt.Fprintln(std.err, "asyncsense help: at most one command name")
	return exitError
}

func printCommands(w io.Writer) {
	names := make([]string, 0, len(commands))
	width := 0
	for name := range commands {
		names = append(names, name)
		width = max(width, len(name))
	}
	sort.Strings(names)
	fmt.Fprint(w, "asyncsense finds async/await misuse in C#.\n\nUsage:\n\n\tasyncsense COMMAND [ARGUMENTS]\n\nCommands:\n\n")
	for _, name := range names {
		fmt.Fprintf(w, "\t%-*s  %s\n", width, name, commands[name].summary)
	}
	fmt.Fprint(w, "\nRun 'asyncsense help COMMAND' for a command's flags.\n")
}

// newFlags returns a FlagSet that stays silent: parseFlags decides what to
// print, so a usage error is one line and -h goes to stdout.
func newFlags(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	return fs
}

// parseFlags parses args, allowing flags after positional arguments
// (`check src --format json`) until a `--`, and returns the positional ones.
// When the command should not go on, ok is false and code is the exit code.
func parseFlags(fs *flag.FlagSet, std stdio, args []string) (rest []string, ok bool, code int) {
	for {
		err := fs.Parse(args)
		if errors.Is(err, flag.ErrHelp) {
			printUsage(fs, std.out)
			return nil, false, exitOK
		}
		if err != nil {
			return nil, false, usageError(std, fs.Name(), err.Error())
		}
		consumed := len(args) - fs.NArg()
		if fs.NArg() == 0 || consumed > 0 && args[consumed-1] == "--" {
			return append(rest, fs.Args()...), true, exitOK
		}
		rest = append(rest, fs.Arg(0))
		args = fs.Args()[1:]
	}
}

func printUsage(fs *flag.FlagSet, w io.Writer) {
	cmd := commands[fs.Name()]
	fmt.Fprintf(w, "Usage: asyncsense %s\n\n%s.\n", cmd.usage, upperFirst(cmd.summary))
	hasFlags := false
	fs.VisitAll(func(*flag.Flag) { hasFlags = true })
	if hasFlags {
		fmt.Fprint(w, "\nFlags:\n")
		fs.SetOutput(w)
		fs.PrintDefaults()
		fs.SetOutput(io.Discard)
	}
}

// usageError prints the one line a usage error gets and returns exitError.
func usageError(std stdio, cmd, msg string) int {
	fmt.Fprintf(std.err, "asyncsense %s: %s (run 'asyncsense help %s')\n", cmd, msg, cmd)
	return exitError
}

func upperFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
