package main

import (
	"context"
	"fmt"
	"runtime"
	"runtime/debug"
)

func init() {
	commands["version"] = command{
		summary: "print the version of asyncsense and of Go it was built with",
		usage:   "version",
		run:     runVersion,
	}
}

func runVersion(_ context.Context, std stdio, args []string) int {
	fs := newFlags("version")
	args, ok, code := parseFlags(fs, std, args)
	if !ok {
		return code
	}
	if len(args) > 0 {
		return usageError(std, "version", "takes no arguments")
	}
	fmt.Fprintf(std.out, "asyncsense %s %s %s/%s\n", version(), runtime.Version(), runtime.GOOS, runtime.GOARCH)
	return exitOK
}

// version is the module version `go install ...@v1.2.3` stamped into the
// binary; a build from a checkout says "devel", plus the commit when the
// build recorded one.
func version() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "devel"
	}
	if v := info.Main.Version; v != "" && v != "(devel)" {
		return v
	}
	v := "devel"
	for _, s := range info.Settings {
		if s.Key == "vcs.revision" && len(s.Value) >= 12 {
			v += "+" + s.Value[:12]
		}
	}
	return v
}
