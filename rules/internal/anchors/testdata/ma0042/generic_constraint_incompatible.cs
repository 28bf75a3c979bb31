// Anchor case from meziantou/Meziantou.Analyzer (tests/Meziantou.Analyzer.Test/Rules/DoNotUseBlockingCallInAsyncContextAnalyzerTests.cs), test GenericArgument_AsyncConstraintIncompatible_ShouldNotReport.
// anchor: MA0042 clean
// Third-party test data under its project's licence: see ../../NOTICE.
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

class Test
{
    public void A<T>(List<T> value) => throw null;
    public Task AAsync<T>(List<T> value, CancellationToken token = default)
        where T : class => throw null;
}

class Demo
{
    public async Task M()
    {
        new Test().A<int>(new List<int>());
    }
}
