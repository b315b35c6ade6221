using System.Text.Json;

namespace Tally.Tests.Cli;

public class PlaceCommandTest
{
    [Fact]
    public void Place_ShowsCandidatesTheChoiceAndWhy()
    {
        var result = CliRunnerText.Run("place", "Maaret al Numan");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("key mrtnmn", result.Stdout);
        Assert.Contains("chosen: Maarrat al-Nu'man, Idlib", result.Stdout);
        Assert.Contains("the name of a district", result.Stdout);
    }

    [Fact]
    public void Place_AmbiguousName_AbstainsUntilAGovernorateIsGiven()
    {
        var alone = CliRunnerText.Run("place", "Tah", "--json");
        Assert.Null(JsonDocument.Parse(alone.Stdout).RootElement.GetProperty("chosen").GetString());

        var inIdlib = JsonDocument.Parse(CliRunnerText.Run("place", "Tah", "--in", "Idleb", "--json").Stdout).RootElement;
        Assert.Equal("gn:172354", inIdlib.GetProperty("chosen").GetString());
        Assert.Contains("Idlib", inIdlib.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Place_UnknownNameAndBadGovernorate_AreReported()
    {
        var unknown = CliRunnerText.Run("place", "Nowhereville");
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("no gazetteer entry", unknown.Stdout);

        var bad = CliRunnerText.Run("place", "Tah", "--in", "Narnia");
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("not a governorate", bad.Stderr);
    }
}
