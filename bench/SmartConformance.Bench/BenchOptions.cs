namespace SmartConformance.Bench;

public sealed record BenchOptions(int Runs, string Output, string Configuration)
{
    public static BenchOptions? Parse(string[] args)
    {
        var runs = 5;
        var output = Path.Combine("reports", "bench.json");
        var configuration = "Release";
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--runs" when i + 1 < args.Length && int.TryParse(args[i + 1], out var n) && n is > 0 and <= 50: runs = n; i++; break;
                case "--output" when i + 1 < args.Length: output = args[++i]; break;
                case "--configuration" when i + 1 < args.Length: configuration = args[++i]; break;
                default: return null;
            }
        }
        return new BenchOptions(runs, output, configuration);
    }
}
