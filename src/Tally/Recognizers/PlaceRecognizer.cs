using System.Collections.Frozen;
using Tally.Geography;
using Tally.Text;

namespace Tally.Recognizers;

/// <summary>
/// Finds place names and resolves them on the <see cref="Gazetteer"/>, despite transliteration.
/// </summary>
/// <remarks>
/// <para>A candidate is a run of up to five capitalized words (with articles such as "al-" and "ez-" inside it) or
/// Arabic-script words; the longest run whose <see cref="NameKey"/> the gazetteer knows wins. A small village
/// (no administrative rank, no recorded population) is taken only after a word that introduces a place ("in",
/// "near", "village of"...) or before one ("countryside"), so that capitalized English words that happen to sound
/// like a village are left alone.</para>
/// <para>Names that several entries share are resolved per article: by a governorate or district the article names, by
/// the governorates of the article's other places, by the dataset's location hint, then by prominence; a choice made
/// only by prominence among entries in different governorates gets a low confidence.</para>
/// </remarks>
public sealed class PlaceRecognizer(Gazetteer gazetteer) : IRecognizer
{
    private const int MaxWords = 5;

    private static readonly FrozenSet<string> s_articles = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
        "al", "el", "ar", "as", "ash", "at", "az", "ad", "an", "ad", "ed", "es", "et", "ez", "um", "umm", "abu", "bin", "ibn", "bani", "beni", "of");

    private static readonly FrozenSet<string> s_cuesBefore = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
        "in", "on", "near", "at", "of", "from", "outside", "around", "toward", "towards", "into", "targeted", "targeting",
        "hit", "hitting", "struck", "striking", "pounded", "shelled", "bombed", "village", "town", "city", "district",
        "neighbourhood", "neighborhood", "suburb", "area", "camp", "villages", "towns", "and", "between", "across",
        "besieged", "rebel-held", "opposition-held", "regime-held", "government-held", "held", "to", "via", "by");

    private static readonly FrozenSet<string> s_cuesAfter = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
        "countryside", "village", "town", "city", "district", "province", "governorate", "area", "neighbourhood",
        "neighborhood", "suburb", "region", "camp", "outskirts");

    private static readonly FrozenSet<string> s_areaAfter = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
        "province", "governorate", "countryside", "region", "provinces");

    private static readonly FrozenSet<string> s_areaBefore = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
        "northern", "southern", "eastern", "western", "northwestern", "northeastern", "southwestern", "southeastern",
        "north-western", "north-eastern", "south-western", "south-eastern", "rural", "central", "greater");

    // Capitalized words that are never place names in these texts, even where a village's key matches.
    private static readonly FrozenSet<string> s_notPlaces = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
        "the", "a", "an", "in", "on", "at", "it", "he", "she", "they", "we", "this", "that", "there", "but", "and", "as",
        "for", "his", "her", "its", "their", "after", "before", "since", "while", "when", "according", "meanwhile",
        "however", "also", "some", "many", "more", "most", "other", "others", "several", "all", "both", "one", "two",
        "three", "four", "five", "six", "seven", "eight", "nine", "ten", "monday", "tuesday", "wednesday", "thursday",
        "friday", "saturday", "sunday", "january", "february", "march", "april", "may", "june", "july", "august",
        "september", "october", "november", "december", "syrian", "syrians", "russian", "turkish", "iranian", "kurdish",
        "arab", "arabs", "american", "british", "french", "israeli", "iraqi", "lebanese", "jordanian", "islamic",
        "state", "army", "forces", "regime", "government", "president", "minister", "ministry", "observatory",
        "human", "rights", "civil", "defence", "defense", "white", "helmets", "united", "nations", "council", "security",
        "news", "agency", "reuters", "afp", "media", "center", "centre", "coalition", "democratic", "free", "national",
        "front", "group", "people", "civilians", "children", "women", "men", "local", "sources", "source", "activists",
        "monitor", "said", "says", "told", "reported", "photo", "video", "image", "source", "related", "tags", "read",
        "also", "share", "published", "updated", "date", "publication", "copyright", "all", "rights", "reserved",
        "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "province",
        "city", "town", "village", "area", "region", "district", "countryside", "governorate", "border", "crossing",
        "cities", "towns", "villages", "areas", "provinces",
        "road", "highway", "street", "square", "market", "hospital", "school", "mosque", "church", "bakery", "camp",
        "airport", "base", "prison", "dam", "bridge", "university", "general", "colonel", "lieutenant", "brigadier",
        "major", "captain", "sheikh", "mr", "mrs", "dr", "ms", "don't", "no", "yes", "not", "so", "if", "then", "now",
        "today", "yesterday", "last", "next", "new", "old", "great", "big", "small", "high", "low", "first", "second",
        "third", "fourth", "fifth", "un", "us", "eu", "nato", "isis", "isil", "daesh", "nusra", "hezbollah", "assad", "putin", "trump",
        "obama", "erdogan", "ypg", "sdf", "pkk", "fsa", "hts", "sana", "tass", "ria", "trt", "world", "war", "daily", "sabah",
        "times", "post", "press", "al-masdar", "masdar", "manar", "alalam", "ahram", "arabiya", "jazeera", "anadolu",
        "sputnik", "sohr", "who", "what", "where", "why", "how", "which", "whose", "whom", "you", "your", "our", "my",
        "me", "him", "them", "us", "i", "from", "with", "without", "by", "to", "into", "over", "under", "between",
        "against", "during", "amid", "despite", "about", "around", "near", "outside", "inside", "across", "along",
        "through", "until", "till", "within", "per", "via", "than", "like", "such", "each", "every", "any", "no",
        "nor", "or", "yet", "still", "just", "only", "even", "again", "already", "once", "twice", "later", "earlier",
        "tuesday's", "qaeda", "qaedas", "euphrates", "tigris", "orontes", "ramadan", "eid", "germans", "get", "health", "christian", "christians", "muslim", "muslims", "sunni", "shia", "shiite", "alawite", "alawites", "druze", "kurds", "arabs", "turkmen", "url", "short", "tags", "aid", "saeed", "bashar", "hafez", "assad", "rami", "abdel", "abdul", "mohammed", "muhammad", "ahmed", "ahmad", "ali", "hassan", "hussein", "omar", "khaled", "mahmoud", "mustafa", "ibrahim", "youssef", "washington", "moscow", "ankara", "turkey", "russia", "iran", "iraq", "lebanon", "jordan", "israel",
        // Words and given names seen matched to villages by their keys alone in news text ("Sergei Lavrov", "a YouTube
        // video", "Chechen fighters").
        "sergei", "sergey", "lavrov", "kerry", "john", "johnson", "boris", "tillerson", "mattis", "staffan", "mistura",
        "tom", "youtube", "michael", "hill", "hall", "hell", "were", "rage", "mission", "nazi",
        "heath", "wheat", "trade", "god", "allow", "soon", "sean", "mail", "bus", "kinda", "shaky", "theyre", "melania", "maria",
        "mona", "sami", "yasser", "maher", "mourad", "abdullah", "qassem", "kassem", "qasim", "issa", "abed", "mohammad",
        "noureddin", "qutaiba", "ridha", "rida", "reda", "haider", "kurd", "daeshs", "iss", "jaysh", "liwa", "liwaa", "fatah",
        "sharia", "shishani", "kazakh", "chechen", "baghdadi", "khorasan", "resumes", "use", "hudson", "rudaw", "chinese", "saud");

    /// <summary>Creates a recognizer over the built-in gazetteer.</summary>
    public PlaceRecognizer()
        : this(Gazetteer.Default)
    {
    }

    /// <inheritdoc/>
    public string Name => "place";

    /// <summary>The gazetteer names are looked up in.</summary>
    public Gazetteer Gazetteer { get; } = gazetteer;

    /// <inheritdoc/>
    public void Recognize(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var tokens = document.Tokens;
        var taken = TakenByOtherLayers(document);
        int i = 0;
        while (i < tokens.Count)
        {
            if (taken[i] || !CanStart(document, i))
            {
                i++;
                continue;
            }

            // "Baron Street", "Castello Road", "the Shaar gas field": a street or a field is a place of its own, which
            // no village entry stands for (its governorate comes from the article).
            if (FacilityEnd(document, i) is int facility && facility > i)
            {
                if (!(document.Is(facility, "said") || document.Is(facility, "says") || document.Is(facility, "told")))
                {
                    document.Places.Add(new PlaceMention(document.RangeOf(i, facility), i, facility, [], IsArea: false));
                }

                i = facility;
                continue;
            }

            int end = MatchAt(document, i, out var candidates);

            // "the village of Qasr Zeitoun": when the text introduces a longer name than the gazetteer matched, the
            // match is a namesake of its first word; the whole name is the place.
            int unknown = UnknownPlaceAt(document, i);

            // "Tal Salmo", "Kafr Hamra": a name's first word that is a common prefix of place names (hill, village,
            // monastery) matched alone, with a capitalized word after it, is the start of a longer name the gazetteer
            // lacks, not the district or village that prefix also names.
            if (end == i + 1 && unknown <= i && s_namePrefixes.Contains(document, i) && i + 1 < tokens.Count
                && tokens[i + 1].Kind == TokenKind.Word && char.IsUpper(document.Text[tokens[i + 1].Start]) && !tokens[i + 1].HasNewlineBefore
                && !s_notPlaceWords.Contains(document, i + 1))
            {
                unknown = CapitalizedRunEnd(document, i, out _);
            }
            // (A place abroad found by its key alone, not its spelling, is such a namesake too: "Tariq" is not Turkey.)
            // ("al-Hizam al-Akhdar area": the village al-Hizam is a namesake of the two-word name's first word.)
            if (unknown > end && (end == i + 1 || end == FirstWordEnd(document, i) && unknown == FirstWordEnd(document, end)) && candidates.All(c => c.Kind is PlaceKind.Locality or PlaceKind.District
                || c.Kind is PlaceKind.Foreign && !NameKey.IsClose(document.TokenText(i), c.Names)))
            {
                end = i;
            }

            if (end <= i)
            {
                // "the village of Hass", "the town of Jayrud": the text says it is a place, though the gazetteer has no
                // entry by that spelling. Kept, unresolved, so a claim can name it as written.
                end = unknown;
                if (end <= i)
                {
                    i++;
                    continue;
                }

                candidates = [];
            }

            // A name that speaks is a person or a body, not a place: "Activist Ahed Sileybi said". So is the family or
            // origin name after a kunya: "Abu Firas al-Suri", "Abu Bakr al-Baghdadi".
            if (end < tokens.Count && s_speech.Contains(document, end)
                || i >= 2 && (document.Is(i - 2, "Abu") || document.Is(i - 2, "Umm")) && tokens[i - 1].Kind == TokenKind.Word
                    && char.IsUpper(document.Text[tokens[i - 1].Start])
                || i >= 1 && s_personNouns.Contains(document, i - 1) && !char.IsUpper(document.Text[tokens[i - 1].Start]))
            {
                i = end;
                continue;
            }

            bool isArea = (end < tokens.Count && s_areaAfter.GetAlternateLookup<ReadOnlySpan<char>>().Contains(document.TokenText(end)))
                // "southern Idlib" is an area of the governorate; "the southern Ferdous district" is the neighbourhood.
                || (i > 0 && s_areaBefore.GetAlternateLookup<ReadOnlySpan<char>>().Contains(document.TokenText(i - 1))
                    && candidates.Any(c => c.Kind is PlaceKind.Governorate or PlaceKind.District))
                || (document.Is(i - 1, "of") && i >= 2 && s_areaAfter.GetAlternateLookup<ReadOnlySpan<char>>().Contains(document.TokenText(i - 2)));
            // "west Aleppo", "east Aleppo": the half of a town, which a claim names as written (the entry is the town's).
            int written = i;
            if (!isArea && i > 0 && (document.Is(i - 1, "east") || document.Is(i - 1, "west")) && !document.Is(i - 2, "the")
                && candidates.Any(c => c.Kind is PlaceKind.Locality or PlaceKind.Governorate))
            {
                written = i - 1;
            }

            document.Places.Add(new PlaceMention(document.RangeOf(i, end), i, end, candidates, isArea)
            {
                Written = written < i ? document.RangeOf(written, end) : null,
            });
            i = end;
        }

        DropSpeakers(document);
        AddRepeatedUnknownNames(document, taken);
        Resolve(document);
    }

    /// <summary>
    /// A person the article quotes is not a village elsewhere: "said media activist Yaarab Dali" when the text also has
    /// "Dali added". Names seen right before a verb of speech are dropped as places wherever they come, unless the text
    /// calls them a place (there or anywhere), or they name a governorate, a district, a district's seat or a place abroad.
    /// </summary>
    private static readonly WordSet s_speech = new(["said", "says", "told", "added", "stated"]);

    /// <summary>Nouns for a person that come before a name: "activist Mansoor Hussain", "spokesman Ahmed X".</summary>
    private static readonly WordSet s_personNouns = new(["activist", "spokesman", "spokeswoman", "spokesperson", "journalist", "reporter",
        "correspondent", "doctor", "dr", "commander", "official", "resident", "photographer", "researcher", "director", "chief", "leader"]);

    private static void DropSpeakers(Document document)
    {
        HashSet<string>? speakers = null;
        for (int k = 1; k < document.Tokens.Count; k++)
        {
            if (s_speech.Contains(document, k) && document.Tokens[k - 1].Kind == TokenKind.Word && char.IsUpper(document.Text[document.Tokens[k - 1].Start])
                && !(document.Is(k - 2, "in") || document.Is(k - 2, "from") || document.Is(k - 2, "near") || document.Is(k - 2, "of")))
            {
                (speakers ??= new HashSet<string>(StringComparer.Ordinal)).Add(document.TokenText(k - 1).ToString());
            }
        }

        if (speakers is null)
        {
            return;
        }

        var named = speakers.GetAlternateLookup<ReadOnlySpan<char>>();
        bool Dropped(PlaceMention m) => m.EndToken == m.FirstToken + 1 && named.Contains(document.TokenText(m.FirstToken))
            && m.Candidates.All(c => c.Kind == PlaceKind.Locality && c.Prominence < 400)
            && !IntroducedByPlaceNoun(document, m.FirstToken) && !document.Is(m.FirstToken - 1, "in");
        if (!document.Places.Exists(Dropped))
        {
            return;
        }

        // ("the village of Taduf said the Observatory", where the punctuation was lost, or "a teacher living in Midan
        // said": a place the text introduces or names as one is no speaker.)
        var nouns = s_placeNouns.GetAlternateLookup<ReadOnlySpan<char>>();
        for (int k = 2; k < document.Tokens.Count && speakers.Count > 0; k++)
        {
            if (document.Tokens[k].Kind == TokenKind.Word && char.IsUpper(document.Text[document.Tokens[k].Start]) && named.Contains(document.TokenText(k))
                && (IntroducedByPlaceNoun(document, k) || (k + 1 < document.Tokens.Count && nouns.Contains(document.TokenText(k + 1)))))
            {
                named.Remove(document.TokenText(k));
            }
        }

        document.Places.RemoveAll(Dropped);
    }

    /// <summary>
    /// A name the text introduced as a place though the gazetteer lacks it ("the village of Basqala") is a place where
    /// it comes again after a word that introduces one ("three died in Basqala"), with the same spelling.
    /// </summary>
    private static void AddRepeatedUnknownNames(Document document, bool[] taken)
    {
        HashSet<string>? names = null;
        foreach (var m in document.Places)
        {
            if (m.Candidates.Count == 0)
            {
                (names ??= new HashSet<string>(StringComparer.Ordinal)).Add(document.Text[m.Range.Start..m.Range.End]);
            }
        }

        if (names is null)
        {
            return;
        }

        var covered = new bool[document.Tokens.Count];
        foreach (var m in document.Places)
        {
            Array.Fill(covered, true, m.FirstToken, m.EndToken - m.FirstToken);
        }

        var lookup = names.GetAlternateLookup<ReadOnlySpan<char>>();
        var cues = s_cuesBefore.GetAlternateLookup<ReadOnlySpan<char>>();
        bool added = false;
        for (int i = 1; i < document.Tokens.Count; i++)
        {
            if (taken[i] || covered[i] || covered[i - 1] || !cues.Contains(document.TokenText(i - 1))
                || document.Tokens[i].Kind != TokenKind.Word || !char.IsUpper(document.Text[document.Tokens[i].Start]))
            {
                continue;
            }

            int end = CapitalizedRunEnd(document, i, out _);
            if (end <= i || !lookup.Contains(document.Text.AsSpan(document.Tokens[i].Start, document.Tokens[end - 1].End - document.Tokens[i].Start))
                || document.Is(end, "said") || document.Is(end, "says") || document.Is(end, "told"))
            {
                continue;
            }

            document.Places.Add(new PlaceMention(document.RangeOf(i, end), i, end, [], IsArea: false));
            Array.Fill(covered, true, i, end - i);
            added = true;
            i = end - 1;
        }

        if (added)
        {
            document.Places.Sort((a, b) => a.FirstToken.CompareTo(b.FirstToken));
        }
    }

    /// <summary>Tokens that other recognizers already explained: an actor, a source, a date, a number... is not a place.</summary>
    private static bool[] TakenByOtherLayers(Document doc)
    {
        var taken = new bool[doc.Tokens.Count];
        void Mark(int first, int end)
        {
            for (int k = first; k < end && k < taken.Length; k++)
            {
                taken[k] = true;
            }
        }

        foreach (var layer in (List<LexiconMention>[])[doc.Actors, doc.Sources, doc.Victims, doc.Attacks, doc.Casualties])
        {
            foreach (var m in layer)
            {
                Mark(m.FirstToken, m.EndToken);
            }
        }

        foreach (var d in doc.Dates)
        {
            Mark(d.FirstToken, d.EndToken);
        }

        if (doc.Dateline is { } dateline)
        {
            Mark(dateline.FirstToken, dateline.EndToken);
        }

        foreach (var n in doc.Numbers)
        {
            Mark(n.FirstToken, n.EndToken);
        }

        return taken;
    }

    private static readonly WordSet s_notPlaceWords = new(s_notPlaces);

    private static readonly WordSet s_articleWords = new(s_articles);

    private static bool CanStart(Document doc, int i)
    {
        var t = doc.Tokens[i];
        if (t.Kind != TokenKind.Word)
        {
            return false;
        }

        var text = doc.TokenText(i);
        if (text.Length == 1 && char.IsUpper(text[0]) && doc.Is(i + 1, "Syria"))
        {
            return false; // "N Syria": a direction, not a village's initial
        }

        // "R", "U", "St": an initial or an abbreviation, unless the text says it is a place.
        if (text.Length < 3 && char.IsUpper(text[0]) && !(doc.Is(i + 1, '-') && !doc.Tokens[i + 1].HasSpaceBefore) && !IntroducedByPlaceNoun(doc, i)
            && !s_articleWords.Contains(doc, i) && !doc.Is(i, "um"))
        {
            return false;
        }

        if (char.IsUpper(text[0]))
        {
            // A word that is seldom a place starts one when the text says it does: "the neighbourhood of Sheikh Said".
            return !s_notPlaceWords.Contains(doc, i) || (doc.Is(i + 1, '-') && !doc.Tokens[i + 1].HasSpaceBefore)
                || IntroducedByPlaceNoun(doc, i) || doc.Is(i, "sheikh") && NamedAsQuarter(doc, i);
        }

        if (text[0] is >= '\u0621' and <= '\u064a')
        {
            return true;
        }

        // "al-Bab": a lower-case article glued to a capitalized word.
        return s_articleWords.Contains(doc, i) && doc.Is(i + 1, '-')
            && i + 2 < doc.Tokens.Count && doc.Tokens[i + 2].Kind == TokenKind.Word && char.IsUpper(doc.Text[doc.Tokens[i + 2].Start]);
    }

    /// <summary>Whether a quarter's noun follows the name at <paramref name="i"/> ("the Sheikh Maqsoud area", "Sheikh Maqsood
    /// neighbourhood"): a title that starts a place's name.</summary>
    private static bool NamedAsQuarter(Document doc, int i)
    {
        int end = CapitalizedRunEnd(doc, i, out int words);
        return words > 1 && end < doc.Tokens.Count && (doc.Is(end, "area") || doc.Is(end, "neighbourhood") || doc.Is(end, "neighborhood") || doc.Is(end, "district"));
    }

    private static readonly FrozenSet<string> s_placeNouns = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
        "village", "villages", "town", "towns", "city", "neighbourhood", "neighborhood", "district", "camp", "suburb", "area", "areas");

    /// <summary>Whether "village of", "the town of", "neighbourhood of"... stands before token <paramref name="i"/>.</summary>
    private static bool IntroducedByPlaceNoun(Document doc, int i) =>
        doc.Is(i - 1, "of") && i >= 2 && s_placeNouns.GetAlternateLookup<ReadOnlySpan<char>>().Contains(doc.TokenText(i - 2));

    /// <summary>The end of a capitalized name that a place noun introduces ("the village of X") or follows ("X neighbourhood"), or <paramref name="first"/>.</summary>
    private static int UnknownPlaceAt(Document doc, int first)
    {
        var nouns = s_placeNouns.GetAlternateLookup<ReadOnlySpan<char>>();
        bool introduced = IntroducedByPlaceNoun(doc, first);
        int end = CapitalizedRunEnd(doc, first, out int words);
        // ("the Rashidin area" and "al-Hizam al-Akhdar area" are places; "Aleppo area" after no article is left to the
        // gazetteer's names.)
        bool followed = end < doc.Tokens.Count && nouns.Contains(doc.TokenText(end))
            && (!doc.Is(end, "area") || doc.Is(first - 1, "the") || words == 2 && FirstWordEnd(doc, first) > first + 1 && FirstWordEnd(doc, first + 3) == end);
        // (A run with a word that is never a place's after its first is a headline's words, not a name: "Bus Convoy
        // Evacuating Syrians From Besieged Towns".)
        for (int k = first + 1; k < end; k++)
        {
            if (doc.Tokens[k].Kind == TokenKind.Word && char.IsUpper(doc.Text[doc.Tokens[k].Start]) && s_notPlaceWords.Contains(doc, k) && !s_articleWords.Contains(doc, k)
                && !nouns.Contains(doc.TokenText(k)) && !s_streets.Contains(doc, k) && !doc.Is(k, "camp"))
            {
                return first;
            }
        }

        return words > 0 && (introduced || followed || Located(doc, first, end) || Appositive(doc, end)) ? end : first;
    }

    /// <summary>The end of the word at <paramref name="i"/>, with its article when it has one glued on ("al-Hizam").</summary>
    private static int FirstWordEnd(Document doc, int i) =>
        i + 2 < doc.Tokens.Count && s_articleWords.Contains(doc, i) && doc.Is(i + 1, '-') ? i + 3 : i + 1;

    private static readonly WordSet s_settlements = new(["village", "town", "city", "neighbourhood", "neighborhood", "suburb"]);

    /// <summary>Whether what follows a name says what kind of place it is: "Babeska, a village in Idlib province", "Hass, a
    /// small rebel-held town".</summary>
    private static bool Appositive(Document doc, int end)
    {
        int k = doc.Is(end, ',') ? end + 1 : end;
        if (!(doc.Is(k, "a") || doc.Is(k, "an")))
        {
            return false;
        }

        // Up to two words between the article and the noun ("a small rebel-held town").
        for (int j = k + 1; j <= k + 3 && j < doc.Tokens.Count; j++)
        {
            if (s_settlements.Contains(doc, j))
            {
                return doc.Is(j + 1, "in") || doc.Is(j + 1, "near") || doc.Is(j + 1, "of") || doc.Is(j + 1, "on") || doc.Is(j + 1, "held")
                    || doc.Is(j + 1, "that") || doc.Is(j + 1, "which") || doc.Is(j + 1, "where") || doc.Is(j + 1, ',');
            }

            if (doc.Tokens[j].Kind != TokenKind.Word || doc.Is(j, "said"))
            {
                return false;
            }
        }

        return false;
    }

    private static readonly string[] s_streetWords = ["street", "road", "highway", "roundabout", "square"];

    private static readonly WordSet s_streets = new(s_streetWords);

    private static readonly WordSet s_namePrefixes = new(["tal", "tel", "tell", "kafr", "kfar", "deir", "ain", "ein", "bir", "jisr", "khan", "beit", "tall"]);

    private static readonly WordSet s_facilityWords = new([.. s_streetWords, "gas", "oil"]);

    /// <summary>
    /// The end of a street's or a field's name at <paramref name="first"/>: a capitalized run whose last word is
    /// "Street", "Road", "Highway", "Roundabout" or "Square" ("Baron Street"), or a capitalized run then "gas field" or
    /// "oil field"; <c>null</c> otherwise.
    /// </summary>
    private static int? FacilityEnd(Document doc, int first)
    {
        if (!char.IsUpper(doc.Text[doc.Tokens[first].Start]))
        {
            return null;
        }

        // (Most names are followed by no such word: look for one before walking the run.)
        bool near = false;
        for (int j = first + 1; j < Math.Min(doc.Tokens.Count, first + 6) && !near; j++)
        {
            near = s_facilityWords.Contains(doc, j);
        }

        if (!near)
        {
            return null;
        }

        int end = CapitalizedRunEnd(doc, first, out int words);
        if (words >= 2 && s_streets.Contains(doc, end - 1))
        {
            return end;
        }

        if (words >= 1 && (doc.Is(end, "gas") || doc.Is(end, "oil")) && (doc.Is(end + 1, "field") || doc.Is(end + 1, "fields")))
        {
            return end + 2;
        }

        return null;
    }

    /// <summary>Whether a name after a place cue is placed by its bearing from another: "around Al Maleh north of
    /// Aleppo", "in Kafr Hamra, west of Aleppo".</summary>
    private static bool Located(Document doc, int first, int end)
    {
        if (first == 0 || !s_cuesBefore.GetAlternateLookup<ReadOnlySpan<char>>().Contains(doc.TokenText(first - 1)) || doc.Is(first - 1, "and"))
        {
            return false;
        }

        var compass = s_compass.GetAlternateLookup<ReadOnlySpan<char>>();
        int k = doc.Is(end, ',') ? end + 1 : end;
        if (k >= doc.Tokens.Count || !compass.Contains(doc.TokenText(k)))
        {
            return false;
        }

        k = doc.Is(k + 1, '-') && k + 2 < doc.Tokens.Count && compass.Contains(doc.TokenText(k + 2)) ? k + 3 : k + 1;
        return doc.Is(k, "of") && k + 1 < doc.Tokens.Count && doc.Tokens[k + 1].Kind == TokenKind.Word && char.IsUpper(doc.Text[doc.Tokens[k + 1].Start]);
    }

    private static readonly FrozenSet<string> s_compass = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
        "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest");

    /// <summary>The end of the run of up to four capitalized words (with hyphens and articles inside) at <paramref name="first"/>.</summary>
    private static int CapitalizedRunEnd(Document doc, int first, out int words)
    {
        int end = first;
        words = 0;
        var articles = s_articles.GetAlternateLookup<ReadOnlySpan<char>>();
        while (end < doc.Tokens.Count && words < 4)
        {
            var t = doc.Tokens[end];
            if (end > first && t.HasNewlineBefore)
            {
                break;
            }

            if (t.Kind == TokenKind.Word && char.IsUpper(doc.Text[t.Start]))
            {
                words++;
                end++;
                continue;
            }

            if ((doc.Is(end, '-') && !t.HasSpaceBefore) || (t.Kind == TokenKind.Word && articles.Contains(doc.TokenText(end)) && doc.Is(end + 1, '-')))
            {
                end++;
                continue;
            }

            break;
        }

        while (end > first && !(doc.Tokens[end - 1].Kind == TokenKind.Word && char.IsUpper(doc.Text[doc.Tokens[end - 1].Start])))
        {
            end--;
        }

        return end;
    }

    /// <summary>The end of the longest known name starting at <paramref name="first"/>, or <paramref name="first"/>.</summary>
    private int MatchAt(Document doc, int first, out IReadOnlyList<Place> candidates)
    {
        candidates = [];
        var tokens = doc.Tokens;
        var articles = s_articles.GetAlternateLookup<ReadOnlySpan<char>>();

        // Collect the word ends a name may stop at: after each capitalized (or Arabic) word.
        Span<int> ends = stackalloc int[MaxWords];
        int count = 0;
        for (int k = first; k < tokens.Count && count < MaxWords; k++)
        {
            var t = tokens[k];
            if (k > first && t.HasNewlineBefore)
            {
                break;
            }

            if (t.Kind == TokenKind.Word)
            {
                var text = doc.TokenText(k);
                if (char.IsUpper(text[0]) || text[0] is >= '\u0621' and <= '\u064a')
                {
                    ends[count++] = k + 1;
                    continue;
                }

                if (articles.Contains(text))
                {
                    continue; // "Maarat al-Numan", "Deir ez-Zor": an article inside a name
                }

                break;
            }

            // Hyphens and apostrophes glued inside a name.
            if ((doc.Is(k, '-') || doc.Is(k, '\'')) && !t.HasSpaceBefore && k + 1 < tokens.Count && !tokens[k + 1].HasSpaceBefore)
            {
                continue;
            }

            break;
        }

        for (int e = count - 1; e >= 0; e--)
        {
            var name = doc.Text.AsSpan(tokens[first].Start, tokens[ends[e] - 1].End - tokens[first].Start);
            IReadOnlyList<Place> found = [];
            if (e == 0 && name.Length > 4 && name[^1] == 's')
            {
                // A possessive written without its apostrophe, as some sources strip them: "Syrias", "Aleppos" (spelled as
                // the entry is: "Meles" is not the possessive of a "Malah").
                var stem = name[..^1].ToString();
                found = Gazetteer.Match(stem).Where(p => (p.Kind != PlaceKind.Locality || p.Prominence > 0) && NameKey.LooseDistance(stem, p.Names) == 0).ToList();
            }

            if (found.Count == 0)
            {
                found = Gazetteer.Match(name);
            }

            if (found.Count == 0)
            {
                continue;
            }

            if (!IsAcceptable(doc, first, ends[e], found))
            {
                continue;
            }

            // "Syria Air strikes": a name that starts with a country is the country, unless the whole is a known town.
            if (e > 0 && found.All(p => p.Prominence == 0)
                && PlaceResolver.Choose(doc.TokenText(first).ToString(), Gazetteer.Match(doc.TokenText(first)), PlaceEvidence.None).Place is { Kind: PlaceKind.Foreign or PlaceKind.Governorate })
            {
                continue;
            }

            candidates = found;
            return ends[e];
        }

        return first;
    }

    private static bool IsAcceptable(Document doc, int first, int end, IReadOnlyList<Place> found)
    {
        if (found.Any(p => p.Prominence > 0 || p.Kind != PlaceKind.Locality))
        {
            return true;
        }

        // A small village needs a word that introduces a place, before or after it.
        int before = first - 1;
        while (before >= 0 && (doc.Is(before, "the") || doc.Is(before, "of")) && before > first - 3)
        {
            if (doc.Is(before, "of"))
            {
                return true;
            }

            before--;
        }

        if (before >= 0 && s_cuesBefore.GetAlternateLookup<ReadOnlySpan<char>>().Contains(doc.TokenText(before)))
        {
            return true;
        }

        if (before >= 0 && doc.Is(before, ',') && before > 0 && doc.Places.Count > 0 && doc.Places[^1].EndToken == before)
        {
            return true; // a list of places: "in Jarjanaz, Telmenes and Maasran"
        }

        return end < doc.Tokens.Count && s_cuesAfter.GetAlternateLookup<ReadOnlySpan<char>>().Contains(doc.TokenText(end));
    }

    /// <summary>Governorates that unambiguous mentions name within the 40 tokens before <paramref name="m"/> or the rest of its sentence.</summary>
    private static HashSet<string> NearbyGovernorates(Document doc, PlaceMention m, PlaceChoice[] alone)
    {
        var near = new HashSet<string>(StringComparer.Ordinal);
        int sentenceEnd = SentenceEnd(doc, m.FirstToken);
        var places = doc.Places;
        int lo = 0, hi = places.Count;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (places[mid].FirstToken < m.FirstToken - 40)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        for (int i = lo; i < places.Count && places[i].FirstToken < Math.Max(sentenceEnd, m.EndToken); i++)
        {
            var other = places[i];
            if (ReferenceEquals(other, m))
            {
                continue;
            }

            if (alone[i] is { Confidence: >= 0.9, Place: { Governorate: { } governorate } place }
                && (place.Kind is PlaceKind.Governorate or PlaceKind.District or PlaceKind.Area || place.Prominence > 0))
            {
                near.Add(governorate);
            }
        }

        return near;
    }

    private static bool IsAroundTheCity(Document doc, PlaceMention m)
    {
        int k = m.FirstToken - 1;
        if (doc.Is(k, "near") || doc.Is(k, "outside") || doc.Is(k, "around") || doc.Is(m.EndToken, "suburbs") || doc.Is(m.EndToken, "countryside"))
        {
            return true;
        }

        // "east of Damascus", "the outskirts of Damascus", "suburbs of Damascus"
        return doc.Is(k, "of") && (doc.Is(k - 1, "outskirts") || doc.Is(k - 1, "suburbs") || doc.Is(k - 1, "east") || doc.Is(k - 1, "west")
            || doc.Is(k - 1, "north") || doc.Is(k - 1, "south") || doc.Is(k - 1, "northeast") || doc.Is(k - 1, "northwest")
            || doc.Is(k - 1, "southeast") || doc.Is(k - 1, "southwest") || doc.Is(k - 1, "countryside"));
    }

    private static int SentenceEnd(Document doc, int token)
    {
        var sentences = doc.Sentences;
        int lo = 0, hi = sentences.Count - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            if (sentences[mid].EndToken <= token)
            {
                lo = mid + 1;
            }
            else if (sentences[mid].FirstToken > token)
            {
                hi = mid - 1;
            }
            else
            {
                return sentences[mid].EndToken;
            }
        }

        return token + 1;
    }

    /// <summary>Chooses an entry for each mention (see <see cref="PlaceResolver"/>), with the article as context.</summary>
    /// <summary>The one governorate all of <paramref name="candidates"/> that have one share, if they share one.</summary>
    private static string? OnlyGovernorate(IReadOnlyList<Place> candidates)
    {
        string? only = null;
        foreach (var c in candidates)
        {
            if (c.Governorate is null || c.Governorate == only)
            {
                continue;
            }

            if (only is not null)
            {
                return null;
            }

            only = c.Governorate;
        }

        return only;
    }

    private static readonly WordSet s_quarterWords = new(["neighbourhood", "neighborhood", "quarter"]);

    /// <summary>Whether the text calls the place a neighbourhood: "the Qusour neighborhood", "the neighbourhood of Midan".</summary>
    private static bool IsQuarter(Document doc, PlaceMention m) =>
        m.EndToken < doc.Tokens.Count && s_quarterWords.Contains(doc, m.EndToken)
        || m.FirstToken >= 2 && doc.Is(m.FirstToken - 1, "of") && s_quarterWords.Contains(doc, m.FirstToken - 2);

    /// <summary>
    /// The entries a neighbourhood's name may mean: no district or governorate, and only places of the city it is said to
    /// be in ("of the capital", "of Aleppo") or that the sentence names before it; <c>null</c> when that leaves the
    /// candidates as they are.
    /// </summary>
    private static List<Place>? QuarterCandidates(Document doc, int index, PlaceChoice[] alone)
    {
        var m = doc.Places[index];
        string? city = null;
        int after = m.EndToken < doc.Tokens.Count && s_quarterWords.Contains(doc, m.EndToken) ? m.EndToken + 1 : m.EndToken;
        if (doc.Is(after, "of") && doc.Is(after + 1, "the") && doc.Is(after + 2, "capital"))
        {
            city = "Damascus";
        }
        else if (doc.Is(after, "of") && index + 1 < doc.Places.Count && doc.Places[index + 1].FirstToken == after + 1
            && alone[index + 1].Place is { Kind: PlaceKind.Governorate } next)
        {
            city = next.Governorate;
        }
        else
        {
            int sentenceStart = SentenceStart(doc, m.FirstToken);
            for (int j = index - 1; j >= 0 && doc.Places[j].FirstToken >= sentenceStart; j--)
            {
                if (alone[j].Place is { Kind: PlaceKind.Governorate } seat)
                {
                    city = seat.Governorate;
                    break;
                }
            }
        }

        var kept = m.Candidates.Where(c => c.Kind is PlaceKind.Locality or PlaceKind.Area && (city is null || c.Governorate == city)).ToList();
        return kept.Count == m.Candidates.Count ? null : kept;
    }

    private static int SentenceStart(Document doc, int token)
    {
        foreach (var sentence in doc.Sentences)
        {
            if (sentence.EndToken > token)
            {
                return sentence.FirstToken;
            }
        }

        return 0;
    }

    private static void Resolve(Document doc)
    {
        // First the names that need no context (units, places in one governorate); then the others, with the first as
        // evidence: "Harasta and Douma and the towns of Mesraba" puts Mesraba in Rif Dimashq.
        var alone = new PlaceChoice[doc.Places.Count];
        for (int i = 0; i < alone.Length; i++)
        {
            var m = doc.Places[i];
            alone[i] = PlaceResolver.Choose(doc.Text[m.Range.Start..m.Range.End], m.Candidates, PlaceEvidence.None);
        }

        // Governorates the article names, directly or through unambiguous places, with how often. A governorate's or
        // district's own name counts twice, even when a village elsewhere shares it ("Quneitra"); small villages found
        // by spelling alone are weak evidence: only governorates, districts, areas and towns count.
        var weight = new Dictionary<string, double>(StringComparer.Ordinal);
        for (int i = 0; i < alone.Length; i++)
        {
            var m = doc.Places[i];
            if (alone[i] is { ContextFree: true, Place: { Kind: PlaceKind.Governorate or PlaceKind.District, Governorate: { } unit } })
            {
                weight[unit] = weight.GetValueOrDefault(unit) + 2;
            }
            else if (OnlyGovernorate(m.Candidates) is { } only && m.Candidates.Any(c => c.Kind != PlaceKind.Locality || c.Prominence > 0))
            {
                bool direct = m.Candidates.Any(c => c.Kind is PlaceKind.Governorate or PlaceKind.District);
                weight[only] = weight.GetValueOrDefault(only) + (direct ? 2 : 1);
            }
        }

        string? hint = doc.Article.LocationHint is { } h ? Gazetteer.Default.Lookup(h).FirstOrDefault(p => p.Kind == PlaceKind.Governorate)?.Governorate : null;

        for (int i = 0; i < alone.Length; i++)
        {
            var m = doc.Places[i];
            if (alone[i].Place is not { Kind: PlaceKind.Foreign } && IsQuarter(doc, m) && QuarterCandidates(doc, i, alone) is { } inCity)
            {
                // "the Qusour neighbourhood" of Deir ez-Zor is not the Qusayr district of Homs: a city's quarter is one
                // of the city's places, or a name the gazetteer lacks.
                doc.Places[i] = m = m with { Candidates = inCity };
                alone[i] = PlaceResolver.Choose(doc.Text[m.Range.Start..m.Range.End], inCity, PlaceEvidence.None);
            }

            var choice = alone[i].ContextFree ? alone[i]
                : PlaceResolver.Choose(doc.Text[m.Range.Start..m.Range.End], m.Candidates, new PlaceEvidence(weight, NearbyGovernorates(doc, m, alone), hint));
            m.Resolved = choice.Place;
            m.Confidence = choice.Confidence;
            m.Reason = choice.Reason;

            // "near Damascus", "east of Damascus", "the outskirts of Damascus": the city's surroundings, which are
            // Rif Dimashq (the spec's convention), not the city.
            if (choice.Place is { Kind: PlaceKind.Governorate, Governorate: "Damascus" } && IsAroundTheCity(doc, m)
                && Gazetteer.Default.Governorates.TryGetValue("Rif Dimashq", out var surroundings))
            {
                m.Resolved = surroundings;
                m.Reason = "around Damascus: Rif Dimashq";
            }
        }
    }
}
