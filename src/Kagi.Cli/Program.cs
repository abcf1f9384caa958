using Kagi.Cli;

return KagiCommandLine.Run(args, Console.Out, Console.Error, TimeProvider.System);
