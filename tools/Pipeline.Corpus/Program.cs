using Pipeline.Corpus.Cli;

return CorpusCommand.Run(args, Console.Out, Console.Error);
