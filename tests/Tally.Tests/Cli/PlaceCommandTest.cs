using System.Text.Json;

namespace Tally.Tests.Cli;

public class PlaceCommandTest
{
    [Fact]
    public void Place_ShowsCandidatesTheChoiceAndWhy()
    {
        var result = CliRunner.Run(null, "place", "Maaret al Numan");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("key mrtnmn", result.Stdout);
        Assert.Contains("chosen: Maarrat al-Nu'man, Idlib", result.Stdout);
        Assert.Contains("the name of a district", result.Stdout);
    }

    [Fact]
    public void Place_AmbiguousName_AbstainsUntilAGovernorateIsGiven()
    {
        var alone = CliRunner.Run(null, "place", "Tah", "--json");
        Assert.Null(JsonDocument.Parse(alone.Stdout).RootElement.GetProperty("chosen").GetString());

        var inIdlib = JsonDocument.Parse(CliRunner.Run(null, "place", "Tah", "--in", "Idleb", "--json").Stdout).RootElement;
        Assert.Equal("gn:172354", inIdlib.GetProperty("chosen").GetString());
        Assert.Contains("Idlib", inIdlib.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Place_UnknownNameAndBadGovernorate_AreReported()
    {
        var unknown = CliRunner.Run(null, "place", "Nowhereville");
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("no gazetteer entry", unknown.Stdout);

        var bad = CliRunner.Run(null, "place", "Tah", "--in", "Narnia");
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("not a governorate", bad.Stderr);
    }
}
