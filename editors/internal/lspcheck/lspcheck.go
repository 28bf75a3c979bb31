// Package lspcheck lets the tests of editor configurations that cannot be
// driven here (Rider, Helix) prove the command line they ship starts a real
// asyncsense language server that accepts their settings.
package lspcheck

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// Binary returns an asyncsense binary: $ASYNCSENSE when set, else one built
// from this checkout into a temporary directory.
func Binary(t *testing.T) string {
	t.Helper()
	if p := os.Getenv("ASYNCSENSE"); p != "" {
		abs, err := filepath.Abs(p)
		if err != nil {
			t.Fatal(err)
		}
		return abs
	}
	out := filepath.Join(t.TempDir(), "asyncsense")
	cmd := exec.Command("go", "build", "-o", out, "github.com/asyncsense/asyncsense/cmd/asyncsense")
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, msg)
	}
	return out
}

// Session is what one run of the server showed.
type Session struct {
	ServerName string // initialize result's serverInfo.name
	Stderr     string // the server's log
}

// Run starts argv with the binary's directory first on PATH, as an editor
// would find `asyncsense` there, and talks LSP over its stdio: initialize
// (with initOptions), initialized, workspace/didChangeConfiguration (when
// settings is not nil), shutdown, exit. It fails the test unless the server
// answers, exits with status 0 and logs no warning or error: a setting the
// server rejects is logged as a warning.
func Run(t *testing.T, binary string, argv []string, initOptions, settings json.RawMessage) Session {
	t.Helper()
	path := filepath.Dir(binary) + string(os.PathListSeparator) + os.Getenv("PATH")
	cmd := exec.Command(lookPath(t, argv[0], path), argv[1:]...)
	cmd.Args[0] = argv[0]
	cmd.Env = append(os.Environ(), "PATH="+path, "XDG_CACHE_HOME="+t.TempDir())
	cmd.Dir = t.TempDir()
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatalf("starting %q: %v", argv, err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	c := &conn{in: stdin, replies: map[int]chan json.RawMessage{}}
	go c.read(bufio.NewReader(stdout))
	defer func() {
		_ = cmd.Process.Kill()
	}()

	if len(initOptions) == 0 {
		initOptions = json.RawMessage("null")
	}
	var init struct {
		ServerInfo struct{ Name string } `json:"serverInfo"`
	}
	c.call(t, "initialize", map[string]any{
		"processId": os.Getpid(), "rootUri": nil, "capabilities": map[string]any{},
		"initializationOptions": initOptions,
	}, &init)
	c.notify(t, "initialized", map[string]any{})
	if settings != nil {
		c.notify(t, "workspace/didChangeConfiguration", map[string]any{"settings": settings})
	}
	c.call(t, "shutdown", nil, nil)
	c.notify(t, "exit", nil)
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("%q exited with %v; log:\n%s", argv, err, stderr.String())
		}
	case <-time.After(10 * time.Second):
		t.Fatalf("%q still running 10 s after exit; log:\n%s", argv, stderr.String())
	}
	for _, line := range strings.Split(stderr.String(), "\n") {
		if strings.Contains(line, "level=WARN") || strings.Contains(line, "level=ERROR") {
			t.Errorf("server logged: %s", line)
		}
	}
	return Session{ServerName: init.ServerInfo.Name, Stderr: stderr.String()}
}

// lookPath finds name the way the editor's process would, on path rather
// than on the test's own PATH.
func lookPath(t *testing.T, name, path string) string {
	t.Helper()
	if strings.ContainsRune(name, filepath.Separator) {
		return name
	}
	for _, dir := range filepath.SplitList(path) {
		p := filepath.Join(dir, name)
		if fi, err := os.Stat(p); err == nil && !fi.IsDir() && fi.Mode()&0o111 != 0 {
			return p
		}
	}
	t.Fatalf("%s: not found on %s", name, path)
	return ""
}

type conn struct {
	in      io.Writer
	mu      sync.Mutex
	nextID  int
	replies map[int]chan json.RawMessage
}

type message struct {
	ID     json.RawMessage `json:"id,omitempty"`
	Method string          `json:"method,omitempty"`
	Result json.RawMessage `json:"result,omitempty"`
	Error  json.RawMessage `json:"error,omitempty"`
}

