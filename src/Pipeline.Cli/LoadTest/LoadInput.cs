namespace Pipeline.Cli.LoadTest;

/// <summary>One report of the load run: its own office (body-NNN), file name, drop path and bytes.</summary>
public sealed record LoadInput(string Office, string Name, string Path, byte[] Bytes);
