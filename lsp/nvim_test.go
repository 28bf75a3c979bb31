package lsp_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// TestNeovim runs the headless Neovim end-to-end test in editors/nvim
// (diagnostic -> hover -> code action applied -> diagnostic cleared ->
// clean stop) against a freshly built `asyncsense serve`. Without nvim it
// skips, except under CI=true, where a missing editor is a failure:
// .ci/run installs it (apt-get install -y neovim).
func TestNeovim(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and starts Neovim")
	}
	if _, err := exec.LookPath("nvim"); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("nvim is not installed (apt-get install -y neovim)")
		}
		t.Skip("nvim is not installed")
	}
	script, err := filepath.Abs(filepath.Join("..", "editors", "nvim", "test", "run.sh"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(script); err != nil {
		t.Fatalf("the Neovim test script is missing: %v", err)
	}
	bin := filepath.Join(t.TempDir(), "asyncsense")
	build := exec.Command("go", "build", "-o", bin, "../cmd/asyncsense")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	cmd := exec.Command("bash", script)
	cmd.Env = append(os.Environ(), "ASYNCSENSE="+bin)
	out, err := cmd.CombinedOutput()
	t.Logf("%s", out)
	if err != nil {
		t.Fatalf("the Neovim end-to-end test failed: %v", err)
	}
}
