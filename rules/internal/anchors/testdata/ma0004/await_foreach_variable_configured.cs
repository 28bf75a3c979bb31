// Anchor case from meziantou/Meziantou.Analyzer (tests/Meziantou.Analyzer.Test/Rules/UseConfigureAwaitAnalyzerTests.cs), test AwaitForEach_VariableAlreadyAwaited.
// anchor: MA0004 clean
// Third-party test data under its project's licence: see ../../NOTICE.
using System.Collections.Generic;
using System.Threading.Tasks;
class ClassTest
{
    async Task Test()
    {
        IAsyncEnumerable<int> Enumerable() => throw null;

        var temp = Enumerable().ConfigureAwait(false);
        await foreach(var item in temp)
        {
        }
    }
}
