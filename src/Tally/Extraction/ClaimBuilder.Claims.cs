using System.Collections.Frozen;
using Tally.Geography;
using Tally.Recognizers;
using Tally.Text;

namespace Tally.Extraction;

// Claims: place, date, agents, weapon and sources around a figure.
public static partial class ClaimBuilder
{
    private static Claim MakeClaim(Document doc, LayerIndex index, Figure? killed, Figure? injured, Figure lead)
    {
        var sentence = doc.Sentences[lead.Sentence];
        int claimStart = Math.Min(killed?.FirstToken ?? int.MaxValue, injured?.FirstToken ?? int.MaxValue);
        int claimEnd = Math.Max(killed?.EndToken ?? 0, injured?.EndToken ?? 0);
        var (clauseFrom, clauseTo) = ClauseOf(doc, index, lead, claimEnd);

        // Windows to look in, nearest first: after the figure in its clause, before it, the sentence, the sentences before, the lead.
        var windows = new List<(int From, int To)>
        {
            (claimEnd, clauseTo),
            (clauseFrom, claimStart),
            (sentence.FirstToken, sentence.EndToken),
        };
        for (int back = 1; back <= 2 && lead.Sentence - back >= 0; back++)
        {
            var previous = doc.Sentences[lead.Sentence - back];
            if (previous.Paragraph == sentence.Paragraph || back == 1)
            {
                windows.Add((previous.FirstToken, previous.EndToken));
            }
        }

        var leadSentences = doc.Sentences.Take(2).Where(x => x.FirstToken != sentence.FirstToken).Select(x => (x.FirstToken, x.EndToken));
        var contextWindows = windows.Concat(leadSentences).ToList();

        // Other figures of the sentence have their own places: the sentence as a whole speaks for a figure only when it is alone.
        bool alone = index.FiguresIn(lead.Sentence).All(f => f == killed || f == injured);
        var placeWindows = alone ? windows : [windows[0], windows[1], (0, 0), .. windows.Skip(3)];
        if (!alone && lead.Casualty is { } shared && shared.FirstToken >= lead.EndToken
            && index.FiguresIn(lead.Sentence).Any(f => f != lead && f.FirstToken >= lead.EndToken && f.EndToken <= shared.FirstToken))
        {
            // Parts that share a verb after them share what follows it: "30 soldiers and 39 rebels were killed in
            // battles around Al Maleh".
            placeWindows.Insert(1, ClauseOf(doc, index, lead, shared.EndToken) with { From = shared.EndToken });
        }
        // "Four were killed in X, raising the death toll in 48 hours of strikes to 22": a running total over the events
        // told, with no place of its own (not "the toll from the raids on X has risen to 42", one incident's toll).
        bool runningToll = lead.Casualty is { } tollWord && tollWord.Values.Any(v => v.Length > 1 && v[1] == "toll") && lead.Number is { } tollCount
            && tollCount.FirstToken > tollWord.FirstToken && doc.Is(tollCount.FirstToken - 1, "to")
            && index.FiguresIn(lead.Sentence).Any(f => f.Kind == FigureKind.Killed && f.EndToken <= tollWord.FirstToken);
        var (place, governorate) = FindPlace(doc, index, runningToll ? [windows[0]] : placeWindows, contextWindows, lead.Sentence, runningToll);
        var (date, precision) = FindDate(doc, index, windows, contextWindows, lead);

        // A past attack known by its date, with no place in its sentence ("an August 21 gas attack killed more than 1400"):
        // the spec gives it no governorate rather than the article's.
        if (place is null && governorate is not null && !index.PlacesIn(sentence.FirstToken, sentence.EndToken).Any(p => !p.IsForeign)
            && date is { Range: { } dateRange } && dateRange.Start >= sentence.Range.Start && dateRange.Start < sentence.Range.End && doc.Published is { } published
            && Math.Abs(published.DayNumber - date.Value.Value.DayNumber) > 7)
        {
            governorate = null;
        }
        var attack = FindAttack(doc, index, windows, contextWindows, lead);
        // The lead speaks for the perpetrators of a figure elsewhere only if it is about the same governorate: a lead on
        // strikes in Hama does not say who fired the rockets that hit Idlib further down.
        var leadPlaces = leadSentences.SelectMany(w => index.PlacesIn(w.FirstToken, w.EndToken))
            .Where(p => !p.IsForeign && p.Resolved?.Governorate is not null).Select(p => p.Resolved!.Governorate).ToList();
        bool leadElsewhere = governorate is { } claimGovernorate && leadPlaces.Count > 0 && !leadPlaces.Contains(claimGovernorate.Value);
        // An attack of weeks before: its date, or a month or day its sentence names ("in February").
        bool past = doc.Published is { } day && (date is { } claimDate ? Math.Abs(day.DayNumber - claimDate.Value.DayNumber) > 7
            : index.DatesIn(sentence.FirstToken, sentence.EndToken).Any(d => (d.To ?? d.Date) is { } to && day.DayNumber - to.DayNumber > 7));
        var perpetrators = FindPerpetrators(doc, index, leadElsewhere ? windows : contextWindows, lead, attack?.Value, past);

        // A chemical attack the sentence leaves unattributed: the attacker the article names most (chemical attacks are
        // rarely reported without someone blamed somewhere in the text).
        if (attack?.Value == "chemical" && perpetrators is [{ Value: "unknown" }])
        {
            if (MostNamed(doc.Actors.Where(a => IsAgent(doc, index, a, lead))) is { } named)
            {
                perpetrators = [new Sourced<string>(named, null)];
            }
        }
        var sources = FindSources(doc, index, lead);

        return new Claim
        {
            Date = date,
            DatePrecision = precision,
            Place = place,
            Governorate = governorate,
            Perpetrators = perpetrators,
            Attack = attack,
            Killed = killed is null ? Counts.None : CountsOf(killed),
            Injured = injured is null ? Counts.None : CountsOf(injured),
            Sources = sources,
            Evidence = EvidenceOf(doc, sentence, claimStart, claimEnd),
        };
    }

    /// <summary>The places after "in each of" that follows the figure, if it says so.</summary>
    private static List<PlaceMention> EachOfPlaces(Document doc, LayerIndex index, Figure figure)
    {
        var sentence = doc.Sentences[figure.Sentence];
        for (int k = figure.EndToken; k < Math.Min(sentence.EndToken, figure.EndToken + 3); k++)
        {
            if (doc.Is(k, "each") && doc.Is(k + 1, "of"))
            {
                return index.PlacesIn(k + 2, sentence.EndToken).Where(p => !p.IsForeign && !p.IsArea).ToList();
            }
        }

        return [];
    }

    private static Counts CountsOf(Figure f)
    {
        Sourced<long>? Part(string category) => f.Breakdown.TryGetValue(category, out var v) ? new Sourced<long>(v.Value, v.Range) : null;
        return new Counts
        {
            Total = f.Value is { } v ? new Sourced<long>(v, f.Range) : null,
            Civilians = Part("civilian"),
            Children = Part("child"),
            Women = Part("woman"),
            Fighters = Part("fighter"),
            Qualifier = f.Qualifier,
            Vague = f.Vague,
        };
    }

    /// <summary>The clause around a figure: from the previous figure (or the sentence start) to the next one (or the sentence end).</summary>
    private static (int From, int To) ClauseOf(Document doc, LayerIndex index, Figure figure, int end = -1)
    {
        var sentence = doc.Sentences[figure.Sentence];
        int from = sentence.FirstToken, to = sentence.EndToken;
        foreach (var other in index.FiguresIn(figure.Sentence))
        {
            if (other.EndToken <= figure.FirstToken && other.EndToken > from)
            {
                from = other.EndToken;
            }

            if (other.FirstToken >= Math.Max(end, figure.EndToken) && other.FirstToken < to)
            {
                to = other.FirstToken;
            }
        }

        // Between two figures, "while" or "whereas" starts the second one's clause: "strikes on A killed 17 while
        // shelling on B killed another two".
        for (int k = Math.Max(end, figure.EndToken); k < to; k++)
        {
            if (to < sentence.EndToken && (doc.Is(k, "while") || doc.Is(k, "whereas")))
            {
                to = k;
                break;
            }
        }

        for (int k = figure.FirstToken - 1; k >= from; k--)
        {
            if (from > sentence.FirstToken && (doc.Is(k, "while") || doc.Is(k, "whereas")))
            {
                from = k;
                break;
            }
        }

        return (from, to);
    }

    private static CharRange EvidenceOf(Document doc, Sentence sentence, int first, int end)
    {
        var range = sentence.Range;
        if (doc.ToRaw(range).Length <= Formats.ClaimsWriter.MaxEvidence)
        {
            return range;
        }

        // A long sentence: the figure with what comes around it, within the limit.
        int start = doc.Tokens[first].Start;
        int stop = doc.Tokens[Math.Max(first, end - 1)].End;
        int from = Math.Max(range.Start, start - 100);
        int to = Math.Min(range.End, Math.Max(stop, from + Formats.ClaimsWriter.MaxEvidence - 10));
        while (from > range.Start && !char.IsWhiteSpace(doc.Text[from - 1]))
        {
            from++;
        }

        return new CharRange(from, Math.Max(from, to));
    }

