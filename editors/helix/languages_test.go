package helix

import (
	"encoding/json"
	"reflect"
	"testing"

	"github.com/BurntSushi/toml"

	"github.com/asyncsense/asyncsense/editors/internal/lspcheck"
)

// Helix's own C# servers, in order: the c-sharp entry of languages.toml in
// helix-editor/helix (master at 0003a117). A user's language-servers list
// replaces this one, so ours has to repeat it.
var helixDefault = []string{"roslyn-language-server", "omnisharp", "csharp-ls"}

// The keys Helix reads, from its LanguageServerConfiguration and
// LanguageConfiguration; toml reports any other key as undecoded.
type config struct {
	LanguageServer map[string]struct {
		Command              string            `toml:"command"`
		Args                 []string          `toml:"args"`
		Config               map[string]any    `toml:"config"`
		Timeout              int               `toml:"timeout"`
		Environment          map[string]string `toml:"environment"`
		RequiredRootPatterns []string          `toml:"required-root-patterns"`
	} `toml:"language-server"`
	Language []struct {
		Name            string `toml:"name"`
		LanguageServers []any  `toml:"language-servers"`
	} `toml:"language"`
}

func load(t *testing.T) config {
	t.Helper()
	var c config
	md, err := toml.DecodeFile("languages.toml", &c)
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range md.Undecoded() {
		// Everything under `config` is the server's, not Helix's.
		if len(k) > 2 && k[0] == "language-server" && k[2] == "config" {
			continue
		}
		t.Errorf("languages.toml: key %s is not one this test knows Helix reads", k)
	}
	return c
}

func TestCSharpKeepsTheDefaultServers(t *testing.T) {
	c := load(t)
	if len(c.Language) != 1 || c.Language[0].Name != "c-sharp" {
		t.Fatalf("want exactly one [[language]], named c-sharp; got %+v", c.Language)
	}
	var names []string
	for _, s := range c.Language[0].LanguageServers {
		name, ok := s.(string)
		if !ok {
			t.Fatalf("language-servers entry %v: want a server name", s)
		}
		names = append(names, name)
	}
	want := append(append([]string{}, helixDefault...), "asyncsense")
	if !reflect.DeepEqual(names, want) {
		t.Errorf("c-sharp language-servers = %q, want %q", names, want)
	}
}

// The server table starts a real server that takes its config, both as
// initializationOptions and as the payload of didChangeConfiguration, without
// a warning.
func TestServerTableStartsServer(t *testing.T) {
	ls, ok := load(t).LanguageServer["asyncsense"]
	if !ok {
		t.Fatal("no [language-server.asyncsense]")
	}
	if ls.Command != "asyncsense" || !reflect.DeepEqual(ls.Args, []string{"serve"}) {
		t.Fatalf("command %q args %q, want asyncsense [serve]", ls.Command, ls.Args)
	}
	section, ok := ls.Config["asyncsense"].(map[string]any)
	if !ok || section["configureAwait"] != "off" || section["debounce"] != int64(50) {
		t.Errorf("config.asyncsense = %v, want the server's defaults spelled out", ls.Config["asyncsense"])
	}
	cfg, err := json.Marshal(ls.Config)
	if err != nil {
		t.Fatal(err)
	}
	s := lspcheck.Run(t, lspcheck.Binary(t), append([]string{ls.Command}, ls.Args...), cfg, cfg)
	if s.ServerName != "asyncsense" {
		t.Errorf("serverInfo.name = %q", s.ServerName)
	}
}
