// Anchor case from microsoft/vs-threading (test/Microsoft.VisualStudio.Threading.Analyzers.Tests/VSTHRD114AvoidReturningNullTaskAnalyzerTests.cs), test AsyncAnonymousDelegateReturnsNull_NoDiagnostic.
// anchor: VSTHRD114 clean
// Third-party test data under its project's licence: see ../../NOTICE.
using System.Threading.Tasks;

class Test
{
    public Task Foo()
    {
        return Task.Run<object>(async delegate
        {
            return null;
        });
    }
}
