// Anchor case from meziantou/Meziantou.Analyzer (tests/Meziantou.Analyzer.Test/Rules/DoNotUseAsyncDelegateForSyncDelegateAnalyzerTests.cs), test FuncValueTaskOfInt_AsyncDelegate.
// anchor: MA0147 clean
// Third-party test data under its project's licence: see ../../NOTICE.
A(async () => 1);

void A(System.Func<System.Threading.Tasks.ValueTask<int>> a) => throw null;
