// Anchor case from meziantou/Meziantou.Analyzer (tests/Meziantou.Analyzer.Test/Rules/DoNotUseBlockingCallInAsyncContextAnalyzerTests.cs), test ExtensionMethod_GenericArgumentsIncompatible_ShouldNotReport.
// anchor: MA0042 clean
// Third-party test data under its project's licence: see ../../NOTICE.
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

class Test
{
}

static class TestExtensions
{
    public static void A(this Test test, List<int> a, List<string> b) => throw null;
    public static Task AAsync<T>(this Test test, List<T> a, List<T> b, CancellationToken token = default) => throw null;
}

class Demo
{
    public async Task M()
    {
        new Test().A(new List<int>(), new List<string>());
    }
}
