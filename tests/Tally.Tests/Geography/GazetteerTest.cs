using FsCheck;
using FsCheck.Fluent;
using Tally.Geography;

namespace Tally.Tests.Geography;

/// <summary>
/// Spellings outlets use for Syrian places, collected by the developers from common transliterations; each must
/// resolve, without any context, to the entry given (an OCHA P-code for a district, a GeoNames id for a town).
/// </summary>
public class GazetteerTest
{
    public static TheoryData<string, string, string> Variants => new()
    {
        { "Maarat al-Numan", "Idlib", "SY0702" },
        { "Maaret al Numan", "Idlib", "SY0702" },
        { "Ma'arrat an-Nu'man", "Idlib", "SY0702" },
        { "Khan Shaykhun", "Idlib", "gn:168325" },
        { "Khan Sheikhoun", "Idlib", "gn:168325" },
        { "Khan Sheikun", "Idlib", "gn:168325" },
        { "Kafranbel", "Idlib", "gn:168661" },
        { "Kafr Nabl", "Idlib", "gn:168661" },
        { "Saraqeb", "Idlib", "gn:164816" },
        { "Saraqib", "Idlib", "gn:164816" },
        { "Jisr al-Shughur", "Idlib", "SY0704" },
        { "Jisr ash-Shughur", "Idlib", "SY0704" },
        { "Ariha", "Idlib", "SY0705" },
        { "Sarmada", "Idlib", "gn:164786" },
        { "Atmeh", "Idlib", "gn:172370" },
        { "Harem", "Idlib", "SY0703" },
        { "Harim", "Idlib", "SY0703" },
        { "Azaz", "Aleppo", "SY0204" },
        { "A'zaz", "Aleppo", "SY0204" },
        { "Afrin", "Aleppo", "SY0203" },
        { "Efrin", "Aleppo", "SY0203" },
        { "Manbij", "Aleppo", "SY0205" },
        { "Menbij", "Aleppo", "SY0205" },
        { "Al Bab", "Aleppo", "SY0202" },
        { "al-Bab", "Aleppo", "SY0202" },
        { "Jarabulus", "Aleppo", "SY0208" },
        { "Jarablus", "Aleppo", "SY0208" },
        { "Tal Rifaat", "Aleppo", "gn:163476" },
        { "Tell Rifaat", "Aleppo", "gn:163476" },
        { "Kobani", "Aleppo", "alias:Kobani" },
        { "Ain al-Arab", "Aleppo", "alias:Ain al-Arab" },
        { "Douma", "Rif Dimashq", "SY0302" },
        { "Duma", "Rif Dimashq", "SY0302" },
        { "Harasta", "Rif Dimashq", "gn:169897" },
        { "Darayya", "Rif Dimashq", "SY0309" },
        { "Zabadani", "Rif Dimashq", "SY0307" },
        { "Madaya", "Rif Dimashq", "gn:167558" },
        { "Yabroud", "Rif Dimashq", "SY0305" },
        { "Yabrud", "Rif Dimashq", "SY0305" },
        { "Qudsaya", "Rif Dimashq", "gn:166251" },
        { "Palmyra", "Homs", "alias:Palmyra" },
        { "Tadmur", "Homs", "SY0405" },
        { "Tadmor", "Homs", "SY0405" },
        { "Al-Qusayr", "Homs", "SY0402" },
        { "Qusair", "Homs", "SY0402" },
        { "Rastan", "Homs", "SY0404" },
        { "Ar-Rastan", "Homs", "SY0404" },
        { "Salamiyah", "Hama", "SY0503" },
        { "Salamieh", "Hama", "SY0503" },
        { "Mhardeh", "Hama", "SY0505" },
        { "Latamneh", "Hama", "gn:173566" },
        { "Kafr Zita", "Hama", "gn:168620" },
        { "Morek", "Hama", "gn:166640" },
        { "Suqaylabiyah", "Hama", "SY0502" },
        { "Deir ez-Zor", "Deir ez-Zor", "SY09" },
        { "Deir Ezzor", "Deir ez-Zor", "SY09" },
        { "Dayr az-Zawr", "Deir ez-Zor", "SY09" },
        { "Mayadin", "Deir ez-Zor", "SY0903" },
        { "Al Mayadeen", "Deir ez-Zor", "SY0903" },
        { "Abu Kamal", "Deir ez-Zor", "SY0902" },
        { "Albu Kamal", "Deir ez-Zor", "gn:174448" },
        { "Raqqa", "Raqqa", "SY11" },
        { "Ar-Raqqah", "Raqqa", "SY11" },
        { "Tabqa", "Raqqa", "alias:Tabqa" },
        { "Tell Abyad", "Raqqa", "SY1102" },
        { "Tal Abyad", "Raqqa", "SY1102" },
        { "Qamishli", "Hasakah", "SY0802" },
        { "Al-Qamishli", "Hasakah", "SY0802" },
        { "Ras al-Ain", "Hasakah", "SY0804" },
        { "Ras al-Ayn", "Hasakah", "SY0804" },
        { "Jableh", "Latakia", "SY0602" },
        { "Jablah", "Latakia", "SY0602" },
        { "Qardaha", "Latakia", "SY0604" },
        { "Baniyas", "Tartus", "SY1002" },
        { "Banias", "Tartus", "SY1002" },
        { "Safita", "Tartus", "SY1003" },
        { "Busra al-Sham", "Daraa", "gn:171126" },
        { "Shahba", "As-Suwayda", "SY1303" },
        { "Salkhad", "As-Suwayda", "SY1302" },
        { "Khan Arnabah", "Quneitra", "gn:168355" },
        { "Idleb", "Idlib", "SY07" },
        { "Hasakeh", "Hasakah", "SY08" },
        { "Lattakia", "Latakia", "SY06" },
        { "Tartous", "Tartus", "SY10" },
        { "Sweida", "As-Suwayda", "SY13" },
        { "Deraa", "Daraa", "SY12" },
        { "Eastern Ghouta", "Rif Dimashq", "alias:Eastern Ghouta" },
        { "Sayyida Zeinab", "Rif Dimashq", "alias:Sayyida Zeinab" },
    };

