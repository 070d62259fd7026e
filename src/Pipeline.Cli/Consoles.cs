using Spectre.Console;

namespace Pipeline.Cli;

/// <summary>Spectre consoles over the writers the command was given, so tests can read what a clerk sees.</summary>
public static class Consoles
{
    /// <param name="width">The columns of redirected output, which has no terminal width of its own.</param>
    public static IAnsiConsole For(TextWriter writer, int width = 120)
    {
        var redirected = writer == Console.Out ? Console.IsOutputRedirected
            : writer == Console.Error ? Console.IsErrorRedirected
            : true;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = redirected ? AnsiSupport.No : AnsiSupport.Detect,
            ColorSystem = redirected ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
            Interactive = redirected ? InteractionSupport.No : InteractionSupport.Detect,
        });

        // Redirected output has no terminal width; tables of Chinese text need more than 80 columns.
        if (redirected)
        {
            console.Profile.Width = width;
        }

        return console;
    }
}
