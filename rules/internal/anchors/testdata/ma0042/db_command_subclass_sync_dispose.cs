// Anchor case from meziantou/Meziantou.Analyzer (tests/Meziantou.Analyzer.Test/Rules/DoNotUseBlockingCallInAsyncContextAnalyzerTests.cs), test UsingNewDbCommandSubclass_NoDisposeAsyncOverride_NoDiagnostic.
// anchor: MA0042 clean
// Third-party test data under its project's licence: see ../../NOTICE.
using System.Data;
using System.Data.Common;
using System.Threading.Tasks;

class Test
{
    public async Task A()
    {
        using var command = new MyDbCommand();
    }
}

class MyDbCommand : DbCommand
{
    public override string CommandText { get => throw null; set => throw null; }
    public override int CommandTimeout { get => throw null; set => throw null; }
    public override CommandType CommandType { get => throw null; set => throw null; }
    public override bool DesignTimeVisible { get => throw null; set => throw null; }
    public override UpdateRowSource UpdatedRowSource { get => throw null; set => throw null; }
    protected override DbConnection DbConnection { get => throw null; set => throw null; }
    protected override DbParameterCollection DbParameterCollection => throw null;
    protected override DbTransaction DbTransaction { get => throw null; set => throw null; }
    public override void Cancel() => throw null;
    public override int ExecuteNonQuery() => throw null;
    public override object ExecuteScalar() => throw null;
    public override void Prepare() => throw null;
    protected override DbParameter CreateDbParameter() => throw null;
    protected override DbDataReader ExecuteDbDataReader(CommandBehavior behavior) => throw null;
}