func (c *conn) write(v any) error {
	body, err := json.Marshal(v)
	if err != nil {
		return err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	_, err = fmt.Fprintf(c.in, "Content-Length: %d\r\n\r\n%s", len(body), body)
	return err
}

func (c *conn) notify(t *testing.T, method string, params any) {
	t.Helper()
	if err := c.write(map[string]any{"jsonrpc": "2.0", "method": method, "params": params}); err != nil {
		t.Fatalf("%s: %v", method, err)
	}
}

func (c *conn) call(t *testing.T, method string, params, result any) {
	t.Helper()
	c.mu.Lock()
	c.nextID++
	id := c.nextID
	ch := make(chan json.RawMessage, 1)
	c.replies[id] = ch
	c.mu.Unlock()
	if err := c.write(map[string]any{"jsonrpc": "2.0", "id": id, "method": method, "params": params}); err != nil {
		t.Fatalf("%s: %v", method, err)
	}
	select {
	case raw, ok := <-ch:
		if !ok {
			t.Fatalf("%s: the server closed its output", method)
		}
		var m message
		_ = json.Unmarshal(raw, &m)
		if len(m.Error) > 0 {
			t.Fatalf("%s: %s", method, m.Error)
		}
		if result != nil {
			if err := json.Unmarshal(m.Result, result); err != nil {
				t.Fatalf("%s result: %v", method, err)
			}
		}
	case <-time.After(10 * time.Second):
		t.Fatalf("%s: no answer in 10 s", method)
	}
}

// read routes responses to their callers and answers the server's own
// requests with null, which is what a client without the feature says.
func (c *conn) read(r *bufio.Reader) {
	defer func() {
		c.mu.Lock()
		for id, ch := range c.replies {
			close(ch)
			delete(c.replies, id)
		}
		c.mu.Unlock()
	}()
	for {
		length := -1
		for {
			line, err := r.ReadString('\n')
			if err != nil {
				return
			}
			line = strings.TrimSpace(line)
			if line == "" {
				break
			}
			if v, ok := strings.CutPrefix(line, "Content-Length:"); ok {
				length, _ = strconv.Atoi(strings.TrimSpace(v))
			}
		}
		if length < 0 {
			return
		}
		body := make([]byte, length)
		if _, err := io.ReadFull(r, body); err != nil {
			return
		}
		var m message
		if json.Unmarshal(body, &m) != nil || len(m.ID) == 0 {
			continue
		}
		if m.Method != "" {
			_ = c.write(map[string]any{"jsonrpc": "2.0", "id": m.ID, "result": nil})
			continue
		}
		id, err := strconv.Atoi(string(m.ID))
		if err != nil {
			continue
		}
		c.mu.Lock()
		ch := c.replies[id]
		delete(c.replies, id)
		c.mu.Unlock()
		if ch != nil {
			ch <- body
		}
	}
}

// Fields splits a command line the way a POSIX shell would for plain words
// and double-quoted strings with backslash escapes, which is all the shipped
// configurations use.
func Fields(cmdline string) ([]string, error) {
	var out []string
	var cur strings.Builder
	inWord, quoted := false, false
	for i := 0; i < len(cmdline); i++ {
		ch := cmdline[i]
		switch {
		case quoted && ch == '\\' && i+1 < len(cmdline) && strings.IndexByte(`"\$`+"`", cmdline[i+1]) >= 0:
			i++
			cur.WriteByte(cmdline[i])
		case ch == '"':
			quoted, inWord = !quoted, true
		case !quoted && (ch == ' ' || ch == '\t'):
			if inWord {
				out = append(out, cur.String())
				cur.Reset()
				inWord = false
			}
		case !quoted && strings.IndexByte(`'\$|&;<>()`+"`", ch) >= 0:
			return nil, fmt.Errorf("%q: unsupported shell syntax %q", cmdline, ch)
		default:
			cur.WriteByte(ch)
			inWord = true
		}
	}
	if quoted {
		return nil, fmt.Errorf("%q: unterminated quote", cmdline)
	}
	if inWord {
		out = append(out, cur.String())
	}
	return out, nil
}
