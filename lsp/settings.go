package lsp

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"time"

	"go.lsp.dev/protocol"

	"github.com/asyncsense/asyncsense/rules"
)

// Settings is the `asyncsense` configuration section. It arrives in
// initializationOptions, in workspace/didChangeConfiguration, and (when the
// client supports it) from workspace/configuration. Each payload is complete:
// a key it leaves out takes its default.
type Settings struct {
	// Severity overrides a rule's default, by ID or name:
	// {"ASY001": "error", "async-void": "none"}.
	Severity map[string]string `json:"severity,omitempty"`
	// ConfigureAwait is "off" (the default: app code) or "library", which
	// turns on the missing-ConfigureAwait rule.
	ConfigureAwait string `json:"configureAwait"`
	// Debounce is the pause, in milliseconds, between a change and its analysis.
	Debounce int `json:"debounce"`
	// Diagnostics.Scope is "workspace" (every file, after indexing) or
	// "openFiles".
	Diagnostics struct {
		Scope string `json:"scope"`
	} `json:"diagnostics"`
	// DocsURL, when set, becomes each diagnostic's codeDescription.href:
	// "{id}" and "{name}" are replaced, otherwise the rule ID is appended.
	DocsURL string `json:"docsUrl,omitempty"`
}

const (
	scopeWorkspace = "workspace"
	scopeOpenFiles = "openFiles"
)

func defaultSettings() Settings {
	var s Settings
	s.ConfigureAwait = "off"
	s.Debounce = 50
	s.Diagnostics.Scope = scopeWorkspace
	return s
}

func (st *Settings) debounce() time.Duration { return time.Duration(st.Debounce) * time.Millisecond }

// parseSettings reads one payload, either the section itself or an object
// holding it under "asyncsense". Bad values are reported and replaced by
// defaults; unknown keys are ignored.
func parseSettings(raw []byte) (Settings, []string) {
	st := defaultSettings()
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || string(raw) == "null" {
		return st, nil
	}
	var top map[string]json.RawMessage
	if err := json.Unmarshal(raw, &top); err != nil {
		return st, []string{"settings are not a JSON object: " + err.Error()}
	}
	if inner, ok := top["asyncsense"]; ok {
		top = nil
		if err := json.Unmarshal(inner, &top); err != nil {
			return st, []string{"settings.asyncsense is not a JSON object"}
		}
	}
	var warnings []string
	field := func(key string, into any) {
		if v, ok := top[key]; ok && string(v) != "null" {
			if err := json.Unmarshal(v, into); err != nil {
				warnings = append(warnings, fmt.Sprintf("setting %q ignored: %v", key, err))
			}
		}
	}
	field("severity", &st.Severity)
	field("configureAwait", &st.ConfigureAwait)
	field("debounce", &st.Debounce)
	field("diagnostics", &st.Diagnostics)
	field("docsUrl", &st.DocsURL)
	// VS Code flattens nothing, but other clients send dotted keys as is.
	field("diagnostics.scope", &st.Diagnostics.Scope)
	def := defaultSettings()
	switch st.ConfigureAwait {
	case "off", "library":
	default:
		warnings = append(warnings, fmt.Sprintf("configureAwait %q ignored (want off or library)", st.ConfigureAwait))
		st.ConfigureAwait = def.ConfigureAwait
	}
	if st.Debounce < 0 || st.Debounce > 10000 {
		warnings = append(warnings, fmt.Sprintf("debounce %d ignored (want 0 to 10000 ms)", st.Debounce))
		st.Debounce = def.Debounce
	}
	switch st.Diagnostics.Scope {
	case scopeWorkspace, scopeOpenFiles:
	default:
		warnings = append(warnings, fmt.Sprintf("diagnostics.scope %q ignored (want workspace or openFiles)", st.Diagnostics.Scope))
		st.Diagnostics.Scope = def.Diagnostics.Scope
	}
	return st, warnings
}

