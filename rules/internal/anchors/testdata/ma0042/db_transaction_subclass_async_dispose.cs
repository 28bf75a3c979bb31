// Anchor case from meziantou/Meziantou.Analyzer (tests/Meziantou.Analyzer.Test/Rules/DoNotUseBlockingCallInAsyncContextAnalyzerTests.cs), test UsingNewDbTransactionSubclass_WithDisposeAsyncOverride_Diagnostic.
// anchor: MA0042 flagged
// Third-party test data under its project's licence: see ../../NOTICE.
using System.Data;
using System.Data.Common;
using System.Threading.Tasks;

class Test
{
    public async Task A()
    {
        using var transaction1 = new MyDbTransaction(); // want ASY020
        using var transaction2 = new DerivedDbTransaction(); // want ASY020
    }
}

class MyDbTransaction : DbTransaction
{
    protected override DbConnection DbConnection => throw null;
    public override IsolationLevel IsolationLevel => throw null;
    public override void Commit() => throw null;
    public override void Rollback() => throw null;
    public override ValueTask DisposeAsync() => throw null;
}

class DerivedDbTransaction : MyDbTransaction { }
