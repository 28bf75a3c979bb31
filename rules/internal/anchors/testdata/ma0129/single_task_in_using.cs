// Anchor case from meziantou/Meziantou.Analyzer (tests/Meziantou.Analyzer.Test/Rules/TaskInUsingAnalyzerTests.cs), test SingleTaskInUsing.
// anchor: MA0129 flagged
// Third-party test data under its project's licence: see ../../NOTICE.
using System.Threading.Tasks;

Task t = null;
using (t) { } // want ASY034