    private static (Sourced<string>? Place, Sourced<string>? Governorate) FindPlace(Document doc, LayerIndex index, List<(int From, int To)> windows,
        List<(int From, int To)> context, int sentence, bool total)
    {
        // The most specific place in the clause, then the sentence; a place the attack came from ("fired from Idlib into
        // Latakia") only when no other is named.
        for (int w = 0; w < Math.Min(3, windows.Count); w++)
        {
            var (from, to) = windows[w];
            // (OrderBy is stable: the places where it fell in text order, then the places it came from.)
            var inWindow = index.PlacesIn(from, to).Where(p => !IsInstitution(doc, p)).OrderBy(p => IsOrigin(doc, p));
            foreach (var p in inWindow)
            {

                if (p.IsForeign)
                {
                    // An incident abroad: "rockets hit the border city of Kilis". The spec gives it no governorate.
                    if (w <= 1 && (doc.Is(p.FirstToken - 1, "of") && doc.Is(p.FirstToken - 2, "city") || doc.Is(p.FirstToken - 1, "hit")))
                    {
                        return (new Sourced<string>(doc.RawText(p.Named), p.Named), null);
                    }

                    continue;
                }

                var gov = GovernorateOf(doc, p, context, index);
                var written = new Sourced<string>(doc.RawText(p.Named), p.Named);
                Sourced<string>? governorate = gov is null ? null : new Sourced<string>(gov, p.Range);

                // A city named only as a bearing ("a village near Aleppo", "a transit point west of Aleppo"): the
                // place the article's events there happened in, if it names one.
                if (p.Resolved is { Kind: PlaceKind.Governorate } && IsBearing(doc, p) && gov is not null
                    && index.Memo(IncidentPlaces).TryGetValue(gov, out var near))
                {
                    return (new Sourced<string>(doc.RawText(near.Named), near.Named), governorate);
                }

                // "the neighbourhoods of al-Jamiliyeh, Mogambo and al-Ashrafiyeh", "Hamadaniyah, Midan and other
                // neighbourhoods": several places in one figure are the city they lie in, as the spec has it, when
                // the article names it as a city.
                if (InNeighbourhoodList(doc, p))
                {
                    return (ContainingCity(doc, index, gov) is { } city ? new Sourced<string>(doc.RawText(city.Named), city.Named) : null, governorate);
                }

                // A governorate named as such ("Rural Damascus", "near Damascus" read as Rif Dimashq) is an area too.
                // A governorate's seat named bare ("in Idlib") is the governorate, unless the article speaks of the city or
                // of a half of it ("west Aleppo").
                bool governorateOnly = p.Resolved is { Kind: PlaceKind.Governorate } unit
                    && (unit.Governorate == "Damascus" || NameKey.Remembered(doc.RawText(p.Range)) != NameKey.Remembered(unit.Name)
                        || (p.Written is null && !index.Memo(CitiesMeant).Contains(unit.Governorate ?? "")));
                // "western Aleppo" in an article about the city: the half of the city, as written ("west Aleppo" is
                // recognized as written already).
                if (p.IsArea && (doc.Is(p.FirstToken - 1, "western") || doc.Is(p.FirstToken - 1, "eastern")) && p.Resolved is { Kind: PlaceKind.Governorate }
                    && !doc.Is(p.EndToken, "countryside") && !doc.Is(p.EndToken, "province") && !doc.Is(p.EndToken, "governorate")
                    && !doc.Is(p.EndToken, "region") && ContainingCity(doc, index, gov) is not null)
                {
                    var half = doc.RangeOf(p.FirstToken - 1, p.EndToken);
                    return (new Sourced<string>(doc.RawText(half), half), governorate);
                }

                // A region the gazetteer knows as one ("the Eastern Ghouta region") is the place, not its governorate.
                if (p.IsArea && p.Resolved is { Kind: PlaceKind.Area } && (doc.Is(p.EndToken, "region") || doc.Is(p.EndToken, "area")))
                {
                    return (written, governorate);
                }

                if (p.IsArea || governorateOnly)
                {
                    // "Idlib province", "southern Idlib", Damascus city: the governorate only, unless a more specific place follows.
                    // A name the text calls a place, which the gazetteer lacks, is taken to lie in that governorate ("the
                    // Salihiya neighbourhood of the capital"), unless it is the place of a part that follows ("six in
                    // Idlib, including three in the village of X").
                    var inner = index.PlacesIn(from, to).FirstOrDefault(q => IsInner(doc, q, gov)
                        && (q.Resolved is not null || !index.NumbersIn(p.EndToken, q.FirstToken).Any()))
                        ?? (w == 0 && windows.Count > 1 ? index.PlacesIn(windows[1].From, windows[1].To).FirstOrDefault(q => IsInner(doc, q, gov)) : null)
                        ?? (sentence < LeadSentences && !IsAcross(doc, p) ? Elaboration(doc, index, sentence, gov) : null);
                    return inner is not null ? (new Sourced<string>(doc.RawText(inner.Named), inner.Named), governorate) : (null, governorate);
                }

                // "Air strikes on the areas of Mesraba and Madira": towns listed for one figure are in the region the
                // article names that holds them (Eastern Ghouta), when it names one.
                if (p.Resolved is { Kind: PlaceKind.Locality } listed && gov is not null && listed.Governorate == gov && ListedWithAnother(doc, index, p, to)
                    && RegionNamed(doc, gov) is { } region)
                {
                    return (new Sourced<string>(doc.RawText(region.Named), region.Named), governorate);
                }

                // "Aleppo city's district of Tariq al-Bab", "Aleppo's Sukkari district": the quarter the city's name leads to.
                if (p.Resolved is { Kind: PlaceKind.Governorate } && QuarterAfter(doc, index, p, gov) is { } quarter)
                {
                    return (new Sourced<string>(doc.RawText(quarter.Named), quarter.Named), governorate);
                }

                return (written, governorate);
            }
        }

        // "killed in air strikes in the same areas": the place named last for what happened before.
        if (!total && SameArea(doc, windows) && LastPlaceBefore(doc, doc.Sentences[sentence].FirstToken) is { } same)
        {
            var gov = GovernorateOf(doc, same, context, index);
            return (new Sourced<string>(doc.RawText(same.Named), same.Named), gov is null ? null : new Sourced<string>(gov, same.Range));
        }

        // "killed in the rebel-held parts of the city": the city the article named last.
        if (!total && TheCityIn(doc, windows) && LastCityBefore(doc, index, doc.Sentences[sentence].FirstToken) is { } lastCity)
        {
            return (new Sourced<string>(doc.RawText(lastCity.Named), lastCity.Named), new Sourced<string>(lastCity.Governorate!, lastCity.Range));
        }

        // A total over many places has no place of its own, nor one from the sentences around it: raids over a region of
        // the country with no one town or site named ("Separate air raids in northern Syria killed 25"), strikes on towns
        // in the plural it does not name ("hit the opposition-held cities"), a running toll.
        bool regional = total || OverARegion(doc, doc.Sentences[sentence]) || UnnamedTowns(doc, windows);

        // No place in the sentence: a town or village the sentence before names for the same events (the context's
        // fourth window is that sentence only when there is one; for the first sentence it is the lead's next sentence,
        // whose places are the parts of a total, not its place).
        if (!regional && context.Count > 3 && doc.Sentences[sentence].FirstToken > context[3].From)
        {
            var (from, to) = context[3];
            var specific = index.PlacesIn(from, to).FirstOrDefault(p => !p.IsForeign && !IsOrigin(doc, p)
                && (p.Resolved is null || p.Resolved.Kind is PlaceKind.Locality or PlaceKind.Area) && !p.IsArea);
            if (specific is not null && InNeighbourhoodList(doc, specific)
                && ContainingCity(doc, index, GovernorateOf(doc, specific, context, index)) is { } whole)
            {
                return (new Sourced<string>(doc.RawText(whole.Named), whole.Named), new Sourced<string>(whole.Governorate!, whole.Range));
            }

            if (specific is not null)
            {
                var gov = GovernorateOf(doc, specific, context, index);
                return (new Sourced<string>(doc.RawText(specific.Named), specific.Named), gov is null ? null : new Sourced<string>(gov, specific.Range));
            }
        }

        // Nor before it: the one place the next sentence says the events were in.
        if (!regional && Elaboration(doc, index, sentence, null) is { } next)
        {
            var gov = GovernorateOf(doc, next, context, index);
            return (new Sourced<string>(doc.RawText(next.Named), next.Named), gov is null ? null : new Sourced<string>(gov, next.Range));
        }

        // No place in the sentence: the governorate the context names; and the one town the headline and lead are
        // about, when it lies there ("the attack left 100 dead" in a report on a strike on one town).
        Sourced<string>? contextGovernorate = null;
        foreach (var (from, to) in context.Skip(3))
        {
            foreach (var p in index.PlacesIn(from, to))
            {
                if (!p.IsForeign && p.Resolved?.Governorate is { } g && p.Confidence >= 0.5)
                {
                    contextGovernorate = new Sourced<string>(g, p.Range);
                    break;
                }
            }

            if (contextGovernorate is not null)
            {
                break;
            }
        }

        contextGovernorate ??= index.Memo(MainGovernorate) is { } main ? new Sourced<string>(main, null) : null;
        var own = doc.Sentences[sentence];
        // (A country named in a source's description, "the Britain-based Observatory", names no place of the events.)
        bool namesAny = regional || index.PlacesIn(own.FirstToken, own.EndToken).Any(p => !(p.IsForeign && doc.Is(p.EndToken, '-') && doc.Is(p.EndToken + 1, "based")));
        var towns = index.Memo(LeadPlaces).Where(t => contextGovernorate is null || t.Governorate == contextGovernorate.Value.Value).ToList();
        if (!namesAny && towns.Count == 1 && towns[0] is var town)
        {
            return (new Sourced<string>(doc.RawText(town.Named), town.Named), town.Governorate is { } tg ? new Sourced<string>(tg, town.Range) : contextGovernorate);
        }

        // Nor is a town named in the lead: the place the article's events in that governorate happened in.
        if (!namesAny && contextGovernorate is { } where && !TellsOfAnotherIncident(doc, sentence)
            && index.Memo(IncidentPlaces).TryGetValue(where.Value, out var incident))
        {
            return (new Sourced<string>(doc.RawText(incident.Named), incident.Named), where);
        }

        // An article about a governorate's seat as a city ("the city", "Aleppo's neighbourhoods"): a figure with no
        // place of its own is in the city (Damascus city stays a governorate, as the spec has it).
        if (!namesAny && ContainingCity(doc, index, contextGovernorate?.Value) is { } seat)
        {
            return (new Sourced<string>(doc.RawText(seat.Named), seat.Named), contextGovernorate);
        }

        return (null, contextGovernorate);
    }

    /// <summary>Whether <paramref name="q"/> can be the specific place inside governorate <paramref name="gov"/>: a town or
    /// area of it, or a name the text calls a place though the gazetteer lacks it ("the Salihiya neighbourhood of the
    /// capital").</summary>
    private static bool IsInner(Document doc, PlaceMention q, string? gov) =>
        !q.IsArea && !q.IsForeign
        && (q.Resolved is { Kind: PlaceKind.Locality or PlaceKind.Area } && q.Governorate == gov || q.Resolved is null && q.Candidates.Count == 0
            || q.Resolved is null && gov is not null && !q.Candidates.Any(c => c.Governorate == gov) && (IntroducedAsPlace(doc, q) || doc.Is(q.EndToken, "village") || doc.Is(q.EndToken, "town")));

    private static readonly WordSet s_sameWhere = new(["region", "area", "areas", "village", "town", "neighbourhood", "neighborhood", "district", "place", "city"]);

    /// <summary>Whether the figure's clause says it happened where the article's last events did: "in the same areas", "in
    /// the same region".</summary>
    private static bool SameArea(Document doc, List<(int From, int To)> windows) =>
        ClauseTokens(windows).Any(t => t.Token + 1 < t.To && doc.Is(t.Token, "same") && doc.Is(t.Token - 1, "the") && s_sameWhere.Contains(doc, t.Token + 1));

    /// <summary>The tokens of the figure's clause, after the figure then before it (the first two place windows; never the
    /// document's first token, so a rule may look one back), with the bounds of the window each lies in.</summary>
    private static IEnumerable<(int Token, int From, int To)> ClauseTokens(List<(int From, int To)> windows)
    {
        foreach (var (from, to) in windows.Take(2))
        {
            for (int k = Math.Max(1, from); k < to; k++)
            {
                yield return (k, from, to);
            }
        }
    }

    /// <summary>The town, village or named area named last before token <paramref name="before"/> (not one named only as a
    /// bearing, "east of Dabiq", unless there is no other; nor where the fire or the victims came from).</summary>
    private static PlaceMention? LastPlaceBefore(Document doc, int before)
    {
        bool Specific(PlaceMention p) => p.FirstToken < before && !p.IsForeign && !p.IsArea && !IsOrigin(doc, p) && !IsHome(doc, p) && !IsInstitution(doc, p)
            && (p.Resolved is { Kind: PlaceKind.Locality or PlaceKind.Area } && p.Confidence >= 0.5 || p.Resolved is null && p.Candidates.Count == 0);
        int last = doc.Places.FindLastIndex(p => Specific(p) && !IsBearing(doc, p));
        if (last < 0)
        {
            last = doc.Places.FindLastIndex(Specific);
        }

        // (Of a list, "the villages of Akhtarin and Tall Shair", the first.)
        while (last > 0 && Specific(doc.Places[last - 1]) && doc.Places[last - 1].EndToken + 1 == doc.Places[last].FirstToken
            && (doc.Is(doc.Places[last].FirstToken - 1, "and") || doc.Is(doc.Places[last].FirstToken - 1, ',')))
        {
            last--;
        }

        return last < 0 ? null : doc.Places[last];
    }

