package lsp_test

import (
	"strings"
	"testing"
	"time"

	"go.lsp.dev/protocol"

	"github.com/asyncsense/asyncsense/explain"
	"github.com/asyncsense/asyncsense/lsp"
)

const topicsDoc = "using System.Threading;\n" +
	"using System.Threading.Tasks;\n" +
	"\n" +
	"public class Reports\n" +
	"{\n" +
	"    public Task<int> CountAsync() => Task.FromResult(1);\n" +
	"\n" +
	"    public async Task<int> BuildAsync(CancellationToken ct)\n" +
	"    {\n" +
	"        var n = await CountAsync().ConfigureAwait(false);\n" +
	"        var m = await Task.Run(() => n * 2, ct);\n" +
	"        return m;\n" +
	"    }\n" +
	"\n" +
	"    public int Peek() => CountAsync().Result;\n" +
	"}\n"

// Hovering async keywords and APIs shows their topic; on a finding the
// rule's explanation comes first and the API's topic follows it.
func TestHoverShowsTopics(t *testing.T) {
	c := start(t, lsp.Options{})
	c.initialize("", nil)
	uri := protocol.DocumentURI("file:///work/shop/Reports.cs")
	c.open(uri, "csharp", topicsDoc)
	c.waitDiagnostics(uri, 5*time.Second, func(p *protocol.PublishDiagnosticsParams) bool { return len(p.Diagnostics) > 0 })

	cases := []struct {
		at, topic string
		offset    uint32
		rule      string
	}{
		{at: "await CountAsync()", topic: "await", offset: 2},
		{at: "ConfigureAwait(false)", topic: "configureawait", offset: 3},
		{at: "Run(() =>", topic: "task-run", offset: 1},
		{at: "Task<int> BuildAsync", topic: "task", offset: 1},
		{at: "CancellationToken ct", topic: "cancellationtoken", offset: 4},
		{at: "Result;", topic: "result-wait", offset: 2, rule: "ASY001"},
	}
	for _, tc := range cases {
		doc, ok := explain.Lookup(tc.topic)
		if !ok {
			t.Fatalf("no topic %q", tc.topic)
		}
		pos := locate(t, topicsDoc, tc.at)
		h := c.hover(uri, pos.Line, pos.Character+tc.offset)
		if h == nil {
			t.Errorf("hover on %q: null, want the %s topic", tc.at, tc.topic)
			continue
		}
		text := h.Contents.Value
		if !strings.Contains(text, doc.Title) {
			t.Errorf("hover on %q does not show the %s topic (%q):\n%s", tc.at, tc.topic, doc.Title, text)
		}
		if tc.rule != "" {
			ruleAt, topicAt := strings.Index(text, tc.rule), strings.Index(text, doc.Title)
			if ruleAt < 0 || ruleAt > topicAt {
				t.Errorf("hover on %q: want %s's explanation before the topic:\n%s", tc.at, tc.rule, text)
			}
		}
	}
}
