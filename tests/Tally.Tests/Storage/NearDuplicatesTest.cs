using Tally.Storage;

namespace Tally.Tests.Storage;

public class NearDuplicatesTest
{
    private const string Story =
        "Rescue workers in the northern town said the overnight shelling destroyed a bakery and two houses near the main " +
        "square, killing six people, among them a teacher and her son, and wounding eleven others who were taken to a " +
        "field clinic outside the town, where doctors said supplies of blood were running short again this week.";

    private const string Other =
        "The council met on Tuesday to discuss the repair of the water station, which has been out of service since the " +
        "storm in January, and agreed to ask the provincial office for generators, pipes and a team of engineers to be " +
        "sent before the summer, when the demand for water in the villages of the plain is highest.";

    [Fact]
    public void Fingerprints_LetACopyThrough_AndStopAnUnrelatedText()
    {
        var (story, storyCount) = Fingerprinted(Story);
        var (copy, copyCount) = Fingerprinted(Story + " Another strike hit the same road an hour later.");
        var (other, otherCount) = Fingerprinted(Other);

        Assert.Equal(NearDuplicates.Hashes, story.Length);
        Assert.True(NearDuplicates.MayContain(story, storyCount, copy, copyCount));
        Assert.False(NearDuplicates.MayContain(story, storyCount, other, otherCount));
    }

    [Fact]
    public void Fingerprint_IsTheLowBitsOfEachValue()
    {
        var signature = new ulong[NearDuplicates.Hashes];
        signature[0] = 0x1234_5678_9ABC_DEF0;
        signature[1] = ulong.MaxValue;

        var fingerprint = NearDuplicates.Fingerprint(signature);

        Assert.Equal((ushort)0xDEF0, fingerprint[0]);
        Assert.Equal(ushort.MaxValue, fingerprint[1]);
        Assert.Equal((ushort)0, fingerprint[2]);
    }

    private static (ushort[] Fingerprint, int Count) Fingerprinted(string text)
    {
        var shingles = NearDuplicates.Shingles(text);
        return (NearDuplicates.Fingerprint(NearDuplicates.Signature(shingles)), shingles.Count);
    }
}
