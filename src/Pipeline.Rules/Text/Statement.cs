namespace Pipeline.Rules.Text;

/// <summary>A number the running text states, with the sentence it was read from.</summary>
public sealed record Statement(string Subject, decimal Value, string Sentence);
