// Anchor case from meziantou/Meziantou.Analyzer (tests/Meziantou.Analyzer.Test/Rules/DoNotUseAsyncDelegateForSyncDelegateAnalyzerTests.cs), test Action_AsyncVoid.
// anchor: MA0147 flagged
// Third-party test data under its project's licence: see ../../NOTICE.
A(async () => {}); // want ASY003

void A(System.Action a) => throw null;
