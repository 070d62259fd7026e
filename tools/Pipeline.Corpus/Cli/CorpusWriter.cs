using System.Text;
using System.Text.Json;
using Pipeline.Corpus.Rendering;
using Pipeline.Corpus.Truth;
using Pipeline.Model.Results;

namespace Pipeline.Corpus.Cli;

/// <summary>
/// Writes renderings with their truth beside them (same base name, .truth.json), and an
/// index.json of everything written, for benchmarks to iterate over (.json, because the
/// checker skips JSON files when it is pointed at a folder of reports).
/// </summary>
public sealed class CorpusWriter(string root)
{
    private readonly List<IndexEntry> _index = [];
    private readonly HashSet<string> _written = new(StringComparer.Ordinal);

    public int FileCount => _written.Count;

    public void Write(string baseName, ReportTruth truth, IEnumerable<RenderFormat> formats)
    {
        foreach (var format in formats)
        {
            var file = baseName + format.Suffix();
            var truthFile = file[..file.LastIndexOf('.')] + ".truth.json";
            Save(file, Renderings.Render(truth, format));
            Save(truthFile, Renderings.Json(truth));
            _index.Add(new IndexEntry(file, truthFile, truth.ExpectedVerdict, truth.ExpectedRules));
        }
    }

    /// <summary>Writes a file made elsewhere (a PDF) as <paramref name="file"/>, with its truth beside it.</summary>
    public void Write(string file, ReportTruth truth, byte[] bytes)
    {
        var truthFile = file[..file.LastIndexOf('.')] + ".truth.json";
        Save(file, bytes);
        Save(truthFile, Renderings.Json(truth));
        _index.Add(new IndexEntry(file, truthFile, truth.ExpectedVerdict, truth.ExpectedRules));
    }

    public void WriteIndex() =>
        Save("index.json", new UTF8Encoding(false).GetBytes(JsonSerializer.Serialize(_index, TruthJson.Options) + "\n"));

    private void Save(string relative, byte[] bytes)
    {
        var path = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        _written.Add(relative);
    }
}

/// <summary>One written file: its truth, and what checking it should conclude.</summary>
public sealed record IndexEntry(string File, string Truth, Verdict ExpectedVerdict, IReadOnlyList<string> ExpectedRules);
