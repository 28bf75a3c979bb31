// Anchor case from meziantou/Meziantou.Analyzer (tests/Meziantou.Analyzer.Test/Rules/DoNotUseBlockingCallInAsyncContextAnalyzerTests.cs), test TemporaryDirectory_InNonTestProject_Diagnostic.
// anchor: MA0042 flagged
// Third-party test data under its project's licence: see ../../NOTICE.
using System.Threading.Tasks;
using Meziantou.Framework;

namespace Meziantou.Framework
{
    public class TemporaryDirectory
    {
        public void CreateTextFile(string path, string content) { }
        public Task CreateTextFileAsync(string path, string content) => Task.CompletedTask;
    }
}

class Test
{
    public async Task A()
    {
        var dir = new TemporaryDirectory();
        dir.CreateTextFile("test.txt", "content"); // want ASY006
    }
}
