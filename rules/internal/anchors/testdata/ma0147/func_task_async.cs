// Anchor case from meziantou/Meziantou.Analyzer (tests/Meziantou.Analyzer.Test/Rules/DoNotUseAsyncDelegateForSyncDelegateAnalyzerTests.cs), test FuncTask_AsyncDelegate.
// anchor: MA0147 clean
// Third-party test data under its project's licence: see ../../NOTICE.
A(async () => {});

void A(System.Func<System.Threading.Tasks.Task> a) => throw null;
