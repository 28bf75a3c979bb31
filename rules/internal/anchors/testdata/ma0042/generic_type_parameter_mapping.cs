// Anchor case from meziantou/Meziantou.Analyzer (tests/Meziantou.Analyzer.Test/Rules/DoNotUseBlockingCallInAsyncContextAnalyzerTests.cs), test GenericArgument_SameOriginalDefinitionButDifferentTypeParameterMapping_ShouldNotReport.
// anchor: MA0042 clean
// Third-party test data under its project's licence: see ../../NOTICE.
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

class Test
{
    public void A<T1, T2>(Dictionary<T1, T2> value) => throw null;
    public Task AAsync<T>(Dictionary<T, T> value, CancellationToken token = default) => throw null;
}

class Demo
{
    public async Task M()
    {
        new Test().A<int, string>(new Dictionary<int, string>());
    }
}