    [Theory]
    [MemberData(nameof(Variants))]
    public void Resolve_SpellingVariants(string written, string governorate, string id)
    {
        var choice = PlaceResolver.Choose(written, Gazetteer.Default.Lookup(written), PlaceEvidence.None);
        Assert.NotNull(choice.Place);
        Assert.Equal((governorate, id), (choice.Place.Governorate, choice.Place.Id));
    }

    public static TheoryData<string, string> SameKeys => new()
    {
        { "Maarat al-Numan", "Ma`arrat an Nu`man" },
        { "Khan Sheikhoun", "Khan Shaykhun" },
        { "Kafranbel", "Kafr Nabl" },
        { "Deir ez-Zor", "Dayr az-Zawr" },
        { "Tell Abyad", "Tall Abyad" },
        { "Al-Qamishli", "Qamishli" },
        { "Jisr al-Shughur", "Jisr ash Shughur" },
    };

    [Theory]
    [MemberData(nameof(SameKeys))]
    public void NameKey_FoldsTransliterations(string a, string b) => Assert.Equal(NameKey.Of(a), NameKey.Of(b));

    // Letters of the digraphs and of the articles, vowels, an apostrophe, separators, a digit: names where the one-pass
    // ASCII key could part from the general one.
    private static readonly char[] s_keyAlphabet = ['k', 'h', 'g', 's', 'c', 't', 'd', 'p', 'q', 'j', 'a', 'l', 'e', 'o', 'u', 'i', 'y', 'w',
        'n', 'r', 'z', 'A', 'K', 'S', 'H', '\'', '`', '-', ' ', '7'];

    [Fact]
    public void NameKey_Property_TheOnePassAsciiKeyIsTheGeneralKey()
    {
        var names = Gen.Elements(s_keyAlphabet).ArrayOf().Select(cs => new string(cs)).ToArbitrary();
        Prop.ForAll(names, name => NameKey.Of(name) == NameKey.OfAnyScript(name)).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void NameKey_ArabicScript_DropsTheArticleAndVowelMarks()
    {
        Assert.Equal(NameKey.Of("\u0627\u0644\u0628\u0627\u0628"), NameKey.Of("\u0628\u0627\u0628"));
        Assert.Equal(NameKey.Of("\u062d\u064e\u0644\u064e\u0628"), NameKey.Of("\u062d\u0644\u0628"));
        Assert.NotEmpty(Gazetteer.Default.Lookup("\u0645\u0639\u0631\u0629 \u0627\u0644\u0646\u0639\u0645\u0627\u0646"));
    }

    [Fact]
    public void Resolve_AmbiguousName_AbstainsWithoutContext_AndFollowsANearbyGovernorate()
    {
        var candidates = Gazetteer.Default.Lookup("Tah");
        Assert.True(candidates.Select(c => c.Governorate).Distinct().Count() > 1);
        var alone = PlaceResolver.Choose("Tah", candidates, PlaceEvidence.None);
        Assert.Null(alone.Place);
        Assert.Equal(0, alone.Confidence);

        var idlib = PlaceResolver.Choose("Tah", candidates, new PlaceEvidence(new Dictionary<string, double>(), new HashSet<string> { "Idlib" }, null));
        Assert.Equal("Idlib", idlib.Place!.Governorate);
        Assert.Contains("nearby", idlib.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_UnitSpelledFarFromWhatIsWritten_IsNotTakenOnTheKeyAlone()
    {
        // "Sifat" shares its key with the district of Safita (Tartus); in an article about Aleppo it is not Safita.
        var candidates = Gazetteer.Default.Lookup("Sifat");
        Assert.Contains(candidates, c => c.Kind == PlaceKind.District && c.Governorate == "Tartus");
        var aleppo = new PlaceEvidence(new Dictionary<string, double> { ["Aleppo"] = 4 }, new HashSet<string>(), null);
        var choice = PlaceResolver.Choose("Sifat", candidates, aleppo);
        Assert.True(choice.Place is null || choice.Place.Kind != PlaceKind.District || choice.Confidence < 0.5, choice.Reason);
        Assert.Equal("Safita", PlaceResolver.Choose("Safita", Gazetteer.Default.Lookup("Safita"), aleppo).Place!.Name);
    }

    [Theory]
    [InlineData("Moscow")]
    [InlineData("Ankara")]
    [InlineData("Beirut")]
    [InlineData("Geneva")]
    public void Resolve_PlacesAbroad_HaveNoGovernorate(string name)
    {
        var choice = PlaceResolver.Choose(name, Gazetteer.Default.Lookup(name), PlaceEvidence.None);
        Assert.Equal(PlaceKind.Foreign, choice.Place!.Kind);
        Assert.Null(choice.Place.Governorate);
    }

    [Fact]
    public void Gazetteer_HoldsEveryGovernorateAndTheVillages()
    {
        Assert.Equal(14, Gazetteer.Default.Governorates.Count);
        Assert.True(Gazetteer.Default.Count > 10_000);
    }
}
