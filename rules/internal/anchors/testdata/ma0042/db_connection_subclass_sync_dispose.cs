// Anchor case from meziantou/Meziantou.Analyzer (tests/Meziantou.Analyzer.Test/Rules/DoNotUseBlockingCallInAsyncContextAnalyzerTests.cs), test UsingNewDbConnectionSubclass_NoDisposeAsyncOverride_NoDiagnostic.
// anchor: MA0042 clean
// Third-party test data under its project's licence: see ../../NOTICE.
using System.Data;
using System.Data.Common;
using System.Threading.Tasks;

class Test
{
    public async Task A()
    {
        using var conn = new MySqlConnection();
    }
}

class MySqlConnection : DbConnection
{
    protected override DbTransaction BeginDbTransaction(IsolationLevel isolationLevel) => throw null;
    protected override DbCommand CreateDbCommand() => throw null;
    public override void ChangeDatabase(string databaseName) => throw null;
    public override void Close() => throw null;
    public override void Open() => throw null;
    public override string ConnectionString { get => throw null; set => throw null; }
    public override string Database => throw null;
    public override string DataSource => throw null;
    public override string ServerVersion => throw null;
    public override ConnectionState State => throw null;
}
