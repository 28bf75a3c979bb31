// Anchor case from meziantou/Meziantou.Analyzer (tests/Meziantou.Analyzer.Test/Rules/DoNotUseBlockingCallInAsyncContextAnalyzerTests.cs), test GenericMethod_SameConstraints_Diagnostic.
// anchor: MA0042 flagged
// Third-party test data under its project's licence: see ../../NOTICE.
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

interface IMark1 { }
interface IMark2 { }

class Mark : IMark1, IMark2 { }

class Test
{
    public void A<T>(int i, List<T> test) where T : class, IMark1, IMark2 => throw null;
    public Task AAsync<T>(int i, List<T> test, CancellationToken token = default) where T : class, IMark1, IMark2 => throw null;
}

class Demo
{
    public async Task M()
    {
        new Test().A<Mark>(1, new List<Mark>()); // want ASY006
    }
}
