// Anchor case from microsoft/vs-threading (test/Microsoft.VisualStudio.Threading.Analyzers.Tests/VSTHRD114AvoidReturningNullTaskAnalyzerTests.cs), test NullInTernary_NoDiagnostic_FalseNegative.
// anchor: VSTHRD114 clean
// Third-party test data under its project's licence: see ../../NOTICE.
// verdict: the anchor names this test _FalseNegative: its silence is a known gap, and both branches are null tasks
using System.Threading.Tasks;

class Test
{
    public Task<object> GetTaskObj(bool b)
    {
        return b ? default(Task<object>) : null;
    }
}
