// Anchor case from meziantou/Meziantou.Analyzer (tests/Meziantou.Analyzer.Test/Rules/UseAnOverloadThatHasCancellationTokenAnalyzerTests.cs), test OverloadWithMultipleParametersOfSameType.
// anchor: MA0040 clean
// Third-party test data under its project's licence: see ../../NOTICE.
class Test
{
    public static void A()
    {
        Sample(""); // reported here
    }

    public static void Sample(string a) { }
    public static void Sample(string a, string b) { }
}
