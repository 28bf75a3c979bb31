// Anchor case from meziantou/Meziantou.Analyzer (tests/Meziantou.Analyzer.Test/Rules/TaskInUsingAnalyzerTests.cs), test SingleTaskAssignedInUsing.
// anchor: MA0129 flagged
// Third-party test data under its project's licence: see ../../NOTICE.
using System.Threading.Tasks;

Task t = null;
using (var a = t) { } // want ASY034
