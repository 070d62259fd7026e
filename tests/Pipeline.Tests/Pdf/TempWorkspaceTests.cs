using Pipeline.Reading.Pdf;

namespace Pipeline.Tests.Pdf;

/// <summary>A document's temporary folder goes with it; one left behind by a process killed outright goes later.</summary>
public sealed class TempWorkspaceTests
{
    [Fact]
    public void AWorkspaceIsRemovedWithEverythingInIt()
    {
        string path;
        using (var workspace = new TempWorkspace())
        {
            path = workspace.Path;
            File.WriteAllText(workspace.File("page-1.ppm"), "P6");
        }

        Assert.False(Directory.Exists(path));
    }

    [Fact]
    public void OnlyWorkspacesUntouchedForLongerThanAnyDocumentMayTakeAreRemoved()
    {
        var folder = Directory.CreateTempSubdirectory("workspaces-").FullName;
        try
        {
            var now = DateTime.UtcNow;
            var abandoned = Make(folder, "pipeline-" + new string('a', 32), now - TempWorkspace.Abandoned - TimeSpan.FromMinutes(1));
            var busy = Make(folder, "pipeline-" + new string('b', 32), now - TimeSpan.FromMinutes(2));
            var other = Make(folder, "pipeline-tests-chromium", now - TimeSpan.FromDays(3));

            Assert.Equal(1, TempWorkspace.RemoveAbandoned(folder, now));

            Assert.False(Directory.Exists(abandoned));
            Assert.True(Directory.Exists(busy));
            Assert.True(Directory.Exists(other));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string Make(string folder, string name, DateTime touched)
    {
        var path = Path.Combine(folder, name);
        Directory.CreateDirectory(path);
        File.WriteAllText(Path.Combine(path, "input.pdf"), "%PDF");
        Directory.SetLastWriteTimeUtc(path, touched);
        return path;
    }
}
