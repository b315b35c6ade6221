using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Tally.GazetteerBuilder;

/// <summary>
/// Writes <c>boundaries.json</c>: the governorate and district outlines of OCHA's COD-AB, simplified (Douglas-Peucker,
/// tolerance <see cref="Tolerance"/> degrees) and rounded to three decimals, for the dashboard's map.
/// </summary>
internal static class Boundaries
{
    /// <summary>About 500 m: a map of Syria a page wide loses nothing it could show.</summary>
    public const double Tolerance = 0.005;

    public static int Write(string input, string output)
    {
        var result = new JsonObject
        {
            ["attribution"] = "UN OCHA / UNCS, Syrian Arab Republic Subnational Administrative Boundaries (COD-AB), via HDX, CC BY 3.0 IGO; simplified by Tally. The boundaries and names shown do not imply official endorsement or acceptance by the United Nations.",
            ["governorates"] = Layer(Path.Combine(input, "syr_adm1_ocha.geojson"), "adm1_pcode", "adm1_en", out int a),
            ["districts"] = Layer(Path.Combine(input, "syr_adm2_ocha.geojson"), "adm2_pcode", "adm2_en", out int b),
        };
        File.WriteAllText(Path.Combine(output, "boundaries.json"), result.ToJsonString() + "\n");
        return a + b;
    }

    private static JsonArray Layer(string path, string codeField, string nameField, out int points)
    {
        points = 0;
        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        var layer = new JsonArray();
        foreach (var feature in document.RootElement.GetProperty("features").EnumerateArray())
        {
            var properties = feature.GetProperty("properties");
            var geometry = feature.GetProperty("geometry");
            var polygons = geometry.GetProperty("type").GetString() == "MultiPolygon"
                ? geometry.GetProperty("coordinates").EnumerateArray().ToList()
                : [geometry.GetProperty("coordinates")];
            var rings = new JsonArray();
            foreach (var polygon in polygons)
            {
                // The outer ring only: holes are invisible at this scale.
                var ring = polygon.EnumerateArray().First().EnumerateArray().Select(p => (p[0].GetDouble(), p[1].GetDouble())).ToList();
                var kept = Simplify(ring);
                if (kept.Count < 4)
                {
                    continue;
                }

                points += kept.Count;
                rings.Add(new JsonArray([.. kept.Select(p => (JsonNode)new JsonArray(Math.Round(p.Item1, 3), Math.Round(p.Item2, 3)))]));
            }

            layer.Add(new JsonObject
            {
                ["pcode"] = properties.GetProperty(codeField).GetString(),
                ["name"] = properties.GetProperty(nameField).GetString(),
                ["rings"] = rings,
            });
        }

        return layer;
    }

    /// <summary>Douglas-Peucker on a closed ring (first and last points kept).</summary>
    private static List<(double, double)> Simplify(List<(double X, double Y)> ring)
    {
        if (ring.Count < 4)
        {
            return ring;
        }

        var keep = new bool[ring.Count];
        keep[0] = keep[^1] = true;
        var stack = new Stack<(int, int)>();
        stack.Push((0, ring.Count - 1));
        while (stack.Count > 0)
        {
            var (first, last) = stack.Pop();
            double max = 0;
            int at = -1;
            for (int i = first + 1; i < last; i++)
            {
                double d = Distance(ring[i], ring[first], ring[last]);
                if (d > max)
                {
                    max = d;
                    at = i;
                }
            }

            if (at >= 0 && max > Tolerance)
            {
                keep[at] = true;
                stack.Push((first, at));
                stack.Push((at, last));
            }
        }

        return [.. ring.Where((_, i) => keep[i]).Select(p => (p.X, p.Y))];
    }

    private static double Distance((double X, double Y) p, (double X, double Y) a, (double X, double Y) b)
    {
        double dx = b.X - a.X, dy = b.Y - a.Y;
        double length = Math.Sqrt(dx * dx + dy * dy);
        if (length == 0)
        {
            return Math.Sqrt((p.X - a.X) * (p.X - a.X) + (p.Y - a.Y) * (p.Y - a.Y));
        }

        return Math.Abs(dy * p.X - dx * p.Y + b.X * a.Y - b.Y * a.X) / length;
    }
}
