// Anchor case from meziantou/Meziantou.Analyzer (tests/Meziantou.Analyzer.Test/Rules/DoNotUseBlockingCallInAsyncContextAnalyzerTests.cs), test UsingNewDbDataReaderSubclass_NoDisposeAsyncOverride_NoDiagnostic.
// anchor: MA0042 clean
// Third-party test data under its project's licence: see ../../NOTICE.
using System.Data;
using System.Threading.Tasks;

class Test
{
    public async Task A()
    {
        using var reader = new DataTableReader(new DataTable());
    }
}
