package rules

import (
	"strings"

	editorconfig "github.com/editorconfig/editorconfig-core-go/v2"
)

// Config is the resolved configuration for one file: severity overrides by
// rule ID, already layered (.editorconfig over settings over defaults).
// `#pragma warning` in the source is applied on top by the runner.
type Config struct {
	Severities map[string]Severity
}

func (c *Config) severity(a *Analyzer) Severity {
	if c != nil {
		if s, ok := c.Severities[a.ID]; ok {
			return s
		}
	}
	return a.Severity
}

// Layer returns a Config whose overrides are base's with top's on top.
func Layer(base, top map[string]Severity) *Config {
	m := make(map[string]Severity, len(base)+len(top))
	for k, v := range base {
		m[k] = v
	}
	for k, v := range top {
		m[k] = v
	}
	return &Config{Severities: m}
}

// EditorConfigSeverities reads `dotnet_diagnostic.<ID>.severity` for the file
// at path from every .editorconfig between it and the nearest `root = true`,
// with section globs, as Roslyn does. Keys are matched case-insensitively;
// only IDs starting with ASY are kept. Bad values are reported in warnings
// and ignored, so one typo does not stop a CI run.
func EditorConfigSeverities(path string) (map[string]Severity, []string, error) {
	def, err := editorconfig.GetDefinitionForFilename(path)
	if err != nil {
		return nil, nil, err
	}
	out, warnings := severitiesFromRaw(path, def.Raw)
	return out, warnings, nil
}

// severitiesFromRaw picks the ASY severities out of one file's resolved
// .editorconfig keys; Workspace shares it with its cached parser.
func severitiesFromRaw(path string, raw map[string]string) (map[string]Severity, []string) {
	out := map[string]Severity{}
	var warnings []string
	for key, value := range raw {
		k := strings.ToLower(key)
		if !strings.HasPrefix(k, "dotnet_diagnostic.") || !strings.HasSuffix(k, ".severity") {
			continue
		}
		id := strings.ToUpper(strings.TrimSuffix(strings.TrimPrefix(k, "dotnet_diagnostic."), ".severity"))
		if !strings.HasPrefix(id, "ASY") {
			continue
		}
		sev, isDefault, err := ParseSeverity(value)
		if err != nil {
			warnings = append(warnings, path+": .editorconfig: "+err.Error())
			continue
		}
		if !isDefault {
			out[id] = sev
		}
	}
	return out, warnings
}
