using System.Text.Json;

namespace Pipeline.Hostile.Tests;

/// <summary>
/// Each kind of hostile input, checked by the real command-line host in a process of its own: the verdict and
/// reason, the exit code, and safety bounds on the whole process tree (60 s wall, 1.5 GB peak, children included).
/// The bounds are for safety, not speed; figures are noisy on a shared machine.
/// </summary>
[Collection(HostileCollection.Name)]
public sealed class HostileInputTests(HostileTable table) : IDisposable
{
    public static readonly TimeSpan MaxWall = TimeSpan.FromSeconds(60);

    public const long MaxTreeBytes = 1536L * 1024 * 1024;

    private readonly string _folder = Directory.CreateTempSubdirectory("hostile-").FullName;

    public static TheoryData<string> Kinds => [.. HostileCorpus.All.Select(c => c.Kind)];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void EachKindGetsItsVerdictAndReasonWithinBounds(string kind)
    {
        var hostile = HostileCorpus.All.Single(c => c.Kind == kind);
        var paths = hostile.Make(_folder);

        var usage = TreeMeter.Run(["check", "--json", .. paths], hostile.Environment);

        AssertBounded(usage);
        Assert.DoesNotContain("   at ", usage.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", usage.Stdout, StringComparison.Ordinal);
        string message;
        if (hostile.Verdict is null)
        {
            Assert.Equal(string.Empty, usage.Stdout.Trim());
            message = usage.Stderr.Trim();
            AssertNames(hostile, message);
        }
        else
        {
            var results = Results(usage.Stdout);
            Assert.Equal(hostile.Results ?? paths.Count, results.Count);
            foreach (var result in results)
            {
                Assert.Equal(hostile.Verdict, result.GetProperty("verdict").GetString());
                AssertNames(hostile, Message(result));
            }

            message = Message(results[0]);
        }

        Assert.Equal(hostile.ExitCode, usage.ExitCode);
        table.Add(kind, usage, message);
    }

    /// <summary>Every hostile file and the five seeds in one folder: one result each, and the seeds' results as when checked alone.</summary>
    [Fact]
    public void BatchOfEveryHostileFileAndTheSeedsGivesOneResultPerFileAndTheSeedsUnchanged()
    {
        var batch = Directory.CreateDirectory(Path.Combine(_folder, "batch")).FullName;
        var seeds = Directory.CreateDirectory(Path.Combine(batch, "seeds")).FullName;
        foreach (var seed in Directory.EnumerateFiles(HostileCorpus.Seeds, "*.txt"))
        {
            File.Copy(seed, Path.Combine(seeds, Path.GetFileName(seed)));
        }

        var expected = new List<(string Path, HostileCase Case)>();
        foreach (var hostile in HostileCorpus.All.Where(c => c.InBatch))
        {
            var own = Directory.CreateDirectory(Path.Combine(batch, hostile.Kind)).FullName;
            var made = hostile.Make(own);
            expected.AddRange(made.Select(p => (Directory.Exists(p) ? Path.Combine(p, "report.txt") : p, hostile)));
        }

        var alone = Results(TreeMeter.Run(["check", "--json", seeds]).Stdout);
        var usage = TreeMeter.Run(["check", "--json", batch], hardStop: TimeSpan.FromMinutes(5));

        Assert.False(usage.Killed, "the batch did not finish within 5 minutes");
        var results = Results(usage.Stdout);
        var seedResults = results.Where(r => r.GetProperty("source").GetProperty("name").GetString()!.EndsWith(".txt", StringComparison.Ordinal)
            && alone.Any(a => a.GetProperty("source").GetProperty("name").GetString() == r.GetProperty("source").GetProperty("name").GetString())).ToList();
        Assert.Equal(expected.Count + alone.Count, results.Count);
        Assert.Equal(5, alone.Count);
        Assert.Equal(alone.Select(r => r.GetRawText()), seedResults.Select(r => r.GetRawText()));

        // Folders are read in path order, so the hostile results line up with the files as made.
        var hostileResults = results.Except(seedResults).ToList();
        var ordered = expected.OrderBy(e => e.Path, StringComparer.Ordinal).ToList();
        for (var i = 0; i < ordered.Count; i++)
        {
            Assert.Equal(Path.GetFileName(ordered[i].Path), hostileResults[i].GetProperty("source").GetProperty("name").GetString());
            Assert.Equal(ordered[i].Case.Verdict, hostileResults[i].GetProperty("verdict").GetString());
            AssertNames(ordered[i].Case, Message(hostileResults[i]));
        }

        Assert.Equal(2, usage.ExitCode);
        Assert.DoesNotContain("   at ", usage.Stderr, StringComparison.Ordinal);
    }

    /// <summary>The host killed outright (SIGKILL, as a Functions worker is) while pdftoppm renders: the kernel kills pdftoppm with it.</summary>
    [Fact]
    public void KillingTheHostLeavesNoPdftoppmRunning()
    {
        var pdf = HostileCorpus.Write(_folder, "slow.pdf", HostileCorpus.SlowDrawing(40_000));
        var renderers = new HashSet<int>();

        var usage = TreeMeter.Run(["check", "--json", pdf], hardStop: TimeSpan.FromSeconds(90), watch: (host, tree) =>
        {
            var found = tree.Where(p => TreeMeter.Command(p) == "pdftoppm").ToList();
            if (found.Count > 0 && renderers.Count == 0)
            {
                renderers.UnionWith(found);
                System.Diagnostics.Process.GetProcessById(host).Kill(entireProcessTree: false);
            }
        });

        Assert.NotEmpty(renderers);
        Assert.Equal(137, usage.ExitCode);
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (renderers.Any(TreeMeter.Alive) && DateTime.UtcNow < deadline)
        {
            Thread.Sleep(50);
        }

        Assert.DoesNotContain(renderers, TreeMeter.Alive);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A FIFO or link left behind is harmless in the temp folder.
        }
    }

    internal static List<JsonElement> Results(string json)
    {
        var root = JsonDocument.Parse(json).RootElement;
        return root.ValueKind == JsonValueKind.Array ? [.. root.EnumerateArray()] : [root];
    }

    private static string Message(JsonElement result) =>
        result.GetProperty("verdict").GetString() == "passed" ? "passed 通过"
        : result.TryGetProperty("reason", out var reason) && reason.ValueKind == JsonValueKind.String ? reason.GetString()!
        : result.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("message").GetString()).FirstOrDefault()
            ?? result.GetProperty("verdict").GetString()!;

    private static void AssertNames(HostileCase hostile, string message)
    {
        if (hostile.Verdict is "passed")
        {
            return;
        }

        Assert.True(hostile.Reason.Any(r => message.Contains(r, StringComparison.Ordinal)), $"{hostile.Kind}: “{message}” names none of: {string.Join(" / ", hostile.Reason)}");
    }

    private static void AssertBounded(TreeUsage usage)
    {
        Assert.False(usage.Killed, "killed after the hard stop");
        Assert.True(usage.Wall < MaxWall, $"wall {usage.Wall.TotalSeconds:0.0} s");
        Assert.True(usage.PeakBoundBytes < MaxTreeBytes, $"tree peak {usage.PeakBoundBytes / 1048576} MB");
    }
}