// severityOverrides turns settings into the layer below .editorconfig.
func (s *Server) severityOverrides(st *Settings) map[string]rules.Severity {
	out := map[string]rules.Severity{}
	for _, a := range s.analyzers {
		if a.Name != "missing-configureawait" {
			continue
		}
		switch {
		case st.ConfigureAwait == "off":
			out[a.ID] = rules.None
		case a.Severity != rules.None:
			out[a.ID] = a.Severity
		default:
			out[a.ID] = rules.Warning
		}
	}
	for key, value := range st.Severity {
		a := s.lookupRule(key)
		if a == nil {
			s.log.Warn("severity setting for an unknown rule ignored", "rule", key)
			continue
		}
		sev, isDefault, err := rules.ParseSeverity(value)
		if err != nil {
			s.log.Warn("severity setting ignored", "rule", key, "err", err)
			continue
		}
		if isDefault {
			delete(out, a.ID)
		} else {
			out[a.ID] = sev
		}
	}
	return out
}

func (s *Server) lookupRule(key string) *rules.Analyzer {
	for _, a := range s.analyzers {
		if strings.EqualFold(a.ID, key) || strings.EqualFold(a.Name, key) {
			return a
		}
	}
	return nil
}

// configFor resolves the severities for one file.
func (s *Server) configFor(path string) *rules.Config {
	cfg, warnings := s.config.Load().ConfigFor(path)
	for _, w := range warnings {
		s.log.Warn(w)
	}
	return cfg
}

// applySettings installs new settings and re-diagnoses what they affect.
func (s *Server) applySettings(st Settings, warnings []string) {
	for _, w := range warnings {
		s.log.Warn(w)
	}
	old := s.settings.Swap(&st)
	if reflect.DeepEqual(*old, st) {
		return
	}
	s.log.Info("settings changed", "scope", st.Diagnostics.Scope, "debounce", st.Debounce, "configureAwait", st.ConfigureAwait, "severity", st.Severity)
	if !reflect.DeepEqual(old.Severity, st.Severity) || old.ConfigureAwait != st.ConfigureAwait {
		s.reloadConfig()
		return
	}
	s.rediagnoseOpen(nil, false)
	if old.Diagnostics.Scope != st.Diagnostics.Scope {
		s.scopeChanged(st.Diagnostics.Scope)
	}
}

// reloadConfig rebuilds the severity resolution (settings or .editorconfig
// changed) and re-analyses everything from scratch.
func (s *Server) reloadConfig() {
	s.config.Store(rules.NewWorkspace(s.severityOverrides(s.settings.Load())))
	s.cfgGen.Add(1)
	s.rediagnoseOpen(nil, true)
	if s.settings.Load().Diagnostics.Scope == scopeWorkspace {
		s.ws.diagnoseClosed(s, nil)
	}
}

// DidChangeConfiguration re-reads the settings: from workspace/configuration
// when the client supports it (eglot and VS Code send an empty payload
// here), else from the notification itself.
func (s *Server) DidChangeConfiguration(ctx context.Context, p *protocol.DidChangeConfigurationParams) error {
	if s.caps.Workspace.Configuration {
		go s.fetchSettings()
		return nil
	}
	raw, _ := json.Marshal(p.Settings)
	st, warnings := parseSettings(raw)
	s.applySettings(st, warnings)
	return nil
}

// fetchSettings asks the client for the `asyncsense` section.
func (s *Server) fetchSettings() {
	ctx, cancel := context.WithTimeout(s.ctx, 10*time.Second)
	defer cancel()
	var result []json.RawMessage
	params := map[string]any{"items": []map[string]string{{"section": "asyncsense"}}}
	if _, err := s.conn.Call(ctx, protocol.MethodWorkspaceConfiguration, params, &result); err != nil {
		s.log.Warn("workspace/configuration failed", "err", err)
		return
	}
	// A client without settings for the section answers null (Neovim
	// does): keep what initializationOptions said rather than resetting.
	if len(result) == 0 || string(bytes.TrimSpace(result[0])) == "null" {
		return
	}
	st, warnings := parseSettings(result[0])
	s.applySettings(st, warnings)
}
