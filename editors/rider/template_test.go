package rider

import (
	"encoding/json"
	"os"
	"reflect"
	"runtime"
	"sort"
	"strings"
	"testing"

	"github.com/asyncsense/asyncsense/editors/internal/lspcheck"
)

// The files LSP4IJ reads from a template directory, by exact name
// (LanguageServerTemplate.java in redhat-developer/lsp4ij).
var templateFiles = []string{"template.json", "settings.json", "settings.schema.json",
	"initializationOptions.json", "clientSettings.json", "README.md"}

// template.json keys LSP4IJ's deserializer knows (ServerTemplate.java).
var (
	templateKeys  = keys("id", "name", "url", "dev", "programArgs", "env", "workingDir", "fileTypeMappings", "languageMappings")
	osKeys        = keys("default", "windows", "mac", "unix")
	mappingKeys   = keys("fileType", "languageId")
	fileTypeKeys  = keys("name", "patterns")
	envKeys       = keys("variables", "includeSystemEnvironmentVariables")
	languageIDKey = "languageId"
)

// clientSettings.json as LSP4IJ's clientSettings.schema.json describes it
// (additionalProperties false at every level): nested maps are objects,
// strings name the JSON type of a leaf.
var clientSettingsShape = map[string]any{
	"caseSensitive":                 "boolean",
	"lineCommentPrefix":             "string",
	"blockCommentPrefix":            "string",
	"blockCommentSuffix":            "string",
	"statementTerminatorCharacters": "string",
	"completion":                    map[string]any{"useContextAwareSorting": "boolean", "useTemplateForInvocationOnlySnippet": "boolean"},
	"breadcrumbs":                   map[string]any{"enabled": "boolean"},
	"workspaceSymbol":               map[string]any{"supportsGotoClass": "boolean"},
}

func keys(k ...string) map[string]bool {
	m := map[string]bool{}
	for _, s := range k {
		m[s] = true
	}
	return m
}

func load(t *testing.T, name string) map[string]any {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	var v map[string]any
	if err := json.Unmarshal(data, &v); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return v
}

func onlyKeys(t *testing.T, where string, obj map[string]any, known map[string]bool) {
	t.Helper()
	for k := range obj {
		if !known[k] {
			t.Errorf("%s: key %q is not one LSP4IJ reads", where, k)
		}
	}
}

func TestTemplateDirectoryIsComplete(t *testing.T) {
	for _, name := range templateFiles {
		if _, err := os.Stat(name); err != nil {
			t.Error(err)
			continue
		}
		if strings.HasSuffix(name, ".json") {
			load(t, name)
		}
	}
}

func TestTemplateUsesLSP4IJKeys(t *testing.T) {
	tpl := load(t, "template.json")
	onlyKeys(t, "template.json", tpl, templateKeys)
	for _, k := range []string{"id", "name", "url"} {
		if s, _ := tpl[k].(string); s == "" {
			// Without url LSP4IJ links to a page of its own that does not exist.
			t.Errorf("template.json: %q must be a non-empty string", k)
		}
	}
	args, _ := tpl["programArgs"].(map[string]any)
	onlyKeys(t, "programArgs", args, osKeys)
	if _, ok := args["default"].(string); !ok {
		t.Error(`programArgs: "default" must be a command string`)
	}
	if env, ok := tpl["env"].(map[string]any); ok {
		onlyKeys(t, "env", env, envKeys)
	}
	mappings, _ := tpl["fileTypeMappings"].([]any)
	var patterns []string
	for i, m := range mappings {
		mapping, _ := m.(map[string]any)
		onlyKeys(t, "fileTypeMappings", mapping, mappingKeys)
		ft, _ := mapping["fileType"].(map[string]any)
		onlyKeys(t, "fileType", ft, fileTypeKeys)
		for _, p := range ft["patterns"].([]any) {
			patterns = append(patterns, p.(string))
		}
		if mapping[languageIDKey] != "csharp" {
			t.Errorf("fileTypeMappings[%d]: languageId %v, want csharp", i, mapping[languageIDKey])
		}
	}
	if !reflect.DeepEqual(patterns, []string{"*.cs"}) {
		t.Errorf("file patterns %q, want [*.cs]", patterns)
	}
}

func TestClientSettingsUseLSP4IJKeys(t *testing.T) {
	checkShape(t, "clientSettings.json", load(t, "clientSettings.json"), clientSettingsShape)
}

func checkShape(t *testing.T, where string, obj map[string]any, shape map[string]any) {
	t.Helper()
	for k, v := range obj {
		switch want := shape[k].(type) {
		case nil:
			t.Errorf("%s: key %q is not in LSP4IJ's clientSettings schema", where, k)
		case map[string]any:
			sub, ok := v.(map[string]any)
			if !ok {
				t.Errorf("%s.%s: want an object", where, k)
				continue
			}
			checkShape(t, where+"."+k, sub, want)
		case string:
			if jsonType(v) != want {
				t.Errorf("%s.%s: %s, want %s", where, k, jsonType(v), want)
			}
		}
	}
}