    /// <summary>Whether another town of the same governorate follows the place in a list ("A and B", "A, B").</summary>
    private static bool ListedWithAnother(Document doc, LayerIndex index, PlaceMention p, int to)
    {
        int k = p.EndToken;
        if (!(doc.Is(k, "and") || doc.Is(k, ',')))
        {
            return false;
        }

        return index.PlacesIn(k + 1, Math.Min(to, k + 2)).FirstOrDefault() is { Resolved: { Kind: PlaceKind.Locality } other } && other.Governorate == p.Governorate;
    }

    /// <summary>The region of the governorate the article names (an area the gazetteer knows as one: Eastern Ghouta).</summary>
    private static PlaceMention? RegionNamed(Document doc, string governorate) =>
        doc.Places.FirstOrDefault(q => !q.IsForeign && q.Resolved is { Kind: PlaceKind.Area } area && area.Governorate == governorate && q.Confidence >= 0.5);

    /// <summary>The quarter a city's possessive leads to: "Aleppo city's rebel-held district of Tariq al-Bab", "Aleppo citys
    /// Sukkari district", "Aleppo's Bustan al-Qasr".</summary>
    private static PlaceMention? QuarterAfter(Document doc, LayerIndex index, PlaceMention city, string? gov)
    {
        int k = city.EndToken;
        if (doc.Is(k, "city") && Possessive(doc, k + 1) is > 0 and var afterCity)
        {
            k += 1 + afterCity;
        }
        else if (doc.Is(k, "citys"))
        {
            k++;
        }
        else if (Possessive(doc, k) is > 0 and var after)
        {
            k += after;
        }
        else
        {
            return null;
        }

        return index.PlacesIn(k, Math.Min(doc.Tokens.Count, k + 6)).FirstOrDefault(q => IsInner(doc, q, gov));
    }

    /// <summary>How many tokens the possessive at <paramref name="k"/> takes: "'s" (one token), or an apostrophe and "s".</summary>
    private static int Possessive(Document doc, int k) =>
        doc.Is(k, "'s") || doc.Is(k, "\u2019s") ? 1 : (doc.Is(k, '\'') || doc.Is(k, '\u2019')) && doc.Is(k + 1, "s") ? 2 : 0;

    /// <summary>Whether the figure's clause speaks of "the city" without naming it ("in the city", "parts of the city"; not
    /// "the city of X", nor "a village near the city").</summary>
    private static bool TheCityIn(Document doc, List<(int From, int To)> windows) =>
        ClauseTokens(windows).Any(t => t.Token is var k && doc.Is(k, "city") && doc.Is(k - 1, "the") && !doc.Is(k + 1, "of")
            && !(k >= 2 && (doc.Is(k - 2, "near") || doc.Is(k - 2, "outside") || doc.Is(k - 2, "of") && k >= 3 && s_bearings.Contains(doc, k - 3))));

    /// <summary>The city named last before token <paramref name="before"/>: a governorate's seat the article speaks of as a
    /// city (or "Aleppo citys", a possessive that lost its apostrophe), or a district's seat town.</summary>
    private static PlaceMention? LastCityBefore(Document doc, LayerIndex index, int before)
    {
        var meant = index.Memo(CitiesMeant);
        // ("the province of Idlib ... its provincial capital" names the seat too.)
        return doc.Places.LastOrDefault(p => p.FirstToken < before && !p.IsForeign && p.Confidence >= 0.5 && p.Governorate is not null && !IsBearing(doc, p)
            && (p.Resolved is { Kind: PlaceKind.Governorate } seat && seat.Governorate != "Damascus" && p.Written is null
                    && (meant.Contains(seat.Governorate!) || doc.Is(p.EndToken, "citys"))
                    && (!p.IsArea || SaysProvincialCapital(doc, p))
                || p.Resolved is { Kind: PlaceKind.District } && !p.IsArea));
    }

    private static readonly WordSet s_compass = new(["north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
        "northwestern", "northeastern", "southwestern", "southeastern", "north-western", "north-eastern", "south-western", "south-eastern",
        "northwest", "northeast", "southwest", "southeast"]);

    private static readonly WordSet s_plainEvents = new(["strikes", "airstrikes", "raids", "attacks", "clashes", "bombardment", "shelling", "fighting", "battles", "operations"]);

    private static readonly WordSet s_sites = new(["town", "village", "city", "market", "stronghold", "hospital", "checkpoint", "school", "neighbourhood",
        "neighborhood", "district", "camp", "base", "mosque", "bakery", "clinic", "bus", "convoy", "house", "building", "outpost", "crossing"]);

    /// <summary>Whether the sentence tells of attacks in the plural over a region of the country ("air raids in northern
    /// Syria", "48 hours of strikes in northwestern Syria") and of no one site (not "a market in eastern Syria").</summary>
    private static bool OverARegion(Document doc, Sentence sentence)
    {
        bool region = false, plural = false;
        for (int k = sentence.FirstToken; k < sentence.EndToken; k++)
        {
            if (s_sites.Contains(doc, k))
            {
                return false;
            }

            plural |= s_plainEvents.Contains(doc, k);
        }

        foreach (var p in doc.Places)
        {
            if (p.FirstToken >= sentence.FirstToken && p.FirstToken < sentence.EndToken && p.IsForeign && p.Resolved is { Id: "alias:Syria" }
                && p.FirstToken > 0 && s_compass.Contains(doc, p.FirstToken - 1))
            {
                region = true;
            }
        }

        return region && plural;
    }

    private static readonly WordSet s_townsPlural = new(["cities", "towns", "villages"]);

    private static readonly WordSet s_afterPlural = new(["in", "across", "near", "around", "and", "held", "controlled", "were", "was", "that", "which",
        "on", "east", "west", "north", "south", "killing", "where", "under", "along"]);

    /// <summary>Whether the figure's clause tells of strikes on towns in the plural that it does not name: "jet strikes
    /// hit the opposition-held cities, killing 40" (not "the towns of X and Y", nor where victims came from, "evacuated
    /// from two towns").</summary>
    private static bool UnnamedTowns(Document doc, List<(int From, int To)> windows)
    {
        foreach (var (k, from, _) in ClauseTokens(windows))
        {
            // ("the towns square" is a possessive that lost its apostrophe.)
            if (s_townsPlural.Contains(doc, k) && !doc.Is(k + 1, "of") && !(k + 1 < doc.Tokens.Count && char.IsUpper(doc.Text[doc.Tokens[k + 1].Start]))
                && !(doc.Is(k - 1, "the") && k + 1 < doc.Tokens.Count && doc.Tokens[k + 1].Kind == TokenKind.Word && !s_afterPlural.Contains(doc, k + 1)))
            {
                // The first such word decides: where the victims came from is no place of the strikes.
                for (int j = k - 1; j >= Math.Max(from, k - 6); j--)
                {
                    if (doc.Is(j, "from") || doc.Is(j, "residents"))
                    {
                        return false;
                    }
                }

                return true;
            }
        }

        return false;
    }

    /// <summary>Whether an area is named as the span of strikes over it: "strikes across rebel-held Idlib province",
    /// "throughout the province".</summary>
    private static bool IsAcross(Document doc, PlaceMention p)
    {
        for (int k = p.FirstToken - 1; k >= Math.Max(0, p.FirstToken - 4); k--)
        {
            if (doc.Is(k, "across") || doc.Is(k, "throughout"))
            {
                return true;
            }

            if (!(doc.Is(k, "the") || doc.Is(k, '-') || doc.Is(k, "held") || doc.Is(k, "controlled") || doc.Is(k, "rebel") || doc.Is(k, "opposition")))
            {
                return false;
            }
        }

        return false;
    }

