package lsp_test

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"go.lsp.dev/protocol"

	"github.com/asyncsense/asyncsense/lsp"
)

const repoCS = `using System.Threading.Tasks;

namespace Shop
{
    public class Repo
    {
        public Task<int> LoadAsync(int id) => Task.FromResult(id);
    }
}
`

// serviceCS blocks on Repo.LoadAsync, declared in another file: only the
// workspace index tells that it returns a task.
const serviceCS = `namespace Shop
{
    public class Service
    {
        private readonly Repo _repo = new Repo();

        public int Get(int id)
        {
            return _repo.LoadAsync(id).Result;
        }
    }
}
`

func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, text := range files {
		p := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func workspaceCaps() string {
	return `{"window":{"workDoneProgress":true},"workspace":{"didChangeWatchedFiles":{"dynamicRegistration":true},"configuration":true}}`
}

func (c *client) initializeWorkspace(root string, initOptions any) {
	c.t.Helper()
	params := map[string]any{
		"processId": nil, "rootUri": fileURI(root),
		"workspaceFolders": []map[string]string{{"uri": string(fileURI(root)), "name": "ws"}},
		"capabilities":     json.RawMessage(workspaceCaps()), "initializationOptions": initOptions,
	}
	var result map[string]any
	if _, err := c.conn.Call(context.Background(), "initialize", params, &result); err != nil {
		c.t.Fatal(err)
	}
	if err := c.server.Initialized(context.Background(), &protocol.InitializedParams{}); err != nil {
		c.t.Fatal(err)
	}
}

func TestWorkspaceIndexAndScope(t *testing.T) {
	root := t.TempDir()
	writeFiles(t, root, map[string]string{
		"src/Repo.cs": repoCS, "src/Service.cs": serviceCS,
		"obj/Debug/Service.g.cs": serviceCS, // build output: never indexed
	})
	cache := t.TempDir()
	c := start(t, lsp.Options{CacheDir: cache})
	c.initializeWorkspace(root, nil)

	// Workspace scope (the default): the closed Service.cs gets its finding
	// once the index knows Repo.LoadAsync.
	service := fileURI(filepath.Join(root, "src", "Service.cs"))
	p := c.waitDiagnostics(service, 10*time.Second, hasFindings)
	if ruleCodes(p) != "ASY001" {
		t.Fatalf("closed-file findings = %s", ruleCodes(p))
	}
	c.mu.Lock()
	progress, regs := strings.Join(c.progress, "\n"), strings.Join(c.regs, ",")
	c.mu.Unlock()
	if !strings.Contains(progress, `"kind":"begin"`) || !strings.Contains(progress, `"kind":"end"`) {
		t.Errorf("no work-done progress:\n%s", progress)
	}
	if !strings.Contains(regs, "workspace/didChangeWatchedFiles") {
		t.Errorf("no file watcher registered: %q", regs)
	}
	c.waitLog("indexed workspace files=2 parsed=2 cached=0")

	// Changing the declaration in an open buffer re-analyses its dependents.
	repo := fileURI(filepath.Join(root, "src", "Repo.cs"))
	c.open(repo, "csharp", repoCS)
	edited := strings.Replace(repoCS, "public Task<int> LoadAsync(int id) => Task.FromResult(id);", "public int LoadAsync(int id) => id;", 1)
	c.change(repo, 2, change{text: edited})
	c.waitDiagnostics(service, 10*time.Second, func(p *protocol.PublishDiagnosticsParams) bool { return len(p.Diagnostics) == 0 })

	// Files changed on disk arrive through the watcher.
	extra := filepath.Join(root, "src", "Extra.cs")
	writeFiles(t, root, map[string]string{"src/Extra.cs": strings.ReplaceAll(serviceCS, "Service", "Extra")})
	c.server.DidChangeWatchedFiles(context.Background(), &protocol.DidChangeWatchedFilesParams{Changes: []*protocol.FileEvent{
		{URI: protocol.DocumentURI(fileURI(extra)), Type: protocol.FileChangeTypeCreated},
	}})
	c.change(repo, 3, change{text: repoCS}) // LoadAsync returns a task again
	c.waitDiagnostics(fileURI(extra), 10*time.Second, hasFindings)
	os.Remove(extra)
	c.server.DidChangeWatchedFiles(context.Background(), &protocol.DidChangeWatchedFilesParams{Changes: []*protocol.FileEvent{
		{URI: protocol.DocumentURI(fileURI(extra)), Type: protocol.FileChangeTypeDeleted},
	}})
	c.waitDiagnostics(fileURI(extra), 10*time.Second, func(p *protocol.PublishDiagnosticsParams) bool { return len(p.Diagnostics) == 0 })

	// Switching to openFiles clears every closed file's findings.
	c.mu.Lock()
	c.settings = map[string]any{"diagnostics": map[string]any{"scope": "openFiles"}}
	c.mu.Unlock()
	c.server.DidChangeConfiguration(context.Background(), &protocol.DidChangeConfigurationParams{})
	c.waitDiagnostics(service, 10*time.Second, func(p *protocol.PublishDiagnosticsParams) bool { return len(p.Diagnostics) == 0 })

	// A second server on the same workspace takes every fact from the cache.
	c2 := start(t, lsp.Options{CacheDir: cache})
	c2.initializeWorkspace(root, nil)
	c2.waitLog("indexed workspace files=2 parsed=0 cached=2")
}

func TestOpenFilesScope(t *testing.T) {
	root := t.TempDir()
	writeFiles(t, root, map[string]string{"Repo.cs": repoCS, "Service.cs": serviceCS})
	c := start(t, lsp.Options{})
	c.initializeWorkspace(root, map[string]any{"diagnostics": map[string]any{"scope": "openFiles"}})
	c.waitLog("indexed workspace")
	service := fileURI(filepath.Join(root, "Service.cs"))
	c.open(service, "csharp", serviceCS)
	c.waitDiagnostics(service, 10*time.Second, hasFindings) // the index still resolves Repo
	c.server.DidClose(context.Background(), &protocol.DidCloseTextDocumentParams{TextDocument: protocol.TextDocumentIdentifier{URI: service}})
	c.waitDiagnostics(service, 10*time.Second, func(p *protocol.PublishDiagnosticsParams) bool { return len(p.Diagnostics) == 0 })
}

// TestIndexLargeWorkspace generates a workspace and reports what indexing
// it costs; run with -v to see the numbers.
func TestIndexLargeWorkspace(t *testing.T) {
	if testing.Short() {
		t.Skip("generates and indexes a large workspace")
	}
	files := 400
	if n := os.Getenv("ASYNCSENSE_INDEX_FILES"); n != "" {
		fmt.Sscan(n, &files)
	}
	root := t.TempDir()
	text, _ := bigFile(250)
	var bytes int
	for i := range files {
		src := strings.ReplaceAll(text, "namespace Big.Services", fmt.Sprintf("namespace Big.Services%d", i))
		bytes += len(src)
		writeFiles(t, root, map[string]string{fmt.Sprintf("p%d/F%d.cs", i%20, i): src})
	}
	scope := "openFiles"
	if os.Getenv("ASYNCSENSE_INDEX_SCOPE") != "" {
		scope = os.Getenv("ASYNCSENSE_INDEX_SCOPE")
	}
	cache := t.TempDir()
	for _, want := range []string{fmt.Sprintf("parsed=%d cached=0", files), fmt.Sprintf("parsed=0 cached=%d", files)} {
		c := start(t, lsp.Options{CacheDir: cache})
		t0 := time.Now()
		c.initializeWorkspace(root, map[string]any{"diagnostics": map[string]any{"scope": scope}})
		c.waitLogWithin(fmt.Sprintf("indexed workspace files=%d %s", files, want), 10*time.Minute)
		if scope == "workspace" {
			c.waitLogWithin("analysed closed files", 30*time.Minute)
		}
		t.Logf("indexed %d files, %.1f MB in %v", files, float64(bytes)/1e6, time.Since(t0).Round(time.Millisecond))
		for _, line := range strings.Split(c.logText(), "\n") {
			if strings.Contains(line, "indexed workspace") || strings.Contains(line, "analysed closed files") {
				t.Log(line)
			}
		}
		c.conn.Close()
	}
}
