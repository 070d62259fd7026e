namespace Pipeline.Rules.Catalogue;

/// <summary>A rules file that cannot be used; the message says why, in Chinese.</summary>
public sealed class RulesFileException(string message, Exception? inner = null) : Exception(message, inner);
