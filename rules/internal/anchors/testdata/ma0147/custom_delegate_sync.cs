// Anchor case from meziantou/Meziantou.Analyzer (tests/Meziantou.Analyzer.Test/Rules/DoNotUseAsyncDelegateForSyncDelegateAnalyzerTests.cs), test CustomDelegate_Sync.
// anchor: MA0147 clean
// Third-party test data under its project's licence: see ../../NOTICE.
A(() => {});

void A(D a) => throw null;
delegate void D();
