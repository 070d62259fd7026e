using Pipeline.Model.Schema;

namespace Pipeline.Corpus.Truth;

/// <summary>
/// The running text of the six sections, tables left out; paragraphs are separated by '\n'.
/// </summary>
public sealed record TruthSections(
    string Overview,
    string ActiveDisclosure,
    string Applications,
    string ReviewLitigation,
    string Problems,
    string Other)
{
    /// <summary>The text of a section by its spec key (see <see cref="SectionSchema"/>).</summary>
    public string Get(string key) => key switch
    {
        "overview" => Overview,
        "activeDisclosure" => ActiveDisclosure,
        "applications" => Applications,
        "reviewLitigation" => ReviewLitigation,
        "problems" => Problems,
        "other" => Other,
        _ => throw new ArgumentOutOfRangeException(nameof(key), key, "Not a section key."),
    };

    public TruthSections With(string key, string text) => key switch
    {
        "overview" => this with { Overview = text },
        "activeDisclosure" => this with { ActiveDisclosure = text },
        "applications" => this with { Applications = text },
        "reviewLitigation" => this with { ReviewLitigation = text },
        "problems" => this with { Problems = text },
        "other" => this with { Other = text },
        _ => throw new ArgumentOutOfRangeException(nameof(key), key, "Not a section key."),
    };

    /// <summary>The whole running text, section after section.</summary>
    public string AllText() => string.Join('\n', SectionSchema.Sections.Select(s => Get(s.Key)));
}
