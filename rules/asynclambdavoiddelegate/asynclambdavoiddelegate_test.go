package asynclambdavoiddelegate_test

import (
	"testing"

	"github.com/asyncsense/asyncsense/rules/asynclambdavoiddelegate"
	"github.com/asyncsense/asyncsense/rules/ruletest"
	"github.com/asyncsense/asyncsense/syntax"
)

func TestFixtures(t *testing.T) {
	flagged, clean := ruletest.Run(t, asynclambdavoiddelegate.Analyzer, "testdata")
	goldens := ruletest.Goldens(t, asynclambdavoiddelegate.Analyzer, "testdata")
	t.Log(ruletest.Stats(asynclambdavoiddelegate.Analyzer, flagged, clean, goldens))
}

func TestDoc(t *testing.T) { ruletest.Doc(t, asynclambdavoiddelegate.Analyzer) }

// A project that declares its own ForEach (here one taking Func<T, Task>)
// makes `.ForEach` on a receiver of unknown type undecidable: stay silent.
func TestWorkspaceForEachSilencesFallback(t *testing.T) {
	ext := syntax.Parse("ext.cs", []byte(`
public static class EnumerableExtensions
{
    public static async Task ForEach<T>(this IEnumerable<T> source, Func<T, Task> body)
    {
        foreach (var item in source) await body(item);
    }
}`))
	src := []byte(`
class C
{
    async Task M(Repo repo)
    {
        await repo.Items().ForEach(async x => await x.SaveAsync());
    }
}`)
	if _, diags := ruletest.Analyze(asynclambdavoiddelegate.Analyzer, "c.cs", src, ext); len(diags) != 0 {
		t.Errorf("flagged a call the workspace's own ForEach may serve: %s", diags[0].Message)
	}
	if _, diags := ruletest.Analyze(asynclambdavoiddelegate.Analyzer, "c.cs", src); len(diags) != 1 {
		t.Errorf("without a workspace ForEach the call should be flagged once, got %d", len(diags))
	}
}
