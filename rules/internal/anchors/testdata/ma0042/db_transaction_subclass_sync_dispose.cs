// Anchor case from meziantou/Meziantou.Analyzer (tests/Meziantou.Analyzer.Test/Rules/DoNotUseBlockingCallInAsyncContextAnalyzerTests.cs), test UsingNewDbTransactionSubclass_NoDisposeAsyncOverride_NoDiagnostic.
// anchor: MA0042 clean
// Third-party test data under its project's licence: see ../../NOTICE.
using System.Data;
using System.Data.Common;
using System.Threading.Tasks;

class Test
{
    public async Task A()
    {
        using var transaction = new MyDbTransaction();
    }
}

class MyDbTransaction : DbTransaction
{
    protected override DbConnection DbConnection => throw null;
    public override IsolationLevel IsolationLevel => throw null;
    public override void Commit() => throw null;
    public override void Rollback() => throw null;
}