    private static readonly FrozenSet<string> s_cityWords = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
        "city", "neighbourhood", "neighborhood", "neighbourhoods", "neighborhoods", "district", "districts", "streets");

    /// <summary>
    /// The governorates whose seat the article calls a city: "Aleppo city", "the city of Aleppo", "the neighbourhoods of
    /// Aleppo", "Aleppo's Sukkari district".
    /// </summary>
    private static readonly FrozenSet<string> s_quarters = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
        "neighbourhoods", "neighborhoods", "districts");

    /// <summary>
    /// Whether the place is one of a list of a city's neighbourhoods: "the neighbourhoods of A, B and C", "A, B and
    /// other neighbourhoods", "A and B neighbourhoods".
    /// </summary>
    private static bool InNeighbourhoodList(Document doc, PlaceMention p)
    {
        var quarters = s_quarters.GetAlternateLookup<ReadOnlySpan<char>>();
        if (doc.Is(p.FirstToken - 1, "of") && p.FirstToken >= 2 && quarters.Contains(doc.TokenText(p.FirstToken - 2)))
        {
            return true;
        }

        bool listed = false;
        for (int k = p.EndToken; k < Math.Min(doc.Tokens.Count, p.EndToken + 10); k++)
        {
            if (quarters.Contains(doc.TokenText(k)))
            {
                return listed;
            }

            var t = doc.Tokens[k];
            if (doc.Is(k, "and") || doc.Is(k, ','))
            {
                listed = true;
            }
            else if (!(doc.Is(k, "other") || doc.Is(k, '-') || t.Kind == TokenKind.Word && (char.IsUpper(doc.Text[t.Start]) || doc.Is(k, "al"))))
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>The governorate's seat as the article names it, when the article speaks of it as a city.</summary>
    private static PlaceMention? ContainingCity(Document doc, LayerIndex index, string? governorate) =>
        governorate is not null && governorate != "Damascus" && index.Memo(CitiesMeant).Contains(governorate)
            ? doc.Places.FirstOrDefault(p => p.Resolved is { Kind: PlaceKind.Governorate } u && u.Governorate == governorate && !p.IsArea)
            : null;

    private static HashSet<string> CitiesMeant(Document doc)
    {
        var cities = new HashSet<string>(StringComparer.Ordinal);
        var words = s_cityWords.GetAlternateLookup<ReadOnlySpan<char>>();
        bool[]? events = null;
        foreach (var p in doc.Places)
        {
            if (p.IsForeign || p.Resolved is not { Kind: PlaceKind.Governorate, Governorate: { } governorate } unit || NameKey.Remembered(doc.RawText(p.Range)) != NameKey.Remembered(unit.Name))
            {
                continue;
            }

            // "In the province of Idlib, jets bombed the rebel-held provincial capital": the seat, as a city, where
            // something happened (not "the loss of the provincial capital").
            if (SaysProvincialCapital(doc, p) && (events ??= EventSentences(doc))[SentenceOf(doc, p.FirstToken)])
            {
                cities.Add(governorate);
                continue;
            }

            if (p.IsArea)
            {
                continue;
            }

            bool after = p.EndToken < doc.Tokens.Count && words.Contains(doc.TokenText(p.EndToken))
                || (doc.Is(p.EndToken, '\'') || doc.Is(p.EndToken, '\u2019')) && doc.Is(p.EndToken + 1, "s");
            bool before = p.FirstToken >= 2 && (doc.Is(p.FirstToken - 1, "of")
                    || doc.Is(p.FirstToken - 1, "in") && s_quarters.GetAlternateLookup<ReadOnlySpan<char>>().Contains(doc.TokenText(p.FirstToken - 2)))
                    && words.Contains(doc.TokenText(p.FirstToken - 2))
                || doc.Is(p.FirstToken - 1, "city");
            if (after || before || CityFollows(doc, p))
            {
                cities.Add(governorate);
            }
        }

        return cities;

        // "fighting in Raqqa as the SDF advance in the center of the city": "the city" soon after.
        static bool CityFollows(Document doc, PlaceMention p)
        {
            int end = Math.Min(doc.Tokens.Count, p.EndToken + 60);
            for (int k = p.EndToken; k < end - 1; k++)
            {
                if (doc.Is(k, "the") && doc.Is(k + 1, "city") && !doc.Is(k + 2, "of"))
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>Whether the sentence that names a governorate speaks of its "provincial capital".</summary>
    private static bool SaysProvincialCapital(Document doc, PlaceMention p)
    {
        var sentence = doc.Sentences[SentenceOf(doc, p.FirstToken)];
        for (int k = sentence.FirstToken; k < sentence.EndToken - 1; k++)
        {
            if (doc.Is(k, "provincial") && doc.Is(k + 1, "capital"))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The headline and the first sentences, which often name only the area and leave the place to the next sentence.</summary>
    private const int LeadSentences = 3;

    /// <summary>
    /// The place the sentence after <paramref name="sentence"/> names when it says where the events were ("... in northern
    /// Syria. The strikes hit the village of X"): its one specific place (in <paramref name="governorate"/> when given), or
    /// <c>null</c> when it names none or several.
    /// </summary>
    private static PlaceMention? Elaboration(Document doc, LayerIndex index, int sentence, string? governorate)
    {
        if (sentence + 1 >= doc.Sentences.Count)
        {
            return null;
        }

        var next = doc.Sentences[sentence + 1];

        // ("Most of the deaths were in the village of X": a part of the total, not its place.)
        for (int k = next.FirstToken; k < Math.Min(next.EndToken - 1, next.FirstToken + 3); k++)
        {
            if ((doc.Is(k, "most") || doc.Is(k, "many") || doc.Is(k, "some") || doc.Is(k, "half")) && doc.Is(k + 1, "of"))
            {
                return null;
            }
        }

        // (A next sentence with figures of its own in two governorates splits the total: "strikes killed 10. Three were
        // killed near X in Hasakah, while seven were killed in Deir ez-Zor".)
        if (index.FiguresIn(sentence + 1).Count(f => f.Kind == FigureKind.Killed) > 1
            && index.PlacesIn(next.FirstToken, next.EndToken).Where(p => !p.IsForeign && p.Resolved?.Governorate is not null).Select(p => p.Resolved!.Governorate).Distinct().Count() > 1)
        {
            return null;
        }

        PlaceMention? found = null;
        PlaceMention? district = null;
        foreach (var p in index.PlacesIn(next.FirstToken, next.EndToken))
        {
            // "villages in the Maarat al-Numan district, including A, B and C": the district named as such holds them all.
            if (district is null && p.Resolved is { Kind: PlaceKind.District } && doc.Is(p.EndToken, "district"))
            {
                district = p;
            }

            if (p.IsForeign || p.IsArea || IsOrigin(doc, p) || p.Resolved is { Kind: PlaceKind.Governorate or PlaceKind.District })
            {
                continue;
            }

            if (found is not null && NameKey.Remembered(doc.RawText(found.Range)) != NameKey.Remembered(doc.RawText(p.Range)))
            {
                return district is not null && district.FirstToken < found.FirstToken && district.Governorate == governorate ? district : null;
            }

            found ??= p;
        }

        return found is not null && (governorate is null || found.Governorate is null || found.Governorate == governorate) ? found : null;
    }

    private static readonly FrozenSet<string> s_institutions = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
        "police", "command", "council", "directorate", "center", "centre", "media", "university", "committee", "chamber");

    /// <summary>A place that names an institution, not where anything happened: "a source at Aleppo Police Command",
    /// "according to the directorate of health in Idlib province" (a province named for the directorate).</summary>
    private static bool IsInstitution(Document doc, PlaceMention p)
    {
        var institutions = s_institutions.GetAlternateLookup<ReadOnlySpan<char>>();
        if (p.EndToken < doc.Tokens.Count && institutions.Contains(doc.TokenText(p.EndToken)) && char.IsUpper(doc.Text[doc.Tokens[p.EndToken].Start]))
        {
            return true;
        }

        // (Only a province: the city of a health directorate is often where the wounded were, "in Aleppo".)
        if (!p.IsArea || !doc.Is(p.FirstToken - 1, "in"))
        {
            return false;
        }

        for (int k = p.FirstToken - 2; k >= Math.Max(0, p.FirstToken - 5); k--)
        {
            if (institutions.Contains(doc.TokenText(k)) || doc.Is(k, "ministry") || doc.Is(k, "department") || doc.Is(k, "office"))
            {
                return true;
            }

            if (!(doc.Is(k, "of") || doc.Is(k, "the") || doc.Is(k, "health") || doc.Is(k, "local") || doc.Is(k, "provincial")))
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>Where the fire came from, not where it fell: "fired from Idlib", "terrorists positioned in Bani Zaid".</summary>
    private static bool IsOrigin(Document doc, PlaceMention p)
    {
        int k = doc.Is(p.FirstToken - 1, "the") ? p.FirstToken - 2 : p.FirstToken - 1;
        return doc.Is(k, "from") || (doc.Is(k, "in") && (doc.Is(k - 1, "positioned") || doc.Is(k - 1, "stationed") || doc.Is(k - 1, "entrenched")));
    }

    private static string? GovernorateOf(Document doc, PlaceMention p, List<(int From, int To)> context, LayerIndex index)
    {
        // A village known only by its spelling yields to a governorate or district the same sentence names:
        // "in al-Hizam al-Akhdar area in al-Bukmal city east of Deir Ezzor".
        if (p.Resolved is { Kind: PlaceKind.Locality, Prominence: 0 } village && context.Count > 2)
        {
            var (from, to) = context[2];
            var admin = index.PlacesIn(from, to).FirstOrDefault(q => !q.IsForeign && q.Resolved is { Kind: PlaceKind.Governorate or PlaceKind.District } && q.Confidence >= 0.5);
            if (admin is not null && admin.Governorate != village.Governorate)
            {
                return admin.Governorate;
            }
        }

        if (p.Resolved is { } resolved && p.Confidence >= 0.5)
        {
            return resolved.Governorate;
        }

        // Not sure of the entry: the governorate the nearby context names, else the candidate's.
        foreach (var (from, to) in context)
        {
            foreach (var q in index.PlacesIn(from, to))
            {
                if (!ReferenceEquals(q, p) && !q.IsForeign && q.Confidence >= 0.5 && q.Resolved?.Governorate is { } g)
                {
                    return g;
                }
            }
        }

        // Nor there: a governorate named where the place is, or right after ("the village of Rajm Sleibi ... The village
        // lies in Hasakeh province").
        int own = SentenceOf(doc, p.FirstToken);
        for (int s = own; s <= own + 1 && s < doc.Sentences.Count; s++)
        {
            var sentence = doc.Sentences[s];
            foreach (var q in index.PlacesIn(sentence.FirstToken, sentence.EndToken))
            {
                if (!ReferenceEquals(q, p) && !q.IsForeign && q.Confidence >= 0.5 && q.Resolved is { Kind: PlaceKind.Governorate or PlaceKind.District, Governorate: { } g })
                {
                    return g;
                }
            }
        }

        return index.Memo(MainGovernorate) ?? p.Resolved?.Governorate ?? (p.Candidates.Count > 0 ? p.Candidates[0].Governorate : null);
    }

    /// <summary>
    /// The towns, villages and named areas the headline and the lead sentence speak of (not governorates, nor places
    /// abroad), one per name: a later sentence that names no place took place in the one of them that lies in its
    /// governorate ("the attack left 100 dead" in a report on a strike on one town).
    /// </summary>
    private static List<PlaceMention> LeadPlaces(Document doc)
    {
        // The headline and the lead: the first two sentences (FA-KES repeats its headline as the text's first).
        int leadEnd = doc.Sentences.Count == 0 ? 0 : doc.Sentences[Math.Min(doc.Sentences.Count - 1, 1)].EndToken;
        var found = new List<PlaceMention>();
        foreach (var p in doc.Places)
        {
            if (p.FirstToken >= leadEnd)
            {
                break;
            }

            // (a district's name is its seat town: Manbij, Khan Sheikhoun; a name the gazetteer lacks counts only when
            // the text introduced it as a place, "the village of X").
            bool specific = !p.IsForeign && !p.IsArea && !IsBearing(doc, p)
                && (p.Resolved is { Kind: PlaceKind.Locality or PlaceKind.Area or PlaceKind.District } && p.Confidence >= 0.5
                    || p.Resolved is null && p.Candidates.Count == 0 && IntroducedAsPlace(doc, p));
            var key = NameKey.Remembered(doc.Text.AsSpan(p.Range.Start, p.Range.End - p.Range.Start));
            if (specific && !found.Any(f => NameKey.Remembered(doc.Text.AsSpan(f.Range.Start, f.Range.End - f.Range.Start)) == key))
            {
                found.Add(p);
            }
        }

        return found;
    }

    /// <summary>
    /// The place each governorate's events happened in, as the whole article tells it: the town, village or named area
    /// it names most in that governorate, a mention counting double in a sentence that speaks of an attack or of
    /// casualties. A governorate gets one only when a place stands out (no tie) and was named at least once with an
    /// attack or casualties. Where the fire came from, where the victims came from, institutions and bearings ("near X")
    /// do not count. A name the gazetteer lacks lies in the governorate its sentence names, else the article's.
    /// </summary>
    private static Dictionary<string, PlaceMention> IncidentPlaces(Document doc)
    {
        var events = EventSentences(doc);

        var scores = new Dictionary<(string Governorate, string Key), (PlaceMention First, int Score, bool Struck)>();
        foreach (var p in doc.Places)
        {
            if (p.IsForeign || p.IsArea || IsOrigin(doc, p) || IsInstitution(doc, p) || IsBearing(doc, p) || IsHome(doc, p))
            {
                continue;
            }

            int sentence = SentenceOf(doc, p.FirstToken);
            string? governorate;
            if (p.Resolved is { Kind: PlaceKind.Locality or PlaceKind.Area or PlaceKind.District } entry && p.Confidence >= 0.5)
            {
                governorate = entry.Governorate;
            }
            else if (p.Resolved is null && p.Candidates.Count == 0)
            {
                var s = doc.Sentences[sentence];
                governorate = doc.Places.FirstOrDefault(q => q.FirstToken >= s.FirstToken && q.FirstToken < s.EndToken && !q.IsForeign
                    && q.Resolved is { Kind: PlaceKind.Governorate or PlaceKind.District } && q.Confidence >= 0.5)?.Governorate ?? MainGovernorate(doc);
            }
            else
            {
                continue;
            }

            if (governorate is null)
            {
                continue;
            }

            var key = (governorate, NameKey.Remembered(doc.Text.AsSpan(p.Range.Start, p.Range.End - p.Range.Start)));
            var (first, score, struck) = scores.GetValueOrDefault(key, (p, 0, false));
            scores[key] = (first, score + (events[sentence] ? 2 : 1), struck || events[sentence]);
        }

        var incident = new Dictionary<string, PlaceMention>(StringComparer.Ordinal);
        foreach (var byGovernorate in scores.GroupBy(x => x.Key.Governorate))
        {
            // (A place never named with an attack or a casualty is no incident's: "the area is near Castello Road".)
            var ranked = byGovernorate.OrderByDescending(x => x.Value.Score).ToList();
            if (ranked[0].Value.Struck && (ranked.Count == 1 || ranked[0].Value.Score > ranked[1].Value.Score))
            {
                incident[byGovernorate.Key] = ranked[0].Value.First;
            }
        }

        return incident;
    }

    /// <summary>Which sentences speak of an attack or of casualties: a weapon, a casualty word or a verb of striking.</summary>
    private static bool[] EventSentences(Document doc)
    {
        var events = new bool[doc.Sentences.Count];
        foreach (var m in doc.Attacks.Concat(doc.Casualties))
        {
            events[SentenceOf(doc, m.FirstToken)] = true;
        }

        for (int s = 0; s < doc.Sentences.Count; s++)
        {
            for (int k = doc.Sentences[s].FirstToken; k < doc.Sentences[s].EndToken && !events[s]; k++)
            {
                events[s] = s_strikes.Contains(doc, k);
            }
        }

        return events;
    }

    private static readonly WordSet s_elsewhere = new(["separately", "elsewhere", "meanwhile"]);

    /// <summary>Whether the sentence or the two after it say that what they tell is another incident ("In another
    /// incident, ...", "Separately, ...", "Elsewhere", "Meanwhile"): its place is not the article's.</summary>
    private static bool TellsOfAnotherIncident(Document doc, int sentence)
    {
        int end = doc.Sentences[Math.Min(doc.Sentences.Count - 1, sentence + 2)].EndToken;
        for (int k = doc.Sentences[sentence].FirstToken; k < end; k++)
        {
            if (s_elsewhere.Contains(doc, k) || (doc.Is(k, "another") || doc.Is(k, "separate")) && (doc.Is(k + 1, "incident") || doc.Is(k + 1, "attack")))
            {
                return true;
            }
        }

        return false;
    }

    private static readonly WordSet s_homeWords = new(["the", "two", "three", "towns", "town", "villages", "village", "of", "and", "northern", "southern",
        "eastern", "western", "besieged", "regime-held", "rebel-held", "government-held", "shiite", "al"]);

    /// <summary>Where people came from, not where they were hit: "evacuees from the northern towns of Fuaa and Kafraya",
    /// "residents of two villages, al-Foua and Kefraya".</summary>
    private static bool IsHome(Document doc, PlaceMention p)
    {
        for (int k = p.FirstToken - 1; k >= Math.Max(0, p.FirstToken - 8); k--)
        {
            if (doc.Is(k, "from") || doc.Is(k, "residents"))
            {
                return true;
            }

            var t = doc.Tokens[k];
            if (!(s_homeWords.Contains(doc, k) || doc.Is(k, ',') || doc.Is(k, '-') || t.Kind == TokenKind.Word && char.IsUpper(doc.Text[t.Start])))
            {
                return false;
            }
        }

        return false;
    }

    private static readonly WordSet s_strikes = new(["struck", "hit", "targeted", "bombed", "shelled", "attacked", "attack", "attacks", "raid", "raids", "stormed"]);

    /// <summary>A place named only to say where another lies: "near Al Mayadeen", "a village south of Mayadeen".</summary>
    private static bool IsBearing(Document doc, PlaceMention p)
    {
        // (Over what describes the town: "near Syria's second city Aleppo", "outside the northern city of Hama", "near
        // Daesh-held Al Mayadeen".)
        int k = p.FirstToken - 1;
        for (int words = 0; words < 5 && k >= 0 && (s_bearingFill.Contains(doc, k) || doc.Is(k, "of") && doc.Is(k - 1, "city")
            || doc.Is(k, "held") || doc.Is(k, "controlled") || doc.Is(k, '-') && (doc.Is(k + 1, "held") || doc.Is(k + 1, "controlled"))
            || doc.Is(k + 1, '-') && (doc.Is(k + 2, "held") || doc.Is(k + 2, "controlled"))); words++)
        {
            k--;
        }

        return doc.Is(k, "near") || doc.Is(k, "outside")
            || doc.Is(k, "of") && k >= 1 && s_bearings.Contains(doc, k - 1);
    }

    private static readonly WordSet s_bearingFill = new(["the", "city", "town", "second", "largest", "capital", "provincial", "northern", "southern",
        "eastern", "western", "syria", "syrias", "'s", "\u2019s", "syrian", "besieged"]);

    private static readonly WordSet s_bearings = new(["north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "outskirts"]);

    private static bool IntroducedAsPlace(Document doc, PlaceMention p) =>
        doc.Is(p.FirstToken - 1, "of") && (doc.Is(p.FirstToken - 2, "village") || doc.Is(p.FirstToken - 2, "town") || doc.Is(p.FirstToken - 2, "city")
            || doc.Is(p.FirstToken - 2, "neighbourhood") || doc.Is(p.FirstToken - 2, "neighborhood") || doc.Is(p.FirstToken - 2, "district"));

    /// <summary>The governorate the article names most, counting governorate and district names double.</summary>
    private static string? MainGovernorate(Document doc)
    {
        var weight = new Dictionary<string, double>();
        foreach (var p in doc.Places)
        {
            if (p.IsForeign || p.Resolved?.Governorate is not { } g || p.Confidence < 0.5)
            {
                continue;
            }

            weight[g] = weight.GetValueOrDefault(g) + (p.Resolved.Kind is PlaceKind.Governorate or PlaceKind.District ? 2 : 1);
        }

        if (weight.Count == 0)
        {
            return doc.Article.LocationHint is { } hint ? Gazetteer.Default.Lookup(hint).FirstOrDefault(x => x.Kind == PlaceKind.Governorate)?.Governorate : null;
        }

        return weight.OrderByDescending(x => x.Value).First().Key;
    }

    private static (Sourced<DateOnly>? Date, ClaimDatePrecision Precision) FindDate(Document doc, LayerIndex index, List<(int From, int To)> windows, List<(int From, int To)> context, Figure lead)
    {
        foreach (var (from, to) in context)
        {
            // Within a window, a named day ("late Sunday") before "overnight" or "yesterday", before spans.
            foreach (var d in index.DatesIn(from, to).OrderBy(d => d.Expression switch
            {
                DateExpression.Calendar when d.Precision == DatePrecision.Day => 0,
                DateExpression.Weekday => 0,
                DateExpression.Relative => 1,
                _ => 2,
            }))
            {
                // Spans longer than three days belong to tallies; a month or a year alone dates a past event.
                if (d.Expression == DateExpression.Duration && d.Precision != DatePrecision.Week)
                {
                    continue;
                }

                bool reported = IsReportingDate(doc, d);
                var precision = d.Precision switch
                {
                    DatePrecision.Day => reported ? ClaimDatePrecision.Report : ClaimDatePrecision.Day,
                    DatePrecision.Week => ClaimDatePrecision.Week,
                    DatePrecision.Month => ClaimDatePrecision.Month,
                    _ => ClaimDatePrecision.Year,
                };
                if (precision is ClaimDatePrecision.Month or ClaimDatePrecision.Year)
                {
                    // Only when the sentence of the figure names it: a month in another sentence is background.
                    if (d.FirstToken < doc.Sentences[lead.Sentence].FirstToken || d.FirstToken >= doc.Sentences[lead.Sentence].EndToken)
                    {
                        continue;
                    }

                    return (null, precision);
                }

                if (d.Date is { } date)
                {
                    return (new Sourced<DateOnly>(date, d.Range), precision);
                }

                if (precision == ClaimDatePrecision.Week)
                {
                    return (null, precision);
                }
            }
        }

        return doc.Published is { } pub ? (new Sourced<DateOnly>(pub, null), ClaimDatePrecision.Report) : (null, ClaimDatePrecision.Report);
    }

    private static bool IsReportingDate(Document doc, DateMention d)
    {
        int k = d.FirstToken - 1;
        if (doc.Is(k, "on"))
        {
            k--;
        }

        return k >= 0 && s_attribution.GetAlternateLookup<ReadOnlySpan<char>>().Contains(doc.TokenText(k)) && !doc.Is(k, "according");
    }

    private static Sourced<string>? FindAttack(Document doc, LayerIndex index, List<(int From, int To)> windows, List<(int From, int To)> context, Figure lead)
    {
        // Chemical weapons anywhere in the sentence make the attack chemical.
        var (sFrom, sTo) = windows[2];
        foreach (var a in index.AttacksIn(sFrom, sTo))
        {
            if (a.Value == "chemical")
            {
                return new Sourced<string>("chemical", a.Range);
            }
        }

        bool fighters = lead.VictimSide.Count > 0 || lead.Victim?.Value == "fighter";
        int w = 0;
        foreach (var (from, to) in context)
        {
            var found = index.AttacksIn(from, to).Where(a => !IsWeakAttack(doc, a)).ToList();
            if (found.Count > 0)
            {
                var a = found[0];
                return new Sourced<string>(RefineAttack(doc, a), a.Range);
            }

            // Fighters killed where the sentence names no weapon: an armed clash.
            if (++w == 3 && fighters)
            {
                return new Sourced<string>("clash", null);
            }
        }

        // The article's most frequent attack type.
        var common = doc.Attacks.Where(a => !IsWeakAttack(doc, a)).GroupBy(a => a.Value).OrderByDescending(g => g.Count()).FirstOrDefault();
        return common is not null ? new Sourced<string>(RefineAttack(doc, common.First()), null) : new Sourced<string>("other", null);
    }

    // "offensive" and "assault" name a campaign more often than the clash that killed.
    private static bool IsWeakAttack(Document doc, LexiconMention a) =>
        a.Value == "clash" && (doc.Is(a.FirstToken, "offensive") || doc.Is(a.FirstToken, "assault"));

    private static string RefineAttack(Document doc, LexiconMention a)
    {
        // A missile from the air is an air strike; a bombing by a suicide bomber or a car is an explosion.
        if (a.Value == "shelling" && (doc.Is(a.FirstToken, "missile") || doc.Is(a.FirstToken, "missiles")))
        {
            for (int k = Math.Max(0, a.FirstToken - 4); k < a.FirstToken; k++)
            {
                if (doc.Is(k, "air") || doc.Is(k, "warplanes") || doc.Is(k, "jets") || doc.Is(k, "aircraft") || doc.Is(k, "helicopter") || doc.Is(k, "drone"))
                {
                    return "air_strike";
                }
            }
        }

        if (a.Value == "air_strike" && (doc.Is(a.FirstToken, "bombing") || doc.Is(a.FirstToken, "bombings"))
            && (doc.Is(a.FirstToken - 1, "suicide") || doc.Is(a.FirstToken - 1, "car")))
        {
            return "explosion";
        }

        return a.Value;
    }

    private static List<Sourced<string>> FindPerpetrators(Document doc, LayerIndex index, List<(int From, int To)> context, Figure lead, string? attack, bool past)
    {
        var victimSide = new HashSet<string>(lead.VictimSide);
        if (victimSide.Count > 0)
        {
            // Fighters of one side killed, and the enemy their sentence names: "killed in clashes with ISIS", "the fighting
            // against IS" (an actor after "against" is otherwise a target).
            var sentence = doc.Sentences[lead.Sentence];
            foreach (var a in index.ActorsIn(sentence.FirstToken, sentence.EndToken))
            {
                int before = doc.Is(a.FirstToken - 1, "the") ? a.FirstToken - 2 : a.FirstToken - 1;
                if (!victimSide.Contains(a.Value) && (doc.Is(before, "with") || doc.Is(before, "against"))
                    && index.AttackAt(before - 1) is { Value: "clash" })
                {
                    return [new Sourced<string>(a.Value, a.Range)];
                }
            }
        }

        // Sides that lost fighters to each other: "30 regime soldiers and 45 rebels were killed" (the rebels by the army).
        if (victimSide.Count > 0 && lead.OtherSides.Count > 0)
        {
            return [.. lead.OtherSides.Select(side => new Sourced<string>(side, null))];
        }

        // Fighters of no named side killed in clashes between named groups: the groups fought each other, so each is a
        // perpetrator. "40 fighters were killed in clashes between Jaysh al-Islam and Faylaq al-Rahman".
        // ("Militants" is no side of its own there: "100 militants were killed in clashes between Jaysh al-Islam and
        // Nusra".)
        if ((victimSide.Count == 0 || DescribedOnly(index, lead)) && ClashingSides(doc, index, doc.Sentences[lead.Sentence]) is { Count: > 0 } sides)
        {
            return sides;
        }

        foreach (var (from, to) in context)
        {
            var found = new List<Sourced<string>>();
            foreach (var a in index.ActorsIn(from, to))
            {
                if (!IsAgent(doc, index, a, lead))
                {
                    continue;
                }

                if (!found.Any(f => f.Value == a.Value))
                {
                    found.Add(new Sourced<string>(a.Value, a.Range));
                }
            }

            var agents = found.Where(f => !victimSide.Contains(f.Value)).ToList();
            if (agents.Count > 0)
            {
                return agents;
            }
        }

        // The next sentence says who carried out "the" attack: "23 were killed in an airstrike. Another group said the
        // air raid was carried out by Russian warplanes."
        if (lead.Sentence + 1 < doc.Sentences.Count && CarriedOutBy(doc, index, doc.Sentences[lead.Sentence + 1]) is { Count: > 0 } named)
        {
            return named;
        }

        // Fighters of one side killed, and nobody named: the other side did it, the side the article names most,
        // else the usual adversary.
        if (victimSide.Count > 0)
        {
            if (MostNamed(doc.Actors.Where(a => !victimSide.Contains(a.Value) && !IsSpeakingSource(doc, index, a))) is { } other)
            {
                return [new Sourced<string>(other, null)];
            }

            if (s_opponents.TryGetValue(victimSide.First(), out var opponent))
            {
                return [new Sourced<string>(opponent, null)];
            }
        }

        // A group that claimed the attack: "ISIS claimed responsibility", "an attack claimed by the group"; else the one
        // the article blames: "activists blamed the regime", "Washington accused Assad's forces".
        // (Not for an attack of weeks before, unless its own sentence says it was claimed: "the last attack on the shrine,
        // on April 25, killed seven" after "ISIS claimed responsibility" for today's.)
        if (index.Memo(ClaimedBy) is { } claimant && (!past || SaysClaimed(doc, doc.Sentences[lead.Sentence])))
        {
            return [new Sourced<string>(claimant, null)];
        }

        // (A blame far from the figure is about other events: "MSF accused the regime" in the lead, a rocket attack in
        // another month at the end.)
        // A blame for "the strikes" speaks for every strike of the article, however far.
        if (index.Memo(Blamed) is { } blamed && (Math.Abs(SentenceOf(doc, blamed.Token) - lead.Sentence) <= BlameReach
            || (blamed.For is not null && blamed.For == attack)))
        {
            return [.. blamed.Values.Select(v => new Sourced<string>(v, null))];
        }

        return [new Sourced<string>("unknown", null)];
    }

    /// <summary>Whether the victims' side is only a descriptor ("militants", "terrorists"), not a name.</summary>
    private static bool DescribedOnly(LayerIndex index, Figure figure)
    {
        if (figure.Number is not { } n || figure.Victim is not { } v)
        {
            return false;
        }

        bool any = false;
        foreach (var a in index.ActorsIn(n.FirstToken, v.EndToken))
        {
            if (!a.Values.All(x => x.Length > 1 && x[1] == "descriptor"))
            {
                return false;
            }

            any = true;
        }

        return any;
    }

    /// <summary>
    /// The groups of "clashes between A and B" in a sentence (a clash word, perhaps "broke out" or "erupted", then
    /// "between"), in the order named, when the list names more than one actor and the sentence names no other kind of
    /// attack (in "jets struck the town, an area that saw fighting between the opposition and the regime" the fighting
    /// is the setting); an empty list otherwise. The list ends at the first word that is neither a group nor "and",
    /// "the", a comma or a parenthesis ("in", "near", "that").
    /// </summary>
    private static List<Sourced<string>> ClashingSides(Document doc, LayerIndex index, Text.Sentence sentence)
    {
        var sides = new List<Sourced<string>>();
        var attacks = index.AttacksIn(sentence.FirstToken, sentence.EndToken).ToList();
        if (attacks.Any(a => a.Value != "clash"))
        {
            return sides;
        }

        foreach (var clash in attacks)
        {
            int k = clash.EndToken;
            while (k < sentence.EndToken && k < clash.EndToken + 3 && !doc.Is(k, "between"))
            {
                k++; // "clashes broke out between", "fighting erupted between"
            }

            if (!doc.Is(k, "between"))
            {
                continue;
            }

            int actors = 0;
            for (k++; k < sentence.EndToken;)
            {
                if (index.ActorAt(k) is { } a && a.FirstToken == k)
                {
                    actors++;
                    if (!sides.Any(x => x.Value == a.Value))
                    {
                        sides.Add(new Sourced<string>(a.Value, a.Range));
                    }

                    k = a.EndToken;
                }
                else if (doc.Is(k, "and") || doc.Is(k, "the") || doc.Is(k, ',') || doc.Is(k, "forces") || doc.Is(k, "fighters"))
                {
                    k++;
                }
                else if (doc.Is(k, '(') && ClosingParenthesis(doc, k) is int aside)
                {
                    k = aside + 1; // "Jabhat Fatah al-Sham (formerly Nusra)"
                }
                else
                {
                    break;
                }
            }

            if (actors >= 2)
            {
                return sides;
            }

            sides.Clear();
        }

        return sides;
    }

    /// <summary>
    /// The agents a sentence gives for an attack it refers back to: "the air raid was carried out by Russian warplanes",
    /// "the strike was conducted by the coalition" ("the", an attack word, then within six words "carried out by",
    /// "conducted by" or "launched by" and the actors named, with those coordinated with them).
    /// </summary>
    private static List<Sourced<string>> CarriedOutBy(Document doc, LayerIndex index, Text.Sentence sentence)
    {
        var found = new List<Sourced<string>>();
        foreach (var attack in index.AttacksIn(sentence.FirstToken, sentence.EndToken))
        {
            if (!doc.Is(attack.FirstToken - 1, "the"))
            {
                continue;
            }

            for (int k = attack.EndToken; k < Math.Min(sentence.EndToken, attack.EndToken + 6); k++)
            {
                if (!doc.Is(k, "by") || !(doc.Is(k - 1, "out") && doc.Is(k - 2, "carried") || doc.Is(k - 1, "conducted") || doc.Is(k - 1, "launched")))
                {
                    continue;
                }

                for (int j = k + 1; j < sentence.EndToken;)
                {
                    if (index.ActorAt(j) is { } a && a.FirstToken == j)
                    {
                        if (!found.Any(f => f.Value == a.Value))
                        {
                            found.Add(new Sourced<string>(a.Value, a.Range));
                        }

                        j = a.EndToken;
                    }
                    else if (found.Count == 0 && (doc.Is(j, "the") || doc.Is(j, "its")) || found.Count > 0 && (doc.Is(j, "and") || doc.Is(j, "or") || doc.Is(j, "warplanes") || doc.Is(j, "jets") || doc.Is(j, "forces")))
                    {
                        j++;
                    }
                    else
                    {
                        break;
                    }
                }

                return found;
            }
        }

        return found;
    }

    /// <summary>The ")" that closes the "(" at <paramref name="open"/> within a dozen tokens, if any.</summary>
    private static int? ClosingParenthesis(Document doc, int open)
    {
        for (int k = open + 1; k < Math.Min(doc.Tokens.Count, open + 13); k++)
        {
            if (doc.Is(k, ')'))
            {
                return k;
            }

            if (doc.Is(k, '('))
            {
                return null;
            }
        }

        return null;
    }

    /// <summary>The actor named most often among <paramref name="actors"/> (ties: the first in ordinal order), or null.</summary>
    private static string? MostNamed(IEnumerable<LexiconMention> actors) =>
        actors.GroupBy(a => a.Value).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).FirstOrDefault()?.Key;

    /// <summary>How many sentences before or after a figure a blame may be to count for it.</summary>
    private const int BlameReach = 4;

    private static int SentenceOf(Document doc, int token)
    {
        int lo = 0, hi = doc.Sentences.Count - 1;
        while (lo < hi)
        {
            int mid = (lo + hi + 1) >>> 1;
            if (doc.Sentences[mid].FirstToken <= token)
            {
                lo = mid;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return lo;
    }

    /// <summary>The actors the article blames or accuses ("blamed the regime", "accused Russia of"): one, or several
    /// that one statement blames ("blamed Russian and Syrian government warplanes"); with the first token of where the
    /// first is named so.</summary>
    private static (List<string> Values, int Token, string? For)? Blamed(Document doc)
    {
        // The actors blamed, in order, with the blame word each follows: one statement may blame several ("blamed
        // Russian and Syrian government warplanes"), two that blame different actors leave it open.
        var blamed = new List<string>();
        int at = -1, verb = -1, last = -1;
        bool oneStatement = true;
        foreach (var a in doc.Actors)
        {
            for (int k = a.FirstToken - 1; k >= Math.Max(0, a.FirstToken - 3); k--)
            {
                if (doc.Is(k, "blamed") || doc.Is(k, "blames") || doc.Is(k, "blaming") || doc.Is(k, "accused") || doc.Is(k, "accuses") || doc.Is(k, "accusing"))
                {
                    // Blamed for something other than an attack ("blamed rebel groups for its failure"): no perpetrator.
                    if (!BlamedForOther(doc, a.EndToken) && !blamed.Contains(a.Value))
                    {
                        blamed.Add(a.Value);
                        oneStatement &= verb < 0 || verb == k;
                        verb = k;
                        at = at < 0 ? a.FirstToken : at;
                        last = a.EndToken;
                    }

                    break;
                }
            }
        }

        return blamed.Count == 1 || (blamed.Count > 1 && oneStatement) ? (blamed, at, BlamedFor(doc, last)) : null;
    }

    /// <summary>The kind of attack of "for the strikes", "for the attack on the market" after a blame, if it names one.</summary>
    private static string? BlamedFor(Document doc, int after)
    {
        for (int k = after; k < Math.Min(doc.Tokens.Count, after + 4); k++)
        {
            if (doc.Is(k, "for"))
            {
                int j = doc.Is(k + 1, "the") ? k + 2 : k + 1;
                foreach (var m in doc.Attacks)
                {
                    if (m.FirstToken == j || m.FirstToken == j + 1)
                    {
                        return m.Value;
                    }
                }

                return null;
            }

            if (doc.Is(k, '.') || doc.Is(k, ';'))
            {
                break;
            }
        }

        return null;
    }

    /// <summary>Whether "for ..." after a blamed actor names something other than violence ("for its failure", "for the
    /// collapse of the truce"); an attack, a death or a killing word within four words keeps the blame.</summary>
    private static bool BlamedForOther(Document doc, int after)
    {
        if (!doc.Is(after, "for"))
        {
            return false;
        }

        for (int k = after + 1; k < Math.Min(doc.Tokens.Count, after + 5); k++)
        {
            if (doc.Attacks.Any(m => m.FirstToken == k) || doc.Casualties.Any(m => m.FirstToken == k)
                || doc.Is(k, "attack") || doc.Is(k, "attacks") || doc.Is(k, "deaths") || doc.Is(k, "killings") || doc.Is(k, "massacre"))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The actor the article says claimed an attack ("X claimed responsibility", "claimed by X"), if exactly one did.</summary>
    /// <summary>Whether the sentence says an attack was claimed: "claimed by", "claimed responsibility".</summary>
    private static bool SaysClaimed(Document doc, Text.Sentence sentence)
    {
        for (int k = sentence.FirstToken; k + 1 < sentence.EndToken; k++)
        {
            if ((doc.Is(k, "claimed") || doc.Is(k, "claims")) && (doc.Is(k + 1, "by") || doc.Is(k + 1, "responsibility")))
            {
                return true;
            }
        }

        return false;
    }

    private static string? ClaimedBy(Document doc)
    {
        var claimants = new HashSet<string>();
        foreach (var a in doc.Actors)
        {
            int verb = doc.Is(a.EndToken, "has") || doc.Is(a.EndToken, "had") ? a.EndToken + 1 : a.EndToken;
            bool claimed = (doc.Is(verb, "claimed") || doc.Is(verb, "claims") || doc.Is(verb, "took") || doc.Is(verb, "takes") || doc.Is(verb, "taken"))
                    && doc.Is(verb + 1, "responsibility")
                || doc.Is(a.FirstToken - 1, "by") && doc.Is(a.FirstToken - 2, "claimed")
                || doc.Is(a.FirstToken - 1, "the") && doc.Is(a.FirstToken - 2, "by") && doc.Is(a.FirstToken - 3, "claimed")
                || SaidItWasResponsible(doc, a.EndToken);
            if (claimed)
            {
                claimants.Add(a.Value);
            }
        }

        return claimants.Count == 1 ? claimants.First() : null;
    }

    /// <summary>"... said on Monday they were responsible", "says it was responsible": a group owning an attack.</summary>
    private static bool SaidItWasResponsible(Document doc, int k)
    {
        if (!doc.Is(k, "said") && !doc.Is(k, "says"))
        {
            return false;
        }

        for (int j = k + 1; j < Math.Min(doc.Tokens.Count, k + 6); j++)
        {
            if ((doc.Is(j, "it") || doc.Is(j, "they")) && (doc.Is(j + 1, "was") || doc.Is(j + 1, "were") || doc.Is(j + 1, "is") || doc.Is(j + 1, "are"))
                && doc.Is(j + 2, "responsible"))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the actor is also a source that the sentence quotes ("the Syrian army said"), so a speaker, not an agent.</summary>
    private static bool IsSpeakingSource(Document doc, LayerIndex index, LexiconMention a)
    {
        for (int k = a.FirstToken; k < a.EndToken; k++)
        {
            if (index.SourceAt(k) is { } source && (IsAttributed(doc, source, strict: true) || source.EndToken > a.EndToken || source.FirstToken < a.FirstToken))
            {
                return true;
            }
        }

        return false;
    }

    private static readonly FrozenSet<string> s_agentVerbs = Set(
        "shelled", "struck", "bombed", "attacked", "targeted", "pounded", "hit", "fired", "launched", "carried", "stormed",
        "ambushed", "executed", "killed", "kill", "kills", "killing", "bombarded", "raided", "shot", "opened", "blew",
        "detonated", "massacred", "dropped", "used", "unleashed", "shell", "shelling", "bomb", "bombing", "attack",
        "attacking", "target", "targeting", "strike", "striking", "struck", "destroyed", "wounded", "injured", "besieged");

    private static readonly FrozenSet<string> s_agentSkips = Set(
        "have", "has", "had", "also", "reportedly", "allegedly", "then", "later", "again", "forces", "troops", "been",
        "group", "terrorist", "organization", "organisation", "militants", "fighters", "militia", "units", "jets", "front",
        "faction", "factions", "brigade", "brigades");

    /// <summary>
    /// Whether an actor mention names who did it: with a weapon ("regime air strike", "Russian warplanes"), after "by"
    /// ("killed by the Assad regime and Russia"), or before a verb of attack ("troops killed 32 rebels"); not a victim,
    /// a place's controller, a target or a source.
    /// </summary>
    private static bool IsAgent(Document doc, LayerIndex index, LexiconMention a, Figure lead, int depth = 0)
    {
        if (IsSpeakingSource(doc, index, a) || index.VictimSideActors.Contains(a.FirstToken)
            || (a.FirstToken >= lead.FirstToken && a.EndToken <= lead.EndToken && lead.VictimSide.Count > 0))
        {
            return false;
        }

        // "rebel-held", "regime-controlled", "opposition-held"
        int after = a.EndToken;
        if (doc.Is(after, '-'))
        {
            after++;
        }

        if (doc.Is(after, "held") || doc.Is(after, "controlled"))
        {
            // ... unless the fire came from there: "rockets fired from a Daesh-controlled area".
            int from = doc.Is(a.FirstToken - 1, "a") || doc.Is(a.FirstToken - 1, "an") || doc.Is(a.FirstToken - 1, "the") ? a.FirstToken - 2 : a.FirstToken - 1;
            return doc.Is(from, "from") && (doc.Is(from - 1, "fired") || doc.Is(from - 1, "launched") || doc.Is(from - 2, "fired") || doc.Is(from - 2, "launched"));
        }

        // The affiliation of a source ("the opposition Syrian Observatory"), not an agent.
        if (index.SourceStartingAt(a.EndToken))
        {
            return false;
        }

        // A victim of its own: "ISIS militants were killed".
        if (index.VictimAt(a.EndToken) is { } v && (index.CasualtyAt(v.EndToken) is not null || doc.Is(v.EndToken, "were") || doc.Is(v.EndToken, "was")))
        {
            return false;
        }

        // Targets: "against the rebels", "positions of ISIS".
        if (doc.Is(a.FirstToken - 1, "against") || (doc.Is(a.FirstToken - 1, "the") && doc.Is(a.FirstToken - 2, "against")) || doc.Is(a.FirstToken - 1, "targeting"))
        {
            return false;
        }

        // The phrase names a weapon of its own ("Russian warplanes"), or a weapon follows ("regime air strike", "Russia's raids").
        for (int k = a.FirstToken; k < a.EndToken; k++)
        {
            if (index.AttackAt(k) is not null)
            {
                return true;
            }
        }

        int next = a.EndToken;
        if (doc.Is(next, "'s") || doc.Is(next, '"') || doc.Is(next, '\''))
        {
            next++; // "Russia's raids", "\"terrorist\" rocket attacks"
        }

        if (index.AttackAt(next) is not null || (doc.Tokens.Count > next + 1 && index.AttackAt(next + 1) is not null && doc.Tokens[next].Kind == TokenKind.Word && char.IsLower(doc.Text[doc.Tokens[next].Start]) && !doc.Is(next, "and") && !doc.Is(next, "in") && !doc.Is(next, "on")))
        {
            return true;
        }

        // "by the Assad regime", "blamed on the regime", "carried out by Russia", "shells fired from regime positions".
        int before = a.FirstToken - 1;
        if (doc.Is(before, "the"))
        {
            before--;
        }

        bool firedFrom = doc.Is(before, "from") && (doc.Is(before - 1, "fired") || doc.Is(before - 1, "launched") || doc.Is(before - 2, "fired") || doc.Is(before - 2, "launched"));
        // "held by ISIS", "backed by Turkey", "controlled by the regime": who holds or backs, not who struck.
        bool holder = doc.Is(before - 1, "held") || doc.Is(before - 1, "controlled") || doc.Is(before - 1, "backed") || doc.Is(before - 1, "run")
            || doc.Is(before - 1, "led") || doc.Is(before - 1, "supported") || doc.Is(before - 1, "besieged") || doc.Is(before - 1, "occupied")
            || doc.Is(before - 1, "seized") || doc.Is(before - 1, "captured") || doc.Is(before - 1, "surrounded");
        // ... unless the place held is where the fire came from: "shells fired from positions held by government forces".
        if (holder)
        {
            for (int k = Math.Max(0, before - 6); k < before - 1; k++)
            {
                holder &= !(doc.Is(k, "from") && (doc.Is(k - 1, "fired") || doc.Is(k - 1, "launched") || doc.Is(k - 2, "fired") || doc.Is(k - 2, "launched")));
            }
        }

        if (holder && doc.Is(before, "by"))
        {
            // Whatever verb follows belongs to the phrase the holder is in: "strikes on areas controlled by IS killed 21".
            return false;
        }

        if (doc.Is(before, "by") || (doc.Is(before, "on") && doc.Is(before - 1, "blamed")) || firedFrom)
        {
            return true;
        }

        // A country named as a place: "near the border with Turkey", "fled into Turkey", "talks in Russia".
        if (doc.Is(a.FirstToken - 1, "with") && doc.Is(a.FirstToken - 2, "border") || doc.Is(a.FirstToken - 1, "into") || doc.Is(a.FirstToken - 1, "in"))
        {
            return false;
        }

        // Who speaks is not who did it ("the Turkish military says 31 militants were killed"), unless it speaks of its
        // own deed: "DAESH said that it killed at least 50".
        if (doc.Is(a.EndToken, "said") || doc.Is(a.EndToken, "says") || doc.Is(a.EndToken, "claimed"))
        {
            int k = a.EndToken + 1;
            if (doc.Is(k, "that"))
            {
                k++;
            }

            return (doc.Is(k, "it") || doc.Is(k, "they")) && (index.CasualtyAt(k + 1) is not null || s_agentVerbs.GetAlternateLookup<ReadOnlySpan<char>>().Contains(doc.TokenText(k + 1))
                || (doc.Is(k + 1, "had") || doc.Is(k + 1, "has")) && index.CasualtyAt(k + 2) is not null);
        }

        // A verb of attack after it: "troops killed 32 rebels", "ISIS shelled the town".
        var skips = s_agentSkips.GetAlternateLookup<ReadOnlySpan<char>>();
        for (int k = a.EndToken, seen = 0; k < doc.Tokens.Count && seen < 4; k++, seen++)
        {
            // An aside between the group and its verb: "Al-Nusra (al-Qaeda's branch) shelled", "ISIS and the groups
            // affiliated to it shelled".
            if (doc.Is(k, '(') && ClosingParenthesis(doc, k) is int aside)
            {
                k = aside;
                seen--;
                continue;
            }

            if ((doc.Is(k, "affiliated") || doc.Is(k, "linked") || doc.Is(k, "allied") || doc.Is(k, "loyal")) && (doc.Is(k + 1, "to") || doc.Is(k + 1, "with"))
                && (doc.Is(k + 2, "it") || doc.Is(k + 2, "them")))
            {
                k += 2;
                seen--;
                continue;
            }

            var word = doc.TokenText(k);
            if (s_agentVerbs.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word) || index.CasualtyAt(k) is { } c && c.Values.Any(x => x.Length > 1 && x[1] == "active"))
            {
                // "used to" is a habit, not a weapon used: "IS used to control much of the east".
                return !doc.Is(k - 1, "were") && !doc.Is(k - 1, "was") && !(doc.Is(k, "used") && doc.Is(k + 1, "to"));
            }

            if (!skips.Contains(word) && !doc.Is(k, "'s") && !doc.Is(k, '-'))
            {
                break;
            }
        }

        // A group whose members the text lists, one of them an agent: "Rebel groups including Ahrar al-Sham and Fateh
        // al-Sham Front fired rockets".
        if (depth == 0 && doc.Is(a.EndToken, "including"))
        {
            int listEnd = a.EndToken + 1;
            while (listEnd < Math.Min(doc.Tokens.Count, a.EndToken + 21) && !doc.Is(listEnd, '.') && !doc.Is(listEnd, ';'))
            {
                listEnd++; // the members listed, within the sentence
            }

            foreach (var member in index.ActorsIn(a.EndToken + 1, listEnd))
            {
                if (IsAgent(doc, index, member, lead, 1))
                {
                    return true;
                }
            }
        }

        // Coordinated with an agent: "by the Assad regime and Russia", "by Syria's regime and its ally Russia",
        // "Syrian or Russian warplanes".
        int joint = a.FirstToken - 1;
        while (doc.Is(joint, "ally") || doc.Is(joint, "allies") || doc.Is(joint, "its") || doc.Is(joint, "their") || doc.Is(joint, "the"))
        {
            joint--;
        }

        if (depth == 0 && (doc.Is(joint, "and") || doc.Is(joint, "or") || doc.Is(joint, ',')))
        {
            if (index.ActorAt(joint - 1) is { } previous && IsAgent(doc, index, previous, lead, 1))
            {
                return true;
            }
        }

        int end = doc.Is(a.EndToken, '(') && ClosingParenthesis(doc, a.EndToken) is int close ? close + 1 : a.EndToken;
        if (depth == 0 && (doc.Is(end, "and") || doc.Is(end, "or")))
        {
            int k = end + 1;
            while (doc.Is(k, "other") || doc.Is(k, "its") || doc.Is(k, "their") || doc.Is(k, "the"))
            {
                k++;
            }

            if (index.ActorAt(k) is { } following)
            {
                return IsAgent(doc, index, following, lead, 1);
            }
        }

        return false;
    }

    private static readonly FrozenDictionary<string, string> s_actorSources = new Dictionary<string, string>
    {
        ["syrian_government"] = "state_media", ["russia"] = "russia_official", ["turkey"] = "turkey_official",
        ["us_coalition"] = "us_official",
    }.ToFrozenDictionary();

    private static List<Sourced<string>> FindSources(Document doc, LayerIndex index, Figure lead)
    {
        bool namesSohr = doc.Sources.Any(s => s.Value == "sohr" && s.EndToken - s.FirstToken > 1);
        for (int back = 0; back <= 2 && lead.Sentence - back >= 0; back++)
        {
            var sentence = doc.Sentences[lead.Sentence - back];
            if (back > 0 && sentence.Paragraph != doc.Sentences[lead.Sentence].Paragraph && back > 1)
            {
                break;
            }

            var found = new List<Sourced<string>>();
            foreach (var s in index.SourcesIn(sentence.FirstToken, sentence.EndToken))
            {
                // "The monitoring group" in an article that names the Observatory is the Observatory.
                var id = s.Value == "other" && namesSohr && (doc.Is(s.EndToken - 1, "group") && doc.Is(s.EndToken - 2, "monitoring")) ? "sohr" : s.Value;
                if (IsAttributed(doc, s) && !found.Any(f => f.Value == id))
                {
                    found.Add(new Sourced<string>(id, s.Range));
                }
            }

            // A party to the war that speaks for itself: "DAESH said", "the Turkish army said".
            if (found.Count == 0 && back == 0)
            {
                foreach (var a in index.ActorsIn(sentence.FirstToken, sentence.EndToken))
                {
                    bool speaks = doc.Is(a.EndToken, "said") || doc.Is(a.EndToken, "says") || doc.Is(a.EndToken, "claimed")
                        || (doc.Is(a.EndToken, "has") || doc.Is(a.EndToken, "had")) && doc.Is(a.EndToken + 1, "said");
                    if (!index.SourceOverlapping(a) && speaks)
                    {
                        var id = s_actorSources.GetValueOrDefault(a.Value, "other");
                        if (!found.Any(f => f.Value == id))
                        {
                            found.Add(new Sourced<string>(id, a.Range));
                        }
                    }
                }
            }

            // "X told Anadolu": the one told is the outlet that carries the figure, not its source.
            if (found.Count > 1)
            {
                found.RemoveAll(f => f.Range is { } r && index.SourcesIn(0, doc.Tokens.Count).Any(m => m.Range == r && (doc.Is(m.FirstToken - 1, "told") || doc.Is(m.FirstToken - 1, "to"))));
            }

            if (found.Count > 0)
            {
                return found;
            }

            // "It added", "the source said", "according to the source": the last source the article named, however far back.
            if (back == 0 && RefersBack(doc, sentence))
            {
                for (int earlier = lead.Sentence - 1; earlier >= Math.Max(0, lead.Sentence - 15); earlier--)
                {
                    var previous = doc.Sentences[earlier];
                    var named = index.SourcesIn(previous.FirstToken, previous.EndToken).Where(m => IsAttributed(doc, m) && !IsGenericSource(doc, m)).ToList();
                    if (named.Count > 0)
                    {
                        return named.Select(m => new Sourced<string>(m.Value, m.Range)).DistinctBy(x => x.Value).ToList();
                    }
                }
            }

            if (back == 0 && HasOwnAttribution(doc, sentence))
            {
                break; // "officials said" with no known source: not the paragraph's
            }
        }

        // The next sentence may say who said it, when it brings no figure of its own: "At least 79 civilians were killed.
        // Activist Ahed Sileybi said warplanes carried out intensive strikes."
        int after = lead.Sentence + 1;
        if (after < doc.Sentences.Count && doc.Sentences[after].Paragraph == doc.Sentences[lead.Sentence].Paragraph && !index.FiguresIn(after).Any())
        {
            var next = doc.Sentences[after];
            var speakers = index.SourcesIn(next.FirstToken, Math.Min(next.EndToken, next.FirstToken + 6))
                .Where(m => IsAttributed(doc, m, strict: true) || doc.Is(m.EndToken, "said") || doc.Is(m.EndToken, "says")).ToList();
            if (speakers.Count > 0)
            {
                return speakers.Select(m => new Sourced<string>(m.Value, m.Range)).DistinctBy(x => x.Value).ToList();
            }
        }

        // An outlet that is itself an official voice (the state news agency SANA, Anadolu): its own figures are its source's.
        return [new Sourced<string>(index.Memo(OutletSource) ?? "outlet", null)];
    }

    private static readonly FrozenSet<string> s_officialSources = Set("state_media", "russia_official", "turkey_official", "us_official");

    /// <summary>The source id of the article's outlet, when the sources lexicon names it as an official voice.</summary>
    private static string? OutletSource(Document doc)
    {
        if (string.IsNullOrWhiteSpace(doc.Article.Source))
        {
            return null;
        }

        var outlet = new Document(new Article("outlet", doc.Article.Source));
        int end = Lexicons.Sources.Match(outlet, 0, out var values);
        return end == outlet.Tokens.Count && end > 0 && s_officialSources.Contains(values[0][0]) ? values[0][0] : null;
    }

    private static readonly FrozenSet<string> s_reportVerbs = Set("said", "says", "added", "reported", "stated", "noted", "confirmed");

    /// <summary>Whether a reporting verb's subject points back to a source named before: "it said", "the source added".</summary>
    private static bool RefersBack(Document doc, Sentence sentence)
    {
        var verbs = s_reportVerbs.GetAlternateLookup<ReadOnlySpan<char>>();
        for (int k = sentence.FirstToken; k < sentence.EndToken; k++)
        {
            // "according to it", "according to the source"
            if (doc.Is(k, "according") && doc.Is(k + 1, "to") && (doc.Is(k + 2, "it") || doc.Is(k + 2, "the") && (doc.Is(k + 3, "source") || doc.Is(k + 3, "report") || doc.Is(k + 3, "group"))))
            {
                return true;
            }

            if (!verbs.Contains(doc.TokenText(k)))
            {
                continue;
            }

            // "it said", "it also said", "the source added", "the military said"
            int subject = doc.Is(k - 1, "also") || doc.Is(k - 1, "further") || doc.Is(k - 1, "later") ? k - 2 : k - 1;
            if (doc.Is(subject, "it") || doc.Is(subject, "he") || doc.Is(subject, "she") || doc.Is(subject, "they")
                || doc.Is(subject - 1, "the") && (doc.Is(subject, "source") || doc.Is(subject, "group") || doc.Is(subject, "statement")
                    || doc.Is(subject, "report") || doc.Is(subject, "military") || doc.Is(subject, "army") || doc.Is(subject, "ministry")
                    || doc.Is(subject, "agency") || doc.Is(subject, "spokesman")))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsGenericSource(Document doc, LexiconMention m) => m.Value == "other" && m.EndToken - m.FirstToken == 1;

    /// <summary>Whether the sentence says who said it, other than by a pronoun ("he said" continues the paragraph's source).</summary>
    private static bool HasOwnAttribution(Document doc, Sentence sentence)
    {
        for (int k = sentence.FirstToken; k < sentence.EndToken; k++)
        {
            if (doc.Is(k, "according"))
            {
                return true;
            }

            if ((doc.Is(k, "said") || doc.Is(k, "says") || doc.Is(k, "added") || doc.Is(k, "reported") || doc.Is(k, "told")) && !(doc.Is(k - 1, "he") || doc.Is(k - 1, "she") || doc.Is(k - 1, "it") || doc.Is(k - 1, "they")
                || doc.Is(k - 1, "group") || doc.Is(k - 1, "monitor") || doc.Is(k - 1, "observatory")))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsAttributed(Document doc, LexiconMention s, bool strict = false)
    {
        var attribution = s_attribution.GetAlternateLookup<ReadOnlySpan<char>>();
        for (int k = s.EndToken; k < Math.Min(doc.Tokens.Count, s.EndToken + 7); k++)
        {
            if (attribution.Contains(doc.TokenText(k)))
            {
                return true;
            }

            if (doc.Is(k, '.') || doc.Is(k, ';'))
            {
                break;
            }
        }

        // Before it: "according to the Observatory", "reported by SANA", "citing activists", "said the monitor". When
        // strict (deciding whether an actor speaks), "said" must stand right before it: in "it said a coalition raid
        // killed...", the name opens what was said.
        int before = s.FirstToken - 1;
        if (doc.Is(before, "the"))
        {
            before--;
        }

        if (doc.Is(before, "said") || doc.Is(before, "told") || doc.Is(before, "citing") || doc.Is(before, "cited") || (doc.Is(before, "by") && doc.Is(before - 1, "reported")))
        {
            return true;
        }

        // ("according to the director of the Idlib health directorate": a head of the source speaks for it.)
        int of = s.FirstToken - 1;
        while (of > s.FirstToken - 4 && (doc.Is(of, "the") || of >= 0 && doc.Tokens[of].Kind == TokenKind.Word && char.IsUpper(doc.Text[doc.Tokens[of].Start])))
        {
            of--; // "of the Idlib health directorate"
        }

        int reach = doc.Is(of, "of") && (doc.Is(of - 1, "director") || doc.Is(of - 1, "head") || doc.Is(of - 1, "chief")
            || doc.Is(of - 1, "spokesman") || doc.Is(of - 1, "spokesperson")) ? s.FirstToken - of + 4 : 5;
        if (doc.Is(s.FirstToken - 1, "based") && doc.Is(s.FirstToken - 2, '-'))
        {
            reach += 3; // "according to the Britain-based Syrian Observatory"
        }
        for (int k = s.FirstToken - 1; k >= Math.Max(0, s.FirstToken - reach); k--)
        {
            if (doc.Is(k, "according") || (!strict && (doc.Is(k, "said") || doc.Is(k, "told") || doc.Is(k, "citing") || doc.Is(k, "cited"))))
            {
                return true;
            }

            if (doc.Is(k, '.') || doc.Is(k, ';'))
            {
                break;
            }
        }

        return false;
    }
}
