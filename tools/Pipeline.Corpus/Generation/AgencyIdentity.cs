using Pipeline.Corpus.Truth;

namespace Pipeline.Corpus.Generation;

/// <summary>The body a report is about: the name in its title, its level, and the name it signs with.</summary>
public sealed record AgencyIdentity(string Name, AgencyKind Kind, string Signature)
{
    public string Self => Kind.SelfReference();
}
