using System.CommandLine;
using Tally.Cli;

return TallyCommand.Create().Parse(args).Invoke();