func jsonType(v any) string {
	switch v := v.(type) {
	case bool:
		return "boolean"
	case string:
		return "string"
	case float64:
		if v == float64(int64(v)) {
			return "integer"
		}
		return "number"
	case []any:
		return "array"
	case map[string]any:
		return "object"
	}
	return "null"
}

// validate checks v against the subset of JSON Schema settings.schema.json
// uses: type, properties, additionalProperties, enum, minimum, maximum.
func validate(t *testing.T, where string, v any, schema map[string]any) {
	t.Helper()
	if typ, ok := schema["type"].(string); ok {
		got := jsonType(v)
		if got != typ && !(typ == "number" && got == "integer") {
			t.Errorf("%s: %s, want %s", where, got, typ)
			return
		}
	}
	if enum, ok := schema["enum"].([]any); ok {
		found := false
		for _, e := range enum {
			found = found || reflect.DeepEqual(e, v)
		}
		if !found {
			t.Errorf("%s: %v is not one of %v", where, v, enum)
		}
	}
	if n, ok := v.(float64); ok {
		if min, ok := schema["minimum"].(float64); ok && n < min {
			t.Errorf("%s: %v below %v", where, n, min)
		}
		if max, ok := schema["maximum"].(float64); ok && n > max {
			t.Errorf("%s: %v above %v", where, n, max)
		}
	}
	obj, ok := v.(map[string]any)
	if !ok {
		return
	}
	props, _ := schema["properties"].(map[string]any)
	for k, sub := range obj {
		if p, ok := props[k].(map[string]any); ok {
			validate(t, where+"."+k, sub, p)
			continue
		}
		switch extra := schema["additionalProperties"].(type) {
		case bool:
			if !extra {
				t.Errorf("%s: unknown key %q", where, k)
			}
		case map[string]any:
			validate(t, where+"."+k, sub, extra)
		}
	}
}

func TestSettingsMatchTheirSchema(t *testing.T) {
	schema := load(t, "settings.schema.json")
	settings := load(t, "settings.json")
	validate(t, "settings.json", settings, schema)
	// The schema's defaults are the server's; settings.json spells them out.
	section := schema["properties"].(map[string]any)["asyncsense"].(map[string]any)["properties"].(map[string]any)
	got := settings["asyncsense"].(map[string]any)
	var keys []string
	for k := range section {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		def, hasDefault := section[k].(map[string]any)["default"]
		if hasDefault && !reflect.DeepEqual(got[k], def) {
			t.Errorf("settings.json asyncsense.%s = %v, schema default %v", k, got[k], def)
		}
	}
	// initializationOptions.json carries the same values for the first analysis.
	validate(t, "initializationOptions.json", load(t, "initializationOptions.json"), section0(schema))
	for k, v := range load(t, "initializationOptions.json") {
		if !reflect.DeepEqual(got[k], v) {
			t.Errorf("initializationOptions.json %s = %v, settings.json says %v", k, v, got[k])
		}
	}
}

func section0(schema map[string]any) map[string]any {
	return schema["properties"].(map[string]any)["asyncsense"].(map[string]any)
}

// The command the template names starts a real server that accepts the
// template's initializationOptions and settings without a warning.
func TestCommandStartsServer(t *testing.T) {
	args := load(t, "template.json")["programArgs"].(map[string]any)
	inner := func(cmdline string) []string {
		argv, err := lspcheck.Fields(cmdline)
		if err != nil {
			t.Fatal(err)
		}
		// `sh -c "..."` hands a GUI-started IDE the login PATH's lookup.
		if len(argv) == 3 && argv[0] == "sh" && argv[1] == "-c" {
			if argv, err = lspcheck.Fields(argv[2]); err != nil {
				t.Fatal(err)
			}
		}
		return argv
	}
	want := []string{"asyncsense", "serve"}
	for platform, cmdline := range args {
		got := inner(cmdline.(string))
		if len(got) > 0 {
			got[0] = strings.TrimSuffix(got[0], ".exe")
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("programArgs.%s runs %q, want %q", platform, got, want)
		}
	}
	if runtime.GOOS == "windows" {
		t.Skip("programArgs.default is a POSIX shell command")
	}
	argv, err := lspcheck.Fields(args["default"].(string))
	if err != nil {
		t.Fatal(err)
	}
	initOptions, err := os.ReadFile("initializationOptions.json")
	if err != nil {
		t.Fatal(err)
	}
	settings, err := os.ReadFile("settings.json")
	if err != nil {
		t.Fatal(err)
	}
	s := lspcheck.Run(t, lspcheck.Binary(t), argv, initOptions, settings)
	if s.ServerName != "asyncsense" {
		t.Errorf("serverInfo.name = %q", s.ServerName)
	}
}
