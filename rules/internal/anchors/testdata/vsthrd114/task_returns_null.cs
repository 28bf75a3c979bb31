// Anchor case from microsoft/vs-threading (test/Microsoft.VisualStudio.Threading.Analyzers.Tests/VSTHRD114AvoidReturningNullTaskAnalyzerTests.cs), test TaskReturnsNull_Diagnostic.
// anchor: VSTHRD114 flagged
// Third-party test data under its project's licence: see ../../NOTICE.
using System.Threading.Tasks;

class Test
{
    public Task GetTask()
    {
        return null; // want ASY014
    }
}
