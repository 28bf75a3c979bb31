package startnewpitfalls

import (
	"strings"

	"github.com/asyncsense/asyncsense/rules"
	"github.com/asyncsense/asyncsense/syntax"
)

// asyncFixes: `Task.Factory.StartNew(async () => ...)` (optionally with a
// token) becomes Task.Run, which unwraps async delegates; any other shape
// gets `.Unwrap()`. Both are Unsafe: the returned task now completes when
// the work does, and its type changes from Task<Task> to Task.
func asyncFixes(p *rules.Pass, call syntax.Node, name string, defaultFactory bool, args []syntax.Node) []rules.Fix {
	if name == "StartNew" && defaultFactory {
		if s, ok := classify(p, args, name); ok && s.state.IsNull() && s.options.IsNull() && !s.scheduler {
			return []rules.Fix{runFix(call, s)}
		}
	}
	return []rules.Fix{{
		Title:  "Unwrap the inner task",
		Safety: rules.Unsafe,
		Edits:  []rules.Edit{rules.Insert(call.End(), ".Unwrap()")},
	}}
}

func runFix(call syntax.Node, s shape) rules.Fix {
	text := rules.TaskQualifier(call) + "Task.Run(" + s.body.Text()
	if !s.token.IsNull() {
		text += ", " + s.token.Text()
	}
	return rules.Fix{
		Title:  "Use Task.Run",
		Safety: rules.Unsafe,
		Edits:  []rules.Edit{rules.Replace(call, text+")")},
	}
}

// schedulerFixes: StartNew with only a delegate (and token) becomes
// Task.Run; everything else passes TaskScheduler.Default, filling in the
// token and options slots of the overload that takes a scheduler.
// Unsafe: code that relied on running on the current (UI or custom)
// scheduler would now run on the thread pool.
func schedulerFixes(p *rules.Pass, call syntax.Node, name string, s shape) []rules.Fix {
	if name == "StartNew" && s.state.IsNull() && s.options.IsNull() {
		return []rules.Fix{runFix(call, s)}
	}
	q := rules.TaskQualifier(call)
	scheduler := q + "TaskScheduler.Default"
	args := call.Field("arguments")
	if name == "ContinueWith" && s.token.IsNull() && s.options.IsNull() {
		closing := args.Child(args.ChildCount() - 1)
		return []rules.Fix{{
			Title:  "Pass TaskScheduler.Default",
			Safety: rules.Unsafe,
			Edits:  []rules.Edit{rules.Insert(closing.Start(), ", "+scheduler)},
		}}
	}
	parts := []string{s.body.Text()}
	if !s.state.IsNull() {
		parts = append(parts, s.state.Text())
	}
	token := "default"
	if rules.ImportsNamespace(call, "System.Threading") {
		token = "CancellationToken.None"
	}
	if !s.token.IsNull() {
		token = s.token.Text()
	}
	options := q + "TaskCreationOptions.None"
	if name == "ContinueWith" {
		options = q + "TaskContinuationOptions.None"
	}
	if !s.options.IsNull() {
		options = s.options.Text()
	}
	parts = append(parts, token, options, scheduler)
	return []rules.Fix{{
		Title:  "Pass TaskScheduler.Default",
		Safety: rules.Unsafe,
		Edits:  []rules.Edit{rules.Replace(args, "("+strings.Join(parts, ", ")+")")},
	}}
}
