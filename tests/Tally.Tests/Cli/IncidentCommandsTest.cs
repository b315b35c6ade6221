using System.Text.Json;
using Tally.Tests.Storage;

namespace Tally.Tests.Cli;

public class IncidentCommandsTest
{
    [Fact]
    public void Incidents_GroupOutletsReports_AndIncidentShowsTheClaimsSideBySide()
    {
        var db = Backends.NewSqlite();
        var input = Path.Combine(Path.GetTempPath(), "tally-incidents-" + Guid.NewGuid().ToString("N") + ".jsonl");
        File.WriteAllLines(input,
        [
            """{"id": "w1", "source": "Wire One", "published": "2019-09-05", "text": "Russian warplanes killed four civilians in Saraqeb on Wednesday, activists said."}""",
            """{"id": "w2", "source": "Wire Two", "published": "2019-09-06", "text": "Russian air strikes on Saraqib killed six civilians on Wednesday, the Syrian Observatory for Human Rights said."}""",
            """{"id": "w3", "source": "Wire Three", "published": "2017-03-02", "text": "Two fighters were killed in clashes with ISIS near Azaz on Tuesday."}""",
        ]);
        try
        {
            Assert.Equal(0, CliRunner.Run(null, "ingest", "--db", db, input).ExitCode);
            var lines = CliRunner.Run(null, "incidents", "--db", db, "--format", "json").Lines.Select(l => JsonDocument.Parse(l).RootElement).ToList();
            Assert.Equal(2, lines.Count);
            var saraqib = lines.Single(i => i.GetProperty("governorate").GetString() == "Idlib");
            Assert.Equal(2, saraqib.GetProperty("source_count").GetInt32());
            var killed = saraqib.GetProperty("figures").GetProperty("killed");
            Assert.Equal((4, 4, 6), (killed.GetProperty("low").GetInt32(), killed.GetProperty("best").GetInt32(), killed.GetProperty("high").GetInt32()));
            Assert.Equal("2019-09-04", saraqib.GetProperty("date").GetString());

            string id = saraqib.GetProperty("id").GetString()!;
            var shown = CliRunner.Run(null, "incident", "--db", db, id);
            Assert.Equal(0, shown.ExitCode);
            Assert.Contains("killed 4 to 6 civilians (best estimate 4) in Saraqeb (Idlib)", shown.Stdout);
            Assert.Contains("w1#0", shown.Stdout);
            Assert.Contains("Wire Two", shown.Stdout);
            Assert.Contains("Russian air strikes on Saraqib killed six civilians", shown.Stdout);

            Assert.Equal(1, CliRunner.Run(null, "incident", "--db", db, "nope").ExitCode);
            Assert.Single(CliRunner.Run(null, "incidents", "--db", db, "--format", "json", "--from", "2019-01-01").Lines);
            Assert.Single(CliRunner.Run(null, "incidents", "--db", db, "--format", "json", "--attack", "clash").Lines);
            var csv = CliRunner.Run(null, "incidents", "--db", db, "--format", "csv").Lines;
            Assert.Equal(3, csv.Length);
            var geo = JsonDocument.Parse(CliRunner.Run(null, "incidents", "--db", db, "--format", "geojson").Stdout).RootElement;
            Assert.Equal(2, geo.GetProperty("features").GetArrayLength());
        }
        finally
        {
            File.Delete(input);
        }
    }
}
